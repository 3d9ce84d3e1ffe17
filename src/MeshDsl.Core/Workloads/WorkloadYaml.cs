using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using MeshDsl.Helpers;
using MeshDsl.Model;
using DepthLimitedParser = MeshDsl.Yaml.DepthLimitedParser;
using YamlTooDeepException = MeshDsl.Yaml.YamlTooDeepException;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.Workloads;

/// <summary>A workload file as read: the workloads in it, or why it could not be read (and where).</summary>
internal sealed record WorkloadFile(string Path, EquatableArray<Workload> Workloads, string? Error, int ErrorLine, int ErrorColumn)
{
    /// <summary>The hosts the file defines: its Services and ServiceEntries.</summary>
    public EquatableArray<HostDefinition> Hosts { get; init; } = EquatableArray<HostDefinition>.Empty;
}

/// <summary>
/// Reads Kubernetes workload YAML (plain manifests, Helm or Kustomize output) with YamlDotNet into <see cref="Workload"/>s:
/// the kinds that run pods, with their pods' labels. Never throws on its input: what cannot be read is the file's error.
/// </summary>
internal static class WorkloadYaml
{
    private static int _parses;

    private static readonly HashSet<string> WorkloadKinds = new(StringComparer.Ordinal)
    {
        "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Rollout", "Pod",
    };

    /// <summary>How many times a file was actually parsed (tests use it to prove the cache).</summary>
    public static int Parses => Volatile.Read(ref _parses);

    internal static WorkloadFile Parse(string path, string content)
    {
        Interlocked.Increment(ref _parses);
        YamlStream stream;
        try
        {
            stream = DepthLimitedParser.Load(content, MaxDepth);
        }
        catch (YamlTooDeepException deep)
        {
            return new WorkloadFile(path, EquatableArray<Workload>.Empty,
                "the YAML nests deeper than " + MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture) + " levels, more than any Kubernetes object needs", (int)deep.Start.Line, (int)deep.Start.Column);
        }
        catch (YamlException ex)
        {
            return new WorkloadFile(path, EquatableArray<Workload>.Empty, ex.Message, (int)ex.Start.Line, (int)ex.Start.Column);
        }
#pragma warning disable CA1031 // Whatever goes wrong (a YamlDotNet version clash included) must become a diagnostic, never a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new WorkloadFile(path, EquatableArray<Workload>.Empty, ex.GetType().Name + ": " + ex.Message, 1, 1);
        }

        var workloads = new List<Workload>();
        var hosts = new List<HostDefinition>();
        foreach (var document in stream.Documents)
        {
            if (document.RootNode is YamlMappingNode hostRoot && HostOf(hostRoot, path) is { } host)
            {
                hosts.Add(host);
                continue;
            }

            if (document.RootNode is not YamlMappingNode root || Scalar(root, "kind") is not { } kind || !WorkloadKinds.Contains(kind)) continue;
            var metadata = Child(root, "metadata") as YamlMappingNode;
            var name = metadata is null ? null : Scalar(metadata, "name");
            var ns = metadata is null ? null : Scalar(metadata, "namespace");
            var labels = kind == "Pod"
                ? metadata
                : (Child(Child(Child(root, "spec"), "template"), "metadata") as YamlMappingNode);
            var podLabels = Child(labels, "labels") is YamlMappingNode map
                ? map.Children.Where(e => e.Key is YamlScalarNode && e.Value is YamlScalarNode)
                    .Select(e => new Label(((YamlScalarNode)e.Key).Value ?? string.Empty, ((YamlScalarNode)e.Value).Value ?? string.Empty))
                    .ToEquatableArray()
                : EquatableArray<Label>.Empty;
            var line = (int)document.RootNode.Start.Line;
            workloads.Add(new Workload(kind, name ?? "(unnamed)", string.IsNullOrEmpty(ns) ? null : ns, podLabels,
                System.IO.Path.GetFileName(path) + ":" + line.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new WorkloadFile(path, workloads.ToEquatableArray(), null, 0, 0) { Hosts = hosts.ToEquatableArray() };
    }

    /// <summary>A Kubernetes Service (<c>v1</c>) or an Istio ServiceEntry, as the hosts and ports it defines.</summary>
    private static HostDefinition? HostOf(YamlMappingNode root, string path)
    {
        var kind = Scalar(root, "kind");
        var apiVersion = Scalar(root, "apiVersion") ?? string.Empty;
        var isService = kind == "Service" && apiVersion == "v1";
        var isEntry = kind == "ServiceEntry" && apiVersion.StartsWith("networking.istio.io/", StringComparison.Ordinal);
        if (!isService && !isEntry) return null;
        var metadata = Child(root, "metadata") as YamlMappingNode;
        var name = metadata is null ? null : Scalar(metadata, "name");
        var ns = metadata is null ? null : Scalar(metadata, "namespace");
        var spec = Child(root, "spec");
        var ports = (Child(spec, "ports") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>()
            .Select(p => Scalar(p, isService ? "port" : "number"))
            .Select(p => int.TryParse(p, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : (int?)null)
            .OfType<int>().ToEquatableArray() ?? EquatableArray<int>.Empty;
        var hosts = isService
            ? (name is null ? EquatableArray<string>.Empty : new[] { name }.ToEquatableArray())
            : (Child(spec, "hosts") as YamlSequenceNode)?.Children.OfType<YamlScalarNode>().Select(h => h.Value ?? string.Empty).ToEquatableArray() ?? EquatableArray<string>.Empty;
        var line = (int)root.Start.Line;
        var portNodes = (Child(spec, "ports") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>().ToArray() ?? Array.Empty<YamlMappingNode>();
        var targetPorts = isService
            ? portNodes.Where(p => int.TryParse(Scalar(p, "port"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
                .Select(p => int.TryParse(Scalar(p, "targetPort"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : 0)
                .ToEquatableArray()
            : EquatableArray<int>.Empty;
        var selector = isService && Child(spec, "selector") is YamlMappingNode selectorMap
            ? selectorMap.Children.Where(e => e.Key is YamlScalarNode && e.Value is YamlScalarNode)
                .Select(e => new Label(((YamlScalarNode)e.Key).Value ?? string.Empty, ((YamlScalarNode)e.Value).Value ?? string.Empty)).ToEquatableArray()
            : EquatableArray<Label>.Empty;
        return new HostDefinition(kind!, name ?? "(unnamed)", string.IsNullOrEmpty(ns) ? null : ns, hosts, ports,
            System.IO.Path.GetFileName(path) + ":" + line.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            Selector = selector,
            TargetPorts = targetPorts,
        };
    }

    /// <summary>Far deeper than any Kubernetes object, far shallower than what overflows a thread's stack.</summary>
    internal const int MaxDepth = 100;

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode map, string key) => Child(map, key) is YamlScalarNode s ? s.Value : null;
}
