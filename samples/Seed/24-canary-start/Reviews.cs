using MeshDsl;

namespace Seed.CanaryStart;

[MeshService("reviews")]
public partial class Reviews
{
    [Subset("v1")] public partial class V1 { }
    [Subset("v2")] public partial class V2 { }

    // The canary is deployed but gets no traffic yet: weight 0 is written, so the next step only changes numbers.
    [HttpRoute, RouteTo<V1>(Weight = 100), RouteTo<V2>(Weight = 0)]
    public partial class Default { }
}
