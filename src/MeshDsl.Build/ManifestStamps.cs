using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace MeshDsl.Build;

/// <summary>
/// What the last build found each manifest to be: its length and last write time when it read the file back and found
/// exactly the bytes it would write, their SHA-256 (as the folder's record has it) and the text's
/// <see cref="ContentFingerprint"/>. Kept in the intermediate folder, so it is this machine's alone and
/// never committed with the manifests. A file whose length and write time still match its stamp, and whose content the
/// build would write again unchanged, is not read back: the check rsync and make rely on. Reading 2,000 files back was
/// most of the task's time in every build at N = 1000 (docs/performance.md). Such a file is not even encoded and hashed
/// again when the record still holds the stamp's hash: the fingerprint of the text to write says it is the same.
/// <para>
/// An edit in the same tick as the stamped write time would keep both, so a file is stamped only when its write time is
/// older than the folder's clock by more than the coarsest timestamp a file system keeps (Git's "racily clean" rule); the
/// next build reads it again. A file the build has just written is not stamped either. Verify mode, the gate CI runs,
/// never trusts a stamp.
/// </para>
/// </summary>
internal sealed class ManifestStamps
{
    /// <summary>FAT keeps write times to 2 seconds; every other file system MeshDsl meets keeps them finer.</summary>
    public static readonly TimeSpan Granularity = TimeSpan.FromSeconds(2);

    private const string HeaderPrefix = "# MeshDsl: the manifests the last build found unchanged in ";

    private readonly string? _path;
    private readonly string _directory;
    private readonly Dictionary<string, Stamp> _previous;
    private readonly Dictionary<string, Stamp> _current = new(StringComparer.Ordinal);

    private ManifestStamps(string? path, string directory, Dictionary<string, Stamp> previous)
    {
        _path = path;
        _directory = directory;
        _previous = previous;
    }

    /// <summary>No stamps: every file is read back (a test, or a task run without an intermediate folder).</summary>
    public static ManifestStamps None(string directory) => new(null, directory, new Dictionary<string, Stamp>(StringComparer.Ordinal));

    /// <summary>The stamps kept in <paramref name="path"/> for <paramref name="directory"/>; none when the file is missing, unreadable or about another folder.</summary>
    public static ManifestStamps Load(string? path, string directory)
    {
        if (string.IsNullOrEmpty(path)) return None(directory);
        var previous = new Dictionary<string, Stamp>(StringComparer.Ordinal);
        try
        {
            var info = new FileInfo(path);
            if (info.Exists && info.Length > 0 && info.Length <= 16 * 1024 * 1024)
            {
                var lines = File.ReadAllLines(path, ManifestWriter.Utf8NoBom);
                if (lines.Length > 0 && string.Equals(lines[0], HeaderPrefix + directory, StringComparison.Ordinal))
                {
                    for (var i = 1; i < lines.Length; i++)
                    {
                        var parts = lines[i].Split('\t');
                        // A line of an older format (without the fingerprint) is no stamp: that file is read back once.
                        if (parts.Length == 5
                            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                            && ulong.TryParse(parts[4], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var fingerprint))
                        {
                            previous[parts[0]] = new Stamp(length, ticks, parts[3], fingerprint);
                        }
                    }
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A cache: without it, every file is read back, as before there was one.
            previous.Clear();
        }

        return new ManifestStamps(path, directory, previous);
    }

    /// <summary>
    /// Whether the file (<paramref name="info"/>, just looked up) is still what the last build read back, and that is what
    /// <paramref name="entry"/> would write, whose text has <paramref name="fingerprint"/>. The stamp is kept for the next
    /// build. With the folder's record as <paramref name="entry"/>, a true answer also says the record is right about it.
    /// </summary>
    public bool Unchanged(RecordEntry entry, ulong fingerprint, FileInfo info)
    {
        if (!_previous.TryGetValue(entry.FileName, out var stamp)
            || stamp.Length != entry.Length
            || stamp.Fingerprint != fingerprint
            || !string.Equals(stamp.Sha256, entry.Sha256, StringComparison.Ordinal)
            || !info.Exists
            || info.Length != stamp.Length
            || info.LastWriteTimeUtc.Ticks != stamp.Ticks)
        {
            return false;
        }

        _current[entry.FileName] = stamp;
        return true;
    }

    /// <summary>
    /// Stamps a file the build read back and found to hold <paramref name="entry"/>'s bytes. <paramref name="info"/> must
    /// have been looked up before the read, so an edit during the read changes the write time after the stamped one.
    /// </summary>
    public void ReadBack(RecordEntry entry, ulong fingerprint, FileInfo info, DateTime folderNowUtc)
    {
        var written = info.LastWriteTimeUtc;
        if (folderNowUtc - written > Granularity) _current[entry.FileName] = new Stamp(info.Length, written.Ticks, entry.Sha256, fingerprint);
    }

    /// <summary>
    /// Writes the stamps of this build (atomically), when they differ from the last build's. A stamp file that cannot be
    /// written costs the next build a read of every file, never the build itself.
    /// </summary>
    public void Save()
    {
        if (_path is null || SameAsPrevious()) return;
        try
        {
            Write(_path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The last build's stamps stay: each still holds only for a file whose length and write time are unchanged.
        }
    }

    private void Write(string path)
    {
        if (_current.Count == 0)
        {
            if (File.Exists(path)) File.Delete(path);
            return;
        }

        var names = new List<string>(_current.Keys);
        names.Sort(StringComparer.Ordinal);
        var sb = new StringBuilder(HeaderPrefix).Append(_directory).Append('\n');
        foreach (var name in names)
        {
            var stamp = _current[name];
            sb.Append(name).Append('\t')
              .Append(stamp.Length.ToString(CultureInfo.InvariantCulture)).Append('\t')
              .Append(stamp.Ticks.ToString(CultureInfo.InvariantCulture)).Append('\t')
              .Append(stamp.Sha256).Append('\t')
              .Append(stamp.Fingerprint.ToString("x16", CultureInfo.InvariantCulture)).Append('\n');
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        ManifestWriter.WriteAtomically(path, ManifestWriter.Utf8NoBom.GetBytes(sb.ToString()));
    }

    private bool SameAsPrevious()
    {
        if (_current.Count != _previous.Count) return false;
        foreach (var pair in _current)
        {
            if (!_previous.TryGetValue(pair.Key, out var stamp) || stamp != pair.Value) return false;
        }

        return true;
    }

    private sealed record Stamp(long Length, long Ticks, string Sha256, ulong Fingerprint);
}
