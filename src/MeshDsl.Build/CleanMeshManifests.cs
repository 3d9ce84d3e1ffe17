using System;
using System.IO;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace MeshDsl.Build;

/// <summary>
/// <c>dotnet clean</c>: deletes the manifest files this project recorded in its output folder, where they still hold what
/// it wrote (a file a person changed is left alone).
/// </summary>
public sealed class CleanMeshManifests : Task
{
    [Required]
    public string StateFile { get; set; } = string.Empty;

    /// <summary>What the build last found in the output folder (<see cref="WriteMeshManifests.StampFile"/>): only a cache, deleted with the rest.</summary>
    public string? StampFile { get; set; }

    public override bool Execute()
    {
        if (!string.IsNullOrEmpty(StampFile) && File.Exists(StampFile)) File.Delete(StampFile);
        if (!File.Exists(StateFile)) return true;
        var lines = File.ReadAllLines(StateFile);
        File.Delete(StateFile);

        // The state file names the folder and the owner; one of an older layout (a list of files) is simply dropped.
        if (lines.Length != 2 || !Directory.Exists(lines[0])) return true;
        try
        {
            var deleted = ManifestWriter.DeleteAll(lines[0], lines[1]);
            foreach (var path in deleted) Log.LogMessage(MessageImportance.Normal, "MeshDsl: deleted {0}", path);
            Log.LogMessage(MessageImportance.Normal, "MeshDsl: deleted {0} manifest file(s)", deleted.Count);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.LogWarning("MeshDsl could not clean {0}: {1}", lines[0], ex.Message);
        }

        return true;
    }
}
