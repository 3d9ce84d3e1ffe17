using MeshDsl;

namespace Seed.CanaryRollback;

// Rollback: everything back to the stable version.
[MeshService("reviews", Namespace = "default")]
public partial class Reviews
{
    [Subset("v1")] public partial class V1 { }
    [Subset("v2")] public partial class V2 { }

    [HttpRoute, RouteTo<V1>(Weight = 100)]
    public partial class Default { }
}
