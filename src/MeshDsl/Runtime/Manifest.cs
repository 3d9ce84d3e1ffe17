using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace MeshDsl;

/// <summary>
/// One generated Kubernetes/Istio manifest, as the build writes it to disk.
/// The generator embeds manifests in the mesh assembly; <see cref="Of(Type)"/> reads them back at run time.
/// </summary>
public sealed class Manifest
{
    /// <summary>The prefix of the <see cref="AssemblyMetadataAttribute"/> keys that carry manifests.</summary>
    public const string MetadataKeyPrefix = ManifestKey.Prefix;

    public Manifest(string sourceType, string fileName, string yaml)
    {
        Source = sourceType;
        FileName = fileName;
        Yaml = yaml;
    }

    /// <summary>The C# type the manifest was generated from (its full name, nested types joined by '.').</summary>
    public string Source { get; }

    /// <summary>The file name the build writes, such as <c>virtualservice-reviews.yaml</c>.</summary>
    public string FileName { get; }

    /// <summary>The whole file: the generated-by header and one YAML document.</summary>
    public string Yaml { get; }

    public override string ToString() => FileName;

    /// <summary>Every manifest generated from <paramref name="meshType"/>, in file-name order.</summary>
    /// <exception cref="System.IO.InvalidDataException">The assembly's MeshDsl metadata is damaged (<see cref="FromMetadata"/>).</exception>
    public static IReadOnlyList<Manifest> Of(Type meshType)
    {
        if (meshType is null) throw new ArgumentNullException(nameof(meshType));
        var name = (meshType.FullName ?? meshType.Name).Replace('+', '.');
        return All(meshType.Assembly).Where(m => m.Source == name).ToArray();
    }

    /// <summary>Every manifest generated into <paramref name="assembly"/>, in file-name order.</summary>
    /// <exception cref="System.IO.InvalidDataException">The assembly's MeshDsl metadata is damaged (<see cref="FromMetadata"/>).</exception>
    public static IReadOnlyList<Manifest> All(Assembly assembly)
    {
        if (assembly is null) throw new ArgumentNullException(nameof(assembly));
        return ReadOnce.GetValue(assembly, Read);
    }

    // A loaded assembly's metadata never changes, and reading it inflates every generated source's manifests: each
    // service's Manifests property would otherwise read the whole mesh again. A damaged assembly throws on every call.
    private static readonly ConditionalWeakTable<Assembly, IReadOnlyList<Manifest>> ReadOnce = new();

    private static IReadOnlyList<Manifest> Read(Assembly assembly)
    {
        var result = new List<Manifest>();
        foreach (var attribute in assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            result.AddRange(FromMetadata(attribute.Key, attribute.Value));
        }

        result.Sort((a, b) => string.CompareOrdinal(a.FileName, b.FileName));
        return result.AsReadOnly();
    }

    /// <summary>
    /// The manifests one <see cref="AssemblyMetadataAttribute"/> of a mesh assembly holds, in the order it holds them: one
    /// under a <see cref="MetadataKeyPrefix"/> key, every manifest of a generated source under the key the generator packs
    /// them in, none in another attribute. For tools that read a mesh assembly's metadata without loading it.
    /// </summary>
    /// <exception cref="System.IO.InvalidDataException">The packed entries are damaged: reading on would drop manifests.</exception>
    public static IEnumerable<Manifest> FromMetadata(string? key, string? value)
    {
        foreach (var entry in ManifestKey.Entries(key, value))
        {
            if (TryParseKey(entry.Key, out var sourceType, out var fileName)) yield return new Manifest(sourceType, fileName, entry.Value);
        }
    }

    /// <summary>Splits a metadata key <c>MeshDsl.Manifest|&lt;source type&gt;|&lt;file name&gt;</c>.</summary>
    public static bool TryParseKey(string? key, out string sourceType, out string fileName) => ManifestKey.TryParse(key, out sourceType, out fileName);
}
