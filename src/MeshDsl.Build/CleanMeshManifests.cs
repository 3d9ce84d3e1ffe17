using System;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace MeshDsl.Build;

/// <summary>
/// <c>dotnet clean</c>: deletes the manifest files the last build recorded in its state file, if they still carry
/// MeshDsl's generated header (a file a person took over is left alone).
/// </summary>
public sealed class CleanMeshManifests : Task
{
    [Required]
    public string StateFile { get; set; } = string.Empty;

    public override bool Execute()
    {
        if (!File.Exists(StateFile)) return true;
        var deleted = 0;
        foreach (var path in File.ReadAllLines(StateFile).Where(l => l.Length > 0))
        {
            if (File.Exists(path) && ManifestWriter.IsGenerated(path))
            {
                File.Delete(path);
                deleted++;
            }
        }

        File.Delete(StateFile);
        Log.LogMessage(MessageImportance.Normal, "MeshDsl: deleted {0} manifest file(s)", deleted);
        return true;
    }
}
