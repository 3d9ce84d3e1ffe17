using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MeshDsl.Helpers;
using MeshDsl.Model;
using static MeshDsl.Rules.ModelWalk;

namespace MeshDsl.Rules;

/// <summary>Rules that need the whole mesh: services and objects referring to each other.</summary>
internal static class MeshRules
{
    public static IEnumerable<Finding> Check(Mesh mesh)
    {
        var defaultNamespace = mesh.DefaultNamespace;
        var services = mesh.Services;
        // No tuples in the collections here: a framework generic over a value type is compiled at run time, even in the
        // ReadyToRun build of meshdsl, where these rules run once per process (docs/performance.md).
        var virtualServices = mesh.VirtualServices;
        var gateways = mesh.Gateways;
        // The subsets some route or mirror names, by host.
        var routed = new Dictionary<string, HashSet<string>>(System.StringComparer.Ordinal);
        void Route(string fqdn, string subset)
        {
            if (!routed.TryGetValue(fqdn, out var ofHost)) routed[fqdn] = ofHost = new HashSet<string>(System.StringComparer.Ordinal);
            ofHost.Add(subset);
        }

        bool IsRouted(string fqdn, string subset) => routed.TryGetValue(fqdn, out var ofHost) && ofHost.Contains(subset);

        // Each host's subsets, worked out once: a mesh's destinations name the same few subsets of each host many times.
        var subsetsByHost = new Dictionary<string, HostSubsets>(System.StringComparer.Ordinal);
        HostSubsets SubsetsOf(string fqdn)
        {
            if (subsetsByHost.TryGetValue(fqdn, out var known)) return known;
            var rules = mesh.DestinationRulesByHost[fqdn].ToArray();
            return subsetsByHost[fqdn] = new HostSubsets(rules.Length > 0, rules.SelectMany(dr => dr.Spec.Subsets).Select(s => s.Name).ToArray());
        }

        foreach (var vs in virtualServices)
        {
            foreach (var dest in Destinations(vs))
            {
                var fqdn = mesh.Fqdn(dest.Destination.Host, vs.Metadata.Namespace);
                if (dest.Destination.Subset is { } subset) Route(fqdn, subset);
                var hasService = mesh.ServicesByFqdn.TryGetValue(fqdn, out var target);

                // MESH004: a host or subset the mesh does not declare is checked here; a declared service's are checked where it is declared.
                if (!hasService)
                {
                    if (Names.Host(dest.Destination.Host, allowBareWildcard: false) is { } why)
                        yield return Finding(RuleIds.InvalidName, dest.Origin, "host", dest.Destination.Host, "destination host", why);
                    if (dest.Destination.Subset is { } subsetName && Names.SubsetName(subsetName) is { } subsetWhy)
                        yield return Finding(RuleIds.InvalidName, dest.Origin, "subset", subsetName, "subset name", subsetWhy);
                }

                // MESH101 (IST0101): a subset that no DestinationRule of the host defines (known hosts only: the mesh may be partial).
                if (dest.Destination.Subset is { } name && SubsetsOf(fqdn) is var subsets && (hasService || subsets.HasRules) && !subsets.Names.Contains(name))
                {
                    var owner = hasService ? target!.Name : dest.Destination.Host;
                    yield return Finding(RuleIds.UnknownReference, dest.Origin, "subset", name,
                        $"a subset of '{owner}' (it has {(subsets.Names.Length == 0 ? "none" : string.Join(", ", subsets.Names))}): route to one of its [Subset] classes");
                }

                if (!hasService) continue;

                // MESH106 (IST0112): a service with several ports needs the destination to pick one.
                var ports = target!.Ports;
                if (dest.Destination.Port is null && ports.Count > 1 && !dest.IsMirror)
                {
                    yield return Finding(RuleIds.PortRequired, dest.Origin, string.Empty, target.Name, string.Join(", ", ports.Select(p => N(p))));
                }
            }

            // MESH105 (IST0132): a gateway the VirtualService is bound to must serve one of its hosts.
            foreach (var reference in vs.Spec.Gateways.Where(g => g != "mesh"))
            {
                if (mesh.FindGateway(reference, vs.Metadata.Namespace) is not { } gw) continue;
                var served = gw.Spec.Servers.SelectMany(s => s.Hosts).ToArray();
                if (!vs.Spec.Hosts.Any(h => served.Any(s => ServerServes(s, h, vs.Metadata.Namespace, gw.Metadata.Namespace))))
                {
                    yield return Finding(RuleIds.HostNotInGateway, vs.Origin, "gateways", gw.Metadata.Name, vs.Metadata.Name, string.Join(", ", vs.Spec.Hosts));
                }
            }
        }

        // MESH111, MESH112 (IST0101, IST0174): hosts no Service, ServiceEntry or service declaration defines, once the mesh knows its hosts.
        if (mesh.DefinedHosts.Count > 0)
        {
            foreach (var vs in virtualServices)
            {
                foreach (var dest in Destinations(vs).Where(x => !mesh.KnowsHost(x.Destination.Host, vs.Metadata.Namespace)))
                {
                    yield return Finding(RuleIds.UnknownHost, dest.Origin, "host",
                        $"'{dest.Destination.Host}' is a host no Service, ServiceEntry or [MeshService] of the mesh defines: {(dest.IsMirror ? "mirrored" : "routed")} requests find no endpoint; define it (a ServiceEntry for an external host) or fix the name");
                }
            }

            foreach (var dr in mesh.OwnResources.OfType<DestinationRule>())
            {
                if (!mesh.KnowsHost(dr.Spec.Host, dr.Metadata.Namespace))
                {
                    yield return Finding(RuleIds.UnknownHost, dr.Origin, "host",
                        $"DestinationRule '{dr.Metadata.Name}' is for '{dr.Spec.Host}', a host no Service, ServiceEntry or [MeshService] of the mesh defines: its policy applies to nothing");
                }
            }
        }

        // MESH405 (IST0162): a server port that the Service in front of the gateway's pods does not expose.
        foreach (var gw in gateways.Where(g => !g.Spec.Selector.IsEmpty))
        {
            var pods = mesh.Workloads.Where(w => gw.Spec.Selector.All(w.PodLabels.Contains)).ToArray();
            var fronts = mesh.HostDefinitions
                .Where(h => h.Kind == "Service" && !h.Selector.IsEmpty && pods.Any(p => h.Selector.All(p.PodLabels.Contains) && mesh.NamespaceOf(p.Namespace) == mesh.NamespaceOf(h.Namespace)))
                .ToArray();
            if (fronts.Length == 0) continue;
            var exposed = fronts.SelectMany(h => h.ServicePorts.Select(p => (Port: p.Port, Target: p.TargetPort ?? p.Port))).ToArray();
            foreach (var server in gw.Spec.Servers.Where(s => s.Port.Number > 0 && !exposed.Any(e => e.Target == s.Port.Number || e.Port == s.Port.Number)))
            {
                yield return Finding(RuleIds.GatewayPortNotExposed, server.Origin, "port",
                    $"Port {N(server.Port.Number)} of gateway '{gw.Metadata.Name}' is not exposed by the Service in front of its pods ({string.Join(", ", fronts.Select(f => f.Name + " " + f.Source))}): no traffic reaches this server; add the port to the Service");
            }
        }

        // MESH110 (IST0140): a gateway ignores a service's subset routing, so its own route should name subsets.
        var atGateways = virtualServices.Where(x => x.Spec.Gateways.Any(g => g != "mesh")).ToArray();
        var routedBySubset = atGateways.Length == 0 ? new HashSet<string>() : new HashSet<string>(virtualServices.SelectMany(x => x.Spec.Http
            .SelectMany(r => r.Route)
            .Where(d => d.Destination.Subset is not null)
            .Select(d => mesh.Fqdn(d.Destination.Host, x.Metadata.Namespace))
            .Where(host => x.Spec.Hosts.Any(h => mesh.Fqdn(h, x.Metadata.Namespace) == host))));
        foreach (var vs in atGateways)
        {
            foreach (var dest in vs.Spec.Http.SelectMany(r => r.Route).Where(d => d.Destination.Subset is null))
            {
                var host = mesh.Fqdn(dest.Destination.Host, vs.Metadata.Namespace);
                if (routedBySubset.Contains(host))
                {
                    yield return Finding(RuleIds.SubsetsIgnoredAtIngress, dest.Origin, string.Empty,
                        $"'{dest.Destination.Host}' is routed by subset in its own VirtualService, but gateways do not apply those rules: requests through {string.Join(", ", vs.Spec.Gateways.Where(g => g != "mesh"))} reach every version; route to its subsets here too");
                }
            }
        }

        // MESH010 (IST0109): two VirtualServices claiming the same host for the sidecars.
        var claims = virtualServices
            .Where(x => x.Spec.Gateways.IsEmpty || x.Spec.Gateways.Contains("mesh"))
            .SelectMany(x => x.Spec.Hosts.Select(h => new HostClaim(x, mesh.Fqdn(h, x.Metadata.Namespace))))
            .GroupBy(x => new ClaimedHost(x.VirtualService.Metadata.Namespace ?? defaultNamespace, x.Host))
            .Where(g => g.Select(x => x.VirtualService).Distinct(ReferenceComparer<VirtualService>.Instance).Count() > 1);
        foreach (var group in claims)
        {
            var all = group.Select(x => x.VirtualService).Distinct(ReferenceComparer<VirtualService>.Instance).ToArray();
            foreach (var (vs, host) in group)
            {
                // Each other one by name and by where its front end read it (a YAML file, a C# type): their names are often the same.
                var others = string.Join(", ", all.Where(o => !ReferenceEquals(o, vs)).Select(o => "'" + o.Metadata.Name + "' (" + o.Origin.Document + ")").Distinct());
                var service = mesh.ServiceOf(vs);
                var field = service is null ? "hosts" : service.Host != service.Name ? "host" : "name";
                yield return Finding(RuleIds.Duplicate, vs.Origin, field,
                    $"VirtualService '{vs.Metadata.Name}' claims host '{host}' for the mesh, and so does VirtualService {others}: the sidecars take one of them at random; merge their rules into one VirtualService");
            }
        }

        // MESH305: a subset nothing routes to is a version that gets no traffic, whichever front end declared its DestinationRule.
        foreach (var dr in mesh.DestinationRules)
        {
            var host = mesh.Fqdn(dr.Spec.Host, dr.Metadata.Namespace);
            foreach (var subset in dr.Spec.Subsets.Where(s => !IsRouted(host, s.Name)))
            {
                yield return Finding(RuleIds.UnroutedSubset, subset.Origin, string.Empty, subset.Name, mesh.ServiceOf(dr)?.Name ?? dr.Spec.Host);
            }
        }

        // MESH403 (IST0145): servers of different gateways on the same pods, port and host.
        for (var i = 0; i < gateways.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var (a, b) = (gateways[j], gateways[i]);
                if (!a.Spec.Selector.SequenceEqual(b.Spec.Selector) || a.Spec.Selector.IsEmpty) continue;
                foreach (var server in b.Spec.Servers)
                {
                    foreach (var host in server.Hosts)
                    {
                        if (a.Spec.Servers.Any(s => s.Port.Number == server.Port.Number && s.Bind == server.Bind && s.Hosts.Any(h => TrafficPolicyRules.ServerHostsOverlap(h, host))))
                        {
                            yield return Finding(RuleIds.ConflictingServers, server.Origin, "hosts", N(server.Port.Number), host, "Gateway '" + a.Metadata.Name + "', which selects the same pods");
                        }
                    }
                }
            }
        }
    }

    private sealed record HostSubsets(bool HasRules, string[] Names);

    private sealed record HostClaim(VirtualService VirtualService, string Host);

    private sealed record ClaimedHost(string Namespace, string Host);

    /// <summary>Whether a server host (<c>[ns/]host</c>) serves a VirtualService host in the VirtualService's namespace.</summary>
    private static bool ServerServes(string serverHost, string vsHost, string? vsNamespace, string? gatewayNamespace)
    {
        var slash = serverHost.IndexOf('/');
        var ns = slash >= 0 ? serverHost.Substring(0, slash) : "*";
        var host = slash >= 0 ? serverHost.Substring(slash + 1) : serverHost;
        if (ns == ".") ns = gatewayNamespace ?? "default";
        if (ns != "*" && ns != (vsNamespace ?? "default")) return false;
        return string.Equals(host, vsHost, System.StringComparison.OrdinalIgnoreCase)
            || ValidationRules.WildcardCovers(host, vsHost) || ValidationRules.WildcardCovers(vsHost, host);
    }
}
