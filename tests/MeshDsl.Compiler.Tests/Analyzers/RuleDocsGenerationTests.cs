using MeshDsl.Rules;
using MeshDsl.Tests.Support;

namespace MeshDsl.Tests.Analyzers;

/// <summary>
/// docs/rules/ and the analyzer release table are made from <see cref="RuleCatalog"/> by this test, never by hand: they must
/// equal what the catalog renders. MESHDSL_UPDATE_BASELINES=1 rewrites them (review the diff).
/// </summary>
public class RuleDocsGenerationTests
{
    public static TheoryData<string> Ids => new(RuleCatalog.All.Select(r => r.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_rule_page_is_what_the_catalog_says(string id) =>
        Check(Path.Combine(Paths.RepoRoot, "docs", "rules", id + ".md"), RulePages.Page(RuleCatalog.Get(id)));

    [Fact]
    public void The_rules_index_is_what_the_catalog_says() =>
        Check(Path.Combine(Paths.RepoRoot, "docs", "rules", "README.md"), RulePages.Index());

    [Fact]
    public void The_release_table_lists_every_rule() =>
        Check(Path.Combine(Paths.RepoRoot, "src", "MeshDsl.Compiler", "AnalyzerReleases.Unshipped.md"), RulePages.Releases());

    [Fact]
    public void Every_build_error_has_a_page_written_by_hand() =>
        Assert.All(RulePages.BuildErrors, e => Assert.True(File.Exists(Path.Combine(Paths.RepoRoot, "docs", "rules", e.Id + ".md")), e.Id));

    private static void Check(string path, string expected)
    {
        if (Baseline.Updating)
        {
            File.WriteAllText(path, expected);
            return;
        }

        var actual = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : "(missing)";
        Assert.True(actual == expected, $"{path} is not what the rule catalog renders: run the tests with MESHDSL_UPDATE_BASELINES=1 and review the diff.");
    }
}
