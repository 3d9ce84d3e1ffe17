using System;
using System.IO;

namespace MeshDsl.Build;

/// <summary>
/// The names of generated files inside the output folder: a plain file name, or a path below it made of plain names
/// (<c>canary-steps/reviews/step-005.yaml</c>, a canary's stages). Nothing else is written, recorded or deleted, so neither
/// an embedded name nor an edited record can reach outside the folder.
/// </summary>
internal static class ManifestPaths
{
    public static bool IsSafe(string name)
    {
        if (name.Length == 0 || name.Length > 512) return false;
        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0 || segment[0] == '.') return false;
            foreach (var c in segment)
            {
                var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
                if (!ok) return false;
            }
        }

        return true;
    }

    /// <summary>Whether a file lives in a folder of its own below the output folder (a canary's stage): never joined with others.</summary>
    public static bool IsNested(string name) => name.IndexOf('/') >= 0;

    public static string Full(string directory, string name) => Path.Combine(directory, name.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>
    /// Creates the folders a nested file needs. A folder on the way that is a link (or not a folder) is refused: writing through
    /// it would write outside the output folder.
    /// </summary>
    public static string? PrepareFolders(string directory, string name)
    {
        var current = directory;
        var segments = name.Split('/');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            current = Path.Combine(current, segments[i]);
            if (File.Exists(current)) return "'" + segments[i] + "' is a file, where MeshDsl writes a folder";
            if (Directory.Exists(current))
            {
                if ((File.GetAttributes(current) & FileAttributes.ReparsePoint) != 0) return "'" + segments[i] + "' is a link: MeshDsl writes only inside the output folder";
                continue;
            }

            Directory.CreateDirectory(current);
        }

        return null;
    }

    /// <summary>Removes the folders below the output folder that deleting a nested file left empty.</summary>
    public static void RemoveEmptyFolders(string directory, string name)
    {
        var segments = name.Split('/');
        for (var depth = segments.Length - 1; depth > 0; depth--)
        {
            var folder = Path.Combine(directory, string.Join(Path.DirectorySeparatorChar.ToString(), segments, 0, depth));
            try
            {
                if (!Directory.Exists(folder) || Directory.GetFileSystemEntries(folder).Length > 0) return;
                Directory.Delete(folder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return;
            }
        }
    }
}
