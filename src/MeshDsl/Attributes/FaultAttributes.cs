using System;
using System.Diagnostics;

namespace MeshDsl;

/// <summary><c>fault.delay</c> of an <see cref="HttpRouteAttribute"/> rule.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class FaultDelayAttribute : Attribute
{
    /// <param name="fixedDelay">An Istio duration such as <c>"5s"</c>.</param>
    public FaultDelayAttribute(string fixedDelay) => FixedDelay = fixedDelay;

    public string FixedDelay { get; }

    /// <summary><c>percentage.value</c> (0-100); a negative value leaves it out (all requests).</summary>
    public double Percentage { get; set; } = -1;
}

/// <summary><c>fault.abort</c> of an <see cref="HttpRouteAttribute"/> rule.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class FaultAbortAttribute : Attribute
{
    /// <param name="httpStatus">The status returned, for example 503.</param>
    public FaultAbortAttribute(int httpStatus) => HttpStatus = httpStatus;

    public int HttpStatus { get; }

    /// <summary><c>percentage.value</c> (0-100); a negative value leaves it out (all requests).</summary>
    public double Percentage { get; set; } = -1;
}
