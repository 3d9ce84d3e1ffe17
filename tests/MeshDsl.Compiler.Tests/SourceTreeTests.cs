using System.Text;
using MeshDsl.YamlFrontEnd;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.Tests;

/// <summary>
/// The YAML front end's own tree: the same nodes, values, styles and positions as YamlDotNet's representation model on any
/// YAML both accept, and a problem at its line, never a crash or a hang, for what the front end refuses.
/// </summary>
public class SourceTreeTests
{
    private static readonly int Count = int.TryParse(Environment.GetEnvironmentVariable("MESHDSL_FUZZ_MODELS"), out var n) ? n : 1500;

    [Fact]
    public void Random_YAML_builds_the_tree_YamlDotNets_representation_model_builds()
    {
        var random = new Random(20261203);
        var refusedByBoth = 0;
        for (var i = 0; i < Count; i++)
        {
            var text = RandomYaml(random);
            List<SourceNode>? ours = null;
            YamlStream? theirs = null;
            Exception? ourError = null, theirError = null;
            try
            {
                ours = SourceTree.Load(text, 64);
            }
            catch (Exception ex) when (ex is YamlException or SourceTreeException)
            {
                ourError = ex;
            }

            try
            {
                theirs = new YamlStream();
                theirs.Load(new StringReader(text));
            }
            catch (YamlException ex)
            {
                theirError = ex;
            }

            if (ourError is not null || theirError is not null)
            {
                Assert.True(ourError is not null && theirError is not null, $"one refused, one read:\n{text}\nours: {ourError?.Message}\ntheirs: {theirError?.Message}");
                refusedByBoth++;
                continue;
            }

            Assert.Equal(theirs!.Documents.Count, ours!.Count);
            for (var d = 0; d < ours.Count; d++) AssertSame(theirs.Documents[d].RootNode, ours[d], text);
        }

        // The generator writes broken YAML sometimes (a key twice, a tab), not mostly.
        Assert.InRange(refusedByBoth, 1, Count / 4);
    }

    [Theory]
    [InlineData("timeout: ~", true)]
    [InlineData("timeout: !!null ~", true)]
    [InlineData("timeout: !!null", true)]
    [InlineData("timeout:", true)]
    [InlineData("timeout: !!str null", false)]
    [InlineData("timeout: 'null'", false)]
    [InlineData("timeout: NULL", true)]
    public void Null_is_what_YAML_and_Kubernetes_decode_as_null(string entry, bool isNull)
    {
        var value = ((SourceMap)SourceTree.Load(entry, 64)[0]).Get("timeout");
        Assert.Equal(isNull, Assert.IsType<SourceScalar>(value).IsNull);
    }

    [Fact]
    public void A_tagged_key_is_the_field_its_text_names()
    {
        var result = Read("apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: a\nspec:\n  !!str hosts: [a.example.com]\n");
        Assert.Empty(result.Problems);
        Assert.Equal(new[] { "a.example.com" }, ((Model.VirtualService)Assert.Single(result.Resources)).Spec.Hosts.ToArray());
    }

    [Fact]
    public void A_key_written_twice_is_a_problem_at_the_second()
    {
        var result = Read("apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: a\nspec:\n  hosts: [a]\n  hosts: [b]\n");
        var problem = Assert.Single(result.Problems);
        Assert.Equal((7, 3), (problem.Position.Line, problem.Position.Column));
        Assert.Equal("the key 'hosts' is written twice in this mapping", problem.Message);
        Assert.Empty(result.Resources);
    }

    [Fact]
    public void An_alias_reads_the_value_of_its_anchor_and_an_alias_with_no_anchor_before_it_is_a_problem()
    {
        var shared = Read("apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: a\nspec:\n  hosts: &h [a.example.com]\n  gateways: *h\n");
        Assert.Empty(shared.Problems);
        var spec = ((Model.VirtualService)Assert.Single(shared.Resources)).Spec;
        Assert.Equal(new[] { "a.example.com" }, spec.Hosts.ToArray());
        Assert.Equal(new[] { "a.example.com" }, spec.Gateways.ToArray());

        var forward = Read("apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: a\nspec:\n  gateways: *h\n  hosts: &h [a.example.com]\n");
        var problem = Assert.Single(forward.Problems);
        Assert.Equal((6, 13), (problem.Position.Line, problem.Position.Column));
        Assert.Equal("the alias *h names no anchor defined before it", problem.Message);

        // An anchor names a node once it is complete: a node cannot hold itself.
        var loop = Read("apiVersion: networking.istio.io/v1\nkind: EnvoyFilter\nmetadata:\n  name: a\nspec: &s\n  configPatches: *s\n");
        Assert.Equal("the alias *s is inside the node its anchor names", Assert.Single(loop.Problems).Message);
    }

    [Fact]
    public void A_merge_key_is_a_problem_that_says_its_fields_are_not_read_not_an_unknown_field()
    {
        var result = Read("apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: a\nspec:\n  hosts: [a]\n  http:\n  - <<: {timeout: 10s}\n    route: [{destination: {host: a}}]\n  \"<<\": quoted\n");
        Assert.Equal(
            new[] { (8, "a YAML merge key: kubectl merges the fields it names, meshdsl does not read them; write them out"), (10, "unknown field (the API server would drop it)") },
            result.Problems.Select(p => (p.Position.Line, p.Message)).ToArray());
    }

    [Fact]
    public void Aliases_that_expand_a_document_past_the_limit_are_a_problem_not_a_hang()
    {
        // Ten levels of ten aliases each: 10^10 nodes once expanded, from a file of a few hundred bytes.
        var yaml = new StringBuilder("apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata:\n  name: lol\nspec:\n  configPatches:\n  - patch:\n      value:\n        l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 1; level <= 10; level++)
        {
            yaml.Append("        l").Append(level).Append(": &l").Append(level).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat("*l" + (level - 1), 10))).Append("]\n");
        }

        var result = Read(yaml.ToString());
        var problem = Assert.Single(result.Problems);
        Assert.Equal("aliases expand this document by more than 1000000 nodes", problem.Message);
        Assert.Empty(result.Resources);

        // Four levels (10^5 nodes) are within the limit, and read.
        var small = Read(string.Join("\n", yaml.ToString().Split('\n').Take(13)) + "\n");
        Assert.Empty(small.Problems);
        Assert.Single(small.Resources);
    }

    [Fact]
    public void Nesting_deeper_than_the_readers_recurse_is_a_problem_at_the_first_node_too_deep()
    {
        var result = Read("apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: a\nspec: " + new string('[', 100_000));
        var problem = Assert.Single(result.Problems);
        Assert.Equal("the YAML nests deeper than 100 levels", problem.Message);
        // The document's own mapping is the first level.
        Assert.Equal((5, 106), (problem.Position.Line, problem.Position.Column));
    }

    private static YamlReadResult Read(string text) => IstioYamlReader.Read("test.yaml", text, new YamlOrigins());

    private static void AssertSame(YamlNode expected, SourceNode actual, string text)
    {
        var where = $"at {expected.Start} in\n{text}";
        Assert.True((expected.Start.Line, expected.Start.Column) == (actual.Line, actual.Column), $"position {actual.Line}:{actual.Column} {where}");
        switch (expected)
        {
            case YamlScalarNode scalar:
                var ours = Assert.IsType<SourceScalar>(actual);
                Assert.True(scalar.Value == ours.Value, $"value '{ours.Value}' for '{scalar.Value}' {where}");
                Assert.True(scalar.Style == ours.Style, $"style {ours.Style} for {scalar.Style} {where}");
                Assert.True((scalar.Tag.IsEmpty ? string.Empty : scalar.Tag.Value) == ours.Tag, $"tag '{ours.Tag}' for '{scalar.Tag}' {where}");
                break;
            case YamlSequenceNode sequence:
                var list = Assert.IsType<SourceList>(actual);
                Assert.True(sequence.Children.Count == list.Items.Count, $"items {where}");
                for (var i = 0; i < list.Items.Count; i++) AssertSame(sequence.Children[i], list.Items[i], text);
                break;
            case YamlMappingNode mapping:
                var map = Assert.IsType<SourceMap>(actual);
                Assert.True(mapping.Children.Count == map.Count, $"entries {where}");
                var i2 = 0;
                foreach (var (key, value) in mapping.Children)
                {
                    AssertSame(key, map.Key(i2), text);
                    AssertSame(value, map.Value(i2), text);
                    i2++;
                }

                break;
            default:
                throw new Xunit.Sdk.XunitException($"unexpected {expected.GetType().Name} {where}");
        }
    }

    private static readonly string[] AnchorNames = { "a", "b", "c" };

    // The empty word last: a block scalar's first line takes any but it.
    private static readonly string[] Words = { "a", "b", "host", "name", "x y", "10s", "true", "~", "null", "-1", "1.5", "#c", "a:b", "k8s.io/x", "é", "\\u00e9", "" };

    /// <summary>Block and flow collections, every scalar style, tags, anchors and aliases (each after its anchor), comments, documents.</summary>
    private static string RandomYaml(Random random)
    {
        var sb = new StringBuilder();
        var anchors = new List<string>();
        var documents = 1 + random.Next(3);
        for (var d = 0; d < documents; d++)
        {
            if (d > 0 || random.Next(3) == 0) sb.Append("---").Append(random.Next(4) == 0 ? " # doc\n" : "\n");
            anchors.Clear();
            Block(sb, random, anchors, 0, 0);
        }

        if (random.Next(30) == 0) sb.Insert(random.Next(sb.Length), "\t");
        return sb.ToString();
    }

    private static void Block(StringBuilder sb, Random random, List<string> anchors, int indent, int depth)
    {
        var pad = new string(' ', indent);
        var entries = 1 + random.Next(4);
        var asList = random.Next(3) == 0;
        for (var i = 0; i < entries; i++)
        {
            sb.Append(pad);
            if (asList) sb.Append("- ");
            else sb.Append(Key(random, i)).Append(':');
            switch (depth > 4 ? 0 : random.Next(6))
            {
                case 0:
                case 1:
                    sb.Append(' ').Append(Scalar(random, anchors)).Append('\n');
                    break;
                case 2:
                    sb.Append(' ').Append(Flow(random, anchors, depth)).Append('\n');
                    break;
                case 3:
                    sb.Append(' ').Append(random.Next(2) == 0 ? "|" : ">").Append(random.Next(3) == 0 ? "-" : string.Empty).Append('\n')
                        .Append(pad).Append("    ").Append(Words[random.Next(Words.Length - 1)]).Append('\n')
                        .Append(pad).Append("    ").Append(Words[random.Next(Words.Length)]).Append('\n');
                    break;
                default:
                    // A name may be anchored again, here or inside; an alias never points into a node still open (a loop).
                    var anchor = random.Next(4) == 0 ? AnchorNames[random.Next(AnchorNames.Length)] : null;
                    if (anchor is not null) anchors.Remove(anchor);
                    sb.Append(anchor is null ? string.Empty : " &" + anchor).Append(random.Next(5) == 0 ? " # note" : string.Empty).Append('\n');
                    var inside = new List<string>(anchors);
                    Block(sb, random, inside, indent + (asList ? 2 : 2 + random.Next(2)), depth + 1);
                    anchors.Clear();
                    anchors.AddRange(inside.Where(a => a != anchor));
                    if (anchor is not null) anchors.Add(anchor);
                    break;
            }
        }
    }

    private static string Flow(Random random, List<string> anchors, int depth)
    {
        var items = Enumerable.Range(0, random.Next(4)).Select(_ => depth < 3 && random.Next(4) == 0 ? Flow(random, anchors, depth + 1) : Scalar(random, anchors, flow: true));
        return random.Next(2) == 0
            ? "[" + string.Join(", ", items) + "]"
            : "{" + string.Join(", ", items.Select((v, i) => Key(random, i) + ": " + v)) + "}";
    }

    /// <summary>The key of a mapping's entry <paramref name="index"/>, plain or quoted; now and then a key written before.</summary>
    private static string Key(Random random, int index)
    {
        var key = "k" + (random.Next(200) == 0 ? random.Next(index + 1) : index);
        return random.Next(4) switch
        {
            0 => "\"" + key + "\"",
            1 => "'" + key + "'",
            _ => key,
        };
    }

    private static string Scalar(Random random, List<string> anchors, bool flow = false)
    {
        if (anchors.Count > 0 && random.Next(6) == 0) return "*" + anchors[random.Next(anchors.Count)];
        var word = Words[random.Next(Words.Length)];
        var scalar = random.Next(5) switch
        {
            0 => "\"" + word + "\"",
            1 => "'" + word.Replace("'", "''", StringComparison.Ordinal) + "'",
            2 => "!!str " + (word.Length == 0 || word.Contains(':', StringComparison.Ordinal) || word.Contains('#', StringComparison.Ordinal) ? "'" + word + "'" : word),
            _ => word.Length == 0 || word.Contains(':', StringComparison.Ordinal) || word.Contains('#', StringComparison.Ordinal) || word.Contains(' ', StringComparison.Ordinal) && flow ? "\"" + word + "\"" : word,
        };
        if (random.Next(8) == 0)
        {
            var anchor = AnchorNames[random.Next(AnchorNames.Length)];
            if (!anchors.Contains(anchor)) anchors.Add(anchor);
            return "&" + anchor + " " + scalar;
        }

        return scalar;
    }
}
