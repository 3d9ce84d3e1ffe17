using MeshDsl;

namespace Seed.TargetedFaults;

[MeshService("ratings")]
public partial class Ratings
{
    [Subset("v1")] public partial class V1 { }

    // Chaos only for requests that ask for it.
    [HttpRoute, MatchHeader("x-chaos-test", Exact = "true")]
    [FaultDelay("5s", Percentage = 50), FaultAbort(500, Percentage = 10)]
    [RouteTo<V1>]
    public partial class Chaos { }

    [HttpRoute, RouteTo<V1>]
    public partial class Default { }
}
