using System;
using System.Diagnostics;

namespace MeshDsl;

/// <summary>
/// Base of the traffic policy attributes. On a <see cref="MeshServiceAttribute"/> class they form the
/// DestinationRule's <c>trafficPolicy</c>; on a <see cref="SubsetAttribute"/> class, the subset's. With
/// <see cref="Port"/> they go to <c>portLevelSettings</c> for that port instead.
/// </summary>
public abstract class TrafficPolicyAttribute : Attribute
{
    /// <summary>Applies the settings to this port only (<c>portLevelSettings[].port.number</c>).</summary>
    public int Port { get; set; }
}

/// <summary><c>loadBalancer.simple</c> (and <c>warmupDurationSecs</c>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class LoadBalancerAttribute : TrafficPolicyAttribute
{
    public LoadBalancerAttribute()
    {
    }

    public LoadBalancerAttribute(LoadBalancing simple) => Simple = simple;

    public LoadBalancing Simple { get; }

    /// <summary><c>warmupDurationSecs</c>, an Istio duration (superseded by <see cref="WarmupAttribute"/>).</summary>
    public string? WarmupDurationSecs { get; set; }
}

/// <summary><c>loadBalancer.consistentHash</c>: sticky sessions. Set one hash key.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class ConsistentHashAttribute : TrafficPolicyAttribute
{
    public string? HttpHeaderName { get; set; }

    /// <summary><c>httpCookie.name</c>.</summary>
    public string? HttpCookie { get; set; }

    /// <summary><c>httpCookie.path</c>.</summary>
    public string? HttpCookiePath { get; set; }

    /// <summary><c>httpCookie.ttl</c>, an Istio duration; Envoy generates the cookie when set.</summary>
    public string? HttpCookieTtl { get; set; }

    /// <summary><c>httpCookie.attributes</c>, as <c>name=value</c> pairs.</summary>
    public string[]? HttpCookieAttributes { get; set; }

    public bool UseSourceIp { get; set; }

    public string? HttpQueryParameterName { get; set; }

    /// <summary><c>ringHash.minimumRingSize</c>.</summary>
    public int RingHashMinimumRingSize { get; set; }

    /// <summary><c>maglev.tableSize</c> (a prime below 5000011).</summary>
    public int MaglevTableSize { get; set; }

    /// <summary><c>minimumRingSize</c>: deprecated by Istio in favour of <see cref="RingHashMinimumRingSize"/>.</summary>
    public int MinimumRingSize { get; set; }
}

/// <summary><c>loadBalancer.localityLbSetting</c>; its <c>distribute</c> and <c>failover</c> entries are separate attributes.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class LocalityLoadBalancerAttribute : TrafficPolicyAttribute
{
    public bool Enabled { get; set; }

    /// <summary><c>failoverPriority</c>: labels, in priority order.</summary>
    public string[]? FailoverPriority { get; set; }
}

/// <summary>One <c>localityLbSetting.distribute</c> entry: traffic from <c>from</c> goes to the listed localities by weight.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class LocalityDistributeAttribute : TrafficPolicyAttribute
{
    /// <param name="from">The origin locality, <c>region/zone/subzone</c>, <c>*</c> allowed at the end.</param>
    /// <param name="to">Targets as <c>locality=weight</c>, for example <c>"us-west/zone1/*=80"</c>; weights add up to 100.</param>
    public LocalityDistributeAttribute(string from, params string[] to) => (From, To) = (from, to);

    public string From { get; }

    public string[] To { get; }
}

/// <summary>One <c>localityLbSetting.failover</c> entry: from one region to another.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class LocalityFailoverAttribute : TrafficPolicyAttribute
{
    public LocalityFailoverAttribute(string from, string to) => (From, To) = (from, to);

    public string From { get; }

    public string To { get; }
}

/// <summary><c>loadBalancer.zoneAwareLbSetting</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class ZoneAwareLoadBalancerAttribute : TrafficPolicyAttribute
{
    public bool Enabled { get; set; }

    public string[]? FailoverPriority { get; set; }

    public int MinClusterSize { get; set; }
}

/// <summary>One <c>zoneAwareLbSetting.failover</c> entry.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class ZoneAwareFailoverAttribute : TrafficPolicyAttribute
{
    public ZoneAwareFailoverAttribute(string from, string to) => (From, To) = (from, to);

    public string From { get; }

    public string To { get; }
}

/// <summary><c>loadBalancer.warmup</c>: ramps traffic up on new endpoints.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class WarmupAttribute : TrafficPolicyAttribute
{
    /// <param name="duration">An Istio duration such as <c>"60s"</c>.</param>
    public WarmupAttribute(string duration) => Duration = duration;

    public string Duration { get; }

    public double MinimumPercent { get; set; }

    public double Aggression { get; set; }
}

/// <summary><c>loadBalancer.backendUtilization</c>: weights endpoints by the load they report.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class BackendUtilizationAttribute : TrafficPolicyAttribute
{
    public string[]? MetricNamesForComputingUtilization { get; set; }

    public int ErrorUtilizationPenaltyPercent { get; set; }

    public string? WeightExpirationPeriod { get; set; }

    public string? WeightStabilizationPeriod { get; set; }

    public string? WeightUpdatePeriod { get; set; }
}

/// <summary>
/// <c>connectionPool</c>: the circuit breaker's limits. TCP settings first (<c>tcp.*</c>), then HTTP (<c>http.*</c>).
/// Unset values are left out of the manifest.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class ConnectionPoolAttribute : TrafficPolicyAttribute
{
    /// <summary><c>tcp.maxConnections</c>.</summary>
    public int MaxConnections { get; set; }

    /// <summary><c>tcp.connectTimeout</c>, an Istio duration such as <c>"100ms"</c>.</summary>
    public string? ConnectTimeout { get; set; }

    /// <summary><c>tcp.tcpKeepalive.time</c>.</summary>
    public string? TcpKeepaliveTime { get; set; }

    /// <summary><c>tcp.tcpKeepalive.interval</c>.</summary>
    public string? TcpKeepaliveInterval { get; set; }

    /// <summary><c>tcp.tcpKeepalive.probes</c>.</summary>
    public int TcpKeepaliveProbes { get; set; }

    /// <summary><c>tcp.maxConnectionDuration</c>.</summary>
    public string? MaxConnectionDuration { get; set; }

    /// <summary><c>tcp.idleTimeout</c> (<c>"0s"</c> disables it).</summary>
    public string? TcpIdleTimeout { get; set; }

    /// <summary><c>http.http1MaxPendingRequests</c>.</summary>
    public int Http1MaxPendingRequests { get; set; }

    /// <summary><c>http.http2MaxRequests</c>.</summary>
    public int Http2MaxRequests { get; set; }

    /// <summary><c>http.maxRequestsPerConnection</c>.</summary>
    public int MaxRequestsPerConnection { get; set; }

    /// <summary><c>http.maxRetries</c>: concurrent retries to the whole cluster.</summary>
    public int MaxRetries { get; set; }

    /// <summary><c>http.idleTimeout</c>.</summary>
    public string? IdleTimeout { get; set; }

    /// <summary><c>http.h2UpgradePolicy</c>.</summary>
    public H2UpgradePolicy H2UpgradePolicy { get; set; }

    /// <summary><c>http.useClientProtocol</c>.</summary>
    public bool UseClientProtocol { get; set; }

    /// <summary><c>http.maxConcurrentStreams</c>.</summary>
    public int MaxConcurrentStreams { get; set; }

    /// <summary><c>http.http2KeepAlive.interval</c>.</summary>
    public string? Http2KeepAliveInterval { get; set; }

    /// <summary><c>http.http2KeepAlive.timeout</c>.</summary>
    public string? Http2KeepAliveTimeout { get; set; }
}

/// <summary><c>outlierDetection</c>: ejects failing endpoints. Unset values are left out of the manifest.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class OutlierDetectionAttribute : TrafficPolicyAttribute
{
    /// <summary><c>consecutiveErrors</c>: deprecated by Istio, use <see cref="Consecutive5xxErrors"/> or <see cref="ConsecutiveGatewayErrors"/>.</summary>
    public int ConsecutiveErrors { get; set; }

    public int Consecutive5xxErrors { get; set; }

    public int ConsecutiveGatewayErrors { get; set; }

    public int ConsecutiveLocalOriginFailures { get; set; }

    public bool SplitExternalLocalOriginErrors { get; set; }

    /// <summary>An Istio duration such as <c>"10s"</c>.</summary>
    public string? Interval { get; set; }

    /// <summary>An Istio duration such as <c>"30s"</c>.</summary>
    public string? BaseEjectionTime { get; set; }

    public int MaxEjectionPercent { get; set; }

    public int MinHealthPercent { get; set; }

    /// <summary><c>outlierDetectionHttpErrorCodes</c>: statuses (100-599) counted as errors.</summary>
    public int[]? OutlierDetectionHttpErrorCodes { get; set; }
}

/// <summary><c>tls</c>: how the sidecar connects to the upstream.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class ClientTlsAttribute : TrafficPolicyAttribute
{
    public ClientTlsAttribute(ClientTlsMode mode) => Mode = mode;

    public ClientTlsMode Mode { get; }

    public string? ClientCertificate { get; set; }

    public string? PrivateKey { get; set; }

    public string? CaCertificates { get; set; }

    public string? CredentialName { get; set; }

    public string[]? SubjectAltNames { get; set; }

    public string? Sni { get; set; }

    public bool InsecureSkipVerify { get; set; }

    public string? CaCrl { get; set; }
}

/// <summary><c>tunnel</c>: sends TCP over an HTTP CONNECT or POST tunnel.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class TunnelAttribute : Attribute
{
    public TunnelAttribute(string targetHost, int targetPort) => (TargetHost, TargetPort) = (targetHost, targetPort);

    public string TargetHost { get; }

    public int TargetPort { get; }

    public TunnelProtocol Protocol { get; set; }
}

/// <summary><c>proxyProtocol</c>: sends the PROXY protocol header upstream.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class ProxyProtocolAttribute : Attribute
{
    public ProxyProtocolAttribute(ProxyProtocolVersion version) => Version = version;

    public ProxyProtocolVersion Version { get; }
}

/// <summary><c>retryBudget</c>: caps retries as a share of active requests.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class RetryBudgetAttribute : Attribute
{
    public double Percent { get; set; }

    public int MinRetryConcurrency { get; set; }

    public string? BudgetInterval { get; set; }
}
