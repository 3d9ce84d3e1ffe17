using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MeshDsl.Model;
using MeshDsl.YamlFrontEnd;

namespace MeshDsl.Simulation;

/// <summary>
/// Routing test cases in the format of getyourguide/istio-config-validator (<c>testCases:</c> with <c>description</c>,
/// <c>request</c>, <c>wantMatch</c> and the expected <c>route</c>, <c>rewrite</c>, <c>redirect</c>, <c>headers</c>, <c>fault</c>,
/// <c>delegate</c>), with the meaning that tool gives them: each request is every combination of its authorities, methods and
/// URIs; an expectation holds when the matched rule's field equals it, and <c>wantMatch: false</c> asks that it does not.
/// Expectations are kept in a canonical text form so that a missing field and its zero value compare equal, as protobuf's do.
/// </summary>
internal sealed record RoutingTestCase(
    string Description,
    bool WantMatch,
    IReadOnlyList<string> Authorities,
    IReadOnlyList<string> Methods,
    IReadOnlyList<string> Uris,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> Expectations,
    string File,
    int Line);

internal static class RoutingTestCaseReader
{
    private static readonly string[] Fields = { "route", "rewrite", "redirect", "headers", "fault", "delegate" };

    /// <summary>The cases of one file (several YAML documents allowed), or the reason it cannot be read.</summary>
    public static List<RoutingTestCase> Read(string file, string text, out string? error)
    {
        error = null;
        var cases = new List<RoutingTestCase>();
        // Depth-limited, as every YAML this tool reads: the readers below recurse.
        var source = SourceFile.Load(text);
        if (source.Error is { } unreadable)
        {
            error = $"{file}({source.ErrorLine},{source.ErrorColumn}): {unreadable}";
            return cases;
        }

        foreach (var document in source.Documents)
        {
            if (document is not SourceMap root || root.Get("testCases") is not { } list) continue;
            if (list is not SourceList items)
            {
                error = $"{file}({list.Line},{list.Column}): testCases is a list";
                return cases;
            }

            foreach (var item in items.Items)
            {
                if (item is not SourceMap map)
                {
                    error = $"{file}({item.Line},{item.Column}): a test case is a mapping";
                    return cases;
                }

                var request = map.Field("request") as SourceMap;
                var expectations = Fields.Where(f => map.Field(f) is not null).ToDictionary(f => f, f => Canonical.Of(f, map.Field(f)!));
                cases.Add(new RoutingTestCase(
                    map.Text("description") ?? "(no description)",
                    map.Text("wantMatch") is "true" or "True",
                    Strings(request, "authority"),
                    Strings(request, "method"),
                    Strings(request, "uri"),
                    Headers(request.Field("headers") as SourceMap),
                    expectations,
                    file,
                    map.Line));
            }
        }

        return cases;
    }

    /// <summary>A request's headers: each scalar key with its value (a value that is not a scalar is empty).</summary>
    private static Dictionary<string, string> Headers(SourceMap? map)
    {
        var headers = new Dictionary<string, string>();
        for (var i = 0; i < (map?.Count ?? 0); i++)
        {
            if (map!.Key(i) is SourceScalar key) headers[key.Value] = (map.Value(i) as SourceScalar)?.Value ?? string.Empty;
        }

        return headers;
    }

    private static IReadOnlyList<string> Strings(SourceMap? map, string key) =>
        map.Field(key) is SourceList list ? list.Items.OfType<SourceScalar>().Select(s => s.Value).ToList() : new List<string>();
}

/// <summary>Runs the cases against a mesh: a line per case, and whether all passed.</summary>
internal static class RoutingTestRunner
{
    public sealed record Result(RoutingTestCase Case, bool Passed, int Requests, string? Failure);

    public static IReadOnlyList<Result> Run(Mesh mesh, IEnumerable<RoutingTestCase> cases) => cases.Select(c => Run(mesh, c)).ToList();

    private static Result Run(Mesh mesh, RoutingTestCase test)
    {
        if (test.Authorities.Count == 0 || test.Methods.Count == 0 || test.Uris.Count == 0)
        {
            return new Result(test, false, 0, "the request needs at least one authority, one method and one uri");
        }

        var count = 0;
        foreach (var uri in test.Uris)
        {
            foreach (var authority in test.Authorities)
            {
                foreach (var method in test.Methods)
                {
                    count++;
                    var request = SimulatedRequest.Create(authority, 80, method, uri, headers: test.Headers);
                    var (rule, delegated) = Find(mesh, request);
                    foreach (var expectation in test.Expectations)
                    {
                        var (field, want) = (expectation.Key, expectation.Value);
                        // As the tool does: a delegate is compared as written, other fields on the delegate's own rule.
                        var actual = Canonical.Of(field, field == "delegate" ? rule : delegated ?? rule);
                        if ((actual == want) != test.WantMatch)
                        {
                            return new Result(test, false, count, $"{method} {authority}{uri}: {field} is {Show(actual)}" + (test.WantMatch ? $", want {Show(want)}" : ", which it must not be"));
                        }
                    }
                }
            }
        }

        return new Result(test, true, count, null);
    }

    /// <summary>
    /// The rule a request takes, as the tool finds it: the first VirtualService listing the authority among its hosts (in the
    /// order the files give them), its first rule whose conditions hold. What a test request cannot carry (port, source,
    /// gateway, scheme) is not held against it.
    /// </summary>
    private static (HttpRoute? Rule, HttpRoute? Delegated) Find(Mesh mesh, SimulatedRequest request)
    {
        foreach (var vs in mesh.VirtualServices)
        {
            if (!vs.Spec.Hosts.Contains(request.Authority)) continue;
            var rule = FirstRule(vs, request);
            if (rule?.Delegate is { } del)
            {
                var child = mesh.VirtualServices
                    .FirstOrDefault(c => c.Metadata.Name == del.Name && (del.Namespace is null || c.Metadata.Namespace == del.Namespace));
                return (rule, child is null ? null : FirstRule(child, request));
            }

            return (rule, null);
        }

        return (null, null);
    }

    private static HttpRoute? FirstRule(VirtualService vs, SimulatedRequest request) =>
        vs.Spec.Http.FirstOrDefault(r => r.Match.IsEmpty || r.Match.Any(b => MatchEvaluator.Miss(b, request, _ => true, requestCarriesSource: false) is null));

    private static string Show(string canonical) => canonical.Length == 0 ? "(none)" : canonical;
}

/// <summary>
/// A text form of the comparable fields of a rule, the same from the expectation's YAML and from the model: keys in a fixed
/// order, zero values left out (protobuf's equality).
/// </summary>
internal static class Canonical
{
    public static string Of(string field, SourceNode node) => field switch
    {
        "route" => node is SourceList list ? string.Join(" ", list.Items.OfType<SourceMap>().Select(d =>
            Destination(d.Field("destination").Text("host"), d.Field("destination").Text("subset"), d.Field("destination").Field("port").Text("number"), d.Text("weight"), Headers(d.Field("headers") as SourceMap)))) : string.Empty,
        "rewrite" => Join(("uri", node.Text("uri")), ("authority", node.Text("authority")), ("regex", node.Field("uriRegexRewrite").Text("match")), ("to", node.Field("uriRegexRewrite").Text("rewrite"))),
        "redirect" => Join(("uri", node.Text("uri")), ("authority", node.Text("authority")), ("port", node.Text("port")), ("scheme", node.Text("scheme")), ("code", node.Text("redirectCode"))),
        "headers" => Headers(node as SourceMap),
        "fault" => Join(("delay", node.Field("delay").Text("fixedDelay")), ("delay%", Percent(node.Field("delay").Field("percentage"), node.Field("delay").Text("percent"))),
            ("abort", node.Field("abort").Text("httpStatus")), ("grpc", node.Field("abort").Text("grpcStatus")), ("abort%", Percent(node.Field("abort").Field("percentage"), null))),
        "delegate" => Join(("name", node.Text("name")), ("namespace", node.Text("namespace"))),
        _ => string.Empty,
    };

    public static string Of(string field, HttpRoute? rule)
    {
        if (rule is null) return string.Empty;
        return field switch
        {
            "route" => string.Join(" ", rule.Route.Select(d => Destination(d.Destination.Host, d.Destination.Subset, Num(d.Destination.Port), Num(d.Weight), Headers(d.Headers)))),
            "rewrite" => rule.Rewrite is { } r ? Join(("uri", r.Uri), ("authority", r.Authority), ("regex", r.UriRegexMatch), ("to", r.UriRegexRewrite)) : string.Empty,
            "redirect" => rule.Redirect is { } r ? Join(("uri", r.Uri), ("authority", r.Authority), ("port", Num(r.Port)), ("scheme", r.Scheme), ("code", Num(r.RedirectCode))) : string.Empty,
            "headers" => Headers(rule.Headers),
            "fault" => rule.Fault is { } f ? Join(("delay", f.Delay?.FixedDelay), ("delay%", f.Delay is null ? null : Number(f.Delay.Percentage ?? f.Delay.Percent)),
                ("abort", Num(f.Abort?.HttpStatus)), ("grpc", f.Abort?.GrpcStatus), ("abort%", f.Abort is null ? null : Number(f.Abort.Percentage))) : string.Empty,
            "delegate" => rule.Delegate is { } d ? Join(("name", d.Name), ("namespace", d.Namespace)) : string.Empty,
            _ => string.Empty,
        };
    }

    private static string Destination(string? host, string? subset, string? port, string? weight, string headers) =>
        "{" + Join(("host", host), ("subset", subset), ("port", port), ("weight", weight), ("headers", headers)) + "}";

    private static string Headers(SourceMap? node) => node is null ? string.Empty : Join(("request", Operations(node.Field("request"))), ("response", Operations(node.Field("response"))));

    private static string Operations(SourceNode? node) => node is null ? string.Empty : Join(
        ("set", Pairs(node.Field("set"))), ("add", Pairs(node.Field("add"))),
        ("remove", node.Field("remove") is SourceList list ? string.Join(",", list.Items.OfType<SourceScalar>().Select(s => s.Value)) : null));

    private static string? Pairs(SourceNode? node) => node is SourceMap map && map.Count > 0
        ? string.Join(",", Enumerable.Range(0, map.Count).Select(i => map.KeyText(i) + "=" + (map.Value(i) as SourceScalar)?.Value).OrderBy(p => p, System.StringComparer.Ordinal))
        : null;

    private static string Headers(Model.Headers? headers) => headers is null ? string.Empty : Join(("request", Operations(headers.Request)), ("response", Operations(headers.Response)));

    private static string Operations(HeaderOperations? ops) => ops is null ? string.Empty : Join(
        ("set", ops.Set.IsEmpty ? null : string.Join(",", ops.Set.Select(o => o.Name + "=" + o.Value).OrderBy(p => p, System.StringComparer.Ordinal))),
        ("add", ops.Add.IsEmpty ? null : string.Join(",", ops.Add.Select(o => o.Name + "=" + o.Value).OrderBy(p => p, System.StringComparer.Ordinal))),
        ("remove", ops.Remove.IsEmpty ? null : string.Join(",", ops.Remove.Select(o => o.Name))));

    private static string? Percent(SourceNode? percentage, string? percent) =>
        percentage.Text("value") is { } v && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? Number(d)
        : percent is not null && double.TryParse(percent, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? Number(p) : null;

    private static string? Number(double? value) => value is { } v && v != 0 ? v.ToString("R", CultureInfo.InvariantCulture) : null;

    private static string? Num(int? value) => value is { } v && v != 0 ? v.ToString(CultureInfo.InvariantCulture) : null;

    private static string Join(params (string Key, string? Value)[] parts) =>
        string.Join(";", parts.Where(p => !string.IsNullOrEmpty(p.Value) && p.Value != "0").Select(p => p.Key + "=" + p.Value));

}
