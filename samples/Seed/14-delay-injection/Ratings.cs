using MeshDsl;

namespace Seed.DelayInjection;

[MeshService("ratings")]
public partial class Ratings
{
    [Subset("v1")] public partial class V1 { }

    // The seed's own example delays half of all traffic; MESH108 asks to target test traffic with a match
    // (see 16-targeted-faults). Kept as the seed wrote it, and acknowledged.
#pragma warning disable MESH108
    [HttpRoute, FaultDelay("3s", Percentage = 50), RouteTo<V1>]
    public partial class Default { }
#pragma warning restore MESH108
}
