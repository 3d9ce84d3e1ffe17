using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace MeshDsl.Build;

/// <summary>What one write did.</summary>
internal sealed record WriteResult(IReadOnlyList<string> Written, IReadOnlyList<string> Unchanged, IReadOnlyList<string> Deleted, IReadOnlyList<string> All);

/// <summary>
/// Writes manifests to a folder: only files whose bytes changed (timestamps of unchanged files stay, so GitOps tools see no
/// churn), each through a temporary file and a rename (no reader ever sees half a file), and deletes the files of resources
/// that no longer exist. Only files that carry MeshDsl's generated header are ever deleted: a hand-written file stays.
/// </summary>
internal static class ManifestWriter
{
    public static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static WriteResult Write(string directory, IReadOnlyList<OutputFile> files)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        var unchanged = new List<string>();
        var all = new List<string>();
        foreach (var file in files)
        {
            var path = Path.Combine(directory, file.FileName);
            all.Add(path);
            var bytes = Utf8NoBom.GetBytes(file.Content);
            if (File.Exists(path) && ContentEquals(path, bytes))
            {
                unchanged.Add(path);
                continue;
            }

            WriteAtomically(path, bytes);
            written.Add(path);
        }

        var deleted = new List<string>();
        foreach (var stale in StaleFiles(directory, files))
        {
            File.Delete(stale);
            deleted.Add(stale);
        }

        return new WriteResult(written, unchanged, deleted, all);
    }

    /// <summary>Generated files in the folder that the current build does not produce.</summary>
    public static IEnumerable<string> StaleFiles(string directory, IReadOnlyList<OutputFile> files)
    {
        if (!Directory.Exists(directory)) yield break;
        var current = new HashSet<string>(files.Select(f => f.FileName), StringComparer.OrdinalIgnoreCase);
        foreach (var path in Directory.GetFiles(directory).Where(p => p.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)).OrderBy(p => p, StringComparer.Ordinal))
        {
            if (!current.Contains(Path.GetFileName(path)) && IsGenerated(path)) yield return path;
        }
    }

    /// <summary>Whether the file starts with MeshDsl's generated header (the only files MeshDsl ever deletes).</summary>
    public static bool IsGenerated(string path)
    {
        using var reader = new StreamReader(path, Utf8NoBom, detectEncodingFromByteOrderMarks: true);
        return reader.ReadLine()?.StartsWith(ManifestLayout.GeneratedHeader, StringComparison.Ordinal) == true;
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
