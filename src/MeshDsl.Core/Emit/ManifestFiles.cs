using MeshDsl.Helpers;
using MeshDsl.Model;

namespace MeshDsl.Emit;

/// <summary>How the manifest back end names its files: the model knows resources, not files.</summary>
internal static class ManifestFiles
{
    /// <summary><c>[namespace-]kind-name.yaml</c>: stable, unique per resource, safe on every file system.</summary>
    public static string FileName(Resource resource) => resource is CanaryStage stage
        ? StagesFolder + "/" + Stem(stage.Inner) + "/" + Safe(stage.Stage) + ".yaml"
        : Prefix(resource) + resource.Kind.ToLowerInvariant() + "-" + Safe(resource.Metadata.Name) + ".yaml";

    /// <summary>
    /// The folder of a canary's stages (<c>canary-steps/[namespace-]name/step-005.yaml</c>): each one is applied in its turn, so
    /// none is in the output folder itself, where <c>kubectl apply -f</c> and the kustomization take every file at once.
    /// </summary>
    public const string StagesFolder = "canary-steps";

    /// <summary><c>[namespace-]name</c>, without the kind: the file stem of the group this resource leads.</summary>
    public static string Stem(Resource resource) => Prefix(resource) + Safe(resource.Metadata.Name);

    /// <summary>
    /// The stem of a group's one file when resources are grouped (per C# declaration): its first resource's (a service's
    /// DestinationRule or VirtualService, a Gateway, a VirtualService), or <paramref name="fallback"/> made safe when it has none.
    /// </summary>
    public static string Stem(EquatableArray<Resource> resources, string fallback) => resources.IsEmpty ? Safe(fallback) : Stem(resources[0]);

    private static string Prefix(Resource resource) => resource.Metadata.Namespace is { Length: > 0 } ns ? Safe(ns) + "-" : string.Empty;

    // Names are checked by MESH004; a name that fails it (and a suppressed MESH004) still never becomes a path.
    private static string Safe(string name)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || (c == '.' && i > 0);
            if (!ok) chars[i] = '_';
        }

        return chars.Length == 0 ? "_" : new string(chars);
    }
}
