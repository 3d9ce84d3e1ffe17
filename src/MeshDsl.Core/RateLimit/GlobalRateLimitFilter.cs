using System.Collections.Generic;
using System.Linq;
using MeshDsl.Helpers;
using MeshDsl.Model;

namespace MeshDsl.RateLimit;

/// <summary>How a request produces one entry of a rate limit descriptor (Envoy's <c>RateLimit.Action</c>).</summary>
internal enum RateLimitActionKind
{
    RemoteAddress,
    RequestHeader,
    HeaderValueMatch,
    GenericKey,
    DestinationCluster,
    SourceCluster,
}

/// <summary>
/// One action: the descriptor entry it produces is <see cref="Key"/> and, when the action fixes it, <see cref="Value"/>
/// (a header's value, the client's address and the clusters are only known per request).
/// </summary>
internal sealed record RateLimitAction(RateLimitActionKind Kind, string Key, string? Value, string? Header, StringMatch? Match)
{
    /// <summary>The key Envoy gives an action's entry when it sets none of its own.</summary>
    public static string DefaultKey(RateLimitActionKind kind) => kind switch
    {
        RateLimitActionKind.RemoteAddress => "remote_address",
        RateLimitActionKind.HeaderValueMatch => "header_match",
        RateLimitActionKind.GenericKey => "generic_key",
        RateLimitActionKind.DestinationCluster => "destination_cluster",
        RateLimitActionKind.SourceCluster => "source_cluster",
        _ => string.Empty,
    };
}

/// <summary>
/// Envoy's <c>envoy.filters.http.ratelimit</c>, which asks a rate limit service (envoyproxy/ratelimit) before each request,
/// and the <c>rate_limits</c> actions that build the descriptors it sends: written for a <c>[RateLimitService]</c>, and found
/// again in any EnvoyFilter for the rules to compare with the service's configuration.
/// </summary>
internal static class GlobalRateLimitFilter
{
    public const string FilterName = "envoy.filters.http.ratelimit";
    public const string TypeUrl = "type.googleapis.com/envoy.extensions.filters.http.ratelimit.v3.RateLimit";

    /// <summary>Istio's name of a service port's outbound cluster, which every proxy has.</summary>
    public static string Cluster(string fqdn, int port) => "outbound|" + port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "||" + fqdn;

    public static StructObject HttpFilter(string domain, string fqdn, int grpcPort, bool failureModeDeny, string? timeout) => new StructBuilder()
        .Add("name", FilterName)
        .Add("typed_config", new StructBuilder()
            .Add("@type", TypeUrl)
            .Add("domain", domain)
            .Add("failure_mode_deny", new StructBool(failureModeDeny))
            .Add("timeout", timeout)
            .Add("rate_limit_service", new StructBuilder()
                .Add("grpc_service", new StructBuilder().Add("envoy_grpc", new StructBuilder().Add("cluster_name", Cluster(fqdn, grpcPort)).Add("authority", fqdn)))
                .Add("transport_api_version", "V3")))
        .Build();

    /// <summary>A virtual host's <c>rate_limits</c>: one entry per descriptor, each the list of actions that builds it.</summary>
    public static StructObject RateLimits(IEnumerable<IReadOnlyList<RateLimitAction>> descriptors) => new StructBuilder()
        .Add("rate_limits", StructBuilder.List(descriptors.Select(actions => (StructValue)new StructBuilder()
            .Add("actions", StructBuilder.List(actions.Select(Action)))
            .Build())))
        .Build();

    private static StructValue Action(RateLimitAction a)
    {
        var keyIfOwn = a.Key == RateLimitAction.DefaultKey(a.Kind) ? null : a.Key;
        return a.Kind switch
        {
            RateLimitActionKind.RemoteAddress => new StructBuilder().Add("remote_address", new StructObject(EquatableArray<StructField>.Empty)).Build(),
            RateLimitActionKind.RequestHeader => new StructBuilder().Add("request_headers", new StructBuilder().Add("header_name", a.Header).Add("descriptor_key", a.Key)).Build(),
            RateLimitActionKind.HeaderValueMatch => new StructBuilder().Add("header_value_match", new StructBuilder()
                .Add("descriptor_key", keyIfOwn)
                .Add("descriptor_value", a.Value)
                .Add("headers", StructBuilder.List(new[] { (StructValue)Header(a.Header!, a.Match) }))).Build(),
            RateLimitActionKind.GenericKey => new StructBuilder().Add("generic_key", new StructBuilder().Add("descriptor_key", keyIfOwn).Add("descriptor_value", a.Value)).Build(),
            RateLimitActionKind.DestinationCluster => new StructBuilder().Add("destination_cluster", new StructObject(EquatableArray<StructField>.Empty)).Build(),
            _ => new StructBuilder().Add("source_cluster", new StructObject(EquatableArray<StructField>.Empty)).Build(),
        };
    }

    /// <summary>Envoy's HeaderMatcher: a header present, or its value matched exactly, by prefix or by RE2 regex.</summary>
    private static StructObject Header(string name, StringMatch? match) => new StructBuilder()
        .Add("name", name)
        .Add(match is null ? "present_match" : "string_match", match is null
            ? new StructBool(true)
            : new StructBuilder().Add(match.Kind switch { StringMatchKind.Exact => "exact", StringMatchKind.Prefix => "prefix", _ => "safe_regex" },
                match.Kind == StringMatchKind.Regex ? new StructBuilder().Add("regex", match.Value).Build() : new StructString(match.Value)).Build())
        .Build();

    /// <summary>The domain an EnvoyFilter's rate limit filter asks for, if it inserts one.</summary>
    public static string? Domain(EnvoyFilter filter) => filter.Spec.ConfigPatches
        .Select(p => p.Patch?.Value)
        .Where(v => v?["name"]?.Scalar == FilterName || v?["typed_config"]?["@type"]?.Scalar == TypeUrl)
        .Select(v => v!["typed_config"]?["domain"]?.Scalar)
        .FirstOrDefault(d => d is not null);

    /// <summary>
    /// Every descriptor an EnvoyFilter's <c>rate_limits</c> build: the patch, the entry's path from it, and the entries in order
    /// (key, and value when the action fixes one; null when an action is not one of those modelled).
    /// </summary>
    public static IEnumerable<(EnvoyConfigPatch Patch, string Path, IReadOnlyList<(string Key, string? Value)>? Entries)> Descriptors(EnvoyFilter filter)
    {
        foreach (var patch in filter.Spec.ConfigPatches)
        {
            if (patch.Patch?.Value?["rate_limits"] is not StructList list) continue;
            for (var i = 0; i < list.Items.Count; i++)
            {
                var entries = new List<(string, string?)>();
                var known = true;
                if (list.Items[i]["actions"] is StructList actions)
                {
                    foreach (var action in actions.Items)
                    {
                        if (Entry(action) is { } entry) entries.Add(entry);
                        else known = false;
                    }
                }

                yield return (patch, "patch.value.rate_limits[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", known ? entries : null);
            }
        }
    }

    private static (string Key, string? Value)? Entry(StructValue action)
    {
        if (action["remote_address"] is not null) return ("remote_address", null);
        if (action["destination_cluster"] is not null) return ("destination_cluster", null);
        if (action["source_cluster"] is not null) return ("source_cluster", null);
        if (action["request_headers"] is { } headers) return (headers["descriptor_key"]?.Scalar ?? string.Empty, null);
        if (action["header_value_match"] is { } match) return (match["descriptor_key"]?.Scalar ?? "header_match", match["descriptor_value"]?.Scalar);
        if (action["generic_key"] is { } generic) return (generic["descriptor_key"]?.Scalar ?? "generic_key", generic["descriptor_value"]?.Scalar);
        return null;
    }
}
