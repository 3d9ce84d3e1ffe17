using System.Linq;
using MeshDsl.Model;
using MeshDsl.Yaml;

namespace MeshDsl.Emit;

/// <summary>The progressive delivery engines' documents: Flagger's Canary and MetricTemplate, Argo's Rollout and AnalysisTemplate.</summary>
internal static class CanaryYaml
{
    public static YamlMapping Spec(FlaggerCanarySpec spec)
    {
        var route = spec.Route;
        var service = new YamlMapping()
            .Add("name", spec.ServiceName)
            .Add("port", spec.Port)
            .AddStrings("hosts", spec.Hosts)
            .AddStrings("gateways", spec.Gateways);
        if (route is not null)
        {
            service
                .AddList("match", route.Match, VirtualServiceYaml.Match)
                .AddIfAny("retries", VirtualServiceYaml.Retries(route.Retries))
                .Add("timeout", route.Timeout)
                .AddIfAny("rewrite", route.Rewrite is { } rewrite ? new YamlMapping().Add("uri", rewrite.Uri).Add("authority", rewrite.Authority) : null)
                .AddIfAny("headers", VirtualServiceYaml.Headers(route.Headers))
                .AddIfAny("corsPolicy", Without(VirtualServiceYaml.Cors(route.CorsPolicy), "unmatchedPreflights"));
        }

        service.AddIfAny("trafficPolicy", Only(DestinationRuleYaml.Policy(spec.TrafficPolicy), FlaggerTrafficPolicy));
        var analysis = new YamlMapping()
            .Add("interval", spec.Interval)
            .Add("threshold", spec.Threshold)
            .AddInts("stepWeights", spec.StepWeights)
            .AddList("metrics", spec.Metrics, m => new YamlMapping()
                .Add("name", m.Name)
                .AddIfAny("templateRef", m.TemplateRef is null ? null : new YamlMapping().Add("name", m.TemplateRef))
                .AddIfAny("thresholdRange", new YamlMapping().Add("min", m.Min).Add("max", m.Max))
                .Add("interval", m.Interval))
            .AddList("webhooks", spec.Webhooks, w => new YamlMapping()
                .Add("name", w.Name)
                .Add("type", w.Type)
                .Add("url", w.Url)
                .Add("timeout", w.Timeout)
                .AddIfAny("metadata", w.Command is null ? null : new YamlMapping().Add("type", "cmd").Add("cmd", w.Command)));
        return new YamlMapping()
            .Add("provider", "istio")
            .Add("targetRef", new YamlMapping().Add("apiVersion", "apps/v1").Add("kind", "Deployment").Add("name", spec.TargetDeployment))
            .Add("service", service)
            .Add("analysis", analysis);
    }

    public static YamlMapping Spec(FlaggerMetricTemplate template) => new YamlMapping()
        .Add("provider", new YamlMapping().Add("type", "prometheus").Add("address", template.Address))
        .Add("query", template.Query);

    public static YamlMapping Spec(ArgoRolloutSpec spec)
    {
        var steps = new YamlSequence();
        foreach (var weight in spec.StepWeights)
        {
            steps.Add(new YamlMapping().Add("setWeight", weight));
            steps.Add(new YamlMapping().Add("pause", new YamlMapping().Add("duration", spec.Pause)));
        }

        var istio = new YamlMapping()
            .Add("virtualService", new YamlMapping().Add("name", spec.VirtualService).AddStrings("routes", spec.Routes))
            .Add("destinationRule", new YamlMapping()
                .Add("name", spec.DestinationRule)
                .Add("canarySubsetName", spec.CanarySubset)
                .Add("stableSubsetName", spec.StableSubset));
        var canary = new YamlMapping()
            .AddIfAny("canaryMetadata", spec.CanaryLabels.IsEmpty ? null : new YamlMapping().AddLabels("labels", spec.CanaryLabels))
            .AddIfAny("stableMetadata", spec.StableLabels.IsEmpty ? null : new YamlMapping().AddLabels("labels", spec.StableLabels))
            .Add("trafficRouting", new YamlMapping().Add("istio", istio))
            .AddIfAny("analysis", spec.AnalysisTemplate is null ? null : new YamlMapping()
                .Add("templates", new YamlSequence().Add(new YamlMapping().Add("templateName", spec.AnalysisTemplate)))
                .Add("startingStep", 1))
            .AddIfAny("steps", steps);
        return new YamlMapping()
            .Add("replicas", spec.Replicas)
            .AddIfAny("selector", spec.Selector.IsEmpty ? null : new YamlMapping().AddLabels("matchLabels", spec.Selector))
            .Add("workloadRef", new YamlMapping().Add("apiVersion", "apps/v1").Add("kind", "Deployment").Add("name", spec.WorkloadDeployment).Add("scaleDown", "onsuccess"))
            .Add("strategy", new YamlMapping().Add("canary", canary));
    }

    public static YamlMapping Spec(ArgoAnalysisTemplate template) => new YamlMapping()
        .AddList("metrics", template.Metrics, m => new YamlMapping()
            .Add("name", m.Name)
            .Add("interval", m.Interval)
            .Add("failureLimit", m.FailureLimit)
            .Add("successCondition", m.SuccessCondition)
            .Add("provider", new YamlMapping().Add("prometheus", new YamlMapping().Add("address", m.Address).Add("query", m.Query))));

    /// <summary>
    /// What Flagger's <c>service.trafficPolicy</c> holds of Istio's (its CRD prunes the rest): the rest is MESH704's to report.
    /// Paths are dotted; a path covers everything under it.
    /// </summary>
    internal static readonly string[] FlaggerTrafficPolicy =
    {
        "connectionPool.http.h2UpgradePolicy", "connectionPool.http.http1MaxPendingRequests", "connectionPool.http.http2MaxRequests",
        "connectionPool.http.idleTimeout", "connectionPool.http.maxRequestsPerConnection", "connectionPool.http.maxRetries",
        "loadBalancer.consistentHash.httpCookie", "loadBalancer.consistentHash.httpHeaderName", "loadBalancer.consistentHash.httpQueryParameterName",
        "loadBalancer.consistentHash.minimumRingSize", "loadBalancer.consistentHash.useSourceIp", "loadBalancer.localityLbSetting",
        "loadBalancer.simple", "loadBalancer.warmupDurationSecs",
        "outlierDetection.baseEjectionTime", "outlierDetection.consecutive5xxErrors", "outlierDetection.consecutiveErrors", "outlierDetection.consecutiveGatewayErrors",
        "outlierDetection.consecutiveLocalOriginFailures", "outlierDetection.interval", "outlierDetection.maxEjectionPercent", "outlierDetection.minHealthPercent",
        "outlierDetection.splitExternalLocalOriginErrors",
        "tls.caCertificates", "tls.clientCertificate", "tls.mode", "tls.privateKey", "tls.sni", "tls.subjectAltNames",
    };

    /// <summary>The parts of a mapping a schema has a place for; empty mappings left behind are dropped.</summary>
    internal static YamlMapping? Only(YamlMapping? map, string[] paths, string prefix = "")
    {
        if (map is null) return null;
        var copy = new YamlMapping();
        foreach (var entry in map.Entries)
        {
            var path = prefix + entry.Key;
            if (paths.Contains(path))
            {
                copy.Add(entry.Key, entry.Value);
            }
            else if (entry.Value is YamlMapping child && paths.Any(p => p.StartsWith(path + ".", System.StringComparison.Ordinal)))
            {
                copy.AddIfAny(entry.Key, Only(child, paths, path + "."));
            }
        }

        return copy;
    }

    /// <summary>A mapping without the keys the engine's schema has no place for (the rules say so where it matters: MESH704).</summary>
    private static YamlMapping? Without(YamlMapping? map, params string[] keys)
    {
        if (map is null) return null;
        var copy = new YamlMapping();
        foreach (var entry in map.Entries.Where(e => !keys.Contains(e.Key))) copy.Add(entry.Key, entry.Value);
        return copy;
    }
}
