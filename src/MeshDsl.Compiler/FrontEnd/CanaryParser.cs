using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using MeshDsl.Helpers;
using MeshDsl.Istio;
using MeshDsl.Model;
using Microsoft.CodeAnalysis;

namespace MeshDsl.FrontEnd;

/// <summary>
/// Reads <c>[Canary&lt;TStable, TCanary&gt;]</c> and its checks and webhooks on a service class into a <see cref="CanarySpec"/>.
/// What cannot be read is reported here (MESH709, MESH701) at the argument; what reads but is unwise is left to the rules.
/// </summary>
internal static class CanaryParser
{
    public static CanarySpec? Parse(AttributeReader[] attributes, string sourceType, IReadOnlyDictionary<ITypeSymbol, string> subsets, ParseContext context)
    {
        var canary = ParseContext.Find(attributes, AttributeNames.Canary);
        if (canary.MetadataName.Length == 0) return null;
        var origin = new SourceRef(sourceType, canary.Index);
        var types = canary.TypeArguments;
        var stable = SubsetOf(types.Length > 0 ? types[0] : null, "TStable", subsets, origin, context);
        var canarySubset = SubsetOf(types.Length > 1 ? types[1] : null, "TCanary", subsets, origin, context);
        if (stable is not null && stable == canarySubset)
        {
            context.Report(RuleIds.InvalidCanary, origin, "TCanary", $"the stable and the canary subset are both '{stable}': a canary moves traffic from one subset to another");
        }

        var interval = ParseContext.NullIfEmpty(canary.String("StepInterval")) ?? CanarySpec.DefaultInterval;
        var failedChecks = canary.Int("FailedChecks") ?? 1;
        if (failedChecks < 1) context.Report(RuleIds.InvalidCanary, origin, "FailedChecks", $"FailedChecks is {failedChecks.ToString(CultureInfo.InvariantCulture)}: at least one failed check must roll the canary back");
        var minRequests = canary.Int("MinRequests");
        if (minRequests is < 0) context.Report(RuleIds.InvalidCanary, origin, "MinRequests", "MinRequests is a number of requests: 0 or more");
        var prometheus = ParseContext.NullIfEmpty(canary.String("Prometheus")) ?? CanarySpec.DefaultPrometheus;
        if (!System.Uri.TryCreate(prometheus, System.UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
        {
            context.Report(RuleIds.InvalidCanary, origin, "Prometheus", $"Prometheus '{prometheus}' is not an http(s) URL such as 'http://prometheus.istio-system:9090'");
        }

        return new CanarySpec(
            stable ?? string.Empty,
            canarySubset ?? string.Empty,
            Weights(canary, origin, context),
            interval,
            failedChecks,
            minRequests is > 0 ? minRequests : null,
            prometheus,
            Checks(attributes, sourceType, interval, context),
            Webhooks(attributes, sourceType),
            origin);
    }

    private static string? SubsetOf(ITypeSymbol? type, string argument, IReadOnlyDictionary<ITypeSymbol, string> subsets, SourceRef origin, ParseContext context)
    {
        if (type is null) return null;
        if (subsets.TryGetValue(type, out var name)) return name;
        context.Report(RuleIds.InvalidCanary, origin, argument, $"{type.Name} is not a [Subset] class nested in this service: the canary moves traffic between two of the service's own subsets");
        return null;
    }

    /// <summary>The steps as written (<c>StepWeights</c>), or <c>StepWeight, 2 x StepWeight...</c> up to <c>MaxWeight</c> (100).</summary>
    private static EquatableArray<int> Weights(AttributeReader canary, SourceRef origin, ParseContext context)
    {
        if (canary.IsSet("StepWeights"))
        {
            if (canary.IsSet("StepWeight") || canary.IsSet("MaxWeight"))
            {
                context.Report(RuleIds.InvalidCanary, origin, canary.IsSet("StepWeight") ? "StepWeight" : "MaxWeight", "StepWeights lists every step: StepWeight and MaxWeight are the other way to say it, not both");
            }

            return canary.Ints("StepWeights").ToEquatableArray();
        }

        var step = canary.Int("StepWeight") ?? 0;
        var max = canary.Int("MaxWeight") ?? 100;
        if (step <= 0 || max <= 0 || max > 100)
        {
            context.Report(RuleIds.CanaryStepWeights, origin, step <= 0 ? "StepWeight" : "MaxWeight",
                step <= 0 ? "no steps: set StepWeights (new[] { 5, 10, 25, 50, 75, 100 }) or a StepWeight above 0" : $"MaxWeight {max.ToString(CultureInfo.InvariantCulture)} is not a percentage from 1 to 100");
            return EquatableArray<int>.Empty;
        }

        var weights = new List<int>();
        for (var w = step; w < max; w += step) weights.Add(w);
        weights.Add(max);
        return weights.ToEquatableArray();
    }

    private static EquatableArray<CanaryCheck> Checks(AttributeReader[] attributes, string sourceType, string stepInterval, ParseContext context)
    {
        var checks = new List<CanaryCheck>();
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            var origin = new SourceRef(sourceType, attribute.Index);
            var interval = ParseContext.NullIfEmpty(attribute.String("Interval")) ?? stepInterval;
            switch (attribute.MetadataName)
            {
                case AttributeNames.CanarySuccessRate:
                    checks.Add(new CanaryCheck(CanaryCheckKinds.SuccessRate, "success-rate", attribute.Double("minPercent"), null, null, null, null, interval, origin));
                    break;
                case AttributeNames.CanaryLatency:
                    var max = attribute.String("max");
                    double? ms = IstioDuration.TryParseGo(max, out var nanoseconds) ? (double)(nanoseconds / 1_000_000m) : null;
                    checks.Add(new CanaryCheck(CanaryCheckKinds.Latency, "latency", null, ms, max, attribute.Double("Percentile") ?? 99, null, interval, origin));
                    break;
                case AttributeNames.CanaryQuery:
                    var name = attribute.String("name") ?? string.Empty;
                    if (!names.Add(name) || name is "success-rate" or "latency" or "request-count")
                    {
                        context.Report(RuleIds.Duplicate, origin, "name",
                            $"The check '{name}' has the name of another check of this canary: each names a metric and a template of its own; give it another name");
                    }

                    if (!attribute.IsSet("Min") && !attribute.IsSet("Max"))
                    {
                        context.Report(RuleIds.InvalidCanary, origin, "Query", $"the check '{name}' has no Min and no Max: it can never fail, so it checks nothing");
                    }

                    checks.Add(new CanaryCheck(CanaryCheckKinds.Query, name, attribute.Double("Min"), attribute.Double("Max"), null, null, attribute.String("query") ?? string.Empty, interval, origin));
                    break;
            }
        }

        return checks.ToEquatableArray();
    }

    private static EquatableArray<CanaryWebhook> Webhooks(AttributeReader[] attributes, string sourceType) => attributes
        .Where(a => a.MetadataName == AttributeNames.CanaryWebhook)
        .Select(a => new CanaryWebhook(
            a.String("name") ?? string.Empty,
            IstioNames.CanaryWebhookType(a.Enum("Type") ?? 0) ?? "pre-rollout",
            a.String("url") ?? string.Empty,
            ParseContext.NullIfEmpty(a.String("Command")),
            ParseContext.NullIfEmpty(a.String("Timeout")),
            new SourceRef(sourceType, a.Index)))
        .ToEquatableArray();
}
