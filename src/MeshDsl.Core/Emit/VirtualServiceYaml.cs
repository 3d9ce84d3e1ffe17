using System.Linq;
using MeshDsl.Helpers;
using MeshDsl.Model;
using MeshDsl.Yaml;
using static MeshDsl.Emit.YamlExtensions;

namespace MeshDsl.Emit;

/// <summary>A VirtualService's spec, keys in the order of Istio's documentation.</summary>
internal static class VirtualServiceYaml
{
    public static YamlMapping Spec(VirtualServiceSpec spec) => new YamlMapping()
        .AddStrings("hosts", spec.Hosts)
        .AddStrings("gateways", spec.Gateways)
        .AddList("http", spec.Http, Http)
        .AddList("tls", spec.Tls, Tls)
        .AddList("tcp", spec.Tcp, Tcp)
        .AddStrings("exportTo", spec.ExportTo);

    private static YamlNode Http(HttpRoute route) => new YamlMapping()
        .Add("name", route.Name)
        .AddList("match", route.Match, Match)
        .AddList("route", route.Route, d => new YamlMapping()
            .Add("destination", Destination(d.Destination))
            .Add("weight", d.Weight)
            .AddIfAny("headers", Headers(d.Headers)))
        .AddIfAny("redirect", Redirect(route.Redirect))
        .AddIfAny("directResponse", DirectResponse(route.DirectResponse))
        .AddIfAny("delegate", route.Delegate is { } del ? new YamlMapping().Add("name", del.Name).Add("namespace", del.Namespace) : null)
        .AddIfAny("rewrite", Rewrite(route.Rewrite))
        .Add("timeout", route.Timeout)
        .AddIfAny("retries", Retries(route.Retries))
        .AddIfAny("fault", Fault(route.Fault))
        .AddIfAny("mirror", route.Mirror is { } mirror ? Destination(mirror) : null)
        .AddIfAny("mirrorPercentage", Percent(route.MirrorPercentage))
        .AddList("mirrors", route.Mirrors, m => new YamlMapping()
            .Add("destination", Destination(m.Destination))
            .AddIfAny("percentage", Percent(m.Percentage)))
        .AddIfAny("corsPolicy", Cors(route.CorsPolicy))
        .AddIfAny("headers", Headers(route.Headers));

    internal static YamlNode Match(HttpMatchRequest m) => new YamlMapping()
        .Add("name", m.Name)
        .AddIfAny("uri", StringMatch(m.Uri))
        .AddIfAny("scheme", StringMatch(m.Scheme))
        .AddIfAny("method", StringMatch(m.Method))
        .AddIfAny("authority", StringMatch(m.Authority))
        .AddNamedMatches("headers", m.Headers)
        .Add("port", m.Port)
        .AddLabels("sourceLabels", m.SourceLabels)
        .AddStrings("gateways", m.Gateways)
        .AddNamedMatches("queryParams", m.QueryParams)
        .Add("ignoreUriCase", m.IgnoreUriCase)
        .AddNamedMatches("withoutHeaders", m.WithoutHeaders)
        .Add("sourceNamespace", m.SourceNamespace)
        .Add("statPrefix", m.StatPrefix);

    internal static YamlMapping? Headers(Headers? headers) => headers is null
        ? null
        : new YamlMapping()
            .AddIfAny("request", Operations(headers.Request))
            .AddIfAny("response", Operations(headers.Response));

    private static YamlMapping? Operations(HeaderOperations? ops) => ops is null
        ? null
        : new YamlMapping()
            .AddLabels("set", ops.Set.Select(o => new Label(o.Name, o.Value)).ToEquatableArray())
            .AddLabels("add", ops.Add.Select(o => new Label(o.Name, o.Value)).ToEquatableArray())
            .AddStrings("remove", ops.Remove.Select(o => o.Name).ToEquatableArray());

    private static YamlMapping? Redirect(HttpRedirect? r) => r is null
        ? null
        : new YamlMapping()
            .Add("uri", r.Uri)
            .Add("authority", r.Authority)
            .Add("port", r.Port)
            .Add("derivePort", r.DerivePort)
            .Add("scheme", r.Scheme)
            .Add("redirectCode", r.RedirectCode)
            .Add("prefixRewrite", r.PrefixRewrite);

    private static YamlMapping? DirectResponse(HttpDirectResponse? r)
    {
        if (r is null) return null;
        var body = new YamlMapping().Add("string", r.BodyString).Add("bytes", r.BodyBytes);
        return new YamlMapping().Add("status", r.Status).AddIfAny("body", body);
    }

    internal static YamlMapping? Rewrite(HttpRewrite? r)
    {
        if (r is null) return null;
        var regex = new YamlMapping().Add("match", r.UriRegexMatch).Add("rewrite", r.UriRegexRewrite);
        return new YamlMapping().Add("uri", r.Uri).Add("authority", r.Authority).AddIfAny("uriRegexRewrite", regex);
    }

    internal static YamlMapping? Retries(HttpRetry? r) => r is null
        ? null
        : new YamlMapping()
            .Add("attempts", r.Attempts)
            .Add("perTryTimeout", r.PerTryTimeout)
            .Add("retryOn", r.RetryOn is { } retryOn ? string.Join(",", retryOn) : null)
            .Add("retryRemoteLocalities", r.RetryRemoteLocalities)
            .Add("retryIgnorePreviousHosts", r.RetryIgnorePreviousHosts)
            .Add("backoff", r.Backoff);

    private static YamlMapping? Fault(HttpFaultInjection? fault)
    {
        if (fault is null) return null;
        var map = new YamlMapping();
        if (fault.Delay is { } d)
        {
            map.Add("delay", new YamlMapping()
                .AddIfAny("percentage", Percent(d.Percentage))
                .Add("percent", d.Percent)
                .Add("fixedDelay", d.FixedDelay)
                .Add("exponentialDelay", d.ExponentialDelay));
        }

        if (fault.Abort is { } a)
        {
            map.Add("abort", new YamlMapping()
                .AddIfAny("percentage", Percent(a.Percentage))
                .Add("httpStatus", a.HttpStatus)
                .Add("grpcStatus", a.GrpcStatus)
                .Add("http2Error", a.Http2Error));
        }

        return map;
    }

    internal static YamlMapping? Cors(CorsPolicy? c) => c is null
        ? null
        : new YamlMapping()
            .AddList("allowOrigins", c.AllowOrigins, o => StringMatch(o)!)
            .AddStrings("allowMethods", c.AllowMethods)
            .AddStrings("allowHeaders", c.AllowHeaders)
            .AddStrings("exposeHeaders", c.ExposeHeaders)
            .Add("maxAge", c.MaxAge)
            .Add("allowCredentials", c.AllowCredentials)
            .Add("unmatchedPreflights", c.UnmatchedPreflights);

    private static YamlNode Tcp(TcpRoute route) => new YamlMapping()
        .AddList("match", route.Match, m => new YamlMapping()
            .AddStrings("destinationSubnets", m.DestinationSubnets)
            .Add("port", m.Port)
            .AddLabels("sourceLabels", m.SourceLabels)
            .AddStrings("gateways", m.Gateways)
            .Add("sourceNamespace", m.SourceNamespace)
            .Add("sourceSubnet", m.SourceSubnet))
        .AddList("route", route.Route, RouteDestination);

    private static YamlNode Tls(TlsRoute route) => new YamlMapping()
        .AddList("match", route.Match, m => new YamlMapping()
            .AddStrings("sniHosts", m.SniHosts)
            .AddStrings("destinationSubnets", m.DestinationSubnets)
            .Add("port", m.Port)
            .AddLabels("sourceLabels", m.SourceLabels)
            .AddStrings("gateways", m.Gateways)
            .Add("sourceNamespace", m.SourceNamespace))
        .AddList("route", route.Route, RouteDestination);

    private static YamlNode RouteDestination(RouteDestination d) => new YamlMapping()
        .Add("destination", Destination(d.Destination))
        .Add("weight", d.Weight);
}
