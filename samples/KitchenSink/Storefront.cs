using MeshDsl;

namespace KitchenSink;

// Every VirtualService field: HTTP rules with every match, action and policy, a delegate, TCP and TLS rules.
[VirtualService("storefront", Namespace = "shop",
    Hosts = new[] { "shop.example.com", "*.shop.example.com" },
    Gateways = new[] { typeof(ShopGateway) }, ExternalGateways = new[] { "istio-system/edge" }, Mesh = true,
    ExportTo = new[] { ".", "istio-system" })]
public partial class Storefront
{
    // Every condition of a match block, and three blocks ORed.
    [HttpRoute(Name = "api", Timeout = "10s")]
    [Match(Block = 0, Name = "api-v2", Port = 443, SourceLabels = new[] { "app=frontend" }, SourceNamespace = "shop",
        Gateways = new[] { typeof(ShopGateway) }, IgnoreUriCase = true, StatPrefix = "api")]
    [MatchUri(Prefix = "/api", Block = 0), MatchScheme(Exact = "https", Block = 0), MatchMethod(RequestMethod.Get, Block = 0)]
    [MatchAuthority(Exact = "shop.example.com", Block = 0), MatchHeader("x-api-version", Exact = "2", Block = 0)]
    [MatchQueryParam("preview", Exact = "true", Block = 0), MatchWithoutHeader("x-debug", Exact = "1", Block = 0)]
    [MatchHeader("x-beta", Prefix = "yes", Block = 1)]
    [MatchUri(Regex = "^/v[0-9]+/api/.*$", Block = 2)]
    [RouteTo<Catalog.V1>(Weight = 80, Port = 8080), RouteToHost("legacy-catalog.shop.svc.cluster.local", Subset = "stable", Weight = 20, Port = 80)]
    [SetRequestHeader("x-route", "v1", Destination = typeof(Catalog.V1)), AddRequestHeader("x-canary", "false", Destination = typeof(Catalog.V1))]
    [RemoveRequestHeader("x-legacy", Destination = typeof(Catalog.V1))]
    [SetResponseHeader("x-served-by", "legacy", DestinationHost = "legacy-catalog.shop.svc.cluster.local")]
    [AddResponseHeader("x-legacy", "true", DestinationHost = "legacy-catalog.shop.svc.cluster.local")]
    [RemoveResponseHeader("x-internal", DestinationHost = "legacy-catalog.shop.svc.cluster.local")]
    [SetRequestHeader("x-request-start", "%START_TIME%"), AddRequestHeader("x-via", "mesh"), RemoveRequestHeader("x-debug")]
    [SetResponseHeader("x-frame-options", "DENY"), AddResponseHeader("x-mesh", "istio"), RemoveResponseHeader("server")]
    [Retries(2, PerTryTimeout = "3s", RetryOn = new[] { RetryOn.GatewayError, RetryOn.ConnectFailure }, RetryRemoteLocalities = true,
        RetryIgnorePreviousHosts = true, Backoff = "25ms")]
    [Mirror<Catalog.V2>(Percentage = 5, Port = 8080)]
    [CorsPolicy(AllowMethods = new[] { "GET", "POST" }, AllowHeaders = new[] { "authorization" }, ExposeHeaders = new[] { "x-request-id" },
        MaxAge = "24h", AllowCredentials = true, UnmatchedPreflights = UnmatchedPreflights.Ignore)]
    [CorsAllowOrigin(Exact = "https://shop.example.com"), CorsAllowOrigin(Prefix = "https://partner."), CorsAllowOrigin(Regex = "https://.*\\.example\\.com")]
    [LocalRateLimit(1000, "1s", Name = "storefront-api-limit", Priority = 40)]
    public partial class Api { }

    // Faults for test traffic, several mirrors, and a regex rewrite. The schema has exponentialDelay and http2Error, so
    // MeshDsl writes them; Istio's webhook rejects both today (MESH007), which this sample acknowledges.
#pragma warning disable MESH007
    [HttpRoute(Name = "chaos"), MatchHeader("x-chaos", Exact = "true")]
    [FaultDelay(ExponentialDelay = "1s", Percent = 10), FaultAbort(GrpcStatus = "UNAVAILABLE", Percentage = 1.5)]
    [Rewrite(UriRegexMatch = "^/old/(.*)$", UriRegexRewrite = "/new/\\1")]
    [RouteTo<Catalog>(Port = 8080)]
    [MirrorTo<Catalog.V2>(Percentage = 10), MirrorToHost("shadow.shop.svc.cluster.local", Subset = "v1", Port = 8080), MirrorTo(typeof(Catalog.V3))]
    public partial class Chaos { }

    [HttpRoute(Name = "h2-chaos"), MatchHeader("x-chaos", Exact = "h2")]
    [FaultDelay("2s", Percentage = 50), FaultAbort(Http2Error = "REFUSED_STREAM")]
    [RouteTo(typeof(Catalog.V3), Port = 8080)]
    public partial class H2Chaos { }
#pragma warning restore MESH007

    [HttpRoute(Name = "moved"), MatchUri(Exact = "/moved")]
    [Redirect(Uri = "/new-home", Authority = "www.example.com", Port = 8443, Scheme = "https", RedirectCode = 308)]
    public partial class Moved { }

    [HttpRoute(Name = "docs"), MatchUri(Prefix = "/docs")]
    [Redirect(PrefixRewrite = "/documentation", DerivePort = RedirectPort.FromRequestPort)]
    public partial class Docs { }

    // An external API, named by its [ServiceEntry] class rather than by a host string.
    [HttpRoute(Name = "payments"), MatchUri(Prefix = "/pay"), RouteTo<PaymentsApi>(Port = 80)]
    public partial class Payments { }

    [HttpRoute(Name = "maintenance"), MatchUri(Prefix = "/maintenance"), DirectResponse(503, Body = "down for maintenance")]
    public partial class Maintenance { }

    [HttpRoute(Name = "pixel"), MatchUri(Exact = "/pixel.gif"), DirectResponse(200, BodyBytes = "R0lGODlhAQABAAAAACw=")]
    public partial class Pixel { }

    [HttpRoute(Name = "accounts"), MatchUri(Prefix = "/accounts"), Rewrite(Uri = "/", Authority = "accounts.shop"), Delegate(typeof(Accounts))]
    public partial class AccountsRule { }

    [TcpRoute]
    [Match(Port = 5432, DestinationSubnets = new[] { "10.0.0.0/16" }, SourceLabels = new[] { "app=reporting" }, SourceNamespace = "shop",
        SourceSubnet = "10.1.0.0/16", Gateways = new[] { typeof(ShopGateway) })]
    [RouteToHost("postgres.shop.svc.cluster.local", Port = 5432, Weight = 100)]
    public partial class Postgres { }

    [TlsRoute]
    [Match(SniHosts = new[] { "secure.shop.example.com" }, DestinationSubnets = new[] { "10.0.0.0/16" }, Port = 443,
        SourceLabels = new[] { "app=frontend" }, SourceNamespace = "shop", ExternalGateways = new[] { "mesh" })]
    [RouteTo<Catalog.V1>(Port = 8443, Weight = 100)]
    public partial class Secure { }
}

// A delegate: a VirtualService without hosts, to which a rule of another hands its traffic.
[VirtualService("accounts", Namespace = "shop")]
public partial class Accounts
{
    [HttpRoute, RouteToHost("accounts.shop.svc.cluster.local")]
    public partial class Default { }
}
