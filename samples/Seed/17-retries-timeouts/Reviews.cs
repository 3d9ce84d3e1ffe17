using MeshDsl;

namespace Seed.RetriesTimeouts;

[MeshService("reviews")]
public partial class Reviews
{
    [Subset("v2")] public partial class V2 { }

    // As the seed wrote it. Its own advice says 4 tries of 3s do not fit a 10s budget (MESH203), and 503 is retried
    // here for every method, writes included (MESH202). A team that keeps it acknowledges both, here and nowhere else.
#pragma warning disable MESH202, MESH203
    [HttpRoute(Timeout = "10s"), RouteTo<V2>]
    [Retries(3, PerTryTimeout = "3s", RetryRemoteLocalities = true, RetryOn = new[]
    {
        RetryOn.GatewayError, RetryOn.ConnectFailure, RetryOn.RefusedStream, RetryOn.Status503, RetryOn.Retriable4xx,
    })]
    public partial class Default { }
#pragma warning restore MESH202, MESH203
}
