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

    public static MeshDeclaration InNamespace(this MeshDeclaration declaration, string? defaultNamespace)
    {
        if (defaultNamespace is null || declaration.Resources.All(r => r.Metadata.Namespace is not null)) return declaration;
        return declaration with
        {
            Resources = declaration.Resources
                .Select(r => r.Metadata.Namespace is null ? r with { Metadata = r.Metadata with { Namespace = defaultNamespace } } : r)
                .ToEquatableArray(),
        };
    }
}
