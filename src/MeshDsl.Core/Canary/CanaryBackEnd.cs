using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MeshDsl.Helpers;
using MeshDsl.Model;

namespace MeshDsl.Canary;

/// <summary>
/// Turns a service's <see cref="CanarySpec"/> into what its engine runs. <c>Steps</c>: the service's resources as declared
/// (the start) and, apart, each step and the rollback. <c>Flagger</c>: a <c>Canary</c> (and <c>MetricTemplate</c>s) in place
/// of the VirtualService, DestinationRule and Service Flagger generates. <c>ArgoRollouts</c>: the VirtualService and
/// DestinationRule shaped as Argo expects, a <c>Rollout</c> and its <c>AnalysisTemplate</c>. With either controller the stable
/// version's pods are the controller's (Flagger's primary, the Rollout's stable ReplicaSet): the stable subset's own
/// Deployment is not written (MESH710 says so), or its pods would serve beside them.
/// </summary>
internal static class CanaryBackEnd
{
    /// <summary>The namespace a step names when the service names none: where <c>kubectl apply</c> of a step must land.</summary>
    public const string FallbackNamespace = "default";

    /// <summary>The service with the canary engine the build names (MeshDslCanaryEngine), when it names one this build knows.</summary>
    public static ServiceInfo WithCanaryEngine(this ServiceInfo service, string? engine) =>
        service.Canary is { } canary && CanaryEngines.Parse(engine) is { } parsed && parsed != canary.Engine
            ? service with { Canary = canary with { Engine = parsed } }
            : service;

    /// <summary>An engine this build does not know, reported where the canary is declared (its steps are still written); null when it knows it.</summary>
    public static Finding? UnknownEngine(ServiceInfo service, string? engine) =>
        service.Canary is { } canary && CanaryEngines.Parse(engine) is null
            ? new Finding(RuleIds.UnknownCanaryEngine, canary.Origin, string.Empty, System.Collections.Immutable.ImmutableArray.Create(engine!.Trim()))
            : null;

    /// <summary>The service with the objects its canary's engine runs in place of those declared.</summary>
    public static ServiceInfo Apply(ServiceInfo service)
    {
        if (service.Canary is not { } canary || canary.StableSubset.Length == 0 || canary.CanarySubset.Length == 0) return service;
        var plan = CanaryPlan.Of(service, canary);
        var resources = canary.Engine switch
        {
            CanaryEngines.Flagger => Flagger(service, plan),
            CanaryEngines.ArgoRollouts => Argo(service, plan),
            _ => Steps(service, plan),
        };
        // One file per name, whatever the declaration repeats (two checks of one name, a step weight twice): the repeat is
        // reported where it is declared (MESH010, MESH701), and the generator never gets two outputs of one name.
        var seen = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        return service with { Resources = resources.Where(r => seen.Add(Emit.ManifestFiles.FileName(r))).ToEquatableArray() };
    }

    private static IEnumerable<Resource> Steps(ServiceInfo declared, CanaryPlan plan)
    {
        var resources = WithVirtualService(declared, plan.VirtualService).ToList();
        var staged = plan.VirtualService with { Metadata = plan.VirtualService.Metadata with { Namespace = plan.Namespace ?? FallbackNamespace } };
        foreach (var weight in plan.Canary.StepWeights)
        {
            resources.Add(new CanaryStage(plan.WithWeights(staged, weight), "step-" + weight.ToString("000", CultureInfo.InvariantCulture)));
        }

        resources.Add(new CanaryStage(plan.WithWeights(staged, null), "rollback"));
        return resources;
    }

    private static IEnumerable<Resource> Flagger(ServiceInfo declared, CanaryPlan plan)
    {
        var service = plan.Service;
        var meta = new ObjectMeta(service.Name, plan.Namespace);
        var (metrics, templates) = FlaggerMetrics.Of(plan, meta);
        var route = plan.CanaryRoutes.FirstOrDefault();
        var hosts = plan.VirtualService.Spec.Hosts;
        var spec = new FlaggerCanarySpec(
            plan.CanaryDeployment?.Metadata.Name ?? service.Name,
            service.Name,
            service.Ports.IsEmpty ? 80 : service.Ports[0],
            hosts.Count == 1 && hosts[0] == service.Host ? EquatableArray<string>.Empty : hosts,
            plan.VirtualService.Spec.Gateways,
            route,
            plan.DestinationRule?.Spec.TrafficPolicy,
            plan.Canary.StepInterval,
            plan.Canary.FailedChecks,
            plan.Canary.StepWeights,
            metrics,
            plan.Canary.Webhooks);

        // Flagger generates the service's VirtualService, its DestinationRules and its ClusterIP Services: two writers of
        // one object fight on every reconcile, so MeshDsl leaves them to it.
        return declared.Resources
            .Where(r => r is not (VirtualService or DestinationRule or K8sService) && !plan.IsStableDeployment(r))
            .Append(new FlaggerCanary(meta, declared.Origin, spec))
            .Concat(templates);
    }

    private static IEnumerable<Resource> Argo(ServiceInfo declared, CanaryPlan plan)
    {
        var start = plan.WithWeights(plan.VirtualService, 0);
        var resources = WithVirtualService(declared, start).Where(r => !plan.IsStableDeployment(r)).ToList();
        var service = plan.Service;
        var meta = new ObjectMeta(service.Name, plan.Namespace);
        var metrics = ArgoMetrics.Of(plan);
        var template = metrics.IsEmpty ? null : new ArgoAnalysisTemplate(meta with { Name = service.Name + "-canary" }, declared.Origin, metrics);
        var routes = plan.VirtualService.Spec.Http.Count == 1 && plan.VirtualService.Spec.Http[0].Name is null
            ? EquatableArray<string>.Empty
            : plan.CanaryRoutes.Select(r => r.Name).OfType<string>().ToEquatableArray();
        var deployment = plan.CanaryDeployment;
        resources.Add(new ArgoRollout(meta, declared.Origin, new ArgoRolloutSpec(
            deployment?.Spec.Replicas,
            service.Selector,
            deployment?.Metadata.Name ?? service.Name,
            plan.Labels(plan.Canary.StableSubset),
            plan.Labels(plan.Canary.CanarySubset),
            start.Metadata.Name,
            routes,
            plan.DestinationRule?.Metadata.Name ?? service.Name,
            plan.Canary.StableSubset,
            plan.Canary.CanarySubset,
            plan.Canary.StepWeights,
            plan.Canary.StepInterval,
            template?.Metadata.Name)));
        if (template is not null) resources.Add(template);
        return resources;
    }

    /// <summary>The service's objects with its VirtualService replaced by (or, when it has none, joined by) <paramref name="vs"/>.</summary>
    private static IEnumerable<Resource> WithVirtualService(ServiceInfo declared, VirtualService vs)
    {
        var replaced = false;
        foreach (var resource in declared.Resources)
        {
            if (resource is VirtualService && !replaced)
            {
                replaced = true;
                yield return vs;
            }
            else
            {
                yield return resource;
            }
        }

        if (!replaced) yield return vs;
    }
}
