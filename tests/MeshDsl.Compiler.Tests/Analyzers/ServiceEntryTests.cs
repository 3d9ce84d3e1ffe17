using MeshDsl.Helpers;
using MeshDsl.Model;
using MeshDsl.Rules;
using MeshDsl.Tests.Support;
using MeshDsl.YamlFrontEnd;

namespace MeshDsl.Tests.Analyzers;

/// <summary>
/// A typed external service: <c>[ServiceEntry]</c> emits the ServiceEntry, routes name it by type, the mesh knows its hosts,
/// and what Istio's webhook rejects in one is reported at the argument at fault (C#) or its line (YAML).
/// </summary>
public class ServiceEntryTests
{
    private const string Entry = "using MeshDsl;\n";

    public static TheoryData<string, string> Cases => new()
    {
        { "MESH020", Entry + "[{|MESH020:ServiceEntry(\"none\")|}] public partial class NoHosts { }\n"
            + "[ServiceEntry(\"star\", Hosts = new[] { {|MESH020:\"*\"|} }, Addresses = new[] { \"10.0.0.1\", {|MESH020:\"ten\"|} })] public partial class Star { }\n"
            + "[ServiceEntry(\"wild\", Hosts = new[] { {|MESH020:\"*.example.com\"|} }, Addresses = {|MESH020:new[] { \"10.1.0.0/16\" }|}, Resolution = ServiceEntryResolution.Dns)] public partial class Wild { }\n"
            + "[ServiceEntry(\"both\", Hosts = new[] { \"b.example.com\" }, Resolution = ServiceEntryResolution.Static, WorkloadSelector = {|MESH020:new[] { \"app=b\" }|})]\n"
            + "[ServiceEntryPort(80, {|MESH020:\"\"|}, ServerProtocol.Http), ServiceEntryEndpoint({|MESH020:\"b.example.com\"|}, Ports = {|MESH020:new[] { \"grpc=9090\" }|})] public partial class Both { }\n"
            + "[ServiceEntry(\"none-mode\", Hosts = new[] { \"n.example.com\" }), {|MESH020:ServiceEntryEndpoint(\"10.0.0.2\")|}] public partial class NoneMode { }\n"
            + "[ServiceEntry(\"rr\", Hosts = new[] { \"rr.example.com\" }, Resolution = ServiceEntryResolution.DnsRoundRobin), ServiceEntryEndpoint(\"a.example.com\"), {|MESH020:ServiceEntryEndpoint(\"b.example.com\")|}] public partial class RoundRobin { }\n"
            + "[ServiceEntry(\"hidden\", Hosts = new[] { \"h.example.com\" }, ExportTo = new[] { {|MESH020:\"~\"|}, \".\" })] public partial class Hidden { }\n" },
        { "MESH020", Entry + "[ServiceEntry(\"api\", Hosts = new[] { \"api.example.com\", \"*.cdn.example.com\" }, Resolution = ServiceEntryResolution.None, ExportTo = new[] { \"~\" })]\n"
            + "[ServiceEntryPort(443, \"https\", ServerProtocol.Tls)] public partial class Api { }\n"
            + "[ServiceEntry(\"vm\", Hosts = new[] { \"vm.internal\" }, Addresses = new[] { \"10.1.0.0/16\", \"fd00::/8\" }, Resolution = ServiceEntryResolution.Static)]\n"
            + "[ServiceEntryPort(80, \"http\", ServerProtocol.Http), ServiceEntryEndpoint(\"10.1.0.4\", Ports = new[] { \"http=8080\" }), ServiceEntryEndpoint(\"unix:///var/run/app.sock\")] public partial class Vm { }\n"
            + "[ServiceEntry(\"dns\", Hosts = new[] { \"*.dns.example.com\" }, Resolution = ServiceEntryResolution.Dns), ServiceEntryEndpoint(\"lb.example.com\")] public partial class Dns { }\n" },
        { "MESH004", Entry + "[ServiceEntry({|MESH004:\"Payments_API\"|}, Namespace = {|MESH004:\"Shop\"|}, Hosts = new[] { {|MESH004:\"api..example.com\"|} })] public partial class Bad { }\n" },
        { "MESH005", Entry + "[ServiceEntry(\"api\", Hosts = new[] { \"api.example.com\" }, Resolution = ServiceEntryResolution.Static)]\n"
            + "[ServiceEntryPort({|MESH005:70000|}, \"http\", ServerProtocol.Http, TargetPort = {|MESH005:-1|}), ServiceEntryEndpoint(\"10.0.0.1\", Ports = {|MESH005:new[] { \"http=0\" }|})] public partial class Api { }\n" },
        { "MESH010", Entry + "[ServiceEntry(\"api\", Hosts = new[] { \"api.example.com\" })]\n"
            + "[ServiceEntryPort(80, \"http\", ServerProtocol.Http), ServiceEntryPort({|MESH010:80|}, {|MESH010:\"http\"|}, ServerProtocol.Http)] public partial class Api { }\n" },
        { "MESH017", Entry + "[ServiceEntry(\"api\", Hosts = new[] { \"api.example.com\" }, Resolution = ServiceEntryResolution.Static)]\n"
            + "[ServiceEntryPort(80, \"http\", ServerProtocol.Http), ServiceEntryEndpoint(\"10.0.0.1\", Ports = new[] { {|MESH017:\"http=eighty\"|} })] public partial class Api { }\n" },
        { "MESH014", Entry + "[MeshService(\"reviews\"), {|MESH014:ServiceEntryPort(80, \"http\", ServerProtocol.Http)|}] public partial class Reviews { }\n" },
        { "MESH015", Entry + "[ServiceEntry(\"api\", Hosts = new[] { \"api.example.com\" }, Location = {|MESH015:(ServiceEntryLocation)7|})] public partial class Api { }\n" },
        { "MESH101", Entry + "[ServiceEntry(\"nohost\", Hosts = new string[0])] public partial class NoHost { }\n"
            + "[VirtualService(\"edge\", Hosts = new[] { \"edge.example.com\" })] public partial class Edge { [HttpRoute, {|MESH101:RouteTo<NoHost>|}] public partial class A { } }\n" },
        { "MESH101", Entry + "[ServiceEntry(\"api\", Hosts = new[] { \"api.example.com\" })] public partial class Api { }\n"
            + "[VirtualService(\"edge\", Hosts = new[] { \"edge.example.com\" })] public partial class Edge { [HttpRoute, RouteTo<Api>, Mirror<Api>(Percentage = 1)] public partial class A { } }\n" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Reported_at_the_argument_at_fault(string rule, string source) => AnalyzerVerifier.VerifyAsync(rule, source);

    private const string Payments = """
        using MeshDsl;

        [ServiceEntry("payments-api", Namespace = "shop", Hosts = new[] { "api.payments.example.com" },
            Location = ServiceEntryLocation.MeshExternal, Resolution = ServiceEntryResolution.Dns)]
        [ServiceEntryPort(443, "https", ServerProtocol.Tls), ServiceEntryPort(80, "http", ServerProtocol.Http, TargetPort = 8080)]
        public partial class PaymentsApi { }

        [VirtualService("checkout", Namespace = "shop", Hosts = new[] { "checkout.example.com" })]
        public partial class Checkout
        {
            [HttpRoute, MatchUri(Prefix = "/pay"), RouteTo<PaymentsApi>(Port = 80)] public partial class Pay { }
            [HttpRoute, RouteToHost("api.payments.example.com", Port = 443)] public partial class Other { }
        }
        """;

    [Fact]
    public void The_ServiceEntry_is_emitted_and_a_route_to_its_class_goes_to_its_first_host()
    {
        var manifests = TestCompilation.Run(TestCompilation.Create(Payments)).Manifests();
        Assert.Equal("""
            # Generated by MeshDsl from PaymentsApi. Do not edit: change the C# and rebuild.
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: payments-api
              namespace: shop
            spec:
              hosts:
              - api.payments.example.com
              ports:
              - number: 443
                protocol: TLS
                name: https
              - number: 80
                protocol: HTTP
                name: http
                targetPort: 8080
              location: MESH_EXTERNAL
              resolution: DNS

            """.Replace("\r\n", "\n"), manifests["shop-serviceentry-payments-api.yaml"]);
        var vs = manifests["shop-virtualservice-checkout.yaml"];
        Assert.Contains("    - destination:\n        host: api.payments.example.com\n        port:\n          number: 80\n", vs);
        Assert.Empty(CrdValidator.Validate(YamlTree.ParseSingle(manifests["shop-serviceentry-payments-api.yaml"])));
    }

    [Fact]
    public async Task A_ServiceEntry_host_is_known_to_the_mesh_and_an_undeclared_one_is_not()
    {
        var source = Payments.Replace("""[HttpRoute, RouteToHost("api.payments.example.com", Port = 443)]""", """[HttpRoute, MatchUri(Prefix = "/x"), RouteToHost("api.payments.example.com", Port = 443)] public partial class Same { } [HttpRoute, RouteToHost("api.unknown.example.com")]""");
        var services = new TestAdditionalText("/k8s/services.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: checkout\n  namespace: shop\nspec:\n  ports:\n  - port: 80\n");
        var diagnostics = await WorkloadAnalysis.AnalyzeAsync(TestCompilation.Create(source), services);
        var unknown = Assert.Single(diagnostics, d => d.Id == "MESH111");
        Assert.Equal("\"api.unknown.example.com\"", unknown.Location.SourceTree!.GetText().ToString(unknown.Location.SourceSpan));
    }

    [Fact]
    public void In_YAML_a_ServiceEntry_is_read_checked_at_its_lines_and_defines_its_hosts()
    {
        const string Text = """
            apiVersion: networking.istio.io/v1beta1
            kind: ServiceEntry
            metadata:
              name: vm-db
            spec:
              hosts: [db.internal]
              ports:
              - number: 5432
                name: tcp
                protocol: TCP
              resolution: STATIC
              endpoints:
              - address: db.internal
                ports: { tcp: 6432 }
                wieght: 2
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: db
            spec:
              hosts: [db.example.com]
              tcp:
              - route:
                - destination:
                    host: db.internal
            """;
        var origins = new YamlOrigins();
        var result = IstioYamlReader.Read("db.yaml", Text, origins);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((15, "spec.endpoints[0].wieght: unknown field (the API server would drop it)"), (problem.Position.Line, problem.Text));

        var entry = Assert.IsType<ServiceEntry>(result.Resources[0]);
        Assert.Equal(new EndpointPort("tcp", 6432), Assert.Single(Assert.Single(entry.Spec.Endpoints).Ports));
        var invalid = Assert.Single(result.Resources.SelectMany(PolicyRules.Evaluate), f => f.RuleId == RuleIds.InvalidServiceEntry);
        Assert.Equal(new YamlLocation(new YamlPosition("db.yaml", 13, 14), "ServiceEntry vm-db", "spec.endpoints[0].address"), origins.Locate(invalid.Origin, invalid.Field));

        // With a Service known, the mesh knows its hosts: the ServiceEntry's is one of them, a typo is not.
        var service = new HostDefinition("Service", "db", null, new[] { "db" }.ToEquatableArray(), EquatableArray<int>.Empty, "svc.yaml:1");
        var mesh = new Mesh(Array.Empty<ServiceInfo>(), result.Resources, Array.Empty<Workload>(), "default", new[] { service });
        Assert.DoesNotContain(PolicyRules.EvaluateMesh(mesh), f => f.RuleId == RuleIds.UnknownHost);
        var typo = IstioYamlReader.Read("db.yaml", Text.Replace("host: db.internal", "host: db.internl"), new YamlOrigins());
        Assert.Contains(PolicyRules.EvaluateMesh(new Mesh(Array.Empty<ServiceInfo>(), typo.Resources, Array.Empty<Workload>(), "default", new[] { service })), f => f.RuleId == RuleIds.UnknownHost);
    }
}
