using MeshDsl;

namespace Canary;

// The seed's canary walkthrough and its canary-rollout.sh, declared once: both versions deployed (fixture 22), their
// DestinationRule (23), the start at 100/0 (24), 5, 10, 25, 50, 75 and 100% (25-*) with 5 minutes per step, and the
// rollback to v1 (26) after one failed check of the script's two: error rate under 1%, P99 latency under 500 ms.
[MeshService("reviews", Port = 8080)]
// Flagger's Canary has no place for a TCP connection limit (MESH704 when built for Flagger): the seed's is kept for the others.
#pragma warning disable MESH704
[ConnectionPool(MaxConnections = 100, Http1MaxPendingRequests = 50, Http2MaxRequests = 100)]
#pragma warning restore MESH704
[OutlierDetection(Consecutive5xxErrors = 3, Interval = "10s", BaseEjectionTime = "30s", MaxEjectionPercent = 50)]
[Canary<V1, V2>(StepWeights = new[] { 5, 10, 25, 50, 75, 100 }, StepInterval = "5m", FailedChecks = 1, Prometheus = "http://prometheus:9090", MinRequests = 100)]
[CanarySuccessRate(99)]
[CanaryLatency("500ms", Percentile = 99)]
[CanaryWebhook("load-test", "http://flagger-loadtester.test/", Type = CanaryWebhookType.LoadTest, Command = "hey -z 1m -q 10 -c 2 http://reviews.default:8080/")]
public partial class Reviews
{
    // v1 is the version the seed has running already; declared, so the rules see the pods of both subsets.
    [Subset("v1"), Deployment("reviews:1.0", Replicas = 2)]
    public partial class V1 { }

    [Subset("v2")]
    [Deployment("reviews:2.0", Replicas = 2)]
    [ReadinessProbe("/health", 8080, InitialDelaySeconds = 5, PeriodSeconds = 10)]
    [LivenessProbe("/health", 8080, InitialDelaySeconds = 15, PeriodSeconds = 20)]
    public partial class V2 { }
}
