using MeshDsl.Helpers;

namespace MeshDsl.Model;

// Names follow Istio's networking.istio.io/v1alpha3 API (envoy_filter.proto) field for field.

internal sealed record EnvoyFilterSpec(
    EquatableArray<Label> WorkloadSelector,
    EquatableArray<PolicyTargetReference> TargetRefs,
    EquatableArray<EnvoyConfigPatch> ConfigPatches,
    int? Priority,
    SourceRef Origin);

internal sealed record PolicyTargetReference(string? Group, string Kind, string Name, string? Namespace);

internal sealed record EnvoyConfigPatch(string ApplyTo, EnvoyPatchMatch? Match, EnvoyPatch? Patch, SourceRef Origin);

internal sealed record EnvoyPatchMatch(
    string? Context,
    ProxyMatch? Proxy,
    ListenerMatch? Listener,
    RouteConfigurationMatch? RouteConfiguration,
    ClusterMatch? Cluster,
    WaypointMatch? Waypoint);

internal sealed record ProxyMatch(string? ProxyVersion, EquatableArray<Label> Metadata);

internal sealed record ListenerMatch(int? PortNumber, string? PortName, FilterChainMatch? FilterChain, string? ListenerFilter, string? Name);

internal sealed record FilterChainMatch(
    string? Name,
    string? Sni,
    string? TransportProtocol,
    string? ApplicationProtocols,
    FilterMatch? Filter,
    int? DestinationPort,
    string? TransportSocket);

/// <summary>A network filter by name, and optionally one of its HTTP filters (<c>subFilter.name</c>).</summary>
internal sealed record FilterMatch(string? Name, string? SubFilter);

internal sealed record RouteConfigurationMatch(int? PortNumber, string? PortName, string? Gateway, VirtualHostMatch? Vhost, string? Name);

internal sealed record VirtualHostMatch(string? Name, string? DomainName, RouteMatch? Route);

internal sealed record RouteMatch(string? Name, string? Action);

internal sealed record ClusterMatch(int? PortNumber, string? Service, string? Subset, string? Name);

internal sealed record WaypointMatch(FilterMatch? Filter, RouteMatch? Route, int? PortNumber);

internal sealed record EnvoyPatch(string? Operation, StructValue? Value, string? FilterClass);
