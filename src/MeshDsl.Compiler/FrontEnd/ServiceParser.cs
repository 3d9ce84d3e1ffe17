using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MeshDsl.Helpers;
using MeshDsl.Model;
using Microsoft.CodeAnalysis;

namespace MeshDsl.FrontEnd;

/// <summary>
/// The C# front end: reads a <c>[MeshService]</c> class and its nested subset and route classes into the model.
/// It never throws on user input: whatever cannot be understood becomes a <see cref="Finding"/>.
/// </summary>
internal static class ServiceParser
{
    public static MeshServiceModel Parse(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var attributes = Read(type);
        var service = attributes.First(a => a.MetadataName == AttributeNames.MeshService);
        var sourceType = TypeName(type);
        var name = service.String("name") ?? string.Empty;
        var ns = NullIfEmpty(service.String("Namespace"));
        var host = NullIfEmpty(service.String("Host")) ?? name;
        var port = service.Int("Port") ?? 0;
        var findings = new List<Finding>();

        var nested = type.GetTypeMembers()
            .OrderBy(t => t.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree.FilePath ?? string.Empty, System.StringComparer.Ordinal)
            .ThenBy(t => t.DeclaringSyntaxReferences.FirstOrDefault()?.Span.Start ?? 0)
            .ToArray();

        var subsets = new List<Subset>();
        var routes = new List<(int Order, int Position, HttpRoute Route)>();
        for (var position = 0; position < nested.Length; position++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var member = nested[position];
            var memberAttributes = Read(member);
            if (memberAttributes.FirstOrDefault(a => a.MetadataName == AttributeNames.Subset) is { MetadataName.Length: > 0 } subset)
            {
                subsets.Add(ParseSubset(member, subset, memberAttributes));
            }

            if (memberAttributes.FirstOrDefault(a => a.MetadataName == AttributeNames.HttpRoute) is { MetadataName.Length: > 0 } route)
            {
                var order = route.Int("Order") ?? int.MaxValue;
                routes.Add((order, position, ParseRoute(member, route, memberAttributes, ns, findings)));
            }
        }

        var meta = new ObjectMeta(name, ns);
        var resources = new List<Resource>();
        var servicePolicy = ParsePolicy(sourceType, attributes);
        if (subsets.Count > 0 || servicePolicy is not null)
        {
            resources.Add(new DestinationRule(meta, sourceType, new DestinationRuleSpec(host, servicePolicy, subsets.ToEquatableArray())));
        }

        if (routes.Count > 0)
        {
            var http = routes.OrderBy(r => r.Order).ThenBy(r => r.Position).Select(r => r.Route).ToEquatableArray();
            resources.Add(new VirtualService(meta, sourceType, new VirtualServiceSpec(
                ImmutableArray.Create(host), EquatableArray<string>.Empty, http)));
        }

        return new MeshServiceModel(
            sourceType, name, ns, host, port, new SourceRef(sourceType, service.Index),
            resources.ToEquatableArray(), findings.ToEquatableArray());
    }

    /// <summary>The C# type's name as the model and the run-time accessor know it: namespace and containing types joined by '.'.</summary>
    public static string TypeName(INamedTypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat
        .WithGenericsOptions(SymbolDisplayGenericsOptions.None)
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.None));

    private static AttributeReader[] Read(INamedTypeSymbol type)
    {
        var data = type.GetAttributes();
        var result = new AttributeReader[data.Length];
        for (var i = 0; i < data.Length; i++) result[i] = new AttributeReader(data[i], i);
        return result;
    }

    private static Subset ParseSubset(INamedTypeSymbol type, AttributeReader subset, AttributeReader[] attributes)
    {
        var sourceType = TypeName(type);
        var name = subset.String("name") ?? string.Empty;
        var labels = new List<Label>();
        var declared = subset.Array("Labels");
        if (declared.IsEmpty)
        {
            labels.Add(new Label("version", name));
        }
        else
        {
            foreach (var item in declared)
            {
                if (item.Value is not string pair) continue;
                var eq = pair.IndexOf('=');
                labels.Add(eq < 0 ? new Label(pair, string.Empty) : new Label(pair.Substring(0, eq), pair.Substring(eq + 1)));
            }
        }

        return new Subset(name, labels.ToEquatableArray(), ParsePolicy(sourceType, attributes), new SourceRef(sourceType, subset.Index));
    }

    private static TrafficPolicy? ParsePolicy(string sourceType, AttributeReader[] attributes)
    {
        LoadBalancerSettings? lb = null;
        ConnectionPoolSettings? pool = null;
        OutlierDetection? outlier = null;
        foreach (var a in attributes)
        {
            var origin = new SourceRef(sourceType, a.Index);
            switch (a.MetadataName)
            {
                case AttributeNames.LoadBalancer:
                    if (IstioNames.LoadBalancer(a.Enum("simple") ?? 0) is { } simple) lb = new LoadBalancerSettings(simple, origin);
                    break;
                case AttributeNames.ConnectionPool:
                    var tcp = new TcpSettings(a.Int("MaxConnections"), a.String("ConnectTimeout"));
                    var http = new HttpSettings(
                        a.Int("Http1MaxPendingRequests"),
                        a.Int("Http2MaxRequests"),
                        a.Int("MaxRequestsPerConnection"),
                        a.Int("MaxRetries"),
                        a.String("IdleTimeout"),
                        a.Enum("H2UpgradePolicy") is { } h2 ? IstioNames.H2UpgradePolicy(h2) : null);
                    pool = new ConnectionPoolSettings(
                        tcp == new TcpSettings(null, null) ? null : tcp,
                        http == new HttpSettings(null, null, null, null, null, null) ? null : http,
                        origin);
                    break;
                case AttributeNames.OutlierDetection:
                    outlier = new OutlierDetection(
                        a.Int("Consecutive5xxErrors"),
                        a.Int("ConsecutiveGatewayErrors"),
                        a.Int("ConsecutiveLocalOriginFailures"),
                        a.Bool("SplitExternalLocalOriginErrors"),
                        a.String("Interval"),
                        a.String("BaseEjectionTime"),
                        a.Int("MaxEjectionPercent"),
                        a.Int("MinHealthPercent"),
                        origin);
                    break;
            }
        }

        return lb is null && pool is null && outlier is null ? null : new TrafficPolicy(lb, pool, outlier);
    }

    private static HttpRoute ParseRoute(INamedTypeSymbol type, AttributeReader route, AttributeReader[] attributes, string? ownerNamespace, List<Finding> findings)
    {
        var sourceType = TypeName(type);
        var blocks = new SortedDictionary<int, (List<HeaderMatch> Headers, StringMatch? Uri, StringMatch? Method)>();
        var destinations = new List<HttpRouteDestination>();
        HttpRetry? retries = null;
        FaultDelay? delay = null;
        FaultAbort? abort = null;

        foreach (var a in attributes)
        {
            var origin = new SourceRef(sourceType, a.Index);
            switch (a.MetadataName)
            {
                case AttributeNames.MatchHeader:
                case AttributeNames.MatchUri:
                case AttributeNames.MatchMethod:
                    if (StringMatchOf(a, origin) is not { } match) break;
                    var block = a.Int("Block") ?? 0;
                    blocks.TryGetValue(block, out var entry);
                    entry.Headers ??= new List<HeaderMatch>();
                    if (a.MetadataName == AttributeNames.MatchHeader) entry.Headers.Add(new HeaderMatch(a.String("name") ?? string.Empty, match));
                    else if (a.MetadataName == AttributeNames.MatchUri) entry.Uri = match;
                    else entry.Method = match;
                    blocks[block] = entry;
                    break;
                case AttributeNames.RouteToGeneric:
                case AttributeNames.RouteTo:
                case AttributeNames.RouteToHost:
                    var destination = DestinationOf(a, ownerNamespace, origin, findings);
                    if (destination is not null) destinations.Add(new HttpRouteDestination(destination, a.Int("Weight"), origin));
                    break;
                case AttributeNames.Retries:
                    var retryOn = a.Array("RetryOn")
                        .Select(v => v.Value is int i ? IstioNames.RetryOn(i) ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : null)
                        .Where(t => t is not null)
                        .ToArray();
                    retries = new HttpRetry(
                        a.Int("attempts") ?? 0,
                        a.String("PerTryTimeout"),
                        retryOn.Length > 0 ? string.Join(",", retryOn) : null,
                        a.Bool("RetryRemoteLocalities"),
                        origin);
                    break;
                case AttributeNames.FaultDelay:
                    delay = new FaultDelay(a.String("fixedDelay") ?? string.Empty, a.Double("Percentage"), origin);
                    break;
                case AttributeNames.FaultAbort:
                    abort = new FaultAbort(a.Int("httpStatus") ?? 0, a.Double("Percentage"), origin);
                    break;
            }
        }

        var matches = blocks.Values
            .Select(b => new HttpMatchRequest(b.Headers.ToEquatableArray(), b.Uri, b.Method))
            .ToEquatableArray();
        return new HttpRoute(
            NullIfEmpty(route.String("Name")),
            matches,
            destinations.ToEquatableArray(),
            route.String("Timeout"),
            retries,
            delay is null && abort is null ? null : new HttpFaultInjection(delay, abort),
            new SourceRef(sourceType, route.Index));
    }

    private static StringMatch? StringMatchOf(AttributeReader a, SourceRef origin)
    {
        if (a.String("Exact") is { } exact) return new StringMatch(StringMatchKind.Exact, exact, origin);
        if (a.Enum("method") is { } method && IstioNames.HttpMethod(method) is { } verb) return new StringMatch(StringMatchKind.Exact, verb, origin);
        if (a.String("Prefix") is { } prefix) return new StringMatch(StringMatchKind.Prefix, prefix, origin);
        if (a.String("Regex") is { } regex) return new StringMatch(StringMatchKind.Regex, regex, origin);
        return null;
    }

    private static Destination? DestinationOf(AttributeReader a, string? ownerNamespace, SourceRef origin, List<Finding> findings)
    {
        var port = a.Int("Port");
        if (a.MetadataName == AttributeNames.RouteToHost)
        {
            return new Destination(a.String("host") ?? string.Empty, NullIfEmpty(a.String("Subset")), port);
        }

        var target = a.MetadataName == AttributeNames.RouteToGeneric ? a.TypeArgument : a.Type("target");
        if (target is not INamedTypeSymbol named)
        {
            return null;
        }

        string? subset = null;
        var serviceType = named;
        var subsetAttribute = Read(named).FirstOrDefault(x => x.MetadataName == AttributeNames.Subset);
        if (subsetAttribute.MetadataName.Length > 0)
        {
            subset = subsetAttribute.String("name");
            serviceType = named.ContainingType;
        }

        var service = serviceType is null ? default : Read(serviceType).FirstOrDefault(x => x.MetadataName == AttributeNames.MeshService);
        if (service.MetadataName.Length == 0)
        {
            findings.Add(new Finding(RuleIds.UnknownDestination, origin, a.MetadataName == AttributeNames.RouteTo ? "target" : string.Empty,
                ImmutableArray.Create(named.ToDisplayString())));
            return null;
        }

        var host = NullIfEmpty(service.String("Host")) ?? service.String("name") ?? string.Empty;
        var targetNamespace = NullIfEmpty(service.String("Namespace"));
        if (targetNamespace is not null && targetNamespace != ownerNamespace && host.IndexOf('.') < 0)
        {
            host = host + "." + targetNamespace + ".svc.cluster.local";
        }

        return new Destination(host, subset, port);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
