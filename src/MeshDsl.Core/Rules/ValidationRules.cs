using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MeshDsl.Istio;
using MeshDsl.Model;
using static MeshDsl.Rules.ModelWalk;

namespace MeshDsl.Rules;

/// <summary>MESH002-MESH010: what Istio's admission webhook would reject (validation.md), found in the model.</summary>
internal static class ValidationRules
{

    public static IEnumerable<Finding> Check(RuleScope d)
    {
        foreach (var vs in VirtualServices(d))
        {
            foreach (var f in Percentages(vs)) yield return f;
            foreach (var f in RegexesOf(vs)) yield return f;
            foreach (var f in HttpActions(vs)) yield return f;
            foreach (var f in Faults(vs)) yield return f;
            foreach (var f in Retries(vs)) yield return f;
            foreach (var f in Weights(vs)) yield return f;
            foreach (var f in VsNamesAndPorts(d, vs)) yield return f;
        }

        foreach (var dr in DestinationRules(d))
        {
            foreach (var f in DestinationRuleValues(d, dr)) yield return f;

            // A DestinationRule of its own (from YAML): in C# its name, namespace and host are the service's, checked below.
            if (d.Service is null)
            {
                if (Names.ResourceName(dr.Metadata.Name) is { } why) yield return Finding(RuleIds.InvalidName, d.Origin, "name", dr.Metadata.Name, "DestinationRule name", why);
                if (dr.Metadata.Namespace is { } ns && Names.Label(ns) is { } nsWhy) yield return Finding(RuleIds.InvalidName, d.Origin, "namespace", ns, "namespace", nsWhy);
                if (Names.Host(dr.Spec.Host) is { } hostWhy) yield return Finding(RuleIds.InvalidName, d.Origin, "host", dr.Spec.Host, "host", hostWhy);
            }
        }

        foreach (var gw in Gateways(d))
        {
            foreach (var f in GatewayValues(d, gw)) yield return f;
        }

        if (d.Service is { } service)
        {
            if (Names.Label(service.Name) is { } why) yield return Finding(RuleIds.InvalidName, service.Origin, "name", service.Name, "service name", why);
            if (service.Namespace is { } ns && Names.Label(ns) is { } nsWhy) yield return Finding(RuleIds.InvalidName, service.Origin, "namespace", ns, "namespace", nsWhy);
            if (service.Host != service.Name && Names.Host(service.Host, allowBareWildcard: false) is { } hostWhy)
                yield return Finding(RuleIds.InvalidName, service.Origin, "host", service.Host, "host", hostWhy);
            foreach (var port in service.Ports.Where(p => p is < 1 or > 65535))
            {
                yield return Finding(RuleIds.PortOutOfRange, service.Origin, service.Ports.Count > 1 ? "ports" : "port", N(port));
            }
        }
    }

    // MESH002
    private static IEnumerable<Finding> Percentages(VirtualService vs)
    {
        static bool FaultOk(double v) => v == 0 || (v >= 0.0001 && v <= 100);
        static bool PercentOk(double v) => v >= 0 && v <= 100;
        foreach (var route in vs.Spec.Http)
        {
            if (route.Fault?.Delay is { Percentage: { } dp } delay && !FaultOk(dp))
                yield return Finding(RuleIds.PercentageOutOfRange, delay.Origin, "percentage", "fault delay percentage", N(dp), "Istio accepts 0, or 0.0001 to 100");
            if (route.Fault?.Delay is { Percent: { } pi } delay2 && !PercentOk(pi))
                yield return Finding(RuleIds.PercentageOutOfRange, delay2.Origin, "percent", "fault delay percent", N(pi), "Istio accepts 0 to 100");
            if (route.Fault?.Abort is { Percentage: { } ap } abort && !FaultOk(ap))
                yield return Finding(RuleIds.PercentageOutOfRange, abort.Origin, "percentage", "fault abort percentage", N(ap), "Istio accepts 0, or 0.0001 to 100");
            if (route.MirrorPercentage is { } mp && !PercentOk(mp))
                yield return Finding(RuleIds.PercentageOutOfRange, route.MirrorOrigin, "percentage", "mirror percentage", N(mp), "Istio accepts 0 to 100");
            foreach (var m in route.Mirrors)
            {
                if (m.Percentage is { } p && !PercentOk(p))
                    yield return Finding(RuleIds.PercentageOutOfRange, m.Origin, "percentage", "mirror percentage", N(p), "Istio accepts 0 to 100");
            }
        }
    }

    // MESH003
    private static IEnumerable<Finding> RegexesOf(VirtualService vs)
    {
        foreach (var route in vs.Spec.Http)
        {
            foreach (var m in route.Match)
            {
                if (RegexProblem(m.Uri) is { } uri) yield return uri;
                if (RegexProblem(m.Scheme) is { } scheme) yield return scheme;
                if (RegexProblem(m.Method) is { } method) yield return method;
                if (RegexProblem(m.Authority) is { } authority) yield return authority;
                foreach (var h in m.Headers)
                {
                    if (RegexProblem(h.Match) is { } header) yield return header;
                }

                foreach (var q in m.QueryParams)
                {
                    if (RegexProblem(q.Match) is { } query) yield return query;
                }

                foreach (var h in m.WithoutHeaders)
                {
                    if (RegexProblem(h.Match) is { } without) yield return without;
                }
            }

            if (route.CorsPolicy is { } cors)
            {
                foreach (var origin in cors.AllowOrigins)
                {
                    if (RegexProblem(origin) is { } allowed) yield return allowed;
                }
            }

            if (route.Rewrite is { UriRegexMatch: { } rewriteMatch } rewrite && Regexes.Problem(rewriteMatch) is { } rewriteWhy)
            {
                yield return Finding(RuleIds.InvalidRegex, rewrite.Origin, "uriRegexMatch", rewriteMatch, rewriteWhy);
            }
        }
    }

    private static Finding? RegexProblem(StringMatch? match)
    {
        // withoutHeaders' regex "*" is Istio's presence check, not a regex.
        if (match is not { Kind: StringMatchKind.Regex } || match.Value == "*") return null;
        return Regexes.Problem(match.Value) is { } why ? Finding(RuleIds.InvalidRegex, match.Origin, "regex", match.Value, why) : null;
    }

    // MESH006
    private static IEnumerable<Finding> HttpActions(VirtualService vs)
    {
        var isDelegate = vs.Spec.Hosts.IsEmpty;
        foreach (var route in vs.Spec.Http)
        {
            var name = RuleName(vs, route);
            var actions = new List<string>();
            if (!route.Route.IsEmpty) actions.Add("routes (RouteTo)");
            if (route.Redirect is not null) actions.Add("redirects");
            if (route.DirectResponse is not null) actions.Add("answers directly (DirectResponse)");
            if (route.Delegate is not null) actions.Add("delegates");
            if (actions.Count == 0)
            {
                yield return Finding(RuleIds.ConflictingActions, route.Origin, string.Empty,
                    $"Rule '{name}' does nothing with the requests it matches: add a RouteTo, a Redirect, a DirectResponse or a Delegate");
                continue;
            }

            if (actions.Count > 1)
            {
                var at = route.Redirect?.Origin ?? route.DirectResponse?.Origin ?? route.Delegate!.Origin;
                yield return Finding(RuleIds.ConflictingActions, at, string.Empty,
                    $"Rule '{name}' both {string.Join(" and ", actions)}: Istio accepts exactly one action per rule; split it into two rules or keep one");
            }

            var answersItself = route.Redirect?.Origin ?? route.DirectResponse?.Origin;
            if (answersItself is { } answerOrigin)
            {
                if (route.Fault is not null)
                    yield return Finding(RuleIds.ConflictingActions, answerOrigin, string.Empty, $"Rule '{name}' injects faults and answers the request itself: Istio rejects fault injection with a redirect or direct response");
                if (route.Rewrite is not null)
                    yield return Finding(RuleIds.ConflictingActions, route.Rewrite.Origin, string.Empty, $"Rule '{name}' rewrites a request it never forwards: Istio rejects a rewrite with a redirect or direct response");
            }

            if (route.Mirror is not null && !route.Mirrors.IsEmpty)
                yield return Finding(RuleIds.ConflictingActions, route.MirrorOrigin, string.Empty, $"Rule '{name}' has both Mirror and MirrorTo: Istio accepts one of mirror and mirrors; use MirrorTo for every target");
            if (isDelegate && route.Delegate is not null)
                yield return Finding(RuleIds.ConflictingActions, route.Delegate.Origin, string.Empty, $"Rule '{name}' delegates from a delegate VirtualService: Istio allows one level of delegation");
        }

        if (isDelegate && (!vs.Spec.Gateways.IsEmpty || !vs.Spec.Tcp.IsEmpty || !vs.Spec.Tls.IsEmpty))
        {
            var origin = vs.Spec.Http.FirstOrDefault()?.Origin ?? vs.Spec.Tcp.FirstOrDefault()?.Origin ?? vs.Spec.Tls.FirstOrDefault()?.Origin ?? SourceRef.None;
            yield return Finding(RuleIds.ConflictingActions, origin, string.Empty,
                $"VirtualService '{vs.Metadata.Name}' has no hosts, so it is a delegate, and a delegate may have no gateways, TCP or TLS rules");
        }
    }

    // MESH007
    private static IEnumerable<Finding> Faults(VirtualService vs)
    {
        foreach (var route in vs.Spec.Http)
        {
            if (route.Fault?.Delay is { } delay)
            {
                if (delay.ExponentialDelay is not null)
                    yield return Finding(RuleIds.InvalidFault, delay.Origin, "exponentialDelay", "Istio does not support exponentialDelay yet: use a fixed delay");
                else if (delay.FixedDelay is null)
                    yield return Finding(RuleIds.InvalidFault, delay.Origin, string.Empty, "The delay has no duration: pass one, [FaultDelay(\"5s\")]");
            }

            if (route.Fault?.Abort is { } abort)
            {
                if (abort.HttpStatus is { } status && (status < 200 || status > 600))
                    yield return Finding(RuleIds.InvalidFault, abort.Origin, "httpStatus", $"Abort status {N(status)} is outside 200-599, the statuses Istio can inject");
                if (abort.GrpcStatus is { } grpc && !GrpcStatusNames.All.Contains(grpc))
                    yield return Finding(RuleIds.InvalidFault, abort.Origin, "grpcStatus", $"'{grpc}' is not a gRPC status name Istio knows (for example UNAVAILABLE or DEADLINE_EXCEEDED)");
                if (abort.Http2Error is not null)
                    yield return Finding(RuleIds.InvalidFault, abort.Origin, "http2Error", "Istio does not support HTTP/2 error aborts yet: use an HTTP or gRPC status");
                if (new[] { abort.HttpStatus is not null, abort.GrpcStatus is not null, abort.Http2Error is not null }.Count(x => x) > 1)
                    yield return Finding(RuleIds.InvalidFault, abort.Origin, "GrpcStatus", "The abort sets more than one error: Istio takes one of an HTTP status, GrpcStatus and Http2Error");
                if (abort.HttpStatus is null && abort.GrpcStatus is null && abort.Http2Error is null)
                    yield return Finding(RuleIds.InvalidFault, abort.Origin, string.Empty, "The abort has no error: pass an HTTP status, [FaultAbort(503)], or set GrpcStatus");
            }
        }
    }

    // MESH008
    private static IEnumerable<Finding> Retries(VirtualService vs)
    {
        foreach (var route in vs.Spec.Http)
        {
            if (route.Retries is not { } retry) continue;
            if (retry.Attempts < 0)
                yield return Finding(RuleIds.MalformedRetries, retry.Origin, "attempts", $"Retries({N(retry.Attempts)}) is negative: use 0 to disable retries");
            if (retry.Attempts == 0 && (retry.PerTryTimeout is not null || retry.RetryOn is not null || retry.RetryRemoteLocalities == true))
            {
                var field = retry.PerTryTimeout is not null ? "perTryTimeout" : retry.RetryOn is not null ? "retryOn" : "retryRemoteLocalities";
                yield return Finding(RuleIds.MalformedRetries, retry.Origin, field, "Retries(0) disables retries, and Istio rejects retry settings beside it: remove them, or allow at least one attempt");
            }

            foreach (var token in retry.RetryOn ?? Helpers.EquatableArray<string>.Empty)
            {
                if (!RetryConditions.IsValid(token))
                    yield return Finding(RuleIds.MalformedRetries, retry.Origin, "retryOn", $"'{token}' is not a retry condition Istio knows: use a RetryOn member or an HTTP status code (100-599)");
            }
        }
    }

    // MESH009
    private static IEnumerable<Finding> Weights(VirtualService vs)
    {
        foreach (var route in vs.Spec.Http)
        {
            foreach (var f in Weights(route.Route)) yield return f;
        }

        foreach (var route in vs.Spec.Tcp)
        {
            foreach (var f in Weights(route.Route)) yield return f;
        }

        foreach (var route in vs.Spec.Tls)
        {
            foreach (var f in Weights(route.Route)) yield return f;
        }
    }

    private static IEnumerable<Finding> Weights<T>(Helpers.EquatableArray<T> destinations)
        where T : IWeightedDestination, System.IEquatable<T>
    {
        var sum = 0L;
        var allWeighted = true;
        foreach (var destination in destinations)
        {
            if (destination.Weight is not { } weight)
            {
                allWeighted = false;
                continue;
            }

            sum += weight;
            if (weight < 0) yield return Finding(RuleIds.InvalidWeights, destination.Origin, "weight", $"Weight {N(weight)} is negative: weights are 0 or more");
        }

        if (destinations.Count > 1 && allWeighted && sum == 0)
            yield return Finding(RuleIds.InvalidWeights, destinations[0].Origin, "weight", "Every destination of this rule has weight 0, so no traffic goes anywhere: give at least one a positive weight");
    }

    // MESH004 (hosts, names, labels), MESH005 (ports), MESH010 (duplicate hosts in one VirtualService)
    private static IEnumerable<Finding> VsNamesAndPorts(RuleScope d, VirtualService vs)
    {
        if (d.Service is null)
        {
            if (Names.ResourceName(vs.Metadata.Name) is { } why) yield return Finding(RuleIds.InvalidName, d.Origin, "name", vs.Metadata.Name, "VirtualService name", why);
            if (vs.Metadata.Namespace is { } ns && Names.Label(ns) is { } nsWhy) yield return Finding(RuleIds.InvalidName, d.Origin, "namespace", ns, "namespace", nsWhy);
            for (var i = 0; i < vs.Spec.Hosts.Count; i++)
            {
                var host = vs.Spec.Hosts[i];
                if (Names.Host(host) is { } hostWhy) yield return Finding(RuleIds.InvalidName, d.Origin, Model.Finding.Element("hosts", i), host, "host", hostWhy);
                if (vs.Spec.Hosts.Take(i).FirstOrDefault(h => HostsOverlap(h, host)) is { } other)
                    yield return Finding(RuleIds.Duplicate, d.Origin, Model.Finding.Element("hosts", i), $"Hosts '{other}' and '{host}' overlap: a VirtualService lists each host once, and a wildcard covers the names under it");
            }
        }

        // Destination hosts and subsets are named by services of the mesh, where their names are checked: MeshRules checks the others.
        foreach (var dest in Destinations(vs))
        {
            if (dest.Destination.Port is { } port && port is < 1 or > 65535)
                yield return Finding(RuleIds.PortOutOfRange, dest.Origin, "port", N(port));
        }

        foreach (var route in vs.Spec.Http)
        {
            foreach (var block in route.Match)
            {
                if (block.Port is not { } blockPort || blockPort is >= 1 and <= 65535) continue;
                var origin = (block.Uri ?? block.Scheme ?? block.Method ?? block.Authority)?.Origin ?? default;
                yield return Finding(RuleIds.PortOutOfRange, origin == default ? route.Origin : origin, "port", N(blockPort));
            }

            if (route.Redirect is { Port: { } rp } redirect && rp is < 1 or > 65535)
                yield return Finding(RuleIds.PortOutOfRange, redirect.Origin, "port", N(rp));
            foreach (var block in route.Match)
            {
                foreach (var label in block.SourceLabels)
                {
                    if (Names.LabelPair(label.Key, label.Value) is { } why) yield return Finding(RuleIds.InvalidName, route.Origin, string.Empty, label.Key + "=" + label.Value, "source label", why);
                }
            }
        }

        foreach (var route in vs.Spec.Tcp)
        {
            foreach (var match in route.Match)
            {
                if (match.Port is { } p && p is < 1 or > 65535) yield return Finding(RuleIds.PortOutOfRange, route.Origin, "port", N(p));
            }
        }

        foreach (var route in vs.Spec.Tls)
        {
            foreach (var match in route.Match)
            {
                if (match.Port is { } p && p is < 1 or > 65535) yield return Finding(RuleIds.PortOutOfRange, route.Origin, "port", N(p));
            }
        }
    }

    /// <summary>Whether two VirtualService hosts overlap (equal, or one's wildcard covers the other).</summary>
    public static bool HostsOverlap(string a, string b) =>
        string.Equals(a, b, System.StringComparison.OrdinalIgnoreCase) || WildcardCovers(a, b) || WildcardCovers(b, a);

    public static bool WildcardCovers(string pattern, string host) =>
        pattern == "*" || (pattern.StartsWith("*", System.StringComparison.Ordinal) && host.EndsWith(pattern.Substring(1), System.StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1);

    // MESH004, MESH005, MESH010 for DestinationRules, MESH002 for percents
    private static IEnumerable<Finding> DestinationRuleValues(RuleScope d, DestinationRule dr)
    {
        var names = new HashSet<string>();
        foreach (var subset in dr.Spec.Subsets)
        {
            if (Names.SubsetName(subset.Name) is { } subsetWhy) yield return Finding(RuleIds.InvalidName, subset.Origin, "name", subset.Name, "subset name", subsetWhy);
            if (!names.Add(subset.Name)) yield return Finding(RuleIds.Duplicate, subset.Origin, "name", $"Subset '{subset.Name}' is declared twice in '{dr.Metadata.Name}': subset names are unique");
            for (var i = 0; i < subset.Labels.Count; i++)
            {
                var label = subset.Labels[i];
                if (Names.LabelPair(label.Key, label.Value) is { } labelWhy) yield return Finding(RuleIds.InvalidName, subset.Origin, Model.Finding.Element("labels", i), label.Key + "=" + label.Value, "label", labelWhy);
            }
        }

        for (var i = 0; i < dr.Spec.WorkloadSelector.Count; i++)
        {
            var label = dr.Spec.WorkloadSelector[i];
            if (Names.LabelPair(label.Key, label.Value) is { } selectorWhy) yield return Finding(RuleIds.InvalidName, d.Origin, Model.Finding.Element("workloadSelector", i), label.Key + "=" + label.Value, "label", selectorWhy);
        }

        foreach (var policy in Policies(dr))
        {
            foreach (var port in policy.PortLevelSettings)
            {
                if (port.Port is < 1 or > 65535) yield return Finding(RuleIds.PortOutOfRange, port.Origin, "port", N(port.Port));
            }

            if (policy.Tunnel is { } tunnel && tunnel.TargetPort is < 1 or > 65535)
                yield return Finding(RuleIds.PortOutOfRange, tunnel.Origin, "targetPort", N(tunnel.TargetPort));
            if (policy.RetryBudget is { Percent: { } rbp } budget && (rbp < 0 || rbp > 100))
                yield return Finding(RuleIds.PercentageOutOfRange, budget.Origin, "percent", "retry budget percent", N(rbp), "Istio accepts 0 to 100");
        }

        foreach (var level in PolicyLevels(dr))
        {
            if (level.OutlierDetection is { } od)
            {
                if (od.MaxEjectionPercent is { } max && max is < 0 or > 100)
                    yield return Finding(RuleIds.PercentageOutOfRange, od.Origin, "maxEjectionPercent", "maxEjectionPercent", N(max), "Istio accepts 0 to 100");
                if (od.MinHealthPercent is { } min && min is < 0 or > 100)
                    yield return Finding(RuleIds.PercentageOutOfRange, od.Origin, "minHealthPercent", "minHealthPercent", N(min), "Istio accepts 0 to 100");
            }

            if (level.LoadBalancer?.Warmup is { MinimumPercent: { } wmp } warmup && (wmp < 0 || wmp > 100))
                yield return Finding(RuleIds.PercentageOutOfRange, warmup.Origin, "minimumPercent", "warmup minimumPercent", N(wmp), "Istio accepts 0 to 100");
        }
    }

    // MESH004, MESH005 for Gateways
    private static IEnumerable<Finding> GatewayValues(RuleScope d, Gateway gw)
    {
        if (Names.Label(gw.Metadata.Name) is { } why) yield return Finding(RuleIds.InvalidName, d.Origin, "name", gw.Metadata.Name, "Gateway name", why + " (a Gateway name has no dots)");
        if (gw.Metadata.Namespace is { } ns && Names.Label(ns) is { } nsWhy) yield return Finding(RuleIds.InvalidName, d.Origin, "namespace", ns, "namespace", nsWhy);
        for (var i = 0; i < gw.Spec.Selector.Count; i++)
        {
            var label = gw.Spec.Selector[i];
            if (Names.LabelPair(label.Key, label.Value) is { } labelWhy) yield return Finding(RuleIds.InvalidName, d.Origin, Model.Finding.Element("selector", i), label.Key + "=" + label.Value, "selector label", labelWhy);
        }

        foreach (var server in gw.Spec.Servers)
        {
            // A server bound to a unix socket has port 0 (MESH404 checks that pairing).
            var unixSocket = server.Bind?.StartsWith("unix://", System.StringComparison.Ordinal) == true;
            if (server.Port.Number is < 1 or > 65535 && !(unixSocket && server.Port.Number == 0)) yield return Finding(RuleIds.PortOutOfRange, server.Origin, "port", N(server.Port.Number));
            if (server.Port.TargetPort is { } target && target is < 1 or > 65535) yield return Finding(RuleIds.PortOutOfRange, server.Origin, "targetPort", N(target));
            for (var i = 0; i < server.Hosts.Count; i++)
            {
                var host = server.Hosts[i];
                var name = host.IndexOf('/') is var slash and >= 0 ? host.Substring(slash + 1) : host;
                if (Names.Host(name) is { } hostWhy) yield return Finding(RuleIds.InvalidName, server.Origin, Model.Finding.Element("hosts", i), host, "server host", hostWhy);
            }
        }
    }
}
