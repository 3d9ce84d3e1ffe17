using System.Collections.Immutable;
using MeshDsl.Analyzers;
using MeshDsl.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MeshDsl.Tests.Analyzers;

/// <summary>
/// A rule the project silences on the command line (NoWarn) is never reported, so the analyzers do not place its findings
/// in the syntax; everything else they report is as before, and a rule no longer silenced is reported again at once.
/// </summary>
public class SilencedRuleTests
{
    // MESH204 (five retries) and MESH001 (a timeout that is no duration) fire on this service.
    private const string Reviews = """
        using MeshDsl;
        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute(Timeout = "soon"), RouteTo<V1>, Retries(5)] public partial class A { }
        }
        """;

    [Fact]
    public async Task A_silenced_rules_findings_are_not_placed_and_the_rest_are_reported_as_before()
    {
        var compilation = TestCompilation.Create(("/src/Reviews.cs", Reviews));
        var everything = new MeshDeclarationAnalyzer();
        var all = await WorkloadAnalysis.AnalyzeAsync(everything, compilation);
        Assert.Contains(all, d => d.Id == "MESH204");
        Assert.Contains(all, d => d.Id == "MESH001");

        var quiet = new MeshDeclarationAnalyzer();
        var reported = await WorkloadAnalysis.AnalyzeAsync(quiet, Silence(compilation, "MESH204"));
        Assert.Equal(Texts(all.Where(d => d.Id != "MESH204")), Texts(reported));
        Assert.Equal(everything.FindingsPlaced - all.Count(d => d.Id == "MESH204"), quiet.FindingsPlaced);
    }

    [Fact]
    public async Task A_rule_no_longer_silenced_is_reported_again_by_the_analyzer_kept_for_the_same_trees()
    {
        // The IDE keeps the analyzer and the syntax trees when only the project's NoWarn changes.
        var compilation = TestCompilation.Create(("/src/Reviews.cs", Reviews));
        var fresh = await WorkloadAnalysis.AnalyzeAsync(new MeshDeclarationAnalyzer(), compilation);
        var kept = new MeshDeclarationAnalyzer();

        Assert.DoesNotContain(await WorkloadAnalysis.AnalyzeAsync(kept, Silence(compilation, "MESH204")), d => d.Id == "MESH204");
        Assert.Equal(Texts(fresh), Texts(await WorkloadAnalysis.AnalyzeAsync(kept, compilation)));
        Assert.DoesNotContain(await WorkloadAnalysis.AnalyzeAsync(kept, Silence(compilation, "MESH204")), d => d.Id == "MESH204");
    }

    [Fact]
    public void Only_a_command_line_suppression_silences_a_rule()
    {
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary).WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
        {
            ["mesh204"] = ReportDiagnostic.Suppress,   // NoWarn, in any case
            ["MESH305"] = ReportDiagnostic.Default,    // WarningsNotAsErrors: the configured severity stays in charge
            ["MESH001"] = ReportDiagnostic.Error,
            ["CS0168"] = ReportDiagnostic.Suppress,
        });
        var silenced = Silenced.Of(options);
        Assert.True(silenced.Contains("MESH204"));
        Assert.False(silenced.Contains("MESH305"));
        Assert.False(silenced.Contains("MESH001"));
        Assert.False(silenced.Contains("CS0168"));
        Assert.Same(Silenced.None, Silenced.Of(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)));
        Assert.Equal(silenced, Silenced.Of(options.WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["MESH204"] = ReportDiagnostic.Suppress })));
        Assert.NotEqual(silenced, Silenced.None);
    }

    private static Compilation Silence(Compilation compilation, string id) =>
        compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(compilation.Options.SpecificDiagnosticOptions.SetItem(id, ReportDiagnostic.Suppress)));

    private static string[] Texts(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => d.ToString()).OrderBy(t => t, StringComparer.Ordinal).ToArray();
}
