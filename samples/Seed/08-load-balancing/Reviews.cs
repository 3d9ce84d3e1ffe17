using MeshDsl;

namespace Seed.Balancing;

[MeshService("reviews")]
[LoadBalancer(LoadBalancing.LeastRequest)]
public partial class Reviews
{
    [Subset("v1")] public partial class V1 { }

    // A subset's own load balancer overrides the service's.
    [Subset("v2"), LoadBalancer(LoadBalancing.RoundRobin)] public partial class V2 { }
}
