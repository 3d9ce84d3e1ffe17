using MeshDsl.Helpers;

namespace MeshDsl.Model;

/// <summary>
/// A Kubernetes object of the mesh. <see cref="Origin"/> is where its front end read it as a whole (the C# attribute that
/// declares it; the YAML document's root): a finding about no field in particular lands there. File names are the back
/// end's (<see cref="Emit.ManifestFiles"/>).
/// </summary>
internal abstract record Resource(ObjectMeta Metadata, SourceRef Origin)
{
    public abstract string ApiVersion { get; }

    public abstract string Kind { get; }
}

internal sealed record ObjectMeta(string Name, string? Namespace);

internal sealed record VirtualService(ObjectMeta Metadata, SourceRef Origin, VirtualServiceSpec Spec) : Resource(Metadata, Origin)
{
    public override string ApiVersion => "networking.istio.io/v1";

    public override string Kind => "VirtualService";
}

internal sealed record DestinationRule(ObjectMeta Metadata, SourceRef Origin, DestinationRuleSpec Spec) : Resource(Metadata, Origin)
{
    public override string ApiVersion => "networking.istio.io/v1";

    public override string Kind => "DestinationRule";
}

internal sealed record Gateway(ObjectMeta Metadata, SourceRef Origin, GatewaySpec Spec) : Resource(Metadata, Origin)
{
    public override string ApiVersion => "networking.istio.io/v1";

    public override string Kind => "Gateway";
}

internal sealed record ServiceEntry(ObjectMeta Metadata, SourceRef Origin, ServiceEntrySpec Spec) : Resource(Metadata, Origin)
{
    public override string ApiVersion => "networking.istio.io/v1";

    public override string Kind => "ServiceEntry";
}

internal sealed record EnvoyFilter(ObjectMeta Metadata, SourceRef Origin, EnvoyFilterSpec Spec) : Resource(Metadata, Origin)
{
    public override string ApiVersion => "networking.istio.io/v1alpha3";

    public override string Kind => "EnvoyFilter";
}

/// <summary>
/// A service of the mesh as a front end declares it: the Kubernetes Service's name, namespace, host, ports and selector, its
/// canary, and the objects written for it (<see cref="Resources"/>: its VirtualService and DestinationRule, Deployments, the
/// Kubernetes Service in front of them). The rules check those objects with the service they belong to.
/// </summary>
internal sealed record ServiceInfo(string Name, string? Namespace, string Host, EquatableArray<int> Ports, SourceRef Origin, EquatableArray<Label> Selector)
{
    /// <summary>The service's progressive canary, when it declares one.</summary>
    public CanarySpec? Canary { get; init; }

    /// <summary>The objects written for the service.</summary>
    public EquatableArray<Resource> Resources { get; init; } = EquatableArray<Resource>.Empty;
}
