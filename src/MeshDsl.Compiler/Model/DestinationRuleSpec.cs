using MeshDsl.Helpers;

namespace MeshDsl.Model;

// Names follow Istio's networking.istio.io/v1 API (destination_rule.proto) field for field.

internal sealed record DestinationRuleSpec(string Host, TrafficPolicy? TrafficPolicy, EquatableArray<Subset> Subsets);

internal sealed record Subset(string Name, EquatableArray<Label> Labels, TrafficPolicy? TrafficPolicy, SourceRef Origin);

internal sealed record Label(string Key, string Value);

internal sealed record TrafficPolicy(LoadBalancerSettings? LoadBalancer, ConnectionPoolSettings? ConnectionPool, OutlierDetection? OutlierDetection)
{
    public bool IsEmpty => LoadBalancer is null && ConnectionPool is null && OutlierDetection is null;
}

internal sealed record LoadBalancerSettings(string Simple, SourceRef Origin);

internal sealed record ConnectionPoolSettings(TcpSettings? Tcp, HttpSettings? Http, SourceRef Origin);

internal sealed record TcpSettings(int? MaxConnections, string? ConnectTimeout);

internal sealed record HttpSettings(
    int? Http1MaxPendingRequests,
    int? Http2MaxRequests,
    int? MaxRequestsPerConnection,
    int? MaxRetries,
    string? IdleTimeout,
    string? H2UpgradePolicy);

internal sealed record OutlierDetection(
    int? Consecutive5xxErrors,
    int? ConsecutiveGatewayErrors,
    int? ConsecutiveLocalOriginFailures,
    bool? SplitExternalLocalOriginErrors,
    string? Interval,
    string? BaseEjectionTime,
    int? MaxEjectionPercent,
    int? MinHealthPercent,
    SourceRef Origin);
