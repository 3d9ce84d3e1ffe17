using System;
using System.Linq;
using MeshDsl.Model;
using MeshDsl.Rules;

namespace MeshDsl.Simulation;

/// <summary>
/// One match block against one request, as Envoy evaluates the route Istio writes for it: every condition must hold (AND);
/// the reason is the first that does not. Regexes are full matches (RE2, anchored as Envoy anchors them); paths are compared
/// without their query; <c>ignoreUriCase</c> applies to exact and prefix URIs; an exact match with an empty value on a
/// header means "present".
/// </summary>
internal static class MatchEvaluator
{
    /// <summary>Null when the block matches; else why not.</summary>
    /// <param name="requestCarriesSource">
    /// False for requests that say nothing of where they come from (a routing test case): the conditions on port, scheme,
    /// source labels and namespace, and gateways are then not held against them.
    /// </param>
    public static string? Miss(HttpMatchRequest block, SimulatedRequest request, Func<string, bool> gatewayMatches, bool requestCarriesSource = true)
    {
        if (block.Uri is { } uri && !Matches(uri, request.PathOnly, block.IgnoreUriCase == true))
        {
            return $"uri {Describe(uri)} does not match '{request.PathOnly}'" + (block.IgnoreUriCase == true && uri.Kind != StringMatchKind.Regex ? " (case ignored)" : string.Empty);
        }

        if (requestCarriesSource && block.Scheme is { } scheme && !Matches(scheme, request.Scheme)) return $"scheme {Describe(scheme)} does not match '{request.Scheme}'";
        if (block.Method is { } method && !Matches(method, request.Method)) return $"method {Describe(method)} does not match '{request.Method}'";
        if (block.Authority is { } authority && !Matches(authority, request.Authority)) return $"authority {Describe(authority)} does not match '{request.Authority}'";
        foreach (var header in block.Headers)
        {
            var value = request.Header(header.Name);
            if (value is null) return $"header '{header.Name}' is absent";
            if (!IsPresence(header.Match) && !Matches(header.Match, value)) return $"header '{header.Name}' {Describe(header.Match)} does not match '{value}'";
        }

        foreach (var header in block.WithoutHeaders)
        {
            var value = request.Header(header.Name);
            if (value is not null && (IsPresence(header.Match) || Matches(header.Match, value))) return $"withoutHeaders: header '{header.Name}' is '{value}'";
        }

        var query = request.Query;
        foreach (var param in block.QueryParams)
        {
            if (!query.TryGetValue(param.Name, out var value)) return $"query parameter '{param.Name}' is absent";
            if (!Matches(param.Match, value)) return $"query parameter '{param.Name}' {Describe(param.Match)} does not match '{value}'";
        }

        if (!requestCarriesSource) return null;
        if (block.Port is { } port && port != request.Port) return $"port {port} is not the request's {request.Port}";
        foreach (var label in block.SourceLabels)
        {
            if (!request.SourceLabels.TryGetValue(label.Key, out var value) || value != label.Value) return $"source label {label.Key}={label.Value} is not on the client";
        }

        if (block.SourceNamespace is { } ns && ns != request.SourceNamespace) return $"sourceNamespace '{ns}' is not the client's '{request.SourceNamespace}'";
        if (!block.Gateways.IsEmpty && !block.Gateways.Any(gatewayMatches)) return $"gateways [{string.Join(", ", block.Gateways)}] do not include where the request enters";
        return null;
    }

    public static bool Matches(StringMatch match, string value, bool ignoreCase = false) => match.Kind switch
    {
        StringMatchKind.Exact => string.Equals(match.Value, value, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal),
        StringMatchKind.Prefix => value.StartsWith(match.Value, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal),
        _ => Regexes.TryMatch(match.Value, value) == true,
    };

    private static bool IsPresence(StringMatch match) => match.Kind == StringMatchKind.Exact && match.Value.Length == 0;

    private static string Describe(StringMatch match) => match.Kind.ToString().ToLowerInvariant() + " '" + match.Value + "'";
}
