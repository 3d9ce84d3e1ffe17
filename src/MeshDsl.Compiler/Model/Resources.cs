using MeshDsl.Helpers;

namespace MeshDsl.Model;

/// <summary>A Kubernetes object the mesh model generates; <see cref="SourceType"/> is the C# type it came from.</summary>
internal abstract record Resource(ObjectMeta Metadata, string SourceType)
{
    public abstract string ApiVersion { get; }

    public abstract string Kind { get; }

    /// <summary><c>[namespace-]kind-name.yaml</c>: stable, unique per resource, safe on every file system.</summary>
    public string FileName =>
        (Metadata.Namespace is { Length: > 0 } ns ? ns + "-" : string.Empty) + Kind.ToLowerInvariant() + "-" + Metadata.Name + ".yaml";
}

internal sealed record ObjectMeta(string Name, string? Namespace);

internal sealed record VirtualService(ObjectMeta Metadata, string SourceType, VirtualServiceSpec Spec) : Resource(Metadata, SourceType)
{
    public override string ApiVersion => "networking.istio.io/v1";

    public override string Kind => "VirtualService";
}

internal sealed record DestinationRule(ObjectMeta Metadata, string SourceType, DestinationRuleSpec Spec) : Resource(Metadata, SourceType)
{
    public override string ApiVersion => "networking.istio.io/v1";

    public override string Kind => "DestinationRule";
}

/// <summary>One service as declared in C#: what the generator emits and the rules check.</summary>
internal sealed record MeshServiceModel(
    string SourceType,
    string Name,
    string? Namespace,
    string Host,
    int Port,
    SourceRef Origin,
    EquatableArray<Resource> Resources,
    EquatableArray<Finding> Findings);
