using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MeshDsl.Helpers;
using MeshDsl.Model;
using MeshDsl.Workloads;
using YamlDotNet.Core;
using DepthLimitedParser = MeshDsl.Yaml.DepthLimitedParser;
using YamlTooDeepException = MeshDsl.Yaml.YamlTooDeepException;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.YamlFrontEnd;

/// <summary>What one YAML file held: the declarations read (one per Istio resource), problems, and the kinds it skipped.</summary>
internal sealed record YamlReadResult(IReadOnlyList<MeshDeclaration> Declarations, IReadOnlyList<YamlProblem> Problems, IReadOnlyDictionary<string, int> Skipped);

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

    public static YamlReadResult Read(string file, string text, YamlOrigins origins)
    {
        var context = new YamlReadContext(file, origins);
        var declarations = new List<MeshDeclaration>();
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        YamlStream stream;
        try
        {
            stream = DepthLimitedParser.Load(text, WorkloadYaml.MaxDepth);
        }
        catch (YamlTooDeepException deep)
        {
            return new YamlReadResult(declarations, new[] { new YamlProblem(new YamlPosition(file, (int)deep.Start.Line, (int)deep.Start.Column), $"the YAML nests deeper than {WorkloadYaml.MaxDepth} levels") }, skipped);
        }
        catch (YamlException ex)
        {
            return new YamlReadResult(declarations, new[] { new YamlProblem(new YamlPosition(file, (int)ex.Start.Line, (int)ex.Start.Column), ex.Message) }, skipped);
        }
#pragma warning disable CA1031 // YamlDotNet throws more than YamlException on broken input; a file that cannot be read is a problem, never a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new YamlReadResult(declarations, new[] { new YamlProblem(new YamlPosition(file, 1, 1), "the YAML cannot be read: " + ex.Message) }, skipped);
        }

        var lines = text.Split('\n');
        foreach (var document in stream.Documents)
        {
            foreach (var item in Items(document.RootNode))
            {
                Document(item, context, lines, declarations, skipped, file + ":" + (item.Start.Line).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return new YamlReadResult(declarations, context.Problems, skipped);
    }

    /// <summary>A document, or the items of a <c>kind: List</c> (as <c>kubectl get -o yaml</c> prints).</summary>
    private static IEnumerable<YamlNode> Items(YamlNode root)
    {
        if (root is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("kind"), out var kind) && kind is YamlScalarNode { Value: "List" }
            && map.Children.TryGetValue(new YamlScalarNode("items"), out var items) && items is YamlSequenceNode seq)
        {
            return seq.Children;
        }

        return new[] { root };
    }

    /// <param name="sourceType">The resource's identity as the rules group findings: the file and its place in it.</param>
    private static void Document(YamlNode node, YamlReadContext context, string[] lines, List<MeshDeclaration> declarations, Dictionary<string, int> skipped, string sourceType)
    {
        if (node is YamlScalarNode { Value: "" or null }) return;
        context.Resource = string.Empty;
        var root = new YamlMap(node, context, string.Empty);
        var kind = root.String("kind") ?? "(no kind)";
        var apiVersion = root.String("apiVersion") ?? string.Empty;
        if (kind == "ConfigMap" && apiVersion == "v1" && RateLimitConfigMap(root, context, lines, sourceType) is { } configMap)
        {
            declarations.Add(configMap);
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
        Resource resource = kind switch
        {
            "VirtualService" => new VirtualService(meta, sourceType, VirtualServiceReader.Spec(spec)),
            "DestinationRule" => new DestinationRule(meta, sourceType, DestinationRuleReader.Spec(spec)),
            "EnvoyFilter" => new EnvoyFilter(meta, sourceType, EnvoyFilterReader.Spec(spec)),
            "ServiceEntry" => new ServiceEntry(meta, sourceType, ServiceEntryReader.Spec(spec)),
            _ => new Gateway(meta, sourceType, GatewayReader.Spec(spec)),
        };
        declarations.Add(new MeshDeclaration(sourceType, root.Origin, ImmutableOne(resource), EquatableArray<Finding>.Empty));
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
    private static MeshDeclaration? RateLimitConfigMap(YamlMap root, YamlReadContext context, string[] lines, string sourceType)
    {
        if (root.Node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode("data"), out var data) || data is not YamlMappingNode entries) return null;
        var meta = Meta(root.Map("metadata"), "ConfigMap", context);
        foreach (var entry in entries.Children)
        {
            if (entry.Key is not YamlScalarNode { Value: { } file } || entry.Value is not YamlScalarNode value) continue;
            if (RateLimitConfigReader.Read(value, lines, context, "data." + file) is not { } config) continue;
            var resource = new RateLimitConfigMap(meta, sourceType, file, config);
            return new MeshDeclaration(sourceType, root.Origin, ImmutableOne<Resource>(resource), EquatableArray<Finding>.Empty);
        }

        return null;
    }

    private static EquatableArray<T> ImmutableOne<T>(T item) where T : IEquatable<T> => new[] { item }.ToEquatableArray();
}
