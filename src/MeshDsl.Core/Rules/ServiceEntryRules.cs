using System.Collections.Generic;
using System.Linq;
using System.Net;
using MeshDsl.Istio;
using MeshDsl.Model;
using static MeshDsl.Rules.ModelWalk;

namespace MeshDsl.Rules;

/// <summary>
/// MESH020, with MESH004, MESH005 and MESH010 where a ServiceEntry breaks those: what Istio's webhook
/// (<c>ValidateServiceEntry</c>) rejects in a ServiceEntry.
/// </summary>
internal static class ServiceEntryRules
{
    public static IEnumerable<Finding> Check(RuleScope d)
    {
        foreach (var se in d.Resources.OfType<ServiceEntry>())
        {
            foreach (var f in Check(d, se)) yield return f;
        }
    }

    private static IEnumerable<Finding> Check(RuleScope d, ServiceEntry se)
    {
        var spec = se.Spec;
        var at = spec.Origin == SourceRef.None ? d.Origin : spec.Origin;
        Finding Invalid(SourceRef origin, string field, string message) => Finding(RuleIds.InvalidServiceEntry, origin, field, message);

        if (Names.ResourceName(se.Metadata.Name) is { } nameWhy) yield return Finding(RuleIds.InvalidName, d.Origin, "name", se.Metadata.Name, "ServiceEntry name", nameWhy);
        if (se.Metadata.Namespace is { } ns && Names.Label(ns) is { } nsWhy) yield return Finding(RuleIds.InvalidName, d.Origin, "namespace", ns, "namespace", nsWhy);

        if (spec.Hosts.IsEmpty) yield return Invalid(at, "hosts", $"ServiceEntry '{se.Metadata.Name}' has no hosts: Istio requires at least one");
        for (var i = 0; i < spec.Hosts.Count; i++)
        {
            var host = spec.Hosts[i];
            if (host == "*") yield return Invalid(at, Model.Finding.Element("hosts", i), "Host '*' would claim every host: Istio rejects it in a ServiceEntry");
            else if (Names.Host(host) is { } why) yield return Finding(RuleIds.InvalidName, at, Model.Finding.Element("hosts", i), host, "host", why);
        }

        var cidr = false;
        for (var i = 0; i < spec.Addresses.Count; i++)
        {
            var address = spec.Addresses[i];
            cidr |= address.IndexOf('/') >= 0;
            if (!IsIpOrCidr(address)) yield return Invalid(at, Model.Finding.Element("addresses", i), $"Address '{address}' is neither an IP address nor a CIDR block");
        }

        var names = new HashSet<string>(System.StringComparer.Ordinal);
        var numbers = new HashSet<int>();
        foreach (var port in spec.Ports)
        {
            var portAt = port.Origin == SourceRef.None ? at : port.Origin;
            if (port.Number is < 1 or > 65535) yield return Finding(RuleIds.PortOutOfRange, portAt, "number", N(port.Number));
            if (port.TargetPort is { } target && target is < 1 or > 65535) yield return Finding(RuleIds.PortOutOfRange, portAt, "targetPort", N(target));
            if (port.Name.Length == 0) yield return Invalid(portAt, "name", $"Port {N(port.Number)} has no name: Istio requires one");
            else if (!names.Add(port.Name)) yield return Finding(RuleIds.Duplicate, portAt, "name", $"Port name '{port.Name}' is used twice: Istio requires the port names of a ServiceEntry to be unique");
            if (!numbers.Add(port.Number)) yield return Finding(RuleIds.Duplicate, portAt, "number", $"Port {N(port.Number)} is defined twice: Istio rejects a ServiceEntry that repeats a port number");
        }

        if (!spec.Endpoints.IsEmpty && !spec.WorkloadSelector.IsEmpty)
            yield return Invalid(at, "workloadSelector", "A ServiceEntry has endpoints or a workloadSelector, not both: Istio rejects the pair");

        foreach (var endpoint in spec.Endpoints)
        {
            var endpointAt = endpoint.Origin == SourceRef.None ? at : endpoint.Origin;
            foreach (var port in endpoint.Ports)
            {
                if (port.Number is < 1 or > 65535) yield return Finding(RuleIds.PortOutOfRange, endpointAt, "ports", N(port.Number));
                if (!names.Contains(port.Name)) yield return Invalid(endpointAt, "ports", $"Endpoint port '{port.Name}' names no port of the ServiceEntry ({string.Join(", ", names)}): Istio rejects it");
            }
        }

        switch (spec.Resolution)
        {
            case null or ServiceEntryResolutions.None:
                if (!spec.Endpoints.IsEmpty) yield return Invalid(spec.Endpoints[0].Origin == SourceRef.None ? at : spec.Endpoints[0].Origin, string.Empty, "Endpoints with resolution NONE (the default): Istio rejects them; choose STATIC or DNS resolution, or remove the endpoints");
                if (!spec.WorkloadSelector.IsEmpty) yield return Invalid(at, "workloadSelector", "A workloadSelector with resolution NONE (the default): Istio rejects it; choose STATIC resolution");
                break;
            case ServiceEntryResolutions.Static:
                foreach (var endpoint in spec.Endpoints.Where(e => !IsStaticAddress(e.Address)))
                    yield return Invalid(endpoint.Origin == SourceRef.None ? at : endpoint.Origin, "address", $"Endpoint address '{endpoint.Address}' is not an IP address or a unix:// socket, which STATIC resolution requires: use DNS resolution for host names");
                break;
            case ServiceEntryResolutions.Dns or ServiceEntryResolutions.DnsRoundRobin:
                if (cidr) yield return Invalid(at, "addresses", "CIDR addresses with DNS resolution: Istio accepts them only with NONE or STATIC resolution");
                if (spec.Endpoints.IsEmpty)
                {
                    for (var i = 0; i < spec.Hosts.Count; i++)
                    {
                        if (spec.Hosts[i].StartsWith("*", System.StringComparison.Ordinal))
                            yield return Invalid(at, Model.Finding.Element("hosts", i), $"Wildcard host '{spec.Hosts[i]}' with {spec.Resolution} resolution and no endpoints: DNS cannot resolve a wildcard, and Istio rejects it; name the hosts or give endpoints");
                    }
                }

                if (spec.Resolution == ServiceEntryResolutions.DnsRoundRobin && spec.Endpoints.Count > 1)
                    yield return Invalid(spec.Endpoints[1].Origin == SourceRef.None ? at : spec.Endpoints[1].Origin, string.Empty, "DNS_ROUND_ROBIN resolution takes at most one endpoint: Istio rejects more; use DNS resolution");
                break;
        }

        foreach (var f in RouteSettingRules.ExportTo(spec.ExportTo, at, RuleIds.InvalidServiceEntry, allowNone: true)) yield return f;
    }

    private static bool IsIpOrCidr(string address)
    {
        var slash = address.IndexOf('/');
        if (slash < 0) return IPAddress.TryParse(address, out _);
        if (!IPAddress.TryParse(address.Substring(0, slash), out var ip)) return false;
        var max = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32;
        return int.TryParse(address.Substring(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bits) && bits <= max;
    }

    private static bool IsStaticAddress(string? address) =>
        address is { Length: > 0 } && (IPAddress.TryParse(address, out _) || address.StartsWith("unix://", System.StringComparison.Ordinal));
}
