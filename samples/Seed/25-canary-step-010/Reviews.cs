using MeshDsl;

namespace Seed.CanaryStep010;

// One step of the seed's progressive rollout (canary-rollout.sh): the canary's share is the only number that changes.
[MeshService("reviews", Namespace = "default")]
public partial class Reviews
{
    private const int Canary = 10;

    [Subset("v1")] public partial class V1 { }
    [Subset("v2")] public partial class V2 { }

    [HttpRoute, RouteTo<V1>(Weight = 100 - Canary), RouteTo<V2>(Weight = Canary)]
    public partial class Default { }
}
