using System;
using System.Diagnostics;

namespace MeshDsl;

/// <summary>
/// Declares a subset (a version) of the enclosing <see cref="MeshServiceAttribute"/> service.
/// Routes refer to it by type: <c>[RouteTo&lt;V2&gt;]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class SubsetAttribute : Attribute
{
    /// <param name="name">The subset name, for example <c>v1</c>.</param>
    public SubsetAttribute(string name) => Name = name;

    public string Name { get; }

    /// <summary>
    /// Pod labels that select the subset, as <c>key=value</c> pairs. When not set, the subset selects
    /// <c>version=&lt;name&gt;</c>.
    /// </summary>
    public string[]? Labels { get; set; }
}
