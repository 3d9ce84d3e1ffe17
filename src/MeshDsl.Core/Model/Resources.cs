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

internal enum DeclarationKind
{
    /// <summary>A <c>[MeshService]</c> class: a DestinationRule and a VirtualService for one Kubernetes service.</summary>
    Service,

    /// <summary>A <c>[VirtualService]</c> class: routing that is no single service's own (an edge router, a delegate).</summary>
    VirtualService,

    /// <summary>A <c>[Gateway]</c> class.</summary>
    Gateway,

    /// <summary>A DestinationRule of its own (read from YAML; in C# it belongs to a <c>[MeshService]</c>).</summary>
    DestinationRule,

    /// <summary>A <c>[ServiceEntry]</c> class: hosts the mesh's registry gains by declaration.</summary>
    ServiceEntry,

    /// <summary>A <c>[RateLimitService]</c> class: envoyproxy/ratelimit's Deployment, Service and configuration.</summary>
    RateLimitService,

    /// <summary>An EnvoyFilter of its own (read from YAML; in C# it belongs to the gateway or service it patches).</summary>
    EnvoyFilter,
}

/// <summary>
/// One declaration a front end read into the model (a C# class with <c>[MeshService]</c>, <c>[VirtualService]</c> or
/// <c>[Gateway]</c>; a YAML document): its resources, and what the front end could not understand, for the rules to report.
/// </summary>
internal sealed record MeshDeclaration(
    DeclarationKind Kind,
    string Source,
    SourceRef Origin,
    EquatableArray<Resource> Resources,
    EquatableArray<Finding> Findings,
    ServiceInfo? Service = null)
{
}

/// <summary>What the model knows of a Kubernetes service beyond its resources: its host and ports.</summary>
internal sealed record ServiceInfo(string Name, string? Namespace, string Host, EquatableArray<int> Ports, SourceRef Origin, EquatableArray<Label> Selector);
