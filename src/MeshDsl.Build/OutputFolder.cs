using System;
using System.IO;
using System.Linq;

namespace MeshDsl.Build;

/// <summary>What the task checks about where it writes, before it writes anything.</summary>
internal static class OutputFolder
{
    /// <summary>The files .NET writes beside a project's build output, named after its assembly.</summary>
    private static readonly string[] OutputMarkers = { ".deps.json", ".runtimeconfig.json" };

    private static readonly string[] ProjectExtensions = { ".csproj", ".fsproj", ".vbproj", ".proj" };

    /// <summary>Why MeshDslNamespace is not a Kubernetes namespace, or null.</summary>
    public static string? NamespaceProblem(string ns) =>
        ns.Length > 63 ? "it is longer than 63 characters"
        : IsDns1123Label(ns) ? null
        : "use lower-case letters, digits and '-', starting and ending with a letter or digit";

    // By hand rather than a Regex: the task ran in every build, and the Regex was built there each time it loaded.
    private static bool IsDns1123Label(string ns)
    {
        if (ns.Length == 0 || ns[0] == '-' || ns[ns.Length - 1] == '-') return false;
        foreach (var c in ns)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')) return false;
        }

        return true;
    }

    /// <summary>Why a folder is no place for manifests, or null: the root, the home folder, another project's own folders.</summary>
    /// <param name="assembly">The mesh project's own assembly: its build output folder is its own to write into.</param>
    public static string? Unsafe(string directory, string? project, string assembly)
    {
        var full = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var root = Path.GetPathRoot(Path.GetFullPath(directory))?.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (full.Length == 0 || string.Equals(full, root, StringComparison.OrdinalIgnoreCase)) return "it is the root of a file system";
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (home.Length > 0 && string.Equals(full, home, PathComparison)) return "it is the home folder";
        if (!Directory.Exists(full)) return null;
        if (File.Exists(Path.Combine(full, "project.assets.json"))) return "it is a project's intermediate (obj) folder";
        // One listing of the folder for every check: it holds the manifests, thousands of files in a large mesh.
        var files = Directory.GetFiles(full);
        var ownName = Path.GetFileNameWithoutExtension(assembly);
        foreach (var marker in OutputMarkers)
        {
            foreach (var file in files)
            {
                var name = Path.GetFileName(file);
                if (name.Length <= marker.Length || !name.EndsWith(marker, PathComparison)) continue;
                var outputOf = name.Substring(0, name.Length - marker.Length);
                if (!string.Equals(outputOf, ownName, StringComparison.OrdinalIgnoreCase)) return "it is the build output folder of another project (" + outputOf + ")";
            }
        }

        var ours = project is null ? null : Path.GetFullPath(project);
        var other = files.FirstOrDefault(f =>
            ProjectExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase) && !string.Equals(Path.GetFullPath(f), ours, PathComparison));
        return other is null ? null : "it is the folder of another project (" + Path.GetFileName(other) + ")";
    }

    /// <summary>
    /// The name the folder's record knows this project by: the project file relative to the folder, the same on every
    /// machine and clone, so a committed record stays valid in CI.
    /// </summary>
    public static string Owner(string directory, string? project, string assembly)
    {
        if (string.IsNullOrEmpty(project)) return "assembly:" + Path.GetFileNameWithoutExtension(assembly);
        return Relative(Path.GetFullPath(directory), Path.GetFullPath(project));
    }

    private static string Relative(string fromDirectory, string toFile)
    {
        var from = fromDirectory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var to = toFile.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var common = 0;
        while (common < from.Length && common < to.Length - 1 && string.Equals(from[common], to[common], PathComparison)) common++;
        if (common == 0) return toFile.Replace('\\', '/');
        var up = Enumerable.Repeat("..", from.Length - common);
        return string.Join("/", up.Concat(to.Skip(common)));
    }

    private static StringComparison PathComparison =>
        Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
}
