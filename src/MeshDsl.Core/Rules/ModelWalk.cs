using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MeshDsl.Model;

namespace MeshDsl.Rules;

/// <summary>Ways through the model that several rules share.</summary>
internal static class ModelWalk
{
    public static Finding Finding(string ruleId, SourceRef origin, string field, params string[] args) =>
        new(ruleId, origin, field, args.ToImmutableArray());

    /// <summary>A number as messages show it, whatever the culture.</summary>
    public static string N(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc cref="N(int)"/>
    public static string N(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc cref="N(int)"/>
    public static string N(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    public static IEnumerable<VirtualService> VirtualServices(RuleScope d) => d.Resources.OfType<VirtualService>();

    public static IEnumerable<DestinationRule> DestinationRules(RuleScope d) => d.Resources.OfType<DestinationRule>();

    public static IEnumerable<Gateway> Gateways(RuleScope d) => d.Resources.OfType<Gateway>();

    /// <summary>A rule's name for messages: its <c>name</c>, or its position.</summary>
    public static string RuleName(VirtualService vs, HttpRoute route) =>
        route.Name ?? "#" + (vs.Spec.Http.AsImmutableArray().IndexOf(route) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>One level of traffic policy (the service's, a subset's, or a port's), with where it was declared.</summary>
    internal sealed record PolicyLevel(LoadBalancerSettings? LoadBalancer, ConnectionPoolSettings? ConnectionPool, OutlierDetection? OutlierDetection, ClientTlsSettings? Tls);

    public static IEnumerable<PolicyLevel> PolicyLevels(DestinationRule dr)
    {
        foreach (var policy in Policies(dr))
        {
            yield return new PolicyLevel(policy.LoadBalancer, policy.ConnectionPool, policy.OutlierDetection, policy.Tls);
            foreach (var port in policy.PortLevelSettings) yield return new PolicyLevel(port.LoadBalancer, port.ConnectionPool, port.OutlierDetection, port.Tls);
        }
    }

    /// <summary>The DestinationRule's traffic policy, then each subset's, where there is one.</summary>
    public static IEnumerable<TrafficPolicy> Policies(DestinationRule dr)
    {
        if (dr.Spec.TrafficPolicy is { } policy) yield return policy;
        foreach (var subset in dr.Spec.Subsets)
        {
            if (subset.TrafficPolicy is { } subsetPolicy) yield return subsetPolicy;
        }
    }

    /// <summary>The header conditions of a rule's match blocks, in order: each block's headers, then its withoutHeaders.</summary>
    public static IEnumerable<NamedMatch> MatchedHeaders(HttpRoute route)
    {
        foreach (var block in route.Match)
        {
            foreach (var header in block.Headers) yield return header;
            foreach (var header in block.WithoutHeaders) yield return header;
        }
    }

    /// <summary>A destination of a VirtualService (route, mirror or mirrors entry), with where it was declared.</summary>
    internal sealed record DestinationRef(Destination Destination, SourceRef Origin, bool IsMirror);

    public static IEnumerable<DestinationRef> Destinations(VirtualService vs)
    {
        foreach (var route in vs.Spec.Http)
        {
            foreach (var d in route.Route) yield return new DestinationRef(d.Destination, d.Origin, false);
            if (route.Mirror is { } mirror) yield return new DestinationRef(mirror, route.MirrorOrigin, true);
            foreach (var m in route.Mirrors) yield return new DestinationRef(m.Destination, m.Origin, true);
        }

        foreach (var route in vs.Spec.Tcp)
        {
            foreach (var d in route.Route) yield return new DestinationRef(d.Destination, d.Origin, false);
        }

        foreach (var route in vs.Spec.Tls)
        {
            foreach (var d in route.Route) yield return new DestinationRef(d.Destination, d.Origin, false);
        }
    }

    /// <summary>The host as seen from a namespace: short names resolve in it.</summary>
    public static string Fqdn(string host, string? ns) =>
        host.IndexOf('.') >= 0 || host.IndexOf('*') >= 0 ? host : host + "." + (ns ?? "default") + ".svc.cluster.local";
}
