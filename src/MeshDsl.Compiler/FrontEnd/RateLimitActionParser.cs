using System.Linq;
using MeshDsl.Model;
using MeshDsl.RateLimit;
using MeshDsl.Rules;

namespace MeshDsl.FrontEnd;

/// <summary>
/// The headers a rate limit action reads (<c>FromRequestHeader</c>, <c>FromHeaderMatch</c>, a descriptor's <c>Header</c>),
/// checked where they are written: an action Envoy would reject is reported at its argument and left out, never emitted.
/// </summary>
internal static class RateLimitActionParser
{
    /// <summary>The pseudo-headers a request carries, which actions may read.</summary>
    private static readonly string[] RequestPseudoHeaders = { ":authority", ":method", ":path", ":scheme" };

    public static bool HeaderIsValid(string? header, SourceRef origin, string field, ParseContext context)
    {
        var why = string.IsNullOrEmpty(header) ? "the name is empty"
            : header![0] == ':' ? (RequestPseudoHeaders.Contains(header) ? null : "of the pseudo-headers, a request carries only " + string.Join(", ", RequestPseudoHeaders))
            : HeaderRules.TokenProblem(header);
        if (why is null) return true;
        context.Report(RuleIds.InvalidHeader, origin, field, $"Header '{header}' cannot be read by a rate limit action: {why}");
        return false;
    }

    /// <summary>A header match: present, or exactly one of Exact, Prefix or Regex (RE2, as Envoy's safe_regex runs it).</summary>
    public static (bool Valid, StringMatch? Match) Match(AttributeReader a, SourceRef origin, ParseContext context)
    {
        var set = new[] { ("Exact", StringMatchKind.Exact), ("Prefix", StringMatchKind.Prefix), ("Regex", StringMatchKind.Regex) }
            .Where(x => a.String(x.Item1) is not null).ToArray();
        if (set.Length > 1)
        {
            context.Report(RuleIds.InvalidStringMatch, origin, set[1].Item1, $"The header match sets {string.Join(" and ", set.Select(x => x.Item1))}: it matches one way; keep one");
            return (false, null);
        }

        if (set.Length == 0) return (true, null);
        var value = a.String(set[0].Item1)!;
        if (set[0].Item2 == StringMatchKind.Regex && Regexes.Problem(value) is { } why)
        {
            context.Report(RuleIds.InvalidRegex, origin, "Regex", value, why);
            return (false, null);
        }

        return (true, new StringMatch(set[0].Item2, value, SourceRef.None));
    }
}
