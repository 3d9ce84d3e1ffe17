using MeshDsl;

namespace Seed.RetriesTimeouts;

[MeshService("reviews")]
public partial class Reviews
{
    [Subset("v2")] public partial class V2 { }

    // As the seed wrote it. Its own advice says 3 tries of 3s do not fit a 10s budget, and that 503 is retried
    // here for every method; a team that keeps it acknowledges that where the analyzers flag it.
    [HttpRoute(Timeout = "10s"), RouteTo<V2>]
    [Retries(3, PerTryTimeout = "3s", RetryRemoteLocalities = true, RetryOn = new[]
    {
        RetryOn.GatewayError, RetryOn.ConnectFailure, RetryOn.RefusedStream, RetryOn.Status503, RetryOn.Retriable4xx,
    })]
    public partial class Default { }
}
