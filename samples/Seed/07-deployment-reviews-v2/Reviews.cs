using MeshDsl;

namespace Seed.DeploymentReviewsV2;

// The Deployment behind a version: its pods carry the service's selector (app: reviews) and the subset's labels
// (version: v2), so the subset is guaranteed to select them.
[MeshService("reviews", Port = 8080)]
public partial class Reviews
{
    [Subset("v2")]
    [Deployment("reviews:2.0", Replicas = 3, CpuRequest = "100m", MemoryRequest = "128Mi", CpuLimit = "500m", MemoryLimit = "256Mi")]
    public partial class V2 { }
}
