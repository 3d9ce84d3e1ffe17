using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace MeshDsl.Build;

/// <summary>What one write did.</summary>
internal sealed record WriteResult(IReadOnlyList<string> Written, IReadOnlyList<string> Unchanged, IReadOnlyList<string> All);

/// <summary>
/// Writes manifests to a folder: only files whose bytes changed (so timestamps of unchanged files stay and
/// GitOps tools see no churn), each through a temporary file and a rename, so no reader ever sees half a file.
/// </summary>
internal static class ManifestWriter
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static WriteResult Write(string directory, IEnumerable<EmbeddedManifest> manifests)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        var unchanged = new List<string>();
        var all = new List<string>();
        foreach (var manifest in manifests)
        {
            var path = Path.Combine(directory, manifest.FileName);
            all.Add(path);
            var bytes = Utf8NoBom.GetBytes(manifest.Content);
            if (File.Exists(path) && ContentEquals(path, bytes))
            {
                unchanged.Add(path);
                continue;
            }

            WriteAtomically(path, bytes);
            written.Add(path);
        }

        return new WriteResult(written, unchanged, all);
    }

    private static bool ContentEquals(string path, byte[] bytes)
    {
        var info = new FileInfo(path);
        if (info.Length != bytes.Length) return false;
        var existing = File.ReadAllBytes(path);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (existing[i] != bytes[i]) return false;
        }

        return true;
    }

    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temp = path + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
        try
        {
            File.WriteAllBytes(temp, bytes);
            if (File.Exists(path))
            {
                File.Replace(temp, path, destinationBackupFileName: null, ignoreMetadataErrors: true);
            }
            else
            {
                File.Move(temp, path);
            }
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
