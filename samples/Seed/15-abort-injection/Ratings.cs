using MeshDsl;

namespace Seed.AbortInjection;

[MeshService("ratings")]
public partial class Ratings
{
    [Subset("v1")] public partial class V1 { }

    [HttpRoute, FaultAbort(503, Percentage = 10), RouteTo<V1>]
    public partial class Default { }
}
