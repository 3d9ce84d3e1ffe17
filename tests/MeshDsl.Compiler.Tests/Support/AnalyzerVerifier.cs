using MeshDsl.Analyzers;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace MeshDsl.Tests.Support;

/// <summary>
/// Runs <see cref="MeshDeclarationAnalyzer"/> on markup (<c>{|MESH001:"x"|}</c>) against offline .NET 10 references,
/// with every MeshDsl rule but <c>rule</c> disabled, so a test pins exactly the diagnostics of the rule it is about.
/// </summary>
internal static class AnalyzerVerifier
{
    public static Task VerifyAsync(string rule, string source, params DiagnosticResult[] expected) =>
        VerifyAsync(rule, new[] { ("/0/Test0.cs", source) }, expected);

    public static Task VerifyAsync(string rule, (string Path, string Source)[] sources, params DiagnosticResult[] expected) =>
        VerifyAsync(rule, sources, buildProperties: null, expected);

    /// <param name="buildProperties">MSBuild properties the analyzer sees (<c>MeshDslCanaryEngine=Flagger</c>), as a global config.</param>
    public static Task VerifyAsync(string rule, (string Path, string Source)[] sources, string[]? buildProperties, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<MeshDeclarationAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        if (buildProperties is { Length: > 0 })
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + string.Concat(buildProperties.Select(p => "build_property." + p.Replace("=", " = ") + "\n"))));
        }

        foreach (var (path, source) in sources) test.TestState.Sources.Add((path, source));
        test.TestState.AdditionalReferences.AddRange(TestCompilation.References);
        test.DisabledDiagnostics.AddRange(Descriptors.All.Select(d => d.Id).Where(id => id != rule));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
