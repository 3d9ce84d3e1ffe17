using MeshDsl;

namespace Seed.UrlRewriting;

[VirtualService("url-rewriting", Hosts = new[] { "api.example.com" })]
public partial class UrlRewriting
{
    // /api/v2/catalog/items reaches the catalog service as /catalog/items.
    [HttpRoute, MatchUri(Prefix = "/api/v2/catalog"), Rewrite(Uri = "/catalog"), RouteTo<CatalogService>(Port = 8080)]
    public partial class Catalog { }

    [HttpRoute, MatchUri(Prefix = "/external-api"), Rewrite(Uri = "/api", Authority = "external-service.partner.com")]
    [RouteTo<ExternalService>]
    public partial class External { }
}

[MeshService("catalog-service", Port = 8080)] public partial class CatalogService { }
[MeshService("external-service")] public partial class ExternalService { }
