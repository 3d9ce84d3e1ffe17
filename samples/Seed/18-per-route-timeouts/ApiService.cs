using MeshDsl;

namespace Seed.PerRouteTimeouts;

[MeshService("api-service")]
public partial class ApiService
{
    // Reads are safe to retry. As the seed wrote it, 4 tries of 1500ms do not fit the 5s timeout (MESH203): acknowledged.
#pragma warning disable MESH203
    [HttpRoute(Timeout = "5s"), MatchMethod(RequestMethod.Get), RouteTo<ApiService>]
    [Retries(3, PerTryTimeout = "1500ms", RetryOn = new[] { RetryOn.GatewayError, RetryOn.ConnectFailure, RetryOn.RefusedStream, RetryOn.Status503 })]
    public partial class Reads { }
#pragma warning restore MESH203

    // Writes are not: one block per method (ORed), and retries explicitly off.
    [HttpRoute(Timeout = "30s"), RouteTo<ApiService>, Retries(0)]
    [MatchMethod(RequestMethod.Post, Block = 0), MatchMethod(RequestMethod.Put, Block = 1), MatchMethod(RequestMethod.Delete, Block = 2)]
    public partial class Writes { }
}
