using System;
using System.Collections.Generic;
using MeshDsl.Helpers;
using MeshDsl.Model;

namespace MeshDsl.YamlFrontEnd;

/// <summary>What one YAML file held: the resources read, in document order, problems, and the kinds it skipped.</summary>
internal sealed record YamlReadResult(IReadOnlyList<Resource> Resources, IReadOnlyList<YamlProblem> Problems, IReadOnlyDictionary<string, int> Skipped);

/// <summary>
/// The second front end: Istio's own YAML (VirtualService, DestinationRule, Gateway, ServiceEntry, EnvoyFilter in networking.istio.io v1, v1beta1 and
/// v1alpha3; multi-document files and <c>kind: List</c>) read into the same model the C# front end builds, so the same rules
/// run on it. Every model node's origin is its line and column (<see cref="YamlOrigins"/>); unknown fields and values of the
/// wrong type are problems at their line, as a strict API server decode would report them. It never throws on its input.
/// </summary>
internal static class IstioYamlReader
{
    private static readonly HashSet<string> Versions = new(StringComparer.Ordinal)
    {
        "networking.istio.io/v1", "networking.istio.io/v1beta1", "networking.istio.io/v1alpha3",
    };

    public static YamlReadResult Read(string file, string text, YamlOrigins origins) => Read(file, text, SourceFile.Load(text), origins);

    /// <param name="source"><paramref name="text"/>, parsed (once for every reader of the file).</param>
    public static YamlReadResult Read(string file, string text, SourceFile source, YamlOrigins origins)
    {
        var context = new YamlReadContext(file, origins);
        var resources = new List<Resource>();
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        if (source.Error is { } error)
        {
            return new YamlReadResult(resources, new[] { new YamlProblem(new YamlPosition(file, source.ErrorLine, source.ErrorColumn), error) }, skipped);
        }

        // The file's lines, for a rate limit configuration embedded in a ConfigMap: split only for one.
        var lines = new Lazy<string[]>(() => text.Split('\n'));
        foreach (var item in source.Objects())
        {
            Document(item, context, lines, resources, skipped);
        }

        return new YamlReadResult(resources, context.Problems, skipped);
    }

    private static void Document(SourceNode node, YamlReadContext context, Lazy<string[]> lines, List<Resource> resources, Dictionary<string, int> skipped)
    {
        if (node is SourceScalar { Value: "" }) return;
        context.Resource = string.Empty;
        var root = new YamlMap(node, context, string.Empty);
        var kind = root.String("kind") ?? "(no kind)";
        var apiVersion = root.String("apiVersion") ?? string.Empty;
        if (kind == "ConfigMap" && apiVersion == "v1" && RateLimitConfigMap(root, context, lines) is { } configMap)
        {
            resources.Add(configMap);
            return;
        }

        if (kind is not ("VirtualService" or "DestinationRule" or "Gateway" or "ServiceEntry" or "EnvoyFilter") || !Versions.Contains(apiVersion))
        {
            skipped[kind] = skipped.TryGetValue(kind, out var n) ? n + 1 : 1;
            return;
        }

        if (kind == "EnvoyFilter" && apiVersion != "networking.istio.io/v1alpha3" && root.Child("apiVersion") is { } version)
        {
            context.Problem(version, "apiVersion", $"EnvoyFilter is served only as networking.istio.io/v1alpha3: the API server has no {apiVersion} EnvoyFilter");
        }

        var metadata = root.Map("metadata");
        foreach (var ignored in new[] { "labels", "annotations", "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "ownerReferences", "finalizers", "selfLink" }) metadata.Child(ignored);
        var meta = Meta(metadata, kind, context);
        metadata.ReportUnknown();
        root.Child("status");
        var spec = root.Map("spec");
        var origin = root.Origin;
        Resource resource = kind switch
        {
            "VirtualService" => new VirtualService(meta, origin, VirtualServiceReader.Spec(spec)),
            "DestinationRule" => new DestinationRule(meta, origin, DestinationRuleReader.Spec(spec)),
            "EnvoyFilter" => new EnvoyFilter(meta, origin, EnvoyFilterReader.Spec(spec)),
            "ServiceEntry" => new ServiceEntry(meta, origin, ServiceEntryReader.Spec(spec)),
            _ => new Gateway(meta, origin, GatewayReader.Spec(spec)),
        };
        resources.Add(resource);
        spec.ReportUnknown();
        root.ReportUnknown();
    }

    /// <summary>The object's name and namespace; findings from here on name the resource (<c>VirtualService shop/reviews</c>).</summary>
    private static ObjectMeta Meta(YamlMap metadata, string kind, YamlReadContext context)
    {
        var name = metadata.String("name") ?? string.Empty;
        var ns = metadata.String("namespace");
        var meta = new ObjectMeta(name, string.IsNullOrEmpty(ns) ? null : ns);
        context.Resource = kind + " " + (meta.Namespace is { } n ? n + "/" + name : name);
        return meta;
    }

    /// <summary>A ConfigMap holding envoyproxy/ratelimit's configuration (a data entry with a <c>domain</c>), or null for any other.</summary>
    private static RateLimitConfigMap? RateLimitConfigMap(YamlMap root, YamlReadContext context, Lazy<string[]> lines)
    {
        if (root.Node is not SourceMap map || map.Get("data") is not SourceMap entries) return null;
        var meta = Meta(root.Map("metadata"), "ConfigMap", context);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries.Key(i) is not SourceScalar { Value: var file } || entries.Value(i) is not SourceScalar value) continue;
            if (RateLimitConfigReader.Read(value, lines.Value, context, "data." + file) is not { } config) continue;
            return new RateLimitConfigMap(meta, root.Origin, file, config);
        }

        return null;
    }
}
