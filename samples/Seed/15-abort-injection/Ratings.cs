using MeshDsl;

namespace Seed.AbortInjection;

[MeshService("ratings")]
public partial class Ratings
{
    [Subset("v1")] public partial class V1 { }

    // The seed's own example fails a tenth of all traffic; MESH108 asks to target test traffic with a match. Acknowledged.
#pragma warning disable MESH108
    [HttpRoute, FaultAbort(503, Percentage = 10), RouteTo<V1>]
    public partial class Default { }
#pragma warning restore MESH108
}
