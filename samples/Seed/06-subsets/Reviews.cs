using MeshDsl;

namespace Seed.Subsets;

// Each version can carry its own traffic policy.
[MeshService("reviews")]
public partial class Reviews
{
    [Subset("v1"), ConnectionPool(MaxConnections = 100)] public partial class V1 { }
    [Subset("v2"), ConnectionPool(MaxConnections = 50)] public partial class V2 { }
    [Subset("v3")] public partial class V3 { }
}
