using System.Collections.Generic;
using System.Linq;
using MeshDsl.Model;
using static MeshDsl.Rules.ModelWalk;

namespace MeshDsl.Rules;

/// <summary>
/// MESH016: header names and values as Istio's webhook checks them (validation.md §2.2-2.3:
/// <c>ValidateHTTPHeaderNameOrJwtClaimRoute</c>, <c>ValidateHTTPHeaderOperationName</c>,
/// <c>ValidateHTTPHeaderWithAuthorityOperationName</c>, <c>ValidateHTTPHeaderValue</c>, <c>validateAuthorityRewrite</c>).
/// </summary>
internal static class HeaderRules
{
    private const string JwtClaimPrefix = "@request.auth.claims.";

    public static IEnumerable<Finding> Check(RuleScope d)
    {
        foreach (var vs in VirtualServices(d))
        {
            var appliesToMesh = vs.Spec.Gateways.IsEmpty || vs.Spec.Gateways.Contains("mesh");
            foreach (var route in vs.Spec.Http)
            {
                foreach (var header in MatchedHeaders(route))
                {
                    if (MatchedName(header, appliesToMesh) is { } finding) yield return finding;
                }

                foreach (var headers in HeadersOf(route))
                {
                    foreach (var f in Operations(headers)) yield return f;
                }

                if (AuthorityRewrites(route) is { } rewrites)
                    yield return Finding(RuleIds.InvalidHeader, rewrites[1].Origin, "name",
                        $"The authority is rewritten in more than one place ({string.Join(", ", rewrites.Select(a => a.Key))}): Istio rejects it ('authority header cannot be set multiple times'); keep one");
            }
        }
    }

    private static Finding? MatchedName(NamedMatch header, bool appliesToMesh)
    {
        var name = header.Name;
        if (name.StartsWith(JwtClaimPrefix, System.StringComparison.Ordinal))
        {
            if (name.Length == JwtClaimPrefix.Length)
                return Finding(RuleIds.InvalidHeader, header.Match.Origin, "name", $"'{name}' names no claim: write @request.auth.claims.<claim>");
            return appliesToMesh
                ? Finding(RuleIds.InvalidHeader, header.Match.Origin, "name", $"Routing on the JWT claim '{name}' works only at a gateway: Istio rejects it in a VirtualService that applies to the mesh (no gateways, or 'mesh' among them)")
                : null;
        }

        return !Istio.PseudoHeaders.All.Contains(name) && TokenProblem(name) is { } why
            ? Finding(RuleIds.InvalidHeader, header.Match.Origin, "name", $"'{Show(name)}' is not a header name Istio accepts: {why}")
            : null;
    }

    /// <summary>Every place the rule rewrites the authority, in order, when there is more than one; else null.</summary>
    private static List<(string Key, SourceRef Origin)>? AuthorityRewrites(HttpRoute route)
    {
        List<(string Key, SourceRef Origin)>? rewrites = null;
        if (route.Rewrite is { Authority: not null } rewrite) (rewrites ??= new()).Add(("rewrite.authority", rewrite.Origin));
        foreach (var headers in HeadersOf(route))
        {
            if (headers.Request is not { } request) continue;
            foreach (var op in request.Set)
            {
                if (IsAuthority(op.Name)) (rewrites ??= new()).Add((op.Name, op.Origin));
            }

            foreach (var op in request.Add)
            {
                if (IsAuthority(op.Name)) (rewrites ??= new()).Add((op.Name, op.Origin));
            }
        }

        return rewrites is { Count: > 1 } ? rewrites : null;
    }

    private static IEnumerable<Headers> HeadersOf(HttpRoute route)
    {
        if (route.Headers is { } ruleHeaders) yield return ruleHeaders;
        foreach (var destination in route.Route)
        {
            if (destination.Headers is { } h) yield return h;
        }
    }

    private static bool IsAuthority(string name) => string.Equals(name, ":authority", System.StringComparison.OrdinalIgnoreCase) || string.Equals(name, "host", System.StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<Finding> Operations(Headers headers)
    {
        foreach (var f in Operations(headers.Request, "request")) yield return f;
        foreach (var f in Operations(headers.Response, "response")) yield return f;
    }

    private static IEnumerable<Finding> Operations(HeaderOperations? ops, string direction)
    {
        if (ops is null) yield break;

        // Request set/add of :authority or Host is Istio's authority rewrite; anything else with ':' or Host is rejected.
        var allowAuthority = direction == "request";
        foreach (var op in ops.Set)
        {
            foreach (var f in SetOrAdded(op, "set", direction, allowAuthority)) yield return f;
        }

        foreach (var op in ops.Add)
        {
            foreach (var f in SetOrAdded(op, "added", direction, allowAuthority)) yield return f;
        }

        foreach (var op in ops.Remove)
        {
            if (NameProblem(op.Name, allowAuthority: false) is { } why)
                yield return Finding(RuleIds.InvalidHeader, op.Origin, "name", $"Header '{Show(op.Name)}' cannot be removed from the {direction}: {why}");
        }
    }

    private static IEnumerable<Finding> SetOrAdded(HeaderOperation op, string operation, string direction, bool allowAuthority)
    {
        if (NameProblem(op.Name, allowAuthority) is { } why)
            yield return Finding(RuleIds.InvalidHeader, op.Origin, "name", $"Header '{Show(op.Name)}' cannot be {operation} on the {direction}: {why}");
        if (ValueProblem(op.Value) is { } valueWhy)
            yield return Finding(RuleIds.InvalidHeader, op.Origin, "value", $"The value of header '{Show(op.Name)}' is invalid: {valueWhy}");
    }

    private static string? NameProblem(string name, bool allowAuthority)
    {
        if (name.Length == 0) return "the name is empty";
        if (allowAuthority && IsAuthority(name)) return null;
        if (string.Equals(name, "host", System.StringComparison.OrdinalIgnoreCase)) return "Istio does not let operations change Host (set :authority on the request, or use Rewrite(Authority = ...))";
        if (name[0] == ':') return "names starting with ':' are pseudo-headers, which Istio does not let operations change";
        return TokenProblem(name);
    }

    /// <summary>An HTTP token (RFC 9110): one or more of <c>!#$%&amp;'*+-.^_`|~</c>, letters and digits.</summary>
    internal static string? TokenProblem(string name)
    {
        if (name.Length == 0) return "the name is empty";
        foreach (var c in name)
        {
            var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0;
            if (!ok) return $"'{Show(c.ToString())}' is not allowed in a header name (letters, digits and !#$%&'*+-.^_`|~ are)";
        }

        return null;
    }

    /// <summary>
    /// Envoy's header value syntax as Istio checks it: no control characters but tab, and every '%' either doubled or the start
    /// of a <c>%COMMAND%</c> or <c>%COMMAND(args)%</c> substitution.
    /// </summary>
    internal static string? ValueProblem(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if ((c < 0x20 && c != '\t') || c == 0x7f) return $"it holds the control character U+{(int)c:X4} (a header value is one line)";
            if (c != '%') continue;
            if (i + 1 < value.Length && value[i + 1] == '%')
            {
                i++;
                continue;
            }

            var start = ++i;
            while (i < value.Length && ((value[i] >= 'A' && value[i] <= 'Z') || (value[i] >= '0' && value[i] <= '9') || value[i] == '_')) i++;
            if (i == start) return "a '%' neither doubled (%%) nor starting a %VARIABLE%";
            if (i < value.Length && value[i] == '(')
            {
                var close = value.IndexOf(')', i);
                if (close < 0) return "a '%COMMAND(' without its ')'";
                i = close + 1;
            }

            if (i >= value.Length || value[i] != '%') return $"'%{value.Substring(start, System.Math.Min(i, value.Length) - start)}' is not closed by '%' (write %% for a literal %)";
        }

        return null;
    }

    private static string Show(string s) => string.Concat(s.Select(c => c < 0x20 || c == 0x7f ? $"\\u{(int)c:x4}" : c.ToString()));
}
