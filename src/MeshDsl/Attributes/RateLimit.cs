using System;
using System.Diagnostics;

namespace MeshDsl;

/// <summary>
/// A local rate limit: a token bucket in each proxy (Envoy's <c>envoy.filters.http.local_ratelimit</c>). On a
/// <see cref="GatewayAttribute"/> class it limits what the gateway's pods accept (context GATEWAY); on a
/// <see cref="MeshServiceAttribute"/> class, what each of the service's sidecars lets in (SIDECAR_INBOUND). MeshDsl emits the
/// EnvoyFilter, selecting the gateway's or the service's pods. Each proxy has its own bucket: N replicas admit N times the rate.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class LocalRateLimitAttribute : Attribute
{
    /// <param name="maxTokens">The bucket's size: the burst a proxy admits at once.</param>
    /// <param name="fillInterval">How often the bucket is refilled, an Istio duration of at least 50ms (<c>"60s"</c>).</param>
    public LocalRateLimitAttribute(int maxTokens, string fillInterval)
    {
        MaxTokens = maxTokens;
        FillInterval = fillInterval;
    }

    public int MaxTokens { get; }

    public string FillInterval { get; }

    /// <summary>Tokens added at each fill; <see cref="MaxTokens"/> when not set ("MaxTokens requests per FillInterval").</summary>
    public int TokensPerFill { get; set; }

    /// <summary>The EnvoyFilter's name; <c>&lt;gateway or service&gt;-local-rate-limit</c> when not set.</summary>
    public string? Name { get; set; }

    /// <summary>The prefix of the filter's statistics; <c>http_local_rate_limiter</c> when not set.</summary>
    public string? StatPrefix { get; set; }

    /// <summary>
    /// The percentage of requests the filter sees (<c>filter_enabled</c>), 0-100; 100 when not set. Envoy's own default is 0%,
    /// a filter that does nothing, which MeshDsl never writes by accident.
    /// </summary>
    public int FilterEnabledPercent { get; set; }

    /// <summary>The percentage of limited requests actually rejected (<c>filter_enforced</c>), 0-100; 100 when not set. 0 only counts them.</summary>
    public int FilterEnforcedPercent { get; set; }

    /// <summary>Headers set on the responses of rejected requests, as <c>name=value</c> pairs.</summary>
    public string[]? ResponseHeaders { get; set; }

    /// <summary>The status of rejected requests, a 4xx or 5xx code; Envoy answers 429 when not set.</summary>
    public int StatusCode { get; set; }

    /// <summary>The EnvoyFilter's <c>priority</c>: its place among the EnvoyFilters patching the same proxies. Not written when not set.</summary>
    public int Priority { get; set; }
}

/// <summary>
/// A bucket of its own, on a rule with <see cref="LocalRateLimitAttribute"/>, for the requests whose descriptor entry is
/// <see cref="Key"/> = <see cref="Value"/>: a request header's value (<see cref="Header"/>), or the client's address
/// (key <c>remote_address</c>). Requests with other values share the rule's bucket.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class LocalRateLimitDescriptorAttribute : Attribute
{
    /// <param name="key">The descriptor entry's key: the header's descriptor key, or <c>remote_address</c>.</param>
    /// <param name="value">The value this bucket is for (a header value, a client address).</param>
    /// <param name="maxTokens">The bucket's size.</param>
    /// <param name="fillInterval">How often it is refilled, an Istio duration of at least 50ms.</param>
    public LocalRateLimitDescriptorAttribute(string key, string value, int maxTokens, string fillInterval)
    {
        Key = key;
        Value = value;
        MaxTokens = maxTokens;
        FillInterval = fillInterval;
    }

    public string Key { get; }

    public string Value { get; }

    public int MaxTokens { get; }

    public string FillInterval { get; }

    /// <summary>Tokens added at each fill; <see cref="MaxTokens"/> when not set.</summary>
    public int TokensPerFill { get; set; }

    /// <summary>The request header whose value is the entry's value; not set for <c>remote_address</c>.</summary>
    public string? Header { get; set; }
}
