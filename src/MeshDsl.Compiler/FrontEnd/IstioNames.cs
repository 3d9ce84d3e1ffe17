using System.Globalization;

namespace MeshDsl.FrontEnd;

/// <summary>Istio's spelling of the C# enums, mapped by value so a renamed or reordered member cannot change the YAML.</summary>
internal static class IstioNames
{
    public static string? LoadBalancer(int value) => value switch
    {
        1 => "LEAST_REQUEST",
        2 => "RANDOM",
        3 => "PASSTHROUGH",
        4 => "ROUND_ROBIN",
        5 => "LEAST_CONN",
        _ => null,
    };

    public static string? H2UpgradePolicy(int value) => value switch
    {
        1 => "DEFAULT",
        2 => "DO_NOT_UPGRADE",
        3 => "UPGRADE",
        _ => null,
    };

    public static string? RequestMethod(int value) => value switch
    {
        0 => "GET",
        1 => "HEAD",
        2 => "POST",
        3 => "PUT",
        4 => "PATCH",
        5 => "DELETE",
        6 => "OPTIONS",
        7 => "CONNECT",
        8 => "TRACE",
        _ => null,
    };

    /// <summary>A <c>retryOn</c> token; values 100-599 are HTTP status codes.</summary>
    public static string? RetryOn(int value) => value switch
    {
        1 => "5xx",
        2 => "gateway-error",
        3 => "reset",
        4 => "connect-failure",
        5 => "envoy-ratelimited",
        6 => "retriable-4xx",
        7 => "refused-stream",
        8 => "retriable-status-codes",
        9 => "retriable-headers",
        10 => "http3-post-connect-failure",
        11 => "cancelled",
        12 => "deadline-exceeded",
        13 => "internal",
        14 => "resource-exhausted",
        15 => "unavailable",
        16 => "reset-before-request",
        >= 100 and <= 599 => value.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    public static string? RedirectPort(int value) => value switch
    {
        1 => "FROM_PROTOCOL_DEFAULT",
        2 => "FROM_REQUEST_PORT",
        _ => null,
    };

    public static string? UnmatchedPreflights(int value) => value switch
    {
        1 => "FORWARD",
        2 => "IGNORE",
        _ => null,
    };

    public static string? ClientTlsMode(int value) => value switch
    {
        0 => "DISABLE",
        1 => "SIMPLE",
        2 => "MUTUAL",
        3 => "ISTIO_MUTUAL",
        _ => null,
    };

    public static string? ServerTlsMode(int value) => value switch
    {
        1 => "PASSTHROUGH",
        2 => "SIMPLE",
        3 => "MUTUAL",
        4 => "AUTO_PASSTHROUGH",
        5 => "ISTIO_MUTUAL",
        6 => "OPTIONAL_MUTUAL",
        _ => null,
    };

    public static string? TlsProtocolVersion(int value) => value switch
    {
        1 => "TLS_AUTO",
        2 => "TLSV1_0",
        3 => "TLSV1_1",
        4 => "TLSV1_2",
        5 => "TLSV1_3",
        _ => null,
    };

    public static string? ServerProtocol(int value) => value switch
    {
        0 => "HTTP",
        1 => "HTTPS",
        2 => "GRPC",
        3 => "GRPC-WEB",
        4 => "HTTP2",
        5 => "MONGO",
        6 => "TCP",
        7 => "TLS",
        _ => null,
    };

    public static string? TunnelProtocol(int value) => value switch
    {
        1 => "CONNECT",
        2 => "POST",
        _ => null,
    };

    public static string? ProxyProtocolVersion(int value) => value switch
    {
        0 => "V1",
        1 => "V2",
        _ => null,
    };
}
