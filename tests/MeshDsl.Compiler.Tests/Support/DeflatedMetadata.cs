using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace MeshDsl.Tests.Support;

/// <summary>
/// The deflated metadata format read and written here from its description (the UTF-8 byte count, a colon, the Base64 of
/// the raw DEFLATE), not through MeshDsl's own code: the tests then hold the generator to the format, not to itself.
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
        var colon = value.IndexOf(':');
        using var inflate = new DeflateStream(new MemoryStream(Convert.FromBase64String(value[(colon + 1)..])), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        inflate.CopyTo(bytes);
        Assert.Equal(int.Parse(value[..colon], CultureInfo.InvariantCulture), bytes.Length);
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    public static string Deflate(string packed)
    {
        var bytes = Encoding.UTF8.GetBytes(packed);
        using var deflated = new MemoryStream();
        using (var deflate = new DeflateStream(deflated, CompressionLevel.Optimal, leaveOpen: true)) deflate.Write(bytes);
        return bytes.Length.ToString(CultureInfo.InvariantCulture) + ":" + Convert.ToBase64String(deflated.ToArray());
    }
}
