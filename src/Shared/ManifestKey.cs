using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace MeshDsl;

/// <summary>
/// The key under which a manifest is embedded: <c>[assembly: AssemblyMetadata("MeshDsl.Manifest|&lt;C# type&gt;|&lt;file&gt;", yaml)]</c>,
/// on its own or packed with the other entries of its generated source (<see cref="PackedKey"/>), which the generator
/// embeds deflated (<see cref="DeflatedKey"/>).
/// Written by the generator, read by the build task and by <c>Manifest.Of</c> at run time; this file is compiled into all three.
/// </summary>
internal static class ManifestKey
{
    public const string Prefix = "MeshDsl.Manifest|";

    /// <summary>
    /// The key of the metadata the generator adds to every compilation it runs in. A generator that throws contributes no
    /// output at all, so an assembly without it says "the manifests are unknown", never "there are none".
    /// </summary>
    public const string GeneratorMarker = "MeshDsl.Generator";

    public static string Create(string sourceType, string fileName) => Prefix + sourceType + "|" + fileName;

    /// <summary>
    /// The key of a declaration's file stem (<c>[namespace-]name</c>, the name of its one file in the PerService layout):
    /// <c>[assembly: AssemblyMetadata("MeshDsl.Group|&lt;C# type&gt;", stem)]</c>. The build task takes it as given and never
    /// parses kinds or names out of manifest file names.
    /// </summary>
    public const string GroupPrefix = "MeshDsl.Group|";

    public static string CreateGroup(string sourceType) => GroupPrefix + sourceType;

    /// <summary>
    /// The key of a service's description (host, namespace, port, and which C# type is which subset), for tests that address
    /// services and subsets by type: <c>[assembly: AssemblyMetadata("MeshDsl.Service|&lt;C# type&gt;", text)]</c>.
    /// </summary>
    public const string ServicePrefix = "MeshDsl.Service|";

    /// <summary>
    /// The key of the metadata entry that packs every entry of one generated source:
    /// <c>[assembly: AssemblyMetadata("MeshDsl.Declarations", packed)]</c>, where <c>packed</c> is each entry's key and value
    /// in turn, each written as its length in UTF-16 code units, a colon, and itself (<see cref="AppendPacked"/>). The
    /// compiler binds each assembly attribute on its own: at N = 1000, 4,000 of them cost every build 0.1-0.2 s more than
    /// one per generated source (docs/performance.md). Readers take both forms (<see cref="Entries"/>).
    /// </summary>
    public const string PackedKey = "MeshDsl.Declarations";

    /// <summary>
    /// The key under which the generator embeds a packed value (<see cref="PackedKey"/>) deflated (<see cref="Deflate"/>): the
    /// byte count of the packed text's UTF-8, a colon, their Adler-32 in eight lower-case hex digits, a colon, and the Base64
    /// of their raw DEFLATE (RFC 1951). The YAML of a mesh compresses about fourteen times: at N = 1000 the assembly, its
    /// reference assembly and the generated sources the compiler embeds in the PDB each shrink by 2.2-2.4 MB, which every
    /// build wrote, copied and compressed again (docs/performance.md). Raw DEFLATE carries no check of its own: a value cut
    /// short may end early without a word, and a damaged one may inflate to other text. The byte count and the checksum (the
    /// one zlib's format adds) catch both.
    /// </summary>
    public const string DeflatedKey = "MeshDsl.Declarations.Deflated";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The value of a <see cref="DeflatedKey"/> entry that holds <paramref name="packed"/>. A lone surrogate, which UTF-8
    /// cannot carry and an error diagnostic already reports (MESH017), becomes U+FFFD, as it did in the assembly's metadata
    /// before: the generator writes what it can rather than throw.
    /// </summary>
    public static string Deflate(string packed)
    {
        var bytes = Encoding.UTF8.GetBytes(packed);
        using var deflated = new MemoryStream((bytes.Length / 8) + 64);
        // Fastest: the YAML repeats itself so much that the best level saves only a tenth more, for nine times the time.
        using (var deflate = new DeflateStream(deflated, CompressionLevel.Fastest, leaveOpen: true)) deflate.Write(bytes, 0, bytes.Length);
        return bytes.Length.ToString(CultureInfo.InvariantCulture) + ":" + Adler32(bytes, bytes.Length).ToString("x8", CultureInfo.InvariantCulture)
            + ":" + Convert.ToBase64String(deflated.GetBuffer(), 0, (int)deflated.Length);
    }

    /// <summary>The packed text a <see cref="DeflatedKey"/> value holds; a damaged value throws <see cref="InvalidDataException"/>.</summary>
    public static string Inflate(string? deflated)
    {
        if (string.IsNullOrEmpty(deflated)) return string.Empty;
        var colon = deflated!.IndexOf(':');
        if (colon <= 0 || colon > 10 || !int.TryParse(deflated.Substring(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            throw Damaged("it does not start with its length");
        }

        var second = colon + 9;
        if (second >= deflated.Length || deflated[second] != ':'
            || !uint.TryParse(deflated.Substring(colon + 1, 8), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var checksum))
        {
            throw Damaged("its length is not followed by its checksum");
        }

        MemoryStream packed;
        try
        {
            using var inflate = new DeflateStream(new MemoryStream(Convert.FromBase64String(deflated.Substring(second + 1))), CompressionMode.Decompress);
            // What the stream holds, not what the value claims, decides how much is read: up to a buffer past the byte count,
            // enough to tell a value that holds more from one that holds as much.
            packed = new MemoryStream((int)Math.Min(length, deflated.Length * 16L));
            var buffer = new byte[16384];
            for (int n; packed.Length <= length && (n = inflate.Read(buffer, 0, buffer.Length)) > 0;) packed.Write(buffer, 0, n);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException)
        {
            throw Damaged(e.Message);
        }

        if (packed.Length != length)
        {
            throw Damaged("it holds " + (packed.Length > length ? "more" : packed.Length.ToString(CultureInfo.InvariantCulture)) + " bytes, not " + length.ToString(CultureInfo.InvariantCulture));
        }

        if (Adler32(packed.GetBuffer(), length) != checksum) throw Damaged("it does not hold the text its checksum was taken of");
        try
        {
            return StrictUtf8.GetString(packed.GetBuffer(), 0, length);
        }
        catch (DecoderFallbackException e)
        {
            throw Damaged(e.Message);
        }
    }

    /// <summary>Adler-32 (RFC 1950) of the first <paramref name="count"/> bytes.</summary>
    private static uint Adler32(byte[] bytes, int count)
    {
        const uint Modulus = 65521;
        uint a = 1, b = 0;
        for (var i = 0; i < count;)
        {
            // 5,552 bytes is the most that cannot overflow before the modulus is taken (zlib's NMAX).
            for (var end = Math.Min(count, i + 5552); i < end; i++)
            {
                a += bytes[i];
                b += a;
            }

            a %= Modulus;
            b %= Modulus;
        }

        return (b << 16) | a;
    }

    private static InvalidDataException Damaged(string why) =>
        new("MeshDsl's deflated metadata (" + DeflatedKey + ") is damaged (" + why + "): the assembly was damaged, or not written by MeshDsl's generator.");

    /// <summary>Appends one packed string (a key or a value) to <paramref name="packed"/>: its length, a colon, itself.</summary>
    public static StringBuilder AppendPacked(StringBuilder packed, string text) =>
        AppendPackedLength(packed, text.Length).Append(text);

    /// <summary>What comes before a packed string of <paramref name="length"/> code units: the length and a colon.</summary>
    public static StringBuilder AppendPackedLength(StringBuilder packed, int length) =>
        packed.Append(length.ToString(CultureInfo.InvariantCulture)).Append(':');

    /// <summary>
    /// The entries one metadata attribute holds: a packed one's (<see cref="PackedKey"/>, or <see cref="DeflatedKey"/>) in
    /// order, or the attribute itself.
    /// A packed value cut short or malformed throws <see cref="InvalidDataException"/> where the fault is: reading
    /// on would drop the manifests after it, and the build would delete their files as no longer described.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> Entries(string? key, string? value)
    {
        if (key is null) yield break;
        if (key != PackedKey && key != DeflatedKey)
        {
            yield return new KeyValuePair<string, string>(key, value ?? string.Empty);
            yield break;
        }

        var packed = key == DeflatedKey ? Inflate(value) : value ?? string.Empty;
        var at = 0;
        while (at < packed.Length)
        {
            if (!TryReadPacked(packed, ref at, out var entryKey) || !TryReadPacked(packed, ref at, out var entryValue))
            {
                throw new InvalidDataException("MeshDsl's packed metadata (" + PackedKey + ") is malformed at character "
                    + at.ToString(CultureInfo.InvariantCulture) + " of " + packed.Length.ToString(CultureInfo.InvariantCulture)
                    + ": the assembly was damaged, or not written by MeshDsl's generator.");
            }

            yield return new KeyValuePair<string, string>(entryKey, entryValue);
        }
    }

    private static bool TryReadPacked(string packed, ref int at, out string text)
    {
        text = string.Empty;
        var length = 0;
        var digits = 0;
        while (at < packed.Length && packed[at] >= '0' && packed[at] <= '9')
        {
            if (++digits > 9) return false;
            length = (length * 10) + (packed[at++] - '0');
        }

        if (digits == 0 || at >= packed.Length || packed[at] != ':' || length > packed.Length - at - 1) return false;
        text = packed.Substring(at + 1, length);
        at += 1 + length;
        return true;
    }

    public static bool TryParse(string? key, out string sourceType, out string fileName)
    {
        sourceType = fileName = string.Empty;
        if (key is null || !key.StartsWith(Prefix, System.StringComparison.Ordinal)) return false;
        var rest = key.Substring(Prefix.Length);
        var bar = rest.LastIndexOf('|');
        if (bar <= 0 || bar == rest.Length - 1) return false;
        sourceType = rest.Substring(0, bar);
        fileName = rest.Substring(bar + 1);
        return true;
    }
}
