using MeshDsl;

namespace Seed.UriMatching;

// The edge router: one host, many services behind it. The services are declared so routes name them by type;
// with no subsets or routes of their own they emit nothing.
[VirtualService("api-gateway", Hosts = new[] { "api.example.com" }, Gateways = new[] { typeof(ApiGateway) })]
public partial class ApiRoutes
{
    [HttpRoute(Timeout = "10s"), MatchUri(Prefix = "/api/v2/users"), RouteTo<UsersServiceV2>(Port = 8080)]
    public partial class UsersV2 { }

    [HttpRoute(Timeout = "30s"), MatchUri(Prefix = "/api/v1"), RouteTo<LegacyApi>(Port = 8080)]
    public partial class Legacy { }

    [HttpRoute, MatchUri(Regex = "^/health(z)?$"), RouteTo<HealthChecker>]
    public partial class Health { }

    [HttpRoute, MatchUri(Prefix = "/static"), RouteTo<CdnService>]
    [SetResponseHeader("cache-control", "public, max-age=86400")]
    public partial class Static { }

    [HttpRoute, RouteTo<FrontendService>(Port = 3000)]
    public partial class Frontend { }
}

[Gateway("api-gateway", Selector = new[] { "istio=ingress" })]
public partial class ApiGateway
{
    [Server(80, ServerProtocol.Http, Hosts = new[] { "api.example.com" })]
    public partial class Http { }
}

[MeshService("users-service-v2", Port = 8080)] public partial class UsersServiceV2 { }
[MeshService("legacy-api", Port = 8080)] public partial class LegacyApi { }
[MeshService("health-checker")] public partial class HealthChecker { }
[MeshService("cdn-service")] public partial class CdnService { }
[MeshService("frontend-service", Port = 3000)] public partial class FrontendService { }
