using MeshDsl.Helpers;

namespace MeshDsl.Model;

/// <summary>
/// A Kubernetes object of the mesh. <see cref="Source"/> is the front end's name for where it was declared (the C# type's
/// metadata name; a YAML file and line), as <see cref="Workload.Source"/> is. File names are the back end's (<see cref="Emit.ManifestFiles"/>).
/// </summary>
internal abstract record Resource(ObjectMeta Metadata, string Source)
{
    public abstract string ApiVersion { get; }

    public abstract string Kind { get; }
}

internal sealed record ObjectMeta(string Name, string? Namespace);

internal sealed record VirtualService(ObjectMeta Metadata, string Source, VirtualServiceSpec Spec) : Resource(Metadata, Source)
{
    public override string ApiVersion => "networking.istio.io/v1";

    public override string Kind => "VirtualService";
}

internal sealed record DestinationRule(ObjectMeta Metadata, string Source, DestinationRuleSpec Spec) : Resource(Metadata, Source)
{
    public override string ApiVersion => "networking.istio.io/v1";

    public override string Kind => "DestinationRule";
}

internal sealed record Gateway(ObjectMeta Metadata, string Source, GatewaySpec Spec) : Resource(Metadata, Source)
{
    public override string ApiVersion => "networking.istio.io/v1";

    public override string Kind => "Gateway";
}

internal sealed record ServiceEntry(ObjectMeta Metadata, string Source, ServiceEntrySpec Spec) : Resource(Metadata, Source)
{
    public override string ApiVersion => "networking.istio.io/v1";

    public override string Kind => "ServiceEntry";
}

internal sealed record EnvoyFilter(ObjectMeta Metadata, string Source, EnvoyFilterSpec Spec) : Resource(Metadata, Source)
{
    public override string ApiVersion => "networking.istio.io/v1alpha3";

    public override string Kind => "EnvoyFilter";
}

/// <summary>
/// What one unit of a front end's input declared (a C# declaration class; a YAML document): its resources, the Kubernetes
/// service they belong to when they belong to one (<see cref="Service"/>), and what the front end could not understand, for
/// the rules to report. It is where findings are reported, not how rules find resources: they read the <see cref="Mesh"/>,
/// indexed by Istio identity.
/// </summary>
internal sealed record MeshDeclaration(
    string Source,
    SourceRef Origin,
    EquatableArray<Resource> Resources,
    EquatableArray<Finding> Findings,
    ServiceInfo? Service = null)
{
}

/// <summary>What the model knows of a Kubernetes service beyond its resources: its host and ports.</summary>
internal sealed record ServiceInfo(string Name, string? Namespace, string Host, EquatableArray<int> Ports, SourceRef Origin, EquatableArray<Label> Selector)
{
    /// <summary>The service's progressive canary, when it declares one.</summary>
    public CanarySpec? Canary { get; init; }
}
