using MeshDsl.Helpers;

namespace MeshDsl.Model;

/// <summary>
/// One state of a canary run without a controller (its start, a step, its rollback): a whole resource, applied in its turn.
/// Rules read the service's own resources, not these; the back end writes each one apart.
/// </summary>
internal sealed record CanaryStage(Resource Inner, string Stage) : Resource(Inner.Metadata, Inner.Origin)
{
    public override string ApiVersion => Inner.ApiVersion;

    public override string Kind => Inner.Kind;
}

/// <summary>Flagger's <c>Canary</c> (flagger.app/v1beta1): the Deployment it watches, the routing it owns, and the analysis.</summary>
internal sealed record FlaggerCanary(ObjectMeta Metadata, SourceRef Origin, FlaggerCanarySpec Spec) : Resource(Metadata, Origin)
{
    public override string ApiVersion => "flagger.app/v1beta1";

    public override string Kind => "Canary";
}

/// <summary>
/// <see cref="Route"/> carries what Flagger takes of the service's HTTP route into the VirtualService it generates (match,
/// retries, timeout, headers, CORS, rewrite); its destinations are Flagger's.
/// </summary>
internal sealed record FlaggerCanarySpec(
    string TargetDeployment,
    string ServiceName,
    int Port,
    EquatableArray<string> Hosts,
    EquatableArray<string> Gateways,
    HttpRoute? Route,
    TrafficPolicy? TrafficPolicy,
    string Interval,
    int Threshold,
    EquatableArray<int> StepWeights,
    EquatableArray<FlaggerMetric> Metrics,
    EquatableArray<CanaryWebhook> Webhooks);

/// <summary>A metric of Flagger's analysis: a built-in one (<see cref="TemplateRef"/> null) or a <c>MetricTemplate</c>'s.</summary>
internal sealed record FlaggerMetric(string Name, string? TemplateRef, double? Min, double? Max, string Interval);

/// <summary>Flagger's <c>MetricTemplate</c>: a Prometheus query in Flagger's template variables.</summary>
internal sealed record FlaggerMetricTemplate(ObjectMeta Metadata, SourceRef Origin, string Address, string Query) : Resource(Metadata, Origin)
{
    public override string ApiVersion => "flagger.app/v1beta1";

    public override string Kind => "MetricTemplate";
}

/// <summary>Argo Rollouts' <c>Rollout</c>, taking its pods from a Deployment (<c>workloadRef</c>) and its traffic from Istio.</summary>
internal sealed record ArgoRollout(ObjectMeta Metadata, SourceRef Origin, ArgoRolloutSpec Spec) : Resource(Metadata, Origin)
{
    public override string ApiVersion => "argoproj.io/v1alpha1";

    public override string Kind => "Rollout";
}

internal sealed record ArgoRolloutSpec(
    int? Replicas,
    EquatableArray<Label> Selector,
    string WorkloadDeployment,
    EquatableArray<Label> StableLabels,
    EquatableArray<Label> CanaryLabels,
    string VirtualService,
    EquatableArray<string> Routes,
    string DestinationRule,
    string StableSubset,
    string CanarySubset,
    EquatableArray<int> StepWeights,
    string Pause,
    string? AnalysisTemplate);

/// <summary>Argo Rollouts' <c>AnalysisTemplate</c> with Prometheus metrics.</summary>
internal sealed record ArgoAnalysisTemplate(ObjectMeta Metadata, SourceRef Origin, EquatableArray<ArgoMetric> Metrics) : Resource(Metadata, Origin)
{
    public override string ApiVersion => "argoproj.io/v1alpha1";

    public override string Kind => "AnalysisTemplate";
}

internal sealed record ArgoMetric(string Name, string Interval, int FailureLimit, string SuccessCondition, string Address, string Query);
