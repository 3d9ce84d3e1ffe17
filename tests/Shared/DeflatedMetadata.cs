using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace MeshDsl.Tests.Support;

/// <summary>
/// The deflated metadata format read and written here from its description (the UTF-8 byte count, its Adler-32 in eight
/// hex digits and the Base64 of the raw DEFLATE, colons between), not through MeshDsl's own code: the tests then hold the
/// generator and the readers to the format, not to themselves. Linked into each test project that needs it.
/// </summary>
internal static class DeflatedMetadata
{
    public const string Key = "MeshDsl.Declarations.Deflated";

    /// <summary>Where the deflated value of a generated source's metadata lies in it (between its quotes), or null.</summary>
    public static (int Start, int End)? ValueIn(string source)
    {
        var key = "\"" + Key + "\",\n\"";
        var at = source.IndexOf(key, StringComparison.Ordinal);
        if (at < 0) return null;
        var start = at + key.Length;
        return (start, source.IndexOf('"', start));
    }

    /// <summary>The packed entries a generated source's metadata holds, inflated.</summary>
    public static string PackedIn(string source) =>
        ValueIn(source) is var (start, end) ? Inflate(source[start..end]) : throw new Xunit.Sdk.XunitException("No deflated metadata in:\n" + source);

    public static string Inflate(string value)
    {
        var parts = value.Split(':');
        Assert.Equal(3, parts.Length);
        using var inflate = new DeflateStream(new MemoryStream(Convert.FromBase64String(parts[2])), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        inflate.CopyTo(bytes);
        Assert.Equal(int.Parse(parts[0], CultureInfo.InvariantCulture), bytes.Length);
        Assert.Equal(parts[1], Adler32(bytes.ToArray()).ToString("x8", CultureInfo.InvariantCulture));
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    public static string Deflate(string packed) => Value(Encoding.UTF8.GetBytes(packed));

    /// <summary>A value holding <paramref name="bytes"/>, whatever they are (a test of what the readers refuse may need bytes that are not UTF-8).</summary>
    public static string Value(byte[] bytes)
    {
        using var deflated = new MemoryStream();
        using (var deflate = new DeflateStream(deflated, CompressionLevel.Optimal, leaveOpen: true)) deflate.Write(bytes);
        return bytes.Length.ToString(CultureInfo.InvariantCulture) + ":" + Adler32(bytes).ToString("x8", CultureInfo.InvariantCulture) + ":" + Convert.ToBase64String(deflated.ToArray());
    }

    /// <summary>Adler-32 as RFC 1950 defines it, one byte at a time.</summary>
    private static uint Adler32(byte[] bytes)
    {
        uint a = 1, b = 0;
        foreach (var x in bytes)
        {
            a = (a + x) % 65521;
            b = (b + a) % 65521;
        }

        return (b << 16) | a;
    }
}
