using System.Collections.Generic;
using System.Linq;
using MeshDsl.Istio;
using MeshDsl.Model;

namespace MeshDsl.Rules;

/// <summary>Which HTTP methods a rule can serve, from its method matches.</summary>
internal static class HttpMethods
{
    /// <summary>The methods the rule serves, or null when it serves every method (some match block has no method condition).</summary>
    public static HashSet<string>? Served(HttpRoute route)
    {
        if (route.Match.IsEmpty || route.Match.Any(m => m.Method is null)) return null;
        var served = new HashSet<string>();
        foreach (var block in route.Match)
        {
            foreach (var method in HttpMethodNames.All.Where(m => Matches(block.Method!, m))) served.Add(method);
        }

        return served;
    }

    public static bool Matches(StringMatch match, string value) => match.Kind switch
    {
        StringMatchKind.Exact => match.Value == value,
        StringMatchKind.Prefix => value.StartsWith(match.Value, System.StringComparison.Ordinal),
        _ => Regexes.TryMatch(match.Value, value) ?? true,
    };

    /// <summary>The non-idempotent methods the rule explicitly serves; empty when it serves none, null when it serves every method.</summary>
    public static string[]? ExplicitNonIdempotent(HttpRoute route) =>
        Served(route) is { } served ? HttpMethodNames.NonIdempotent.Where(served.Contains).ToArray() : null;
}
