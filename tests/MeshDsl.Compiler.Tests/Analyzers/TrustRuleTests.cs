using MeshDsl.Tests.Support;

namespace MeshDsl.Tests.Analyzers;

/// <summary>
/// The mistakes of issue 10, each reported at the argument at fault (markup <c>{|MESH013:...|}</c>), and the cases beside
/// them that are fine staying quiet. Every case also proves the analyzer does not throw (AD0001 would fail the test).
/// </summary>
public class TrustRuleTests
{
    private const string Svc = "using MeshDsl;\n[MeshService(\"reviews\", Port = 9080)]\npublic partial class Reviews\n{\n    [Subset(\"v1\")] public partial class V1 { }\n    [Subset(\"v2\")] public partial class V2 { }\n";

    public static TheoryData<string, string> Cases => new()
    {
        // A condition with no value used to vanish, widening the rule to all traffic; two values kept one.
        { "MESH013", Svc + "    [HttpRoute, {|MESH013:MatchHeader(\"x-user-group\")|}, RouteTo<V2>] public partial class Beta { }\n    [HttpRoute, MatchUri(Exact = \"/a\", Prefix = {|MESH013:\"/b\"|}), RouteTo<V1>] public partial class Both { }\n    [HttpRoute, MatchUri(Prefix = \"/c\"), {|MESH013:MatchUri(Prefix = \"/d\")|}, RouteTo<V1>] public partial class Twice { }\n    [HttpRoute, MatchHeader(\"x\", Prefix = {|MESH013:\"\"|}), RouteTo<V1>] public partial class Empty { }\n    [HttpRoute, RouteTo<V1>] public partial class Default { }\n}" },
        { "MESH013", Svc + "    [HttpRoute, MatchUri(Prefix = \"\"), MatchHeader(\"x\", Exact = \"\"), MatchUri(Prefix = \"/x\", Block = 1), RouteTo<V1>] public partial class Fine { }\n}" },

        // Attributes nothing reads.
        { "MESH014", "using MeshDsl;\n[MeshService(\"reviews\", Port = 9080), {|MESH014:Deployment(\"reviews:1.0\")|}]\npublic partial class Reviews\n{\n    [Subset(\"v1\")] public partial class V1 { [{|MESH014:Retries(0)|}] public partial class Deeper { } }\n    [{|MESH014:RouteTo<V1>|}] public partial class NotARule { }\n    [HttpRoute, Match(SniHosts = {|MESH014:new[] { \"a.example.com\" }|}), RouteTo<V1>] public partial class Default { }\n}\n[{|MESH014:HttpRoute|}] public class Stray { }" },
        { "MESH014", "using MeshDsl;\n[MeshService(\"reviews\", Port = 9080)]\npublic partial class Reviews\n{\n    [Subset(\"v1\"), Deployment(\"reviews:1.0\"), ReadinessProbe(\"/ready\", 9080)] public partial class V1 { }\n    [HttpRoute, Match(Port = 9080), RouteTo<V1>] public partial class Default { }\n    public class Helper { }\n}" },
        { "MESH014", "using MeshDsl;\n[MeshService(\"reviews\", Port = 9080)]\npublic partial class Reviews\n{\n    [Subset(\"v1\"), {|MESH014:LivenessProbe(\"/live\", 9080)|}] public partial class V1 { }\n    [HttpRoute, RouteTo<V1>] public partial class Default { }\n}" },

        { "MESH015", "using MeshDsl;\n[MeshService(\"reviews\"), LoadBalancer({|MESH015:(LoadBalancing)42|})]\npublic partial class Reviews { [Subset(\"v1\"), ClientTls({|MESH015:(ClientTlsMode)9|})] public partial class V1 { } }" },
        { "MESH015", "using MeshDsl;\n[MeshService(\"reviews\"), LoadBalancer(LoadBalancing.RoundRobin)]\npublic partial class Reviews { [HttpRoute, RouteTo<Reviews>, Retries(2, RetryOn = new[] { (RetryOn)503 })] public partial class Default { } }" },

        // Header names and values.
        { "MESH016", Svc + "    [HttpRoute, MatchHeader({|MESH016:\"x user\"|}, Exact = \"1\"), RouteTo<V1>, SetRequestHeader(\"x-a\", {|MESH016:\"1\\r\\nx-injected: yes\"|}), SetRequestHeader(\"x-b\", {|MESH016:\"100%\"|}), SetRequestHeader({|MESH016:\":method\"|}, \"GET\"), RemoveResponseHeader({|MESH016:\"Host\"|})] public partial class A { }\n    [HttpRoute, MatchHeader({|MESH016:\"@request.auth.claims.group\"|}, Exact = \"admin\"), RouteTo<V1>] public partial class Jwt { }\n    [HttpRoute, RouteTo<V1>] public partial class D { }\n}" },
        { "MESH016", Svc + "    [HttpRoute, MatchHeader(\":authority\", Exact = \"a\"), RouteTo<V1>, SetRequestHeader(\":authority\", \"b.example.com\"), AddRequestHeader(\"x-client\", \"%DOWNSTREAM_REMOTE_ADDRESS% 100%% %REQ(x-id)%\"), RemoveRequestHeader(\"x-internal\")] public partial class A { }\n    [HttpRoute, RouteTo<V1>] public partial class D { }\n}" },

        // Values no manifest can carry.
        { "MESH017", Svc + "    [HttpRoute, MatchHeader(\"x-t\", Exact = {|MESH017:\"\\uD800\"|}), FaultAbort(503, Percentage = {|MESH017:double.NaN|}), RouteTo<V1>, Mirror<V2>(Percentage = {|MESH017:double.PositiveInfinity|})] public partial class A { }\n    [HttpRoute, RouteTo<V1>] public partial class D { }\n}" },
        { "MESH017", "using MeshDsl;\n[MeshService(\"reviews\", ExportTo = new[] { \".\", {|MESH017:null!|} })]\npublic partial class Reviews { [Subset(\"v1\", Labels = new[] { \"version=😀\" })] public partial class V1 { } [HttpRoute, RouteTo<V1>] public partial class D { } }" },

        { "MESH018", Svc + "    [HttpRoute, MatchUri(Prefix = \"/old\"), Redirect(Uri = \"/new\", RedirectCode = {|MESH018:200|})] public partial class A { }\n    [HttpRoute, MatchUri(Prefix = \"/b\"), Redirect(Uri = \"/new\", PrefixRewrite = {|MESH018:\"/p\"|})] public partial class B { }\n    [HttpRoute, MatchHeader(\"x\", Exact = \"1\"), Redirect(PrefixRewrite = {|MESH018:\"/q\"|})] public partial class B2 { }\n    [HttpRoute, MatchUri(Prefix = \"/c\"), {|MESH018:Rewrite|}, RouteTo<V1>] public partial class C { }\n    [HttpRoute, RouteTo<V1>] public partial class D { }\n}" },
        { "MESH018", "using MeshDsl;\n[VirtualService(\"edge\", Hosts = new[] { {|MESH018:\"*\"|} }, ExportTo = new[] { {|MESH018:\"~\"|} })]\npublic partial class Edge { [HttpRoute, RouteToHost(\"frontend\")] public partial class A { } }\n[{|MESH018:VirtualService(\"empty\", Hosts = new[] { \"empty.example.com\" })|}]\npublic partial class Empty { }" },

        { "MESH306", "using MeshDsl;\n[MeshService(\"reviews\")]\n[ConnectionPool(H2UpgradePolicy = H2UpgradePolicy.Upgrade, UseClientProtocol = {|MESH306:true|}, Http1MaxPendingRequests = {|MESH306:-1|})]\n[OutlierDetection(Consecutive5xxErrors = 5, OutlierDetectionHttpErrorCodes = new[] { 503, {|MESH306:700|} })]\npublic partial class Reviews { [Subset(\"v1\"), ClientTls(ClientTlsMode.Mutual, CredentialName = {|MESH306:\"c\"|}, PrivateKey = \"/k\")] public partial class V1 { } }" },

        // Gateways: two plain-HTTP servers get unique default port names; an explicit duplicate is reported.
        { "MESH010", "using MeshDsl;\n[Gateway(\"edge\", Selector = new[] { \"istio=ingress\" })]\npublic partial class Edge\n{\n    [Server(80, ServerProtocol.Http, Hosts = new[] { \"a.example.com\" })] public partial class A { }\n    [Server(8080, ServerProtocol.Http, Hosts = new[] { \"b.example.com\" })] public partial class B { }\n    [Server(81, ServerProtocol.Http, PortName = \"web\", Hosts = new[] { \"c.example.com\" })] public partial class C { }\n    [Server(82, ServerProtocol.Http, PortName = {|MESH010:\"web\"|}, Hosts = new[] { \"d.example.com\" })] public partial class D { }\n}" },
        { "MESH404", "using MeshDsl;\n[Gateway(\"edge\", Selector = new[] { \"istio=ingress\" })]\npublic partial class Edge\n{\n    [{|MESH404:Server(80, ServerProtocol.Http)|}] public partial class NoHosts { }\n    [Server(81, ServerProtocol.Http, Hosts = new[] { {|MESH404:\"shop\"|}, {|MESH404:\"a*.example.com\"|}, \"ns/*.example.com\", \"*\" }, Bind = {|MESH404:\"localhost\"|})] public partial class Bad { }\n    [Server(443, ServerProtocol.Https, Hosts = new[] { \"s.example.com\" }), {|MESH404:ServerTls(ServerTlsMode.IstioMutual, CredentialName = \"x\")|}] public partial class Tls { }\n}\n[{|MESH404:Gateway(\"empty\")|}] public partial class Empty { }" },
        { "MESH404", "using MeshDsl;\n[Gateway(\"edge\", Selector = new[] { \"istio=ingress\" })]\npublic partial class Edge\n{\n    [Server(80, ServerProtocol.Http, Hosts = new[] { \"shop.example.com\" }), ServerTls(HttpsRedirect = true)] public partial class Http { }\n    [Server(443, ServerProtocol.Https, Hosts = new[] { \"shop.example.com\" }), ServerTls(ServerTlsMode.Simple, CredentialName = \"shop-tls\")] public partial class Https { }\n}" },

        // Kubernetes objects: an empty image, no ports, a request above its limit.
        { "MESH505", "using MeshDsl;\n[{|MESH505:MeshService(\"reviews\")|}]\npublic partial class Reviews\n{\n    [Subset(\"v1\"), Deployment({|MESH505:\"\"|}, CpuRequest = {|MESH505:\"2\"|}, CpuLimit = \"500m\", MemoryLimit = {|MESH505:\"lots\"|})] public partial class V1 { }\n    [HttpRoute, RouteTo<V1>] public partial class Default { }\n}" },
        { "MESH505", "using MeshDsl;\n[MeshService({|MESH505:\"9reviews\"|}, Port = 9080, PortName = {|MESH505:\"Bad_Name\"|})]\npublic partial class Reviews\n{\n    [Subset(\"v1\"), Deployment(\"reviews:1.0\")] public partial class V1 { }\n    [HttpRoute, RouteTo<V1>] public partial class Default { }\n}" },
        { "MESH014", "using MeshDsl;\n[MeshService(\"reviews\", Port = 9080, PortName = {|MESH014:\"web\"|})]\npublic partial class Reviews { [Subset(\"v1\")] public partial class V1 { } [HttpRoute, RouteTo<V1>] public partial class Default { } }" },
        { "MESH505", "using MeshDsl;\n[MeshService(\"reviews\", Port = 9080)]\npublic partial class Reviews\n{\n    [Subset(\"v1\"), Deployment(\"reviews:1.0\", CpuRequest = \"250m\", CpuLimit = \"1\", MemoryRequest = \"128Mi\", MemoryLimit = \"1Gi\")] public partial class V1 { }\n    [HttpRoute, RouteTo<V1>] public partial class Default { }\n}" },

        // Duplicates that used to crash the generator or collapse silently.
        { "MESH010", "using MeshDsl;\n[MeshService(\"reviews\", Port = 9080)]\npublic partial class Reviews\n{\n    [Subset(\"v1\"), Deployment(\"reviews:1.0\", Name = \"reviews\")] public partial class V1 { }\n    [Subset(\"v2\"), Deployment(\"reviews:2.0\", Name = {|MESH010:\"reviews\"|})] public partial class V2 { }\n    [HttpRoute, MatchHeader(\"x\", Exact = \"1\"), MatchHeader({|MESH010:\"x\"|}, Exact = \"2\"), RouteTo<V2>, SetRequestHeader(\"x-a\", \"1\"), SetRequestHeader({|MESH010:\"X-A\"|}, \"2\")] public partial class A { }\n    [HttpRoute, RouteTo<V1>] public partial class B { }\n}" },
        { "MESH010", "using MeshDsl;\n[MeshService(\"reviews\"), LoadBalancer(LoadBalancing.RoundRobin), {|MESH010:LoadBalancer(LoadBalancing.Random)|}, LoadBalancer(LoadBalancing.Random, Port = 9080)]\npublic partial class Reviews { }" },
        { "MESH010", "using MeshDsl;\n[VirtualService(\"db\", Hosts = new[] { \"db.example.com\" })]\npublic partial class Db { [TcpRoute, Match(Port = 5432), Match(Port = 5433, Block = {|MESH010:0|}), Match(Port = 5434, Block = 1), RouteToHost(\"db\")] public partial class Tcp { } }" },
        { "MESH010", "using MeshDsl;\n[MeshService(\"reviews\")]\npublic partial class Reviews { [Subset(\"v1\", Labels = new[] { \"version=v1\", {|MESH010:\"version=v2\"|}, \"track=\" })] public partial class V1 { } }" },

        // Labels without '=', names that end in a newline, numbers beyond what the rules used to add up.
        { "MESH004", "using MeshDsl;\n[MeshService({|MESH004:\"reviews\\n\"|})]\npublic partial class Reviews { [Subset(\"v1\", Labels = new[] { {|MESH004:\"version\"|} })] public partial class V1 { } }" },
        { "MESH001", Svc + "    [HttpRoute(Timeout = {|MESH001:\"9999999999999999999999h\"|}), RouteTo<V1>, Retries(int.MaxValue, PerTryTimeout = \"2562047h\")] public partial class A { }\n}" },
        { "MESH104", Svc + "    [HttpRoute, RouteTo<V1>(Weight = {|MESH104:int.MaxValue|}), RouteTo<V2>(Weight = int.MaxValue)] public partial class A { }\n}" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Reported_at_the_argument_at_fault(string rule, string source) => AnalyzerVerifier.VerifyAsync(rule, source);

    [Fact]
    public Task Two_rules_with_one_explicit_Order_in_two_files_are_MESH011() => AnalyzerVerifier.VerifyAsync("MESH011", new[]
    {
        ("/0/Reviews.cs", "using MeshDsl;\n[MeshService(\"reviews\")]\npublic partial class Reviews\n{\n    [Subset(\"v1\")] public partial class V1 { }\n    [HttpRoute(Order = {|MESH011:1|}), MatchHeader(\"x\", Exact = \"1\"), RouteTo<V1>] public partial class A { }\n    [HttpRoute(Order = 2), RouteTo<V1>] public partial class Z { }\n}"),
        ("/0/Reviews.Beta.cs", "using MeshDsl;\npublic partial class Reviews\n{\n    [HttpRoute(Order = {|MESH011:1|}), MatchHeader(\"x-beta\", Exact = \"1\"), RouteTo<V1>] public partial class Beta { }\n}"),
    });
}
