using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
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
        Tagged = !scalar.Tag.IsEmpty;
    }

    public string Value { get; }

    public ScalarStyle Style { get; }

    /// <summary>Written with an explicit tag (<c>!!str null</c>), so its plain spelling does not decide its type.</summary>
    public bool Tagged { get; }

    /// <summary>YAML's null: an empty or <c>~</c> or <c>null</c> plain scalar, as Kubernetes decodes it.</summary>
    public bool IsNull => Style == ScalarStyle.Plain && !Tagged && Value is "" or "~" or "null" or "Null" or "NULL";

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
/// Builds <see cref="SourceNode"/> trees from YamlDotNet's parser events, one per document, without recursion (so no input can
/// overflow the stack here). It refuses, as a <see cref="SourceTreeException"/> at the node at fault: nesting deeper than the
/// readers recurse, a key written twice in one mapping, an alias to an anchor not defined before it or inside the node its anchor names (a loop), and aliases that expand
/// a document past <see cref="MaxExpansion"/> nodes (the "billion laughs"). YamlDotNet's <see cref="YamlException"/> reports
/// YAML that does not parse.
/// </summary>
internal static class SourceTree
{
    /// <summary>How many nodes aliases may add to a document, beyond those written: far more than any real manifest repeats.</summary>
    public const long MaxExpansion = 1_000_000;

    public static List<SourceNode> Load(string text, int maxDepth)
    {
        var parser = new Parser(new StringReader(text));
        var documents = new List<SourceNode>();
        // Each anchor's node, or null while the node it names is still open: an alias refers to the last anchor before it.
        var anchors = new Dictionary<string, SourceNode?>(StringComparer.Ordinal);
        // Children of the containers being built, flat; each open container remembers where its own start.
        var pending = new List<SourceNode>();
        var open = new Stack<(NodeEvent Start, int First)>();
        var written = 0L;
        while (parser.MoveNext())
        {
            SourceNode? done = null;
            switch (parser.Current)
            {
                case DocumentStart:
                    anchors.Clear();
                    written = 0;
                    continue;
                case Scalar scalar:
                    done = Anchored(new SourceScalar(scalar), scalar, anchors);
                    break;
                case AnchorAlias alias:
                    if (!anchors.TryGetValue(alias.Value.Value, out done))
                    {
                        throw new SourceTreeException(alias.Start, $"the alias *{alias.Value.Value} names no anchor defined before it");
                    }

                    if (done is null) throw new SourceTreeException(alias.Start, $"the alias *{alias.Value.Value} is inside the node its anchor names");
                    break;
                case MappingStart or SequenceStart:
                    if (open.Count >= maxDepth)
                    {
                        throw new SourceTreeException(parser.Current.Start, $"the YAML nests deeper than {maxDepth.ToString(CultureInfo.InvariantCulture)} levels");
                    }

                    var start = (NodeEvent)parser.Current;
                    if (!start.Anchor.IsEmpty) anchors[start.Anchor.Value] = null;
                    open.Push((start, pending.Count));
                    continue;
                case MappingEnd or SequenceEnd:
                    var (container, first) = open.Pop();
                    var children = pending.GetRange(first, pending.Count - first).ToArray();
                    pending.RemoveRange(first, pending.Count - first);
                    if (container is MappingStart) CheckKeys(children);
                    done = Anchored(container is MappingStart ? new SourceMap(container.Start, children) : new SourceList(container.Start, children), container, anchors);
                    break;
                default:
                    continue;
            }

            if (parser.Current is not AnchorAlias) written++;
            if (done.Expanded - written > MaxExpansion)
            {
                throw new SourceTreeException(parser.Current.Start, $"aliases expand this document by more than {MaxExpansion.ToString(CultureInfo.InvariantCulture)} nodes");
            }

            if (open.Count == 0) documents.Add(done);
            else pending.Add(done);
        }

        return documents;
    }

    internal static long Total(SourceNode[] children)
    {
        var total = 1L;
        foreach (var child in children) total = Math.Min(total + child.Expanded, long.MaxValue / 2);
        return total;
    }

    /// <summary>
    /// Names <paramref name="node"/> by its anchor, unless a node inside it took the same anchor since: that one is then the
    /// last before whatever follows, as YAML places an anchor where its node starts.
    /// </summary>
    private static SourceNode Anchored(SourceNode node, NodeEvent start, Dictionary<string, SourceNode?> anchors)
    {
        if (start.Anchor.IsEmpty) return node;
        var name = start.Anchor.Value;
        if (start is Scalar || (anchors.TryGetValue(name, out var current) && current is null)) anchors[name] = node;
        return node;
    }

    /// <summary>A strict decode refuses a mapping that names a field twice (YamlDotNet's own tree did too).</summary>
    private static void CheckKeys(SourceNode[] entries)
    {
        if (entries.Length <= 16)
        {
            for (var i = 2; i < entries.Length; i += 2)
            {
                if (entries[i] is not SourceScalar key) continue;
                for (var j = 0; j < i; j += 2)
                {
                    if (entries[j] is SourceScalar other && other.Value == key.Value) throw Duplicate(key);
                }
            }

            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Length; i += 2)
        {
            if (entries[i] is SourceScalar key && !seen.Add(key.Value)) throw Duplicate(key);
        }
    }

    private static SourceTreeException Duplicate(SourceScalar key) => new(new Mark(0, key.Line, key.Column), $"the key '{key.Value}' is written twice in this mapping");
}

/// <summary>
/// One file's documents, parsed once for every reader of the file (Istio's resources, workloads, hosts), or why it could not be
/// read and where (1-based). Never throws on its input.
/// </summary>
internal sealed class SourceFile
{
    private SourceFile(IReadOnlyList<SourceNode> documents, string? error, int errorLine, int errorColumn)
    {
        Documents = documents;
        Error = error;
        ErrorLine = errorLine;
        ErrorColumn = errorColumn;
    }

    public IReadOnlyList<SourceNode> Documents { get; }

    public string? Error { get; }

    public int ErrorLine { get; }

    public int ErrorColumn { get; }

    public static SourceFile Load(string text, int maxDepth)
    {
        try
        {
            return new SourceFile(SourceTree.Load(text, maxDepth), null, 0, 0);
        }
        catch (SourceTreeException refused)
        {
            return Failed(refused.Message, refused.Start);
        }
        catch (YamlException ex)
        {
            return Failed(ex.Message, ex.Start);
        }
#pragma warning disable CA1031 // YamlDotNet throws more than YamlException on broken input; a file that cannot be read is a problem, never a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new SourceFile(Array.Empty<SourceNode>(), "the YAML cannot be read: " + ex.GetType().Name + ": " + ex.Message, 1, 1);
        }
    }

    private static SourceFile Failed(string message, Mark at) => new(Array.Empty<SourceNode>(), message, (int)at.Line, (int)at.Column);
}

/// <summary>YAML that parses but that the front end refuses to read (<see cref="SourceTree"/> says which), at the node at fault.</summary>
#pragma warning disable CA1032, CA1064 // Internal, thrown and caught within the YAML front end only.
internal sealed class SourceTreeException : Exception
#pragma warning restore CA1032, CA1064
{
    public SourceTreeException(Mark start, string message)
        : base(message) => Start = start;

    public Mark Start { get; }
}
