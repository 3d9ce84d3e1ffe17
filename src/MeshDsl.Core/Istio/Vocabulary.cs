using System.Collections.Immutable;
using System.Globalization;

namespace MeshDsl.Istio;

// Istio's closed sets, spelled as its API spells them, each defined once: front ends map their own vocabulary (C# enums)
// onto these names, emitters write them, rules test against them.

/// <summary><c>HTTPRetry.retryOn</c> conditions (Envoy's <c>x-envoy-retry-on</c> and <c>x-envoy-retry-grpc-on</c>); HTTP status codes are allowed too.</summary>
internal static class RetryConditions
{
    public const string Http5xx = "5xx";
    public const string GatewayError = "gateway-error";
    public const string Reset = "reset";
    public const string ResetBeforeRequest = "reset-before-request";
    public const string ConnectFailure = "connect-failure";
    public const string Retriable4xx = "retriable-4xx";
    public const string RefusedStream = "refused-stream";
    public const string RetriableStatusCodes = "retriable-status-codes";
    public const string RetriableHeaders = "retriable-headers";
    public const string EnvoyRateLimited = "envoy-ratelimited";
    public const string Http3PostConnectFailure = "http3-post-connect-failure";
    public const string Cancelled = "cancelled";
    public const string DeadlineExceeded = "deadline-exceeded";
    public const string Internal = "internal";
    public const string ResourceExhausted = "resource-exhausted";
    public const string Unavailable = "unavailable";

    public static readonly ImmutableHashSet<string> All = ImmutableHashSet.Create(
        Http5xx, GatewayError, Reset, ResetBeforeRequest, ConnectFailure, Retriable4xx, RefusedStream, RetriableStatusCodes, RetriableHeaders,
        EnvoyRateLimited, Http3PostConnectFailure, Cancelled, DeadlineExceeded, Internal, ResourceExhausted, Unavailable);

    /// <summary>A condition Istio accepts: a known name, or an HTTP status code (validation.go <c>ValidateHTTPRetry</c>).</summary>
    public static bool IsValid(string token) =>
        All.Contains(token) || (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 100 and <= 599);
}

/// <summary>HTTP methods as matches, CORS and the resilience rules name them.</summary>
internal static class HttpMethodNames
{
    public static readonly ImmutableArray<string> All = ImmutableArray.Create("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "CONNECT", "TRACE");

    public static readonly ImmutableArray<string> NonIdempotent = ImmutableArray.Create("POST", "PUT", "PATCH", "DELETE");

    /// <summary>What <c>corsPolicy.allowMethods</c> accepts (validation.go <c>validateCORSPolicy</c>): the methods and <c>*</c>.</summary>
    public static readonly ImmutableHashSet<string> Cors = ImmutableHashSet.CreateRange(All).Add("*");
}

/// <summary>gRPC status names <c>fault.abort.grpcStatus</c> accepts (<c>pkg/util/grpc/codes.go</c>).</summary>
internal static class GrpcStatusNames
{
    public static readonly ImmutableHashSet<string> All = ImmutableHashSet.Create(
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED",
        "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED");
}

/// <summary><c>LoadBalancerSettings.simple</c>.</summary>
internal static class SimpleLoadBalancers
{
    public const string LeastRequest = "LEAST_REQUEST";
    public const string Random = "RANDOM";
    public const string Passthrough = "PASSTHROUGH";
    public const string RoundRobin = "ROUND_ROBIN";
    public const string LeastConn = "LEAST_CONN";
}

/// <summary><c>ConnectionPoolSettings.HTTPSettings.h2UpgradePolicy</c>.</summary>
internal static class H2UpgradePolicies
{
    public const string Default = "DEFAULT";
    public const string DoNotUpgrade = "DO_NOT_UPGRADE";
    public const string Upgrade = "UPGRADE";
}

/// <summary><c>ClientTLSSettings.mode</c> (DestinationRule).</summary>
internal static class ClientTlsModes
{
    public const string Disable = "DISABLE";
    public const string Simple = "SIMPLE";
    public const string Mutual = "MUTUAL";
    public const string IstioMutual = "ISTIO_MUTUAL";
}

/// <summary><c>ServerTLSSettings.mode</c> (Gateway).</summary>
internal static class ServerTlsModes
{
    public const string Passthrough = "PASSTHROUGH";
    public const string Simple = "SIMPLE";
    public const string Mutual = "MUTUAL";
    public const string AutoPassthrough = "AUTO_PASSTHROUGH";
    public const string IstioMutual = "ISTIO_MUTUAL";
    public const string OptionalMutual = "OPTIONAL_MUTUAL";

    /// <summary>The modes that serve the gateway's own certificate (and need one).</summary>
    public static bool ServesCertificate(string? mode) => mode is Simple or Mutual or OptionalMutual;

    /// <summary>The modes that check a client certificate (and need a CA).</summary>
    public static bool ChecksClients(string? mode) => mode is Mutual or OptionalMutual;

    /// <summary>The modes that forward TLS untouched (no certificates of the gateway's own).</summary>
    public static bool PassesThrough(string? mode) => mode is null or Passthrough or AutoPassthrough;
}

/// <summary><c>ServerTLSSettings.minProtocolVersion</c> and <c>maxProtocolVersion</c>.</summary>
internal static class TlsProtocolVersions
{
    public const string Auto = "TLS_AUTO";
    public const string V10 = "TLSV1_0";
    public const string V11 = "TLSV1_1";
    public const string V12 = "TLSV1_2";
    public const string V13 = "TLSV1_3";
}

/// <summary><c>ServiceEntry.location</c>.</summary>
internal static class ServiceEntryLocations
{
    public const string MeshExternal = "MESH_EXTERNAL";
    public const string MeshInternal = "MESH_INTERNAL";
}

/// <summary><c>ServiceEntry.resolution</c>.</summary>
internal static class ServiceEntryResolutions
{
    public const string None = "NONE";
    public const string Static = "STATIC";
    public const string Dns = "DNS";
    public const string DnsRoundRobin = "DNS_ROUND_ROBIN";
}

/// <summary><c>Port.protocol</c> of a Gateway server, as <c>pkg/config/protocol</c> parses it.</summary>
internal static class ServerProtocols
{
    public const string Http = "HTTP";
    public const string Https = "HTTPS";
    public const string Grpc = "GRPC";
    public const string GrpcWeb = "GRPC-WEB";
    public const string Http2 = "HTTP2";
    public const string HttpProxy = "HTTP_PROXY";
    public const string Mongo = "MONGO";
    public const string Tcp = "TCP";
    public const string Tls = "TLS";

    /// <summary>Protocols whose servers terminate or pass TLS (and need TLS settings).</summary>
    public static bool IsTls(string protocol) => protocol is Https or Tls;

    /// <summary>The HTTP family (<c>protocol.IsHTTP</c>): plain-text servers that may carry an HTTPS redirect.</summary>
    public static bool IsHttp(string protocol) => protocol is Http or Http2 or Grpc or GrpcWeb or HttpProxy;
}

/// <summary><c>TrafficPolicy.TunnelSettings.protocol</c>.</summary>
internal static class TunnelProtocols
{
    public const string Connect = "CONNECT";
    public const string Post = "POST";
}

/// <summary><c>TrafficPolicy.ProxyProtocol.version</c>.</summary>
internal static class ProxyProtocolVersions
{
    public const string V1 = "V1";
    public const string V2 = "V2";
}

/// <summary><c>HTTPRedirect.derivePort</c>.</summary>
internal static class RedirectPorts
{
    public const string FromProtocolDefault = "FROM_PROTOCOL_DEFAULT";
    public const string FromRequestPort = "FROM_REQUEST_PORT";
}

/// <summary><c>CorsPolicy.unmatchedPreflights</c>.</summary>
internal static class UnmatchedPreflightsPolicies
{
    public const string Forward = "FORWARD";
    public const string Ignore = "IGNORE";
}

/// <summary>Pseudo-headers Envoy and Istio know by name.</summary>
internal static class PseudoHeaders
{
    public static readonly ImmutableHashSet<string> All = ImmutableHashSet.Create(":method", ":scheme", ":authority", ":path", ":status");
}
