using System.Text.RegularExpressions;
using MeshDsl.Analyzers;
using MeshDsl.Tests.Support;

namespace MeshDsl.Tests.Analyzers;

/// <summary>Every diagnostic ID is documented, linked and tracked.</summary>
public class RuleCatalogTests
{
    public static TheoryData<string> Ids => new(Descriptors.All.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Has_a_docs_page_a_help_link_and_a_release_entry(string id)
    {
        var descriptor = Descriptors.All.Single(d => d.Id == id);
        Assert.Equal(Descriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);

        var page = Path.Combine(Paths.RepoRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: ", text);
        Assert.Contains("## What it finds", text);
        Assert.Contains("## Why it matters", text);
        Assert.Contains("```", text);

        var releases = File.ReadAllText(Path.Combine(Paths.RepoRoot, "src", "MeshDsl.Compiler", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(Paths.RepoRoot, "src", "MeshDsl.Compiler", "AnalyzerReleases.Shipped.md"));
        Assert.Matches(new Regex($"^{id} \\| {Regex.Escape(descriptor.Category)} \\| {descriptor.DefaultSeverity} \\|", RegexOptions.Multiline), releases);
    }

    [Fact]
    public void Every_rule_id_the_rules_can_report_is_in_the_catalog_and_has_a_descriptor()
    {
        var ids = typeof(RuleIds).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetValue(null)!).ToArray();
        Assert.Equal(ids.OrderBy(i => i), MeshDsl.Rules.RuleCatalog.All.Select(r => r.Id).OrderBy(i => i));
        Assert.Equal(ids.OrderBy(i => i), Descriptors.All.Select(d => d.Id).OrderBy(i => i));
    }

    [Fact]
    public void Every_docs_page_belongs_to_a_rule()
    {
        var known = Descriptors.All.Select(d => d.Id).Concat(MeshDsl.Rules.RulePages.BuildErrors.Select(e => e.Id)).ToHashSet();
        var pages = Directory.GetFiles(Path.Combine(Paths.RepoRoot, "docs", "rules"), "MESH*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.All(pages, p => Assert.Contains(p!, known));
    }
}
