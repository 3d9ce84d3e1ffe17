using System.Collections.Generic;
using MeshDsl.FrontEnd;
using MeshDsl.Helpers;

namespace MeshDsl.Generator;

/// <summary>
/// The declarations of a compilation spread over a fixed number of buckets, each the unit of one generated source.
/// Roslyn's driver does work and allocates for every entry of every pipeline step and every source on each run, even one
/// where nothing changed, so a step per declaration makes every keystroke cost in proportion to the mesh
/// (docs/performance.md). With a fixed number of buckets that cost stops growing with N; an edit to one declaration
/// re-emits its bucket, about N / <see cref="Count"/> declarations.
/// </summary>
internal sealed class DeclarationBuckets
{
    /// <summary>How many buckets (and at most how many manifest sources and accessor sources) a compilation has.</summary>
    public const int Count = 64;

    private volatile State? _last;

    /// <summary>
    /// The buckets of <paramref name="set"/>: the same instance as for the previous call when the set is the same, and
    /// each bucket whose declarations are all the same instances as before kept as it was, so the driver finds it equal
    /// by reference.
    /// </summary>
    public EquatableArray<Bucket> Of(DeclarationSet<MeshGenerator.Parsed> set)
    {
        var last = _last;
        if (last is not null && ReferenceEquals(last.Set, set)) return last.Buckets;

        var lists = new List<MeshGenerator.Parsed>?[Count];
        foreach (var item in set.Items) (lists[IndexOf(item.Declaration.TypeName)] ??= new()).Add(item);

        var buckets = new Bucket[Count];
        for (var i = 0; i < Count; i++)
        {
            var items = lists[i]?.ToEquatableArray() ?? EquatableArray<MeshGenerator.Parsed>.Empty;
            buckets[i] = last is not null && SameInstances(last.Buckets[i].Items, items) ? last.Buckets[i] : new Bucket(i, items);
        }

        var result = buckets.ToEquatableArray();
        _last = new State(set, result);
        return result;
    }

    /// <summary>
    /// A declaration's bucket, from its type name alone, the same on every machine and in every process (FNV-1a over the
    /// name's UTF-16 code units; <see cref="string.GetHashCode()"/> is randomized per process). Adding or removing a
    /// declaration changes only its own bucket.
    /// </summary>
    public static int IndexOf(string typeName)
    {
        var hash = 2166136261u;
        foreach (var c in typeName)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return (int)(hash % Count);
    }

    private static bool SameInstances(EquatableArray<MeshGenerator.Parsed> left, EquatableArray<MeshGenerator.Parsed> right)
    {
        if (left.Count != right.Count) return false;
        for (var i = 0; i < left.Count; i++)
        {
            if (!ReferenceEquals(left[i], right[i])) return false;
        }

        return true;
    }

    private sealed class State
    {
        public State(DeclarationSet<MeshGenerator.Parsed> set, EquatableArray<Bucket> buckets)
        {
            Set = set;
            Buckets = buckets;
        }

        public DeclarationSet<MeshGenerator.Parsed> Set { get; }

        public EquatableArray<Bucket> Buckets { get; }
    }
}

/// <summary>One bucket's parsed declarations, ordered by type name.</summary>
internal sealed record Bucket(int Index, EquatableArray<MeshGenerator.Parsed> Items);
