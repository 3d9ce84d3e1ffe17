using MeshDsl;

namespace Seed.DelayInjection;

[MeshService("ratings")]
public partial class Ratings
{
    [Subset("v1")] public partial class V1 { }

    // The seed's own example; MESH108 would ask to target test traffic with a match (see 16-targeted-faults).
    [HttpRoute, FaultDelay("3s", Percentage = 50), RouteTo<V1>]
    public partial class Default { }
}
