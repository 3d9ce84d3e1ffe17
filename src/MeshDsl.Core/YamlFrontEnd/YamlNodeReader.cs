using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MeshDsl.Helpers;
using MeshDsl.Model;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.YamlFrontEnd;

/// <summary>Where a node of a YAML file starts: the file and the 1-based line and column.</summary>
internal readonly record struct YamlPosition(string File, int Line, int Column);

/// <summary>
/// A problem with the YAML itself (a field Istio does not have, a value of the wrong type), at its line, in the resource being
/// read (empty before its kind and name are known).
/// </summary>
internal sealed record YamlProblem(YamlPosition Position, string Message)
{
    public string Resource { get; init; } = string.Empty;

    /// <summary>Istio's field path of the value at fault, when the problem is one value's.</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>The message with the path it is about, for reports that show no path of their own.</summary>
    public string Text => Path.Length == 0 ? Message : Path + ": " + Message;
}

/// <summary>
/// Where a finding lands in YAML: the line and column of the field at fault (or of its node, where the field is not written),
/// the resource (<c>VirtualService shop/reviews</c>) and Istio's field path to what was found (<c>spec.http[2].retries.perTryTimeout</c>).
/// </summary>
internal readonly record struct YamlLocation(YamlPosition Position, string Resource, string Path);

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
    private readonly record struct Origin(YamlPosition Position, YamlNode Node, string Resource, string Path, int LineOffset, int ColumnOffset);

    public SourceRef Add(YamlPosition position, YamlNode node, string resource, string path, int lineOffset = 0, int columnOffset = 0)
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
        foreach (var segment in field.Length == 0 ? System.Array.Empty<string>() : field.Split('.'))
        {
            var (name, index) = Finding.SplitElement(segment);
            if (node is not YamlMappingNode map || Key(map, name) is not { } key) break;
            var value = map.Children[key];
            path = Join(path, key.Value ?? name);
            node = value;
            position = At(origin.Document, value is YamlScalarNode ? value : key, entry);
            if (index is not { } i) continue;
            if (value is YamlSequenceNode seq && i < seq.Children.Count)
            {
                node = seq.Children[i];
                path += "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                position = At(origin.Document, node, entry);
            }
            else if (value is YamlMappingNode entries && i < entries.Children.Count)
            {
                // An indexed map (labels, selectors written as "key=value" in C#): the entry's key.
                var pair = entries.Children.ElementAt(i);
                node = pair.Value;
                path = Join(path, (pair.Key as YamlScalarNode)?.Value ?? string.Empty);
                position = At(origin.Document, pair.Key, entry);
            }
            else
            {
                break;
            }
        }

        return new YamlLocation(position, entry.Resource, path);
    }

    internal static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    private Origin? Entry(SourceRef origin)
    {
        if (origin.Node < 0 || !_files.TryGetValue(origin.Document, out var nodes)) return null;
        lock (nodes) return origin.Node < nodes.Count ? nodes[origin.Node] : null;
    }

    private static YamlPosition At(string file, YamlNode node, Origin entry) => new(file, (int)node.Start.Line + entry.LineOffset, (int)node.Start.Column + entry.ColumnOffset);

    // Rules name fields in Istio's spelling; a few name the C# argument (PascalCase), so keys match ignoring case.
    private static YamlScalarNode? Key(YamlMappingNode map, string name) =>
        map.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => string.Equals(k.Value, name, System.StringComparison.Ordinal))
        ?? map.Children.Keys.OfType<YamlScalarNode>().FirstOrDefault(k => string.Equals(k.Value, name, System.StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Reads one YAML mapping the way a strict API server decodes an object: typed getters, and every key the reader did not
/// ask for reported as an unknown field (the API server would drop it), every value of the wrong type as a problem.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode? _node;
    private readonly HashSet<string> _read = new(System.StringComparer.Ordinal);
    private readonly YamlReadContext _context;

    public YamlMap(YamlNode? node, YamlReadContext context, string path)
    {
        _context = context;
        Path = path;
        if (node is YamlMappingNode map) _node = map;
        else if (node is not null && !IsNull(node)) context.Problem(node, path, path.Length == 0 ? "the document: expected an object" : "expected an object");
        Node = node;
    }

    public YamlNode? Node { get; }

    public string Path { get; }

    public bool Exists => _node is not null;

    public SourceRef Origin => Node is null ? SourceRef.None : _context.Origin(Node, Path);

    private string At(string key) => YamlOrigins.Join(Path, key);

    public IEnumerable<string> Keys => _node is null ? Enumerable.Empty<string>() : _node.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? string.Empty);

    public YamlNode? Child(string key)
    {
        _read.Add(key);
        return _node is not null && _node.Children.TryGetValue(new YamlScalarNode(key), out var value) && !IsNull(value) ? value : null;
    }

    public YamlMap Map(string key) => new(Child(key), _context, At(key));

    public string? String(string key)
    {
        var node = Child(key);
        if (node is null) return null;
        if (node is YamlScalarNode s) return s.Value ?? string.Empty;
        _context.Problem(node, At(key), $"expected a string");
        return null;
    }

    public int? Int(string key)
    {
        var node = Child(key);
        if (node is null) return null;
        if (node is YamlScalarNode s && long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value is >= int.MinValue and <= int.MaxValue)
        {
            return (int)value;
        }

        _context.Problem(node, At(key), $"expected an integer, found '{(node as YamlScalarNode)?.Value}'");
        return null;
    }

    public double? Double(string key)
    {
        var node = Child(key);
        if (node is null) return null;
        if (node is YamlScalarNode s && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        _context.Problem(node, At(key), $"expected a number, found '{(node as YamlScalarNode)?.Value}'");
        return null;
    }

    public bool? Bool(string key)
    {
        var node = Child(key);
        if (node is null) return null;
        if (node is YamlScalarNode { Value: "true" or "false" } s) return s.Value == "true";
        _context.Problem(node, At(key), $"expected true or false, found '{(node as YamlScalarNode)?.Value}'");
        return null;
    }

    public EquatableArray<string> Strings(string key) => Items(key).Select((n, i) =>
    {
        if (n is YamlScalarNode s) return s.Value ?? string.Empty;
        _context.Problem(n, $"{At(key)}[{i}]", $"expected a string");
        return null;
    }).OfType<string>().ToEquatableArray();

    public EquatableArray<int> Ints(string key) => Items(key).Select((n, i) =>
    {
        if (n is YamlScalarNode s && int.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)) return (int?)v;
        _context.Problem(n, $"{At(key)}[{i}]", $"expected an integer");
        return null;
    }).OfType<int>().ToEquatableArray();

    public IEnumerable<YamlMap> Maps(string key) => Items(key).Select((n, i) => new YamlMap(n, _context, $"{At(key)}[{i}]")).ToArray();

    /// <summary>A map of strings (labels, selectors, header operations), in document order.</summary>
    public EquatableArray<Label> Labels(string key)
    {
        var node = Child(key);
        if (node is null) return EquatableArray<Label>.Empty;
        if (node is not YamlMappingNode map)
        {
            _context.Problem(node, At(key), $"expected a map of strings");
            return EquatableArray<Label>.Empty;
        }

        var result = new List<Label>();
        foreach (var entry in map.Children)
        {
            if (entry.Key is YamlScalarNode k && entry.Value is YamlScalarNode v) result.Add(new Label(k.Value ?? string.Empty, v.Value ?? string.Empty));
            else _context.Problem(entry.Value, At(key), $"expected a map of strings");
        }

        return result.ToEquatableArray();
    }

    /// <summary>A map of integers (a WorkloadEntry's <c>ports</c>), in document order.</summary>
    public IEnumerable<(string Key, int Value)> IntEntries(string key)
    {
        var node = Child(key);
        if (node is null) return Enumerable.Empty<(string, int)>();
        if (node is not YamlMappingNode map)
        {
            _context.Problem(node, At(key), $"expected a map of integers");
            return Enumerable.Empty<(string, int)>();
        }

        var result = new List<(string, int)>();
        foreach (var entry in map.Children)
        {
            if (entry.Key is YamlScalarNode k && entry.Value is YamlScalarNode v && int.TryParse(v.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            {
                result.Add((k.Value ?? string.Empty, n));
            }
            else
            {
                _context.Problem(entry.Value, At(key), $"expected a map of integers");
            }
        }

        return result;
    }

    /// <summary>A map of objects (<c>headers</c>, <c>queryParams</c>), each entry a key and its mapping.</summary>
    public IEnumerable<(string Key, YamlMap Value)> Entries(string key)
    {
        var node = Child(key);
        if (node is null) return Enumerable.Empty<(string, YamlMap)>();
        if (node is not YamlMappingNode map)
        {
            _context.Problem(node, At(key), $"expected a map");
            return Enumerable.Empty<(string, YamlMap)>();
        }

        return map.Children.Where(e => e.Key is YamlScalarNode)
            .Select(e => (((YamlScalarNode)e.Key).Value ?? string.Empty, new YamlMap(e.Value, _context, $"{At(key)}.{((YamlScalarNode)e.Key).Value}")))
            .ToArray();
    }

    /// <summary>
    /// The value built from this object, once every field it read is known: the rest are reported as unknown
    /// (<paramref name="value"/>'s construction did the reading, so it is evaluated first).
    /// </summary>
    public T Checked<T>(T value)
    {
        ReportUnknown();
        return value;
    }

    /// <summary>Reports every key of this object that was not read: a field Istio's schema does not have here.</summary>
    public void ReportUnknown()
    {
        if (_node is null) return;
        foreach (var entry in _node.Children)
        {
            var key = (entry.Key as YamlScalarNode)?.Value ?? string.Empty;
            if (!_read.Contains(key)) _context.Problem(entry.Key, At(key), $"unknown field (the API server would drop it)");
        }
    }

    private IEnumerable<YamlNode> Items(string key)
    {
        var node = Child(key);
        if (node is null) return Enumerable.Empty<YamlNode>();
        if (node is YamlSequenceNode seq) return seq.Children;
        _context.Problem(node, At(key), $"expected a list");
        return Enumerable.Empty<YamlNode>();
    }

    private static bool IsNull(YamlNode node) => node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "" or "~" or "null" or "Null" or "NULL" };
}

/// <summary>What the readers of one file share: the file, its origin table and the problems found.</summary>
internal sealed class YamlReadContext
{
    public YamlReadContext(string file, YamlOrigins origins)
        : this(file, origins, new List<YamlProblem>(), 0, 0)
    {
    }

    private YamlReadContext(string file, YamlOrigins origins, List<YamlProblem> problems, int lineOffset, int columnOffset)
    {
        File = file;
        Origins = origins;
        Problems = problems;
        LineOffset = lineOffset;
        ColumnOffset = columnOffset;
    }

    public string File { get; }

    public YamlOrigins Origins { get; }

    public List<YamlProblem> Problems { get; }

    /// <summary>Where an embedded document (a ConfigMap's file, parsed on its own) starts in the file: its positions are shifted by this.</summary>
    public int LineOffset { get; }

    public int ColumnOffset { get; }

    /// <summary>A context for a document embedded in this file's text, starting <paramref name="lines"/> lines and <paramref name="columns"/> columns further.</summary>
    public YamlReadContext Embedded(int lines, int columns) => new(File, Origins, Problems, LineOffset + lines, ColumnOffset + columns) { Resource = Resource };

    public YamlPosition Position(YamlNode node) => new(File, (int)node.Start.Line + LineOffset, (int)node.Start.Column + ColumnOffset);

    /// <summary>The resource being read, as findings name it (<c>VirtualService shop/reviews</c>).</summary>
    public string Resource { get; set; } = string.Empty;

    public SourceRef Origin(YamlNode node, string path) => Origins.Add(Position(node), node, Resource, path, LineOffset, ColumnOffset);

    /// <param name="path">Istio's field path of the value at fault (<c>spec.http[0].timeout</c>).</param>
    public void Problem(YamlNode node, string path, string message) =>
        Problems.Add(new YamlProblem(Position(node), message) { Resource = Resource, Path = path });
}
