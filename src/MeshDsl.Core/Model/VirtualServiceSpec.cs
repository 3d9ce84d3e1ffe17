using MeshDsl.Helpers;

namespace MeshDsl.Model;

// Names follow Istio's networking.istio.io/v1 API (virtual_service.proto) field for field.

internal sealed record VirtualServiceSpec(
    EquatableArray<string> Hosts,
    EquatableArray<string> Gateways,
    EquatableArray<HttpRoute> Http,
    EquatableArray<TlsRoute> Tls,
    EquatableArray<TcpRoute> Tcp,
    EquatableArray<string> ExportTo);

internal sealed record HttpRoute(
    string? Name,
    EquatableArray<HttpMatchRequest> Match,
    EquatableArray<HttpRouteDestination> Route,
    HttpRedirect? Redirect,
    HttpDirectResponse? DirectResponse,
    Delegate? Delegate,
    HttpRewrite? Rewrite,
    string? Timeout,
    HttpRetry? Retries,
    HttpFaultInjection? Fault,
    Destination? Mirror,
    double? MirrorPercentage,
    SourceRef MirrorOrigin,
    EquatableArray<HttpMirrorPolicy> Mirrors,
    CorsPolicy? CorsPolicy,
    Headers? Headers,
    SourceRef Origin);

internal sealed record HttpMatchRequest(
    string? Name,
    StringMatch? Uri,
    StringMatch? Scheme,
    StringMatch? Method,
    StringMatch? Authority,
    EquatableArray<NamedMatch> Headers,
    int? Port,
    EquatableArray<Label> SourceLabels,
    EquatableArray<string> Gateways,
    EquatableArray<NamedMatch> QueryParams,
    bool? IgnoreUriCase,
    EquatableArray<NamedMatch> WithoutHeaders,
    string? SourceNamespace,
    string? StatPrefix);

internal sealed record HttpRouteDestination(Destination Destination, int? Weight, Headers? Headers, SourceRef Origin) : IWeightedDestination;

internal sealed record RouteDestination(Destination Destination, int? Weight, SourceRef Origin) : IWeightedDestination;

/// <summary>What HTTP, TCP and TLS route destinations share for the weight rules: their share of the traffic, and where it was declared.</summary>
internal interface IWeightedDestination
{
    int? Weight { get; }

    SourceRef Origin { get; }
}

internal sealed record Headers(HeaderOperations? Request, HeaderOperations? Response);

internal sealed record HeaderOperations(EquatableArray<HeaderOperation> Set, EquatableArray<HeaderOperation> Add, EquatableArray<HeaderOperation> Remove);

/// <summary>One header set, added or removed (<see cref="Value"/> is empty for a removal), and where it was declared.</summary>
internal sealed record HeaderOperation(string Name, string Value, SourceRef Origin);

internal sealed record HttpRedirect(
    string? Uri,
    string? Authority,
    int? Port,
    string? DerivePort,
    string? Scheme,
    int? RedirectCode,
    string? PrefixRewrite,
    SourceRef Origin);

internal sealed record HttpDirectResponse(int Status, string? BodyString, string? BodyBytes, SourceRef Origin);

internal sealed record Delegate(string Name, string? Namespace, SourceRef Origin);

internal sealed record HttpRewrite(string? Uri, string? Authority, string? UriRegexMatch, string? UriRegexRewrite, SourceRef Origin);

internal sealed record HttpRetry(
    int Attempts,
    string? PerTryTimeout,
    EquatableArray<string>? RetryOn,
    bool? RetryRemoteLocalities,
    bool? RetryIgnorePreviousHosts,
    string? Backoff,
    SourceRef Origin);

internal sealed record HttpFaultInjection(FaultDelay? Delay, FaultAbort? Abort);

internal sealed record FaultDelay(string? FixedDelay, string? ExponentialDelay, double? Percentage, int? Percent, SourceRef Origin);

internal sealed record FaultAbort(int? HttpStatus, string? GrpcStatus, string? Http2Error, double? Percentage, SourceRef Origin);

internal sealed record HttpMirrorPolicy(Destination Destination, double? Percentage, SourceRef Origin);

internal sealed record CorsPolicy(
    EquatableArray<StringMatch> AllowOrigins,
    EquatableArray<string> AllowMethods,
    EquatableArray<string> AllowHeaders,
    EquatableArray<string> ExposeHeaders,
    string? MaxAge,
    bool? AllowCredentials,
    string? UnmatchedPreflights,
    SourceRef Origin);

internal sealed record L4Match(
    EquatableArray<string> DestinationSubnets,
    int? Port,
    EquatableArray<Label> SourceLabels,
    EquatableArray<string> Gateways,
    string? SourceNamespace,
    string? SourceSubnet);

internal sealed record TlsMatch(
    EquatableArray<string> SniHosts,
    EquatableArray<string> DestinationSubnets,
    int? Port,
    EquatableArray<Label> SourceLabels,
    EquatableArray<string> Gateways,
    string? SourceNamespace);

internal sealed record TcpRoute(EquatableArray<L4Match> Match, EquatableArray<RouteDestination> Route, SourceRef Origin);

internal sealed record TlsRoute(EquatableArray<TlsMatch> Match, EquatableArray<RouteDestination> Route, SourceRef Origin);
