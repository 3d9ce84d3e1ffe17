using MeshDsl;

namespace Seed.WeightedRouting;

[MeshService("reviews")]
public partial class Reviews
{
    [Subset("v1")] public partial class V1 { }
    [Subset("v2")] public partial class V2 { }

    [HttpRoute, RouteTo<V1>(Weight = 90), RouteTo<V2>(Weight = 10)]
    public partial class Default { }
}
