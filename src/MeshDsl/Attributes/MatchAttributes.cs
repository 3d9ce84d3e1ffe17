using System;
using System.Diagnostics;

namespace MeshDsl;

/// <summary>
/// Base of the match conditions of an <see cref="HttpRouteAttribute"/> rule. Conditions with the same
/// <see cref="Block"/> form one <c>match</c> entry and are ANDed; different blocks are ORed, in block order.
/// Exactly one of <see cref="Exact"/>, <see cref="Prefix"/> and <see cref="Regex"/> is expected.
/// </summary>
public abstract class MatchAttribute : Attribute
{
    /// <summary>The match block (the index of the <c>match</c> entry) this condition belongs to.</summary>
    public int Block { get; set; }

    public string? Exact { get; set; }
    public string? Prefix { get; set; }

    /// <summary>An RE2 regular expression.</summary>
    public string? Regex { get; set; }
}

/// <summary><c>match[].headers.&lt;name&gt;</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class MatchHeaderAttribute : MatchAttribute
{
    /// <param name="name">The header name (lower case, as Envoy sees it).</param>
    public MatchHeaderAttribute(string name) => Name = name;

    public string Name { get; }
}

/// <summary><c>match[].uri</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class MatchUriAttribute : MatchAttribute
{
}

/// <summary><c>match[].method</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class MatchMethodAttribute : MatchAttribute
{
    public MatchMethodAttribute() { }

    /// <summary>An exact method, the common case: <c>[MatchMethod(HttpMethod.Get)]</c>.</summary>
    public MatchMethodAttribute(HttpMethod method) => Exact = method.ToString().ToUpperInvariant();
}
