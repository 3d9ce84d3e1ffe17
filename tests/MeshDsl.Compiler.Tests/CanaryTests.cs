using MeshDsl.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.Tests;

/// <summary>
/// The seed's progressive rollout is one declaration (samples/Canary), built for each engine: Steps reproduces fixtures
/// 22-26 exactly, Flagger and Argo Rollouts get their own CRDs' documents, each valid against its schema.
/// </summary>
public class CanaryTests
{
    private static IReadOnlyDictionary<string, string> Build(string? engine) =>
        TestCompilation.Run(TestCompilation.Create(TestCompilation.Sample("Canary")), TestCompilation.Driver(canaryEngine: engine)).Manifests();

    private static YamlMappingNode Doc(string yaml) => (YamlMappingNode)YamlTree.ParseSingle(yaml);

    private static string Kind(YamlMappingNode doc) => ((YamlScalarNode)doc["kind"]).Value!;

    [Theory]
    [InlineData(null)]
    [InlineData("Steps")]
    [InlineData("steps")]
    public void Steps_reproduce_the_seed_rollout_fixtures_22_to_26_exactly(string? engine)
    {
        var manifests = Build(engine);
        var expected = new Dictionary<string, string>
        {
            ["22-canary-deployment-v2"] = "deployment-reviews-v2.yaml",
            ["23-canary-destinationrule"] = "destinationrule-reviews.yaml",
            ["24-canary-start"] = "virtualservice-reviews.yaml",
            ["25-canary-step-005"] = "canary-steps/default-reviews/step-005.yaml",
            ["25-canary-step-010"] = "canary-steps/default-reviews/step-010.yaml",
            ["25-canary-step-025"] = "canary-steps/default-reviews/step-025.yaml",
            ["25-canary-step-050"] = "canary-steps/default-reviews/step-050.yaml",
            ["25-canary-step-075"] = "canary-steps/default-reviews/step-075.yaml",
            ["25-canary-step-100"] = "canary-steps/default-reviews/step-100.yaml",
            ["26-canary-rollback"] = "canary-steps/default-reviews/rollback.yaml",
        };
        foreach (var (fixture, file) in expected)
        {
            Assert.True(manifests.ContainsKey(file), $"no {file}; the sample emits {string.Join(", ", manifests.Keys)}");
            var want = YamlTree.ParseSingle(File.ReadAllText(Path.Combine(Paths.SeedManifests, fixture + ".yaml")));
            Assert.Equal(YamlTree.Canonical(want), YamlTree.Canonical(YamlTree.ParseSingle(manifests[file])));
        }

        // Nothing else is staged: the steps are the script's weights and one rollback.
        Assert.Equal(7, manifests.Keys.Count(k => k.StartsWith("canary-steps/", StringComparison.Ordinal)));
        Assert.All(manifests.Values, yaml => Assert.Empty(CrdValidator.Validate(YamlTree.ParseSingle(yaml))));
    }

    [Fact]
    public void Flagger_gets_a_canary_and_owns_the_routing_it_generates()
    {
        var manifests = Build("Flagger");
        var docs = manifests.Values.Select(Doc).ToArray();
        Assert.All(docs, d => Assert.Empty(CrdValidator.Validate(d)));

        // Flagger generates the VirtualService, the DestinationRules and the Services: MeshDsl writes none of them.
        Assert.DoesNotContain(docs, d => Kind(d) is "VirtualService" or "DestinationRule" or "Service");
        // Flagger runs the stable version as its primary: the canary's Deployment is its target, the stable one is not written.
        Assert.Contains("deployment-reviews-v2.yaml", manifests.Keys);
        Assert.DoesNotContain("deployment-reviews-v1.yaml", manifests.Keys);

        var canary = Assert.Single(docs, d => Kind(d) == "Canary");
        var spec = (YamlMappingNode)canary["spec"];
        Assert.Equal("reviews-v2", ((YamlScalarNode)((YamlMappingNode)spec["targetRef"])["name"]).Value);
        var service = (YamlMappingNode)spec["service"];
        Assert.Equal("8080", ((YamlScalarNode)service["port"]).Value);
        Assert.Equal("reviews", ((YamlScalarNode)service["name"]).Value);

        // The DestinationRule's policy goes where Flagger takes it, as far as its schema has room (tcp limits do not: MESH704).
        var policy = (YamlMappingNode)service["trafficPolicy"];
        var pool = (YamlMappingNode)policy["connectionPool"];
        Assert.Equal("50", ((YamlScalarNode)((YamlMappingNode)pool["http"])["http1MaxPendingRequests"]).Value);
        Assert.False(pool.Children.ContainsKey(new YamlScalarNode("tcp")));
        Assert.Equal("3", ((YamlScalarNode)((YamlMappingNode)policy["outlierDetection"])["consecutive5xxErrors"]).Value);

        var analysis = (YamlMappingNode)spec["analysis"];
        Assert.Equal("5m", ((YamlScalarNode)analysis["interval"]).Value);
        Assert.Equal("1", ((YamlScalarNode)analysis["threshold"]).Value);
        Assert.Equal(new[] { "5", "10", "25", "50", "75", "100" }, ((YamlSequenceNode)analysis["stepWeights"]).Children.Select(c => ((YamlScalarNode)c).Value));
        var metrics = ((YamlSequenceNode)analysis["metrics"]).Children.Cast<YamlMappingNode>().ToArray();
        Assert.Equal(new[] { "request-success-rate", "request-duration", "request-count" }, metrics.Select(m => ((YamlScalarNode)m["name"]).Value));
        Assert.Equal("99.0", ((YamlScalarNode)((YamlMappingNode)metrics[0]["thresholdRange"])["min"]).Value);
        Assert.Equal("500.0", ((YamlScalarNode)((YamlMappingNode)metrics[1]["thresholdRange"])["max"]).Value);

        // The request count is a MetricTemplate selecting the canary's own requests, as its sidecar reports them.
        var template = Assert.Single(docs, d => Kind(d) == "MetricTemplate");
        var query = ((YamlScalarNode)((YamlMappingNode)template["spec"])["query"]).Value!;
        Assert.Contains("reporter=\"destination\"", query);
        Assert.Contains("destination_workload=~\"{{ target }}\"", query);
        var webhook = (YamlMappingNode)((YamlSequenceNode)analysis["webhooks"]).Children.Single();
        Assert.Equal("rollout", ((YamlScalarNode)webhook["type"]).Value);
    }

    [Fact]
    public void Argo_gets_a_rollout_its_analysis_and_the_routing_shaped_as_it_expects()
    {
        var manifests = Build("ArgoRollouts");
        var docs = manifests.Values.Select(Doc).ToArray();
        Assert.All(docs, d => Assert.Empty(CrdValidator.Validate(d)));
        Assert.DoesNotContain(manifests.Keys, k => k.StartsWith("canary-steps/", StringComparison.Ordinal));
        Assert.DoesNotContain("deployment-reviews-v1.yaml", manifests.Keys);

        // The VirtualService starts stable at 100 and canary at 0; the Rollout moves the weights.
        var vs = Assert.Single(docs, d => Kind(d) == "VirtualService");
        var route = (YamlSequenceNode)((YamlMappingNode)((YamlSequenceNode)((YamlMappingNode)vs["spec"])["http"]).Children.Single())["route"];
        Assert.Equal(new[] { "v1:100", "v2:0" }, route.Children.Cast<YamlMappingNode>()
            .Select(d => ((YamlScalarNode)((YamlMappingNode)d["destination"])["subset"]).Value + ":" + ((YamlScalarNode)d["weight"]).Value));

        var rollout = (YamlMappingNode)Assert.Single(docs, d => Kind(d) == "Rollout")["spec"];
        var canary = (YamlMappingNode)((YamlMappingNode)rollout["strategy"])["canary"];
        var istio = (YamlMappingNode)((YamlMappingNode)canary["trafficRouting"])["istio"];
        Assert.Equal("reviews", ((YamlScalarNode)((YamlMappingNode)istio["virtualService"])["name"]).Value);
        var dr = (YamlMappingNode)istio["destinationRule"];
        Assert.Equal(("v1", "v2"), (((YamlScalarNode)dr["stableSubsetName"]).Value, ((YamlScalarNode)dr["canarySubsetName"]).Value));
        var steps = ((YamlSequenceNode)canary["steps"]).Children.Cast<YamlMappingNode>().ToArray();
        Assert.Equal(12, steps.Length);
        Assert.Equal("5", ((YamlScalarNode)steps[0]["setWeight"]).Value);
        Assert.Equal("5m", ((YamlScalarNode)((YamlMappingNode)steps[1]["pause"])["duration"]).Value);
        Assert.Equal("v2", ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)canary["canaryMetadata"])["labels"])["version"]).Value);

        // Conditions survive an empty result and NaN; the request count is what fails when there is no traffic.
        var template = (YamlMappingNode)Assert.Single(docs, d => Kind(d) == "AnalysisTemplate")["spec"];
        var metrics = ((YamlSequenceNode)template["metrics"]).Children.Cast<YamlMappingNode>().ToDictionary(m => ((YamlScalarNode)m["name"]).Value!);
        Assert.Equal("len(result) == 0 || isNaN(result[0]) || result[0] >= 99", ((YamlScalarNode)metrics["success-rate"]["successCondition"]).Value);
        Assert.Equal("len(result) == 0 || isNaN(result[0]) || result[0] <= 500", ((YamlScalarNode)metrics["latency"]["successCondition"]).Value);
        Assert.Equal("len(result) > 0 && !isNaN(result[0]) && result[0] >= 100", ((YamlScalarNode)metrics["request-count"]["successCondition"]).Value);
        var query = ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)metrics["success-rate"]["provider"])["prometheus"])["query"]).Value!;
        Assert.Contains("destination_service=\"reviews.default.svc.cluster.local\"", query);
        Assert.Contains("destination_version=\"v2\"", query);
        Assert.Contains("reporter=\"destination\"", query);
    }

    [Fact]
    public void Each_engine_builds_the_same_declaration_deterministically()
    {
        foreach (var engine in new[] { "Steps", "Flagger", "ArgoRollouts" })
        {
            Assert.Equal(Build(engine), Build(engine));
        }
    }
}
