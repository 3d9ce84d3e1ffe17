using System.Collections.Generic;
using System.Linq;
using MeshDsl.Model;
using static MeshDsl.Rules.ModelWalk;

namespace MeshDsl.Rules;

/// <summary>
/// MESH501, MESH502, MESH504: subsets and services checked against the workloads that really run. Quiet when the project
/// declares no workloads (in C# or YAML): without them there is nothing to check against.
/// </summary>
internal static class WorkloadRules
{
    public static IEnumerable<Finding> Check(Mesh mesh)
    {
        var workloads = mesh.Workloads;
        var defaultNamespace = mesh.DefaultNamespace;
        // The services' workloads are known from the workload YAML or the services' own [Deployment]s; the rate limit
        // service's Deployment, which MeshDsl adds, says nothing about them.
        if (mesh.ReadWorkloads.Count == 0 && !mesh.Services.Any(d => d.Resources.OfType<K8sDeployment>().Any())) yield break;

        var pods = new PodIndex(workloads, defaultNamespace);
        foreach (var service in mesh.Services)
        {
            var ns = service.Namespace ?? defaultNamespace;
            if (pods.Selected(ns, service.Selector.ToArray()).Length == 0)
            {
                yield return Finding(RuleIds.SelectorSelectsNothing, service.Origin, service.Selector.Count == 1 && service.Selector[0].Key == "app" ? "name" : "selector",
                    service.Name, Describe(service.Selector), ns, Nearest(service.Selector, workloads));
                continue;
            }

            foreach (var f in Subsets(service.Name, service.Selector, ns, service.Resources.OfType<DestinationRule>().SelectMany(dr => dr.Spec.Subsets).Where(s => !ControllerRuns(service, s)), pods, workloads)) yield return f;
        }

        // A DestinationRule of its own (YAML): its subsets against the pods of the Kubernetes Service of its host, when the
        // workload files hold that Service (the first that defines the host, as the files are read).
        var servicesByHost = new Dictionary<string, HostDefinition>(System.StringComparer.Ordinal);
        foreach (var h in mesh.HostDefinitions.Where(h => h.Kind == "Service" && !h.Selector.IsEmpty))
        {
            foreach (var host in h.Hosts)
            {
                var fqdn = mesh.Fqdn(host, h.Namespace);
                if (!servicesByHost.ContainsKey(fqdn)) servicesByHost[fqdn] = h;
            }
        }

        foreach (var dr in mesh.OwnResources.OfType<DestinationRule>())
        {
            if (!servicesByHost.TryGetValue(mesh.Fqdn(dr.Spec.Host, dr.Metadata.Namespace), out var k8s)) continue;
            foreach (var f in Subsets(k8s.Name, k8s.Selector, mesh.NamespaceOf(k8s.Namespace), dr.Spec.Subsets, pods, workloads)) yield return f;
        }
    }

    /// <summary>
    /// Whether a canary's controller runs a subset's pods itself, so the mesh cannot see them: Flagger generates its own
    /// DestinationRules (none of the service's subsets is written), and a Rollout labels its stable ReplicaSet's pods.
    /// </summary>
    private static bool ControllerRuns(ServiceInfo service, Subset subset) => service.Canary switch
    {
        { Engine: CanaryEngines.Flagger } => true,
        { Engine: CanaryEngines.ArgoRollouts } canary => subset.Name == canary.StableSubset,
        _ => false,
    };

    /// <summary>MESH501 and MESH504: each subset's labels, with the service's selector, must select pods, and no pod twice.</summary>
    private static IEnumerable<Finding> Subsets(string service, Helpers.EquatableArray<Label> selector, string ns, IEnumerable<Subset> subsets, PodIndex index, IReadOnlyList<Workload> workloads)
    {
        var bySubset = new List<SelectedPods>();
        foreach (var subset in subsets)
        {
            var required = selector.Concat(subset.Labels).ToArray();
            var pods = index.Selected(ns, required);
            if (pods.Length == 0)
            {
                yield return Finding(RuleIds.SubsetSelectsNothing, subset.Origin, subset.Labels.Count > 0 && !(subset.Labels.Count == 1 && subset.Labels[0] == new Label("version", subset.Name)) ? "labels" : string.Empty,
                    subset.Name, service, Describe(required), ns, Nearest(required, workloads));
                continue;
            }

            foreach (var (other, otherPods) in bySubset)
            {
                var shared = pods.Intersect(otherPods).ToArray();
                if (shared.Length > 0)
                {
                    yield return Finding(RuleIds.SubsetsShareWorkloads, subset.Origin, string.Empty,
                        subset.Name, other.Name, service, string.Join(", ", shared.Select(w => w.Describe())));
                }
            }

            bySubset.Add(new SelectedPods(subset, pods));
        }
    }

    private static string Describe(IEnumerable<Label> labels) => string.Join(", ", labels.Select(l => l.Key + "=" + l.Value));

    /// <summary>The workloads that come closest (most of the required labels), to say what the labels almost match.</summary>
    private static string Nearest(IReadOnlyCollection<Label> required, IEnumerable<Workload> workloads)
    {
        var ranked = workloads
            .Select(w => (Workload: w, Score: required.Count(w.PodLabels.Contains)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Workload.Describe(), System.StringComparer.Ordinal)
            .Take(3)
            .Select(x => $"{x.Workload.Describe()} ({Describe(x.Workload.PodLabels)}; {x.Workload.Source})")
            .ToArray();
        return ranked.Length == 0 ? "none has any of these labels" : "nearest: " + string.Join("; ", ranked);
    }

    private sealed record SelectedPods(Subset Subset, Workload[] Pods);
}
