using MeshDsl.Tests.Support;
using MeshDsl.Yaml;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.Tests;

/// <summary>
/// Property tests of the YAML writer: random strings (hostile ones over-represented) and random doubles, as keys and as
/// values, read back identically by YamlDotNet and typed as the writer meant by both YAML 1.2 and YAML 1.1 readers.
/// MESHDSL_FUZZ_COUNT raises the count (the default runs in well under a second).
/// </summary>
public class YamlStringPropertyTests
{
    private static readonly int Count = int.TryParse(Environment.GetEnvironmentVariable("MESHDSL_FUZZ_COUNT"), out var n) ? n : 3000;

    private static readonly string[] Pieces =
    {
        "a", "Z", "0", "9", "1", ".", "-", "_", "/", ":", ": ", " ", "#", " #", "=", "<<", "~", "%", "%%", "@", "`", "!", "&", "*", "?",
        "|", ">", "'", "\"", "\\", ",", "[", "]", "{", "}", "e", "E", "x", "0x", "0o", "0b", "+", "1E-05", ".5_5", "1_000", "12:30", "2001-12-14",
        "yes", "No", "ON", "off", "y", "null", "NULL", "true", ".inf", ".nan", "10s", "1h30m", "\t", "\n", "\r", "\r\n", "\u0085", "\u2028",
        "\u2029", "\u0000", "\u0007", "\u001b", "\u007f", "\u0080", "\u009f", "\u00a0", "\ufeff", "\ufffe", "\uffff", "é", "日本", "😀",
        "\ud83d\ude00", "---", "...", "- ", "? ", "{{", "}}", "$(x)", "%DOWNSTREAM_REMOTE_ADDRESS%", "0xb", "0o7", "0b1", "1e5", "Mi", "Gi", "m", "p3", "inf", "nan",
    };

    public static string RandomString(Random random)
    {
        var sb = new System.Text.StringBuilder();
        var length = random.Next(0, 7);
        for (var i = 0; i < length; i++)
        {
            if (random.Next(3) == 0) sb.Append((char)random.Next(0x20, 0x7f));
            else sb.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return sb.ToString();
    }

    [Fact]
    public void Random_strings_round_trip_as_strings_in_both_YAML_versions_as_keys_and_values()
    {
        var random = new Random(20261202);
        for (var i = 0; i < Count; i++)
        {
            var text = RandomString(random);
            var yaml = YamlWriter.Write(new YamlMapping().Add("key", text).Add(text.Length == 0 ? "empty" : text, "value"));
            var map = Parse(yaml, text);
            var value = (YamlScalarNode)map.Children[new YamlScalarNode("key")];
            Assert.True(text == value.Value, $"'{Escape(text)}' came back as '{Escape(value.Value)}' from:\n{yaml}");
            Assert.True(YamlReaders.Type12(value) == "string", $"YAML 1.2 reads '{Escape(text)}' as {YamlReaders.Type12(value)}:\n{yaml}");
            Assert.True(YamlReaders.Type11(value) == "string", $"YAML 1.1 reads '{Escape(text)}' as {YamlReaders.Type11(value)}:\n{yaml}");
            var key = map.Children.Keys.Cast<YamlScalarNode>().Last();
            Assert.Equal(text.Length == 0 ? "empty" : text, key.Value);
            Assert.Equal("string", YamlReaders.Type11(key));
        }
    }

    [Fact]
    public void Random_doubles_read_back_as_the_same_number_in_both_YAML_versions()
    {
        var random = new Random(7);
        var specials = new[] { 0.0, -0.0, 1e-5, 0.00001, 1e20, 1.5e-7, 100, 0.0001, double.Epsilon, double.MaxValue, double.MinValue, 12.5, 1e15, 1e16 };
        foreach (var value in specials.Concat(Enumerable.Range(0, Count).Select(_ => BitConverter.Int64BitsToDouble(random.NextInt64())).Where(double.IsFinite))
                     .Concat(Enumerable.Range(0, Count).Select(_ => Math.Round(random.NextDouble() * 100, random.Next(0, 6)))))
        {
            var yaml = YamlWriter.Write(new YamlMapping().Add("v", value));
            var scalar = (YamlScalarNode)Parse(yaml, yaml).Children[new YamlScalarNode("v")];
            Assert.True(YamlReaders.Type12(scalar) == "float", $"YAML 1.2 reads {yaml.Trim()} as {YamlReaders.Type12(scalar)}");
            Assert.True(YamlReaders.Type11(scalar) == "float", $"YAML 1.1 reads {yaml.Trim()} as {YamlReaders.Type11(scalar)}");
            Assert.Equal(value, YamlReaders.Number(scalar));
        }
    }

    [Fact]
    public void A_key_longer_than_YAML_allows_implicitly_is_written_as_an_explicit_key()
    {
        var key = "x-" + new string('a', 1500);
        var yaml = YamlWriter.Write(new YamlMapping().Add("headers", new YamlMapping().Add(key, new YamlMapping().Add("exact", "v"))).Add("next", new YamlSequence().Add(new YamlMapping().Add(key, "w"))));
        Assert.Contains("? \"" + key + "\"\n", yaml);
        var map = Parse(yaml, key);
        var headers = (YamlMappingNode)map.Children[new YamlScalarNode("headers")];
        Assert.Equal(key, ((YamlScalarNode)headers.Children.Keys.Single()).Value);
        Assert.Equal("v", ((YamlScalarNode)((YamlMappingNode)headers.Children.Values.Single()).Children[new YamlScalarNode("exact")]).Value);
        var item = (YamlMappingNode)((YamlSequenceNode)map.Children[new YamlScalarNode("next")]).Children.Single();
        Assert.Equal("w", ((YamlScalarNode)item.Children[new YamlScalarNode(key)]).Value);
    }

    [Theory]
    [InlineData("<<"), InlineData("="), InlineData(".5_5"), InlineData("1E-05"), InlineData("1_000"), InlineData("0b101"), InlineData("12:30:00"), InlineData("2001-12-14t21:59:43.10-05:00"), InlineData("Yes"), InlineData("~")]
    public void Scalars_that_YAML_1_1_types_are_quoted(string text)
    {
        var yaml = YamlWriter.Write(new YamlMapping().Add(text, text));
        Assert.Equal(YamlWriter.Quote(text) + ": " + YamlWriter.Quote(text) + "\n", yaml);
    }

    private static YamlMappingNode Parse(string yaml, string context)
    {
        try
        {
            return (YamlMappingNode)YamlTree.ParseSingle(yaml);
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            throw new Xunit.Sdk.XunitException($"'{Escape(context)}' made YAML that does not parse ({ex.Message}):\n{yaml}");
        }
    }

    private static string Escape(string? s) => s is null ? "(null)" : string.Concat(s.Select(c => c < 0x20 || c > 0x7e ? $"\\u{(int)c:x4}" : c.ToString()));
}
