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

        foreach (var d in mesh.Services)
        {
            var service = d.Service!;
            var ns = service.Namespace ?? defaultNamespace;
            var local = workloads.Where(w => (w.Namespace ?? defaultNamespace) == ns).ToArray();
            var selected = local.Where(w => Selects(service.Selector, w)).ToArray();
            if (selected.Length == 0)
            {
                yield return Finding(RuleIds.SelectorSelectsNothing, service.Origin, service.Selector.Count == 1 && service.Selector[0].Key == "app" ? "name" : "selector",
                    service.Name, Describe(service.Selector), ns, Nearest(service.Selector, workloads));
                continue;
            }

            var bySubset = new List<(Subset Subset, Workload[] Pods)>();
            foreach (var subset in DestinationRules(d).SelectMany(dr => dr.Spec.Subsets))
            {
                var required = service.Selector.Concat(subset.Labels).ToArray();
                var pods = local.Where(w => Selects(required, w)).ToArray();
                if (pods.Length == 0)
                {
                    yield return Finding(RuleIds.SubsetSelectsNothing, subset.Origin, subset.Labels.Count > 0 && !(subset.Labels.Count == 1 && subset.Labels[0] == new Label("version", subset.Name)) ? "labels" : string.Empty,
                        subset.Name, service.Name, Describe(required), ns, Nearest(required, workloads));
                    continue;
                }

                foreach (var (other, otherPods) in bySubset)
                {
                    var shared = pods.Intersect(otherPods).ToArray();
                    if (shared.Length > 0)
                    {
                        yield return Finding(RuleIds.SubsetsShareWorkloads, subset.Origin, string.Empty,
                            subset.Name, other.Name, service.Name, string.Join(", ", shared.Select(w => w.Describe())));
                    }
                }

                bySubset.Add((subset, pods));
            }
        }
    }

    private static bool Selects(IEnumerable<Label> required, Workload workload) => required.All(l => workload.PodLabels.Contains(l));

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
}
