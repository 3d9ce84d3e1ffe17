using System.Collections.Generic;
using System.Linq;
using MeshDsl.Model;
using MeshDsl.RateLimit;
using static MeshDsl.Rules.ModelWalk;

namespace MeshDsl.Rules;

/// <summary>
/// MESH601-MESH604, MESH608: local rate limits Envoy rejects or that do nothing, found in any EnvoyFilter (one MeshDsl
/// wrote for a <c>[LocalRateLimit]</c>, or one read from YAML). Envoy rejects a bad filter at run time, after Istio accepted
/// it: the listener is not updated and the limit silently never applies.
/// </summary>
internal static class RateLimitRules
{
    /// <summary>Envoy's floor for a token bucket's fill interval (local_ratelimit's config validation).</summary>
    private const decimal MinimumFillInterval = 50_000_000m;

    public static IEnumerable<Finding> Check(RuleScope d)
    {
        foreach (var filter in d.Resources.OfType<EnvoyFilter>())
        {
            foreach (var (patch, path, config) in LocalRateLimitFilter.Find(filter))
            {
                foreach (var f in Local(patch, path, config)) yield return f;
            }
        }
    }

    private static IEnumerable<Finding> Local(EnvoyConfigPatch patch, string path, StructValue config)
    {
        var at = patch.Origin;
        if (config["token_bucket"] is { } bucket)
        {
            foreach (var f in Bucket(at, path + ".token_bucket", bucket)) yield return f;
        }

        if (config["descriptors"] is StructList descriptors)
        {
            for (var i = 0; i < descriptors.Items.Count; i++)
            {
                var descriptorPath = path + ".descriptors[" + N(i) + "]";
                var entries = descriptors.Items[i]["entries"] as StructList;
                if (entries is null || entries.Items.Count == 0 || entries.Items.Any(e => string.IsNullOrEmpty(e["key"]?.Scalar) || string.IsNullOrEmpty(e["value"]?.Scalar)))
                    yield return Finding(RuleIds.InvalidTokenBucket, at, descriptorPath, "A local rate limit descriptor needs entries, each with a key and a value: Envoy rejects the filter");
                if (descriptors.Items[i]["token_bucket"] is { } own)
                {
                    // In C#, a descriptor's bucket has no field of the rule's attribute: its findings point at the bucket as a whole.
                    foreach (var f in Bucket(at, descriptorPath + ".token_bucket", own, wholeBucket: true)) yield return f;
                }
                else
                {
                    yield return Finding(RuleIds.InvalidTokenBucket, at, descriptorPath, "A local rate limit descriptor without a token_bucket: Envoy rejects the filter");
                }
            }
        }

        // A filter without a bucket only carries per-route buckets (each route's typed_per_filter_config): it limits nothing itself.
        if (config["token_bucket"] is null) yield break;

        foreach (var key in new[] { "filter_enabled", "filter_enforced" })
        {
            var fraction = config[key];
            var numerator = fraction?["default_value"]?["numerator"]?.Integer ?? 0;
            if (fraction is null || numerator <= 0)
            {
                var what = key == "filter_enabled" ? "sees no request" : "rejects no request (it only counts them)";
                yield return Finding(RuleIds.RateLimitNotEnforced, at, path + "." + key,
                    $"{key} is {(fraction is null ? "not set, and Envoy's default is 0%" : "0%")}: the rate limit {what}; set it to 100% (in C#, leave the percentage unset)");
            }
        }

        if (config["status"]?["code"]?.Scalar is { } status && EnvoyHttpStatus.Code(status) is var code && (code is null or < 400 or > 599 || EnvoyHttpStatus.Name(code.Value) is null))
        {
            yield return Finding(RuleIds.InvalidRateLimitStatus, at, path + ".status", status);
        }
    }

    private static IEnumerable<Finding> Bucket(SourceRef at, string bucketPath, StructValue bucket, bool wholeBucket = false)
    {
        string Field(string name) => wholeBucket ? bucketPath : bucketPath + "." + name;
        var max = bucket["max_tokens"]?.Integer;
        var perFill = bucket["tokens_per_fill"]?.Integer ?? 1;
        if (max is null or < 1)
            yield return Finding(RuleIds.InvalidTokenBucket, at, Field("max_tokens"), $"max_tokens is {(max is null ? "missing" : N(max.Value))}: a bucket holds at least one token, and Envoy rejects the filter");
        if (perFill < 1)
            yield return Finding(RuleIds.InvalidTokenBucket, at, Field("tokens_per_fill"), $"tokens_per_fill is {N(perFill)}: each fill adds at least one token, and Envoy rejects the filter");
        else if (max is { } m and >= 1 && perFill > m)
            yield return Finding(RuleIds.TokensBeyondBucket, at, Field("tokens_per_fill"), N(perFill), N(m));

        var interval = bucket["fill_interval"]?.Scalar;
        if (!ProtoDuration.TryParse(interval, out var nanoseconds))
        {
            yield return Finding(RuleIds.InvalidTokenBucket, at, Field("fill_interval"), interval is null
                ? "fill_interval is missing: Envoy rejects a token bucket without one"
                : $"fill_interval '{interval}' is not a duration Envoy reads here: write seconds with an 's', such as \"60s\" or \"0.5s\" (in C#, Istio's notation: \"1m\", \"500ms\")");
        }
        else if (nanoseconds < MinimumFillInterval)
        {
            yield return Finding(RuleIds.FillIntervalTooShort, at, Field("fill_interval"), interval!);
        }
    }

    /// <summary>
    /// MESH607: an EnvoyFilter whose selector matches no workload, once the workload YAML describes its namespace (the
    /// Deployments MeshDsl emits alone do not: a gateway's pods are rarely among them).
    /// </summary>
    public static IEnumerable<Finding> CheckMesh(Mesh mesh)
    {
        foreach (var filter in mesh.Resources.OfType<EnvoyFilter>().Where(f => !f.Spec.WorkloadSelector.IsEmpty))
        {
            // An EnvoyFilter in the root namespace (istio-system) applies to every namespace's workloads.
            var ns = mesh.NamespaceOf(filter.Metadata.Namespace);
            var root = ns == "istio-system";
            var candidates = mesh.Workloads.Where(w => root || mesh.NamespaceOf(w.Namespace) == ns).ToArray();
            if (!mesh.ReadWorkloads.Any(w => mesh.NamespaceOf(w.Namespace) == ns)) continue;
            if (candidates.Any(w => filter.Spec.WorkloadSelector.All(w.PodLabels.Contains))) continue;
            var at = filter.Spec.Origin == SourceRef.None ? filter.Origin : filter.Spec.Origin;
            yield return Finding(RuleIds.EnvoyFilterSelectsNothing, at, "workloadSelector",
                filter.Metadata.Name, string.Join(",", filter.Spec.WorkloadSelector.Select(l => l.Key + "=" + l.Value)), ns);
        }
    }
}
