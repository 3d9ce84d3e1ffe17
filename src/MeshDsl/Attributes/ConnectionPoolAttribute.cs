using System;
using System.Diagnostics;

namespace MeshDsl;

/// <summary>
/// <c>trafficPolicy.connectionPool</c> of the service (on the service class) or of one subset (on the subset class).
/// Unset values (0, null, <see cref="H2UpgradePolicy.Unspecified"/>) are left out of the manifest.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class ConnectionPoolAttribute : Attribute
{
    /// <summary><c>tcp.maxConnections</c>.</summary>
    public int MaxConnections { get; set; }

    /// <summary><c>tcp.connectTimeout</c>, an Istio duration such as <c>"100ms"</c>.</summary>
    public string? ConnectTimeout { get; set; }

    /// <summary><c>http.http1MaxPendingRequests</c>.</summary>
    public int Http1MaxPendingRequests { get; set; }

    /// <summary><c>http.http2MaxRequests</c>.</summary>
    public int Http2MaxRequests { get; set; }

    /// <summary><c>http.maxRequestsPerConnection</c>.</summary>
    public int MaxRequestsPerConnection { get; set; }

    /// <summary><c>http.maxRetries</c>.</summary>
    public int MaxRetries { get; set; }

    /// <summary><c>http.idleTimeout</c>, an Istio duration.</summary>
    public string? IdleTimeout { get; set; }

    /// <summary><c>http.h2UpgradePolicy</c>.</summary>
    public H2UpgradePolicy H2UpgradePolicy { get; set; }
}
