using System.Collections.Generic;
using System.Linq;
using System.Net;
using MeshDsl.Istio;
using MeshDsl.Model;
using static MeshDsl.Rules.ModelWalk;

namespace MeshDsl.Rules;

/// <summary>
/// MESH018: VirtualService settings Istio's webhook rejects that no narrower rule covers (validation.md §2.1, §2.6, §2.7):
/// rules at all, hosts and gateways, exportTo, redirects, direct responses, rewrites, CORS, match fields, and TCP and TLS
/// rules. Each message quotes the check it mirrors.
/// </summary>
internal static class RouteSettingRules
{
    public static IEnumerable<Finding> Check(RuleScope d)
    {
        foreach (var vs in VirtualServices(d))
        {
            var at = d.Service is null ? d.Origin : vs.Spec.Http.FirstOrDefault()?.Origin ?? d.Origin;
            foreach (var f in TopLevel(d, vs, at)) yield return f;
            foreach (var route in vs.Spec.Http)
            {
                foreach (var f in Http(vs, route)) yield return f;
            }

            foreach (var route in vs.Spec.Tcp)
            {
                if (route.Route.IsEmpty) yield return F(route.Origin, string.Empty, "This TCP rule routes nowhere: add a RouteTo ('TCP route is required')");
                foreach (var f in Subnets(route.Match.SelectMany(m => m.DestinationSubnets), route.Origin)) yield return f;
                foreach (var m in route.Match.Where(m => m.SourceSubnet is not null && !IsIpOrCidr(m.SourceSubnet!)))
                    yield return F(route.Origin, string.Empty, $"SourceSubnet '{m.SourceSubnet}' is not an IP address or CIDR block");
                foreach (var f in MatchCommon(route.Match.Select(m => (m.SourceNamespace, m.Gateways)), route.Origin)) yield return f;
            }

            foreach (var route in vs.Spec.Tls)
            {
                if (route.Match.IsEmpty) yield return F(route.Origin, string.Empty, "This TLS rule has no match: Istio requires at least one, with SniHosts ('TLS route must have at least one match condition')");
                if (route.Route.IsEmpty) yield return F(route.Origin, string.Empty, "This TLS rule routes nowhere: add a RouteTo ('TLS route is required')");
                foreach (var match in route.Match)
                {
                    if (match.SniHosts.IsEmpty) yield return F(route.Origin, string.Empty, "A TLS match needs SniHosts ('TLS match must have at least one SNI host')");
                    foreach (var sni in match.SniHosts)
                    {
                        if (Names.Host(sni) is { } why) yield return F(route.Origin, string.Empty, $"SNI host '{sni}' is not a valid host: {why}");
                        else if (!vs.Spec.Hosts.Any(h => ValidationRules.WildcardCovers(h, sni) || string.Equals(h, sni, System.StringComparison.OrdinalIgnoreCase)))
                            yield return F(route.Origin, string.Empty, $"SNI host '{sni}' is not one of the VirtualService's hosts ({string.Join(", ", vs.Spec.Hosts)}) nor under one of its wildcards");
                    }
                }

                foreach (var f in Subnets(route.Match.SelectMany(m => m.DestinationSubnets), route.Origin)) yield return f;
                foreach (var f in MatchCommon(route.Match.Select(m => (m.SourceNamespace, m.Gateways)), route.Origin)) yield return f;
            }
        }
    }

    private static IEnumerable<Finding> TopLevel(RuleScope d, VirtualService vs, SourceRef at)
    {
        if (vs.Spec.Http.IsEmpty && vs.Spec.Tcp.IsEmpty && vs.Spec.Tls.IsEmpty)
            yield return F(at, string.Empty, $"VirtualService '{vs.Metadata.Name}' has no rules: add an [HttpRoute], [TcpRoute] or [TlsRoute] class ('http, tcp or tls must be provided in virtual service')");

        var toMesh = vs.Spec.Gateways.IsEmpty || vs.Spec.Gateways.Contains("mesh");
        for (var i = 0; i < vs.Spec.Hosts.Count; i++)
        {
            if (vs.Spec.Hosts[i] == "*" && toMesh)
                yield return F(at, d.Service is null ? Model.Finding.Element("hosts", i) : string.Empty,
                    "Host '*' applies to the mesh here (no gateways, or 'mesh'): Istio rejects it ('wildcard host * is not allowed for virtual services bound to the mesh gateway'); bind the VirtualService to a gateway");
        }

        for (var i = 0; i < vs.Spec.Gateways.Count; i++)
        {
            if (GatewayNameProblem(vs.Spec.Gateways[i]) is { } why) yield return F(d.Origin, Model.Finding.Element("spec.gateways", i), $"Gateway '{vs.Spec.Gateways[i]}' is not a gateway reference Istio accepts: {why}");
        }

        foreach (var f in ExportTo(vs.Spec.ExportTo, at)) yield return f;
    }

    /// <summary>validation.go <c>validateExportTo</c>: '.', '*' or a namespace; no '~'; no duplicates; '*' alone.</summary>
    /// <param name="allowNone">A ServiceEntry may be exported to no namespace ('~'), alone.</param>
    internal static IEnumerable<Finding> ExportTo(Helpers.EquatableArray<string> exportTo, SourceRef at, string ruleId = RuleIds.InvalidRouteSetting, bool allowNone = false)
    {
        Finding F(SourceRef origin, string field, string message) => Finding(ruleId, origin, field, message);
        var seen = new HashSet<string>();
        for (var i = 0; i < exportTo.Count; i++)
        {
            var e = exportTo[i];
            var field = Model.Finding.Element("exportTo", i);
            if (e == "~" && !allowNone) yield return F(at, field, "ExportTo '~' (visible nowhere) is only for ServiceEntry: Istio rejects it here");
            else if (e == "~" && exportTo.Count > 1) yield return F(at, field, "ExportTo combines '~' (visible nowhere) with other entries: Istio rejects it");
            else if (e == "~") { }
            else if (e != "." && e != "*" && Names.Label(e) is { } why) yield return F(at, field, $"ExportTo '{e}' is neither '.', '*' nor a namespace: {why}");
            if (!seen.Add(e)) yield return F(at, field, $"ExportTo lists '{e}' twice: Istio rejects duplicate entries");
        }

        if (exportTo.Contains("*") && exportTo.Count > 1)
            yield return F(at, "ExportTo", "ExportTo combines '*' (everywhere) with other entries: Istio rejects it ('cannot have both public (*) and non-public exportTo values')");
    }

    /// <summary>validation.go <c>validateGatewayNames</c>: <c>mesh</c>, <c>ns/name</c> of DNS-1123 labels, or a host name.</summary>
    private static string? GatewayNameProblem(string gateway)
    {
        if (gateway == "mesh") return null;
        var slash = gateway.IndexOf('/');
        if (slash < 0) return Names.Host(gateway, allowBareWildcard: false);
        var ns = gateway.Substring(0, slash);
        var name = gateway.Substring(slash + 1);
        if (ns.Length == 0 || name.Length == 0) return "the namespace and the name cannot be empty";
        return Names.Label(ns) is { } nsWhy ? "namespace '" + ns + "': " + nsWhy : Names.Label(name) is { } nameWhy ? "name '" + name + "': " + nameWhy : null;
    }

    private static IEnumerable<Finding> Http(VirtualService vs, HttpRoute route)
    {
        // Only messages need the rule's name, and finding it is a search: compute it when one is written.
        string? ruleName = null;
        string Name() => ruleName ??= RuleName(vs, route);
        if (route.Redirect is { } redirect)
        {
            if (redirect.Uri is not null && redirect.PrefixRewrite is not null)
                yield return F(redirect.Origin, "PrefixRewrite", $"Rule '{Name()}' redirects with both Uri and PrefixRewrite: Istio takes one ('redirect may only specify one of uri or prefix_rewrite')");
            if (redirect.PrefixRewrite is not null && (route.Match.IsEmpty || route.Match.Any(m => m.Uri is not { Kind: StringMatchKind.Prefix })))
                yield return F(redirect.Origin, "PrefixRewrite", $"Rule '{Name()}' uses PrefixRewrite, which needs every match block to match the uri by Prefix ('redirect prefix_rewrite requires all URI matches to use prefix match type')");
            if (redirect.Uri is null && redirect.PrefixRewrite is null && redirect.Authority is null && redirect.Port is null && redirect.DerivePort is null && redirect.Scheme is null)
                yield return F(redirect.Origin, string.Empty, $"Rule '{Name()}' redirects to the same place: set Uri, PrefixRewrite, Authority, Port or Scheme ('redirect must specify URI, authority, scheme, or port')");
            if (redirect.RedirectCode is { } code && code is < 300 or > 399)
                yield return F(redirect.Origin, "RedirectCode", $"Redirect code {N(code)} is not a 3xx status ('is not a valid redirect code, must be 3xx')");
            if (redirect.Scheme is { } scheme && scheme is not ("http" or "https"))
                yield return F(redirect.Origin, "Scheme", $"Redirect scheme '{scheme}' is neither http nor https ('invalid redirect scheme')");
            if (redirect.Port is not null && redirect.DerivePort is not null)
                yield return F(redirect.Origin, "DerivePort", $"Rule '{Name()}' redirects with both Port and DerivePort: Istio takes one");
        }

        if (route.DirectResponse is { } direct)
        {
            if (direct.Status is < 200 or > 600)
                yield return F(direct.Origin, "status", $"Direct response status {N(direct.Status)} is outside 200-599 ('is not a valid HTTP status code')");
            if (direct.BodyString is not null && direct.BodyBytes is not null)
                yield return F(direct.Origin, "body.bytes", "A direct response has one body: Body or BodyBytes, not both");
            var size = System.Text.Encoding.UTF8.GetByteCount(direct.BodyString ?? string.Empty) + (direct.BodyBytes?.Length ?? 0) * 3 / 4;
            if (size > 1024 * 1024)
                yield return F(direct.Origin, direct.BodyString is not null ? "body.string" : "body.bytes", $"A direct response body of {N(size)} bytes: Istio rejects bodies over 1 MB");
            if (direct.BodyBytes is { } bytes && !IsBase64(bytes))
                yield return F(direct.Origin, "body.bytes", "BodyBytes is not base64: Istio reads it as base64-encoded bytes");
        }

        if (route.Rewrite is { } rewrite)
        {
            var regex = rewrite.UriRegexMatch is not null || rewrite.UriRegexRewrite is not null;
            if (rewrite.Uri is not null && regex)
                yield return F(rewrite.Origin, "UriRegexMatch", $"Rule '{Name()}' rewrites the uri both plainly and by regex: Istio takes one ('rewrite may only contain one of URI or UriRegexRewrite')");
            if (regex && (rewrite.UriRegexMatch is null || rewrite.UriRegexRewrite is null))
                yield return F(rewrite.Origin, rewrite.UriRegexMatch is null ? "UriRegexRewrite" : "UriRegexMatch", "A regex rewrite needs both UriRegexMatch and UriRegexRewrite ('UriRegexRewrite requires both Rewrite and Match fields')");
            if (rewrite.Uri is null && !regex && rewrite.Authority is null)
                yield return F(rewrite.Origin, string.Empty, "This rewrite changes nothing: set Uri, UriRegexMatch and UriRegexRewrite, or Authority ('rewrite must specify at least one of URI, UriRegexRewrite, or authority')");
        }

        if (route.CorsPolicy is { } cors)
        {
            for (var i = 0; i < cors.AllowMethods.Count; i++)
            {
                if (!HttpMethodNames.Cors.Contains(cors.AllowMethods[i]))
                    yield return F(cors.Origin, Model.Finding.Element("allowMethods", i), $"'{cors.AllowMethods[i]}' is not an HTTP method Istio accepts in CORS (upper case: GET, POST, ... or *)");
            }

            foreach (var (list, field) in new[] { (cors.AllowHeaders, "AllowHeaders"), (cors.ExposeHeaders, "ExposeHeaders") })
            {
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] != "*" && HeaderRules.TokenProblem(list[i]) is { } why)
                        yield return F(cors.Origin, Model.Finding.Element(field, i), $"'{list[i]}' is not a header name: {why}");
                }
            }

            foreach (var origin in cors.AllowOrigins.Where(o => o.Value.Length == 0))
                yield return F(origin.Origin, origin.Kind.ToString(), "An allowed CORS origin is empty: Istio rejects it ('is not a valid match type for CORS allow origins')");
            if (cors.MaxAge is { } maxAge && IstioDuration.Validate(maxAge, out var ns) == IstioDuration.Problem.None && ns % 1_000_000_000m != 0)
                yield return F(cors.Origin, "MaxAge", $"CORS MaxAge '{maxAge}' is not whole seconds: Istio rejects it ('max_age duration is accurate only to seconds precision')");
        }

        foreach (var f in MatchCommon(route.Match.Select(m => (m.SourceNamespace, m.Gateways)), route.Origin)) yield return f;
    }

    private static IEnumerable<Finding> MatchCommon(IEnumerable<(string? SourceNamespace, Helpers.EquatableArray<string> Gateways)> matches, SourceRef origin)
    {
        foreach (var (sourceNamespace, gateways) in matches)
        {
            if (sourceNamespace is { } ns && Names.Label(ns) is { } why)
                yield return F(origin, string.Empty, $"SourceNamespace '{ns}' is not a namespace: {why}");
            foreach (var g in gateways)
            {
                if (GatewayNameProblem(g) is { } gwWhy) yield return F(origin, string.Empty, $"Gateway '{g}' of a match is not a gateway reference Istio accepts: {gwWhy}");
            }
        }
    }

    private static IEnumerable<Finding> Subnets(IEnumerable<string> subnets, SourceRef origin)
    {
        foreach (var subnet in subnets.Where(s => !IsIpOrCidr(s)))
            yield return F(origin, string.Empty, $"DestinationSubnets entry '{subnet}' is not an IP address or CIDR block");
    }

    internal static bool IsIpOrCidr(string value)
    {
        var slash = value.IndexOf('/');
        var ip = slash < 0 ? value : value.Substring(0, slash);
        if (!IPAddress.TryParse(ip, out var address) || ip.IndexOf(':') < 0 && ip.Count(c => c == '.') != 3) return false;
        if (slash < 0) return true;
        var max = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32;
        return int.TryParse(value.Substring(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bits) && bits <= max;
    }

    private static bool IsBase64(string value)
    {
        try
        {
            System.Convert.FromBase64String(value);
            return true;
        }
        catch (System.FormatException)
        {
            return false;
        }
    }

    private static Finding F(SourceRef origin, string field, string message) => Finding(RuleIds.InvalidRouteSetting, origin, field, message);
}
