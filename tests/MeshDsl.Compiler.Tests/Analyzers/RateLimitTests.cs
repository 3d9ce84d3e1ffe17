using MeshDsl.Emit;
using MeshDsl.Helpers;
using MeshDsl.Model;
using MeshDsl.RateLimit;
using MeshDsl.Rules;
using MeshDsl.Tests.Support;
using MeshDsl.YamlFrontEnd;
using YamlDotNet.RepresentationModel;
using YamlWriter = MeshDsl.Yaml.YamlWriter;

namespace MeshDsl.Tests.Analyzers;

/// <summary>
/// Local rate limits: each mistake reported at the argument at fault (C#) or the line and field path (YAML), the quiet cases
/// beside them, Istio's durations turned into Envoy's, and a patch value that reads back as it was written.
/// </summary>
public class RateLimitTests
{
    private const string Svc = "using MeshDsl;\n";

    public static TheoryData<string, string> Cases => new()
    {
        { "MESH601", Svc + "[MeshService(\"a\"), LocalRateLimit(10, {|MESH601:\"10ms\"|}, Priority = 1)] public partial class A { }\n"
            + "[MeshService(\"b\"), LocalRateLimit(10, \"50ms\", Priority = 1)] public partial class B { }\n" },
        { "MESH602", Svc + "[MeshService(\"a\"), LocalRateLimit({|MESH602:0|}, {|MESH602:\"soon\"|}, TokensPerFill = {|MESH602:-1|}, Priority = 1)] public partial class A { }\n"
            + "[MeshService(\"b\"), LocalRateLimit(1, \"1h\", Priority = 1)] public partial class B { }\n" },
        { "MESH603", Svc + "[MeshService(\"a\"), LocalRateLimit(10, \"1s\", TokensPerFill = {|MESH603:11|}, Priority = 1)] public partial class A { }\n"
            + "[MeshService(\"b\"), LocalRateLimit(10, \"1s\", TokensPerFill = 10, Priority = 1)] public partial class B { }\n" },
        { "MESH604", Svc + "[Gateway(\"edge\", Selector = new[] { \"istio=ingress\" }), LocalRateLimit(10, \"1s\", FilterEnabledPercent = {|MESH604:0|}, FilterEnforcedPercent = {|MESH604:0|}, Priority = 1)]\n"
            + "public partial class Edge { [Server(80, ServerProtocol.Http, Hosts = new[] { \"*\" })] public partial class Http { } }\n"
            + "[MeshService(\"b\"), LocalRateLimit(10, \"1s\", FilterEnabledPercent = 1, FilterEnforcedPercent = 1, Priority = 1)] public partial class B { }\n" },
        { "MESH605", Svc + "[MeshService(\"a\"), {|MESH605:LocalRateLimit(10, \"1s\")|}] public partial class A { }\n"
            + "[MeshService(\"b\"), LocalRateLimit(10, \"1s\", Priority = -5)] public partial class B { }\n" },
        { "MESH608", Svc + "[MeshService(\"a\"), LocalRateLimit(10, \"1s\", StatusCode = {|MESH608:302|}, Priority = 1)] public partial class A { }\n"
            + "[MeshService(\"b\"), LocalRateLimit(10, \"1s\", StatusCode = {|MESH608:499|}, Priority = 1)] public partial class B { }\n"
            + "[MeshService(\"c\"), LocalRateLimit(10, \"1s\", StatusCode = 429, Priority = 1)] public partial class C { }\n" },
        { "MESH014", Svc + "[VirtualService(\"v\", Hosts = new[] { \"v.example.com\" }), {|MESH014:LocalRateLimit(10, \"1s\")|}] public partial class V { [HttpRoute, RouteToHost(\"v\")] public partial class R { } }\n" },
        { "MESH004", Svc + "[MeshService(\"a\"), LocalRateLimit(10, \"1s\", Priority = 1, ResponseHeaders = new[] { {|MESH004:\"x-limited\"|} })] public partial class A { }\n" },
        { "MESH014", Svc + "[MeshService(\"a\")] public partial class A { [Subset(\"v1\")] public partial class V1 { } [HttpRoute, RouteTo<V1>, {|MESH014:LocalRateLimit(10, \"1s\", Priority = 1)|}] public partial class NoName { } }\n" },
        { "MESH014", Svc + "[MeshService(\"a\")] public partial class A { [Subset(\"v1\")] public partial class V1 { } [HttpRoute(Name = \"all\"), RouteTo<V1>, LocalRateLimit(10, \"1s\", Priority = 1)] public partial class Named { } }\n" },
        { "MESH014", Svc + "[MeshService(\"a\")] public partial class A { [Subset(\"v1\")] public partial class V1 { } [HttpRoute(Name = \"all\"), RouteTo<V1>, {|MESH014:LocalRateLimitDescriptor(\"k\", \"v\", 1, \"1s\", Header = \"x-k\")|}] public partial class Orphan { } }\n"
            + "[MeshService(\"b\"), {|MESH014:LocalRateLimitDescriptor(\"k\", \"v\", 1, \"1s\")|}, LocalRateLimit(10, \"1s\", Priority = 1)] public partial class B { }\n" },
        { "MESH010", Svc + "[MeshService(\"a\")] public partial class A { [Subset(\"v1\")] public partial class V1 { } [HttpRoute(Name = \"x\"), MatchUri(Prefix = \"/x\"), RouteTo<V1>, LocalRateLimit(10, \"1s\", Name = \"same\", Priority = 1)] public partial class X { } [HttpRoute(Name = \"y\"), RouteTo<V1>, LocalRateLimit(10, \"1s\", Name = {|MESH010:\"same\"|}, Priority = 1)] public partial class Y { } }\n" },
        { "MESH016", Svc + "[MeshService(\"a\")] public partial class A { [Subset(\"v1\")] public partial class V1 { } [HttpRoute(Name = \"r\"), RouteTo<V1>, LocalRateLimit(10, \"1s\", Priority = 1), LocalRateLimitDescriptor(\"k\", \"v\", 1, \"1s\", Header = {|MESH016:\"bad header\"|})] public partial class R { } }\n" },
        { "MESH601", Svc + "[MeshService(\"a\")] public partial class A { [Subset(\"v1\")] public partial class V1 { } [HttpRoute(Name = \"all\"), RouteTo<V1>, {|MESH601:LocalRateLimit(10, \"1s\", Priority = 1)|}, LocalRateLimitDescriptor(\"k\", \"v\", 1, \"20ms\", Header = \"x-k\")] public partial class R { } }\n" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Reported_at_the_argument_at_fault(string rule, string source) => AnalyzerVerifier.VerifyAsync(rule, source);

    [Theory]
    [InlineData("60s", "60s")]
    [InlineData("1m", "60s")]
    [InlineData("500ms", "0.5s")]
    [InlineData("1h30m", "5400s")]
    [InlineData("1.5s", "1.5s")]
    public void Fill_intervals_in_Istio_notation_are_written_as_Envoy_reads_them(string csharp, string yaml)
    {
        var source = $"using MeshDsl;\n[MeshService(\"a\", Namespace = \"shop\"), LocalRateLimit(10, \"{csharp}\", Priority = 1)] public partial class A {{ }}\n";
        var manifest = TestCompilation.Run(TestCompilation.Create(source)).Manifests()["shop-envoyfilter-a-local-rate-limit.yaml"];
        Assert.Contains($"            fill_interval: {yaml}\n", manifest);
        Assert.Empty(CrdValidator.Validate(YamlTree.ParseSingle(manifest)));
    }

    [Fact]
    public void A_limit_on_a_rule_gives_that_route_its_bucket_in_the_gateways_namespace()
    {
        const string Source = """
            using MeshDsl;
            [Gateway("edge", Namespace = "istio-system", Selector = new[] { "istio=ingress" })]
            public partial class Edge { [Server(80, ServerProtocol.Http, Hosts = new[] { "shop.example.com" })] public partial class Http { } }
            [VirtualService("shop", Namespace = "shop", Hosts = new[] { "shop.example.com" }, Gateways = new[] { typeof(Edge) })]
            public partial class Shop
            {
                [HttpRoute(Name = "search"), MatchUri(Prefix = "/search"), RouteToHost("search"), LocalRateLimit(5, "1s", Priority = 1)] public partial class Search { }
                [HttpRoute(Name = "rest"), RouteToHost("frontend")] public partial class Rest { }
            }
            """;
        var manifests = TestCompilation.Run(TestCompilation.Create(Source)).Manifests();
        var filter = (YamlMappingNode)YamlTree.ParseSingle(manifests["istio-system-envoyfilter-shop-search-local-rate-limit.yaml"]);
        Assert.Empty(CrdValidator.Validate(filter));
        var patches = (YamlSequenceNode)((YamlMappingNode)filter["spec"])["configPatches"];
        var route = (YamlMappingNode)patches[1];
        Assert.Equal("HTTP_ROUTE", route["applyTo"].ToString());
        Assert.Equal("GATEWAY", ((YamlMappingNode)route["match"])["context"].ToString());
        Assert.Equal("search", ((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)route["match"])["routeConfiguration"])["vhost"])["route"])["name"].ToString());
        Assert.Equal("istio: ingress", string.Join(",", ((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)filter["spec"])["workloadSelector"])["labels"]).Children.Select(c => c.Key + ": " + c.Value)));
        Assert.Single(manifests.Keys, k => k.Contains("envoyfilter", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Namespace = \"shop\", Port = 9080", "reviews.shop.svc.cluster.local:9080")]
    [InlineData("Namespace = \"shop\", Port = 9080, Host = \"reviews.example.com\"", "reviews.example.com:9080")]
    [InlineData("Namespace = \"shop\"", null)]
    [InlineData("Port = 9080", null)]
    public void A_rule_limit_on_a_services_route_is_matched_within_the_clients_virtual_host_when_it_is_known(string arguments, string? vhost)
    {
        var source = "using MeshDsl;\n[MeshService(\"reviews\", " + arguments + ")]\npublic partial class Reviews\n{\n    [Subset(\"v1\")] public partial class V1 { }\n"
            + "    [HttpRoute(Name = \"default\"), RouteTo<V1>, LocalRateLimit(5, \"1s\", Priority = 1)] public partial class D { }\n}\n";
        var yaml = TestCompilation.Run(TestCompilation.Create(source)).Manifests().Single(m => m.Key.Contains("envoyfilter", StringComparison.Ordinal)).Value;
        var vhostMatch = yaml.Contains("        vhost:\n          name: ", StringComparison.Ordinal);
        Assert.Equal(vhost is not null, vhostMatch);
        if (vhost is not null) Assert.Contains("        vhost:\n          name: " + vhost + "\n          route:\n            name: default\n", yaml);
    }

    [Fact]
    public void Durations_round_trip_through_protobufs_form()
    {
        var random = new Random(20261202);
        for (var i = 0; i < 2000; i++)
        {
            var nanoseconds = (decimal)random.NextInt64(0, 10_000_000_000_000) * (random.Next(2) == 0 ? 1m : 1_000_000m);
            var text = ProtoDuration.Format(nanoseconds);
            Assert.True(ProtoDuration.TryParse(text, out var back), text);
            Assert.Equal(nanoseconds, back);
        }

        Assert.False(ProtoDuration.TryParse("1m", out _));
        Assert.False(ProtoDuration.TryParse("500ms", out _));
        Assert.False(ProtoDuration.TryParse("1.0000000001s", out _));
    }

    [Fact]
    public void Any_patch_value_reads_back_as_it_was_written()
    {
        var random = new Random(12);
        for (var i = 0; i < 1500; i++)
        {
            var value = RandomStruct(random, depth: 0);
            var yaml = YamlWriter.Write(new Yaml.YamlMapping().Add("value", EnvoyFilterYaml.Struct(value)));
            var back = EnvoyFilterReader.Struct(((SourceMap)SourceTree.Load(yaml, 64)[0]).Get("value")!);
            Assert.True(value.Equals(back), yaml);
        }
    }

    [Fact]
    public void A_patch_value_tagged_as_a_string_stays_a_string()
    {
        var value = EnvoyFilterReader.Struct(((SourceMap)SourceTree.Load("value: {a: !!str true, b: !!str 42, c: !!str null, d: true}", 64)[0]).Get("value")!);
        Assert.Equal(
            new StructObject(new[] { new StructField("a", new StructString("true")), new StructField("b", new StructString("42")), new StructField("c", new StructString("null")), new StructField("d", new StructBool(true)) }.ToEquatableArray()),
            value);
    }

    private static StructValue RandomStruct(Random random, int depth)
    {
        switch (random.Next(depth > 3 ? 4 : 6))
        {
            case 0: return new StructString(YamlStringPropertyTests.RandomString(random));
            case 1: return new StructNumber(random.Next(3) == 0 ? "-" + random.Next(100000) : random.Next(1000000).ToString(System.Globalization.CultureInfo.InvariantCulture));
            case 2: return new StructBool(random.Next(2) == 0);
            case 3: return new StructNumber((random.NextDouble() * 1000).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) is var d && d.Contains('.') ? d : d + ".5");
            case 4:
                return new StructObject(Enumerable.Range(0, random.Next(1, 4))
                    .Select(k => new StructField("k" + k + YamlStringPropertyTests.RandomString(random), RandomStruct(random, depth + 1))).ToEquatableArray());
            default:
                return new StructList(Enumerable.Range(0, random.Next(1, 4)).Select(_ => RandomStruct(random, depth + 1)).ToEquatableArray());
        }
    }

    private const string Filters = """
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata:
          name: limits
          namespace: shop
        spec:
          workloadSelector:
            labels:
              app: reviews
          configPatches:
          - applyTo: HTTP_FILTER
            match:
              context: SIDECAR_INBOUND
              listener:
                filterChain:
                  filter:
                    name: envoy.filters.network.http_connection_manager
            patch:
              operation: INSERT_BEFORE
              value:
                name: envoy.filters.http.local_ratelimit
                typed_config:
                  "@type": type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit
                  stat_prefix: http_local_rate_limiter
                  token_bucket:
                    max_tokens: 10
                    tokens_per_fill: 20
                    fill_interval: 1m
                  status:
                    code: OK
          - applyTo: HTTP_ROUTE
            match:
              listener:
                portNumber: 8080
            patch:
              operation: ADD
              value:
                name: r
          priority: 0
        ---
        apiVersion: networking.istio.io/v1
        kind: EnvoyFilter
        metadata:
          name: wrong-version
        spec:
          configPatches:
          - applyTo: CLUSTER
            patch:
              operation: MERGE
        """;

    [Fact]
    public void In_YAML_each_mistake_is_reported_at_its_field()
    {
        var origins = new YamlOrigins();
        var result = IstioYamlReader.Read("limits.yaml", Filters, origins);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((41, "apiVersion"), (problem.Position.Line, problem.Path));

        var found = result.Resources.SelectMany(PolicyRules.Evaluate)
            .Select(f => (f.RuleId, Location: origins.Locate(f.Origin, f.Field)))
            .Select(f => (f.RuleId, f.Location!.Value.Position.Line, f.Location.Value.Path))
            .OrderBy(f => f.Line).ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(new[]
        {
            (RuleIds.RelativePatchWithoutPriority, 19, "spec.configPatches[0].patch.operation"),
            (RuleIds.TokensBeyondBucket, 27, "spec.configPatches[0].patch.value.typed_config.token_bucket.tokens_per_fill"),
            (RuleIds.InvalidTokenBucket, 28, "spec.configPatches[0].patch.value.typed_config.token_bucket.fill_interval"),
            (RuleIds.RateLimitNotEnforced, 22, "spec.configPatches[0].patch.value.typed_config"),
            (RuleIds.RateLimitNotEnforced, 22, "spec.configPatches[0].patch.value.typed_config"),
            (RuleIds.InvalidRateLimitStatus, 29, "spec.configPatches[0].patch.value.typed_config.status"),
            (RuleIds.InvalidEnvoyFilter, 32, "spec.configPatches[1].match"),
            (RuleIds.IgnoredPatchOperation, 36, "spec.configPatches[1].patch.operation"),
            (RuleIds.InvalidEnvoyFilter, 48, "spec.configPatches[0].patch"),
        }.OrderBy(f => f.Item2).ThenBy(f => f.Item1, StringComparer.Ordinal), found);
    }

    [Fact]
    public void The_seed_fixture_reads_back_equal_and_only_lacks_a_priority()
    {
        var text = File.ReadAllText(Path.Combine(Paths.SeedManifests, "20-local-rate-limit.yaml"));
        var result = IstioYamlReader.Read("20.yaml", text, new YamlOrigins());
        Assert.Empty(result.Problems);
        Assert.Equal(new[] { RuleIds.RelativePatchWithoutPriority }, result.Resources.SelectMany(PolicyRules.Evaluate).Select(f => f.RuleId));
    }

    [Fact]
    public async Task A_filter_selecting_no_workload_of_its_namespace_is_reported_once_workloads_are_known()
    {
        const string Source = """
            using MeshDsl;
            [MeshService("reviews", Namespace = "shop", Selector = new[] { "app=reviwes" }), LocalRateLimit(10, "1s", Priority = 1)]
            public partial class Reviews { }
            [Gateway("edge", Namespace = "istio-system", Selector = new[] { "istio=ingress" }), LocalRateLimit(10, "1s", Priority = 1)]
            public partial class Edge { [Server(80, ServerProtocol.Http, Hosts = new[] { "*" })] public partial class Http { } }
            """;
        var pods = new TestAdditionalText("/k8s/reviews.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: reviews, namespace: shop }\nspec:\n  template:\n    metadata:\n      labels: { app: reviews }\n");
        var diagnostics = await WorkloadAnalysis.AnalyzeAsync(TestCompilation.Create(Source), pods);
        var nothing = Assert.Single(diagnostics, d => d.Id == "MESH607");
        Assert.Contains("'reviews-local-rate-limit'", nothing.GetMessage(), StringComparison.Ordinal);

        // The gateway's namespace has no known workloads: nothing to compare with, so nothing is said.
        Assert.DoesNotContain(await WorkloadAnalysis.AnalyzeAsync(TestCompilation.Create(Source.Replace("app=reviwes", "app=reviews")), pods), d => d.Id == "MESH607");
    }
}
