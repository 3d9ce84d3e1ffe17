namespace MeshDsl.FrontEnd;

/// <summary>Istio's spelling of the C# enums (mapped by value, so a renamed member cannot change the YAML).</summary>
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

    public static string? HttpMethod(int value) => value switch
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
        >= 100 and <= 599 => value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };
}
