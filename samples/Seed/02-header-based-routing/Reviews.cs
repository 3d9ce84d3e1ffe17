using MeshDsl;

namespace Seed.HeaderBasedRouting;

[MeshService("reviews")]
public partial class Reviews
{
    [Subset("v1")] public partial class V1 { }
    [Subset("v2")] public partial class V2 { }
    [Subset("v3")] public partial class V3 { }

    [HttpRoute, MatchHeader("x-user-group", Exact = "internal-testers"), RouteTo<V3>]
    public partial class InternalTesters { }

    // Two match blocks, ORed: the header, or the beta cookie.
    [HttpRoute]
    [MatchHeader("x-user-group", Exact = "beta", Block = 0)]
    [MatchHeader("cookie", Regex = ".*beta=true.*", Block = 1)]
    [RouteTo<V2>]
    public partial class Beta { }

    [HttpRoute, RouteTo<V1>]
    public partial class Default { }
}
