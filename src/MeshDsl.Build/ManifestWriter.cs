using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;

namespace MeshDsl.Build;

/// <summary>What one write did, and what it refused to do.</summary>
internal sealed record WriteResult(
    IReadOnlyList<string> Written,
    IReadOnlyList<string> Unchanged,
    IReadOnlyList<string> Deleted,
    IReadOnlyList<string> All,
    IReadOnlyList<WriteRefusal> Refused,
    IReadOnlyList<string> KeptStale);

/// <summary>A file MeshDsl would have replaced but did not, because it cannot prove the file is its own.</summary>
internal sealed record WriteRefusal(string Path, string Reason);

/// <summary>
/// Writes manifests to a folder: only files whose bytes changed (timestamps of unchanged files stay, so GitOps tools see no
/// churn), each through a temporary file and a rename (no reader ever sees half a file). It replaces and deletes only files
/// its <see cref="ManifestRecord"/> says this project wrote and that still hold what it wrote; anything else is left alone
/// and reported.
/// </summary>
internal static class ManifestWriter
{
    public static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The suffix of MeshDsl's temporary files: a build that was killed mid-write leaves one, the next removes it.</summary>
    public const string TempSuffix = ".meshdsl-tmp";

    /// <param name="stampFile">Where this project keeps what it found on disk (<see cref="ManifestStamps"/>); null reads every file back.</param>
    public static WriteResult Write(string directory, string owner, IReadOnlyList<OutputFile> files, CancellationToken cancellationToken = default, string? stampFile = null)
    {
        Directory.CreateDirectory(directory);
        using var folderLock = FolderLock.Acquire(directory, TimeSpan.FromMinutes(2), cancellationToken);
        var record = ManifestRecord.Load(directory);
        var stamps = ManifestStamps.Load(stampFile, directory);
        RemoveLeftoverTemporaryFiles(directory, record);

        var written = new List<string>();
        var unchanged = new List<string>();
        var all = new List<string>();
        var refused = new List<WriteRefusal>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!ManifestPaths.IsSafe(file.FileName))
            {
                refused.Add(new WriteRefusal(Path.Combine(directory, Path.GetFileName(file.FileName)), "its name is not a plain file name below the output folder"));
                continue;
            }

            var path = ManifestPaths.Full(directory, file.FileName);
            if (ManifestPaths.IsNested(file.FileName) && ManifestPaths.PrepareFolders(directory, file.FileName) is { } why)
            {
                refused.Add(new WriteRefusal(path, why));
                continue;
            }

            var recorded = record.Find(file.FileName);
            if (recorded is not null && recorded.Owner != owner)
            {
                refused.Add(new WriteRefusal(path, "another project (" + recorded.Owner + ") generates a file of this name in this folder"));
                continue;
            }

            // Most files of a build are as the last build found them, with the same text to write and recorded so: those are
            // not encoded and hashed again (the hashing was a quarter of the task's work at N = 1000, docs/performance.md).
            var fingerprint = ContentFingerprint.Of(file.Content);
            var info = new FileInfo(path);
            if (recorded is not null && recorded.Length == Utf8NoBom.GetByteCount(file.Content) && stamps.Unchanged(recorded, fingerprint, info))
            {
                unchanged.Add(path);
                all.Add(path);
                continue;
            }

            var bytes = Utf8NoBom.GetBytes(file.Content);
            var entry = ManifestRecord.Entry(file.FileName, owner, bytes);
            if (info.Exists || Directory.Exists(path))
            {
                var same = info.Exists && stamps.Unchanged(entry, fingerprint, info);
                if (!same && info.Exists && ContentEquals(info, bytes))
                {
                    stamps.ReadBack(entry, fingerprint, info, folderLock.ClockUtc);
                    same = true;
                }

                if (same)
                {
                    // Already exactly what this build would write: nothing is lost by calling it ours.
                    record.Set(entry);
                    unchanged.Add(path);
                    all.Add(path);
                    continue;
                }

                // A file this project wrote is replaced even if edited since: its header says "change the C# and rebuild".
                if (recorded is null || Directory.Exists(path))
                {
                    refused.Add(new WriteRefusal(path, Directory.Exists(path)
                        ? "it is a folder"
                        : "MeshDsl did not write it (it is not in " + ManifestRecord.FileName + ")"));
                    continue;
                }
            }

            WriteAtomically(path, bytes);
            record.Set(entry);
            written.Add(path);
            all.Add(path);
        }

        var current = new HashSet<string>(files.Select(f => f.FileName), StringComparer.OrdinalIgnoreCase);
        var deleted = new List<string>();
        var keptStale = new List<string>();
        foreach (var stale in record.Unordered.Where(e => e.Owner == owner && !current.Contains(e.FileName)).OrderBy(e => e.FileName, ManifestRecord.NameComparer).ToList())
        {
            var path = ManifestPaths.Full(directory, stale.FileName);
            if (ManifestRecord.Holds(path, stale))
            {
                File.Delete(path);
                deleted.Add(path);
                if (ManifestPaths.IsNested(stale.FileName)) ManifestPaths.RemoveEmptyFolders(directory, stale.FileName);
            }
            else if (File.Exists(path))
            {
                // Someone changed it since: it is theirs now, and stays.
                keptStale.Add(path);
            }

            record.Remove(stale.FileName);
        }

        record.Save(directory);
        stamps.Save();
        return new WriteResult(written, unchanged, deleted, all, refused, keptStale);
    }

    /// <summary>This project's recorded files that no longer come out of the code (for verify mode, which writes nothing).</summary>
    public static IEnumerable<string> StaleFiles(string directory, string owner, IReadOnlyList<OutputFile> files)
    {
        if (!Directory.Exists(directory)) yield break;
        var current = new HashSet<string>(files.Select(f => f.FileName), StringComparer.OrdinalIgnoreCase);
        foreach (var entry in ManifestRecord.Load(directory).Entries.Where(e => e.Owner == owner && !current.Contains(e.FileName)))
        {
            var path = ManifestPaths.Full(directory, entry.FileName);
            if (File.Exists(path)) yield return path;
        }
    }

    /// <summary>Deletes the files this project recorded, where they still hold what it wrote (<c>dotnet clean</c>).</summary>
    public static IReadOnlyList<string> DeleteAll(string directory, string owner)
    {
        var deleted = new List<string>();
        if (!Directory.Exists(directory)) return deleted;
        using var folderLock = FolderLock.Acquire(directory, TimeSpan.FromMinutes(2), CancellationToken.None);
        var record = ManifestRecord.Load(directory);
        foreach (var entry in record.Entries.Where(e => e.Owner == owner).ToList())
        {
            var path = ManifestPaths.Full(directory, entry.FileName);
            if (ManifestRecord.Holds(path, entry))
            {
                File.Delete(path);
                deleted.Add(path);
                if (ManifestPaths.IsNested(entry.FileName)) ManifestPaths.RemoveEmptyFolders(directory, entry.FileName);
            }

            record.Remove(entry.FileName);
        }

        record.Save(directory);
        return deleted;
    }

    /// <summary>Temporary files in the folder and in the folders of its recorded nested files (a canary's stages).</summary>
    private static void RemoveLeftoverTemporaryFiles(string directory, ManifestRecord record)
    {
        var nested = record.Unordered
            .Where(e => ManifestPaths.IsNested(e.FileName))
            .Select(e => Path.GetDirectoryName(ManifestPaths.Full(directory, e.FileName))!)
            .Distinct(StringComparer.Ordinal)
            .Where(d => Directory.Exists(d) && (File.GetAttributes(d) & FileAttributes.ReparsePoint) == 0)
            .SelectMany(d => Directory.GetFiles(d, "*" + TempSuffix));
        foreach (var temp in Directory.GetFiles(directory, "*" + TempSuffix).Concat(nested))
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Byte equality; the length is compared first, so a FIFO or device (length 0) is never opened.</summary>
    internal static bool ContentEquals(string path, byte[] bytes) => ContentEquals(new FileInfo(path), bytes);

    /// <inheritdoc cref="ContentEquals(string, byte[])"/>
    internal static bool ContentEquals(FileInfo info, byte[] bytes)
    {
        if (info.Length != bytes.Length || bytes.Length == 0) return false;
        var existing = File.ReadAllBytes(info.FullName);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (existing[i] != bytes[i]) return false;
        }

        return true;
    }

    internal static void WriteAtomically(string path, byte[] bytes)
    {
        var directory = Path.GetDirectoryName(path)!;
        var temp = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + TempSuffix);
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
