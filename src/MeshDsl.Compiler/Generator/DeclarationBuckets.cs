using System.Collections.Generic;
using System.Runtime.CompilerServices;
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

    // By set: Roslyn shares one generator instance between the projects that reference the same analyzer file, so the
    // last set seen may be another project's.
    private readonly ConditionalWeakTable<DeclarationSet<MeshGenerator.Parsed>, State> _bySet = new();
    private volatile State? _last;

    /// <summary>
    /// The buckets of <paramref name="set"/>: the same instance for the same set, and each bucket whose declarations are
    /// all the same instances as in the last call's kept as it was, so the driver finds it equal by reference.
    /// </summary>
    public EquatableArray<Bucket> Of(DeclarationSet<MeshGenerator.Parsed> set)
    {
        if (_bySet.TryGetValue(set, out var known))
        {
            _last = known; // the next set of this project most likely follows this one
            return known.Buckets;
        }

        var last = _last;
        var lists = new List<MeshGenerator.Parsed>?[Count];
        foreach (var item in set.Items) (lists[IndexOf(item.Declaration.TypeName)] ??= new()).Add(item);

        var buckets = new Bucket[Count];
        for (var i = 0; i < Count; i++)
        {
            var items = lists[i]?.ToEquatableArray() ?? EquatableArray<MeshGenerator.Parsed>.Empty;
            buckets[i] = last is not null && SameInstances(last.Buckets[i].Items, items) ? last.Buckets[i] : new Bucket(i, items);
        }

        var state = new State(buckets.ToEquatableArray());
        _last = state;
        return _bySet.GetValue(set, _ => state).Buckets;
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
        public State(EquatableArray<Bucket> buckets) => Buckets = buckets;

        public EquatableArray<Bucket> Buckets { get; }
    }
}

/// <summary>One bucket's parsed declarations, ordered by type name.</summary>
internal sealed record Bucket(int Index, EquatableArray<MeshGenerator.Parsed> Items);
