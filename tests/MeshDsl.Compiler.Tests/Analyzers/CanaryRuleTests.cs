using MeshDsl.Tests.Support;
using Microsoft.CodeAnalysis;

namespace MeshDsl.Tests.Analyzers;

/// <summary>
/// The canary rules where the rule pages' examples do not reach: the exact argument each finding lands on, the quiet cases
/// that depend on the engine, and MESH703, which needs two declarations.
/// </summary>
public class CanaryRuleTests
{
    private const string Subsets = """
            [Subset("v1"), Deployment("reviews:1.0")] public partial class V1 { }
            [Subset("v2"), Deployment("reviews:2.0")] public partial class V2 { }
        """;

    private static string Service(string attributes, string body = "") => $$"""
        using MeshDsl;

        [MeshService("reviews", Port = 9080)]
        {{attributes}}
        public partial class Reviews
        {
        {{Subsets}}
        {{body}}
        }
        """;

    private static async Task<Diagnostic[]> Analyze(string source, string engine = "Steps", string? id = null)
    {
        var all = await RuleDocsTests.Analyze("// MeshDslCanaryEngine=" + engine + "\n" + source);
        return all.Where(d => id is null || d.Id == id).ToArray();
    }

    private static string Text(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);

    [Fact]
    public async Task A_step_that_goes_back_is_reported_at_its_element()
    {
        var found = await Analyze(Service("[Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 10, 5, 50, 120 })]"), id: "MESH701");
        Assert.Equal(new[] { "5", "120" }, found.Select(Text));
    }

    [Fact]
    public async Task StepWeight_and_MaxWeight_make_climbing_steps()
    {
        Assert.Empty(await Analyze(Service("[Canary<Reviews.V1, Reviews.V2>(StepWeight = 20, MaxWeight = 90)]"), id: "MESH701"));
        var none = await Analyze(Service("[Canary<Reviews.V1, Reviews.V2>]"), id: "MESH701");
        Assert.Equal("Canary<Reviews.V1, Reviews.V2>", Text(Assert.Single(none)));
    }

    [Fact]
    public async Task A_ratio_where_a_percentage_is_expected_is_reported_at_the_number()
    {
        var found = await Analyze(Service("[Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 50, 100 })]\n[CanarySuccessRate(0.99)]\n[CanaryLatency(\"500ms\", Percentile = 0.95)]"), id: "MESH702");
        Assert.Equal(new[] { "0.95", "0.99" }, found.Select(Text).OrderBy(t => t, StringComparer.Ordinal));
        Assert.Contains("write 99", found.Select(d => d.GetMessage()).First(m => m.Contains("success rate")));
    }

    [Fact]
    public async Task Flagger_owns_the_canary_hosts_routing_another_declaration_may_not_write_it()
    {
        var source = Service("[Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 50, 100 }, MinRequests = 10)]\n[CanarySuccessRate(99)]") + """

            [VirtualService("reviews-extra", Hosts = new[] { "reviews" })]
            public partial class ReviewsExtra
            {
                [HttpRoute, RouteToHost("reviews", Subset = "v1")] public partial class All { }
            }

            [VirtualService("reviews-edge", Hosts = new[] { "reviews.example.com" }, ExternalGateways = new[] { "istio-system/edge" })]
            public partial class ReviewsEdge
            {
                [HttpRoute, RouteToHost("reviews")] public partial class All { }
            }
            """;
        var flagger = await Analyze(source, "Flagger", "MESH703");
        var only = Assert.Single(flagger);
        Assert.Contains("'reviews-extra'", only.GetMessage());
        Assert.Equal("new[] { \"reviews\" }", Text(only));

        // Without Flagger nobody else writes the host's routing: quiet.
        Assert.Empty(await Analyze(source, "ArgoRollouts", "MESH703"));
        Assert.Empty(await Analyze(source, "Steps", "MESH703"));
    }

    [Fact]
    public async Task What_a_Flagger_canary_drops_is_reported_where_it_is_written()
    {
        var source = Service(
            "[ConnectionPool(MaxConnections = 100, Http1MaxPendingRequests = 10)]\n[Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 50, 100 }, MinRequests = 10)]\n[CanarySuccessRate(99)]",
            "[HttpRoute, FaultDelay(\"1s\", Percent = 10), RouteTo<V1>(Weight = 100), RouteTo<V2>(Weight = 0)] public partial class Default { }");
        var found = await Analyze(source, "Flagger", "MESH704");
        Assert.Equal(2, found.Length);
        Assert.Contains(found, d => Text(d) == "100" && d.GetMessage().StartsWith("trafficPolicy.connectionPool.tcp.maxConnections", StringComparison.Ordinal));
        Assert.Contains(found, d => Text(d).StartsWith("FaultDelay", StringComparison.Ordinal) && d.GetMessage().StartsWith("fault injection", StringComparison.Ordinal));

        // Visibility too: Flagger's objects are exported everywhere.
        var exported = await Analyze(source.Replace("[MeshService(\"reviews\", Port = 9080)]", "[MeshService(\"reviews\", Port = 9080, ExportTo = new[] { \".\" })]"), "Flagger", "MESH704");
        Assert.Contains(exported, d => d.GetMessage().StartsWith("exportTo", StringComparison.Ordinal) && Text(d) == "new[] { \".\" }");

        // Argo Rollouts and Steps keep the service's own routing: nothing is dropped.
        Assert.Empty(await Analyze(source, "ArgoRollouts", "MESH704"));
        Assert.Empty(await Analyze(source, "Steps", "MESH704"));
    }

    [Fact]
    public async Task Argo_needs_route_names_only_when_there_are_several_routes()
    {
        var one = Service("[Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 50, 100 }, MinRequests = 10)]\n[CanarySuccessRate(99)]",
            "[HttpRoute, RouteTo<V1>(Weight = 100), RouteTo<V2>(Weight = 0)] public partial class Default { }");
        Assert.Empty(await Analyze(one, "ArgoRollouts", "MESH705"));

        var two = Service("[Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 50, 100 }, MinRequests = 10)]\n[CanarySuccessRate(99)]",
            "[HttpRoute(Order = 1), MatchUri(Prefix = \"/v2\"), RouteTo<V2>] public partial class Pinned { }\n[HttpRoute(Order = 2), RouteTo<V1>(Weight = 100), RouteTo<V2>(Weight = 0)] public partial class Default { }");
        var found = Assert.Single(await Analyze(two, "ArgoRollouts", "MESH705"));
        Assert.Equal("HttpRoute(Order = 2)", Text(found));
        Assert.Empty(await Analyze(two, "Flagger", "MESH705"));
    }

    [Fact]
    public async Task Weights_declared_for_the_canary_are_reported_where_a_controller_replaces_them()
    {
        var split = Service("[Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 50, 100 }, MinRequests = 10)]\n[CanarySuccessRate(99)]",
            "[HttpRoute(Name = \"split\"), RouteTo<V1>(Weight = 90), RouteTo<V2>(Weight = 10)] public partial class Default { }");
        var argo = Assert.Single(await Analyze(split, "ArgoRollouts", "MESH712"));
        Assert.Equal("10", Text(argo));
        Assert.Equal("Route 'split' sends 90% to 'v1' and 10% to 'v2', but Argo Rollouts starts the canary at 0% and sets the weights itself, step by step: these weights never apply; route everything to the stable subset and let StepWeights move the traffic", argo.GetMessage());
        Assert.Contains("but Flagger starts", Assert.Single(await Analyze(split, "Flagger", "MESH712")).GetMessage());

        // The Steps engine starts from the routing as declared; the start a controller writes anyway is quiet.
        Assert.Empty(await Analyze(split, "Steps", "MESH712"));
        var start = Service("[Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 50, 100 }, MinRequests = 10)]\n[CanarySuccessRate(99)]",
            "[HttpRoute, RouteTo<V1>(Weight = 100), RouteTo<V2>(Weight = 0)] public partial class Default { }");
        Assert.Empty(await Analyze(start, "ArgoRollouts", "MESH712"));
        Assert.Empty(await Analyze(start, "Flagger", "MESH712"));
    }

    [Fact]
    public async Task Traffic_to_measure_comes_from_a_load_test_with_Flagger_and_from_MinRequests_with_Argo()
    {
        const string LoadTest = "[CanaryWebhook(\"load\", \"http://flagger-loadtester.test/\", Type = CanaryWebhookType.LoadTest, Command = \"hey -z 1m http://reviews:9080/\")]";
        var withLoadTest = Service("[Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 50, 100 })]\n[CanarySuccessRate(99)]\n" + LoadTest);
        Assert.Empty(await Analyze(withLoadTest, "Flagger", "MESH707"));
        Assert.Single(await Analyze(withLoadTest, "ArgoRollouts", "MESH707"));

        var bare = Service("[Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 50, 100 })]");
        Assert.Contains("no health check", Assert.Single(await Analyze(bare, "Flagger", "MESH707")).GetMessage());
        Assert.Empty(await Analyze(bare, "Steps", "MESH707"));
    }

    [Fact]
    public async Task A_canary_subset_without_pods_is_reported_when_the_mesh_knows_its_workloads()
    {
        var source = """
            using MeshDsl;

            [MeshService("reviews", Port = 9080)]
            [Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 50, 100 })]
            public partial class Reviews
            {
                [Subset("v1")] public partial class V1 { }
                [Subset("v2")] public partial class V2 { }
            }
            """;

        // Steps with no workload declared or read: the mesh cannot tell.
        Assert.Empty(await Analyze(source, "Steps", "MESH708"));
        // Flagger's target must exist.
        Assert.Contains("'v2'", Assert.Single(await Analyze(source, "Flagger", "MESH708")).GetMessage());
    }

    [Fact]
    public async Task Type_arguments_that_are_not_two_subsets_of_the_service_are_reported()
    {
        var found = await Analyze(Service("[Canary<Reviews, Reviews.V2>(StepWeights = new[] { 50, 100 })]"), id: "MESH709");
        Assert.Contains("is not a [Subset] class", Assert.Single(found).GetMessage());

        var flaggerNoPort = (await Analyze(Service("[Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 50, 100 })]").Replace(", Port = 9080", string.Empty), "Flagger", "MESH709")).Single();
        Assert.Contains("service.port", flaggerNoPort.GetMessage());
    }

    [Fact]
    public async Task A_misspelt_engine_is_reported_at_the_canary()
    {
        var found = Assert.Single(await Analyze(Service("[Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 50, 100 })]"), "Flager", "MESH711"));
        Assert.Contains("'Flager'", found.GetMessage());
        Assert.Empty(await Analyze(Service("[Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 50, 100 })]"), "argorollouts", "MESH711"));
    }

    [Fact]
    public async Task Durations_of_the_canary_are_Istio_durations()
    {
        var found = await Analyze(Service("[Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 50, 100 }, StepInterval = \"5 minutes\")]\n[CanaryLatency(\"half a second\")]"), id: "MESH001");
        Assert.Equal(new[] { "\"5 minutes\"", "\"half a second\"" }, found.Select(Text).OrderBy(t => t, StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_controller_runs_the_stable_version_itself_so_its_Deployment_is_reported_and_its_subset_not_checked()
    {
        var withStable = Service("[Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 50, 100 }, MinRequests = 10)]\n[CanarySuccessRate(99)]");
        foreach (var engine in new[] { "Flagger", "ArgoRollouts" })
        {
            var info = Assert.Single(await Analyze(withStable, engine, "MESH710"));
            Assert.Equal(DiagnosticSeverity.Info, info.Severity);
            Assert.Contains("Deployment 'reviews-v1'", info.GetMessage());
            Assert.StartsWith("Deployment(", Text(info), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(await Analyze(withStable, "Steps", "MESH710"), d => d.GetMessage().Contains("Deployment"));

        // Without the stable Deployment, Steps has a subset with no pods; Flagger and Argo do not: their controller runs them.
        var withoutStable = withStable.Replace("[Subset(\"v1\"), Deployment(\"reviews:1.0\")]", "[Subset(\"v1\")]");
        Assert.Single(await Analyze(withoutStable, "Steps", "MESH501"));
        Assert.Empty(await Analyze(withoutStable, "Flagger", "MESH501"));
        Assert.Empty(await Analyze(withoutStable, "ArgoRollouts", "MESH501"));
    }

    [Theory]
    [InlineData("Steps")]
    [InlineData("Flagger")]
    [InlineData("ArgoRollouts")]
    public async Task Repeated_steps_and_check_names_are_reported_and_never_break_the_generator(string engine)
    {
        var source = Service("[Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 50, 50, 100 }, MinRequests = 5)]\n"
            + "[CanaryQuery(\"errors\", \"sum(x)\", Max = 1)]\n[CanaryQuery(\"errors\", \"sum(y)\", Max = 2)]\n[CanaryQuery(\"request-count\", \"sum(z)\", Min = 1)]");
        Assert.Equal(2, (await Analyze(source, engine, "MESH010")).Length);
        Assert.Single(await Analyze(source, engine, "MESH701"));

        // The generator writes one file per name and does not throw (TestCompilation.Run asserts it).
        var manifests = TestCompilation.Run(TestCompilation.Create(source), TestCompilation.Driver(canaryEngine: engine)).Manifests();
        Assert.Equal(manifests.Count, manifests.Keys.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
