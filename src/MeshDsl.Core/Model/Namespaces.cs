using System.Linq;
using MeshDsl.Helpers;
using MeshDsl.Rules;

namespace MeshDsl.Model;

/// <summary>The default namespace (the MeshDslNamespace build property) given to resources that name none.</summary>
internal static class Namespaces
{
    /// <summary>The namespace to apply, or null when none is set or it is not a valid namespace (the build reports that, MESHB009).</summary>
    public static string? Default(string? property)
    {
        var ns = property?.Trim();
        return string.IsNullOrEmpty(ns) || Names.Label(ns!) is not null ? null : ns;
    }

    /// <summary>The resources, those that name no namespace given <paramref name="defaultNamespace"/> (when it is set).</summary>
    public static EquatableArray<Resource> InNamespace(this EquatableArray<Resource> resources, string? defaultNamespace)
    {
        if (defaultNamespace is null || resources.All(r => r.Metadata.Namespace is not null)) return resources;
        return resources
            .Select(r => r.Metadata.Namespace is null ? r with { Metadata = r.Metadata with { Namespace = defaultNamespace } } : r)
            .ToEquatableArray();
    }
}
