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
        foreach (var (value, origin, field, zeroDisables) in Durations(resource))
        {
            if (value is null) continue;
            var problem = IstioDuration.Validate(value, out var nanoseconds);
            if (problem == IstioDuration.Problem.None) continue;
            if (zeroDisables && problem == IstioDuration.Problem.BelowOneMillisecond && nanoseconds == 0) continue;
            var advice = problem switch
            {
                IstioDuration.Problem.Syntax => "use Istio's notation, a number and a unit: \"10s\", \"1500ms\", \"1m\"",
                IstioDuration.Problem.BelowOneMillisecond => "Istio requires at least 1ms",
                IstioDuration.Problem.TooLong => "it is longer than Go's durations can hold (about 2562047h), so Istio rejects it",
                _ => "Istio supports whole milliseconds only: use \"" + IstioDuration.Format(nanoseconds) + "\"",
            };
            yield return new Finding(RuleIds.InvalidDuration, origin, field, ImmutableArray.Create(value, field, advice));
        }
    }

    /// <summary>
    /// Every duration field Istio validates (the CRDs' <c>duration(self) &gt;= duration('1ms')</c> rules), with the node it
    /// belongs to and the setting's name (the attribute argument, where it differs from Istio's field name).
    /// </summary>
    private static IEnumerable<(string? Value, SourceRef Origin, string Field, bool ZeroDisables)> Durations(Resource resource)
    {
        switch (resource)
        {
            case VirtualService vs:
                foreach (var route in vs.Spec.Http)
                {
                    yield return (route.Timeout, route.Origin, "timeout", false);
                    if (route.Retries is { } retry)
                    {
                        yield return (retry.PerTryTimeout, retry.Origin, "perTryTimeout", false);
                        yield return (retry.Backoff, retry.Origin, "backoff", false);
                    }

                    if (route.Fault?.Delay is { } delay)
                    {
                        yield return (delay.FixedDelay, delay.Origin, "fixedDelay", false);
                        yield return (delay.ExponentialDelay, delay.Origin, "exponentialDelay", false);
                    }

                    if (route.CorsPolicy is { } cors) yield return (cors.MaxAge, cors.Origin, "maxAge", false);
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

    private static IEnumerable<(string? Value, SourceRef Origin, string Field, bool ZeroDisables)> Durations(TrafficPolicy? policy)
    {
        if (policy is null) yield break;
        foreach (var item in Durations(policy.LoadBalancer, policy.ConnectionPool, policy.OutlierDetection)) yield return item;
        foreach (var port in policy.PortLevelSettings)
        {
            foreach (var item in Durations(port.LoadBalancer, port.ConnectionPool, port.OutlierDetection)) yield return item;
        }
    }

    private static IEnumerable<(string? Value, SourceRef Origin, string Field, bool ZeroDisables)> Durations(
        LoadBalancerSettings? lb, ConnectionPoolSettings? pool, OutlierDetection? od)
    {
        if (lb is not null)
        {
            yield return (lb.WarmupDurationSecs, lb.Origin, "warmupDurationSecs", false);
            if (lb.Warmup is { } warmup) yield return (warmup.Duration, warmup.Origin, "duration", false);
        }

        if (pool is not null)
        {
            yield return (pool.Tcp?.ConnectTimeout, pool.Origin, "connectTimeout", false);
            yield return (pool.Tcp?.TcpKeepalive?.Time, pool.Origin, "tcpKeepaliveTime", false);
            yield return (pool.Tcp?.TcpKeepalive?.Interval, pool.Origin, "tcpKeepaliveInterval", false);
            yield return (pool.Tcp?.MaxConnectionDuration, pool.Origin, "maxConnectionDuration", false);
            yield return (pool.Tcp?.IdleTimeout, pool.Origin, "tcpIdleTimeout", true);
            yield return (pool.Http?.IdleTimeout, pool.Origin, "idleTimeout", false);
            yield return (pool.Http?.Http2KeepAliveInterval, pool.Origin, "http2KeepAliveInterval", false);
            yield return (pool.Http?.Http2KeepAliveTimeout, pool.Origin, "http2KeepAliveTimeout", false);
        }

        if (od is not null)
        {
            yield return (od.Interval, od.Origin, "interval", false);
            yield return (od.BaseEjectionTime, od.Origin, "baseEjectionTime", false);
        }
    }
}
