using MeshDsl.Helpers;
using MeshDsl.Model;

namespace MeshDsl.RateLimit;

// envoyproxy/ratelimit's configuration file (rls_conf.proto, as config_impl.go loads it), field for field.

/// <summary>The limits of one domain: what the rate limit service counts, keyed on the descriptors Envoy sends.</summary>
internal sealed record RateLimitConfig(string Domain, EquatableArray<RateLimitDescriptor> Descriptors, SourceRef Origin);

/// <summary>
/// A descriptor entry: a key, optionally a value, the limit that applies to requests carrying it, and the entries that refine
/// it (the next entry of the same descriptor).
/// </summary>
internal sealed record RateLimitDescriptor(
    string Key,
    string? Value,
    RateLimitPolicy? RateLimit,
    bool? ShadowMode,
    bool? DetailedMetric,
    EquatableArray<RateLimitDescriptor> Descriptors,
    SourceRef Origin)
{
    /// <summary>How the service tells siblings apart: <c>key</c>, or <c>key_value</c> (config_impl.go's composite key).</summary>
    public string CompositeKey => string.IsNullOrEmpty(Value) ? Key : Key + "_" + Value;
}

/// <summary>A limit: so many requests per unit (second, minute, hour, day, week, month, year), or none.</summary>
internal sealed record RateLimitPolicy(string? Unit, long? RequestsPerUnit, bool? Unlimited, string? Name);
