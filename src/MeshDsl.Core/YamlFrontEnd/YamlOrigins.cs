using System.Collections.Generic;
using System.Globalization;
using MeshDsl.Model;

namespace MeshDsl.YamlFrontEnd;

/// <summary>
/// The YAML front end's origins: each model node's <see cref="SourceRef"/> names the file (<see cref="SourceRef.Document"/>)
/// and an index into that file's table (<see cref="SourceRef.Node"/>), where the node, its field path and its resource are kept, so a
/// finding's field can be followed to the exact line.
/// </summary>
internal sealed class YamlOrigins
{
    // One table per file, so files can be read in parallel.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<Origin>> _files = new(System.StringComparer.Ordinal);

    /// <summary>A node, where it is, and how its own positions are shifted (a document embedded in the file's text).</summary>
    private readonly record struct Origin(YamlPosition Position, SourceNode Node, string Resource, string Path, int LineOffset, int ColumnOffset);

    public SourceRef Add(YamlPosition position, SourceNode node, string resource, string path, int lineOffset = 0, int columnOffset = 0)
    {
        var nodes = _files.GetOrAdd(position.File, _ => new());
        lock (nodes)
        {
            nodes.Add(new Origin(position, node, resource, path, lineOffset, columnOffset));
            return new SourceRef(position.File, nodes.Count - 1);
        }
    }

    public YamlPosition? Find(SourceRef origin) => Entry(origin)?.Position;

    /// <summary>
    /// Follows <paramref name="field"/> (<c>perTryTimeout</c>, <c>hosts[1]</c>, <c>match.uri</c>) from the node as far as the YAML
    /// spells it: the path reported is always one the document has.
    /// </summary>
    public YamlLocation? Locate(SourceRef origin, string field)
    {
        if (Entry(origin) is not { } entry) return null;
        var node = entry.Node;
        var position = entry.Position;
        var path = entry.Path;
        if (path.Length == 0) field = InObject(node, field);
        foreach (var segment in field.Length == 0 ? System.Array.Empty<string>() : field.Split('.'))
        {
            var (name, index) = Finding.SplitElement(segment);
            if (node is not SourceMap map) break;
            var key = Key(map, name);
            if (key < 0) break;
            var value = map.Value(key);
            path = Join(path, map.KeyText(key));
            node = value;
            position = At(origin.Document, value is SourceScalar ? value : map.Key(key), entry);
            if (index is not { } i) continue;
            if (value is SourceList list && i < list.Items.Count)
            {
                node = list.Items[i];
                path += "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                position = At(origin.Document, node, entry);
            }
            else if (value is SourceMap entries && i < entries.Count)
            {
                // An indexed map (labels, selectors written as "key=value" in C#): the entry's key.
                node = entries.Value(i);
                path = Join(path, entries.KeyText(i));
                position = At(origin.Document, entries.Key(i), entry);
            }
            else
            {
                break;
            }
        }

        return new YamlLocation(position, entry.Resource, path);
    }

    internal static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    /// <summary>
    /// A field named from a whole resource (<c>name</c>, <c>hosts[1]</c>, as the rules name a resource's own fields) is the
    /// object's <c>spec.</c> or <c>metadata.</c> field in YAML, wherever the document has it.
    /// </summary>
    private static string InObject(SourceNode root, string field)
    {
        if (field.Length == 0 || root is not SourceMap map) return field;
        var first = Finding.SplitElement(field.Split('.')[0]).Name;
        if (Key(map, first) >= 0) return field;
        foreach (var part in new[] { "spec", "metadata" })
        {
            if (Key(map, part) is var at and >= 0 && map.Value(at) is SourceMap inner && Key(inner, first) >= 0) return part + "." + field;
        }

        return field;
    }

    private Origin? Entry(SourceRef origin)
    {
        if (origin.Node < 0 || !_files.TryGetValue(origin.Document, out var nodes)) return null;
        lock (nodes) return origin.Node < nodes.Count ? nodes[origin.Node] : null;
    }

    private static YamlPosition At(string file, SourceNode node, Origin entry) => new(file, node.Line + entry.LineOffset, node.Column + entry.ColumnOffset);

    // Rules name fields in Istio's spelling; a few name the C# argument (PascalCase), so keys match ignoring case.
    private static int Key(SourceMap map, string name) =>
        map.IndexOf(name) is var exact and >= 0 ? exact : map.IndexOf(name, System.StringComparison.OrdinalIgnoreCase);
}
