using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using MeshDsl.Helpers;
using MeshDsl.Model;
using Microsoft.CodeAnalysis;

namespace MeshDsl.FrontEnd;

/// <summary>Reads the rule classes nested in a service or VirtualService class: HTTP, TCP and TLS routes.</summary>
internal static class RouteParser
{
    internal sealed record Routes(EquatableArray<HttpRoute> Http, EquatableArray<TcpRoute> Tcp, EquatableArray<TlsRoute> Tls)
    {
        public bool IsEmpty => Http.IsEmpty && Tcp.IsEmpty && Tls.IsEmpty;
    }

    public static Routes Parse(INamedTypeSymbol owner, ParseContext context)
    {
        var unordered = new List<(string File, SourceRef Origin, string Name)>();
        var ordered = new List<(string Kind, int Order, string File, SourceRef Origin, string Name)>();
        var files = new HashSet<string>();
        var http = new List<(int Order, int Position, HttpRoute Route)>();
        var tcp = new List<(int Order, int Position, TcpRoute Route)>();
        var tls = new List<(int Order, int Position, TlsRoute Route)>();
        var nested = ParseContext.NestedInOrder(owner);
        for (var position = 0; position < nested.Length; position++)
        {
            var type = nested[position];
            var attributes = ParseContext.Read(type);
            var sourceType = ParseContext.TypeName(type);
            var file = type.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree.FilePath ?? string.Empty;
            foreach (var a in attributes)
            {
                var order = a.Int("Order") ?? int.MaxValue;
                var origin = new SourceRef(sourceType, a.Index);
                if (a.MetadataName is AttributeNames.HttpRoute or AttributeNames.TcpRoute or AttributeNames.TlsRoute)
                {
                    files.Add(file);
                    if (!a.IsSet("Order")) unordered.Add((file, origin, type.Name));
                    else ordered.Add((a.MetadataName, order, file, origin, type.Name));
                }

                switch (a.MetadataName)
                {
                    case AttributeNames.HttpRoute:
                        http.Add((order, position, ParseHttp(a, attributes, sourceType, context, origin)));
                        break;
                    case AttributeNames.TcpRoute:
                        tcp.Add((order, position, new TcpRoute(
                            L4Matches(attributes, sourceType, context).Select(m => m.Tcp).ToEquatableArray(),
                            Destinations(attributes, sourceType, context).Select(d => new RouteDestination(d.Destination, d.Weight, d.Origin)).ToEquatableArray(),
                            origin)));
                        break;
                    case AttributeNames.TlsRoute:
                        tls.Add((order, position, new TlsRoute(
                            L4Matches(attributes, sourceType, context).Select(m => m.Tls).ToEquatableArray(),
                            Destinations(attributes, sourceType, context).Select(d => new RouteDestination(d.Destination, d.Weight, d.Origin)).ToEquatableArray(),
                            origin)));
                        break;
                }
            }
        }

        // Declaration order is only defined within one file: rules spread over several files need an explicit Order.
        if (files.Count > 1)
        {
            foreach (var (file, origin, name) in unordered)
            {
                context.Report(RuleIds.AmbiguousRuleOrder, origin, string.Empty,
                    $"Rule '{name}' is in {System.IO.Path.GetFileName(file)}, apart from other rules of '{owner.Name}': order across files is not defined, so give every rule of '{owner.Name}' an explicit Order");
            }
        }

        // Equal explicit orders fall back to declaration order, which is only defined within one file.
        foreach (var tie in ordered.GroupBy(o => (o.Kind, o.Order)).Where(g => g.Select(o => o.File).Distinct().Count() > 1))
        {
            foreach (var (_, order, file, origin, name) in tie)
            {
                context.Report(RuleIds.AmbiguousRuleOrder, origin, "Order",
                    $"Rule '{name}' has Order = {N(order)}, as a rule of '{owner.Name}' in another file has: their order would depend on file names; give them different orders");
            }
        }

        return new Routes(
            http.OrderBy(r => r.Order).ThenBy(r => r.Position).Select(r => r.Route).ToEquatableArray(),
            tcp.OrderBy(r => r.Order).ThenBy(r => r.Position).Select(r => r.Route).ToEquatableArray(),
            tls.OrderBy(r => r.Order).ThenBy(r => r.Position).Select(r => r.Route).ToEquatableArray());
    }

    private sealed class MatchBuilder
    {
        public string? Name;
        public StringMatch? Uri, Scheme, Method, Authority;
        public List<NamedMatch>? Headers, QueryParams, WithoutHeaders;
        public int? Port;
        public ImmutableArray<Label> SourceLabels = ImmutableArray<Label>.Empty;
        public ImmutableArray<string> Gateways = ImmutableArray<string>.Empty;
        public bool? IgnoreUriCase;
        public bool HasMatchAttribute;
        public string? SourceNamespace, StatPrefix;

        public HttpMatchRequest ToHttp() => new(
            Name, Uri, Scheme, Method, Authority, Array(Headers), Port, SourceLabels, Gateways,
            Array(QueryParams), IgnoreUriCase, Array(WithoutHeaders), SourceNamespace, StatPrefix);

        private static EquatableArray<NamedMatch> Array(List<NamedMatch>? items) => items is null ? EquatableArray<NamedMatch>.Empty : items.ToEquatableArray();
    }

    private sealed class HeaderBuilder
    {
        public readonly List<HeaderOperation> RequestSet = new(), RequestAdd = new(), ResponseSet = new(), ResponseAdd = new(), RequestRemove = new(), ResponseRemove = new();

        public Headers? Build()
        {
            var request = RequestSet.Count + RequestAdd.Count + RequestRemove.Count == 0
                ? null
                : new HeaderOperations(RequestSet.ToEquatableArray(), RequestAdd.ToEquatableArray(), RequestRemove.ToEquatableArray());
            var response = ResponseSet.Count + ResponseAdd.Count + ResponseRemove.Count == 0
                ? null
                : new HeaderOperations(ResponseSet.ToEquatableArray(), ResponseAdd.ToEquatableArray(), ResponseRemove.ToEquatableArray());
            return request is null && response is null ? null : new Headers(request, response);
        }
    }

    private static HttpRoute ParseHttp(AttributeReader route, AttributeReader[] attributes, string sourceType, ParseContext context, SourceRef routeOrigin)
    {
        var blocks = new SortedDictionary<int, MatchBuilder>();
        MatchBuilder Block(AttributeReader a) =>
            blocks.TryGetValue(a.Int("Block") ?? 0, out var b) ? b : blocks[a.Int("Block") ?? 0] = new MatchBuilder();

        HeaderBuilder? ruleHeaders = null;
        Dictionary<string, HeaderBuilder>? destinationHeaders = null;
        Dictionary<string, (SourceRef Origin, string Display)>? destinationHeaderOrigins = null;
        Destination? mirror = null;
        double? mirrorPercentage = null;
        var mirrorOrigin = SourceRef.None;
        var mirrors = new List<HttpMirrorPolicy>();
        HttpRedirect? redirect = null;
        HttpDirectResponse? directResponse = null;
        Model.Delegate? @delegate = null;
        HttpRewrite? rewrite = null;
        HttpRetry? retries = null;
        FaultDelay? delay = null;
        FaultAbort? abort = null;
        AttributeReader cors = default;
        var origins = new List<StringMatch>();

        foreach (var a in attributes)
        {
            var origin = new SourceRef(sourceType, a.Index);
            switch (a.MetadataName)
            {
                case AttributeNames.MatchUri: Block(a).Uri = Single(Block(a).Uri, StringMatchOf(a, origin, context, "uri"), a, origin, context, "uri"); break;
                case AttributeNames.MatchScheme: Block(a).Scheme = Single(Block(a).Scheme, StringMatchOf(a, origin, context, "scheme"), a, origin, context, "scheme"); break;
                case AttributeNames.MatchAuthority: Block(a).Authority = Single(Block(a).Authority, StringMatchOf(a, origin, context, "authority"), a, origin, context, "authority"); break;
                case AttributeNames.MatchMethod: Block(a).Method = Single(Block(a).Method, StringMatchOf(a, origin, context, "method"), a, origin, context, "method"); break;
                case AttributeNames.MatchHeader: AddNamed(Block(a).Headers ??= new List<NamedMatch>(), a, origin, context, "header"); break;
                case AttributeNames.MatchWithoutHeader: AddNamed(Block(a).WithoutHeaders ??= new List<NamedMatch>(), a, origin, context, "header"); break;
                case AttributeNames.MatchQueryParam: AddNamed(Block(a).QueryParams ??= new List<NamedMatch>(), a, origin, context, "query parameter"); break;
                case AttributeNames.Match:
                    var block = Block(a);
                    if (block.HasMatchAttribute)
                        context.Report(RuleIds.Duplicate, origin, "Block", $"A second [Match] for block {N(a.Int("Block") ?? 0)} of this rule: settings given twice overwrite each other; merge them into one [Match]");
                    block.HasMatchAttribute = true;
                    block.Name = ParseContext.NullIfEmpty(a.String("Name")) ?? block.Name;
                    if (a.Int("Port") is { } port) block.Port = port;
                    if (a.IsSet("SourceLabels")) block.SourceLabels = ParseContext.Labels(a.Strings("SourceLabels"));
                    if (a.IsSet("Gateways") || a.IsSet("ExternalGateways")) block.Gateways = TargetResolver.Gateways(a, context, origin);
                    if (a.Bool("IgnoreUriCase") is { } ignore) block.IgnoreUriCase = ignore;
                    block.SourceNamespace = a.String("SourceNamespace") ?? block.SourceNamespace;
                    block.StatPrefix = a.String("StatPrefix") ?? block.StatPrefix;
                    break;
                case AttributeNames.SetRequestHeader: AddPair(HeadersFor(a).RequestSet, a, origin, context, "set"); break;
                case AttributeNames.AddRequestHeader: AddPair(HeadersFor(a).RequestAdd, a, origin, context, "add"); break;
                case AttributeNames.RemoveRequestHeader: HeadersFor(a).RequestRemove.Add(new HeaderOperation(a.String("name") ?? string.Empty, string.Empty, origin)); break;
                case AttributeNames.SetResponseHeader: AddPair(HeadersFor(a).ResponseSet, a, origin, context, "set"); break;
                case AttributeNames.AddResponseHeader: AddPair(HeadersFor(a).ResponseAdd, a, origin, context, "add"); break;
                case AttributeNames.RemoveResponseHeader: HeadersFor(a).ResponseRemove.Add(new HeaderOperation(a.String("name") ?? string.Empty, string.Empty, origin)); break;
                case AttributeNames.MirrorGeneric:
                case AttributeNames.Mirror:
                case AttributeNames.MirrorHost:
                    mirror = MirrorDestination(a, context, origin);
                    mirrorPercentage = a.Double("Percentage");
                    mirrorOrigin = origin;
                    break;
                case AttributeNames.MirrorToGeneric:
                case AttributeNames.MirrorTo:
                case AttributeNames.MirrorToHost:
                    if (MirrorDestination(a, context, origin) is { } mirrorTo) mirrors.Add(new HttpMirrorPolicy(mirrorTo, a.Double("Percentage"), origin));
                    break;
                case AttributeNames.Redirect:
                    redirect = new HttpRedirect(
                        a.String("Uri"), a.String("Authority"), a.Int("Port"),
                        a.Enum("DerivePort") is { } derive ? IstioNames.RedirectPort(derive) : null,
                        a.String("Scheme"), a.Int("RedirectCode"), a.String("PrefixRewrite"), origin);
                    break;
                case AttributeNames.DirectResponse:
                    directResponse = new HttpDirectResponse(a.Int("status") ?? 0, a.String("Body"), a.String("BodyBytes"), origin);
                    break;
                case AttributeNames.Delegate:
                    @delegate = TargetResolver.Delegate(a.Type("target"), context, origin);
                    break;
                case AttributeNames.Rewrite:
                    rewrite = new HttpRewrite(a.String("Uri"), a.String("Authority"), a.String("UriRegexMatch"), a.String("UriRegexRewrite"), origin);
                    break;
                case AttributeNames.CorsPolicy:
                    cors = a;
                    break;
                case AttributeNames.CorsAllowOrigin:
                    if (StringMatchOf(a, origin, context, "allowOrigins") is { } allowOrigin) origins.Add(allowOrigin);
                    break;
                case AttributeNames.Retries:
                    var retryOn = a.Ints("RetryOn").Select(v => IstioNames.RetryOn(v) ?? v.ToString(CultureInfo.InvariantCulture)).ToEquatableArray();
                    retries = new HttpRetry(
                        a.Int("attempts") ?? 0,
                        a.String("PerTryTimeout"),
                        a.IsSet("RetryOn") ? retryOn : null,
                        a.Bool("RetryRemoteLocalities"),
                        a.Bool("RetryIgnorePreviousHosts"),
                        a.String("Backoff"),
                        origin);
                    break;
                case AttributeNames.FaultDelay:
                    delay = new FaultDelay(a.String("fixedDelay"), a.String("ExponentialDelay"), a.Double("Percentage"), a.Int("Percent"), origin);
                    break;
                case AttributeNames.FaultAbort:
                    abort = new FaultAbort(a.Int("httpStatus"), a.String("GrpcStatus"), a.String("Http2Error"), a.Double("Percentage"), origin);
                    break;
            }
        }

        var parsed = Destinations(attributes, sourceType, context);
        var destinations = new List<HttpRouteDestination>(parsed.Count);
        foreach (var d in parsed)
        {
            var headers = destinationHeaders is not null && destinationHeaders.TryGetValue(d.Key, out var h) ? h.Build() : null;
            destinations.Add(new HttpRouteDestination(d.Destination, d.Weight, headers, d.Origin));
        }

        foreach (var key in (destinationHeaders?.Keys ?? Enumerable.Empty<string>()).Where(k => parsed.All(d => d.Key != k)).OrderBy(k => k, System.StringComparer.Ordinal))
        {
            var (origin, display) = destinationHeaderOrigins![key];
            context.Report(RuleIds.UnknownReference, origin, display.StartsWith("host ", System.StringComparison.Ordinal) ? "destinationHost" : "destination",
                display, "a destination of this rule: header operations for one destination name a RouteTo of the same rule");
        }

        CorsPolicy? corsPolicy = null;
        if (cors.MetadataName.Length > 0 || origins.Count > 0)
        {
            corsPolicy = new CorsPolicy(
                origins.ToEquatableArray(),
                cors.Strings("AllowMethods"),
                cors.Strings("AllowHeaders"),
                cors.Strings("ExposeHeaders"),
                cors.String("MaxAge"),
                cors.Bool("AllowCredentials"),
                cors.Enum("UnmatchedPreflights") is { } preflights ? IstioNames.UnmatchedPreflights(preflights) : null,
                cors.MetadataName.Length > 0 ? new SourceRef(sourceType, cors.Index) : origins[0].Origin);
        }

        return new HttpRoute(
            ParseContext.NullIfEmpty(route.String("Name")),
            blocks.Count == 0 ? EquatableArray<HttpMatchRequest>.Empty : blocks.Values.Select(b => b.ToHttp()).ToEquatableArray(),
            destinations.ToEquatableArray(),
            redirect,
            directResponse,
            @delegate,
            rewrite,
            route.String("Timeout"),
            retries,
            delay is null && abort is null ? null : new HttpFaultInjection(delay, abort),
            mirror,
            mirrorPercentage,
            mirrorOrigin,
            mirrors.ToEquatableArray(),
            corsPolicy,
            ruleHeaders?.Build(),
            routeOrigin);

        HeaderBuilder HeadersFor(AttributeReader a)
        {
            string? key = null;
            string display;
            if (a.Type("Destination") is { } target)
            {
                key = "T:" + target.ToDisplayString();
                display = target.ToDisplayString();
            }
            else if (a.String("DestinationHost") is { } host)
            {
                key = "H:" + host;
                display = "host " + host;
            }
            else
            {
                return ruleHeaders ??= new HeaderBuilder();
            }

            (destinationHeaderOrigins ??= new Dictionary<string, (SourceRef, string)>())[key] = (new SourceRef(sourceType, a.Index), display);
            destinationHeaders ??= new Dictionary<string, HeaderBuilder>();
            return destinationHeaders.TryGetValue(key, out var b) ? b : destinationHeaders[key] = new HeaderBuilder();
        }
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void AddNamed(List<NamedMatch> list, AttributeReader a, SourceRef origin, ParseContext context, string what)
    {
        if (StringMatchOf(a, origin, context, what) is not { } match) return;
        var name = a.String("name") ?? string.Empty;

        // Headers and query parameters are maps in Istio: a second condition on one name would replace the first.
        if (list.Any(m => string.Equals(m.Name, name, System.StringComparison.Ordinal)))
        {
            context.Report(RuleIds.Duplicate, origin, "name", $"This match block already has a condition on {what} '{name}': Istio keeps one condition per name; combine them into one (a Regex can express both)");
            return;
        }

        list.Add(new NamedMatch(name, match));
    }

    private static void AddPair(List<HeaderOperation> list, AttributeReader a, SourceRef origin, ParseContext context, string operation)
    {
        var name = a.String("name") ?? string.Empty;
        if (list.Any(l => string.Equals(l.Name, name, System.StringComparison.OrdinalIgnoreCase)))
        {
            context.Report(RuleIds.Duplicate, origin, "name", $"Header '{name}' is given to '{operation}' twice for the same destination: Istio keeps one value per header name; keep one, or join the values with ','");
            return;
        }

        list.Add(new HeaderOperation(name, a.String("value") ?? string.Empty, origin));
    }

    /// <summary>A match block holds one uri, scheme, method and authority: a second one is reported, not silently kept instead.</summary>
    private static StringMatch? Single(StringMatch? existing, StringMatch? added, AttributeReader a, SourceRef origin, ParseContext context, string field)
    {
        if (existing is null || added is null) return existing ?? added;
        context.Report(RuleIds.InvalidStringMatch, origin, string.Empty,
            $"Block {N(a.Int("Block") ?? 0)} of this rule already has a {field} condition: a match block has one; put the other in another Block (blocks are ORed) or combine them in one Regex");
        return existing;
    }

    /// <summary>The one condition a string match sets; none or several are reported (Istio's StringMatch is a oneOf).</summary>
    private static StringMatch? StringMatchOf(AttributeReader a, SourceRef origin, ParseContext context, string what)
    {
        var set = new List<StringMatch>(1);
        if (a.String("Exact") is { } exact) set.Add(new StringMatch(StringMatchKind.Exact, exact, origin));
        if (a.Enum("method") is { } method && IstioNames.RequestMethod(method) is { } verb) set.Add(new StringMatch(StringMatchKind.Exact, verb, origin));
        if (a.String("Prefix") is { } prefix) set.Add(new StringMatch(StringMatchKind.Prefix, prefix, origin));
        if (a.String("Regex") is { } regex) set.Add(new StringMatch(StringMatchKind.Regex, regex, origin));
        if (set.Count == 1)
        {
            if (set[0] is { Kind: StringMatchKind.Prefix, Value.Length: 0 } && what != "uri")
                context.Report(RuleIds.InvalidStringMatch, origin, "Prefix", $"An empty Prefix on a {what} condition: Istio rejects it ('prefix string match should not be empty'); to require the {what} at all, use Regex = \".+\"");
            return set[0];
        }

        context.Report(RuleIds.InvalidStringMatch, origin, set.Count == 0 ? string.Empty : set[1].Kind.ToString(), set.Count == 0
            ? $"This {what} condition sets none of Exact, Prefix and Regex, so it would match nothing and be left out, widening the rule to all traffic: set one"
            : $"This {what} condition sets {string.Join(" and ", set.Select(m => m.Kind.ToString()))}: Istio takes exactly one of Exact, Prefix and Regex; keep one (or use two match blocks)");
        return set.Count == 0 ? null : set[0];
    }

    private sealed record ParsedDestination(string Key, Destination Destination, int? Weight, SourceRef Origin);

    /// <summary>The rule's <c>RouteTo</c> attributes, in order, each with the key header operations use to target it.</summary>
    private static List<ParsedDestination> Destinations(AttributeReader[] attributes, string sourceType, ParseContext context)
    {
        var result = new List<ParsedDestination>();
        foreach (var a in attributes)
        {
            var origin = new SourceRef(sourceType, a.Index);
            var port = a.Int("Port");
            switch (a.MetadataName)
            {
                case AttributeNames.RouteToHost:
                    var host = a.String("host") ?? string.Empty;
                    result.Add(new ParsedDestination("H:" + host, new Destination(host, ParseContext.NullIfEmpty(a.String("Subset")), port), a.Int("Weight"), origin));
                    break;
                case AttributeNames.RouteToGeneric:
                case AttributeNames.RouteTo:
                    var target = a.MetadataName == AttributeNames.RouteToGeneric ? a.TypeArgument : a.Type("target");
                    var field = a.MetadataName == AttributeNames.RouteTo ? "target" : string.Empty;
                    if (TargetResolver.Destination(target, port, context, origin, field) is { } destination)
                    {
                        result.Add(new ParsedDestination("T:" + target!.ToDisplayString(), destination, a.Int("Weight"), origin));
                    }

                    break;
            }
        }

        return result;
    }

    private static Destination? MirrorDestination(AttributeReader a, ParseContext context, SourceRef origin)
    {
        var port = a.Int("Port");
        if (a.MetadataName is AttributeNames.MirrorHost or AttributeNames.MirrorToHost)
        {
            return new Destination(a.String("host") ?? string.Empty, ParseContext.NullIfEmpty(a.String("Subset")), port);
        }

        var generic = a.MetadataName is AttributeNames.MirrorGeneric or AttributeNames.MirrorToGeneric;
        return TargetResolver.Destination(generic ? a.TypeArgument : a.Type("target"), port, context, origin, generic ? string.Empty : "target");
    }

    private static List<(L4Match Tcp, TlsMatch Tls)> L4Matches(AttributeReader[] attributes, string sourceType, ParseContext context)
    {
        var blocks = new SortedDictionary<int, (L4Match Tcp, TlsMatch Tls)>();
        foreach (var a in attributes.Where(a => a.MetadataName == AttributeNames.Match))
        {
            var origin = new SourceRef(sourceType, a.Index);
            var labels = ParseContext.Labels(a.Strings("SourceLabels"));
            var gateways = TargetResolver.Gateways(a, context, origin);
            var subnets = a.Strings("DestinationSubnets");
            var key = a.Int("Block") ?? 0;
            if (blocks.ContainsKey(key))
            {
                context.Report(RuleIds.Duplicate, origin, "Block", $"A second [Match] for block {N(key)} of this rule: it would replace the first; merge them into one [Match]");
                continue;
            }

            blocks[key] = (
                new L4Match(subnets, a.Int("Port"), labels, gateways, a.String("SourceNamespace"), a.String("SourceSubnet")),
                new TlsMatch(a.Strings("SniHosts"), subnets, a.Int("Port"), labels, gateways, a.String("SourceNamespace")));
        }

        return blocks.Values.ToList();
    }
}
