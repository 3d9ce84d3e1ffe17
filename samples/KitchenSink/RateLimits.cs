using MeshDsl;

namespace KitchenSink;

// A local rate limit on each sidecar of a service, with every option: bursts of 200, 100 more each second; half of the
// limited requests are rejected (the rest only counted, while the limit is tried out), with 503 and two headers.
[MeshService("search", Namespace = "shop", Port = 8080)]
[LocalRateLimit(200, "1s", TokensPerFill = 100, Name = "search-burst-limit", StatPrefix = "search_rate_limiter",
    FilterEnabledPercent = 100, FilterEnforcedPercent = 50, ResponseHeaders = new[] { "x-rate-limited=true", "retry-after=1" },
    StatusCode = 503, Priority = 10)]
public partial class Search { }

// A global rate limit service with every option, counted at the search service's sidecars: per client, per API key (with a
// tighter limit for one plan, tried out in shadow mode), for every request to /admin, and one path that is never limited.
[RateLimitService("ratelimit", "shop", "envoyproxy/ratelimit:3fb70258", Namespace = "shop", Replicas = 3, RedisUrl = "redis.shop:6379",
    ConfigMapName = "shop-limits", ApplyTo = new[] { typeof(Search) }, FailureModeDeny = true, Timeout = "250ms", Priority = 20)]
public partial class ShopLimits
{
    [RateLimitDescriptor("remote_address", Unit = RateLimitUnit.Second, RequestsPerUnit = 50, DetailedMetric = true)]
    public partial class PerClient { }

    [RateLimitDescriptor("api_key", Unit = RateLimitUnit.Hour, RequestsPerUnit = 10000), FromRequestHeader("x-api-key")]
    public partial class PerKey
    {
        [RateLimitDescriptor("plan", Value = "free", Unit = RateLimitUnit.Day, RequestsPerUnit = 1000, ShadowMode = true, Name = "free-plan")]
        [FromHeaderMatch("x-plan", Exact = "free")]
        public partial class Free { }
    }

    [RateLimitDescriptor("path", Value = "admin", Unit = RateLimitUnit.Minute, RequestsPerUnit = 5), FromGenericKey]
    public partial class Admin { }

    [RateLimitDescriptor("header_match", Value = "health", Unlimited = true), FromHeaderMatch(":path", Regex = "^/health(z)?$")]
    public partial class Health { }
}

// Per-route local limits: exports are limited to 10 a minute by each client's sidecar, the nightly batch client (by its
// header) to 100 a minute and one noisy address to 1; the rest of the service is not limited.
[MeshService("reports", Namespace = "shop", Port = 8080)]
public partial class Reports
{
    [Subset("v1")] public partial class V1 { }

    [HttpRoute(Name = "export"), MatchUri(Prefix = "/export"), RouteTo<V1>]
    [LocalRateLimit(10, "1m", Priority = 30, ResponseHeaders = new[] { "x-rate-limited=export" })]
    [LocalRateLimitDescriptor("client_id", "nightly-batch", 100, "1m", TokensPerFill = 50, Header = "x-client-id")]
    [LocalRateLimitDescriptor("remote_address", "10.0.0.7", 1, "1m")]
    public partial class Export { }

    [HttpRoute(Name = "default"), RouteTo<V1>] public partial class Default { }
}
