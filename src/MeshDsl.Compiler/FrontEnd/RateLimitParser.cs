using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using MeshDsl.Helpers;
using MeshDsl.Model;
using MeshDsl.RateLimit;

namespace MeshDsl.FrontEnd;

/// <summary>
/// Reads <c>[LocalRateLimit]</c> (on a gateway, a service or a rule, with its <c>[LocalRateLimitDescriptor]</c>s) into the
/// EnvoyFilters that insert Envoy's local rate limit filter and give routes their buckets.
/// </summary>
internal static class RateLimitParser
{
    /// <summary>
    /// C# takes Istio's notation (<c>"1m"</c>, <c>"500ms"</c>), as everywhere else; Envoy's configuration takes protobuf's JSON form
    /// (<c>"60s"</c>, <c>"0.5s"</c>). What does not parse is kept as written, for MESH602 to report at the argument.
    /// </summary>
    internal static string EnvoyDuration(string? text) =>
        text is not null && Istio.IstioDuration.TryParseGo(text, out var nanoseconds) ? ProtoDuration.Format(nanoseconds) : text ?? string.Empty;

    /// <param name="owner">The gateway's or service's name and namespace: the EnvoyFilter's default name, and its namespace.</param>
    /// <param name="selector">The pods the gateway or service runs on: the EnvoyFilter's workload selector.</param>
    /// <param name="context">GATEWAY or SIDECAR_INBOUND.</param>
    public static EnvoyFilter? Local(AttributeReader[] attributes, string sourceType, ObjectMeta owner, ImmutableArray<Label> selector, string context)
    {
        var a = ParseContext.Find(attributes, AttributeNames.LocalRateLimit);
        if (a.MetadataName.Length == 0) return null;
        var origin = new SourceRef(sourceType, a.Index);
        var settings = Settings(a);
        var patch = new EnvoyConfigPatch(
            "HTTP_FILTER",
            new EnvoyPatchMatch(context, null, RouterListener(), null, null, null),
            new EnvoyPatch("INSERT_BEFORE", LocalRateLimitFilter.HttpFilter(settings), null),
            origin);
        var name = ParseContext.NullIfEmpty(a.String("Name")) ?? owner.Name + "-local-rate-limit";
        return new EnvoyFilter(new ObjectMeta(name, owner.Namespace), origin,
            new EnvoyFilterSpec(selector, EquatableArray<PolicyTargetReference>.Empty, new[] { patch }.ToEquatableArray(), a.Int("Priority"), origin));
    }

    /// <summary>
    /// <c>[LocalRateLimit]</c> on the HTTP rules of a VirtualService: for each, an EnvoyFilter that inserts the filter without a
    /// bucket of its own (so only the routes that have one are limited) and gives the route, matched by its name, its bucket.
    /// The proxies are the gateway's, for a VirtualService bound to gateways (the EnvoyFilter then lives in the gateway's
    /// namespace, where its pods are), else the clients' sidecars in the VirtualService's namespace.
    /// </summary>
    /// <param name="virtualHost">
    /// The clients' virtual host of the service (<c>reviews.shop.svc.cluster.local:9080</c>), when its namespace and port are
    /// known: the route is then matched within it, not wherever a route of that name is.
    /// </param>
    public static IEnumerable<EnvoyFilter> PerRoute(INamedTypeSymbol owner, ObjectMeta vs, ImmutableArray<string> gateways, AttributeReader declaration, ParseContext context, string? virtualHost = null)
    {
        var gateway = declaration.Types("Gateways").Select(t => ParseContext.Find(ParseContext.Read(t), AttributeNames.Gateway)).FirstOrDefault(g => g.MetadataName.Length > 0);
        var gatewaySelector = gateway.MetadataName is { Length: > 0 } ? ParseContext.Labels(gateway.Strings("Selector")) : ImmutableArray<Label>.Empty;
        var gatewayNamespace = gateway.MetadataName is { Length: > 0 } ? ParseContext.NullIfEmpty(gateway.String("Namespace")) : vs.Namespace;
        foreach (var nested in ParseContext.NestedInOrder(owner))
        {
            var attributes = ParseContext.Read(nested);
            var route = ParseContext.Find(attributes, AttributeNames.HttpRoute);
            var a = ParseContext.Find(attributes, AttributeNames.LocalRateLimit);
            if (route.MetadataName.Length == 0) continue;
            if (a.MetadataName.Length == 0)
            {
                foreach (var orphan in attributes.Where(x => x.MetadataName == AttributeNames.LocalRateLimitDescriptor))
                {
                    context.Report(RuleIds.MisplacedAttribute, new SourceRef(ParseContext.TypeName(nested), orphan.Index), string.Empty, "LocalRateLimitDescriptor", nested.Name,
                        "a rule without [LocalRateLimit]: a descriptor's bucket belongs to the rule's local rate limit");
                }

                continue;
            }

            var sourceType = ParseContext.TypeName(nested);
            var origin = new SourceRef(sourceType, a.Index);
            if (ParseContext.NullIfEmpty(route.String("Name")) is not { } routeName)
            {
                context.Report(RuleIds.MisplacedAttribute, origin, string.Empty, "LocalRateLimit", nested.Name,
                    "an HTTP rule without a Name: Envoy's route is found by the rule's name; give the [HttpRoute] a Name");
                continue;
            }

            var viaGateway = gateways.Any(g => g != "mesh");
            var matchContext = viaGateway ? "GATEWAY" : "SIDECAR_OUTBOUND";
            var settings = Settings(a) with { Descriptors = LocalDescriptors(attributes, sourceType, context) };
            var filterOnly = new StructBuilder()
                .Add("name", LocalRateLimitFilter.FilterName)
                .Add("typed_config", new StructBuilder().Add("@type", LocalRateLimitFilter.TypeUrl).Add("stat_prefix", settings.StatPrefix))
                .Build();
            var patches = new[]
            {
                new EnvoyConfigPatch("HTTP_FILTER", new EnvoyPatchMatch(matchContext, null, RouterListener(), null, null, null),
                    new EnvoyPatch("INSERT_BEFORE", filterOnly, null), origin),
                new EnvoyConfigPatch("HTTP_ROUTE",
                    new EnvoyPatchMatch(matchContext, null, null, new RouteConfigurationMatch(null, null, null, new VirtualHostMatch(viaGateway ? null : virtualHost, null, new RouteMatch(routeName, null)), null), null, null),
                    new EnvoyPatch("MERGE", new StructBuilder()
                        .Add("route", LocalRateLimitFilter.RouteActions(settings) is { } actions ? new StructBuilder().Add("rate_limits", actions) : null)
                        .Add("typed_per_filter_config", new StructBuilder().Add(LocalRateLimitFilter.FilterName, LocalRateLimitFilter.TypedConfig(settings)))
                        .Build(), null),
                    origin),
            };
            var name = ParseContext.NullIfEmpty(a.String("Name")) ?? vs.Name + "-" + routeName + "-local-rate-limit";
            yield return new EnvoyFilter(new ObjectMeta(name, viaGateway ? gatewayNamespace : vs.Namespace), origin,
                new EnvoyFilterSpec(viaGateway ? gatewaySelector : ImmutableArray<Label>.Empty, EquatableArray<PolicyTargetReference>.Empty, patches.ToEquatableArray(), a.Int("Priority"), origin));
        }
    }

    /// <summary>The rule's descriptor buckets; one whose header Envoy would reject is reported and left out.</summary>
    private static EquatableArray<LocalRateLimitDescriptor> LocalDescriptors(AttributeReader[] attributes, string sourceType, ParseContext context) => attributes
        .Where(a => a.MetadataName == AttributeNames.LocalRateLimitDescriptor)
        .Where(a => a.String("Header") is null || RateLimitActionParser.HeaderIsValid(a.String("Header"), new SourceRef(sourceType, a.Index), "Header", context))
        .Select(a =>
        {
            var max = a.Int("maxTokens") ?? 0;
            return new LocalRateLimitDescriptor(a.String("key") ?? string.Empty, a.String("value") ?? string.Empty, max, a.Int("TokensPerFill") ?? max,
                EnvoyDuration(a.String("fillInterval")), ParseContext.NullIfEmpty(a.String("Header")));
        })
        .ToEquatableArray();

    /// <summary>The HTTP connection manager's router: rate limit filters go just before it.</summary>
    internal static ListenerMatch RouterListener() =>
        new(null, null, new FilterChainMatch(null, null, null, null, new FilterMatch(LocalRateLimitFilter.HttpConnectionManager, LocalRateLimitFilter.Router), null, null), null, null);

    private static LocalRateLimitSettings Settings(AttributeReader a)
    {
        var maxTokens = a.Int("maxTokens") ?? 0;
        return new LocalRateLimitSettings(
            ParseContext.NullIfEmpty(a.String("StatPrefix")) ?? LocalRateLimitFilter.DefaultStatPrefix,
            maxTokens,
            a.Int("TokensPerFill") ?? maxTokens,
            EnvoyDuration(a.String("fillInterval")),
            a.Int("FilterEnabledPercent") ?? 100,
            a.Int("FilterEnforcedPercent") ?? 100,
            ParseContext.Labels(a.Strings("ResponseHeaders")),
            a.Int("StatusCode"));
    }
}
