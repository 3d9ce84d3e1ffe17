using MeshDsl.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace MeshDsl.Tests.Analyzers;

public class InvalidDurationTests
{
    [Fact]
    public Task Fires_on_the_timeout_argument() => AnalyzerVerifier.VerifyAsync("MESH001", """
        using MeshDsl;
        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute(Name = "default", Timeout = {|MESH001:"10 seconds"|}), RouteTo<V1>]
            public partial class Default { }
        }
        """);

    [Fact]
    public Task Fires_on_positional_constructor_arguments_and_on_every_duration_field() => AnalyzerVerifier.VerifyAsync("MESH001", """
        using MeshDsl;
        [MeshService("ratings")]
        [ConnectionPool(MaxConnections = 10, ConnectTimeout = {|MESH001:"0"|}, IdleTimeout = {|MESH001:"1h30"|})]
        [OutlierDetection(Interval = {|MESH001:"1.5ms"|}, BaseEjectionTime = {|MESH001:"30"|})]
        public partial class Ratings
        {
            [Subset("v1"), ConnectionPool(ConnectTimeout = {|MESH001:"100 ms"|})] public partial class V1 { }
            [HttpRoute, FaultDelay({|MESH001:"5sec"|}), Retries(2, PerTryTimeout = {|MESH001:"500us"|}), RouteTo<V1>]
            public partial class Chaos { }
            [HttpRoute, FaultDelay(fixedDelay: {|MESH001:"-1s"|}), RouteTo<V1>]
            public partial class Named { }
        }
        """);

    [Fact]
    public Task Says_what_is_wrong_and_what_to_write_instead() => AnalyzerVerifier.VerifyAsync("MESH001", """
        using MeshDsl;
        [MeshService("reviews")]
        public partial class Reviews
        {
            [HttpRoute(Timeout = {|#0:"1.5ms"|}), RouteToHost("httpbin.org")] public partial class A { }
            [HttpRoute(Timeout = {|#1:"10 seconds"|}), RouteToHost("httpbin.org")] public partial class B { }
        }
        """,
        new DiagnosticResult("MESH001", DiagnosticSeverity.Error).WithLocation(0)
            .WithArguments("1.5ms", "timeout", "Istio supports whole milliseconds only: use \"1ms\""),
        new DiagnosticResult("MESH001", DiagnosticSeverity.Error).WithLocation(1)
            .WithArguments("10 seconds", "timeout", "use Istio's notation, a number and a unit: \"10s\", \"1500ms\", \"1m\""));

    [Fact]
    public Task Is_quiet_on_valid_durations() => AnalyzerVerifier.VerifyAsync("MESH001", """
        using MeshDsl;
        [MeshService("reviews")]
        [ConnectionPool(ConnectTimeout = "100ms", IdleTimeout = "1h30m")]
        [OutlierDetection(Interval = "10s", BaseEjectionTime = "30s")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute(Timeout = "10s"), FaultDelay("1.5s"), Retries(3, PerTryTimeout = "2s"), RouteTo<V1>]
            public partial class Default { }
        }
        """);

    [Fact]
    public Task Is_quiet_outside_mesh_services() => AnalyzerVerifier.VerifyAsync("MESH001", """
        using MeshDsl;
        [HttpRoute(Timeout = "not checked: not in a service")]
        public partial class Loose { }
        """);

    [Fact]
    public Task Can_be_suppressed_with_pragma_like_any_analyzer() => AnalyzerVerifier.VerifyAsync("MESH001", """
        using MeshDsl;
        [MeshService("reviews")]
        public partial class Reviews
        {
        #pragma warning disable MESH001
            [HttpRoute(Timeout = "10 seconds"), RouteToHost("httpbin.org")] public partial class A { }
        #pragma warning restore MESH001
        }
        """);
}
