using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace MeshDsl.Helpers;

/// <summary>
/// An immutable array with value equality, so pipeline models that hold lists still compare by content
/// (ImmutableArray compares by reference, which would defeat the generator's caching).
/// </summary>
internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
    where T : IEquatable<T>
{
    public static readonly EquatableArray<T> Empty = new(ImmutableArray<T>.Empty);

    private readonly ImmutableArray<T> _items;

    public EquatableArray(ImmutableArray<T> items) => _items = items;

    public ImmutableArray<T> AsImmutableArray() => _items.IsDefault ? ImmutableArray<T>.Empty : _items;

    public int Count => AsImmutableArray().Length;

    public bool IsEmpty => Count == 0;

    public T this[int index] => AsImmutableArray()[index];

    public bool Equals(EquatableArray<T> other)
    {
        var left = AsImmutableArray();
        var right = other.AsImmutableArray();
        if (left == right) return true; // the same array: what the generator's caches hand on when nothing changed
        if (left.Length != right.Length) return false;
        for (var i = 0; i < left.Length; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(left[i], right[i])) return false;
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = 17;
        foreach (var item in AsImmutableArray())
        {
            hash = unchecked((hash * 31) + (item?.GetHashCode() ?? 0));
        }

        return hash;
    }

    public ImmutableArray<T>.Enumerator GetEnumerator() => AsImmutableArray().GetEnumerator();

    // The rules ask these of every list of every resource. As instance methods they win over LINQ's extension methods at
    // every call site, and walk the array in place: LINQ would box this struct and the array inside it, and allocate an
    // enumerator, on each call (rules-split in docs/performance.md).

    /// <summary>Whether the list has an item (LINQ's <c>Any()</c>).</summary>
    public bool Any() => !IsEmpty;

    /// <summary>Whether an item matches (LINQ's <c>Any(predicate)</c>).</summary>
    public bool Any(Func<T, bool> predicate)
    {
        foreach (var item in AsImmutableArray())
        {
            if (predicate(item)) return true;
        }

        return false;
    }

    /// <summary>Whether every item matches (LINQ's <c>All(predicate)</c>).</summary>
    public bool All(Func<T, bool> predicate)
    {
        foreach (var item in AsImmutableArray())
        {
            if (!predicate(item)) return false;
        }

        return true;
    }

    /// <summary>Whether the list holds an equal item (LINQ's <c>Contains(value)</c>).</summary>
    public bool Contains(T value) => AsImmutableArray().IndexOf(value) >= 0;

    /// <summary>The first matching item, or the default (LINQ's <c>FirstOrDefault(predicate)</c>).</summary>
    public T? FirstOrDefault(Func<T, bool> predicate)
    {
        foreach (var item in AsImmutableArray())
        {
            if (predicate(item)) return item;
        }

        return default;
    }

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)AsImmutableArray()).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)AsImmutableArray()).GetEnumerator();

    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    public static implicit operator EquatableArray<T>(ImmutableArray<T> items) => new(items);
}

internal static class EquatableArray
{
    public static int FindIndex<T>(this System.Collections.Immutable.ImmutableArray<T> items, Func<T, bool> predicate)
    {
        for (var i = 0; i < items.Length; i++)
        {
            if (predicate(items[i])) return i;
        }

        return -1;
    }

    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
        where T : IEquatable<T> => items switch
        {
            ICollection<T> { Count: 0 } => EquatableArray<T>.Empty,
            _ => new(items.ToImmutableArray()),
        };
}
