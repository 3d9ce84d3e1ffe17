using System.Collections.Immutable;
using MeshDsl.Analyzers;
using MeshDsl.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MeshDsl.Tests.Analyzers;

public class AnalyzerRobustnessTests
{
    public static TheoryData<string> BadInputs => RobustnessTests.BadInputs;

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task The_analyzer_never_throws_on_malformed_input(string source)
    {
        var compilation = TestCompilation.Create(source);
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), (ex, _, _) => exceptions.Add(ex), concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MeshDeclarationAnalyzer()), options).GetAllDiagnosticsAsync();
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    [Fact]
    public async Task A_rule_turned_off_in_editorconfig_stays_quiet_and_the_others_still_report()
    {
        var test = new CSharpAnalyzerTest<MeshDeclarationAnalyzer, DefaultVerifier>
        {
            TestCode = "using MeshDsl;\n[MeshService(\"reviews\")]\npublic partial class Reviews\n{\n    [Subset(\"v1\")] public partial class V1 { }\n    [Subset(\"v2\")] public partial class V2 { }\n"
                + "    [HttpRoute, RouteTo<V1>(Weight = 90), RouteTo<V2>(Weight = 20), Retries({|#0:5|})] public partial class A { }\n}",
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.AdditionalReferences.AddRange(TestCompilation.References);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.MESH104.severity = none\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("MESH204", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("5"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_warning_raised_to_error_by_configuration_is_reported_as_an_error()
    {
        // What `dotnet_diagnostic.MESH204.severity = error` in .editorconfig does, through the compiler's own options.
        var compilation = TestCompilation.Create("using MeshDsl;\n[MeshService(\"reviews\")]\npublic partial class Reviews\n{\n    [Subset(\"v1\")] public partial class V1 { }\n"
            + "    [HttpRoute, RouteTo<V1>, Retries(5)] public partial class A { }\n}");
        var raised = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            new Dictionary<string, ReportDiagnostic> { ["MESH204"] = ReportDiagnostic.Error, ["MESH305"] = ReportDiagnostic.Suppress }));
        var diagnostics = await raised.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MeshDeclarationAnalyzer())).GetAnalyzerDiagnosticsAsync();
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(diagnostics, d => d.Id == "MESH204").Severity);
        Assert.DoesNotContain(diagnostics, d => d.Id == "MESH305");
    }
}
