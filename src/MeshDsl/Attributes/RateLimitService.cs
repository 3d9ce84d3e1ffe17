using System;
using System.Diagnostics;

namespace MeshDsl;

/// <summary>
/// Declares a global rate limit service (envoyproxy/ratelimit) and its limits: MeshDsl emits its Deployment, the Service in
/// front of it and the ConfigMap holding its configuration. Each limit is a nested <see cref="RateLimitDescriptorAttribute"/>
/// class; a class nested in a descriptor class refines it (the descriptor's next entry).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class RateLimitServiceAttribute : Attribute
{
    /// <param name="name">The name of the Deployment, its Service and its pods' <c>app</c> label, for example <c>ratelimit</c>.</param>
    /// <param name="domain">The configuration's domain: the one Envoy's rate limit filter names in its requests.</param>
    /// <param name="image">The server's image, pinned by tag or digest (<c>envoyproxy/ratelimit:&lt;tag&gt;</c>).</param>
    public RateLimitServiceAttribute(string name, string domain, string image)
    {
        Name = name;
        Domain = domain;
        Image = image;
    }

    public string Name { get; }

    public string Domain { get; }

    public string Image { get; }

    public string? Namespace { get; set; }

    /// <summary>The Deployment's replicas; Kubernetes' default (1) when not set.</summary>
    public int Replicas { get; set; }

    /// <summary>The Redis the replicas share their counters in, <c>host:port</c> (<c>REDIS_URL</c>).</summary>
    public string? RedisUrl { get; set; }

    /// <summary>The ConfigMap holding the configuration; <c>&lt;name&gt;-config</c> when not set.</summary>
    public string? ConfigMapName { get; set; }

    /// <summary>
    /// Where the limits apply: <see cref="GatewayAttribute"/> classes (the gateway's pods) or <see cref="MeshServiceAttribute"/>
    /// classes (each sidecar of the service). Each gets an EnvoyFilter inserting Envoy's rate limit filter, asking this service,
    /// and the actions that build the descriptors of these limits. Without it, nothing asks the service and nothing is limited.
    /// </summary>
    public Type[]? ApplyTo { get; set; }

    /// <summary>Reject requests when the service cannot be asked (<c>failure_mode_deny</c>); requests go through when not set.</summary>
    public bool FailureModeDeny { get; set; }

    /// <summary>How long a proxy waits for the service, an Istio duration; Envoy's 20ms when not set.</summary>
    public string? Timeout { get; set; }

    /// <summary>The EnvoyFilters' <c>priority</c>; not written when not set.</summary>
    public int Priority { get; set; }
}

/// <summary>The descriptor entry is the client's address (<c>remote_address</c>); implied for a descriptor keyed <c>remote_address</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class FromRemoteAddressAttribute : Attribute
{
}

/// <summary>The descriptor entry is a request header's value (<c>request_headers</c>), under the descriptor's key.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class FromRequestHeaderAttribute : Attribute
{
    public FromRequestHeaderAttribute(string header) => Header = header;

    public string Header { get; }
}

/// <summary>
/// The descriptor entry is the descriptor's key and value when a request header matches (<c>header_value_match</c>): present,
/// or equal to <see cref="Exact"/>, starting with <see cref="Prefix"/>, or matching <see cref="Regex"/> (RE2). <c>:path</c> is the path.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class FromHeaderMatchAttribute : Attribute
{
    public FromHeaderMatchAttribute(string header) => Header = header;

    public string Header { get; }

    public string? Exact { get; set; }

    public string? Prefix { get; set; }

    public string? Regex { get; set; }
}

/// <summary>The descriptor entry is always the descriptor's key and value (<c>generic_key</c>): a limit on every request.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class FromGenericKeyAttribute : Attribute
{
}

/// <summary>
/// One limit of a <see cref="RateLimitServiceAttribute"/> service: requests whose descriptor carries this key (and value)
/// are limited to <see cref="RequestsPerUnit"/> per <see cref="Unit"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class RateLimitDescriptorAttribute : Attribute
{
    /// <param name="key">The descriptor key Envoy sends: <c>remote_address</c>, <c>header_match</c>, a request header's descriptor key...</param>
    public RateLimitDescriptorAttribute(string key) => Key = key;

    public string Key { get; }

    /// <summary>The value this entry is for; any value of the key when not set (each value counted on its own).</summary>
    public string? Value { get; set; }

    /// <summary>The unit of <see cref="RequestsPerUnit"/>; a descriptor without one sets no limit of its own (only its nested ones do).</summary>
    public RateLimitUnit Unit { get; set; }

    public int RequestsPerUnit { get; set; }

    /// <summary>Never limit requests with this descriptor (with no <see cref="Unit"/>).</summary>
    public bool Unlimited { get; set; }

    /// <summary>Count and report, but never reject: a limit being tried out.</summary>
    public bool ShadowMode { get; set; }

    /// <summary>Statistics per full descriptor value, not only per key.</summary>
    public bool DetailedMetric { get; set; }

    /// <summary>The limit's name, which other limits' <c>replaces</c> refer to.</summary>
    public string? Name { get; set; }
}

/// <summary>The unit of a global rate limit.</summary>
public enum RateLimitUnit
{
    Second = 1,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}
