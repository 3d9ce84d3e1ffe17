using MeshDsl;

namespace Seed.CanaryDestinationRule;

[MeshService("reviews")]
[ConnectionPool(MaxConnections = 100, Http1MaxPendingRequests = 50, Http2MaxRequests = 100)]
[OutlierDetection(Consecutive5xxErrors = 3, Interval = "10s", BaseEjectionTime = "30s", MaxEjectionPercent = 50)]
public partial class Reviews
{
    [Subset("v1")] public partial class V1 { }
    [Subset("v2")] public partial class V2 { }
}
