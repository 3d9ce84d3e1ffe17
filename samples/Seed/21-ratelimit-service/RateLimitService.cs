using MeshDsl;

namespace Seed.RateLimitService;

// A global rate limit service (envoyproxy/ratelimit): two replicas sharing their counters in Redis, 100 requests a minute
// for requests Envoy describes as header_match=api, and 10 a second per client address.
// The seed runs the server's ":latest" image, which MESH611 warns about: the fixture is reproduced as it is, so the warning
// is acknowledged here. In your own mesh, pin a tag.
#pragma warning disable MESH611
[RateLimitService("ratelimit", "production", "envoyproxy/ratelimit:latest", Namespace = "istio-system", Replicas = 2, RedisUrl = "redis:6379")]
#pragma warning restore MESH611
public partial class ProductionLimits
{
    [RateLimitDescriptor("header_match", Value = "api", Unit = RateLimitUnit.Minute, RequestsPerUnit = 100)]
    public partial class Api { }

    [RateLimitDescriptor("remote_address", Unit = RateLimitUnit.Second, RequestsPerUnit = 10)]
    public partial class PerClient { }
}
