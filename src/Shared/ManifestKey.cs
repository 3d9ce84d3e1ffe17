namespace MeshDsl;

/// <summary>
/// The key under which a manifest is embedded: <c>[assembly: AssemblyMetadata("MeshDsl.Manifest|&lt;C# type&gt;|&lt;file&gt;", yaml)]</c>.
/// Written by the generator, read by the build task and by <c>Manifest.Of</c> at run time; this file is compiled into all three.
/// </summary>
internal static class ManifestKey
{
    public const string Prefix = "MeshDsl.Manifest|";

    /// <summary>
    /// The key of the metadata the generator adds to every compilation it runs in. A generator that throws contributes no
    /// output at all, so an assembly without it says "the manifests are unknown", never "there are none".
    /// </summary>
    public const string GeneratorMarker = "MeshDsl.Generator";

    public static string Create(string sourceType, string fileName) => Prefix + sourceType + "|" + fileName;

    /// <summary>
    /// The key of a declaration's file stem (<c>[namespace-]name</c>, the name of its one file in the PerService layout):
    /// <c>[assembly: AssemblyMetadata("MeshDsl.Group|&lt;C# type&gt;", stem)]</c>. The build task takes it as given and never
    /// parses kinds or names out of manifest file names.
    /// </summary>
    public const string GroupPrefix = "MeshDsl.Group|";

    public static string CreateGroup(string sourceType) => GroupPrefix + sourceType;

    /// <summary>
    /// The key of a service's description (host, namespace, port, and which C# type is which subset), for tests that address
    /// services and subsets by type: <c>[assembly: AssemblyMetadata("MeshDsl.Service|&lt;C# type&gt;", text)]</c>.
    /// </summary>
    public const string ServicePrefix = "MeshDsl.Service|";

    public static bool TryParse(string? key, out string sourceType, out string fileName)
    {
        sourceType = fileName = string.Empty;
        if (key is null || !key.StartsWith(Prefix, System.StringComparison.Ordinal)) return false;
        var rest = key.Substring(Prefix.Length);
        var bar = rest.LastIndexOf('|');
        if (bar <= 0 || bar == rest.Length - 1) return false;
        sourceType = rest.Substring(0, bar);
        fileName = rest.Substring(bar + 1);
        return true;
    }
}
