using System.Collections.Generic;
using System.Linq;
using MeshDsl.Model;
using static MeshDsl.Rules.ModelWalk;

namespace MeshDsl.Rules;

/// <summary>
/// MESH605 and MESH606, the patch operations <c>istioctl analyze</c> warns about (IST0151-IST0155), and MESH609, what Istio's
/// webhook rejects in an EnvoyFilter (validation.md §5: <c>ValidateEnvoyFilter</c>, and the CRD's rules).
/// </summary>
internal static class EnvoyFilterRules
{
    private static readonly HashSet<string> ListenerClass = new() { "LISTENER", "FILTER_CHAIN", "NETWORK_FILTER", "HTTP_FILTER" };
    private static readonly HashSet<string> RouteClass = new() { "ROUTE_CONFIGURATION", "VIRTUAL_HOST", "HTTP_ROUTE" };

    public static IEnumerable<Finding> Check(RuleScope d)
    {
        foreach (var filter in d.Resources.OfType<EnvoyFilter>())
        {
            foreach (var f in Operations(filter)) yield return f;
            foreach (var f in Validity(d, filter)) yield return f;
        }
    }

    /// <summary>envoyfilter.EnvoyPatchAnalyzer, patch by patch; it stops at the first patch without one.</summary>
    private static IEnumerable<Finding> Operations(EnvoyFilter filter)
    {
        foreach (var p in filter.Spec.ConfigPatches)
        {
            if (p.Patch is not { } patch) yield break;
            var relative = false;
            switch (patch.Operation)
            {
                case "ADD" when RouteClass.Contains(p.ApplyTo) && p.ApplyTo != "VIRTUAL_HOST":
                case "REMOVE" when RouteClass.Contains(p.ApplyTo) && p.ApplyTo != "VIRTUAL_HOST":
                    yield return Finding(RuleIds.IgnoredPatchOperation, p.Origin, "patch.operation",
                        $"{patch.Operation} is ignored when applyTo is {p.ApplyTo}: the patch does nothing (IST015{(patch.Operation == "ADD" ? "3" : "4")}); patch the route configuration with MERGE, or remove the route from the VirtualService");
                    break;
                case "REPLACE" when p.ApplyTo is not ("NETWORK_FILTER" or "HTTP_FILTER" or "VIRTUAL_HOST"):
                    yield return Finding(RuleIds.IgnoredPatchOperation, p.Origin, "patch.operation",
                        $"REPLACE is only valid for HTTP_FILTER, NETWORK_FILTER and VIRTUAL_HOST, not {p.ApplyTo}: Istio ignores the patch (IST0152); use MERGE");
                    break;
                case "REMOVE" or "REPLACE" or "INSERT_BEFORE" or "INSERT_AFTER":
                    relative = true;
                    break;
            }

            if (relative && (filter.Spec.Priority ?? 0) == 0)
            {
                var withVersion = p.Match?.Proxy?.ProxyVersion is { Length: > 0 };
                yield return Finding(RuleIds.RelativePatchWithoutPriority, p.Origin, "patch.operation", patch.Operation!, filter.Metadata.Name,
                    withVersion ? "IST0155: with a proxyVersion match it may stop applying during a proxy upgrade" : "IST0151");
            }
        }
    }

    /// <summary>MESH016: the headers rate limit actions read (a virtual host's or a route's <c>rate_limits</c>) are header names.</summary>
    private static IEnumerable<Finding> ActionHeaders(SourceRef at, StructValue? value)
    {
        foreach (var (path, limits) in new[] { ("patch.value.rate_limits", value?["rate_limits"]), ("patch.value.route.rate_limits", value?["route"]?["rate_limits"]) })
        {
            if (limits is not StructList list) continue;
            for (var i = 0; i < list.Items.Count; i++)
            {
                if (list.Items[i]["actions"] is not StructList actions) continue;
                for (var j = 0; j < actions.Items.Count; j++)
                {
                    var actionPath = path + "[" + N(i) + "].actions[" + N(j) + "]";
                    var action = actions.Items[j];
                    var headers = new List<(string Field, string? Name)>();
                    if (action["request_headers"] is { } request) headers.Add(("request_headers.header_name", request["header_name"]?.Scalar));
                    if (action["header_value_match"]?["headers"] is StructList matchers)
                    {
                        for (var k = 0; k < matchers.Items.Count; k++) headers.Add(("header_value_match.headers[" + N(k) + "].name", matchers.Items[k]["name"]?.Scalar));
                    }

                    foreach (var (field, name) in headers)
                    {
                        var why = string.IsNullOrEmpty(name) ? "the name is empty" : name![0] == ':' ? null : HeaderRules.TokenProblem(name);
                        if (why is not null) yield return Finding(RuleIds.InvalidHeader, at, actionPath + "." + field, $"Header '{name}' cannot be read by a rate limit action: {why}");
                    }
                }
            }
        }
    }

    private static IEnumerable<Finding> Validity(RuleScope d, EnvoyFilter filter)
    {
        var spec = filter.Spec;
        var at = spec.Origin == SourceRef.None ? d.Origin : spec.Origin;
        Finding Invalid(SourceRef origin, string field, string message) => Finding(RuleIds.InvalidEnvoyFilter, origin, field, message);

        foreach (var label in spec.WorkloadSelector)
        {
            if (label.Key.Length == 0) yield return Invalid(at, "workloadSelector.labels", "A workloadSelector label has an empty key: Istio rejects it");
            else if (label.Key.Contains("*") || label.Value.Contains("*")) yield return Invalid(at, "workloadSelector.labels." + label.Key, $"Label '{label.Key}={label.Value}' holds a wildcard: selectors match exact labels, and Istio rejects '*'");
        }

        if (!spec.WorkloadSelector.IsEmpty && !spec.TargetRefs.IsEmpty)
            yield return Invalid(at, "targetRefs", "An EnvoyFilter has a workloadSelector or targetRefs, not both: Istio rejects the pair");
        foreach (var target in spec.TargetRefs.Where(t => !string.IsNullOrEmpty(t.Namespace)))
            yield return Invalid(at, "targetRefs", $"targetRefs name the namespace '{target.Namespace}': Istio does not support cross-namespace references; leave it out");

        foreach (var p in spec.ConfigPatches)
        {
            var origin = p.Origin == SourceRef.None ? at : p.Origin;
            if (p.ApplyTo is "" or "INVALID") yield return Invalid(origin, "applyTo", "A patch without applyTo: Istio rejects it ('Envoy filter: missing applyTo')");
            if (p.Patch is null)
            {
                yield return Invalid(origin, "patch", "A config patch without a patch: Istio rejects it ('missing patch')");
            }
            else if (p.Patch.Operation is null or "" or "INVALID")
            {
                yield return Invalid(origin, "patch", "A patch without an operation: Istio rejects it ('missing patch operation')");
            }
            else if (p.Patch.Operation != "REMOVE" && p.Patch.Value is null)
            {
                yield return Invalid(origin, "patch", $"A {p.Patch.Operation} patch without a value: Istio rejects it ('missing patch value for non-remove operation')");
            }

            if (p.Patch?.Value?["typed_config"] is { } typed && typed["@type"]?.Scalar == RateLimit.GlobalRateLimitFilter.TypeUrl
                && typed["timeout"]?.Scalar is { } timeout && !RateLimit.ProtoDuration.TryParse(timeout, out _))
            {
                yield return Invalid(origin, "patch.value.typed_config.timeout",
                    $"The rate limit filter's timeout '{timeout}' is not a duration the patch can carry: write seconds with an 's' (\"0.1s\"); in C#, Istio's notation (\"100ms\")");
            }

            foreach (var header in ActionHeaders(origin, p.Patch?.Value)) yield return header;

            if (p.Match is not { } match) continue;
            if (ListenerClass.Contains(p.ApplyTo) && (match.RouteConfiguration is not null || match.Cluster is not null))
                yield return Invalid(origin, "match", $"applyTo {p.ApplyTo} patches listeners: its match can only be a listener match ('applyTo for listener class objects cannot have non listener match')");
            if (RouteClass.Contains(p.ApplyTo) && (match.Listener is not null || match.Cluster is not null))
                yield return Invalid(origin, "match", $"applyTo {p.ApplyTo} patches routes: its match can only be a routeConfiguration match");
            if (p.ApplyTo == "CLUSTER" && (match.Listener is not null || match.RouteConfiguration is not null))
                yield return Invalid(origin, "match", "applyTo CLUSTER patches clusters: its match can only be a cluster match");
            if (match.Waypoint is not null && match.Context != "WAYPOINT")
                yield return Invalid(origin, "match.waypoint", "A waypoint match is only allowed with context WAYPOINT");
            if (match.Proxy?.ProxyVersion is { Length: > 0 } version && Regexes.Problem(version) is { } why)
                yield return Invalid(origin, "match.proxy.proxyVersion", $"proxyVersion '{version}' is not a regular expression Istio can use: {why}");

            if (match.Listener?.FilterChain?.Filter is { } f)
            {
                if (string.IsNullOrEmpty(f.Name))
                    yield return Invalid(origin, "match.listener.filterChain.filter", "A filter match without a name matches nothing ('filter match has no name to match on')");
                if (f.SubFilter is not null && p.ApplyTo != "HTTP_FILTER")
                    yield return Invalid(origin, "match.listener.filterChain.filter.subFilter", $"A subFilter match is only for applyTo HTTP_FILTER, not {p.ApplyTo}");
                else if (f.SubFilter is not null && f.Name != RateLimit.LocalRateLimitFilter.HttpConnectionManager)
                    yield return Invalid(origin, "match.listener.filterChain.filter.subFilter", $"A subFilter match needs the filter {RateLimit.LocalRateLimitFilter.HttpConnectionManager}, not '{f.Name}': only it has HTTP filters");
                else if (f.SubFilter is "")
                    yield return Invalid(origin, "match.listener.filterChain.filter.subFilter", "A subFilter match without a name matches nothing");
            }
        }
    }
}
