using System;
using System.Diagnostics;

namespace MeshDsl;

/// <summary>
/// Marks a class nested in a <see cref="MeshServiceAttribute"/> class as one HTTP rule of the service's
/// VirtualService. Rules keep declaration order (first match wins); <see cref="Order"/> overrides it.
/// A rule with no match attribute matches all traffic.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class HttpRouteAttribute : Attribute
{
    /// <summary>The rule's <c>name</c> in the manifest (optional).</summary>
    public string? Name { get; set; }

    /// <summary>Explicit position among the service's rules; rules without it follow in declaration order.</summary>
    public int Order { get; set; } = int.MaxValue;

    /// <summary><c>timeout</c>: an Istio duration such as <c>"10s"</c>.</summary>
    public string? Timeout { get; set; }
}
