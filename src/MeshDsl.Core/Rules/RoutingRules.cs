using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MeshDsl.Model;
using static MeshDsl.Rules.ModelWalk;

namespace MeshDsl.Rules;

/// <summary>MESH102-MESH109: routing that Istio accepts but that does not do what its author meant.</summary>
internal static class RoutingRules
{
    public static IEnumerable<Finding> Check(MeshDeclaration d)
    {
        foreach (var vs in VirtualServices(d))
        {
            foreach (var f in Reachability(vs)) yield return f;
            foreach (var route in vs.Spec.Http)
            {
                var name = RuleName(vs, route);

                // MESH104: weights are relative shares; a sum other than 100 usually means a typo in a canary step.
                if (route.Route.Count > 1 && route.Route.All(r => r.Weight is not null))
                {
                    var sum = route.Route.Sum(r => (long)r.Weight!.Value);
                    if (sum != 100 && sum > 0 && route.Route.All(r => r.Weight >= 0))
                        yield return Finding(RuleIds.WeightsNot100, route.Route[0].Origin, "weight", name, N(sum));
                }

                // MESH107: Envoy lower-cases header names; a mixed-case name in a match never matches.
                foreach (var header in route.Match.SelectMany(m => m.Headers.Concat(m.WithoutHeaders)))
                {
                    if (header.Name != header.Name.ToLowerInvariant())
                        yield return Finding(RuleIds.HeaderNotLowerCase, header.Match.Origin, "name", header.Name, header.Name.ToLowerInvariant());
                }

                // MESH108: the seed's advice: target fault injection at test traffic with a match.
                if (route.Fault is { } fault && route.Match.IsEmpty)
                {
                    var at = fault.Delay?.Origin ?? fault.Abort!.Origin;
                    yield return Finding(RuleIds.FaultOnAllTraffic, at, string.Empty, name);
                }

                // MESH109: mirroring to a destination the rule already routes to doubles its traffic.
                var mirrors = (route.Mirror is { } m ? new[] { (Destination: m, Origin: route.MirrorOrigin) } : System.Array.Empty<(Destination, SourceRef)>())
                    .Concat(route.Mirrors.Select(x => (x.Destination, x.Origin)));
                foreach (var (mirror, origin) in mirrors)
                {
                    if (route.Route.Any(r => SameTarget(r.Destination, mirror)))
                        yield return Finding(RuleIds.MirrorToOwnDestination, origin, string.Empty, name, mirror.Host + (mirror.Subset is null ? string.Empty : " subset " + mirror.Subset));
                }
            }
        }
    }

    private static bool SameTarget(Destination a, Destination b) =>
        a.Host == b.Host && a.Subset == b.Subset && (a.Port is null || b.Port is null || a.Port == b.Port);

    // MESH102 (IST0130) and MESH103 (IST0131).
    private static IEnumerable<Finding> Reachability(VirtualService vs)
    {
        HttpRoute? catchAll = null;
        var earlier = new List<(HttpRoute Route, HttpMatchRequest Block)>();
        foreach (var route in vs.Spec.Http)
        {
            var name = RuleName(vs, route);
            if (catchAll is not null)
            {
                yield return Finding(RuleIds.UnreachableRule, route.Origin, string.Empty, name, $"rule '{RuleName(vs, catchAll)}' before it matches all traffic");
                continue;
            }

            if (route.Match.IsEmpty || route.Match.Any(MatchesEverything))
            {
                catchAll = route;
                continue;
            }

            var covered = 0;
            foreach (var block in route.Match)
            {
                var cover = earlier.FirstOrDefault(e => Covers(e.Block, block));
                if (cover.Route is not null)
                {
                    covered++;
                    var how = Equivalent(cover.Block, block) ? "an identical match" : "a broader match";
                    yield return Finding(RuleIds.IneffectiveMatch, FirstOrigin(block) ?? route.Origin, string.Empty, name, how, RuleName(vs, cover.Route));
                }
            }

            if (covered == route.Match.Count && covered > 0)
            {
                // Every block is taken by earlier rules: the rule as a whole is dead, as IST0130 says.
                yield return Finding(RuleIds.UnreachableRule, route.Origin, string.Empty, name, "every one of its match blocks is taken by an earlier rule");
            }

            earlier.AddRange(route.Match.Select(b => (route, b)));
        }
    }

    private static SourceRef? FirstOrigin(HttpMatchRequest block) =>
        new[] { block.Uri, block.Scheme, block.Method, block.Authority }.Concat(block.Headers.Select(h => h.Match))
            .Concat(block.QueryParams.Select(q => q.Match)).Concat(block.WithoutHeaders.Select(h => h.Match))
            .OfType<StringMatch>().Select(m => (SourceRef?)m.Origin).FirstOrDefault();

    private static bool MatchesEverything(HttpMatchRequest block) =>
        block.Uri is null or { Kind: StringMatchKind.Prefix, Value: "/" or "" }
        && block.Scheme is null && block.Method is null && block.Authority is null && block.Headers.IsEmpty && block.Port is null
        && block.SourceLabels.IsEmpty && block.Gateways.IsEmpty && block.QueryParams.IsEmpty && block.WithoutHeaders.IsEmpty
        && block.SourceNamespace is null;

    private static bool Equivalent(HttpMatchRequest a, HttpMatchRequest b) => Covers(a, b) && Covers(b, a);

    /// <summary>Whether every request <paramref name="later"/> matches is matched by <paramref name="earlier"/>.</summary>
    private static bool Covers(HttpMatchRequest earlier, HttpMatchRequest later) =>
        Covers(earlier.Uri, later.Uri, earlier.IgnoreUriCase == true && later.IgnoreUriCase != true)
        && Covers(earlier.Scheme, later.Scheme) && Covers(earlier.Method, later.Method) && Covers(earlier.Authority, later.Authority)
        && CoversAll(earlier.Headers, later.Headers) && CoversAll(earlier.QueryParams, later.QueryParams)
        && CoversAll(earlier.WithoutHeaders, later.WithoutHeaders, exact: true)
        && (earlier.Port is null || earlier.Port == later.Port)
        && earlier.SourceLabels.All(l => later.SourceLabels.Contains(l))
        && (earlier.Gateways.IsEmpty || earlier.Gateways.All(g => later.Gateways.Contains(g)) && !later.Gateways.IsEmpty)
        && (earlier.SourceNamespace is null || earlier.SourceNamespace == later.SourceNamespace);

    private static bool CoversAll(Helpers.EquatableArray<NamedMatch> earlier, Helpers.EquatableArray<NamedMatch> later, bool exact = false) =>
        earlier.All(e => later.Any(l => l.Name == e.Name && (exact ? Same(e.Match, l.Match) : Covers(e.Match, l.Match))));

    private static bool Same(StringMatch a, StringMatch b) => a.Kind == b.Kind && a.Value == b.Value;

    /// <summary>An earlier condition covers a later one when it is absent, equal, or a prefix of the later exact or prefix value.</summary>
    private static bool Covers(StringMatch? earlier, StringMatch? later, bool earlierIgnoresCase = false)
    {
        if (earlier is null) return true;
        if (later is null) return false;
        if (Same(earlier, later)) return true;
        var comparison = earlierIgnoresCase ? System.StringComparison.OrdinalIgnoreCase : System.StringComparison.Ordinal;
        return earlier.Kind == StringMatchKind.Prefix && later.Kind is StringMatchKind.Exact or StringMatchKind.Prefix
            && later.Value.StartsWith(earlier.Value, comparison);
    }
}
