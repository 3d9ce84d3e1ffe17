using MeshDsl;

namespace Seed.LocalRateLimit;

// Each ingress gateway pod admits 1,000 requests a minute; the rest are answered 429 with "x-rate-limited: true".
// The seed's EnvoyFilter has no priority, which istioctl analyze warns about (IST0151, MeshDsl's MESH605): the fixture is
// reproduced as it is, so the warning is acknowledged here. In your own mesh, set Priority instead.
[Gateway("ingress", Namespace = "istio-system", Selector = new[] { "istio=ingress" })]
#pragma warning disable MESH605
[LocalRateLimit(1000, "60s", Name = "rate-limit", ResponseHeaders = new[] { "x-rate-limited=true" }, StatusCode = 429)]
#pragma warning restore MESH605
public partial class Ingress
{
    [Server(80, ServerProtocol.Http, Hosts = new[] { "*" })]
    public partial class Http { }
}
