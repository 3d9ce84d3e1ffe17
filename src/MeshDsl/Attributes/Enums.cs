namespace MeshDsl;

// Closed sets of Istio's API. The generator maps them by value, so reordering members cannot change the YAML.

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

/// <summary>
/// HTTP methods for <see cref="MatchMethodAttribute"/>. Not named HttpMethod: that would be ambiguous with
/// System.Net.Http.HttpMethod, which new projects import implicitly.
/// </summary>
public enum RequestMethod
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

/// <summary><c>redirect.derivePort</c>.</summary>
public enum RedirectPort
{
    Unspecified = 0,
    FromProtocolDefault,
    FromRequestPort,
}

/// <summary><c>corsPolicy.unmatchedPreflights</c>.</summary>
public enum UnmatchedPreflights
{
    Unspecified = 0,
    Forward,
    Ignore,
}

/// <summary>DestinationRule <c>tls.mode</c>.</summary>
public enum ClientTlsMode
{
    Disable,
    Simple,
    Mutual,
    IstioMutual,
}

/// <summary>Gateway <c>servers[].tls.mode</c>.</summary>
public enum ServerTlsMode
{
    Unspecified = 0,
    Passthrough,
    Simple,
    Mutual,
    AutoPassthrough,
    IstioMutual,
    OptionalMutual,
}

/// <summary>Gateway <c>servers[].tls.minProtocolVersion</c> and <c>maxProtocolVersion</c>.</summary>
public enum TlsProtocolVersion
{
    Unspecified = 0,
    Auto,
    Tls10,
    Tls11,
    Tls12,
    Tls13,
}

/// <summary>Gateway <c>servers[].port.protocol</c>, ServiceEntry <c>ports[].protocol</c>.</summary>
public enum ServerProtocol
{
    Http,
    Https,
    Grpc,
    GrpcWeb,
    Http2,
    Mongo,
    Tcp,
    Tls,
}

/// <summary><c>tunnel.protocol</c>.</summary>
public enum TunnelProtocol
{
    Unspecified = 0,
    Connect,
    Post,
}

/// <summary><c>proxyProtocol.version</c>.</summary>
public enum ProxyProtocolVersion
{
    V1,
    V2,
}

/// <summary><c>ServiceEntry.location</c>.</summary>
public enum ServiceEntryLocation
{
    MeshExternal,
    MeshInternal,
}

/// <summary><c>ServiceEntry.resolution</c>.</summary>
public enum ServiceEntryResolution
{
    /// <summary>The proxies forward to the address the client connected to.</summary>
    None,

    /// <summary>The endpoints' addresses, as declared.</summary>
    Static,

    /// <summary>The hosts (or the endpoints' names) resolved by DNS, every address used.</summary>
    Dns,

    /// <summary>One address from DNS at a time.</summary>
    DnsRoundRobin,
}
