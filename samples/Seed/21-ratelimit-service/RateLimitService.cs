using MeshDsl;

namespace Seed.RateLimitService;

// A global rate limit service (envoyproxy/ratelimit): two replicas sharing their counters in Redis, 100 requests a minute
// to /api, and 10 a second per client address, counted at the ingress gateway. The seed deploys the service and its
// limits but nothing that asks it (no rate limit filter, no actions), so it limits nothing; ApplyTo adds what it forgot.
// The seed runs the server's ":latest" image, which MESH611 warns about: the fixture is reproduced as it is, so the
// warning is acknowledged here. In your own mesh, pin a tag.
#pragma warning disable MESH611
[RateLimitService("ratelimit", "production", "envoyproxy/ratelimit:latest", Namespace = "istio-system", Replicas = 2, RedisUrl = "redis:6379",
    ApplyTo = new[] { typeof(Ingress) }, Timeout = "100ms", Priority = 10)]
#pragma warning restore MESH611
public partial class ProductionLimits
{
    [RateLimitDescriptor("header_match", Value = "api", Unit = RateLimitUnit.Minute, RequestsPerUnit = 100)]
    [FromHeaderMatch(":path", Prefix = "/api")]
    public partial class Api { }

    [RateLimitDescriptor("remote_address", Unit = RateLimitUnit.Second, RequestsPerUnit = 10)]
    public partial class PerClient { }
}

[Gateway("ingress", Namespace = "istio-system", Selector = new[] { "istio=ingress" })]
public partial class Ingress
{
    [Server(80, ServerProtocol.Http, Hosts = new[] { "*" })]
    public partial class Http { }
}
