using MeshDsl;

namespace Seed.LocalRateLimit;

// Each ingress gateway pod admits 1,000 requests a minute; the rest are answered 429 with "x-rate-limited: true".
[Gateway("ingress", Namespace = "istio-system", Selector = new[] { "istio=ingress" })]
[LocalRateLimit(1000, "60s", Name = "rate-limit", ResponseHeaders = new[] { "x-rate-limited=true" }, StatusCode = 429)]
public partial class Ingress
{
    [Server(80, ServerProtocol.Http, Hosts = new[] { "*" })]
    public partial class Http { }
}
