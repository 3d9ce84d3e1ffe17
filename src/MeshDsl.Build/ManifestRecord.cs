using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace MeshDsl.Build;

/// <summary>One file MeshDsl wrote: which project wrote it, and what it wrote (length and SHA-256), to recognise it later.</summary>
internal sealed record RecordEntry(string FileName, string Owner, long Length, string Sha256);

/// <summary>
/// The record of what MeshDsl wrote in one folder (<see cref="FileName"/> in that folder). It is the only proof the build
/// accepts that a file is its own: a header can be copied, a file name can be chosen by hand. Several mesh projects may
/// share a folder; each replaces and deletes only the files recorded under its own name, and only while they still hold
/// exactly what it wrote.
/// </summary>
internal sealed class ManifestRecord
{
    public const string FileName = ".meshdsl-manifests";

    /// <summary>How the record tells file names apart and orders them: without case, as the folder may be on a file system that ignores it.</summary>
    public static readonly StringComparer NameComparer = StringComparer.OrdinalIgnoreCase;

    private const string Header = "# Written by MeshDsl: the files it generated in this folder, so that it only ever replaces or deletes its own. Do not edit.";

    // Sorted only when read in order: a SortedDictionary's generic code over these types is not precompiled in the framework,
    // and compiling it took a build's task several milliseconds (docs/performance.md).
    private readonly Dictionary<string, RecordEntry> _entries = new(NameComparer);

    /// <summary>The entries in no particular order, for lookups over all of them.</summary>
    public IEnumerable<RecordEntry> Unordered => _entries.Values;

    /// <summary>The entries in file name order (ignoring case), as the record file lists them.</summary>
    public IEnumerable<RecordEntry> Entries
    {
        get
        {
            var sorted = new List<RecordEntry>(_entries.Values);
            sorted.Sort(static (a, b) => NameComparer.Compare(a.FileName, b.FileName));
            return sorted;
        }
    }

    public RecordEntry? Find(string fileName) => _entries.TryGetValue(fileName, out var entry) ? entry : null;

    public void Set(RecordEntry entry) => _entries[entry.FileName] = entry;

    public void Remove(string fileName) => _entries.Remove(fileName);

    public static ManifestRecord Load(string directory)
    {
        var record = new ManifestRecord();
        var path = Path.Combine(directory, FileName);
        // A record is never empty, so a zero length (or a FIFO in its place, which reads as empty) is no record; nor is a huge file.
        var info = new FileInfo(path);
        if (!info.Exists || info.Length == 0 || info.Length > 16 * 1024 * 1024) return record;
        foreach (var line in File.ReadAllLines(path, ManifestWriter.Utf8NoBom))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            if (parts.Length != 4 || !long.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length)) continue;
            if (!ManifestPaths.IsSafe(parts[0])) continue;
            record.Set(new RecordEntry(parts[0], parts[1], length, parts[3]));
        }

        return record;
    }

    /// <summary>Writes the record (atomically), or deletes it when it records nothing.</summary>
    public void Save(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (_entries.Count == 0)
        {
            if (File.Exists(path)) File.Delete(path);
            return;
        }

        var sb = new StringBuilder(Header).Append('\n');
        foreach (var e in Entries)
        {
            sb.Append(e.FileName).Append('\t').Append(e.Owner).Append('\t')
              .Append(e.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\t').Append(e.Sha256).Append('\n');
        }

        var bytes = ManifestWriter.Utf8NoBom.GetBytes(sb.ToString());
        if (File.Exists(path) && ManifestWriter.ContentEquals(path, bytes)) return;
        ManifestWriter.WriteAtomically(path, bytes);
    }

    public static RecordEntry Entry(string fileName, string owner, byte[] bytes) => new(fileName, owner, bytes.Length, Hash(bytes));

    /// <summary>
    /// Whether the file on disk still holds exactly what the record says was written. The length is compared first, so a
    /// file that is not a regular file (a FIFO reads as empty) is never opened: opening one would block the build.
    /// </summary>
    public static bool Holds(string path, RecordEntry entry)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length != entry.Length || entry.Length == 0) return false;
        return string.Equals(Hash(File.ReadAllBytes(path)), entry.Sha256, StringComparison.Ordinal);
    }

    // One hasher per thread and the hex by hand: a hasher and 32 strings per file were 2 MB of the task's allocations per
    // build at N = 1000 (docs/performance.md).
    [ThreadStatic]
    private static SHA256? _sha;

    private static string Hash(byte[] bytes)
    {
        var digest = (_sha ??= SHA256.Create()).ComputeHash(bytes);
        var hex = new char[digest.Length * 2];
        for (var i = 0; i < digest.Length; i++)
        {
            hex[2 * i] = HexDigits[digest[i] >> 4];
            hex[(2 * i) + 1] = HexDigits[digest[i] & 0xF];
        }

        return new string(hex);
    }

    private const string HexDigits = "0123456789abcdef";
}
