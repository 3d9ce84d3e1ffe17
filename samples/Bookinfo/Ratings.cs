using MeshDsl;

namespace Bookinfo;

/// <summary>
/// The ratings service, with chaos testing aimed at test traffic only (the x-chaos-test header),
/// never at every request.
/// </summary>
[MeshService("ratings", Namespace = "bookinfo", Port = 9080)]
public partial class Ratings
{
    [Subset("v1")] public partial class V1 { }

    [Subset("v2")] public partial class V2 { }

    [HttpRoute(Name = "chaos"), MatchHeader("x-chaos-test", Exact = "true")]
    [FaultDelay("5s", Percentage = 50), FaultAbort(500, Percentage = 10)]
    [RouteTo<V1>]
    public partial class Chaos { }

    [HttpRoute(Name = "default"), RouteTo<V1>]
    public partial class Default { }
}
