using System;
using System.Diagnostics;

namespace MeshDsl;

/// <summary>
/// <c>trafficPolicy.outlierDetection</c> (circuit breaking) of the service or of one subset.
/// Unset values (-1 for counts and percents, null for durations) are left out of the manifest.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class OutlierDetectionAttribute : Attribute
{
    public int Consecutive5xxErrors { get; set; } = -1;
    public int ConsecutiveGatewayErrors { get; set; } = -1;
    public int ConsecutiveLocalOriginFailures { get; set; } = -1;
    public bool SplitExternalLocalOriginErrors { get; set; }

    /// <summary>An Istio duration such as <c>"10s"</c>.</summary>
    public string? Interval { get; set; }

    /// <summary>An Istio duration such as <c>"30s"</c>.</summary>
    public string? BaseEjectionTime { get; set; }

    public int MaxEjectionPercent { get; set; } = -1;
    public int MinHealthPercent { get; set; } = -1;
}
