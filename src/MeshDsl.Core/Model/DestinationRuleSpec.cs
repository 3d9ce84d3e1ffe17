using MeshDsl.Helpers;

namespace MeshDsl.Model;

// Names follow Istio's networking.istio.io/v1 API (destination_rule.proto) field for field.

internal sealed record DestinationRuleSpec(
    string Host,
    TrafficPolicy? TrafficPolicy,
    EquatableArray<Subset> Subsets,
    EquatableArray<string> ExportTo,
    EquatableArray<Label> WorkloadSelector);

internal sealed record Subset(string Name, EquatableArray<Label> Labels, TrafficPolicy? TrafficPolicy, SourceRef Origin);

/// <summary>The settings that apply to all ports, or (in <see cref="PortLevelSettings"/>) to one.</summary>
internal sealed record TrafficPolicy(
    LoadBalancerSettings? LoadBalancer,
    ConnectionPoolSettings? ConnectionPool,
    OutlierDetection? OutlierDetection,
    ClientTlsSettings? Tls,
    EquatableArray<PortTrafficPolicy> PortLevelSettings,
    TunnelSettings? Tunnel,
    ProxyProtocol? ProxyProtocol,
    RetryBudget? RetryBudget);

internal sealed record PortTrafficPolicy(
    int Port,
    LoadBalancerSettings? LoadBalancer,
    ConnectionPoolSettings? ConnectionPool,
    OutlierDetection? OutlierDetection,
    ClientTlsSettings? Tls,
    SourceRef Origin);

internal sealed record LoadBalancerSettings(
    string? Simple,
    ConsistentHashLb? ConsistentHash,
    LocalityLbSetting? LocalityLbSetting,
    string? WarmupDurationSecs,
    WarmupConfiguration? Warmup,
    BackendUtilization? BackendUtilization,
    ZoneAwareLbSetting? ZoneAwareLbSetting,
    SourceRef Origin);

internal sealed record ConsistentHashLb(
    string? HttpHeaderName,
    HttpCookie? HttpCookie,
    bool? UseSourceIp,
    string? HttpQueryParameterName,
    int? RingHashMinimumRingSize,
    int? MaglevTableSize,
    int? MinimumRingSize,
    SourceRef Origin);

internal sealed record HttpCookie(string? Name, string? Path, string? Ttl, EquatableArray<Label> Attributes);

internal sealed record LocalityLbSetting(
    EquatableArray<LocalityDistribute> Distribute,
    EquatableArray<Failover> Failover,
    EquatableArray<string> FailoverPriority,
    bool? Enabled,
    SourceRef Origin);

internal sealed record LocalityDistribute(string From, EquatableArray<LocalityWeight> To, SourceRef Origin);

internal sealed record LocalityWeight(string Locality, int Weight);

internal sealed record Failover(string From, string To, SourceRef Origin);

internal sealed record WarmupConfiguration(string? Duration, double? MinimumPercent, double? Aggression, SourceRef Origin);

internal sealed record BackendUtilization(
    EquatableArray<string> MetricNamesForComputingUtilization,
    int? ErrorUtilizationPenaltyPercent,
    string? WeightExpirationPeriod,
    string? WeightStabilizationPeriod,
    string? WeightUpdatePeriod,
    SourceRef Origin);

internal sealed record ZoneAwareLbSetting(
    bool? Enabled,
    EquatableArray<Failover> Failover,
    EquatableArray<string> FailoverPriority,
    int? MinClusterSize,
    SourceRef Origin);

internal sealed record ConnectionPoolSettings(TcpSettings? Tcp, HttpSettings? Http, SourceRef Origin);

internal sealed record TcpSettings(
    int? MaxConnections,
    string? ConnectTimeout,
    TcpKeepalive? TcpKeepalive,
    string? MaxConnectionDuration,
    string? IdleTimeout);

internal sealed record TcpKeepalive(int? Probes, string? Time, string? Interval);

internal sealed record HttpSettings(
    int? Http1MaxPendingRequests,
    int? Http2MaxRequests,
    int? MaxRequestsPerConnection,
    int? MaxRetries,
    string? IdleTimeout,
    string? H2UpgradePolicy,
    bool? UseClientProtocol,
    int? MaxConcurrentStreams,
    string? Http2KeepAliveInterval,
    string? Http2KeepAliveTimeout);

internal sealed record OutlierDetection(
    int? ConsecutiveErrors,
    int? Consecutive5xxErrors,
    int? ConsecutiveGatewayErrors,
    int? ConsecutiveLocalOriginFailures,
    bool? SplitExternalLocalOriginErrors,
    string? Interval,
    string? BaseEjectionTime,
    int? MaxEjectionPercent,
    int? MinHealthPercent,
    EquatableArray<int> OutlierDetectionHttpErrorCodes,
    SourceRef Origin);

internal sealed record ClientTlsSettings(
    string? Mode,
    string? ClientCertificate,
    string? PrivateKey,
    string? CaCertificates,
    string? CredentialName,
    EquatableArray<string> SubjectAltNames,
    string? Sni,
    bool? InsecureSkipVerify,
    string? CaCrl,
    SourceRef Origin);

internal sealed record TunnelSettings(string? Protocol, string TargetHost, int TargetPort, SourceRef Origin);

internal sealed record ProxyProtocol(string Version, SourceRef Origin);

internal sealed record RetryBudget(double? Percent, int? MinRetryConcurrency, string? BudgetInterval, SourceRef Origin);
