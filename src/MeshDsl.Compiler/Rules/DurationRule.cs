using System.Collections.Generic;
using System.Collections.Immutable;
using MeshDsl.Istio;
using MeshDsl.Model;

namespace MeshDsl.Rules;

/// <summary>MESH001: every duration must be one Istio accepts (Go syntax, at least 1 ms, whole milliseconds).</summary>
internal static class DurationRule
{
    public static IEnumerable<Finding> Check(Resource resource)
    {
        foreach (var (value, origin, field) in Durations(resource))
        {
            if (value is null) continue;
            var problem = IstioDuration.Validate(value, out var nanoseconds);
            if (problem == IstioDuration.Problem.None) continue;
            var advice = problem switch
            {
                IstioDuration.Problem.Syntax => "use Istio's notation, a number and a unit: \"10s\", \"1500ms\", \"1m\"",
                IstioDuration.Problem.BelowOneMillisecond => "Istio requires at least 1ms",
                _ => "Istio supports whole milliseconds only: use \"" + IstioDuration.Format(nanoseconds) + "\"",
            };
            yield return new Finding(RuleIds.InvalidDuration, origin, field, ImmutableArray.Create(value, field, advice));
        }
    }

    /// <summary>Every duration field of the resource, with the node it belongs to and its Istio field name.</summary>
    private static IEnumerable<(string? Value, SourceRef Origin, string Field)> Durations(Resource resource)
    {
        switch (resource)
        {
            case VirtualService vs:
                foreach (var route in vs.Spec.Http)
                {
                    yield return (route.Timeout, route.Origin, "timeout");
                    if (route.Retries is { } retry) yield return (retry.PerTryTimeout, retry.Origin, "perTryTimeout");
                    if (route.Fault?.Delay is { } delay) yield return (delay.FixedDelay, delay.Origin, "fixedDelay");
                }

                break;
            case DestinationRule dr:
                foreach (var item in Durations(dr.Spec.TrafficPolicy)) yield return item;
                foreach (var subset in dr.Spec.Subsets)
                {
                    foreach (var item in Durations(subset.TrafficPolicy)) yield return item;
                }

                break;
        }
    }

    private static IEnumerable<(string? Value, SourceRef Origin, string Field)> Durations(TrafficPolicy? policy)
    {
        if (policy?.ConnectionPool is { } pool)
        {
            yield return (pool.Tcp?.ConnectTimeout, pool.Origin, "connectTimeout");
            yield return (pool.Http?.IdleTimeout, pool.Origin, "idleTimeout");
        }

        if (policy?.OutlierDetection is { } od)
        {
            yield return (od.Interval, od.Origin, "interval");
            yield return (od.BaseEjectionTime, od.Origin, "baseEjectionTime");
        }
    }
}
