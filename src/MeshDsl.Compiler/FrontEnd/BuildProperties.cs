using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshDsl.FrontEnd;

/// <summary>
/// The MSBuild properties MeshDsl.props makes visible to the compiler (<c>CompilerVisibleProperty</c>), read the one way
/// the generator and the analyzers both use.
/// </summary>
internal static class BuildProperties
{
    public const string Namespace = "MeshDslNamespace";
    public const string CanaryEngine = "MeshDslCanaryEngine";
    public const string Graph = "MeshDslGraph";
    public const string GeneratorCache = "MeshDslGeneratorCache";
    public const string ManifestsProperty = "MeshDslManifestsProperty";

    /// <summary>The property's value, or null when the project does not set it or does not make it visible.</summary>
    public static string? Value(AnalyzerConfigOptions global, string name) =>
        global.TryGetValue("build_property." + name, out var value) ? value : null;

    /// <summary>A flag: <c>true</c> in any case and with spaces around it; anything else is false, as MSBuild conditions read it.</summary>
    public static bool IsTrue(AnalyzerConfigOptions global, string name) =>
        string.Equals(Value(global, name)?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);
}
