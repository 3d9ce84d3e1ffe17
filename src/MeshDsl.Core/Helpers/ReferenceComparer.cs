using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace MeshDsl.Helpers;

/// <summary>
/// Object identity for records, whose equality is by value: two resources that read the same (two files declaring one
/// VirtualService) are still two objects of the mesh. netstandard2.0 has no <c>ReferenceEqualityComparer</c>.
/// </summary>
internal sealed class ReferenceComparer<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly ReferenceComparer<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
