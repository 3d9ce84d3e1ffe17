using MeshDsl;

namespace Seed.Mirroring;

[MeshService("reviews")]
public partial class Reviews
{
    [Subset("v1")] public partial class V1 { }
    [Subset("v2")] public partial class V2 { }

    // Users are served by v1; v2 sees a copy of every request, and its answers are dropped.
    [HttpRoute, RouteTo<V1>, Mirror<V2>(Percentage = 100)]
    public partial class Default { }
}
