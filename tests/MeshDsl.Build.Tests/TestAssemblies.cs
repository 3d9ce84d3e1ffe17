using System.Reflection;
using System.Reflection.Emit;

namespace MeshDsl.Build.Tests;

/// <summary>Writes small assemblies carrying manifest metadata, as the generator would embed it.</summary>
internal static class TestAssemblies
{
    public static string WithManifests(string directory, params (string Source, string File, string Yaml)[] manifests) =>
        WithManifests(directory, generatorRan: true, manifests);

    /// <summary>The same entries packed as the generator packs a generated source's (<see cref="ManifestKey.PackedKey"/>), in two packs.</summary>
    public static string WithPackedManifests(string directory, params (string Source, string File, string Yaml)[] manifests) =>
        WithPackedManifests(directory, truncate: false, manifests);

    /// <param name="truncate">Whether the first pack loses its last character, as a damaged assembly's would.</param>
    public static string WithPackedManifests(string directory, bool truncate, params (string Source, string File, string Yaml)[] manifests)
    {
        var builder = new PersistedAssemblyBuilder(new AssemblyName("Mesh" + Guid.NewGuid().ToString("N")[..8]), typeof(object).Assembly);
        var ctor = typeof(AssemblyMetadataAttribute).GetConstructor(new[] { typeof(string), typeof(string) })!;
        builder.SetCustomAttribute(new CustomAttributeBuilder(ctor, new object[] { "MeshDsl.Generator", "1" }));
        var entries = manifests.Select(m => ($"MeshDsl.Manifest|{m.Source}|{m.File}", m.Yaml))
            .Concat(manifests.Select(m => m.Source).Distinct().Select(type => ($"MeshDsl.Group|{type}", type.Split('.').Last().ToLowerInvariant())))
            .ToArray();
        foreach (var pack in entries.Chunk((entries.Length + 1) / 2))
        {
            var packed = new System.Text.StringBuilder();
            foreach (var (key, value) in pack) ManifestKey.AppendPacked(ManifestKey.AppendPacked(packed, key), value);
            if (truncate)
            {
                packed.Length--;
                truncate = false;
            }

            builder.SetCustomAttribute(new CustomAttributeBuilder(ctor, new object[] { ManifestKey.PackedKey, packed.ToString() }));
        }

        builder.DefineDynamicModule("Mesh").DefineType("Placeholder", TypeAttributes.Public).CreateType();
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "Mesh.dll");
        builder.Save(path);
        return path;
    }

    /// <param name="generatorRan">Whether the assembly carries the marker a generator that ran to the end adds.</param>
    public static string WithManifests(string directory, bool generatorRan, params (string Source, string File, string Yaml)[] manifests)
    {
        var builder = new PersistedAssemblyBuilder(new AssemblyName("Mesh" + Guid.NewGuid().ToString("N")[..8]), typeof(object).Assembly);
        var ctor = typeof(AssemblyMetadataAttribute).GetConstructor(new[] { typeof(string), typeof(string) })!;
        builder.SetCustomAttribute(new CustomAttributeBuilder(ctor, new object[] { "unrelated", "value" }));
        if (generatorRan) builder.SetCustomAttribute(new CustomAttributeBuilder(ctor, new object[] { "MeshDsl.Generator", "1" }));
        foreach (var (type, file, yaml) in manifests)
        {
            builder.SetCustomAttribute(new CustomAttributeBuilder(ctor, new object[] { $"MeshDsl.Manifest|{type}|{file}", yaml }));
        }

        foreach (var type in manifests.Select(m => m.Source).Distinct())
        {
            builder.SetCustomAttribute(new CustomAttributeBuilder(ctor, new object[] { $"MeshDsl.Group|{type}", type.Split('.').Last().ToLowerInvariant() }));
        }

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
