using MeshDsl;

namespace Seed.CircuitBreaking;

[MeshService("reviews")]
[ConnectionPool(MaxConnections = 100, ConnectTimeout = "100ms", Http1MaxPendingRequests = 50, Http2MaxRequests = 100, MaxRequestsPerConnection = 10, MaxRetries = 3)]
[OutlierDetection(
    Consecutive5xxErrors = 5, Interval = "10s", BaseEjectionTime = "30s", MaxEjectionPercent = 50, MinHealthPercent = 30,
    SplitExternalLocalOriginErrors = true, ConsecutiveLocalOriginFailures = 5)]
public partial class Reviews { }
