using MeshDsl;

namespace Seed.CanaryDeploymentV2;

// The canary's Deployment, with the probes the rollout script waits on.
[MeshService("reviews", Port = 8080)]
public partial class Reviews
{
    [Subset("v2")]
    [Deployment("reviews:2.0", Replicas = 2)]
    [ReadinessProbe("/health", 8080, InitialDelaySeconds = 5, PeriodSeconds = 10)]
    [LivenessProbe("/health", 8080, InitialDelaySeconds = 15, PeriodSeconds = 20)]
    public partial class V2 { }
}
