using MeshDsl;

namespace KitchenSink;

// A local rate limit on each sidecar of a service, with every option: bursts of 200, 100 more each second; half of the
// limited requests are rejected (the rest only counted, while the limit is tried out), with 503 and two headers.
[MeshService("search", Namespace = "shop", Port = 8080)]
[LocalRateLimit(200, "1s", TokensPerFill = 100, Name = "search-burst-limit", StatPrefix = "search_rate_limiter",
    FilterEnabledPercent = 100, FilterEnforcedPercent = 50, ResponseHeaders = new[] { "x-rate-limited=true", "retry-after=1" },
    StatusCode = 503, Priority = 10)]
public partial class Search { }
