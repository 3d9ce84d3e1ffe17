using System;
using System.Collections.Generic;
using System.Globalization;
using MeshDsl.Helpers;
using MeshDsl.Model;

namespace MeshDsl.YamlFrontEnd;

/// <summary>
/// Reads one YAML mapping the way a strict API server decodes an object: typed getters, and every key the reader did not
/// ask for reported as an unknown field (the API server would drop it), every value of the wrong type as a problem.
/// </summary>
internal sealed class YamlMap
{
    private static readonly IReadOnlyList<SourceNode> NoItems = Array.Empty<SourceNode>();

    private readonly SourceMap? _node;
    private readonly bool[]? _read;
    private readonly YamlReadContext _context;

    // The field path is built only when something asks for it (a problem, an origin): most optional sections are absent.
    private readonly YamlMap? _parent;
    private readonly string _segment;
    private readonly int _index;
    private string? _path;

    public YamlMap(SourceNode? node, YamlReadContext context, string path)
        : this(node, context, null, path, -1)
    {
    }

    /// <param name="segment">The key under <paramref name="parent"/> (or the whole path, without one).</param>
    /// <param name="index">The element's index in the list at <paramref name="segment"/>, or -1.</param>
    private YamlMap(SourceNode? node, YamlReadContext context, YamlMap? parent, string segment, int index)
    {
        _context = context;
        _parent = parent;
        _segment = segment;
        _index = index;
        if (node is SourceMap map)
        {
            _node = map;
            _read = new bool[map.Count];
        }
        else if (node is not null && node is not SourceScalar { IsNull: true })
        {
            context.Problem(node, Path, Path.Length == 0 ? "the document: expected an object" : "expected an object");
        }

        Node = node;
    }

    public SourceNode? Node { get; }

    public string Path => _path ??= BuildPath();

    public bool Exists => _node is not null;

    public SourceRef Origin => Node is null ? SourceRef.None : _context.Origin(Node, Path);

    public IEnumerable<string> Keys
    {
        get
        {
            for (var i = 0; i < (_node?.Count ?? 0); i++)
            {
                if (_node!.Key(i) is SourceScalar key) yield return key.Value;
            }
        }
    }

    public SourceNode? Child(string key)
    {
        if (_node is null) return null;
        var i = _node.IndexOf(key);
        if (i < 0) return null;
        _read![i] = true;
        var value = _node.Value(i);
        return value is SourceScalar { IsNull: true } ? null : value;
    }

    public YamlMap Map(string key) => new(Child(key), _context, this, key, -1);

    public string? String(string key)
    {
        var node = Child(key);
        if (node is null) return null;
        if (node is SourceScalar s) return s.Value;
        _context.Problem(node, At(key), "expected a string");
        return null;
    }

    public int? Int(string key)
    {
        var node = Child(key);
        if (node is null) return null;
        if (node is SourceScalar s && long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value is >= int.MinValue and <= int.MaxValue)
        {
            return (int)value;
        }

        _context.Problem(node, At(key), $"expected an integer, found '{(node as SourceScalar)?.Value}'");
        return null;
    }

    public double? Double(string key)
    {
        var node = Child(key);
        if (node is null) return null;
        if (node is SourceScalar s && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        _context.Problem(node, At(key), $"expected a number, found '{(node as SourceScalar)?.Value}'");
        return null;
    }

    public bool? Bool(string key)
    {
        var node = Child(key);
        if (node is null) return null;
        if (node is SourceScalar { Value: "true" or "false" } s) return s.Value == "true";
        _context.Problem(node, At(key), $"expected true or false, found '{(node as SourceScalar)?.Value}'");
        return null;
    }

    public EquatableArray<string> Strings(string key)
    {
        var items = Items(key);
        if (items.Count == 0) return EquatableArray<string>.Empty;
        var result = new List<string>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is SourceScalar s) result.Add(s.Value);
            else _context.Problem(items[i], Element(key, i), "expected a string");
        }

        return result.ToEquatableArray();
    }

    public EquatableArray<int> Ints(string key)
    {
        var items = Items(key);
        if (items.Count == 0) return EquatableArray<int>.Empty;
        var result = new List<int>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is SourceScalar s && int.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)) result.Add(v);
            else _context.Problem(items[i], Element(key, i), "expected an integer");
        }

        return result.ToEquatableArray();
    }

    public IReadOnlyList<YamlMap> Maps(string key)
    {
        var items = Items(key);
        if (items.Count == 0) return Array.Empty<YamlMap>();
        var result = new YamlMap[items.Count];
        for (var i = 0; i < items.Count; i++) result[i] = new YamlMap(items[i], _context, this, key, i);
        return result;
    }

    /// <summary>A map of strings (labels, selectors, header operations), in document order.</summary>
    public EquatableArray<Label> Labels(string key)
    {
        if (EntriesOf(key, "expected a map of strings") is not { } map) return EquatableArray<Label>.Empty;
        var result = new List<Label>(map.Count);
        for (var i = 0; i < map.Count; i++)
        {
            if (map.Key(i) is SourceScalar k && map.Value(i) is SourceScalar v) result.Add(new Label(k.Value, v.Value));
            else _context.Problem(map.Value(i), At(key), "expected a map of strings");
        }

        return result.ToEquatableArray();
    }

    /// <summary>A map of integers (a WorkloadEntry's <c>ports</c>), in document order.</summary>
    public IReadOnlyList<(string Key, int Value)> IntEntries(string key)
    {
        if (EntriesOf(key, "expected a map of integers") is not { } map) return Array.Empty<(string, int)>();
        var result = new List<(string, int)>(map.Count);
        for (var i = 0; i < map.Count; i++)
        {
            if (map.Key(i) is SourceScalar k && map.Value(i) is SourceScalar v && int.TryParse(v.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            {
                result.Add((k.Value, n));
            }
            else
            {
                _context.Problem(map.Value(i), At(key), "expected a map of integers");
            }
        }

        return result;
    }

    /// <summary>A map of objects (<c>headers</c>, <c>queryParams</c>), each entry a key and its mapping.</summary>
    public IReadOnlyList<(string Key, YamlMap Value)> Entries(string key)
    {
        if (EntriesOf(key, "expected a map") is not { } map) return Array.Empty<(string, YamlMap)>();
        var result = new List<(string, YamlMap)>(map.Count);
        for (var i = 0; i < map.Count; i++)
        {
            if (map.Key(i) is SourceScalar k) result.Add((k.Value, new YamlMap(map.Value(i), _context, this, key + "." + k.Value, -1)));
        }

        return result;
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
        for (var i = 0; i < _node.Count; i++)
        {
            if (_read![i]) continue;
            _context.Problem(_node.Key(i), At(_node.KeyText(i)), _node.Key(i) is SourceScalar { Value: "<<", Style: YamlDotNet.Core.ScalarStyle.Plain, Tagged: false }
                ? "a YAML merge key: kubectl merges the fields it names, meshdsl does not read them; write them out"
                : "unknown field (the API server would drop it)");
        }
    }

    private string At(string key) => YamlOrigins.Join(Path, key);

    private string Element(string key, int index) => At(key) + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private string BuildPath()
    {
        if (_parent is null) return _segment;
        return _index < 0 ? _parent.At(_segment) : _parent.Element(_segment, _index);
    }

    private IReadOnlyList<SourceNode> Items(string key)
    {
        var node = Child(key);
        if (node is null) return NoItems;
        if (node is SourceList list) return list.Items;
        _context.Problem(node, At(key), "expected a list");
        return NoItems;
    }

    private SourceMap? EntriesOf(string key, string problem)
    {
        var node = Child(key);
        if (node is null) return null;
        if (node is SourceMap map) return map;
        _context.Problem(node, At(key), problem);
        return null;
    }
}
