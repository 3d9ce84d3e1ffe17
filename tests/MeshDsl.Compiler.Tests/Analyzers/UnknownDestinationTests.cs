using MeshDsl.Tests.Support;

namespace MeshDsl.Tests.Analyzers;

public class UnknownDestinationTests
{
    [Fact]
    public Task Fires_on_a_route_to_a_type_outside_the_model() => AnalyzerVerifier.VerifyAsync("MESH101", """
        using MeshDsl;
        public class NotAService { }
        [MeshService("reviews")]
        public partial class Reviews
        {
            [HttpRoute, {|MESH101:RouteTo<NotAService>|}] public partial class A { }
            [HttpRoute, RouteTo({|MESH101:typeof(string)|})] public partial class B { }
        }
        """);

    [Fact]
    public Task Is_quiet_on_subsets_services_and_external_hosts() => AnalyzerVerifier.VerifyAsync("MESH101", """
        using MeshDsl;
        [MeshService("ratings")]
        public partial class Ratings { [Subset("v1")] public partial class V1 { } }
        [MeshService("reviews")]
        public partial class Reviews
        {
            [HttpRoute, RouteTo<Ratings.V1>(Weight = 50), RouteTo(typeof(Ratings), Weight = 25), RouteToHost("httpbin.org", Weight = 25)]
            public partial class A { }
        }
        """);
}
