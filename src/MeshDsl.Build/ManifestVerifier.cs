using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace MeshDsl.Build;

internal enum Difference
{
    /// <summary>The file on disk is not what the code describes.</summary>
    Differs,

    /// <summary>The code describes a file that is not on disk.</summary>
    Missing,

    /// <summary>A generated file on disk that the code no longer describes.</summary>
    Stale,
}

internal sealed record VerifyProblem(Difference Kind, string Path, string Detail);

/// <summary>
/// Compares what the build would write with what is on disk, writing nothing: the CI gate proving that committed manifests
/// are the ones the code describes.
/// </summary>
internal static class ManifestVerifier
{
    private const int MaxDiffLines = 12;

    public static List<VerifyProblem> Compare(string directory, string owner, IReadOnlyList<OutputFile> files)
    {
        var problems = new List<VerifyProblem>();
        foreach (var file in files)
        {
            var path = ManifestPaths.Full(directory, file.FileName);
            if (!File.Exists(path))
            {
                problems.Add(new VerifyProblem(Difference.Missing, path, string.Empty));
                continue;
            }

            if (ManifestWriter.ContentEquals(path, ManifestWriter.Utf8NoBom.GetBytes(file.Content))) continue;
            var info = new FileInfo(path);
            if (info.Length > 16 * 1024 * 1024 || info.Length == 0)
            {
                problems.Add(new VerifyProblem(Difference.Differs, path, "(not comparable line by line: " + info.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes)"));
                continue;
            }

            var onDisk = File.ReadAllText(path, ManifestWriter.Utf8NoBom);
            if (onDisk != file.Content) problems.Add(new VerifyProblem(Difference.Differs, path, Diff(onDisk, file.Content)));
        }

        problems.AddRange(ManifestWriter.StaleFiles(directory, owner, files).Select(p => new VerifyProblem(Difference.Stale, p, string.Empty)));
        return problems;
    }

    /// <summary>A short line diff (- on disk, + from the code), around the first difference.</summary>
    internal static string Diff(string onDisk, string expected)
    {
        var a = Lines(onDisk);
        var b = Lines(expected);
        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start]) start++;
        var endA = a.Length - 1;
        var endB = b.Length - 1;
        while (endA >= start && endB >= start && a[endA] == b[endB])
        {
            endA--;
            endB--;
        }

        var sb = new StringBuilder();
        sb.Append("@@ line ").Append(start + 1).Append(" @@");
        var shown = 0;
        for (var i = start; i <= endA && shown < MaxDiffLines; i++, shown++) sb.Append("\n- ").Append(a[i]);
        for (var i = start; i <= endB && shown < MaxDiffLines; i++, shown++) sb.Append("\n+ ").Append(b[i]);
        if ((endA - start + 1) + (endB - start + 1) > MaxDiffLines) sb.Append("\n  ...");
        return sb.ToString();
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');
}
