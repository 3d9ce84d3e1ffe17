using System.Linq;
using MeshDsl.Helpers;
using MeshDsl.Model;

namespace MeshDsl.RateLimit;

/// <summary>A local (per-proxy) token bucket, in Envoy's terms: what a <c>[LocalRateLimit]</c> declares.</summary>
internal sealed record LocalRateLimitSettings(
    string StatPrefix,
    long MaxTokens,
    long TokensPerFill,
    string FillInterval,
    int FilterEnabledPercent,
    int FilterEnforcedPercent,
    EquatableArray<Label> ResponseHeaders,
    int? StatusCode)
{
    /// <summary>Buckets of their own for requests whose descriptor entry has a given key and value.</summary>
    public EquatableArray<LocalRateLimitDescriptor> Descriptors { get; init; } = EquatableArray<LocalRateLimitDescriptor>.Empty;
}

/// <summary>A local bucket for one descriptor entry (<c>key</c> = <c>value</c>), built by the route's action (a header, or the client's address).</summary>
internal sealed record LocalRateLimitDescriptor(string Key, string Value, long MaxTokens, long TokensPerFill, string FillInterval, string? Header);

/// <summary>
/// Envoy's <c>envoy.filters.http.local_ratelimit</c>: the HTTP filter an EnvoyFilter inserts, written from
/// <see cref="LocalRateLimitSettings"/>, and found again in any EnvoyFilter (C# or YAML) for the rules to read.
/// </summary>
internal static class LocalRateLimitFilter
{
    public const string FilterName = "envoy.filters.http.local_ratelimit";
    public const string TypeUrl = "type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit";
    public const string HttpConnectionManager = "envoy.filters.network.http_connection_manager";
    public const string Router = "envoy.filters.http.router";
    public const string DefaultStatPrefix = "http_local_rate_limiter";
    public const string EnabledRuntimeKey = "local_rate_limit_enabled";
    public const string EnforcedRuntimeKey = "local_rate_limit_enforced";

    /// <summary>The HTTP filter: its name and typed configuration.</summary>
    public static StructObject HttpFilter(LocalRateLimitSettings s) => new StructBuilder()
        .Add("name", FilterName)
        .Add("typed_config", TypedConfig(s))
        .Build();

    public static StructObject TypedConfig(LocalRateLimitSettings s) => new StructBuilder()
        .Add("@type", TypeUrl)
        .Add("stat_prefix", s.StatPrefix)
        .Add("token_bucket", Bucket(s.MaxTokens, s.TokensPerFill, s.FillInterval))
        .Add("filter_enabled", Fraction(EnabledRuntimeKey, s.FilterEnabledPercent))
        .Add("filter_enforced", Fraction(EnforcedRuntimeKey, s.FilterEnforcedPercent))
        .Add("response_headers_to_add", s.ResponseHeaders.IsEmpty ? null : StructBuilder.List(s.ResponseHeaders.Select(h => (StructValue)new StructBuilder()
            .Add("append_action", "OVERWRITE_IF_EXISTS_OR_ADD")
            .Add("header", new StructBuilder().Add("key", h.Key).Add("value", h.Value))
            .Build())))
        .Add("status", s.StatusCode is { } code
            ? new StructBuilder().Add("code", EnvoyHttpStatus.Name(code) is { } name ? new StructString(name) : StructBuilder.Number(code))
            : null)
        .Add("descriptors", s.Descriptors.IsEmpty ? null : StructBuilder.List(s.Descriptors.Select(d => (StructValue)new StructBuilder()
            .Add("entries", StructBuilder.List(new StructValue[] { new StructBuilder().Add("key", d.Key).Add("value", d.Value).Build() }))
            .Add("token_bucket", Bucket(d.MaxTokens, d.TokensPerFill, d.FillInterval))
            .Build())))
        .Build();

    private static StructBuilder Bucket(long maxTokens, long tokensPerFill, string fillInterval) =>
        new StructBuilder().Add("max_tokens", maxTokens).Add("tokens_per_fill", tokensPerFill).Add("fill_interval", fillInterval);

    /// <summary>
    /// The route's <c>rate_limits</c> that build the descriptors the buckets are for: one entry per distinct action (a request
    /// header under its key, or the client's address).
    /// </summary>
    public static StructList? RouteActions(LocalRateLimitSettings s)
    {
        var actions = s.Descriptors
            .Select(d => d.Header is { } header
                ? new RateLimitAction(RateLimitActionKind.RequestHeader, d.Key, null, header, null)
                : new RateLimitAction(RateLimitActionKind.RemoteAddress, d.Key, null, null, null))
            .Distinct()
            .Select(a => (System.Collections.Generic.IReadOnlyList<RateLimitAction>)new[] { a })
            .ToArray();
        return actions.Length == 0 ? null : (StructList)GlobalRateLimitFilter.RateLimits(actions)["rate_limits"]!;
    }

    /// <summary>A runtime fractional percent: a runtime key, and the default that applies while the key is unset.</summary>
    private static StructBuilder Fraction(string runtimeKey, int percent) => new StructBuilder()
        .Add("runtime_key", runtimeKey)
        .Add("default_value", new StructBuilder().Add("numerator", percent).Add("denominator", "HUNDRED"));

    /// <summary>
    /// Every local rate limit configuration in an EnvoyFilter: the filter an HTTP_FILTER patch inserts, and the per-route
    /// configuration an HTTP_ROUTE or VIRTUAL_HOST patch sets; each with Istio's path to it, from its patch.
    /// </summary>
    public static System.Collections.Generic.IEnumerable<(EnvoyConfigPatch Patch, string Path, StructValue Config)> Find(EnvoyFilter filter)
    {
        foreach (var patch in filter.Spec.ConfigPatches)
        {
            if (patch.Patch?.Value is not { } value) continue;
            if (patch.ApplyTo == "HTTP_FILTER" && value["typed_config"] is { } typed && (value["name"]?.Scalar == FilterName || typed["@type"]?.Scalar == TypeUrl))
            {
                yield return (patch, "patch.value.typed_config", typed);
            }
            else if (patch.ApplyTo is "HTTP_ROUTE" or "VIRTUAL_HOST" && value["typed_per_filter_config"]?[FilterName] is { } perRoute)
            {
                yield return (patch, "patch.value.typed_per_filter_config", perRoute);
            }
        }
    }
}
