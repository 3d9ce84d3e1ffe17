using System;
using System.Collections.Generic;
using System.Linq;
using MeshDsl.Helpers;
using MeshDsl.Model;

namespace MeshDsl.Simulation;

/// <summary>
/// Routes one request through a <see cref="Mesh"/> as Istio's proxies would: the gateway's servers (when it enters through one),
/// the VirtualService for its host (most specific host first: exact before wildcard, longer wildcard before shorter), its HTTP
/// rules in order (first match wins; conditions in a block are ANDed, blocks ORed), delegates, and the DestinationRule policy
/// of each destination (a subset's policy over the host's, field by field).
/// </summary>
internal static class Simulator
{
    public const string MeshGateway = "mesh";

    public static RouteDecision Route(Mesh mesh, SimulatedRequest request)
    {
        var notes = new List<string>();
        var fqdn = ClientFqdn(mesh, request);

        if (request.Gateway is { } gatewayRef)
        {
            var gateway = mesh.FindGateway(gatewayRef, null);
            if (gateway is null)
            {
                notes.Add($"the gateway '{gatewayRef}' is not in the mesh");
                return new RouteDecision(RouteOutcome.NotAccepted, fqdn, null, null, null, null, Array.Empty<RuleMiss>(), Array.Empty<RoutedDestination>(), notes);
            }

            var server = gateway.Spec.Servers.FirstOrDefault(s => s.Port.Number == request.Port && s.Hosts.Any(h => HostMatches(StripNamespace(h), request.Host)));
            if (server is null)
            {
                notes.Add($"no server of gateway '{gatewayRef}' listens on port {request.Port} for host '{request.Host}'");
                return new RouteDecision(RouteOutcome.NotAccepted, fqdn, null, null, null, null, Array.Empty<RuleMiss>(), Array.Empty<RoutedDestination>(), notes);
            }

            if (server.Tls?.HttpsRedirect == true && request.Scheme == "http")
            {
                notes.Add($"the gateway's server on port {request.Port} has httpsRedirect: a 301 to https://{request.Host}{request.Path}");
                return new RouteDecision(RouteOutcome.Redirected, fqdn, null, null, null, null, Array.Empty<RuleMiss>(), Array.Empty<RoutedDestination>(), notes);
            }

            // Through a gateway, a VirtualService's hosts are compared with the request's host as written.
            fqdn = request.Host;
        }

        var candidates = mesh.VirtualServices
            .Where(vs => vs.Spec.Hosts.Count > 0 && AppliesTo(mesh, vs, request))
            .Select(vs => (vs, Specificity: vs.Spec.Hosts.Select(h => Specificity(mesh.Fqdn(h, vs.Metadata.Namespace), fqdn)).Max()))
            .Where(x => x.Specificity > 0)
            .OrderByDescending(x => x.Specificity)
            .ToArray();
        if (candidates.Length == 0)
        {
            if (request.Gateway is not null)
            {
                notes.Add($"no VirtualService bound to the gateway has the host '{request.Host}': the gateway answers 404");
                return new RouteDecision(RouteOutcome.NoRoute, fqdn, null, null, null, null, Array.Empty<RuleMiss>(), Array.Empty<RoutedDestination>(), notes);
            }

            notes.Add($"no VirtualService has the host '{fqdn}': Kubernetes' default routing, every pod of the Service in turn");
            var destination = new Destination(fqdn, null, null);
            return new RouteDecision(RouteOutcome.DefaultRouting, fqdn, null, null, null, null, Array.Empty<RuleMiss>(),
                new[] { Routed(mesh, destination, 100, null) }, notes);
        }

        var chosen = candidates[0].vs;
        if (candidates.Length > 1 && candidates[1].Specificity == candidates[0].Specificity)
        {
            notes.Add($"VirtualServices {string.Join(", ", candidates.Where(c => c.Specificity == candidates[0].Specificity).Select(c => "'" + c.vs.Metadata.Name + "'"))} all have the host: "
                + $"only the first, '{chosen.Metadata.Name}', is used (Istio merges them for gateways only, in an order this model does not know)");
        }

        return Rules(mesh, request, fqdn, chosen, chosen.Spec.Http, notes, parent: null);
    }

    private static RouteDecision Rules(Mesh mesh, SimulatedRequest request, string fqdn, VirtualService vs, EquatableArray<HttpRoute> rules, List<string> notes, VirtualService? parent)
    {
        var skipped = new List<RuleMiss>();
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var (matchIndex, reasons) = FirstMatch(mesh, vs, rule, request);
            if (matchIndex is null)
            {
                skipped.Add(new RuleMiss(i, rule.Name, reasons));
                continue;
            }

            if (rule.Delegate is { } del)
            {
                var child = mesh.VirtualServices
                    .FirstOrDefault(c => c.Metadata.Name == del.Name && mesh.NamespaceOf(c.Metadata.Namespace) == mesh.NamespaceOf(del.Namespace ?? vs.Metadata.Namespace));
                if (child is null)
                {
                    notes.Add($"rule {Name(rule, i)} delegates to '{del.Name}', which is not in the mesh: no route");
                    return new RouteDecision(RouteOutcome.NoRoute, fqdn, vs, i, rule, matchIndex, skipped, Array.Empty<RoutedDestination>(), notes);
                }

                notes.Add($"rule {Name(rule, i)} delegates to VirtualService '{child.Metadata.Name}'");
                var delegated = Rules(mesh, request, fqdn, child, child.Spec.Http, notes, vs);
                return delegated with { Delegate = child, Skipped = skipped.Concat(delegated.Skipped).ToArray() };
            }

            var outcome = rule.Redirect is not null ? RouteOutcome.Redirected : rule.DirectResponse is not null ? RouteOutcome.DirectResponse : RouteOutcome.Routed;
            var destinations = rule.Route.Select(d => Routed(mesh, d.Destination, d.Weight ?? (rule.Route.Count == 1 ? 100 : 0), parent ?? vs)).ToArray();
            foreach (var missing in destinations.Where(d => d.Destination.Subset is { } subset && d.DestinationRule?.Spec.Subsets.Any(s => s.Name == subset) != true))
            {
                notes.Add($"the subset '{missing.Destination.Subset}' of {missing.Fqdn} is in no DestinationRule: requests sent there fail with 503 (no cluster)");
            }

            return new RouteDecision(outcome, fqdn, parent ?? vs, i, rule, matchIndex, skipped, destinations, notes) { Delegate = parent is null ? null : vs };
        }

        notes.Add($"no rule of VirtualService '{vs.Metadata.Name}' matches: Envoy answers 404 (NR, no route)");
        return new RouteDecision(RouteOutcome.NoRoute, fqdn, parent ?? vs, null, null, null, skipped, Array.Empty<RoutedDestination>(), notes);
    }

    /// <summary>The first match block of a rule the request satisfies (a rule without blocks matches everything), or why none does.</summary>
    private static (int? Index, IReadOnlyList<string> Reasons) FirstMatch(Mesh mesh, VirtualService vs, HttpRoute rule, SimulatedRequest request)
    {
        if (rule.Match.IsEmpty) return (-1, Array.Empty<string>());
        var reasons = new List<string>();
        for (var b = 0; b < rule.Match.Count; b++)
        {
            var miss = MatchEvaluator.Miss(rule.Match[b], request, g => GatewayIs(mesh, vs, g, request.Gateway));
            if (miss is null) return (b, Array.Empty<string>());
            reasons.Add(rule.Match.Count == 1 ? miss : $"match {b + 1}: {miss}");
        }

        return (null, reasons);
    }

    private static RoutedDestination Routed(Mesh mesh, Destination destination, int weight, VirtualService? from)
    {
        var fqdn = mesh.Fqdn(destination.Host, from?.Metadata.Namespace);
        var dr = mesh.DestinationRulesByHost[fqdn].FirstOrDefault();
        var policy = dr?.Spec.TrafficPolicy;
        if (dr is not null && destination.Subset is { } subset && dr.Spec.Subsets.FirstOrDefault(s => s.Name == subset)?.TrafficPolicy is { } own)
        {
            policy = policy is null ? own : own with
            {
                LoadBalancer = own.LoadBalancer ?? policy.LoadBalancer,
                ConnectionPool = own.ConnectionPool ?? policy.ConnectionPool,
                OutlierDetection = own.OutlierDetection ?? policy.OutlierDetection,
                Tls = own.Tls ?? policy.Tls,
            };
        }

        return new RoutedDestination(destination, fqdn, weight, dr, policy);
    }

    /// <summary>Whether a VirtualService is bound where the request is: the mesh's sidecars, or the gateway it enters through.</summary>
    private static bool AppliesTo(Mesh mesh, VirtualService vs, SimulatedRequest request)
    {
        var gateways = vs.Spec.Gateways.IsEmpty ? new[] { MeshGateway } : vs.Spec.Gateways.ToArray();
        return gateways.Any(g => GatewayIs(mesh, vs, g, request.Gateway));
    }

    private static bool GatewayIs(Mesh mesh, VirtualService vs, string reference, string? requestGateway)
    {
        if (reference == MeshGateway) return requestGateway is null;
        if (requestGateway is null) return false;
        var named = mesh.FindGateway(reference, vs.Metadata.Namespace);
        var entered = mesh.FindGateway(requestGateway, null);
        return named is not null && ReferenceEquals(named, entered);
    }

    /// <summary>The request's host as a sidecar resolves it: a short name in the client's namespace, <c>name.namespace</c> in that one.</summary>
    private static string ClientFqdn(Mesh mesh, SimulatedRequest request)
    {
        var host = request.Host.ToLowerInvariant();
        if (host.IndexOf('.') < 0) return host + "." + request.SourceNamespace + ".svc.cluster.local";
        var parts = host.Split('.');
        if (parts.Length == 2 && Namespaces(mesh).Contains(parts[1])) return host + ".svc.cluster.local";
        if (host.EndsWith(".svc", StringComparison.Ordinal)) return host + ".cluster.local";
        return host;
    }

    /// <summary>The namespaces the mesh's resources are in: <c>reviews.bookinfo</c> names a service only in one of them.</summary>
    private static HashSet<string> Namespaces(Mesh mesh) => new(
        mesh.Resources.Select(r => mesh.NamespaceOf(r.Metadata.Namespace))
            .Concat(mesh.Services.Select(s => mesh.NamespaceOf(s.Namespace))),
        StringComparer.Ordinal);

    /// <summary>0: no match; higher is more specific (an exact host over any wildcard, a longer wildcard over a shorter).</summary>
    private static int Specificity(string vsHost, string host)
    {
        if (string.Equals(vsHost, host, StringComparison.OrdinalIgnoreCase)) return int.MaxValue;
        return HostMatches(vsHost, host) ? vsHost.Length : 0;
    }

    private static bool HostMatches(string pattern, string host) =>
        pattern == "*" || string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase)
        || (pattern.StartsWith("*", StringComparison.Ordinal) && host.EndsWith(pattern.Substring(1), StringComparison.OrdinalIgnoreCase));

    private static string StripNamespace(string host) => host.IndexOf('/') is var slash and >= 0 ? host.Substring(slash + 1) : host;

    private static string Name(HttpRoute rule, int index) => rule.Name is null ? "#" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "'" + rule.Name + "'";
}
