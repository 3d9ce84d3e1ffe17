using System.Collections.Immutable;
using MeshDsl.Analyzers;
using MeshDsl.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshDsl.Tests.Analyzers;

/// <summary>
/// The samples build clean, and where a seed example breaks the seed's own advice the analyzers say so and the sample
/// acknowledges it the way a user would (#pragma), without weakening the rule.
/// </summary>
public class SampleAnalysisTests
{
    public static TheoryData<string> Samples => new(TestCompilation.AllSamples());

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Every_sample_has_no_unacknowledged_warning_or_error(string sample)
    {
        var diagnostics = await Analyze(sample);
        var open = diagnostics.Where(d => !d.IsSuppressed && d.Severity >= DiagnosticSeverity.Warning).ToArray();
        Assert.True(open.Length == 0, string.Join("\n", open.Select(d => d.ToString())));
    }

    [Theory]
    [InlineData("Seed/17-retries-timeouts", "MESH202,MESH203")]
    [InlineData("Seed/18-per-route-timeouts", "MESH203")]
    [InlineData("Seed/14-delay-injection", "MESH108")]
    [InlineData("Seed/15-abort-injection", "MESH108")]
    public async Task Seed_examples_that_break_the_seeds_advice_are_flagged_and_acknowledged(string sample, string expected)
    {
        var diagnostics = await Analyze(sample);
        var acknowledged = diagnostics.Where(d => d.IsSuppressed).Select(d => d.Id).Distinct().OrderBy(id => id);
        Assert.Equal(expected.Split(','), acknowledged);
    }

    [Fact]
    public async Task The_seed_17_budget_is_flagged_at_the_per_try_timeout_and_the_503_at_retry_on()
    {
        var diagnostics = await Analyze("Seed/17-retries-timeouts");
        var budget = diagnostics.Single(d => d.Id == "MESH203");
        Assert.Equal("PerTryTimeout = \"3s\"", Argument(budget));
        Assert.Equal("4 tries of 3s take up to 12s, longer than the rule's timeout of 10s: use a perTryTimeout of at most 2500ms", budget.GetMessage());
        Assert.StartsWith("RetryOn = new[]", Argument(diagnostics.Single(d => d.Id == "MESH202")));
    }

    private static string Argument(Diagnostic diagnostic)
    {
        var root = diagnostic.Location.SourceTree!.GetRoot();
        return root.FindNode(diagnostic.Location.SourceSpan).Parent!.ToString();
    }

    private static async Task<ImmutableArray<Diagnostic>> Analyze(string sample)
    {
        var compilation = TestCompilation.Create(TestCompilation.Sample(sample));
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true);
        return await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MeshDeclarationAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
    }
}
