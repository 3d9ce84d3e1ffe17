using MeshDsl;

namespace Seed.BasicHttpRouting;

// All traffic to reviews goes to v2. The subsets also give the DestinationRule that defines v2.
[MeshService("reviews")]
public partial class Reviews
{
    [Subset("v1")] public partial class V1 { }
    [Subset("v2")] public partial class V2 { }

    [HttpRoute, RouteTo<V2>]
    public partial class Default { }
}
