using System.Text.RegularExpressions;
using MeshDsl.Tests.Support;
using Microsoft.CodeAnalysis;

namespace MeshDsl.Tests.Analyzers;

/// <summary>The README's rate limiting example compiles, generates its EnvoyFilters, and draws no diagnostic.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public async Task The_rate_limiting_example_compiles_quietly_and_emits_what_the_README_says()
    {
        var readme = File.ReadAllText(Path.Combine(Paths.RepoRoot, "README.md")).Replace("\r\n", "\n");
        var section = readme.Substring(readme.IndexOf("### Rate limiting", StringComparison.Ordinal));
        var code = Regex.Match(section, "```csharp\n(.*?)\n```", RegexOptions.Singleline).Groups[1].Value;
        var source = "using MeshDsl;\n" + code;

        var diagnostics = await RuleDocsTests.Analyze(source);
        Assert.True(diagnostics.IsEmpty, string.Join("\n", diagnostics));
        var manifests = TestCompilation.Run(TestCompilation.Create(source)).Manifests();
        Assert.Contains("istio-system-envoyfilter-ingress-local-rate-limit.yaml", manifests.Keys);
        Assert.Contains("istio-system-envoyfilter-ratelimit-ingress.yaml", manifests.Keys);
        Assert.Contains("istio-system-configmap-ratelimit-config.yaml", manifests.Keys);
        Assert.All(manifests.Values, m => Assert.Empty(CrdValidator.Validate(YamlTree.ParseSingle(m))));
    }

    [Theory]
    [InlineData("Steps", "canary-steps/default-reviews/step-050.yaml")]
    [InlineData("Flagger", "canary-reviews.yaml")]
    [InlineData("ArgoRollouts", "rollout-reviews.yaml")]
    public async Task The_canary_example_builds_quietly_with_every_engine(string engine, string expectedFile)
    {
        var readme = File.ReadAllText(Path.Combine(Paths.RepoRoot, "README.md")).Replace("\r\n", "\n");
        var section = readme.Substring(readme.IndexOf("### Progressive canaries", StringComparison.Ordinal));
        var code = Regex.Match(section, "```csharp\n(.*?)\n```", RegexOptions.Singleline).Groups[1].Value;
        var source = "// MeshDslCanaryEngine=" + engine + "\nusing MeshDsl;\n" + code;

        // Information (a webhook or check the engine does not run) is allowed: the same declaration builds with every engine.
        var diagnostics = await RuleDocsTests.Analyze(source);
        Assert.True(diagnostics.All(d => d.Severity < Microsoft.CodeAnalysis.DiagnosticSeverity.Warning), string.Join("\n", diagnostics));
        var manifests = TestCompilation.Run(TestCompilation.Create(source), TestCompilation.Driver(canaryEngine: engine)).Manifests();
        Assert.Contains(expectedFile, manifests.Keys);
        Assert.All(manifests.Values, m => Assert.Empty(CrdValidator.Validate(YamlTree.ParseSingle(m))));
    }
}
