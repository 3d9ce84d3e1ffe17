using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using MeshDsl.Helpers;
using MeshDsl.Model;

namespace MeshDsl.FrontEnd;

/// <summary>Reads the Kubernetes workloads declared in C# (<c>[Deployment]</c> on a subset class) and the Service in front of them.</summary>
internal static class WorkloadParser
{
    /// <param name="serviceOrigin">The service's declaration: the Deployment belongs to it, as its other resources do.</param>
    public static K8sDeployment? Deployment(
        AttributeReader[] attributes, SourceRef serviceOrigin, string subsetType, string service, string? ns, string subset,
        ImmutableArray<Label> selector, ImmutableArray<Label> subsetLabels, int? servicePort)
    {
        var deployment = ParseContext.Find(attributes, AttributeNames.Deployment);
        if (deployment.MetadataName.Length == 0) return null;

        var matchLabels = Merge(selector, subsetLabels);
        var podLabels = Merge(matchLabels, ParseContext.Labels(deployment.Strings("Labels")));
        var port = deployment.Int("ContainerPort") ?? servicePort;
        var resources = new ResourceRequirements(deployment.String("CpuRequest"), deployment.String("MemoryRequest"), deployment.String("CpuLimit"), deployment.String("MemoryLimit"));
        var container = new Container(
            service,
            deployment.String("image") ?? string.Empty,
            port is { } p ? ImmutableArray.Create(p) : ImmutableArray<int>.Empty,
            resources == new ResourceRequirements(null, null, null, null) ? null : resources,
            Probe(ParseContext.Find(attributes, AttributeNames.ReadinessProbe), subsetType),
            Probe(ParseContext.Find(attributes, AttributeNames.LivenessProbe), subsetType));
        var name = ParseContext.NullIfEmpty(deployment.String("Name")) ?? service + "-" + subset;
        return new K8sDeployment(new ObjectMeta(name, ns), serviceOrigin,
            new DeploymentSpec(deployment.Int("Replicas"), matchLabels.ToEquatableArray(), podLabels.ToEquatableArray(), container, new SourceRef(subsetType, deployment.Index)));
    }

    /// <summary>The Kubernetes Service that selects the service's pods, with a named port for each service port.</summary>
    public static K8sService Service(ObjectMeta meta, SourceRef origin, ImmutableArray<Label> selector, List<int> ports, string? portName, IEnumerable<K8sDeployment> deployments)
    {
        var containerPort = deployments.SelectMany(d => d.Spec.Container.Ports).Cast<int?>().FirstOrDefault();
        var servicePorts = ports.Count > 0
            ? ports.Select((p, i) => new ServicePort(i == 0 ? portName ?? "http" : "http-" + p.ToString(CultureInfo.InvariantCulture), p, containerPort is { } c && c != p && i == 0 ? c : null))
            : containerPort is { } only ? new[] { new ServicePort(portName ?? "http", only, null) } : Enumerable.Empty<ServicePort>();
        return new K8sService(meta, origin, new ServiceSpec(selector.ToEquatableArray(), servicePorts.ToEquatableArray()));
    }

    private static Probe? Probe(AttributeReader probe, string sourceType) => probe.MetadataName.Length == 0
        ? null
        : new Probe(probe.String("path") ?? "/", probe.Int("port") ?? 0, probe.Int("InitialDelaySeconds"), probe.Int("PeriodSeconds"),
            probe.Int("TimeoutSeconds"), probe.Int("FailureThreshold"), new SourceRef(sourceType, probe.Index));

    /// <summary>Later labels override earlier ones with the same key; order is kept.</summary>
    private static ImmutableArray<Label> Merge(ImmutableArray<Label> first, ImmutableArray<Label> second)
    {
        var result = first.ToList();
        foreach (var label in second)
        {
            var existing = result.FindIndex(l => l.Key == label.Key);
            if (existing >= 0) result[existing] = label;
            else result.Add(label);
        }

        return result.ToImmutableArray();
    }
}
