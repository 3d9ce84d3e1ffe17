using System.Globalization;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.Tests.Support;

/// <summary>
/// Canonical YAML trees for comparison: mappings with sorted keys, sequences in order, scalars as their text.
/// Key order and quoting style are deliberately not part of the tree (the seed fixtures are compared that way).
/// </summary>
internal static class YamlTree
{
    /// <summary>Every document of a YAML stream, parsed with YamlDotNet.</summary>
    public static IReadOnlyList<YamlNode> Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Select(d => d.RootNode).ToArray();
    }

    public static YamlNode ParseSingle(string text)
    {
        var docs = Parse(text);
        Assert.True(docs.Count == 1, $"Expected one YAML document, found {docs.Count}.");
        return docs[0];
    }

    /// <summary>A canonical, indented rendering: equal strings mean equal trees.</summary>
    public static string Canonical(YamlNode node)
    {
        var sb = new StringBuilder();
        Write(sb, node, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, YamlNode node, int depth)
    {
        var pad = new string(' ', depth * 2);
        switch (node)
        {
            case YamlMappingNode map:
                var keys = map.Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value!).ToArray();
                Assert.True(keys.Distinct().Count() == keys.Length, "Duplicate mapping key in " + string.Join(",", keys));
                foreach (var entry in map.Children.OrderBy(e => ((YamlScalarNode)e.Key).Value, StringComparer.Ordinal))
                {
                    sb.Append(pad).Append(((YamlScalarNode)entry.Key).Value).Append(":\n");
                    Write(sb, entry.Value, depth + 1);
                }

                break;
            case YamlSequenceNode seq:
                var i = 0;
                foreach (var item in seq.Children)
                {
                    sb.Append(pad).Append('[').Append(i++).Append("]\n");
                    Write(sb, item, depth + 1);
                }

                break;
            case YamlScalarNode scalar:
                sb.Append(pad).Append('=').Append(scalar.Value).Append('\n');
                break;
        }
    }

    /// <summary>
    /// What a Kubernetes client (YAML 1.1 resolution, the strictest of the readers in use) takes a scalar for, in the
    /// schema's words: string, null, boolean, integer or number (<see cref="YamlReaders.Type11"/>).
    /// </summary>
    public static string Resolve(YamlScalarNode scalar) => YamlReaders.Type11(scalar) switch
    {
        "bool" => "boolean",
        "int" => "integer",
        "float" => "number",
        var other => other,
    };

    public static bool TryInteger(YamlScalarNode scalar, out long value) =>
        long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
