using MeshDsl.Helpers;

namespace MeshDsl.Model;

/// <summary>The engines that can run a canary (the MeshDslCanaryEngine build property).</summary>
internal static class CanaryEngines
{
    /// <summary>No controller: the start, each step and the rollback as manifests.</summary>
    public const string Steps = "Steps";

    public const string Flagger = "Flagger";

    public const string ArgoRollouts = "ArgoRollouts";

    /// <summary>The engine a property value names (case aside), or null when it names none.</summary>
    public static string? Parse(string? value) => (value ?? string.Empty).Trim().ToLowerInvariant() switch
    {
        "" or "steps" => Steps,
        "flagger" => Flagger,
        "argorollouts" or "argo" => ArgoRollouts,
        _ => null,
    };
}

/// <summary>
/// A service's progressive canary, whatever runs it: traffic moves from the stable subset to the canary subset by
/// <see cref="StepWeights"/> (the canary's percentage at each step), each step lasting <see cref="StepInterval"/>, and goes back
/// to the stable subset after <see cref="FailedChecks"/> failed <see cref="Checks"/>. <see cref="Engine"/> is the build's choice.
/// </summary>
internal sealed record CanarySpec(
    string StableSubset,
    string CanarySubset,
    EquatableArray<int> StepWeights,
    string StepInterval,
    int FailedChecks,
    int? MinRequests,
    string Prometheus,
    EquatableArray<CanaryCheck> Checks,
    EquatableArray<CanaryWebhook> Webhooks,
    SourceRef Origin)
{
    public string Engine { get; init; } = CanaryEngines.Steps;

    /// <summary>The Istio duration of <see cref="StepInterval"/> when it was not given (Flagger's and Argo's default interval).</summary>
    public const string DefaultInterval = "1m";

    public const string DefaultPrometheus = "http://prometheus.istio-system:9090";
}

/// <summary>The kinds of <see cref="CanaryCheck"/>.</summary>
internal static class CanaryCheckKinds
{
    /// <summary>Percentage of requests without a 5xx; <see cref="CanaryCheck.Min"/> is the floor.</summary>
    public const string SuccessRate = "request-success-rate";

    /// <summary>A percentile of the request duration, in milliseconds; <see cref="CanaryCheck.Max"/> is the ceiling.</summary>
    public const string Latency = "request-duration";

    /// <summary>A query of the user's, within <see cref="CanaryCheck.Min"/> and <see cref="CanaryCheck.Max"/>.</summary>
    public const string Query = "query";
}

/// <summary>
/// One health check. <see cref="MaxDuration"/> is a latency check's ceiling as written (an Istio duration); <see cref="Max"/> is
/// then that ceiling in milliseconds when it parses.
/// </summary>
internal sealed record CanaryCheck(
    string Kind,
    string Name,
    double? Min,
    double? Max,
    string? MaxDuration,
    double? Percentile,
    string? Query,
    string Interval,
    SourceRef Origin);

/// <summary>A webhook; <see cref="Type"/> is Flagger's vocabulary (<c>pre-rollout</c>, <c>rollout</c>, <c>post-rollout</c>, <c>rollback</c>).</summary>
internal sealed record CanaryWebhook(string Name, string Type, string Url, string? Command, string? Timeout, SourceRef Origin);
