using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MeshDsl.Helpers;
using MeshDsl.Model;
using MeshDsl.RateLimit;
using Microsoft.CodeAnalysis;

namespace MeshDsl.FrontEnd;

/// <summary>
/// Reads a <c>[RateLimitService]</c> class into envoyproxy/ratelimit's Deployment, Service and ConfigMap, laid out as the
/// server expects them (its configuration under <c>RUNTIME_ROOT/RUNTIME_SUBDIRECTORY/config</c>, HTTP on 8080, gRPC on 8081).
/// </summary>
internal static class RateLimitServiceParser
{
    public const int HttpPort = 8080;
    public const int GrpcPort = 8081;
    private const string RuntimeRoot = "/data";
    private const string RuntimeSubdirectory = "ratelimit";
    private const string ConfigVolume = "config";

    public static CSharpDeclaration Parse(INamedTypeSymbol type, AttributeReader service)
    {
        var sourceType = ParseContext.TypeName(type);
        var origin = new SourceRef(sourceType, service.Index);
        var ns = ParseContext.NullIfEmpty(service.String("Namespace"));
        var context = new ParseContext(ns);
        var name = service.String("name") ?? string.Empty;
        var meta = new ObjectMeta(name, ns);
        var configMapName = ParseContext.NullIfEmpty(service.String("ConfigMapName")) ?? name + "-config";
        var app = ImmutableArray.Create(new Label("app", name));
        var chains = new List<(IReadOnlyList<RateLimitAction> Actions, SourceRef Origin)>();
        var config = new RateLimitConfig(service.String("domain") ?? string.Empty, Descriptors(type, new List<RateLimitAction?>(), chains, context), origin);

        var env = new List<Label> { new("REDIS_SOCKET_TYPE", "tcp") };
        if (ParseContext.NullIfEmpty(service.String("RedisUrl")) is { } redis) env.Add(new Label("REDIS_URL", redis));
        else context.Report(RuleIds.InvalidRateLimitConfig, origin, "RedisUrl", $"Rate limit service '{name}' has no RedisUrl: its replicas keep their counters in Redis and the server does not start without one");
        env.Add(new Label("RUNTIME_ROOT", RuntimeRoot));
        env.Add(new Label("RUNTIME_SUBDIRECTORY", RuntimeSubdirectory));

        var container = new Container(name, service.String("image") ?? string.Empty, ImmutableArray.Create(HttpPort, GrpcPort), null, null, null)
        {
            Env = env.ToEquatableArray(),
            VolumeMounts = new[] { new VolumeMount(ConfigVolume, RuntimeRoot + "/" + RuntimeSubdirectory + "/config") }.ToEquatableArray(),
        };
        var deployment = new K8sDeployment(meta, origin, new DeploymentSpec(service.Int("Replicas"), app, app, container, origin)
        {
            Volumes = new[] { new ConfigMapVolume(ConfigVolume, configMapName) }.ToEquatableArray(),
        });
        var k8sService = new K8sService(meta, origin, new ServiceSpec(app, ImmutableArray.Create(new ServicePort("http", HttpPort, null), new ServicePort("grpc", GrpcPort, null))));
        var configMap = new RateLimitConfigMap(new ObjectMeta(configMapName, ns), origin, "config.yaml", config);
        var resources = new List<Resource> { deployment, configMap, k8sService };
        resources.AddRange(Filters(service, config.Domain, name, ns, chains.Select(c => c.Actions).ToList(), origin, sourceType, context));
        return new CSharpDeclaration(sourceType, origin, DeclarationParser.Distinct(resources, context).ToEquatableArray(), context.Findings.ToEquatableArray());
    }

    /// <summary>
    /// For each class the limits apply to, an EnvoyFilter on its pods: Envoy's rate limit filter asking this service over gRPC,
    /// and the virtual hosts' <c>rate_limits</c> building a descriptor for each limit.
    /// </summary>
    private static IEnumerable<EnvoyFilter> Filters(AttributeReader service, string domain, string name, string? ns, IReadOnlyList<IReadOnlyList<RateLimitAction>> chains,
        SourceRef origin, string sourceType, ParseContext context)
    {
        var targets = service.Types("ApplyTo");
        if (targets.IsEmpty) yield break;
        if (ns is null)
        {
            context.Report(RuleIds.InvalidRateLimitConfig, origin, "Namespace", $"Rate limit service '{name}' is applied to gateways or services but names no namespace: their proxies reach it by its FQDN; set Namespace");
            yield break;
        }

        var fqdn = name + "." + ns + ".svc.cluster.local";
        var timeout = service.String("Timeout") is { } t ? RateLimitParser.EnvoyDuration(t) : null;
        var filter = GlobalRateLimitFilter.HttpFilter(domain, fqdn, GrpcPort, service.Bool("FailureModeDeny") == true, timeout);
        var seen = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        for (var i = 0; i < targets.Length; i++)
        {
            if (!seen.Add(targets[i]))
            {
                context.Report(RuleIds.Duplicate, origin, Finding.Element("ApplyTo", i), $"ApplyTo names {targets[i].Name} twice: its proxies get one rate limit filter; remove one");
                continue;
            }

            var attributes = ParseContext.Read(targets[i]);
            var gateway = ParseContext.Find(attributes, AttributeNames.Gateway);
            var mesh = ParseContext.Find(attributes, AttributeNames.MeshService);
            if (gateway.MetadataName.Length == 0 && mesh.MetadataName.Length == 0)
            {
                context.Report(RuleIds.UnknownReference, origin, Finding.Element("ApplyTo", i), targets[i].ToDisplayString(), "a [Gateway] or [MeshService] class: the rate limits apply to a gateway's pods or a service's sidecars");
                continue;
            }

            var target = gateway.MetadataName.Length > 0 ? gateway : mesh;
            var targetName = target.String("name") ?? string.Empty;
            var selector = gateway.MetadataName.Length > 0
                ? ParseContext.Labels(gateway.Strings("Selector"))
                : mesh.IsSet("Selector") ? ParseContext.Labels(mesh.Strings("Selector")) : ImmutableArray.Create(new Label("app", targetName));
            var match = gateway.MetadataName.Length > 0 ? "GATEWAY" : "SIDECAR_INBOUND";
            var patches = new List<EnvoyConfigPatch>
            {
                new("HTTP_FILTER",
                    new EnvoyPatchMatch(match, null, RateLimitParser.RouterListener(), null, null, null),
                    new EnvoyPatch("INSERT_BEFORE", filter, null), origin),
            };
            if (chains.Count > 0)
            {
                patches.Add(new EnvoyConfigPatch("VIRTUAL_HOST",
                    new EnvoyPatchMatch(match, null, null, new RouteConfigurationMatch(null, null, null, new VirtualHostMatch(null, null, new RouteMatch(null, "ANY")), null), null, null),
                    new EnvoyPatch("MERGE", GlobalRateLimitFilter.RateLimits(chains), null), origin));
            }

            yield return new EnvoyFilter(new ObjectMeta(name + "-" + targetName, ParseContext.NullIfEmpty(target.String("Namespace"))), origin,
                new EnvoyFilterSpec(selector, EquatableArray<PolicyTargetReference>.Empty, patches.ToEquatableArray(), service.Int("Priority"), origin));
        }
    }

    /// <summary>
    /// The descriptor classes nested in <paramref name="type"/>, in declaration order, each with its own nested ones; and, in
    /// <paramref name="chains"/>, the actions that build the descriptor of each limit (when every entry on its path has one).
    /// </summary>
    private static EquatableArray<RateLimitDescriptor> Descriptors(INamedTypeSymbol type, List<RateLimitAction?> path, List<(IReadOnlyList<RateLimitAction> Actions, SourceRef Origin)> chains, ParseContext context)
    {
        var result = new List<RateLimitDescriptor>();
        foreach (var nested in ParseContext.NestedInOrder(type))
        {
            var attributes = ParseContext.Read(nested);
            var d = ParseContext.Find(attributes, AttributeNames.RateLimitDescriptor);
            if (d.MetadataName.Length == 0) continue;
            var key = d.String("key") ?? string.Empty;
            var value = ParseContext.NullIfEmpty(d.String("Value"));
            path.Add(Action(attributes, key, value, ParseContext.TypeName(nested), context));
            var unit = d.Enum("Unit") is { } u ? Unit(u) : null;
            var limit = unit is not null || d.IsSet("RequestsPerUnit") || d.Bool("Unlimited") == true || d.IsSet("Name")
                ? new RateLimitPolicy(unit, d.Int("RequestsPerUnit"), d.Bool("Unlimited") == true ? true : null, ParseContext.NullIfEmpty(d.String("Name")))
                : null;
            var nodeOrigin = new SourceRef(ParseContext.TypeName(nested), d.Index);
            if (limit is not null && path.All(a => a is not null)) chains.Add((path.Select(a => a!).ToArray(), nodeOrigin));
            result.Add(new RateLimitDescriptor(
                key,
                value,
                limit,
                d.Bool("ShadowMode") == true ? true : null,
                d.Bool("DetailedMetric") == true ? true : null,
                Descriptors(nested, path, chains, context),
                nodeOrigin));
            path.RemoveAt(path.Count - 1);
        }

        return result.ToEquatableArray();
    }

    /// <summary>How a request produces this entry: the class's From* attribute, or what Envoy's own keys imply.</summary>
    /// <remarks>An action whose header Envoy would reject is reported and left out: its limit is then reached by nothing (MESH612).</remarks>
    private static RateLimitAction? Action(AttributeReader[] attributes, string key, string? value, string sourceType, ParseContext context)
    {
        foreach (var a in attributes)
        {
            var origin = new SourceRef(sourceType, a.Index);
            switch (a.MetadataName)
            {
                case AttributeNames.FromRemoteAddress: return new RateLimitAction(RateLimitActionKind.RemoteAddress, "remote_address", null, null, null);
                case AttributeNames.FromRequestHeader:
                    return RateLimitActionParser.HeaderIsValid(a.String("header"), origin, "header", context)
                        ? new RateLimitAction(RateLimitActionKind.RequestHeader, key, null, a.String("header"), null)
                        : null;
                case AttributeNames.FromGenericKey: return new RateLimitAction(RateLimitActionKind.GenericKey, key, value, null, null);
                case AttributeNames.FromHeaderMatch:
                    var (valid, match) = RateLimitActionParser.Match(a, origin, context);
                    return RateLimitActionParser.HeaderIsValid(a.String("header"), origin, "header", context) && valid
                        ? new RateLimitAction(RateLimitActionKind.HeaderValueMatch, key, value, a.String("header"), match)
                        : null;
            }
        }

        return key switch
        {
            "remote_address" => new RateLimitAction(RateLimitActionKind.RemoteAddress, key, null, null, null),
            "destination_cluster" => new RateLimitAction(RateLimitActionKind.DestinationCluster, key, null, null, null),
            "source_cluster" => new RateLimitAction(RateLimitActionKind.SourceCluster, key, null, null, null),
            _ => null,
        };
    }

    /// <summary>rls_conf.proto's units, as the configuration file spells them (the loader upper-cases them).</summary>
    private static string? Unit(int value) => value switch
    {
        1 => "second",
        2 => "minute",
        3 => "hour",
        4 => "day",
        5 => "week",
        6 => "month",
        7 => "year",
        _ => null,
    };
}
