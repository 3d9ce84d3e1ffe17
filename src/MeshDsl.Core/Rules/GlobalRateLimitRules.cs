using System.Collections.Generic;
using System.Linq;
using MeshDsl.Model;
using MeshDsl.RateLimit;
using static MeshDsl.Rules.ModelWalk;

namespace MeshDsl.Rules;

/// <summary>
/// MESH612 and MESH613: the limits of a rate limit service against the descriptors the mesh's EnvoyFilters build. A limit no
/// descriptor reaches limits nothing; a descriptor no limit matches is a round trip to the service for every request, for nothing.
/// </summary>
internal static class GlobalRateLimitRules
{
    public static IEnumerable<Finding> CheckMesh(Mesh mesh)
    {
        var configs = mesh.Resources.OfType<RateLimitConfigMap>().ToArray();
        if (configs.Length == 0) yield break;

        var built = mesh.Resources.OfType<EnvoyFilter>()
            .SelectMany(f => GlobalRateLimitFilter.Descriptors(f).Select(x => (Filter: f, Domain: GlobalRateLimitFilter.Domain(f), x.Patch, x.Path, x.Entries)))
            .ToArray();

        foreach (var configMap in configs)
        {
            var config = configMap.Config;
            var descriptors = built.Where(b => b.Entries is not null && (b.Domain is null || b.Domain == config.Domain)).Select(b => b.Entries!).ToArray();
            foreach (var (path, node) in Limits(config.Descriptors, new List<RateLimitDescriptor>()))
            {
                if (descriptors.Any(e => Matches(e, path))) continue;
                var at = node.Origin == SourceRef.None ? configMap.Origin : node.Origin;
                yield return Finding(RuleIds.LimitNothingReaches, at, "key", string.Join(".", path.Select(n => n.CompositeKey)), config.Domain,
                    Hint(path));
            }
        }

        foreach (var b in built.Where(b => b.Entries is { Count: > 0 }))
        {
            var domains = configs.Where(c => b.Domain is null || c.Config.Domain == b.Domain).ToArray();
            if (domains.Length == 0) continue;
            if (domains.Any(c => Limits(c.Config.Descriptors, new List<RateLimitDescriptor>()).Any(l => Matches(b.Entries!, l.Path)))) continue;
            yield return Finding(RuleIds.DescriptorNoLimitMatches, b.Patch.Origin, b.Path,
                string.Join(", ", b.Entries!.Select(e => e.Value is null ? e.Key : e.Key + "=" + e.Value)), b.Filter.Metadata.Name, b.Domain ?? domains[0].Config.Domain);
        }
    }

    /// <summary>Every descriptor entry with a limit of its own, with the entries leading to it.</summary>
    private static IEnumerable<(IReadOnlyList<RateLimitDescriptor> Path, RateLimitDescriptor Node)> Limits(Helpers.EquatableArray<RateLimitDescriptor> level, List<RateLimitDescriptor> above)
    {
        foreach (var node in level)
        {
            above.Add(node);
            if (node.RateLimit is not null) yield return (above.ToArray(), node);
            foreach (var deeper in Limits(node.Descriptors, above)) yield return deeper;
            above.RemoveAt(above.Count - 1);
        }
    }

    /// <summary>
    /// Whether a descriptor reaches a limit: the same keys in the same order, each value equal, or unknown until the request
    /// (a header's value, the client's address), or not asked for (the limit counts every value of the key).
    /// </summary>
    private static bool Matches(IReadOnlyList<(string Key, string? Value)> entries, IReadOnlyList<RateLimitDescriptor> path) =>
        entries.Count == path.Count && entries.Zip(path, (e, n) => e.Key == n.Key && (n.Value is null || e.Value is null || e.Value == n.Value)).All(x => x);

    private static string Hint(IReadOnlyList<RateLimitDescriptor> path) =>
        path.Count == 1 && path[0].Key == "remote_address"
            ? "apply the service to a gateway or service (ApplyTo)"
            : "give each entry an action (FromRequestHeader, FromHeaderMatch, FromGenericKey...) and apply the service to a gateway or service (ApplyTo)";
}
