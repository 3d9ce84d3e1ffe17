using System.Collections.Generic;
using System.Linq;
using MeshDsl.Helpers;
using MeshDsl.Model;

namespace MeshDsl.Canary;

/// <summary>
/// What every engine needs to know of a service's canary: its VirtualService (declared, or the default route a canary implies),
/// the routes the canary moves (<see cref="CanaryRoutes"/>), its DestinationRule and the Deployments of its two subsets.
/// </summary>
internal sealed class CanaryPlan
{
    private CanaryPlan(ServiceInfo service, CanarySpec canary, VirtualService vs, DestinationRule? dr, IReadOnlyList<K8sDeployment> deployments, string? ns)
    {
        Service = service;
        Canary = canary;
        VirtualService = vs;
        DestinationRule = dr;
        Namespace = ns;
        CanaryRoutes = vs.Spec.Http.Where(IsCanaryRoute).ToArray();
        StableDeployment = DeploymentOf(deployments, canary.StableSubset);
        CanaryDeployment = DeploymentOf(deployments, canary.CanarySubset);
    }

    public ServiceInfo Service { get; }

    public CanarySpec Canary { get; }

    public VirtualService VirtualService { get; }

    public DestinationRule? DestinationRule { get; }

    /// <summary>The namespace of the service's resources (after MeshDslNamespace), or null when none is set.</summary>
    public string? Namespace { get; }

    public IReadOnlyList<HttpRoute> CanaryRoutes { get; }

    public K8sDeployment? StableDeployment { get; }

    public K8sDeployment? CanaryDeployment { get; }

    public static CanaryPlan Of(ServiceInfo service, CanarySpec canary)
    {
        var dr = service.Resources.OfType<DestinationRule>().FirstOrDefault();
        var declared = service.Resources.OfType<VirtualService>().FirstOrDefault();
        var ns = declared?.Metadata.Namespace ?? dr?.Metadata.Namespace ?? service.Resources.FirstOrDefault()?.Metadata.Namespace ?? service.Namespace;
        var vs = declared ?? DefaultVirtualService(service, canary, ns);
        return new CanaryPlan(service, canary, vs, dr, service.Resources.OfType<K8sDeployment>().ToArray(), ns);
    }

    /// <summary>
    /// Whether a route is one the canary moves: it sends all its traffic to this service's stable subset, or to its stable and
    /// canary subsets. Other routes (a test route to the canary alone, a route elsewhere) keep their destinations.
    /// </summary>
    public bool IsCanaryRoute(HttpRoute route) =>
        route.Route.Count > 0
        && route.Route.Any(d => IsOwn(d.Destination) && d.Destination.Subset == Canary.StableSubset)
        && route.Route.All(d => IsOwn(d.Destination) && (d.Destination.Subset == Canary.StableSubset || d.Destination.Subset == Canary.CanarySubset));

    /// <summary>The VirtualService with every canary route at this weight (null: the rollback, the stable subset alone).</summary>
    public VirtualService WithWeights(VirtualService vs, int? canaryWeight) => vs with
    {
        Spec = vs.Spec with
        {
            Http = vs.Spec.Http.Select(r => IsCanaryRoute(r) ? Weighted(r, canaryWeight) : r).ToEquatableArray(),
        },
    };

    /// <summary>The stable subset's Deployment, which a controller replaces with pods of its own.</summary>
    public bool IsStableDeployment(Resource resource) => StableDeployment is not null && ReferenceEquals(resource, StableDeployment);

    /// <summary>The labels of one of the service's subsets.</summary>
    public EquatableArray<Label> Labels(string subset) =>
        DestinationRule?.Spec.Subsets.FirstOrDefault(s => s.Name == subset)?.Labels ?? EquatableArray<Label>.Empty;

    private HttpRoute Weighted(HttpRoute route, int? canaryWeight)
    {
        var stable = route.Route.First(d => d.Destination.Subset == Canary.StableSubset);
        var canary = route.Route.FirstOrDefault(d => d.Destination.Subset == Canary.CanarySubset)
            ?? stable with { Destination = stable.Destination with { Subset = Canary.CanarySubset }, Headers = null };
        var destinations = canaryWeight is { } weight
            ? new[] { stable with { Weight = 100 - weight }, canary with { Weight = weight } }
            : new[] { stable with { Weight = 100 } };
        return route with { Route = destinations.ToEquatableArray() };
    }

    private bool IsOwn(Destination destination) =>
        destination.Host == Service.Host || destination.Host.StartsWith(Service.Host + ".", System.StringComparison.OrdinalIgnoreCase);

    private K8sDeployment? DeploymentOf(IReadOnlyList<K8sDeployment> deployments, string subset)
    {
        var labels = Labels(subset);
        return labels.IsEmpty ? null : deployments.FirstOrDefault(d => labels.All(l => d.Spec.PodLabels.Contains(l)));
    }

    /// <summary>A service with a canary and no route of its own gets the route a canary starts from: stable 100, canary 0.</summary>
    private static VirtualService DefaultVirtualService(ServiceInfo service, CanarySpec canary, string? ns)
    {
        var route = new HttpRoute(
            null,
            EquatableArray<HttpMatchRequest>.Empty,
            new[]
            {
                new HttpRouteDestination(new Destination(service.Host, canary.StableSubset, null), 100, null, canary.Origin),
                new HttpRouteDestination(new Destination(service.Host, canary.CanarySubset, null), 0, null, canary.Origin),
            }.ToEquatableArray(),
            null, null, null, null, null, null, null, null, null, canary.Origin, EquatableArray<HttpMirrorPolicy>.Empty, null, null, canary.Origin);
        return new VirtualService(new ObjectMeta(service.Name, ns), service.Origin, new VirtualServiceSpec(
            new[] { service.Host }.ToEquatableArray(),
            EquatableArray<string>.Empty,
            new[] { route }.ToEquatableArray(),
            EquatableArray<TlsRoute>.Empty,
            EquatableArray<TcpRoute>.Empty,
            EquatableArray<string>.Empty));
    }
}
