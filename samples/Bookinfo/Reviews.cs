using MeshDsl;

namespace Bookinfo;

/// <summary>
/// The reviews service: three versions, testers and beta users pinned to the new ones,
/// everyone else on a 90/10 split while v2 proves itself.
/// </summary>
[MeshService("reviews", Namespace = "bookinfo", Port = 9080)]
[LoadBalancer(LoadBalancing.LeastRequest)]
[ConnectionPool(MaxConnections = 100, ConnectTimeout = "100ms", Http1MaxPendingRequests = 50, Http2MaxRequests = 100, MaxRequestsPerConnection = 10, MaxRetries = 3)]
[OutlierDetection(Consecutive5xxErrors = 5, Interval = "10s", BaseEjectionTime = "30s", MaxEjectionPercent = 50)]
public partial class Reviews
{
    [Subset("v1")] public partial class V1 { }

    [Subset("v2")] public partial class V2 { }

    [Subset("v3")] public partial class V3 { }

    [HttpRoute(Name = "internal-testers"), MatchHeader("x-user-group", Exact = "internal-testers"), RouteTo<V3>]
    public partial class InternalTesters { }

    // Two match blocks: either condition sends the request to v2.
    [HttpRoute(Name = "beta")]
    [MatchHeader("x-user-group", Exact = "beta")]
    [MatchHeader("cookie", Regex = ".*beta=true.*", Block = 1)]
    [RouteTo<V2>]
    public partial class Beta { }

    // Reads only (GET), so retrying on gateway errors is safe; 3 tries of 2s fit the 10s budget.
    [HttpRoute(Name = "default", Timeout = "10s")]
    [RouteTo<V1>(Weight = 90), RouteTo<V2>(Weight = 10)]
    [Retries(2, PerTryTimeout = "3s", RetryOn = new[] { RetryOn.GatewayError, RetryOn.ConnectFailure, RetryOn.RefusedStream })]
    public partial class Default { }
}
