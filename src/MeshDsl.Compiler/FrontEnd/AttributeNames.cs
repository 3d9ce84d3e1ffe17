namespace MeshDsl.FrontEnd;

/// <summary>Metadata names of the attributes the front end reads (generic ones with their arity suffix).</summary>
internal static class AttributeNames
{
    private const string Ns = "MeshDsl.";

    // Declarations
    public const string MeshService = Ns + "MeshServiceAttribute";
    public const string VirtualService = Ns + "VirtualServiceAttribute";
    public const string Gateway = Ns + "GatewayAttribute";
    public const string Subset = Ns + "SubsetAttribute";
    public const string Canary = Ns + "CanaryAttribute`2";
    public const string CanarySuccessRate = Ns + "CanarySuccessRateAttribute";
    public const string CanaryLatency = Ns + "CanaryLatencyAttribute";
    public const string CanaryQuery = Ns + "CanaryQueryAttribute";
    public const string CanaryWebhook = Ns + "CanaryWebhookAttribute";
    public const string ServiceEntry = Ns + "ServiceEntryAttribute";
    public const string LocalRateLimit = Ns + "LocalRateLimitAttribute";
    public const string LocalRateLimitDescriptor = Ns + "LocalRateLimitDescriptorAttribute";
    public const string RateLimitService = Ns + "RateLimitServiceAttribute";
    public const string RateLimitDescriptor = Ns + "RateLimitDescriptorAttribute";
    public const string FromRemoteAddress = Ns + "FromRemoteAddressAttribute";
    public const string FromRequestHeader = Ns + "FromRequestHeaderAttribute";
    public const string FromHeaderMatch = Ns + "FromHeaderMatchAttribute";
    public const string FromGenericKey = Ns + "FromGenericKeyAttribute";
    public const string ServiceEntryPort = Ns + "ServiceEntryPortAttribute";
    public const string ServiceEntryEndpoint = Ns + "ServiceEntryEndpointAttribute";

    // Routes and their parts
    public const string HttpRoute = Ns + "HttpRouteAttribute";
    public const string TcpRoute = Ns + "TcpRouteAttribute";
    public const string TlsRoute = Ns + "TlsRouteAttribute";
    public const string MatchHeader = Ns + "MatchHeaderAttribute";
    public const string MatchWithoutHeader = Ns + "MatchWithoutHeaderAttribute";
    public const string MatchQueryParam = Ns + "MatchQueryParamAttribute";
    public const string MatchUri = Ns + "MatchUriAttribute";
    public const string MatchScheme = Ns + "MatchSchemeAttribute";
    public const string MatchAuthority = Ns + "MatchAuthorityAttribute";
    public const string MatchMethod = Ns + "MatchMethodAttribute";
    public const string Match = Ns + "MatchAttribute";
    public const string RouteToGeneric = Ns + "RouteToAttribute`1";
    public const string RouteTo = Ns + "RouteToAttribute";
    public const string RouteToHost = Ns + "RouteToHostAttribute";
    public const string MirrorGeneric = Ns + "MirrorAttribute`1";
    public const string Mirror = Ns + "MirrorAttribute";
    public const string MirrorHost = Ns + "MirrorHostAttribute";
    public const string MirrorToGeneric = Ns + "MirrorToAttribute`1";
    public const string MirrorTo = Ns + "MirrorToAttribute";
    public const string MirrorToHost = Ns + "MirrorToHostAttribute";
    public const string Delegate = Ns + "DelegateAttribute";
    public const string SetRequestHeader = Ns + "SetRequestHeaderAttribute";
    public const string AddRequestHeader = Ns + "AddRequestHeaderAttribute";
    public const string RemoveRequestHeader = Ns + "RemoveRequestHeaderAttribute";
    public const string SetResponseHeader = Ns + "SetResponseHeaderAttribute";
    public const string AddResponseHeader = Ns + "AddResponseHeaderAttribute";
    public const string RemoveResponseHeader = Ns + "RemoveResponseHeaderAttribute";
    public const string Rewrite = Ns + "RewriteAttribute";
    public const string Redirect = Ns + "RedirectAttribute";
    public const string DirectResponse = Ns + "DirectResponseAttribute";
    public const string CorsPolicy = Ns + "CorsPolicyAttribute";
    public const string CorsAllowOrigin = Ns + "CorsAllowOriginAttribute";
    public const string Retries = Ns + "RetriesAttribute";
    public const string FaultDelay = Ns + "FaultDelayAttribute";
    public const string FaultAbort = Ns + "FaultAbortAttribute";

    // Traffic policy
    public const string LoadBalancer = Ns + "LoadBalancerAttribute";
    public const string ConsistentHash = Ns + "ConsistentHashAttribute";
    public const string LocalityLoadBalancer = Ns + "LocalityLoadBalancerAttribute";
    public const string LocalityDistribute = Ns + "LocalityDistributeAttribute";
    public const string LocalityFailover = Ns + "LocalityFailoverAttribute";
    public const string ZoneAwareLoadBalancer = Ns + "ZoneAwareLoadBalancerAttribute";
    public const string ZoneAwareFailover = Ns + "ZoneAwareFailoverAttribute";
    public const string Warmup = Ns + "WarmupAttribute";
    public const string BackendUtilization = Ns + "BackendUtilizationAttribute";
    public const string ConnectionPool = Ns + "ConnectionPoolAttribute";
    public const string OutlierDetection = Ns + "OutlierDetectionAttribute";
    public const string ClientTls = Ns + "ClientTlsAttribute";
    public const string Tunnel = Ns + "TunnelAttribute";
    public const string ProxyProtocol = Ns + "ProxyProtocolAttribute";
    public const string RetryBudget = Ns + "RetryBudgetAttribute";

    // Workloads
    public const string Deployment = Ns + "DeploymentAttribute";
    public const string ReadinessProbe = Ns + "ReadinessProbeAttribute";
    public const string LivenessProbe = Ns + "LivenessProbeAttribute";

    // Gateway
    public const string Server = Ns + "ServerAttribute";
    public const string ServerTls = Ns + "ServerTlsAttribute";
    public const string ServerTlsCertificate = Ns + "ServerTlsCertificateAttribute";
}
