using System.Globalization;
using MeshDsl.Istio;

namespace MeshDsl.FrontEnd;

/// <summary>
/// The C# enums onto Istio's vocabulary (<see cref="MeshDsl.Istio"/>), mapped by value so a renamed or reordered member
/// cannot change the YAML.
/// </summary>
internal static class IstioNames
{
    public static string? LoadBalancer(int value) => value switch
    {
        1 => SimpleLoadBalancers.LeastRequest,
        2 => SimpleLoadBalancers.Random,
        3 => SimpleLoadBalancers.Passthrough,
        4 => SimpleLoadBalancers.RoundRobin,
        5 => SimpleLoadBalancers.LeastConn,
        _ => null,
    };

    public static string? H2UpgradePolicy(int value) => value switch
    {
        1 => H2UpgradePolicies.Default,
        2 => H2UpgradePolicies.DoNotUpgrade,
        3 => H2UpgradePolicies.Upgrade,
        _ => null,
    };

    /// <summary>The C# enum lists the methods in the order of <see cref="HttpMethodNames.All"/>.</summary>
    public static string? RequestMethod(int value) => value >= 0 && value < HttpMethodNames.All.Length ? HttpMethodNames.All[value] : null;

    /// <summary>A <c>retryOn</c> token; values 100-599 are HTTP status codes.</summary>
    public static string? RetryOn(int value) => value switch
    {
        1 => RetryConditions.Http5xx,
        2 => RetryConditions.GatewayError,
        3 => RetryConditions.Reset,
        4 => RetryConditions.ConnectFailure,
        5 => RetryConditions.EnvoyRateLimited,
        6 => RetryConditions.Retriable4xx,
        7 => RetryConditions.RefusedStream,
        8 => RetryConditions.RetriableStatusCodes,
        9 => RetryConditions.RetriableHeaders,
        10 => RetryConditions.Http3PostConnectFailure,
        11 => RetryConditions.Cancelled,
        12 => RetryConditions.DeadlineExceeded,
        13 => RetryConditions.Internal,
        14 => RetryConditions.ResourceExhausted,
        15 => RetryConditions.Unavailable,
        16 => RetryConditions.ResetBeforeRequest,
        >= 100 and <= 599 => value.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    public static string? RedirectPort(int value) => value switch
    {
        1 => RedirectPorts.FromProtocolDefault,
        2 => RedirectPorts.FromRequestPort,
        _ => null,
    };

    public static string? UnmatchedPreflights(int value) => value switch
    {
        1 => UnmatchedPreflightsPolicies.Forward,
        2 => UnmatchedPreflightsPolicies.Ignore,
        _ => null,
    };

    public static string? ClientTlsMode(int value) => value switch
    {
        0 => ClientTlsModes.Disable,
        1 => ClientTlsModes.Simple,
        2 => ClientTlsModes.Mutual,
        3 => ClientTlsModes.IstioMutual,
        _ => null,
    };

    public static string? ServerTlsMode(int value) => value switch
    {
        1 => ServerTlsModes.Passthrough,
        2 => ServerTlsModes.Simple,
        3 => ServerTlsModes.Mutual,
        4 => ServerTlsModes.AutoPassthrough,
        5 => ServerTlsModes.IstioMutual,
        6 => ServerTlsModes.OptionalMutual,
        _ => null,
    };

    public static string? TlsProtocolVersion(int value) => value switch
    {
        1 => TlsProtocolVersions.Auto,
        2 => TlsProtocolVersions.V10,
        3 => TlsProtocolVersions.V11,
        4 => TlsProtocolVersions.V12,
        5 => TlsProtocolVersions.V13,
        _ => null,
    };

    public static string? ServerProtocol(int value) => value switch
    {
        0 => ServerProtocols.Http,
        1 => ServerProtocols.Https,
        2 => ServerProtocols.Grpc,
        3 => ServerProtocols.GrpcWeb,
        4 => ServerProtocols.Http2,
        5 => ServerProtocols.Mongo,
        6 => ServerProtocols.Tcp,
        7 => ServerProtocols.Tls,
        _ => null,
    };

    public static string? ServiceEntryLocation(int value) => value switch
    {
        0 => ServiceEntryLocations.MeshExternal,
        1 => ServiceEntryLocations.MeshInternal,
        _ => null,
    };

    public static string? ServiceEntryResolution(int value) => value switch
    {
        0 => ServiceEntryResolutions.None,
        1 => ServiceEntryResolutions.Static,
        2 => ServiceEntryResolutions.Dns,
        3 => ServiceEntryResolutions.DnsRoundRobin,
        _ => null,
    };

    public static string? TunnelProtocol(int value) => value switch
    {
        1 => TunnelProtocols.Connect,
        2 => TunnelProtocols.Post,
        _ => null,
    };

    public static string? ProxyProtocolVersion(int value) => value switch
    {
        0 => ProxyProtocolVersions.V1,
        1 => ProxyProtocolVersions.V2,
        _ => null,
    };

    /// <summary>Flagger's webhook types, in the order of the C# <c>CanaryWebhookType</c>.</summary>
    public static string? CanaryWebhookType(int value) => value switch
    {
        0 => "pre-rollout",
        1 => "rollout",
        2 => "post-rollout",
        3 => "rollback",
        _ => null,
    };
}
