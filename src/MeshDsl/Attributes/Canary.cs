using System;
using System.Diagnostics;

namespace MeshDsl;

/// <summary>
/// A progressive canary of this <see cref="MeshServiceAttribute"/> service, from the <typeparamref name="TStable"/> subset to the
/// <typeparamref name="TCanary"/> subset: traffic moves to the canary step by step, with the health checks of the
/// <c>[Canary...]</c> attributes on the same class between steps, and goes back to the stable subset when they fail.
/// The MSBuild property <c>MeshDslCanaryEngine</c> says what runs it: <c>Flagger</c> (a Flagger <c>Canary</c>),
/// <c>ArgoRollouts</c> (a <c>Rollout</c> and its <c>AnalysisTemplate</c>) or <c>Steps</c> (no controller: the start, every step
/// and the rollback as manifests, for a pipeline to apply one at a time; the default).
/// </summary>
/// <typeparam name="TStable">The subset that serves the traffic today (a nested <c>[Subset]</c> class).</typeparam>
/// <typeparam name="TCanary">The subset being rolled out.</typeparam>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class CanaryAttribute<TStable, TCanary> : Attribute
    where TStable : class
    where TCanary : class
{
    /// <summary>The canary's share of the traffic at each step, in percent, increasing: <c>new[] { 5, 10, 25, 50, 75, 100 }</c>.</summary>
    public int[]? StepWeights { get; set; }

    /// <summary>Instead of <see cref="StepWeights"/>: the percentage added at each step, up to <see cref="MaxWeight"/>.</summary>
    public int StepWeight { get; set; }

    /// <summary>With <see cref="StepWeight"/>: the last step's percentage; 100 when not set.</summary>
    public int MaxWeight { get; set; }

    /// <summary>How long each step lasts before its checks decide, an Istio duration (<c>5m</c>); <c>1m</c> when not set.</summary>
    public string? StepInterval { get; set; }

    /// <summary>How many failed checks roll the canary back; 1 when not set (the first failure).</summary>
    public int FailedChecks { get; set; }

    /// <summary>
    /// The fewest requests the canary must have served in a check's interval for the checks to count; below it the check
    /// fails. Without it (or a load test webhook) a canary with no traffic has nothing to measure.
    /// </summary>
    public int MinRequests { get; set; }

    /// <summary>The Prometheus the checks query; <c>http://prometheus.istio-system:9090</c> (Istio's addon) when not set.</summary>
    public string? Prometheus { get; set; }
}

/// <summary>A health check: the canary's share of requests answered without a 5xx must stay at or above a percentage.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class CanarySuccessRateAttribute : Attribute
{
    /// <param name="minPercent">The lowest success rate, in percent: 99 means at most 1% of requests fail.</param>
    public CanarySuccessRateAttribute(double minPercent) => MinPercent = minPercent;

    public double MinPercent { get; }

    /// <summary>The window the rate is measured over, an Istio duration; the step interval when not set.</summary>
    public string? Interval { get; set; }
}

/// <summary>A health check: a percentile of the canary's request duration must stay at or under a duration.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class CanaryLatencyAttribute : Attribute
{
    /// <param name="max">The longest acceptable duration at <see cref="Percentile"/>, an Istio duration (<c>500ms</c>).</param>
    public CanaryLatencyAttribute(string max) => Max = max;

    public string Max { get; }

    /// <summary>The percentile, from 1 to 99.9; 99 (P99) when not set.</summary>
    public double Percentile { get; set; }

    /// <summary>The window the percentile is measured over, an Istio duration; the step interval when not set.</summary>
    public string? Interval { get; set; }
}

/// <summary>
/// A health check of your own: a Prometheus query whose first value must stay within <see cref="Min"/> and <see cref="Max"/>.
/// In the query, <c>{canary}</c> stands for the label matchers that select the canary's requests as the destination reports
/// them, <c>{namespace}</c> for the service's namespace and <c>{interval}</c> for the check's window; each engine gets them in
/// its own terms.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class CanaryQueryAttribute : Attribute
{
    /// <param name="name">The check's name (a DNS label: it names the engine's metric and template).</param>
    /// <param name="query">The PromQL query.</param>
    public CanaryQueryAttribute(string name, string query)
    {
        Name = name;
        Query = query;
    }

    public string Name { get; }

    public string Query { get; }

    /// <summary>The lowest acceptable value.</summary>
    public double Min { get; set; }

    /// <summary>The highest acceptable value.</summary>
    public double Max { get; set; }

    /// <summary>The window the query measures, an Istio duration; the step interval when not set.</summary>
    public string? Interval { get; set; }
}

/// <summary>When a <see cref="CanaryWebhookAttribute"/> is called.</summary>
public enum CanaryWebhookType
{
    /// <summary>Before traffic moves to the canary; a failure stops the rollout (Flagger's <c>pre-rollout</c>).</summary>
    PreRollout,

    /// <summary>At every step, before the checks: a load generator gives the checks traffic to measure (Flagger's <c>rollout</c>).</summary>
    LoadTest,

    /// <summary>After the canary is promoted (Flagger's <c>post-rollout</c>).</summary>
    PostRollout,

    /// <summary>When the canary is rolled back (Flagger's <c>rollback</c>).</summary>
    Rollback,
}

/// <summary>A webhook the engine calls during the rollout: an acceptance test before it, a load test at each step.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class CanaryWebhookAttribute : Attribute
{
    /// <param name="name">The webhook's name.</param>
    /// <param name="url">What is called, for example Flagger's load tester: <c>http://flagger-loadtester.test/</c>.</param>
    public CanaryWebhookAttribute(string name, string url)
    {
        Name = name;
        Url = url;
    }

    public string Name { get; }

    public string Url { get; }

    /// <summary>When it is called; <see cref="CanaryWebhookType.PreRollout"/> when not set.</summary>
    public CanaryWebhookType Type { get; set; }

    /// <summary>The command the load tester runs (its <c>cmd</c>), for example <c>hey -z 1m -q 10 -c 2 http://reviews:9080/</c>.</summary>
    public string? Command { get; set; }

    /// <summary>How long the engine waits for it, an Istio duration.</summary>
    public string? Timeout { get; set; }
}
