using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MeshDsl.Helpers;
using MeshDsl.Model;
using MeshDsl.YamlFrontEnd;

namespace MeshDsl.Workloads;

/// <summary>A workload file as read: the workloads in it, or why it could not be read (and where).</summary>
internal sealed record WorkloadFile(string Path, EquatableArray<Workload> Workloads, string? Error, int ErrorLine, int ErrorColumn)
{
    /// <summary>The hosts the file defines: its Services and ServiceEntries.</summary>
    public EquatableArray<HostDefinition> Hosts { get; init; } = EquatableArray<HostDefinition>.Empty;

    /// <summary>The Kubernetes Namespaces the file holds.</summary>
    public EquatableArray<K8sNamespace> Namespaces { get; init; } = EquatableArray<K8sNamespace>.Empty;
}

/// <summary>
/// Reads Kubernetes workload YAML (plain manifests, Helm or Kustomize output) into <see cref="Workload"/>s:
/// the kinds that run pods, with their pods' labels; and the Services, ServiceEntries and Namespaces around them.
/// Never throws on its input: what cannot be read is the file's error.
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
        return Read(path, SourceFile.Load(content));
    }

    /// <summary>
    /// The origin of a workload the build read from one of its workload files (which keeps no table of origins): the file,
    /// and the 1-based line of the workload's name as <see cref="SourceRef.Node"/>.
    /// </summary>
    public static SourceRef LineOrigin(string path, int line) => new(path, line);

    /// <summary>The workloads and hosts of a file already parsed (once for every reader of the file).</summary>
    /// <param name="origins">
    /// Where the YAML front end keeps its origins (<c>meshdsl analyze</c>); without it, a workload's origin is
    /// <see cref="LineOrigin"/>.
    /// </param>
    internal static WorkloadFile Read(string path, SourceFile source, YamlOrigins? origins = null)
    {
        if (source.Error is { } error) return new WorkloadFile(path, EquatableArray<Workload>.Empty, error, source.ErrorLine, source.ErrorColumn);
        var workloads = new List<Workload>();
        var hosts = new List<HostDefinition>();
        var namespaces = new List<K8sNamespace>();
        foreach (var item in source.Objects())
        {
            if (item is not SourceMap root) continue;
            if (HostOf(root, path) is { } host)
            {
                hosts.Add(host);
                continue;
            }

            var kind = root.Text("kind");
            var metadata = root.Get("metadata") as SourceMap;
            if (kind == "Namespace" && root.Text("apiVersion") == "v1")
            {
                namespaces.Add(new K8sNamespace(metadata.Text("name") ?? "(unnamed)", LabelsOf(metadata.Field("labels")), Where(path, root)));
                continue;
            }

            if (kind is null || !WorkloadKinds.Contains(kind)) continue;
            var name = metadata.Text("name");
            var ns = metadata.Text("namespace");
            var podMetadata = kind == "Pod" ? metadata : root.Get("spec").Field("template").Field("metadata") as SourceMap;
            var podSpec = kind == "Pod" ? root.Get("spec") : root.Get("spec").Field("template").Field("spec");
            var at = metadata?.Get("name") ?? root;
            var resource = kind + " " + (string.IsNullOrEmpty(ns) ? string.Empty : ns + "/") + (name ?? "(unnamed)");
            workloads.Add(new Workload(kind, name ?? "(unnamed)", string.IsNullOrEmpty(ns) ? null : ns, LabelsOf(podMetadata.Field("labels")), Where(path, root))
            {
                Labels = LabelsOf(metadata.Field("labels")),
                PodAnnotations = LabelsOf(podMetadata.Field("annotations")),
                HasIstioProxy = (podSpec.Field("containers") as SourceList)?.Items.OfType<SourceMap>()
                    .Any(c => c.Text("name") == "istio-proxy" && !string.IsNullOrEmpty(c.Text("image"))) ?? false,
                Origin = origins is null
                    ? LineOrigin(path, at.Line)
                    : origins.Add(new YamlPosition(path, at.Line, at.Column), at, resource, ReferenceEquals(at, root) ? string.Empty : "metadata.name"),
            });
        }

        return new WorkloadFile(path, workloads.ToEquatableArray(), null, 0, 0) { Hosts = hosts.ToEquatableArray(), Namespaces = namespaces.ToEquatableArray() };
    }

    private static string Where(string path, SourceNode root) =>
        System.IO.Path.GetFileName(path) + ":" + root.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A Kubernetes Service (<c>v1</c>) or an Istio ServiceEntry, as the hosts and ports it defines.</summary>
    private static HostDefinition? HostOf(SourceMap root, string path)
    {
        var kind = root.Text("kind");
        var apiVersion = root.Text("apiVersion") ?? string.Empty;
        var isService = kind == "Service" && apiVersion == "v1";
        var isEntry = kind == "ServiceEntry" && apiVersion.StartsWith("networking.istio.io/", StringComparison.Ordinal);
        if (!isService && !isEntry) return null;
        var metadata = root.Get("metadata") as SourceMap;
        var name = metadata.Text("name");
        var ns = metadata.Text("namespace");
        var spec = root.Get("spec");
        var portNodes = (spec.Field("ports") as SourceList)?.Items.OfType<SourceMap>().ToArray() ?? Array.Empty<SourceMap>();
        var ports = portNodes.Select(p => Number(p.Text(isService ? "port" : "number"))).OfType<int>().ToEquatableArray();
        var hosts = isService
            ? (name is null ? EquatableArray<string>.Empty : new[] { name }.ToEquatableArray())
            : (spec.Field("hosts") as SourceList)?.Items.OfType<SourceScalar>().Select(h => h.Value).ToEquatableArray() ?? EquatableArray<string>.Empty;
        var selector = isService && spec.Field("selector") is SourceMap selectorMap ? Labels(selectorMap) : EquatableArray<Label>.Empty;
        var servicePorts = isService ? portNodes.Select(ServicePortOf).OfType<ServicePort>().ToEquatableArray() : EquatableArray<ServicePort>.Empty;
        return new HostDefinition(kind!, name ?? "(unnamed)", string.IsNullOrEmpty(ns) ? null : ns, hosts, ports, Where(path, root))
        {
            Selector = selector,
            ServicePorts = servicePorts,
        };
    }

    /// <summary>A Service port with a number; a target port of 0 is none (the port itself), as Kubernetes defaults it.</summary>
    private static ServicePort? ServicePortOf(SourceMap port)
    {
        if (Number(port.Text("port")) is not { } number) return null;
        var target = port.Text("targetPort");
        return new ServicePort(port.Text("name") ?? string.Empty, number, Number(target) is > 0 and var n ? n : null)
        {
            TargetPortName = target is not null && Number(target) is null ? target : null,
            Protocol = port.Text("protocol"),
        };
    }

    private static int? Number(string? text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    private static EquatableArray<Label> LabelsOf(SourceNode? node) => node is SourceMap map ? Labels(map) : EquatableArray<Label>.Empty;

    /// <summary>A map's string entries (labels, a selector), in document order; entries of another shape are not labels.</summary>
    private static EquatableArray<Label> Labels(SourceMap map)
    {
        var labels = new List<Label>(map.Count);
        for (var i = 0; i < map.Count; i++)
        {
            if (map.Key(i) is SourceScalar key && map.Value(i) is SourceScalar value) labels.Add(new Label(key.Value, value.Value));
        }

        return labels.ToEquatableArray();
    }
}
