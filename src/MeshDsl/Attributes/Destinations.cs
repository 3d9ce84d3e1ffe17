using System;
using System.Diagnostics;

namespace MeshDsl;

/// <summary>Base of a rule's destinations (<c>route[]</c>).</summary>
public abstract class RouteDestinationAttribute : Attribute
{
    /// <summary><c>weight</c>; left out when not set (a single destination gets all traffic).</summary>
    public int Weight { get; set; }

    /// <summary><c>destination.port.number</c>; left out when not set.</summary>
    public int Port { get; set; }
}

/// <summary>Routes to a subset or a service, named by its class: <c>[RouteTo&lt;Reviews.V2&gt;]</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class RouteToAttribute<TTarget> : RouteDestinationAttribute
    where TTarget : class
{
}

/// <summary>Routes to a subset or a service, named by its class: <c>[RouteTo(typeof(Ratings))]</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class RouteToAttribute : RouteDestinationAttribute
{
    public RouteToAttribute(Type target) => Target = target;

    public Type Target { get; }
}

/// <summary>Routes to a host outside the model (an external service, a ServiceEntry): the one place a plain string is accepted.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class RouteToHostAttribute : RouteDestinationAttribute
{
    public RouteToHostAttribute(string host) => Host = host;

    public string Host { get; }

    public string? Subset { get; set; }
}

/// <summary>Base of mirror destinations.</summary>
public abstract class MirrorDestinationAttribute : Attribute
{
    /// <summary>The share of requests mirrored, 0-100 (<c>mirrorPercentage</c> or <c>mirrors[].percentage</c>); all when not set.</summary>
    public double Percentage { get; set; }

    public int Port { get; set; }
}

/// <summary><c>mirror</c> and <c>mirrorPercentage</c>: copies requests to a subset or service, fire and forget.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class MirrorAttribute<TTarget> : MirrorDestinationAttribute
    where TTarget : class
{
}

/// <summary><c>mirror</c> and <c>mirrorPercentage</c>, by <c>typeof</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class MirrorAttribute : MirrorDestinationAttribute
{
    public MirrorAttribute(Type target) => Target = target;

    public Type Target { get; }
}

/// <summary><c>mirror</c> to a host outside the model.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class MirrorHostAttribute : MirrorDestinationAttribute
{
    public MirrorHostAttribute(string host) => Host = host;

    public string Host { get; }

    public string? Subset { get; set; }
}

/// <summary>One entry of <c>mirrors</c> (several mirror targets, each with its own percentage).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class MirrorToAttribute<TTarget> : MirrorDestinationAttribute
    where TTarget : class
{
}

/// <summary>One entry of <c>mirrors</c>, by <c>typeof</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class MirrorToAttribute : MirrorDestinationAttribute
{
    public MirrorToAttribute(Type target) => Target = target;

    public Type Target { get; }
}

/// <summary>One entry of <c>mirrors</c> to a host outside the model.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class MirrorToHostAttribute : MirrorDestinationAttribute
{
    public MirrorToHostAttribute(string host) => Host = host;

    public string Host { get; }

    public string? Subset { get; set; }
}

/// <summary><c>delegate</c>: hands the rule to another VirtualService (declared with <see cref="VirtualServiceAttribute"/>, no hosts).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class DelegateAttribute : Attribute
{
    public DelegateAttribute(Type target) => Target = target;

    public Type Target { get; }
}
