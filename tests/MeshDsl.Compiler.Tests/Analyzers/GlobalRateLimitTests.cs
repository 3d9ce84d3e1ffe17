using MeshDsl.Model;
using MeshDsl.Rules;
using MeshDsl.Tests.Support;
using MeshDsl.YamlFrontEnd;

namespace MeshDsl.Tests.Analyzers;

/// <summary>
/// Global rate limits: what envoyproxy/ratelimit refuses and what limits nothing, at the C# argument at fault and at the line
/// of the ConfigMap's embedded configuration or the EnvoyFilter's action; the quiet cases beside them.
/// </summary>
public class GlobalRateLimitTests
{
    private const string Service = "using MeshDsl;\n[Gateway(\"ingress\", Namespace = \"istio-system\", Selector = new[] { \"istio=ingress\" })]\n"
        + "public partial class Ingress { [Server(80, ServerProtocol.Http, Hosts = new[] { \"*\" })] public partial class Http { } }\n";

    private static string Limits(string arguments, string body) =>
        Service + "[RateLimitService(\"ratelimit\", \"production\", \"envoyproxy/ratelimit:3fb70258\", Namespace = \"istio-system\", RedisUrl = \"redis:6379\", Priority = 1" + arguments + ")]\n"
        + "public partial class Limits\n{\n" + body + "}\n";

    public static TheoryData<string, string> Cases => new()
    {
        { "MESH610", Limits(", ApplyTo = new[] { typeof(Ingress) }",
            "    [RateLimitDescriptor(\"remote_address\", Unit = RateLimitUnit.Second, RequestsPerUnit = 10)] public partial class A { }\n"
            + "    [RateLimitDescriptor({|MESH610:\"remote_address\"|}, Unit = RateLimitUnit.Minute, RequestsPerUnit = 100)] public partial class B { }\n"
            + "    [{|MESH610:RateLimitDescriptor(\"generic_key\", Value = \"x\", RequestsPerUnit = 5)|}, FromGenericKey] public partial class C { }\n"
            + "    [RateLimitDescriptor(\"generic_key\", Value = \"y\", Unlimited = true, Unit = {|MESH610:RateLimitUnit.Hour|}), FromGenericKey] public partial class D { }\n"
            + "    [RateLimitDescriptor({|MESH610:\"\"|}, Unit = RateLimitUnit.Hour, RequestsPerUnit = 1)] public partial class E { }\n") },
        { "MESH610", "using MeshDsl;\n[{|MESH610:RateLimitService(\"ratelimit\", {|MESH610:\"\"|}, \"envoyproxy/ratelimit:3fb70258\", RedisUrl = \"redis:6379\", ApplyTo = new[] { typeof(Limits) })|}]\n"
            + "public partial class Limits { [RateLimitDescriptor(\"remote_address\", Unit = RateLimitUnit.Second, RequestsPerUnit = 1)] public partial class A { } }\n" },
        { "MESH612", Limits(", ApplyTo = new[] { typeof(Ingress) }",
            "    [RateLimitDescriptor({|MESH612:\"user\"|}, Unit = RateLimitUnit.Second, RequestsPerUnit = 10)] public partial class NoAction { }\n"
            + "    [RateLimitDescriptor(\"remote_address\", Unit = RateLimitUnit.Second, RequestsPerUnit = 10)] public partial class Implied { }\n"
            + "    [RateLimitDescriptor(\"tenant\"), FromRequestHeader(\"x-tenant\")] public partial class Tenant { [RateLimitDescriptor(\"remote_address\", Unit = RateLimitUnit.Minute, RequestsPerUnit = 100)] public partial class PerClient { } }\n") },
        { "MESH612", Limits(string.Empty, "    [RateLimitDescriptor({|MESH612:\"remote_address\"|}, Unit = RateLimitUnit.Second, RequestsPerUnit = 10)] public partial class NowhereApplied { }\n") },
        { "MESH613", Service + "[{|MESH613:RateLimitService(\"ratelimit\", \"production\", \"envoyproxy/ratelimit:3fb70258\", Namespace = \"istio-system\", RedisUrl = \"redis:6379\", Priority = 1, ApplyTo = new[] { typeof(Ingress) })|}]\n"
            + "public partial class Limits { [RateLimitDescriptor(\"client\", Unit = RateLimitUnit.Second, RequestsPerUnit = 10), FromRemoteAddress] public partial class A { } }\n" },
        { "MESH101", Limits(", ApplyTo = new[] { typeof(Ingress), {|MESH101:typeof(Limits)|} }", "    [RateLimitDescriptor(\"remote_address\", Unit = RateLimitUnit.Second, RequestsPerUnit = 10)] public partial class A { }\n") },
        { "MESH609", Limits(", ApplyTo = new[] { typeof(Ingress) }, Timeout = {|MESH609:\"soon\"|}", "    [RateLimitDescriptor(\"remote_address\", Unit = RateLimitUnit.Second, RequestsPerUnit = 10)] public partial class A { }\n") },
        { "MESH609", Limits(", ApplyTo = new[] { typeof(Ingress) }, Timeout = \"1m30s\"", "    [RateLimitDescriptor(\"remote_address\", Unit = RateLimitUnit.Second, RequestsPerUnit = 10)] public partial class A { }\n") },
        { "MESH010", Limits(", ApplyTo = new[] { typeof(Ingress), {|MESH010:typeof(Ingress)|} }", "    [RateLimitDescriptor(\"remote_address\", Unit = RateLimitUnit.Second, RequestsPerUnit = 10)] public partial class A { }\n") },
        { "MESH610", Limits(string.Empty, "    [RateLimitDescriptor(\"remote_address\", Unit = RateLimitUnit.Second, RequestsPerUnit = {|MESH610:-1|})] public partial class A { }\n") },
        { "MESH016", Limits(", ApplyTo = new[] { typeof(Ingress) }",
            "    [RateLimitDescriptor(\"user\", Unit = RateLimitUnit.Second, RequestsPerUnit = 10), FromRequestHeader({|MESH016:\"x user\"|})] public partial class A { }\n"
            + "    [RateLimitDescriptor(\"header_match\", Value = \"p\", Unit = RateLimitUnit.Second, RequestsPerUnit = 10), FromHeaderMatch({|MESH016:\":status\"|}, Prefix = \"/\")] public partial class B { }\n"
            + "    [RateLimitDescriptor(\"header_match\", Value = \"q\", Unit = RateLimitUnit.Second, RequestsPerUnit = 10), FromHeaderMatch(\":path\", Prefix = \"/q\")] public partial class C { }\n") },
        { "MESH013", Limits(", ApplyTo = new[] { typeof(Ingress) }",
            "    [RateLimitDescriptor(\"header_match\", Value = \"p\", Unit = RateLimitUnit.Second, RequestsPerUnit = 10), FromHeaderMatch(\":path\", Exact = \"/a\", Prefix = {|MESH013:\"/b\"|})] public partial class A { }\n") },
        { "MESH003", Limits(", ApplyTo = new[] { typeof(Ingress) }",
            "    [RateLimitDescriptor(\"header_match\", Value = \"p\", Unit = RateLimitUnit.Second, RequestsPerUnit = 10), FromHeaderMatch(\":path\", Regex = {|MESH003:\"(?!x)\"|})] public partial class A { }\n") },
        { "MESH611", "using MeshDsl;\n[RateLimitService(\"ratelimit\", \"production\", {|MESH611:\"envoyproxy/ratelimit\"|}, RedisUrl = \"redis:6379\")] public partial class Limits { }\n"
            + "[RateLimitService(\"other\", \"production\", \"envoyproxy/ratelimit@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\", RedisUrl = \"redis:6379\")] public partial class Other { }\n"
            + "[MeshService(\"reviews\")] public partial class Reviews { [Subset(\"v1\"), Deployment({|MESH611:\"registry:5000/reviews:latest\"|})] public partial class V1 { } [HttpRoute, RouteTo<V1>] public partial class D { } }\n" },
        { "MESH014", "using MeshDsl;\n[MeshService(\"reviews\"), {|MESH014:FromRemoteAddress|}] public partial class Reviews { }\n" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Reported_at_the_argument_at_fault(string rule, string source) => AnalyzerVerifier.VerifyAsync(rule, source);

    private const string Yaml = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: ratelimit-config
          namespace: istio-system
        data:
          config.yaml: |
            domain: production
            descriptors:
              - key: header_match
                value: api
                rate_limit:
                  unit: minute
                  requests_per_unit: 100
              - key: remote_address
                rate_limit:
                  unit: fortnight
                  requests_per_min: 10
              - key: header_match
                value: api
        ---
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata:
          name: ratelimit-actions
          namespace: istio-system
        spec:
          configPatches:
          - applyTo: VIRTUAL_HOST
            match:
              context: GATEWAY
            patch:
              operation: MERGE
              value:
                rate_limits:
                - actions:
                  - header_value_match:
                      descriptor_value: api
                      headers:
                      - name: ":path"
                        prefix_match: /api
                - actions:
                  - header_value_match:
                      descriptor_value: apii
                      headers:
                      - name: ":path"
                        prefix_match: /v2
        """;

    [Fact]
    public void In_YAML_the_configuration_inside_the_ConfigMap_is_checked_at_its_own_lines()
    {
        var origins = new YamlOrigins();
        var result = IstioYamlReader.Read("ratelimit.yaml", Yaml, origins);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((18, 11, "data.config.yaml.descriptors[1].rate_limit.requests_per_min"), (problem.Position.Line, problem.Position.Column, problem.Path));
        Assert.Equal("ConfigMap istio-system/ratelimit-config", problem.Resource);

        var mesh = new Mesh(Array.Empty<ServiceInfo>(), result.Resources, Array.Empty<Workload>(), "default");
        var findings = result.Resources.SelectMany(PolicyRules.Evaluate).Concat(PolicyRules.EvaluateMesh(mesh))
            .Select(f => (f.RuleId, Location: origins.Locate(f.Origin, f.Field)!.Value))
            .Select(f => (f.RuleId, f.Location.Position.Line, f.Location.Path))
            .OrderBy(f => f.Line).ThenBy(f => f.RuleId, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[]
        {
            (RuleIds.LimitNothingReaches, 15, "data.config.yaml.descriptors[1].key"),
            (RuleIds.InvalidRateLimitConfig, 17, "data.config.yaml.descriptors[1].rate_limit.unit"),
            (RuleIds.InvalidRateLimitConfig, 20, "data.config.yaml.descriptors[2].value"),
            (RuleIds.DescriptorNoLimitMatches, 42, "spec.configPatches[0].patch.value.rate_limits[1]"),
        }, findings);
    }

    [Fact]
    public void In_YAML_a_header_an_action_cannot_read_is_reported_at_its_name()
    {
        const string Text = """
            apiVersion: networking.istio.io/v1alpha3
            kind: EnvoyFilter
            metadata: { name: actions, namespace: istio-system }
            spec:
              priority: 1
              configPatches:
              - applyTo: VIRTUAL_HOST
                match:
                  context: GATEWAY
                patch:
                  operation: MERGE
                  value:
                    rate_limits:
                    - actions:
                      - request_headers:
                          header_name: x user
                          descriptor_key: user
            """;
        var origins = new YamlOrigins();
        var result = IstioYamlReader.Read("actions.yaml", Text, origins);
        var finding = Assert.Single(result.Resources.SelectMany(PolicyRules.Evaluate), f => f.RuleId == RuleIds.InvalidHeader);
        var location = origins.Locate(finding.Origin, finding.Field)!.Value;
        Assert.Equal((16, "spec.configPatches[0].patch.value.rate_limits[0].actions[0].request_headers.header_name"), (location.Position.Line, location.Path));
    }

    [Fact]
    public void The_seed_fixture_reads_back_and_its_limits_are_reached_by_nothing()
    {
        var origins = new YamlOrigins();
        var text = File.ReadAllText(Path.Combine(Paths.SeedManifests, "21-ratelimit-service.yaml"));
        var result = IstioYamlReader.Read("21.yaml", text, origins);
        Assert.Empty(result.Problems);
        var findings = PolicyRules.EvaluateMesh(new Mesh(Array.Empty<ServiceInfo>(), result.Resources, Array.Empty<Workload>(), "default")).ToArray();
        Assert.Equal(new[] { RuleIds.LimitNothingReaches, RuleIds.LimitNothingReaches }, findings.Select(f => f.RuleId));
        Assert.Equal(new[] { 48, 53 }, findings.Select(f => origins.Locate(f.Origin, f.Field)!.Value.Position.Line));
    }
}
