using System;
using System.Diagnostics;

namespace MeshDsl;

/// <summary><c>retries</c> of an <see cref="HttpRouteAttribute"/> rule.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class RetriesAttribute : Attribute
{
    /// <param name="attempts">Retries allowed (0 disables Istio's default of 2).</param>
    public RetriesAttribute(int attempts) => Attempts = attempts;

    public int Attempts { get; }

    /// <summary><c>perTryTimeout</c>: an Istio duration such as <c>"2s"</c>.</summary>
    public string? PerTryTimeout { get; set; }

    /// <summary><c>retryOn</c>, in this order. A status code is written as a cast: <c>(RetryOn)503</c> or <see cref="RetryOn.Status503"/>.</summary>
    public RetryOn[]? RetryOn { get; set; }

    /// <summary><c>retryRemoteLocalities</c>.</summary>
    public bool RetryRemoteLocalities { get; set; }
}
