using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MeshDsl.YamlFrontEnd;

/// <summary>
/// Builds <see cref="SourceNode"/> trees from YamlDotNet's parser events, one per document, without recursion (so no input can
/// overflow the stack here). It refuses, as a <see cref="SourceTreeException"/> at the node at fault: nesting deeper than the
/// readers recurse, a key written twice in one mapping, an alias to an anchor not defined before it or inside the node its
/// anchor names (a loop), and aliases that expand a document past <see cref="MaxExpansion"/> nodes (the "billion laughs").
/// YamlDotNet's <see cref="YamlException"/> reports YAML that does not parse.
/// </summary>
internal static class SourceTree
{
    /// <summary>How many nodes aliases may add to a document, beyond those written: far more than any real manifest repeats.</summary>
    public const long MaxExpansion = 1_000_000;

    /// <summary>Far deeper than any Kubernetes object, far shallower than what overflows a thread's stack in the readers.</summary>
    public const int MaxDepth = 100;

    public static List<SourceNode> Load(string text, int maxDepth = MaxDepth)
    {
        var parser = new Parser(new StringReader(text));
        var documents = new List<SourceNode>();
        // Each anchor's node, or null while the node it names is still open: an alias refers to the last anchor before it.
        var anchors = new Dictionary<string, SourceNode?>(StringComparer.Ordinal);
        // Children of the containers being built, flat: each open container takes its own from where they start.
        var pending = new List<SourceNode>();
        // The containers still open, and where each one's children start in pending (two stacks: a stack of tuples is a
        // framework generic over a value type, which the tool's ReadyToRun image cannot hold precompiled).
        var open = new Stack<NodeEvent>();
        var firsts = new Stack<int>();
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
                    open.Push(start);
                    firsts.Push(pending.Count);
                    continue;
                case MappingEnd or SequenceEnd:
                    var container = open.Pop();
                    var first = firsts.Pop();
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

/// <summary>YAML that parses but that the front end refuses to read (<see cref="SourceTree"/> says which), at the node at fault.</summary>
#pragma warning disable CA1032, CA1064 // Internal, thrown and caught within the YAML front end only.
internal sealed class SourceTreeException : Exception
#pragma warning restore CA1032, CA1064
{
    public SourceTreeException(Mark start, string message)
        : base(message) => Start = start;

    public Mark Start { get; }
}
