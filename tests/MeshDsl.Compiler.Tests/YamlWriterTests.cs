using MeshDsl.Tests.Support;
using MeshDsl.Yaml;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.Tests;

public class YamlWriterTests
{
    public static TheoryData<string> TrickyStrings => new()
    {
        "", " ", "true", "True", "yes", "no", "on", "off", "y", "n", "null", "~", "123", "0x1F", "0o17", "017", "1e3", "1.5",
        ".inf", "-.inf", ".nan", "1:20", "2001-12-14", "-", "- a", "? x", ": y", "a: b", "a #b", "#c", "*.example.com", "&x", "!x",
        "|", ">", "'", "\"", "%DOWNSTREAM_REMOTE_ADDRESS%", "@x", "`x", "[a]", "{a}", "a,b", "x\ny", "tab\there", "back\\slash",
        "trailing ", " leading", ".", "1.2.3", "-.5", "+1", "0.", "ünïcödé", "café:", "10s", "v1", ".*beta=true.*", "^/api/v[0-9]+/.*$", "gateway-error,connect-failure,503",
    };

    [Theory]
    [MemberData(nameof(TrickyStrings))]
    public void Every_string_reads_back_as_the_same_string(string text)
    {
        var yaml = YamlWriter.Write(new YamlMapping().Add("key", text));
        var node = (YamlMappingNode)YamlTree.ParseSingle(yaml);
        var scalar = (YamlScalarNode)node["key"];
        Assert.Equal(text, scalar.Value);
        Assert.Equal("string", YamlTree.Resolve(scalar));
    }

    [Fact]
    public void Plain_strings_stay_plain_so_the_yaml_reads_like_kubectl_output()
    {
        Assert.Equal("host: reviews\nretryOn: gateway-error,connect-failure\ntimeout: 10s\n",
            YamlWriter.Write(new YamlMapping().Add("host", "reviews").Add("retryOn", "gateway-error,connect-failure").Add("timeout", "10s")));
    }

    [Fact]
    public void Numbers_and_booleans_are_typed_and_doubles_keep_a_fraction()
    {
        var yaml = YamlWriter.Write(new YamlMapping().Add("weight", 90).Add("value", 50.0).Add("small", 0.1).Add("flag", true).Add("s", "50"));
        Assert.Equal("weight: 90\nvalue: 50.0\nsmall: 0.1\nflag: true\ns: \"50\"\n", yaml);
    }

    [Fact]
    public void Sequences_sit_at_their_key_and_nest_mappings_like_kubectl()
    {
        var root = new YamlMapping().Add("http", new YamlSequence()
            .Add(new YamlMapping().Add("route", new YamlSequence().Add(new YamlMapping().Add("destination", new YamlMapping().Add("host", "a")).Add("weight", 1))))
            .Add(YamlScalar.String("x")));
        Assert.Equal("http:\n- route:\n  - destination:\n      host: a\n    weight: 1\n- x\n", YamlWriter.Write(root));
    }
}
