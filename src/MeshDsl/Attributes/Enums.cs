namespace MeshDsl;

/// <summary><c>loadBalancer.simple</c>.</summary>
public enum LoadBalancing
{
    Unspecified = 0,
    LeastRequest,
    Random,
    Passthrough,
    RoundRobin,
    LeastConn,
}

/// <summary><c>connectionPool.http.h2UpgradePolicy</c>.</summary>
public enum H2UpgradePolicy
{
    Unspecified = 0,
    Default,
    DoNotUpgrade,
    Upgrade,
}

/// <summary>HTTP methods for <see cref="MatchMethodAttribute"/>.</summary>
public enum HttpMethod
{
    Get,
    Head,
    Post,
    Put,
    Patch,
    Delete,
    Options,
    Connect,
    Trace,
}

/// <summary>
/// A <c>retryOn</c> condition (Envoy's <c>x-envoy-retry-on</c> and <c>x-envoy-retry-grpc-on</c> values).
/// Values 100-599 are HTTP status codes: any code can be written as <c>(RetryOn)409</c>.
/// </summary>
public enum RetryOn
{
    Http5xx = 1,
    GatewayError,
    Reset,
    ConnectFailure,
    EnvoyRatelimited,
    Retriable4xx,
    RefusedStream,
    RetriableStatusCodes,
    RetriableHeaders,
    Http3PostConnectFailure,
    Cancelled,
    DeadlineExceeded,
    Internal,
    ResourceExhausted,
    Unavailable,
    ResetBeforeRequest,
    Status409 = 409,
    Status429 = 429,
    Status500 = 500,
    Status502 = 502,
    Status503 = 503,
    Status504 = 504,
}
