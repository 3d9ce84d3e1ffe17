using MeshDsl.Analyzers;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace MeshDsl.Tests.Support;

/// <summary>Runs <see cref="MeshDeclarationAnalyzer"/> on markup (<c>{|MESH001:"x"|}</c>) against offline .NET 10 references.</summary>
internal static class AnalyzerVerifier
{
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<MeshDeclarationAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.AdditionalReferences.AddRange(TestCompilation.References);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
