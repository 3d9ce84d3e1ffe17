using System;
using System.Diagnostics;

namespace MeshDsl;

/// <summary>Base of the destinations of an <see cref="HttpRouteAttribute"/> rule (<c>route[]</c>).</summary>
public abstract class RouteDestinationAttribute : Attribute
{
    /// <summary><c>weight</c>; -1 leaves it out (a single destination gets all traffic).</summary>
    public int Weight { get; set; } = -1;

    /// <summary><c>destination.port.number</c>; 0 leaves it out.</summary>
    public int Port { get; set; }
}

/// <summary>
/// Routes to a subset, named by its class: <c>[RouteTo&lt;Reviews.V2&gt;]</c>. The host is the subset's service.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class RouteToAttribute<TSubset> : RouteDestinationAttribute
    where TSubset : class
{
}

/// <summary>
/// Routes to a subset or a whole service, named by its class: <c>[RouteTo(typeof(Ratings))]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class RouteToAttribute : RouteDestinationAttribute
{
    public RouteToAttribute(Type target) => Target = target;

    public Type Target { get; }
}

/// <summary>
/// Routes to a host outside the model (an external service, a ServiceEntry): the one place a plain string is accepted.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class RouteToHostAttribute : RouteDestinationAttribute
{
    public RouteToHostAttribute(string host) => Host = host;

    public string Host { get; }

    public string? Subset { get; set; }
}
