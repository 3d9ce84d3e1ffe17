using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace MeshDsl.Build;

/// <summary>
/// One manifest embedded by the generator: the C# type it came from, its file name, its text, and the file stem of its
/// declaration (<c>[namespace-]name</c>, for the PerService layout), as the generator gave them.
/// </summary>
internal sealed record EmbeddedManifest(string Source, string FileName, string Content, string? Group = null);

/// <summary>
/// Reads the manifests the generator embedded as <c>[assembly: AssemblyMetadata("MeshDsl.Manifest|type|file", yaml)]</c>,
/// on their own, packed (<see cref="ManifestKey.PackedKey"/>) or packed and deflated (<see cref="ManifestKey.DeflatedKey"/>),
/// without loading the assembly (it may target another runtime than the one MSBuild runs on).
/// </summary>
internal static class ManifestReader
{
    public static List<EmbeddedManifest> Read(string assemblyPath) => Read(assemblyPath, out _);

    /// <param name="generatorRan">Whether the assembly carries the generator's marker (see <see cref="ManifestKey.GeneratorMarker"/>).</param>
    public static List<EmbeddedManifest> Read(string assemblyPath, out bool generatorRan)
    {
        generatorRan = false;
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var result = new List<EmbeddedManifest>();
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = reader.GetCustomAttribute(handle);
            if (!IsAssemblyMetadataAttribute(reader, attribute.Constructor)) continue;

            var blob = reader.GetBlobReader(attribute.Value);
            if (blob.ReadUInt16() != 1) continue; // custom attribute prolog
            foreach (var entry in ManifestKey.Entries(blob.ReadSerializedString(), blob.ReadSerializedString()))
            {
                var (key, value) = (entry.Key, entry.Value);
                if (key == ManifestKey.GeneratorMarker) generatorRan = true;
                if (key.StartsWith(ManifestKey.GroupPrefix, StringComparison.Ordinal) && value.Length > 0)
                {
                    groups[key.Substring(ManifestKey.GroupPrefix.Length)] = Path.GetFileName(value);
                }

                if (!ManifestKey.TryParse(key, out var sourceType, out var file)) continue;

                // A file name, or a path of plain names below the folder (a canary's stages): whatever the assembly says, nothing
                // is written outside the output folder.
                if (!ManifestPaths.IsSafe(file)) continue;
                result.Add(new EmbeddedManifest(sourceType, file, value));
            }
        }

        return result.Select(m => groups.TryGetValue(m.Source, out var group) && group.Length > 0 && group != "." && group != ".." ? m with { Group = group } : m).ToList();
    }

    private static bool IsAssemblyMetadataAttribute(MetadataReader reader, EntityHandle constructor)
    {
        EntityHandle type;
        if (constructor.Kind == HandleKind.MemberReference)
        {
            type = reader.GetMemberReference((MemberReferenceHandle)constructor).Parent;
        }
        else if (constructor.Kind == HandleKind.MethodDefinition)
        {
            type = reader.GetMethodDefinition((MethodDefinitionHandle)constructor).GetDeclaringType();
        }
        else
        {
            return false;
        }

        return type.Kind switch
        {
            HandleKind.TypeReference => Is(reader, reader.GetTypeReference((TypeReferenceHandle)type).Namespace, reader.GetTypeReference((TypeReferenceHandle)type).Name),
            HandleKind.TypeDefinition => Is(reader, reader.GetTypeDefinition((TypeDefinitionHandle)type).Namespace, reader.GetTypeDefinition((TypeDefinitionHandle)type).Name),
            _ => false,
        };
    }

    private static bool Is(MetadataReader reader, StringHandle ns, StringHandle name) =>
        reader.StringComparer.Equals(ns, "System.Reflection") && reader.StringComparer.Equals(name, "AssemblyMetadataAttribute");
}
