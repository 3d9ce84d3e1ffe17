using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MeshDsl.Canary;
using MeshDsl.Emit;
using MeshDsl.Istio;
using MeshDsl.Model;
using MeshDsl.Yaml;
using static MeshDsl.Rules.ModelWalk;

namespace MeshDsl.Rules;

/// <summary>
/// MESH7xx: a progressive canary that cannot work as written, or that its engine would run differently than it reads.
/// </summary>
internal static class CanaryRules
{
    public static IEnumerable<Finding> Check(RuleScope d)
    {
        if (d.Service is not { Canary: { } canary } service) yield break;
        foreach (var f in Steps(canary)) yield return f;
        foreach (var f in Settings(service, canary)) yield return f;
        if (canary.StableSubset.Length == 0 || canary.CanarySubset.Length == 0) yield break;

        var plan = CanaryPlan.Of(service, canary);
        foreach (var f in Routes(plan)) yield return f;
        foreach (var f in Traffic(canary)) yield return f;
        if (canary.Engine == CanaryEngines.Flagger) foreach (var f in FlaggerDrops(plan)) yield return f;
        if (canary.Engine == CanaryEngines.ArgoRollouts) foreach (var f in ArgoRouteNames(plan)) yield return f;
        foreach (var f in ReplacedWeights(plan)) yield return f;
        foreach (var f in NotRun(canary)) yield return f;
        if (canary.Engine != CanaryEngines.Steps && plan.StableDeployment is { } stable)
        {
            yield return Finding(RuleIds.WebhookNotRun, stable.Spec.Origin == SourceRef.None ? d.Origin : stable.Spec.Origin, string.Empty,
                "Deployment '" + stable.Metadata.Name + "' of the stable subset", canary.Engine,
                (canary.Engine == CanaryEngines.Flagger ? "Flagger runs the stable version as its primary (a copy of the canary's Deployment)" : "the Rollout runs the stable version as its stable ReplicaSet")
                + ", so MeshDsl does not write it; its pods would serve beside them");
        }
    }

    /// <summary>MESH703 and MESH708: what only the whole mesh shows.</summary>
    public static IEnumerable<Finding> CheckMesh(Mesh mesh)
    {
        foreach (var service in mesh.Services)
        {
            if (service.Canary is not { } canary || canary.CanarySubset.Length == 0) continue;
            var fqdn = mesh.Fqdn(service.Host, service.Namespace);
            if (canary.Engine == CanaryEngines.Flagger)
            {
                // Flagger owns the host's VirtualService and DestinationRules: any other writer of them fights it on every reconcile.
                foreach (var other in mesh.Resources.Where(r => !ReferenceEquals(mesh.ServiceOf(r), service)))
                {
                    if (other is VirtualService vs && vs.Spec.Gateways.IsEmpty && vs.Spec.Hosts.Any(h => mesh.Fqdn(h, vs.Metadata.Namespace) == fqdn))
                    {
                        yield return Finding(RuleIds.ControllerOwnsHost, other.Origin, "hosts", "VirtualService", vs.Metadata.Name, service.Host, service.Name);
                    }
                    else if (other is DestinationRule dr && mesh.Fqdn(dr.Spec.Host, dr.Metadata.Namespace) == fqdn)
                    {
                        yield return Finding(RuleIds.ControllerOwnsHost, other.Origin, "host", "DestinationRule", dr.Metadata.Name, service.Host, service.Name);
                    }
                }
            }

            // A canary subset no pod carries: its first step sends traffic to nothing (503s), or the engine's target is missing.
            var knowsWorkloads = mesh.ReadWorkloads.Count > 0 || service.Resources.OfType<K8sDeployment>().Any();
            if (!knowsWorkloads && canary.Engine == CanaryEngines.Steps) continue;
            var labels = service.Resources.OfType<DestinationRule>().SelectMany(dr => dr.Spec.Subsets).FirstOrDefault(s => s.Name == canary.CanarySubset)?.Labels;
            if (labels is null) continue;
            var ns = mesh.NamespaceOf(service.Namespace);
            var required = service.Selector.Concat(labels).ToArray();
            if (!mesh.Workloads.Any(w => mesh.NamespaceOf(w.Namespace) == ns && required.All(l => w.PodLabels.Contains(l))))
            {
                yield return Finding(RuleIds.CanarySubsetWithoutWorkload, canary.Origin, string.Empty, canary.CanarySubset, service.Name, string.Join(", ", required.Select(l => l.Key + "=" + l.Value)), ns);
            }
        }
    }

    /// <summary>MESH701: the steps must climb, each a percentage.</summary>
    private static IEnumerable<Finding> Steps(CanarySpec canary)
    {
        var weights = canary.StepWeights;
        if (weights.IsEmpty)
        {
            yield break; // the parser reports a canary without steps at the argument that should have them
        }

        for (var i = 0; i < weights.Count; i++)
        {
            var w = weights[i];
            if (w is <= 0 or > 100)
            {
                yield return Finding(RuleIds.CanaryStepWeights, canary.Origin, Model.Finding.Element("StepWeights", i), $"step {i + 1} sends {w.ToString(CultureInfo.InvariantCulture)}% to the canary: a step's weight is a percentage from 1 to 100");
            }
            else if (i > 0 && w <= weights[i - 1])
            {
                yield return Finding(RuleIds.CanaryStepWeights, canary.Origin, Model.Finding.Element("StepWeights", i),
                    $"step {i + 1} ({w.ToString(CultureInfo.InvariantCulture)}%) does not climb above step {i} ({weights[i - 1].ToString(CultureInfo.InvariantCulture)}%): the engines move traffic forward only, so it is never reached as written");
            }
        }
    }

    /// <summary>MESH001, MESH702, MESH709: durations, units and values the engines cannot use.</summary>
    private static IEnumerable<Finding> Settings(ServiceInfo service, CanarySpec canary)
    {
        if (Duration(canary.StepInterval, canary.Origin, "StepInterval") is { } interval) yield return interval;
        if (canary.Engine == CanaryEngines.Flagger && service.Ports.IsEmpty)
        {
            yield return Finding(RuleIds.InvalidCanary, service.Origin, "Port", "Flagger's Canary needs the service's port (service.port) to generate its Services: set Port on [MeshService]");
        }

        foreach (var check in canary.Checks)
        {
            if (check.Interval != canary.StepInterval && Duration(check.Interval, check.Origin, "Interval") is { } checkInterval) yield return checkInterval;
            switch (check.Kind)
            {
                case CanaryCheckKinds.SuccessRate when check.Min is { } min && min > 0 && min <= 1:
                    yield return Finding(RuleIds.CanaryThresholdUnit, check.Origin, "minPercent", Num(min) + " as a success rate", "a percentage: " + Num(min) + " means " + Num(min) + "% of requests may succeed, not " + Num(min * 100) + "%; write " + Num(min * 100)) with { Fix = Num(min * 100) };
                    break;
                case CanaryCheckKinds.SuccessRate when check.Min is not { } min2 || min2 <= 0 || min2 > 100:
                    yield return Finding(RuleIds.InvalidCanary, check.Origin, "minPercent", $"a success rate of {Num(check.Min ?? 0)}% {((check.Min ?? 0) > 100 ? "can never be reached" : "can never fail")}: give the lowest percentage of requests without a 5xx, such as 99");
                    break;
                case CanaryCheckKinds.Latency:
                    if (check.Percentile is { } p && p > 0 && p <= 1)
                    {
                        yield return Finding(RuleIds.CanaryThresholdUnit, check.Origin, "Percentile", Num(p) + " as a percentile", "a percentile from 1 to 99.9: " + Num(p) + " is the P" + Num(p) + ", almost the fastest request; write " + Num(p * 100)) with { Fix = Num(p * 100) };
                    }
                    else if (check.Percentile is not { } p2 || p2 <= 0 || p2 >= 100)
                    {
                        yield return Finding(RuleIds.InvalidCanary, check.Origin, "Percentile", $"the percentile {Num(check.Percentile ?? 0)} is not one Prometheus's histogram_quantile gives: use one above 0 and under 100, such as 99");
                    }

                    if (Duration(check.MaxDuration, check.Origin, "max") is { } max) yield return max;
                    break;
                case CanaryCheckKinds.Query:
                    if (Names.Label(check.Name) is { } why) yield return Finding(RuleIds.InvalidCanary, check.Origin, "name", $"the check's name '{check.Name}' {why}: it names the engine's metric and template");
                    if (string.IsNullOrWhiteSpace(check.Query)) yield return Finding(RuleIds.InvalidCanary, check.Origin, "query", "the query is empty: give the PromQL whose first value is checked");
                    else if (check.Min is { } lo && check.Max is { } hi && lo > hi) yield return Finding(RuleIds.InvalidCanary, check.Origin, "Min", $"Min {Num(lo)} is above Max {Num(hi)}: no value passes, so the canary always rolls back");
                    break;
            }
        }

        foreach (var hook in canary.Webhooks)
        {
            if (!System.Uri.TryCreate(hook.Url, System.UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            {
                yield return Finding(RuleIds.InvalidCanary, hook.Origin, "url", $"the webhook '{hook.Name}' calls '{hook.Url}', which is not an http(s) URL");
            }

            if (Duration(hook.Timeout, hook.Origin, "Timeout") is { } timeout) yield return timeout;
            if (hook.Type == "rollout" && hook.Command is null)
            {
                yield return Finding(RuleIds.InvalidCanary, hook.Origin, "Command", $"the load test '{hook.Name}' has no Command: the load tester is called with nothing to run, and the checks measure no traffic");
            }
        }
    }

    /// <summary>MESH706: the routes the canary moves.</summary>
    private static IEnumerable<Finding> Routes(CanaryPlan plan)
    {
        var canary = plan.Canary;
        var own = plan.VirtualService.Spec.Http.Where(r => r.Route.Any(d => d.Destination.Subset == canary.StableSubset || d.Destination.Subset == canary.CanarySubset)).ToArray();
        foreach (var route in own.Where(r => r.Route.Count > 2 && r.Route.Any(d => d.Destination.Subset == canary.CanarySubset)))
        {
            yield return Finding(RuleIds.CanaryRouteDestinations, route.Origin, string.Empty,
                "The route " + Route(route) + " sends the canary's traffic to " + route.Route.Count.ToString(CultureInfo.InvariantCulture) + " destinations: a canary route has two, the stable and the canary subset, and the engines set those two weights and nothing else");
        }

        if (plan.CanaryRoutes.Count == 0)
        {
            yield return Finding(RuleIds.CanaryRouteDestinations, canary.Origin, string.Empty,
                "No HTTP route of '" + plan.Service.Name + "' sends its traffic to the stable subset '" + canary.StableSubset + "' (with or without '" + canary.CanarySubset + "'), so no step moves any traffic: route to the stable subset, or declare no route and let the canary add its own");
        }
    }

    /// <summary>MESH707: checks that decide on no traffic.</summary>
    private static IEnumerable<Finding> Traffic(CanarySpec canary)
    {
        if (canary.Engine == CanaryEngines.Steps) yield break;
        if (canary.Checks.IsEmpty)
        {
            yield return Finding(RuleIds.CanaryWithoutTraffic, canary.Origin, string.Empty, "The canary has no health check: it is promoted on time alone, whatever its error rate; add [CanarySuccessRate] and [CanaryLatency]");
            yield break;
        }

        var loadTest = canary.Engine == CanaryEngines.Flagger && canary.Webhooks.Any(w => w.Type == "rollout");
        if (!loadTest && canary.MinRequests is null)
        {
            var what = canary.Engine == CanaryEngines.Flagger
                ? "Flagger counts a query with no result (\"no values found\") as a failed check, so a canary nobody calls rolls back; add a load test ([CanaryWebhook(..., Type = CanaryWebhookType.LoadTest)]) or set MinRequests"
                : "with no requests the queries return nothing and the checks pass: the canary is promoted untested; set MinRequests so that too little traffic fails the step";
            yield return Finding(RuleIds.CanaryWithoutTraffic, canary.Origin, "MinRequests", "The checks may have no traffic to measure: " + what);
        }
    }

    /// <summary>MESH704: what the service's routing says that a Flagger Canary cannot carry (Flagger writes the VirtualService from it).</summary>
    private static IEnumerable<Finding> FlaggerDrops(CanaryPlan plan)
    {
        var vs = plan.VirtualService;
        foreach (var route in vs.Spec.Http.Where(r => !plan.CanaryRoutes.Contains(r)))
        {
            yield return Dropped(route.Origin, string.Empty, "the route " + Route(route), "Flagger's VirtualService has one route, the canary's");
        }

        foreach (var route in plan.CanaryRoutes.Skip(1))
        {
            yield return Dropped(route.Origin, string.Empty, "the route " + Route(route), "Flagger's VirtualService has one route: it takes the first canary route's match and settings");
        }

        if (plan.CanaryRoutes.FirstOrDefault() is { } first)
        {
            if (first.Fault is { } fault) yield return Dropped(fault.Delay?.Origin ?? fault.Abort?.Origin ?? first.Origin, string.Empty, "fault injection", "a Canary has no fault field");
            if (first.Mirror is not null || !first.Mirrors.IsEmpty) yield return Dropped(first.MirrorOrigin, "mirror", "mirroring", "Flagger mirrors only for its own analysis (analysis.mirror)");
            if (first.Rewrite is { UriRegexRewrite: not null } rewrite) yield return Dropped(rewrite.Origin, "uriRegexRewrite", "the regex rewrite", "a Canary's rewrite has uri and authority only");
            if (first.CorsPolicy is { UnmatchedPreflights: not null } cors) yield return Dropped(cors.Origin, "unmatchedPreflights", "unmatchedPreflights", "a Canary's corsPolicy has no such field");
            if (first.Match.Any(m => m.StatPrefix is not null)) yield return Dropped(first.Origin, "statPrefix", "statPrefix", "a Canary's match has no such field");
            foreach (var d in first.Route.Where(d => d.Headers is not null)) yield return Dropped(d.Origin, "headers", "per-destination headers", "Flagger writes the destinations");
        }

        if (!vs.Spec.Tcp.IsEmpty || !vs.Spec.Tls.IsEmpty) yield return Dropped(plan.Service.Origin, string.Empty, "the TCP and TLS routes", "a Canary routes HTTP");
        if (!vs.Spec.ExportTo.IsEmpty) yield return Dropped(plan.Service.Origin, "ExportTo", "exportTo", "Flagger's VirtualService and DestinationRules are visible to every namespace");
        if (plan.DestinationRule is not { } dr) yield break;
        if (!dr.Spec.WorkloadSelector.IsEmpty) yield return Dropped(plan.Service.Origin, "WorkloadSelector", "the DestinationRule's workloadSelector", "Flagger's DestinationRules apply to every client");
        foreach (var subset in dr.Spec.Subsets.Where(s => s.TrafficPolicy is not null))
        {
            yield return Dropped(subset.Origin, string.Empty, "the traffic policy of subset '" + subset.Name + "'", "Flagger generates the DestinationRules with one policy, the Canary's");
        }

        var full = DestinationRuleYaml.Policy(dr.Spec.TrafficPolicy);
        var kept = CanaryYaml.Only(full, CanaryYaml.FlaggerTrafficPolicy);
        foreach (var path in Leaves(full, string.Empty).Except(Leaves(kept, string.Empty)))
        {
            var origin = path.StartsWith("connectionPool.", System.StringComparison.Ordinal) && dr.Spec.TrafficPolicy?.ConnectionPool is { } pool ? pool.Origin : plan.Service.Origin;
            yield return Dropped(origin, path.Substring(path.LastIndexOf('.') + 1), "trafficPolicy." + path, "the Canary's trafficPolicy has no such field");
        }
    }

    /// <summary>MESH705: with several HTTP routes, Argo finds the ones to move by name; an unnamed one is never moved.</summary>
    private static IEnumerable<Finding> ArgoRouteNames(CanaryPlan plan)
    {
        if (plan.VirtualService.Spec.Http.Count < 2) yield break;
        foreach (var route in plan.CanaryRoutes.Where(r => r.Name is null))
        {
            yield return Finding(RuleIds.ArgoRouteUnnamed, route.Origin, string.Empty, Route(route), plan.VirtualService.Metadata.Name);
        }
    }

    /// <summary>
    /// MESH712: a controller starts the canary at 0% and moves the weights itself, so weights declared on a canary route
    /// never apply (the Steps engine keeps them: its start is the routing as declared).
    /// </summary>
    private static IEnumerable<Finding> ReplacedWeights(CanaryPlan plan)
    {
        if (plan.Canary.Engine == CanaryEngines.Steps) yield break;
        foreach (var route in plan.CanaryRoutes)
        {
            if (route.Route.FirstOrDefault(d => d.Destination.Subset == plan.Canary.CanarySubset) is not { Weight: > 0 } toCanary) continue;
            var stable = route.Route.First(d => d.Destination.Subset == plan.Canary.StableSubset);
            yield return Finding(RuleIds.CanaryEngineSetsWeights, toCanary.Origin, "weight", Route(route),
                N(stable.Weight ?? 0) + "% to '" + plan.Canary.StableSubset + "' and " + N(toCanary.Weight!.Value) + "% to '" + plan.Canary.CanarySubset + "'",
                plan.Canary.Engine == CanaryEngines.Flagger ? "Flagger" : "Argo Rollouts");
        }
    }

    /// <summary>MESH710: what was declared and the engine does not run.</summary>
    private static IEnumerable<Finding> NotRun(CanarySpec canary)
    {
        if (canary.Engine == CanaryEngines.Flagger) yield break;
        foreach (var hook in canary.Webhooks)
        {
            yield return Finding(RuleIds.WebhookNotRun, hook.Origin, string.Empty, "webhook '" + hook.Name + "'", canary.Engine,
                canary.Engine == CanaryEngines.ArgoRollouts ? "Argo Rollouts runs load tests as analysis Jobs or Experiments, not webhooks" : "no controller calls it: the pipeline that applies the steps must");
        }

        if (canary.Engine == CanaryEngines.Steps)
        {
            foreach (var check in canary.Checks)
            {
                yield return Finding(RuleIds.WebhookNotRun, check.Origin, string.Empty, "check '" + check.Name + "'", canary.Engine, "no controller runs it: the pipeline that applies the steps must (docs/canary.md gives each check's query)");
            }
        }
    }

    private static Finding Dropped(SourceRef origin, string field, string what, string why) => Finding(RuleIds.RoutingControllerDrops, origin, field, what, why);

    private static Finding? Duration(string? value, SourceRef origin, string field)
    {
        if (value is null || IstioDuration.Validate(value, out _) == IstioDuration.Problem.None) return null;
        return Finding(RuleIds.InvalidDuration, origin, field, value, field, "use Istio's notation, a number and a unit: \"30s\", \"5m\"");
    }

    private static IEnumerable<string> Leaves(YamlMapping? map, string prefix)
    {
        if (map is null) yield break;
        foreach (var entry in map.Entries)
        {
            if (entry.Value is YamlMapping child)
            {
                foreach (var leaf in Leaves(child, prefix + entry.Key + ".")) yield return leaf;
            }
            else
            {
                yield return prefix + entry.Key;
            }
        }
    }

    private static string Route(HttpRoute route) => route.Name is null ? "(unnamed)" : "'" + route.Name + "'";

    private static string Num(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
