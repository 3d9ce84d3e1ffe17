using System.Text;
using MeshDsl.Yaml;

namespace MeshDsl.Tests.Support;

/// <summary>Renders the writer's own tree in <see cref="YamlTree.Canonical"/>'s form, to prove the text parses back to it.</summary>
internal static class ModelTree
{
    public static string Canonical(MeshDsl.Yaml.YamlNode node)
    {
        var sb = new StringBuilder();
        Write(sb, node, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, MeshDsl.Yaml.YamlNode node, int depth)
    {
        var pad = new string(' ', depth * 2);
        switch (node)
        {
            case YamlMapping map:
                foreach (var entry in map.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    sb.Append(pad).Append(entry.Key).Append(":\n");
                    Write(sb, entry.Value, depth + 1);
                }

                break;
            case YamlSequence seq:
                for (var i = 0; i < seq.Items.Count; i++)
                {
                    sb.Append(pad).Append('[').Append(i).Append("]\n");
                    Write(sb, seq.Items[i], depth + 1);
                }

                break;
            case YamlScalar scalar:
                sb.Append(pad).Append('=').Append(scalar.Text).Append('\n');
                break;
        }
    }
}
