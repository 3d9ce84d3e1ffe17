using System.Collections.Immutable;
using System.Text.RegularExpressions;
using MeshDsl.Analyzers;
using MeshDsl.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshDsl.Tests.Analyzers;

/// <summary>
/// Every rule page's examples are compiled: the rule fires on "Bad" and stays quiet on "Good". These are the firing and quiet
/// tests of every rule, and they keep the documentation honest. Exact locations are pinned in the per-rule tests.
/// </summary>
public class RuleDocsTests
{
    // Rules whose examples need more than one file, or are YAML, are tested in their own classes.
    private static readonly HashSet<string> MultiFile = new() { "MESH011", "MESH019", "MESH703", "MESH111", "MESH405", "MESH503", "MESH506", "MESH507", "MESH606", "MESH607", "MESH609" };

    public static TheoryData<string> Ids => new(Descriptors.All.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task The_rule_fires_on_the_bad_example_and_not_on_the_good_one(string id)
    {
        var page = File.ReadAllText(Path.Combine(Paths.RepoRoot, "docs", "rules", id + ".md"));
        var bad = Example(page, "Bad");
        var good = Example(page, "Good");
        if (MultiFile.Contains(id))
        {
            Assert.Null(bad);
            return;
        }

        Assert.True(bad is not null && good is not null, $"{id}.md needs a Bad and a Good example");
        var badDiagnostics = await Analyze(bad!);
        Assert.True(badDiagnostics.Any(d => d.Id == id), $"{id} does not fire on its Bad example; it reports: {string.Join("; ", badDiagnostics)}");
        var goodDiagnostics = await Analyze(good!);
        Assert.True(goodDiagnostics.All(d => d.Id != id), $"{id} fires on its Good example: {string.Join("; ", goodDiagnostics.Where(d => d.Id == id))}");
        Assert.True(goodDiagnostics.All(d => d.Severity != DiagnosticSeverity.Error), $"The Good example of {id} has errors: {string.Join("; ", goodDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))}");
    }

    internal static string? Example(string page, string heading)
    {
        var match = Regex.Match(page, $"## {heading}\\n\\n```csharp\\n(.*?)\\n```", RegexOptions.Singleline);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>Compiler errors and every MeshDsl diagnostic, as a build would show them.</summary>
    internal static async Task<ImmutableArray<Diagnostic>> Analyze(string source)
    {
        var compilation = TestCompilation.Create(source);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, "The example does not compile: " + string.Join("; ", errors.Select(e => e.ToString())));
        // An example names its canary engine in a first comment line, as a project sets the build property.
        var engine = Regex.Match(source, "^// MeshDslCanaryEngine=(\\w+)");
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, engine.Success
            ? new BuildPropertiesProvider(("build_property.MeshDslCanaryEngine", engine.Groups[1].Value))
            : new BuildPropertiesProvider());
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MeshDeclarationAnalyzer()), options);
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync();
    }
}
