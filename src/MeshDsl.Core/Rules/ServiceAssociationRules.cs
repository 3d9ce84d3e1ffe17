using System.Collections.Generic;
using System.Linq;
using MeshDsl.Helpers;
using MeshDsl.Model;
using static MeshDsl.Rules.ModelWalk;

namespace MeshDsl.Rules;

/// <summary>
/// MESH506 (IST0116) and MESH507 (IST0137): the Kubernetes Services that select an in-mesh Deployment's pods must agree on
/// its ports, as <c>istioctl analyze</c>'s <c>deployment.MultiServiceAnalyzer</c> checks them (<c>deployment/services.go</c>).
/// </summary>
internal static class ServiceAssociationRules
{
    private const string InjectionLabel = "istio-injection";
    private const string SidecarInject = "sidecar.istio.io/inject";
    private const string GatewayManaged = "gateway.istio.io/managed";
    private const string MeshController = "istio.io-mesh-controller";

    public static IEnumerable<Finding> Check(Mesh mesh)
    {
        var deployments = mesh.Workloads.Where(w => w.Kind == "Deployment" && !IsWaypoint(w) && InMesh(w, mesh)).ToArray();
        if (deployments.Length == 0) yield break;
        var services = Services(mesh).ToArray();

        // Each Service's pods found through the index, not each Deployment against every Service.
        var pods = new PodIndex(deployments, mesh.DefaultNamespace);
        var selecting = new Dictionary<Workload, List<KubernetesService>>(ReferenceComparer<Workload>.Instance);
        foreach (var service in services)
        {
            foreach (var workload in pods.Selected(service.Namespace, service.Selector))
            {
                if (!selecting.TryGetValue(workload, out var list)) selecting[workload] = list = new List<KubernetesService>();
                list.Add(service);
            }
        }

        foreach (var deployment in deployments)
        {
            if (!selecting.TryGetValue(deployment, out var fronts)) continue;
            var ports = fronts.SelectMany(s => s.Ports.Select(p => (Service: s, Port: p))).ToArray();

            foreach (var byPort in ports.GroupBy(x => x.Port.Number).OrderBy(g => g.Key))
            {
                if (byPort.Select(x => x.Port.Protocol).Distinct().Count() < 2) continue;
                var named = byPort.Select(x => x.Service.FullName + " (" + x.Port.Protocol + ")").Distinct().OrderBy(n => n, System.StringComparer.Ordinal);
                yield return Finding(RuleIds.PortWithTwoProtocols, deployment.Origin, string.Empty, deployment.Name, N(byPort.Key), string.Join(", ", named));
            }

            foreach (var byTarget in ports.GroupBy(x => x.Port.Target).OrderBy(g => g.Key, System.StringComparer.Ordinal))
            {
                var numbers = byTarget.Select(x => x.Port.Number).Distinct().OrderBy(n => n).ToArray();
                if (numbers.Length < 2) continue;
                var names = byTarget.Select(x => x.Service.FullName).Distinct().OrderBy(n => n, System.StringComparer.Ordinal);
                yield return Finding(RuleIds.TargetPortWithTwoPorts, deployment.Origin, string.Empty,
                    deployment.Name, string.Join(", ", names), byTarget.Key, string.Join(", ", numbers.Select(N)));
            }
        }
    }

    /// <summary>
    /// Whether the pods join the mesh, as istioctl decides it (<c>util.DeploymentInMesh</c>): a sidecar already in the pod
    /// template, else the pod's <c>sidecar.istio.io/inject</c> label, else that annotation, else the namespace's
    /// <c>istio-injection</c> label. A namespace the files do not hold injects nothing.
    /// </summary>
    public static bool InMesh(Workload workload, Mesh mesh)
    {
        if (workload.HasIstioProxy) return true;
        if (Value(workload.PodLabels, SidecarInject) is { } label) return label == "true";
        if (Value(workload.PodAnnotations, SidecarInject) is { } annotation) return annotation == "true";
        return mesh.Namespaces.TryGetValue(mesh.NamespaceOf(workload.Namespace), out var ns) && Value(ns.Labels, InjectionLabel) == "enabled";
    }

    /// <summary>A waypoint proxy's Deployment, which Istio itself manages.</summary>
    private static bool IsWaypoint(Workload workload) => Value(workload.Labels, GatewayManaged) == MeshController;

    private static string? Value(EquatableArray<Label> labels, string key)
    {
        foreach (var label in labels)
        {
            if (label.Key == key) return label.Value;
        }

        return null;
    }

    /// <summary>Every Kubernetes Service with a selector: read from YAML, and those the model emits.</summary>
    private static IEnumerable<KubernetesService> Services(Mesh mesh)
    {
        foreach (var h in mesh.HostDefinitions)
        {
            if (h.Kind == "Service" && !h.Selector.IsEmpty) yield return new KubernetesService(mesh.NamespaceOf(h.Namespace), h.Name, h.Selector.ToArray(), h.ServicePorts.Select(Of).ToArray());
        }

        foreach (var s in mesh.Resources.OfType<K8sService>())
        {
            if (!s.Spec.Selector.IsEmpty) yield return new KubernetesService(mesh.NamespaceOf(s.Metadata.Namespace), s.Metadata.Name, s.Spec.Selector.ToArray(), s.Spec.Ports.Select(Of).ToArray());
        }
    }

    /// <summary>A port as istioctl compares them: TCP when no protocol is written, the target by name or number (the port itself when none is written).</summary>
    private static Port Of(ServicePort p) =>
        new(p.Port, string.IsNullOrEmpty(p.Protocol) ? "TCP" : p.Protocol!, p.TargetPortName ?? N(p.TargetPort is > 0 ? p.TargetPort.Value : p.Port));

    /// <summary>A Service port: its number, its protocol, and its target as Kubernetes keeps it.</summary>
    private sealed record Port(int Number, string Protocol, string Target);

    private sealed record KubernetesService(string Namespace, string Name, Label[] Selector, Port[] Ports)
    {
        public string FullName => Namespace + "/" + Name;
    }
}
