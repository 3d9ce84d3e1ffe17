using MeshDsl.Helpers;

namespace MeshDsl.Model;

// Names follow Istio's networking.istio.io/v1 API (virtual_service.proto) field for field.

internal sealed record VirtualServiceSpec(EquatableArray<string> Hosts, EquatableArray<string> Gateways, EquatableArray<HttpRoute> Http);

internal sealed record HttpRoute(
    string? Name,
    EquatableArray<HttpMatchRequest> Match,
    EquatableArray<HttpRouteDestination> Route,
    string? Timeout,
    HttpRetry? Retries,
    HttpFaultInjection? Fault,
    SourceRef Origin);

internal sealed record HttpMatchRequest(EquatableArray<HeaderMatch> Headers, StringMatch? Uri, StringMatch? Method);

internal sealed record HeaderMatch(string Name, StringMatch Match);

internal enum StringMatchKind
{
    Exact,
    Prefix,
    Regex,
}

internal sealed record StringMatch(StringMatchKind Kind, string Value, SourceRef Origin);

internal sealed record HttpRouteDestination(Destination Destination, int? Weight, SourceRef Origin);

internal sealed record Destination(string Host, string? Subset, int? Port);

internal sealed record HttpRetry(int Attempts, string? PerTryTimeout, string? RetryOn, bool? RetryRemoteLocalities, SourceRef Origin);

internal sealed record HttpFaultInjection(FaultDelay? Delay, FaultAbort? Abort);

internal sealed record FaultDelay(string FixedDelay, double? Percentage, SourceRef Origin);

internal sealed record FaultAbort(int HttpStatus, double? Percentage, SourceRef Origin);
