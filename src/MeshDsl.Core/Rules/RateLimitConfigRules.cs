using System.Collections.Generic;
using System.Linq;
using MeshDsl.Helpers;
using MeshDsl.Model;
using MeshDsl.RateLimit;
using static MeshDsl.Rules.ModelWalk;

namespace MeshDsl.Rules;

/// <summary>
/// MESH610: what envoyproxy/ratelimit's loader (config_impl.go) rejects in a configuration. The server refuses the whole file:
/// on start it does not come up, on a reload it keeps the old limits and only its log says why.
/// </summary>
internal static class RateLimitConfigRules
{
    private static readonly HashSet<string> Units = new(System.StringComparer.OrdinalIgnoreCase) { "second", "minute", "hour", "day", "week", "month", "year" };

    public static IEnumerable<Finding> Check(RuleScope d)
    {
        foreach (var configMap in d.Resources.OfType<RateLimitConfigMap>())
        {
            var config = configMap.Config;
            var at = config.Origin == SourceRef.None ? d.Origin : config.Origin;
            if (config.Domain.Length == 0) yield return Finding(RuleIds.InvalidRateLimitConfig, at, "domain", "The configuration has an empty domain: the rate limit service refuses it ('config file cannot have empty domain')");
            foreach (var f in Descriptors(config.Descriptors, config.Domain, at)) yield return f;
        }
    }

    private static IEnumerable<Finding> Descriptors(EquatableArray<RateLimitDescriptor> descriptors, string parent, SourceRef fallback)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var d in descriptors)
        {
            var at = d.Origin == SourceRef.None ? fallback : d.Origin;
            var full = parent + "." + d.CompositeKey;
            if (d.Key.Length == 0) yield return Finding(RuleIds.InvalidRateLimitConfig, at, "key", "A descriptor has an empty key: the rate limit service refuses the configuration ('descriptor has empty key')");
            else if (!seen.Add(d.CompositeKey))
                yield return Finding(RuleIds.InvalidRateLimitConfig, at, d.Value is null ? "key" : "value", $"Descriptor '{full}' is declared twice at this level: the rate limit service refuses the configuration ('duplicate descriptor composite key'); merge them");

            if (d.RateLimit is { } limit)
            {
                if (limit.RequestsPerUnit is < 0)
                    yield return Finding(RuleIds.InvalidRateLimitConfig, at, "rate_limit.requests_per_unit", $"Descriptor '{full}' allows {N(limit.RequestsPerUnit.Value)} requests per unit: the count is unsigned, and the rate limit service cannot load a negative one");
                var validUnit = limit.Unit is { } unit && Units.Contains(unit);
                if (limit.Unlimited == true && validUnit)
                    yield return Finding(RuleIds.InvalidRateLimitConfig, at, "rate_limit.unit", $"Descriptor '{full}' is unlimited and has a unit: the rate limit service refuses it ('should not specify rate limit unit when unlimited'); remove the unit");
                else if (limit.Unlimited != true && !validUnit)
                    yield return Finding(RuleIds.InvalidRateLimitConfig, at, "rate_limit.unit", limit.Unit is null
                        ? $"Descriptor '{full}' has a limit without a unit: the rate limit service refuses it; give a unit (second, minute, hour, day, week, month, year)"
                        : $"Descriptor '{full}' has the unit '{limit.Unit}', which the rate limit service does not know ('invalid rate limit unit'): use second, minute, hour, day, week, month or year");
            }

            foreach (var f in Descriptors(d.Descriptors, full, at)) yield return f;
        }
    }
}
