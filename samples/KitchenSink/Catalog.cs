using MeshDsl;

namespace KitchenSink;

// Every DestinationRule field. Istio allows one of simple, consistentHash and backendUtilization per load balancer,
// one hash key and one ring per consistentHash, and locality settings or zone-aware settings, not both: the
// variants are spread over the service, its ports and its subsets.
[MeshService("catalog", Namespace = "shop", Port = 8080, Ports = new[] { 8080, 9090 },
    ExportTo = new[] { "." }, WorkloadSelector = new[] { "app=catalog" })]
[LoadBalancer(LoadBalancing.LeastRequest)]
[LocalityLoadBalancer(Enabled = true)]
[LocalityDistribute("us-west/zone1/*", "us-west/zone1/*=80", "us-west/zone2/*=20")]
[Warmup("60s", MinimumPercent = 10, Aggression = 1.5)]
[ConnectionPool(
    MaxConnections = 100, ConnectTimeout = "30ms", TcpKeepaliveTime = "7200s", TcpKeepaliveInterval = "75s", TcpKeepaliveProbes = 9,
    MaxConnectionDuration = "1h", TcpIdleTimeout = "1h", Http1MaxPendingRequests = 100, Http2MaxRequests = 1000,
    MaxRequestsPerConnection = 10, MaxRetries = 3, IdleTimeout = "300s", H2UpgradePolicy = H2UpgradePolicy.Upgrade,
    MaxConcurrentStreams = 100, Http2KeepAliveInterval = "30s", Http2KeepAliveTimeout = "10s")]
[OutlierDetection(
    Consecutive5xxErrors = 5, ConsecutiveGatewayErrors = 3, Interval = "10s", BaseEjectionTime = "30s", MaxEjectionPercent = 50,
    MinHealthPercent = 30, SplitExternalLocalOriginErrors = true, ConsecutiveLocalOriginFailures = 5,
    OutlierDetectionHttpErrorCodes = new[] { 500, 503 })]
[ClientTls(ClientTlsMode.Mutual, ClientCertificate = "/etc/certs/client.pem", PrivateKey = "/etc/certs/key.pem",
    CaCertificates = "/etc/certs/ca.pem", SubjectAltNames = new[] { "catalog.shop.svc.cluster.local" }, Sni = "catalog.shop",
    CaCrl = "/etc/certs/crl.pem")]
[Tunnel("catalog.shop.svc.cluster.local", 8443, Protocol = TunnelProtocol.Connect)]
[RetryBudget(Percent = 20, MinRetryConcurrency = 3, BudgetInterval = "10s")]
// Port 9090: sticky by source IP, the deprecated ring size, and TLS that skips verification.
[ConsistentHash(UseSourceIp = true, MinimumRingSize = 1024, Port = 9090)]
[ConnectionPool(MaxConnections = 10, UseClientProtocol = true, Port = 9090)]
[OutlierDetection(ConsecutiveErrors = 7, Port = 9090)]
[ClientTls(ClientTlsMode.Simple, InsecureSkipVerify = true, Port = 9090)]
public partial class Catalog
{
    // Sticky sessions by cookie, on a ring hash; locality failover.
    [Subset("v1", Labels = new[] { "version=v1", "track=stable" })]
    [ConsistentHash(HttpCookie = "session", HttpCookiePath = "/", HttpCookieTtl = "3600s",
        HttpCookieAttributes = new[] { "SameSite=Strict", "Secure" }, RingHashMinimumRingSize = 1024)]
    [LocalityLoadBalancer(FailoverPriority = new[] { "topology.istio.io/network", "example.com/rack" })]
    [LocalityFailover("us-east", "us-west")]
    [ClientTls(ClientTlsMode.Simple, CredentialName = "catalog-client")]
    public partial class V1 { }

    // Weighted by the load the endpoints report; zone-aware routing; PROXY protocol (a tunnel and the PROXY protocol exclude each other).
    [Subset("v2")]
    [ProxyProtocol(ProxyProtocolVersion.V2)]
    [BackendUtilization(MetricNamesForComputingUtilization = new[] { "named_metrics.cpu" }, ErrorUtilizationPenaltyPercent = 120,
        WeightExpirationPeriod = "3m", WeightStabilizationPeriod = "10s", WeightUpdatePeriod = "1s")]
    [ZoneAwareLoadBalancer(Enabled = true, MinClusterSize = 6, FailoverPriority = new[] { "topology.kubernetes.io/zone" })]
    [ZoneAwareFailover("us-east-1a", "us-east-1b")]
    public partial class V2 { }

    // Sticky by header on a Maglev table; by query parameter on one port; the older warm-up setting on another.
    [Subset("v3")]
    [ConsistentHash(HttpHeaderName = "x-user-id", MaglevTableSize = 65537)]
    [ConsistentHash(HttpQueryParameterName = "user", Port = 8080)]
    [LoadBalancer(LoadBalancing.RoundRobin, WarmupDurationSecs = "30s", Port = 9090)]
    public partial class V3 { }
}
