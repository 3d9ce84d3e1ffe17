using System.Collections.Generic;
using System.Linq;
using MeshDsl.Helpers;
using MeshDsl.Model;

namespace MeshDsl.YamlFrontEnd;

/// <summary>A VirtualService's spec from YAML: the inverse of <see cref="Emit.VirtualServiceYaml"/>, field for field.</summary>
internal static class VirtualServiceReader
{
    public static VirtualServiceSpec Spec(YamlMap spec) => new(
        spec.Strings("hosts"),
        spec.Strings("gateways"),
        spec.Maps("http").Select(Http).ToEquatableArray(),
        spec.Maps("tls").Select(Tls).ToEquatableArray(),
        spec.Maps("tcp").Select(Tcp).ToEquatableArray(),
        spec.Strings("exportTo"));

    private static HttpRoute Http(YamlMap r)
    {
        var mirror = r.Map("mirror");
        var mirrorPercentage = r.Map("mirrorPercentage");
        return r.Checked(new HttpRoute(
            r.String("name"),
            r.Maps("match").Select(Match).ToEquatableArray(),
            r.Maps("route").Select(d => d.Checked(new HttpRouteDestination(Destination(d.Map("destination")), d.Int("weight"), Headers(d.Map("headers")), d.Origin))).ToEquatableArray(),
            Redirect(r.Map("redirect")),
            DirectResponse(r.Map("directResponse")),
            Delegate(r.Map("delegate")),
            Rewrite(r.Map("rewrite")),
            r.String("timeout"),
            Retries(r.Map("retries")),
            Fault(r.Map("fault")),
            mirror.Exists ? Destination(mirror) : null,
            Percent(mirrorPercentage),
            mirror.Exists ? mirror.Origin : mirrorPercentage.Origin,
            r.Maps("mirrors").Select(m => m.Checked(new HttpMirrorPolicy(Destination(m.Map("destination")), Percent(m.Map("percentage")), m.Origin))).ToEquatableArray(),
            Cors(r.Map("corsPolicy")),
            Headers(r.Map("headers")),
            r.Origin));
    }

    private static HttpMatchRequest Match(YamlMap m)
    {
        return m.Checked(new HttpMatchRequest(
            m.String("name"),
            StringMatch(m.Map("uri")),
            StringMatch(m.Map("scheme")),
            StringMatch(m.Map("method")),
            StringMatch(m.Map("authority")),
            Named(m, "headers"),
            m.Int("port"),
            m.Labels("sourceLabels"),
            m.Strings("gateways"),
            Named(m, "queryParams"),
            m.Bool("ignoreUriCase"),
            Named(m, "withoutHeaders"),
            m.String("sourceNamespace"),
            m.String("statPrefix")));
    }

    private static EquatableArray<NamedMatch> Named(YamlMap m, string key) =>
        m.Entries(key).Select(e => StringMatch(e.Value) is { } match ? new NamedMatch(e.Key, match) : null).OfType<NamedMatch>().ToEquatableArray();

    /// <summary>Istio's StringMatch: the one of exact, prefix and regex that is set (an empty one reads as none).</summary>
    internal static StringMatch? StringMatch(YamlMap m)
    {
        if (!m.Exists) return null;
        var exact = m.String("exact");
        var prefix = m.String("prefix");
        var regex = m.String("regex");
        m.ReportUnknown();
        return exact is not null ? new StringMatch(StringMatchKind.Exact, exact, m.Origin)
            : prefix is not null ? new StringMatch(StringMatchKind.Prefix, prefix, m.Origin)
            : regex is not null ? new StringMatch(StringMatchKind.Regex, regex, m.Origin)
            : null;
    }

    internal static Destination Destination(YamlMap d)
    {
        var port = d.Map("port");
        var destination = new Destination(d.String("host") ?? string.Empty, d.String("subset"), port.Int("number"));
        port.ReportUnknown();
        d.ReportUnknown();
        return destination;
    }

    private static double? Percent(YamlMap p)
    {
        if (!p.Exists) return null;
        var value = p.Double("value");
        p.ReportUnknown();
        return value;
    }

    private static Headers? Headers(YamlMap h)
    {
        if (!h.Exists) return null;
        return h.Checked(new Headers(Operations(h.Map("request")), Operations(h.Map("response"))));
    }

    private static HeaderOperations? Operations(YamlMap o)
    {
        if (!o.Exists) return null;
        var origin = o.Origin;
        return o.Checked(new HeaderOperations(
            o.Labels("set").Select(l => new HeaderOperation(l.Key, l.Value, origin)).ToEquatableArray(),
            o.Labels("add").Select(l => new HeaderOperation(l.Key, l.Value, origin)).ToEquatableArray(),
            o.Strings("remove").Select(n => new HeaderOperation(n, string.Empty, origin)).ToEquatableArray()));
    }

    private static HttpRedirect? Redirect(YamlMap r)
    {
        if (!r.Exists) return null;
        return r.Checked(new HttpRedirect(r.String("uri"), r.String("authority"), r.Int("port"), r.String("derivePort"), r.String("scheme"), r.Int("redirectCode"), r.String("prefixRewrite"), r.Origin));
    }

    private static HttpDirectResponse? DirectResponse(YamlMap r)
    {
        if (!r.Exists) return null;
        var body = r.Map("body");
        var response = new HttpDirectResponse(r.Int("status") ?? 0, body.String("string"), body.String("bytes"), r.Origin);
        body.ReportUnknown();
        r.ReportUnknown();
        return response;
    }

    private static Delegate? Delegate(YamlMap d)
    {
        if (!d.Exists) return null;
        return d.Checked(new Delegate(d.String("name") ?? string.Empty, d.String("namespace"), d.Origin));
    }

    private static HttpRewrite? Rewrite(YamlMap r)
    {
        if (!r.Exists) return null;
        var regex = r.Map("uriRegexRewrite");
        var rewrite = new HttpRewrite(r.String("uri"), r.String("authority"), regex.String("match"), regex.String("rewrite"), r.Origin);
        regex.ReportUnknown();
        r.ReportUnknown();
        return rewrite;
    }

    private static HttpRetry? Retries(YamlMap r)
    {
        if (!r.Exists) return null;
        var retryOn = r.String("retryOn");
        return r.Checked(new HttpRetry(
            r.Int("attempts") ?? 0,
            r.String("perTryTimeout"),
            retryOn is null ? null : retryOn.Split(',').ToEquatableArray(),
            r.Bool("retryRemoteLocalities"),
            r.Bool("retryIgnorePreviousHosts"),
            r.String("backoff"),
            r.Origin));
    }

    private static HttpFaultInjection? Fault(YamlMap f)
    {
        if (!f.Exists) return null;
        var d = f.Map("delay");
        var a = f.Map("abort");
        var delay = d.Exists ? new FaultDelay(d.String("fixedDelay"), d.String("exponentialDelay"), Percent(d.Map("percentage")), d.Int("percent"), d.Origin) : null;
        var abort = a.Exists ? new FaultAbort(a.Int("httpStatus"), a.String("grpcStatus"), a.String("http2Error"), Percent(a.Map("percentage")), a.Origin) : null;
        d.ReportUnknown();
        a.ReportUnknown();
        f.ReportUnknown();
        return delay is null && abort is null ? null : new HttpFaultInjection(delay, abort);
    }

    private static CorsPolicy? Cors(YamlMap c)
    {
        if (!c.Exists) return null;
        return c.Checked(new CorsPolicy(
            c.Maps("allowOrigins").Select(StringMatch).OfType<StringMatch>().ToEquatableArray(),
            c.Strings("allowMethods"),
            c.Strings("allowHeaders"),
            c.Strings("exposeHeaders"),
            c.String("maxAge"),
            c.Bool("allowCredentials"),
            c.String("unmatchedPreflights"),
            c.Origin));
    }

    private static TcpRoute Tcp(YamlMap r)
    {
        return r.Checked(new TcpRoute(
            r.Maps("match").Select(m => m.Checked(new L4Match(m.Strings("destinationSubnets"), m.Int("port"), m.Labels("sourceLabels"), m.Strings("gateways"), m.String("sourceNamespace"), m.String("sourceSubnet")))).ToEquatableArray(),
            RouteDestinations(r),
            r.Origin));
    }

    private static TlsRoute Tls(YamlMap r)
    {
        return r.Checked(new TlsRoute(
            r.Maps("match").Select(m => m.Checked(new TlsMatch(m.Strings("sniHosts"), m.Strings("destinationSubnets"), m.Int("port"), m.Labels("sourceLabels"), m.Strings("gateways"), m.String("sourceNamespace")))).ToEquatableArray(),
            RouteDestinations(r),
            r.Origin));
    }

    private static EquatableArray<RouteDestination> RouteDestinations(YamlMap r) => r.Maps("route").Select(d => d.Checked(new RouteDestination(Destination(d.Map("destination")), d.Int("weight"), d.Origin))).ToEquatableArray();
}
