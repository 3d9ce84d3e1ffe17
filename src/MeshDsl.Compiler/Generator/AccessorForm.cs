using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MeshDsl.Generator;

/// <summary>
/// Which form <c>T.Manifests</c> takes in a compilation. With C# 14's extension members, each declaration only gets
/// <c>IMeshDeclaration</c> and the property is MeshDsl's one extension (<c>MeshDslManifests</c>); before, each declaration
/// gets a property of its own. The 1,000 property bodies of a 1,000-service mesh were most of what compiling the
/// generated code cost (docs/performance.md); an interface on a partial declaration costs next to nothing.
/// </summary>
internal static class AccessorForm
{
    /// <summary>The language version that has extension members (<c>LanguageVersion.CSharp14</c>, which Roslyn 4.x does not name).</summary>
    internal const int CSharp14 = 1400;

    /// <summary>The metadata names the extension form relies on, in the referenced MeshDsl assembly (the interface's is also
    /// how the generated code names it).</summary>
    internal const string MarkerInterface = "MeshDsl.IMeshDeclaration";

    private const string MeshDslAssembly = "MeshDsl";

    internal const string ExtensionClass = "MeshDslManifests";

    /// <summary>Whether the compilation takes the extension form: see <see cref="Decide"/>.</summary>
    public static bool UsesExtension(Compilation compilation) =>
        compilation is CSharpCompilation csharp && Decide(
            typeof(CSharpCompilation).Assembly.GetName().Version?.Major ?? 0,
            (int)csharp.LanguageVersion,
            MeshDslDeclaresExtension(compilation));

    /// <summary>Whether the referenced MeshDsl declares the interface and the extension (a type of the same name in the project itself does not count).</summary>
    /// <remarks>
    /// Looked up in MeshDsl's own assembly symbol, which compilations share while the references stay the same: asking the
    /// compilation instead built its global namespace again after every edit: an unrelated edit at N = 1000 took 2.4-2.9 ms
    /// instead of 1.1-1.3 ms (`quick 1000`).
    /// </remarks>
    internal static bool MeshDslDeclaresExtension(Compilation compilation)
    {
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (assembly.Name == MeshDslAssembly)
            {
                return assembly.GetTypeByMetadataName(MarkerInterface) is not null && assembly.GetTypeByMetadataName(ExtensionClass) is not null;
            }
        }

        return false;
    }

    /// <summary>
    /// The compiler that runs the generator must read and bind extension members (Roslyn 5 and later: a preview language
    /// version on Roslyn 4 does not have them), the project's language version must have them, and the MeshDsl it
    /// references must declare them (an older runtime library does not).
    /// </summary>
    internal static bool Decide(int roslynMajorVersion, int languageVersion, bool meshDslDeclaresExtension) =>
        roslynMajorVersion >= 5 && languageVersion >= CSharp14 && meshDslDeclaresExtension;
}
