using MeshDsl.Helpers;

namespace MeshDsl.Model;

// Names follow Istio's networking.istio.io/v1 API (service_entry.proto, workload_entry.proto) field for field.

/// <summary>
/// A host the mesh's registry gains by declaration: an external API, a database on VMs. Routes and DestinationRules may
/// name its hosts as they name a Kubernetes Service's.
/// </summary>
internal sealed record ServiceEntrySpec(
    EquatableArray<string> Hosts,
    EquatableArray<string> Addresses,
    EquatableArray<ServiceEntryPort> Ports,
    string? Location,
    string? Resolution,
    EquatableArray<WorkloadEntry> Endpoints,
    EquatableArray<Label> WorkloadSelector,
    EquatableArray<string> ExportTo,
    EquatableArray<string> SubjectAltNames,
    SourceRef Origin);

internal sealed record ServiceEntryPort(int Number, string Protocol, string Name, int? TargetPort, SourceRef Origin);

/// <summary>One endpoint of a ServiceEntry: <c>ports</c> maps a port name of the entry to the endpoint's own port.</summary>
internal sealed record WorkloadEntry(
    string? Address,
    EquatableArray<EndpointPort> Ports,
    EquatableArray<Label> Labels,
    string? Network,
    string? Locality,
    int? Weight,
    string? ServiceAccount,
    SourceRef Origin);

/// <summary>An entry of <c>WorkloadEntry.ports</c>: the entry's port name and the endpoint's port number.</summary>
internal sealed record EndpointPort(string Name, int Number);
