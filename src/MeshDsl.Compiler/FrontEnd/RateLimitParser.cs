using System.Collections.Immutable;
using MeshDsl.Helpers;
using MeshDsl.Model;
using MeshDsl.RateLimit;

namespace MeshDsl.FrontEnd;

/// <summary>Reads <c>[LocalRateLimit]</c> into the EnvoyFilter that inserts Envoy's local rate limit filter.</summary>
internal static class RateLimitParser
{
    /// <summary>
    /// C# takes Istio's notation (<c>"1m"</c>, <c>"500ms"</c>), as everywhere else; Envoy's configuration takes protobuf's JSON form
    /// (<c>"60s"</c>, <c>"0.5s"</c>). What does not parse is kept as written, for MESH602 to report at the argument.
    /// </summary>
    private static string FillInterval(string? text) =>
        text is not null && Istio.IstioDuration.TryParseGo(text, out var nanoseconds) ? ProtoDuration.Format(nanoseconds) : text ?? string.Empty;

    /// <param name="owner">The gateway's or service's name and namespace: the EnvoyFilter's default name, and its namespace.</param>
    /// <param name="selector">The pods the gateway or service runs on: the EnvoyFilter's workload selector.</param>
    /// <param name="context">GATEWAY or SIDECAR_INBOUND.</param>
    public static EnvoyFilter? Local(AttributeReader[] attributes, string sourceType, ObjectMeta owner, ImmutableArray<Label> selector, string context)
    {
        var a = ParseContext.Find(attributes, AttributeNames.LocalRateLimit);
        if (a.MetadataName.Length == 0) return null;
        var origin = new SourceRef(sourceType, a.Index);
        var maxTokens = a.Int("maxTokens") ?? 0;
        var settings = new LocalRateLimitSettings(
            ParseContext.NullIfEmpty(a.String("StatPrefix")) ?? LocalRateLimitFilter.DefaultStatPrefix,
            maxTokens,
            a.Int("TokensPerFill") ?? maxTokens,
            FillInterval(a.String("fillInterval")),
            a.Int("FilterEnabledPercent") ?? 100,
            a.Int("FilterEnforcedPercent") ?? 100,
            ParseContext.Labels(a.Strings("ResponseHeaders")),
            a.Int("StatusCode"));
        var patch = new EnvoyConfigPatch(
            "HTTP_FILTER",
            new EnvoyPatchMatch(context, null, new ListenerMatch(null, null,
                new FilterChainMatch(null, null, null, null, new FilterMatch(LocalRateLimitFilter.HttpConnectionManager, LocalRateLimitFilter.Router), null, null), null, null), null, null, null),
            new EnvoyPatch("INSERT_BEFORE", LocalRateLimitFilter.HttpFilter(settings), null),
            origin);
        var name = ParseContext.NullIfEmpty(a.String("Name")) ?? owner.Name + "-local-rate-limit";
        return new EnvoyFilter(new ObjectMeta(name, owner.Namespace), sourceType,
            new EnvoyFilterSpec(selector, EquatableArray<PolicyTargetReference>.Empty, new[] { patch }.ToEquatableArray(), a.Int("Priority"), origin));
    }
}
