using System;
using System.Collections.Generic;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MeshDsl.YamlFrontEnd;

/// <summary>
/// A node of a YAML file as the front end reads it: where it starts, and its value. Lighter than YamlDotNet's representation
/// model (no per-map dictionary, no marks kept), because every tree is kept until the findings are placed: at a thousand
/// services the model's tree cost a third of <c>meshdsl analyze</c>'s parse (docs/performance.md).
/// </summary>
internal abstract class SourceNode
{
    protected SourceNode(Mark start)
    {
        Line = (int)start.Line;
        Column = (int)start.Column;
    }

    /// <summary>1-based, as YamlDotNet counts.</summary>
    public int Line { get; }

    public int Column { get; }

    /// <summary>How many nodes this one stands for with every alias under it expanded: what a reader walking it visits.</summary>
    internal long Expanded { get; private protected set; } = 1;
}

internal sealed class SourceScalar : SourceNode
{
    public SourceScalar(Scalar scalar)
        : base(scalar.Start)
    {
        Value = scalar.Value;
        Style = scalar.Style;
        Tag = scalar.Tag.IsEmpty ? string.Empty : scalar.Tag.Value;
    }

    public string Value { get; }

    public ScalarStyle Style { get; }

    /// <summary>The explicit tag, resolved (<c>tag:yaml.org,2002:str</c> for <c>!!str</c>), or empty.</summary>
    public string Tag { get; }

    /// <summary>Written with an explicit tag (<c>!!str null</c>), so its plain spelling does not decide its type.</summary>
    public bool Tagged => Tag.Length > 0;

    /// <summary>YAML's null, as Kubernetes decodes it: tagged <c>!!null</c>, or an empty, <c>~</c> or <c>null</c> plain scalar with no tag.</summary>
    public bool IsNull => Tag == NullTag || (Style == ScalarStyle.Plain && !Tagged && Value is "" or "~" or "null" or "Null" or "NULL");

    private const string NullTag = "tag:yaml.org,2002:null";

    public override string ToString() => Value;
}

/// <summary>A mapping, its entries in document order. Keys are looked up by scan: Istio's objects have a handful each.</summary>
internal sealed class SourceMap : SourceNode
{
    private readonly SourceNode[] _entries;

    /// <param name="entries">Keys and values alternating.</param>
    public SourceMap(Mark start, SourceNode[] entries)
        : base(start)
    {
        _entries = entries;
        Expanded = SourceTree.Total(entries);
    }

    public int Count => _entries.Length / 2;

    public SourceNode Key(int index) => _entries[2 * index];

    public SourceNode Value(int index) => _entries[(2 * index) + 1];

    /// <summary>The text of the key at <paramref name="index"/>; empty for a key that is not a scalar (<c>? [a, b]</c>).</summary>
    public string KeyText(int index) => (_entries[2 * index] as SourceScalar)?.Value ?? string.Empty;

    /// <summary>The index of the entry whose key is <paramref name="key"/>, or -1.</summary>
    public int IndexOf(string key, StringComparison comparison = StringComparison.Ordinal)
    {
        for (var i = 0; i < _entries.Length; i += 2)
        {
            if (_entries[i] is SourceScalar k && string.Equals(k.Value, key, comparison)) return i / 2;
        }

        return -1;
    }

    public SourceNode? Get(string key) => IndexOf(key) is var i and >= 0 ? Value(i) : null;
}

internal sealed class SourceList : SourceNode
{
    public SourceList(Mark start, SourceNode[] items)
        : base(start)
    {
        Items = items;
        Expanded = SourceTree.Total(items);
    }

    public IReadOnlyList<SourceNode> Items { get; }
}

/// <summary>
/// Lookups for the readers that take what a document has and pass over the rest without a word (workloads, routing test
/// cases); Istio's resources are read through <see cref="YamlMap"/>, which reports what it does not expect.
/// </summary>
internal static class SourceLookups
{
    /// <summary>The value of <paramref name="key"/>, when <paramref name="node"/> is a mapping that has it.</summary>
    public static SourceNode? Field(this SourceNode? node, string key) => (node as SourceMap)?.Get(key);

    /// <summary>The text of <paramref name="key"/>'s value, when it is a scalar.</summary>
    public static string? Text(this SourceNode? node, string key) => (node.Field(key) as SourceScalar)?.Value;
}
