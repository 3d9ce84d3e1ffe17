using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace MeshDsl.Build;

/// <summary>
/// Reads the manifests embedded in the compiled mesh assembly and writes them to <see cref="OutputDirectory"/>.
/// Errors carry IDs (MESHB001...) documented under docs/rules/.
/// </summary>
public sealed class WriteMeshManifests : Task
{
    /// <summary>The assembly the compiler just wrote (<c>@(IntermediateAssembly)</c>).</summary>
    [Required]
    public string Assembly { get; set; } = string.Empty;

    [Required]
    public string OutputDirectory { get; set; } = string.Empty;

    /// <summary>Every manifest file of this build (for <c>FileWrites</c>, so <c>dotnet clean</c> removes them).</summary>
    [Output]
    public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        if (!File.Exists(Assembly))
        {
            Log.LogError(null, "MESHB001", null, null, Assembly, 0, 0, 0, 0,
                "MeshDsl cannot read manifests from '{0}': the file does not exist.", Assembly);
            return false;
        }

        System.Collections.Generic.List<EmbeddedManifest> manifests;
        try
        {
            manifests = ManifestReader.Read(Assembly);
        }
        catch (Exception ex) when (ex is BadImageFormatException or IOException or InvalidOperationException)
        {
            Log.LogError(null, "MESHB001", null, null, Assembly, 0, 0, 0, 0,
                "MeshDsl cannot read manifests from '{0}': {1}", Assembly, ex.Message);
            return false;
        }

        var duplicates = manifests.GroupBy(m => m.FileName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).ToList();
        foreach (var group in duplicates)
        {
            Log.LogError(null, "MESHB002", null, null, Assembly, 0, 0, 0, 0,
                "MeshDsl would write '{0}' twice, from {1}: give the resources different names or namespaces.",
                group.Key, string.Join(" and ", group.Select(m => m.SourceType)));
        }

        if (duplicates.Count > 0) return false;

        var outputDirectory = Path.GetFullPath(OutputDirectory);
        WriteResult result;
        try
        {
            result = ManifestWriter.Write(outputDirectory, manifests.OrderBy(m => m.FileName, StringComparer.Ordinal));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.LogError(null, "MESHB003", null, null, outputDirectory, 0, 0, 0, 0,
                "MeshDsl cannot write manifests to '{0}': {1}", outputDirectory, ex.Message);
            return false;
        }

        Files = result.All.Select(p => (ITaskItem)new TaskItem(p)).ToArray();
        Log.LogMessage(MessageImportance.High, "MeshDsl: {0} manifest(s) in {1} ({2} written, {3} unchanged)",
            result.All.Count, outputDirectory, result.Written.Count, result.Unchanged.Count);
        return true;
    }
}
