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

    public static MeshDeclaration Parse(INamedTypeSymbol type, AttributeReader service)
    {
        var sourceType = ParseContext.TypeName(type);
        var origin = new SourceRef(sourceType, service.Index);
        var ns = ParseContext.NullIfEmpty(service.String("Namespace"));
        var context = new ParseContext(ns);
        var name = service.String("name") ?? string.Empty;
        var meta = new ObjectMeta(name, ns);
        var configMapName = ParseContext.NullIfEmpty(service.String("ConfigMapName")) ?? name + "-config";
        var app = ImmutableArray.Create(new Label("app", name));
        var config = new RateLimitConfig(service.String("domain") ?? string.Empty, Descriptors(type), origin);

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
        var deployment = new K8sDeployment(meta, sourceType, new DeploymentSpec(service.Int("Replicas"), app, app, container, origin)
        {
            Volumes = new[] { new ConfigMapVolume(ConfigVolume, configMapName) }.ToEquatableArray(),
        });
        var k8sService = new K8sService(meta, sourceType, new ServiceSpec(app, ImmutableArray.Create(new ServicePort("http", HttpPort, null), new ServicePort("grpc", GrpcPort, null))));
        var configMap = new RateLimitConfigMap(new ObjectMeta(configMapName, ns), sourceType, "config.yaml", config);
        return new MeshDeclaration(DeclarationKind.RateLimitService, sourceType, origin,
            ImmutableArray.Create<Resource>(deployment, configMap, k8sService), context.Findings.ToEquatableArray());
    }

    /// <summary>The descriptor classes nested in <paramref name="type"/>, in declaration order, each with its own nested ones.</summary>
    private static EquatableArray<RateLimitDescriptor> Descriptors(INamedTypeSymbol type)
    {
        var result = new List<RateLimitDescriptor>();
        foreach (var nested in ParseContext.NestedInOrder(type))
        {
            var d = ParseContext.Find(ParseContext.Read(nested), AttributeNames.RateLimitDescriptor);
            if (d.MetadataName.Length == 0) continue;
            var unit = d.Enum("Unit") is { } u ? Unit(u) : null;
            var limit = unit is not null || d.IsSet("RequestsPerUnit") || d.Bool("Unlimited") == true || d.IsSet("Name")
                ? new RateLimitPolicy(unit, d.Int("RequestsPerUnit"), d.Bool("Unlimited") == true ? true : null, ParseContext.NullIfEmpty(d.String("Name")))
                : null;
            result.Add(new RateLimitDescriptor(
                d.String("key") ?? string.Empty,
                ParseContext.NullIfEmpty(d.String("Value")),
                limit,
                d.Bool("ShadowMode") == true ? true : null,
                d.Bool("DetailedMetric") == true ? true : null,
                Descriptors(nested),
                new SourceRef(ParseContext.TypeName(nested), d.Index)));
        }

        return result.ToEquatableArray();
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
