using System.Reflection;
using System.Reflection.Emit;

namespace MeshDsl.Build.Tests;

/// <summary>Writes small assemblies carrying manifest metadata, as the generator would embed it.</summary>
internal static class TestAssemblies
{
    public static string WithManifests(string directory, params (string Source, string File, string Yaml)[] manifests) =>
        WithManifests(directory, generatorRan: true, manifests);

    /// <param name="generatorRan">Whether the assembly carries the marker a generator that ran to the end adds.</param>
    public static string WithManifests(string directory, bool generatorRan, params (string Source, string File, string Yaml)[] manifests)
    {
        var metadata = new List<(string, string)> { ("unrelated", "value") };
        if (generatorRan) metadata.Add((ManifestKey.GeneratorMarker, "1"));
        metadata.AddRange(Entries(manifests));
        return Save(directory, metadata);
    }

    /// <summary>The same entries packed as the generator packs a generated source's (<see cref="ManifestKey.PackedKey"/>), in two packs.</summary>
    public static string WithPackedManifests(string directory, params (string Source, string File, string Yaml)[] manifests) =>
        WithPackedManifests(directory, truncate: false, manifests);

    /// <param name="truncate">Whether the first pack loses its last character, as a damaged assembly's would.</param>
    public static string WithPackedManifests(string directory, bool truncate, params (string Source, string File, string Yaml)[] manifests) =>
        Packed(directory, (first, packed) => (ManifestKey.PackedKey, truncate && first ? packed.Substring(0, packed.Length - 1) : packed), manifests);

    /// <summary>The manifests packed and deflated, in two attributes, as the generator embeds them.</summary>
    /// <param name="damage">Whether the first attribute's deflated bytes lose their last one, as a damaged assembly's would.</param>
    public static string WithDeflatedManifests(string directory, bool damage, params (string Source, string File, string Yaml)[] manifests) =>
        Packed(directory, (first, packed) =>
        {
            var deflated = ManifestKey.Deflate(packed);
            var colon = deflated.LastIndexOf(':'); // Base64 holds none
            if (damage && first) deflated = deflated[..(colon + 1)] + Convert.ToBase64String(Convert.FromBase64String(deflated[(colon + 1)..])[..^2]);
            return (ManifestKey.DeflatedKey, deflated);
        }, manifests);

    private static string Packed(string directory, Func<bool, string, (string Key, string Value)> attribute, (string Source, string File, string Yaml)[] manifests)
    {
        var metadata = new List<(string, string)> { (ManifestKey.GeneratorMarker, "1") };
        var entries = Entries(manifests).ToArray();
        foreach (var pack in entries.Chunk((entries.Length + 1) / 2))
        {
            var packed = new System.Text.StringBuilder();
            foreach (var (key, value) in pack) ManifestKey.AppendPacked(ManifestKey.AppendPacked(packed, key), value);
            metadata.Add(attribute(metadata.Count == 1, packed.ToString()));
        }

        return Save(directory, metadata);
    }

    /// <summary>Each manifest under its key, then each type's file stem, as the generator describes them.</summary>
    private static IEnumerable<(string Key, string Value)> Entries((string Source, string File, string Yaml)[] manifests) =>
        manifests.Select(m => (ManifestKey.Create(m.Source, m.File), m.Yaml))
            .Concat(manifests.Select(m => m.Source).Distinct().Select(type => (ManifestKey.CreateGroup(type), type.Split('.').Last().ToLowerInvariant())));

    private static string Save(string directory, IEnumerable<(string Key, string Value)> metadata)
    {
        var builder = new PersistedAssemblyBuilder(new AssemblyName("Mesh" + Guid.NewGuid().ToString("N")[..8]), typeof(object).Assembly);
        var ctor = typeof(AssemblyMetadataAttribute).GetConstructor(new[] { typeof(string), typeof(string) })!;
        foreach (var (key, value) in metadata) builder.SetCustomAttribute(new CustomAttributeBuilder(ctor, new object[] { key, value }));
        builder.DefineDynamicModule("Mesh").DefineType("Placeholder", TypeAttributes.Public).CreateType();
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "Mesh.dll");
        builder.Save(path);
        return path;
    }
}

internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "meshdsl-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
