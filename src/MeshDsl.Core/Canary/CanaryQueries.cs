using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MeshDsl.Helpers;
using MeshDsl.Model;

namespace MeshDsl.Canary;

/// <summary>
/// The PromQL of the checks. Every query selects the canary's own requests as its sidecar reports them
/// (<c>reporter="destination"</c>): a query over the whole service measures the blend of stable and canary, where a canary
/// failing 10% of its requests at a 5% weight shows as 0.5% and passes a 1% threshold.
/// </summary>
internal static class CanaryQueries
{
    public static string SuccessRate(string selector, string interval) =>
        $"sum(rate(istio_requests_total{{{selector},response_code!~\"5.*\"}}[{interval}])) / sum(rate(istio_requests_total{{{selector}}}[{interval}])) * 100";

    public static string Latency(string selector, string interval, double percentile) =>
        $"histogram_quantile({Number(percentile / 100)}, sum(rate(istio_request_duration_milliseconds_bucket{{{selector}}}[{interval}])) by (le))";

    public static string RequestCount(string selector, string interval) =>
        $"sum(increase(istio_requests_total{{{selector}}}[{interval}]))";

    /// <summary>A user's query with its placeholders (<c>{canary}</c>, <c>{namespace}</c>, <c>{interval}</c>) in the engine's terms.</summary>
    public static string Expand(string query, string selector, string ns, string interval) =>
        query.Replace("{canary}", selector).Replace("{namespace}", ns).Replace("{interval}", interval);

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>Flagger's analysis metrics: its built-in ones where they say the same, <c>MetricTemplate</c>s otherwise.</summary>
internal static class FlaggerMetrics
{
    /// <summary>Flagger's template variables: the target Deployment (the canary's pods while it runs) in its namespace.</summary>
    private const string Selector = "reporter=\"destination\",destination_workload_namespace=\"{{ namespace }}\",destination_workload=~\"{{ target }}\"";

    public static (EquatableArray<FlaggerMetric> Metrics, IReadOnlyList<FlaggerMetricTemplate> Templates) Of(CanaryPlan plan, ObjectMeta canary)
    {
        var metrics = new List<FlaggerMetric>();
        var templates = new List<FlaggerMetricTemplate>();
        void Template(string name, string query, double? min, double? max, string interval)
        {
            var template = new FlaggerMetricTemplate(canary with { Name = canary.Name + "-" + name }, plan.VirtualService.Origin, plan.Canary.Prometheus, query);
            templates.Add(template);
            metrics.Add(new FlaggerMetric(name, template.Metadata.Name, min, max, interval));
        }

        foreach (var check in plan.Canary.Checks)
        {
            switch (check.Kind)
            {
                case CanaryCheckKinds.SuccessRate:
                    metrics.Add(new FlaggerMetric("request-success-rate", null, check.Min, null, check.Interval));
                    break;
                case CanaryCheckKinds.Latency when check.Percentile is 99:
                    metrics.Add(new FlaggerMetric("request-duration", null, null, check.Max, check.Interval));
                    break;
                case CanaryCheckKinds.Latency:
                    Template("latency-p" + CanaryQueries.Number(check.Percentile ?? 99).Replace('.', '-'), CanaryQueries.Latency(Selector, "{{ interval }}", check.Percentile ?? 99), null, check.Max, check.Interval);
                    break;
                default:
                    Template(check.Name, CanaryQueries.Expand(check.Query ?? string.Empty, Selector, "{{ namespace }}", "{{ interval }}"), check.Min, check.Max, check.Interval);
                    break;
            }
        }

        if (plan.Canary.MinRequests is { } minRequests)
        {
            Template("request-count", CanaryQueries.RequestCount(Selector, "{{ interval }}"), minRequests, null, plan.Canary.StepInterval);
        }

        return (metrics.ToEquatableArray(), templates);
    }
}

/// <summary>
/// Argo's analysis metrics. A check passes on an empty result or NaN (no requests in the window: nothing failed) rather than
/// erroring; <c>MinRequests</c> is the check that fails when there was no traffic to judge by.
/// </summary>
internal static class ArgoMetrics
{
    private const string NoData = "len(result) == 0 || isNaN(result[0]) || ";

    public static EquatableArray<ArgoMetric> Of(CanaryPlan plan)
    {
        var canary = plan.Canary;
        var ns = plan.Namespace ?? CanaryBackEnd.FallbackNamespace;
        var selector = Selector(plan, ns);
        var failureLimit = canary.FailedChecks - 1;
        var metrics = new List<ArgoMetric>();
        foreach (var check in canary.Checks)
        {
            var (name, query, condition) = check.Kind switch
            {
                CanaryCheckKinds.SuccessRate => ("success-rate", CanaryQueries.SuccessRate(selector, check.Interval), NoData + "result[0] >= " + CanaryQueries.Number(check.Min ?? 0)),
                CanaryCheckKinds.Latency => ("latency", CanaryQueries.Latency(selector, check.Interval, check.Percentile ?? 99), NoData + "result[0] <= " + CanaryQueries.Number(check.Max ?? 0)),
                _ => (check.Name, CanaryQueries.Expand(check.Query ?? string.Empty, selector, ns, check.Interval), NoData + Range(check.Min, check.Max)),
            };
            metrics.Add(new ArgoMetric(name, check.Interval, failureLimit, condition, canary.Prometheus, query));
        }

        if (canary.MinRequests is { } minRequests)
        {
            metrics.Add(new ArgoMetric("request-count", canary.StepInterval, failureLimit,
                "len(result) > 0 && !isNaN(result[0]) && result[0] >= " + minRequests.ToString(CultureInfo.InvariantCulture), canary.Prometheus,
                CanaryQueries.RequestCount(selector, canary.StepInterval)));
        }

        return metrics.ToEquatableArray();
    }

    private static string Range(double? min, double? max) => (min, max) switch
    {
        ({ } lo, { } hi) => "(result[0] >= " + CanaryQueries.Number(lo) + " && result[0] <= " + CanaryQueries.Number(hi) + ")",
        ({ } lo, null) => "result[0] >= " + CanaryQueries.Number(lo),
        (null, { } hi) => "result[0] <= " + CanaryQueries.Number(hi),
        _ => "true",
    };

    /// <summary>
    /// The canary's requests: its service, and the canary subset's labels as Istio reports them (<c>version</c> as
    /// <c>destination_version</c>, <c>app</c> as <c>destination_app</c>); the Rollout gives the canary's pods those labels.
    /// </summary>
    private static string Selector(CanaryPlan plan, string ns)
    {
        var host = plan.Service.Host.IndexOf('.') >= 0 ? plan.Service.Host : plan.Service.Host + "." + ns + ".svc.cluster.local";
        var parts = new List<string> { "reporter=\"destination\"", "destination_service=\"" + host + "\"" };
        foreach (var label in plan.Labels(plan.Canary.CanarySubset))
        {
            if (label.Key == "version") parts.Add("destination_version=\"" + label.Value + "\"");
            else if (label.Key == "app") parts.Add("destination_app=\"" + label.Value + "\"");
        }

        return string.Join(",", parts);
    }
}
