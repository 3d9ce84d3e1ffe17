using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace MeshDsl.Tests.Fuzz;

/// <summary>A value the C# gave that must reach the YAML as it is: a string (a scalar or a key), an integer or a double.</summary>
internal sealed record Expected(object Value, string Where);

/// <summary>
/// One random declaration: its C# source and the values it must carry into its manifests. <see cref="HasCanary"/>: a
/// controller (Flagger, Argo Rollouts) rewrites its routing, so only the Steps engine carries every value as written.
/// </summary>
internal sealed record RandomDeclaration(string Namespace, string Source, IReadOnlyList<Expected> Values, bool HasCanary = false);

/// <summary>
/// A seeded generator of attribute models: services with subsets, rules and policies, VirtualServices and Gateways, with
/// valid values and hostile ones (YAML's traps, control characters, lone surrogates, extreme numbers, NaN, enum casts) and
/// odd declarations (misplaced attributes, duplicate names). Values that reach the YAML verbatim are recorded.
/// </summary>
internal sealed class RandomDeclarations
{
    // Each pool: values Istio accepts, and values it rejects, picked one time in sixteen.
    private static readonly Pool<string> Names = new(new[] { "reviews", "ratings", "api", "v1", "v2", "canary", "a", "x-1", "shop-front", "web" }, new[] { "Reviews", "9080x_", "true", "on", "null", "" });
    private static readonly Pool<string> Hosts = new(new[] { "reviews", "api.example.com", "reviews.bookinfo.svc.cluster.local", "shop.example.com" }, new[] { "*", "a_b.example.com", "10.0.0.1", "shop", "*.example.com", "" });
    private static readonly Pool<string> Headers = new(new[] { "x-user-group", "x-canary", "end-user", "cookie" }, new[] { ":authority", "X-Upper", "x user", "@request.auth.claims.group", "<<", "=", "" });
    private static readonly Pool<string> Texts = new(new[] { "beta", "/api", "/", "yes", "~", "1E-05", ".5_5", "a: b", "#x", "true", "0xb", "12:30" }, new[] { "^/v[0-9]+/.*$", "(?!x)", "100%", "%DOWNSTREAM_REMOTE_ADDRESS%", "", "\n" });
    private static readonly Pool<string> Durations = new(new[] { "10s", "500ms", "1h30m", "2s", "1m" }, new[] { "1.5ms", "0s", "-1s", "9999999999999999999999h", "10 seconds", "" });
    private static readonly Pool<int> Ints = new(new[] { 1, 2, 3, 5, 10, 50, 80, 90, 100, 443, 503, 9080, 65535 }, new[] { 0, 65536, -1, int.MaxValue, int.MinValue });
    private static readonly Pool<string> Doubles = new(new[] { "0", "0.0001", "10", "50.5", "100", "1e-3", "12.5" }, new[] { "0.00001", "-1", "1e-5", "1e20", "100.5", "double.NaN", "double.PositiveInfinity" });
    private static readonly Pool<string> LoadBalancers = new(new[] { "LoadBalancing.RoundRobin", "LoadBalancing.LeastRequest", "LoadBalancing.Random" }, new[] { "(LoadBalancing)42" });
    private static readonly Pool<string> Protocols = new(new[] { "ServerProtocol.Http", "ServerProtocol.Https" }, new[] { "ServerProtocol.Tcp", "ServerProtocol.Grpc", "(ServerProtocol)99" });
    private static readonly Pool<string> Images = new(new[] { "reviews:1.0", "docker.io/istio/examples-bookinfo-reviews-v2:1.20.1" }, new[] { "", " reviews:1.0" });
    private static readonly Pool<string> Quantities = new(new[] { "250m", "0.5", "128Mi", "1Gi", "1e3" }, new[] { "lots", "-1" });

    private sealed record Pool<T>(T[] Valid, T[] Invalid);

    private readonly Random _random;
    private bool _withWorkloads;
    private bool _canary;
    private string _suffix = string.Empty;

    public RandomDeclarations(int seed) => _random = new Random(seed);

    /// <param name="withWorkloads">Whether every service declares a Deployment per subset: once one does, the workload checks
    /// expect pods behind every service of the compilation.</param>
    public RandomDeclaration Next(int index, bool withWorkloads)
    {
        _withWorkloads = withWorkloads;
        _suffix = "-" + index.ToString(CultureInfo.InvariantCulture);
        var ns = "F" + index.ToString(CultureInfo.InvariantCulture);
        var values = new List<Expected>();
        _canary = false;
        var sb = new StringBuilder("using MeshDsl;\nnamespace ").Append(ns).Append("\n{\n");
        switch (_random.Next(12))
        {
            case < 6: Service(sb, values); break;
            case < 8: VirtualService(sb, values); break;
            case < 10: Gateway(sb, values); break;
            case 10: ServiceEntry(sb, values); break;
            default: RateLimitService(sb, values); break;
        }

        // Odd declarations: an attribute where nothing reads it.
        if (Chance(30)) sb.Append("    [HttpRoute, RouteToHost(\"stray\")] public class Stray { }\n");
        sb.Append("}\n");
        return new RandomDeclaration(ns, sb.ToString(), values, _canary);
    }

    private void Service(StringBuilder sb, List<Expected> values)
    {
        var name = Unique(Pick(Names));
        var args = new List<string> { Str(name, values, "service name") };
        if (Chance(3)) args.Add("Namespace = " + Str(Pick(Names), values, "namespace"));
        if (_withWorkloads || Chance(2)) args.Add("Port = " + Int(_withWorkloads ? 9080 : Pick(Ints), null, "port"));
        sb.Append("    [MeshService(").Append(string.Join(", ", args)).Append(")]\n");
        if (Chance(3)) sb.Append("    [LoadBalancer(").Append(Pick(LoadBalancers)).Append(")]\n");
        if (Chance(3)) sb.Append("    [ConnectionPool(MaxConnections = ").Append(Int(Pick(Ints), values, "maxConnections")).Append(", ConnectTimeout = ").Append(Str(Pick(Durations), values, "connectTimeout")).Append(")]\n");
        if (Chance(4)) sb.Append("    [OutlierDetection(Consecutive5xxErrors = ").Append(Int(Pick(Ints), values, "consecutive5xxErrors")).Append(", MaxEjectionPercent = ").Append(Int(Pick(Ints), values, "maxEjectionPercent")).Append(")]\n");
        if (Chance(30)) sb.Append("    [Deployment(\"misplaced:1.0\")]\n");
        if (Chance(5))
        {
            // The fill interval is rewritten in Envoy's notation, so only the bucket's numbers are expected verbatim.
            sb.Append("    [LocalRateLimit(").Append(Int(Pick(Ints), values, "max_tokens")).Append(", ").Append(Str(Pick(Durations), null, "fill_interval"));
            if (Chance(3)) sb.Append(", TokensPerFill = ").Append(Int(Pick(Ints), values, "tokens_per_fill"));
            if (Chance(3)) sb.Append(", ResponseHeaders = new[] { \"x-limited=\" + ").Append(Str(Pick(Texts), null, "header value")).Append(" }");
            sb.Append(", Priority = 1)]\n");
        }

        if (Chance(6)) sb.Append("    [ConsistentHash(HttpHeaderName = ").Append(Str(Pick(Headers), values, "hash header")).Append(", Port = ").Append(Int(Pick(new Pool<int>(new[] { 9080, 443 }, new[] { 0, 70000 })), values, "policy port")).Append(")]\n");
        if (Chance(6)) sb.Append("    [ClientTls(ClientTlsMode.Simple, CaCertificates = ").Append(Str(Pick(new Pool<string>(new[] { "/etc/certs/ca.pem" }, new[] { "" })), values, "ca")).Append(", Sni = ").Append(Str(Pick(Hosts), values, "sni")).Append(")]\n");
        if (Chance(8)) sb.Append("    [Warmup(").Append(Str(Pick(Durations), values, "warmup")).Append(", MinimumPercent = ").Append(Double(Pick(Doubles), values)).Append(", Aggression = ").Append(Double(Pick(Doubles), values)).Append(")]\n");
        var subsets = 1 + _random.Next(2);
        if (Chance(4)) Canary(sb, values, subsets);
        sb.Append("    public partial class S\n    {\n");

        for (var i = 0; i < subsets; i++)
        {
            var subset = Pick(Names);
            sb.Append("        [Subset(").Append(Str(subset, values, "subset"));
            if (Chance(3)) sb.Append(", Labels = new[] { ").Append(Label(values)).Append(" }");
            sb.Append(")");
            if (_withWorkloads)
            {
                sb.Append(", Deployment(").Append(Str(Pick(Images), values, "image"));
                if (Chance(2)) sb.Append(", Replicas = ").Append(Int(Pick(Ints), values, "replicas"));
                if (Chance(2)) sb.Append(", CpuRequest = ").Append(Str(Pick(Quantities), values, "cpu"));
                sb.Append(")");
            }

            sb.Append("] public partial class V").Append(i).Append(" { }\n");
        }

        var rules = _random.Next(4);
        for (var r = 0; r < rules; r++) Rule(sb, values, r, subsets, byReference: true);
        sb.Append("    }\n");
    }

    private static readonly Pool<string> StepWeights = new(new[] { "5, 10, 25, 50, 75, 100", "50, 100", "100", "1, 2, 3" }, new[] { "10, 5", "0, 50", "50, 101", "25, 25, 100", "" });
    private static readonly Pool<string> Percents = new(new[] { "99", "99.5", "95", "50" }, new[] { "0.99", "0", "101", "double.NaN" });

    /// <summary>A progressive canary from the first subset to the last (the same one when there is one: MESH709), with checks and webhooks.</summary>
    private void Canary(StringBuilder sb, List<Expected> values, int subsets)
    {
        _canary = true;
        var weights = Pick(StepWeights);
        var args = new List<string>();
        if (weights.Length > 0 || Chance(2)) args.Add("StepWeights = new int[] { " + weights + " }");
        else args.Add("StepWeight = " + Int(Pick(new Pool<int>(new[] { 10, 25, 50 }, new[] { 0, -5 })), null, "step weight"));
        foreach (var w in weights.Split(", ", StringSplitOptions.RemoveEmptyEntries)) values.Add(new Expected(long.Parse(w, CultureInfo.InvariantCulture), "step weight"));
        if (Chance(2)) args.Add("StepInterval = " + Str(Pick(Durations), null, "step interval"));
        if (Chance(3)) args.Add("FailedChecks = " + Int(Pick(new Pool<int>(new[] { 1, 2, 5 }, new[] { 0, -1 })), null, "failed checks"));
        if (Chance(2)) args.Add("MinRequests = " + Int(Pick(new Pool<int>(new[] { 10, 100 }, new[] { -1 })), null, "min requests"));
        if (Chance(4)) args.Add("Prometheus = " + Str(Pick(new Pool<string>(new[] { "http://prometheus:9090" }, new[] { "prometheus:9090", "" })), null, "prometheus"));
        sb.Append("    [Canary<S.V0, S.V").Append((subsets - 1).ToString(CultureInfo.InvariantCulture)).Append(">(").Append(string.Join(", ", args)).Append(")]\n");
        if (Chance(2)) sb.Append("    [CanarySuccessRate(").Append(Pick(Percents)).Append(")]\n");
        if (Chance(2)) sb.Append("    [CanaryLatency(").Append(Str(Pick(Durations), null, "latency")).Append(Chance(2) ? ", Percentile = " + Pick(Percents) : string.Empty).Append(")]\n");
        if (Chance(3))
        {
            sb.Append("    [CanaryQuery(").Append(Str(Pick(Names), null, "check name")).Append(", ").Append(Str(Pick(new Pool<string>(new[] { "sum(rate(x{{canary}}[{interval}]))", "vector(1)" }, new[] { "" })), null, "query"))
              .Append(Chance(2) ? ", Min = " + Pick(Percents) : string.Empty).Append(Chance(2) ? ", Max = " + Pick(Percents) : string.Empty).Append(")]\n");
        }

        if (Chance(3))
        {
            sb.Append("    [CanaryWebhook(").Append(Str(Pick(Names), null, "webhook name")).Append(", ").Append(Str(Pick(new Pool<string>(new[] { "http://flagger-loadtester.test/" }, new[] { "loadtester", "" })), null, "webhook url"))
              .Append(", Type = CanaryWebhookType.").Append(Pick(new[] { "PreRollout", "LoadTest", "PostRollout", "Rollback" }))
              .Append(Chance(2) ? ", Command = " + Str(Pick(Texts), null, "command") : string.Empty).Append(")]\n");
        }
    }

    private void VirtualService(StringBuilder sb, List<Expected> values)
    {
        var hosts = Enumerable.Range(0, 1 + _random.Next(2)).Select(i => Str(UniqueHost(Pick(Hosts), i), values, "host")).ToArray();
        sb.Append("    [VirtualService(").Append(Str(Unique(Pick(Names)), values, "name")).Append(", Hosts = new[] { ").Append(string.Join(", ", hosts)).Append(" }");
        if (Chance(3)) sb.Append(", ExportTo = new[] { ").Append(Str(Pick(new Pool<string>(new[] { ".", "*", "bookinfo" }, new[] { "~", "Bad_NS" })), values, "exportTo")).Append(" }");
        if (Chance(3)) sb.Append(", ExternalGateways = new[] { ").Append(Str(Pick(new Pool<string>(new[] { "istio-system/ingress", "ingress.example.com" }, new[] { "bad/ns/x", "mesh" })), values, "gateway")).Append(" }");
        sb.Append(")]\n    public partial class S\n    {\n");
        var rules = _random.Next(4);
        for (var r = 0; r < rules; r++) Rule(sb, values, r, 0, byReference: false);
        sb.Append("    }\n");
    }

    private void ServiceEntry(StringBuilder sb, List<Expected> values)
    {
        var resolution = Pick(new[] { "None", "Static", "Dns", "DnsRoundRobin" });
        sb.Append("    [ServiceEntry(").Append(Str(Unique(Pick(Names)), values, "name")).Append(", Hosts = new[] { ").Append(Str(UniqueHost(Pick(Hosts), 0), values, "host")).Append(" }")
            .Append(", Resolution = ServiceEntryResolution.").Append(resolution);
        if (Chance(3)) sb.Append(", Addresses = new[] { ").Append(Str(Pick(new Pool<string>(new[] { "10.0.0.1", "10.1.0.0/16", "fd00::1" }, new[] { "ten", "10.0.0.0/99" })), values, "address")).Append(" }");
        if (Chance(4)) sb.Append(", Location = ServiceEntryLocation.MeshInternal");
        sb.Append(")]\n");
        var ports = _random.Next(3);
        for (var i = 0; i < ports; i++)
        {
            sb.Append("    [ServiceEntryPort(").Append(Int(Pick(Ints), values, "port")).Append(", ").Append(Str(Pick(new Pool<string>(new[] { "http-" + i.ToString(CultureInfo.InvariantCulture) }, new[] { "" })), values, "port name"))
                .Append(", ").Append(Pick(Protocols)).Append(")]\n");
        }

        if (Chance(2))
        {
            sb.Append("    [ServiceEntryEndpoint(").Append(Str(Pick(new Pool<string>(new[] { "10.0.0.7", "db.example.com" }, new[] { "", "not an address" })), values, "endpoint address"));
            if (Chance(2)) sb.Append(", Labels = new[] { ").Append(Label(values)).Append(" }");
            sb.Append(")]\n");
        }

        sb.Append("    public partial class S { }\n");
    }

    private void RateLimitService(StringBuilder sb, List<Expected> values)
    {
        // The descriptors' keys and values end up inside the ConfigMap's embedded file, one scalar: they are checked by the
        // read-back of the whole model, not as values of their own.
        sb.Append("    [RateLimitService(").Append(Str(Unique(Pick(Names)), values, "name")).Append(", ").Append(Str(Pick(Names), null, "domain"))
            .Append(", ").Append(Str(Pick(new Pool<string>(new[] { "envoyproxy/ratelimit:3fb70258" }, new[] { "envoyproxy/ratelimit", "" })), values, "image"))
            .Append(", RedisUrl = ").Append(Str(Pick(new Pool<string>(new[] { "redis:6379" }, new[] { "" })), null, "redis"));
        if (Chance(3)) sb.Append(", Replicas = ").Append(Int(Pick(Ints), values, "replicas"));
        sb.Append(")]\n    public partial class S\n    {\n");
        Descriptors(sb, depth: 0);
        sb.Append("    }\n");
    }

    private void Descriptors(StringBuilder sb, int depth)
    {
        var count = depth > 1 ? 0 : _random.Next(depth == 0 ? 1 : 0, 3);
        var pad = new string(' ', 8 + (4 * depth));
        for (var i = 0; i < count; i++)
        {
            sb.Append(pad).Append("[RateLimitDescriptor(").Append(Str(Pick(new Pool<string>(new[] { "remote_address", "header_match", "user-" + i.ToString(CultureInfo.InvariantCulture) }, new[] { "" })), null, "key"));
            if (Chance(2)) sb.Append(", Value = ").Append(Str(Pick(Texts), null, "value"));
            if (Chance(4)) sb.Append(", Unlimited = true");
            else if (!Chance(4)) sb.Append(", Unit = RateLimitUnit.").Append(Pick(new[] { "Second", "Minute", "Hour", "Day" })).Append(", RequestsPerUnit = ").Append(Int(Pick(Ints), null, "requests"));
            if (Chance(4)) sb.Append(", ShadowMode = true");
            sb.Append(")] public partial class D").Append(depth.ToString(CultureInfo.InvariantCulture)).Append('_').Append(i.ToString(CultureInfo.InvariantCulture)).Append("\n").Append(pad).Append("{\n");
            Descriptors(sb, depth + 1);
            sb.Append(pad).Append("}\n");
        }
    }

    private void Gateway(StringBuilder sb, List<Expected> values)
    {
        sb.Append("    [Gateway(").Append(Str(Unique(Pick(Names)), values, "gateway name"));
        if (Chance(2)) sb.Append(", Selector = new[] { ").Append(Label(values)).Append(" }");
        sb.Append(")]\n    public partial class S\n    {\n");
        var servers = _random.Next(4);
        for (var i = 0; i < servers; i++)
        {
            var protocol = Pick(Protocols);
            sb.Append("        [Server(").Append(Int(Pick(new Pool<int>(new[] { 80, 443, 8080 }, new[] { 0, 70000 })), values, "server port")).Append(", ").Append(protocol);
            if (Chance(8) == false) sb.Append(", Hosts = new[] { ").Append(Str(UniqueHost(Pick(new Pool<string>(new[] { "api.example.com", "shop.example.com", "*", "ns/api.example.com" }, new[] { "shop", "a*.example.com" })), i), values, "server host")).Append(" }");
            if (Chance(3)) sb.Append(", PortName = ").Append(Str(Pick(new Pool<string>(new[] { "port-" + i.ToString(CultureInfo.InvariantCulture) }, new[] { "Bad Name", "http" })), values, "port name"));
            sb.Append(")");
            if (protocol.Contains("Https") || Chance(6)) sb.Append(", ServerTls(ServerTlsMode.Simple, CredentialName = ").Append(Str(Pick(new[] { "shop-tls", "x" }), values, "credential")).Append(")");
            sb.Append("] public partial class Server").Append(i).Append(" { }\n");
        }

        sb.Append("    }\n");
    }

    private void Rule(StringBuilder sb, List<Expected> values, int index, int subsets, bool byReference)
    {
        var parts = new List<string>();
        var route = new List<string>();
        if (Chance(2)) route.Add("Name = " + Str(Pick(Names), values, "rule name"));
        if (Chance(2)) route.Add("Timeout = " + Str(Pick(Durations), values, "timeout"));
        if (Chance(5)) route.Add("Order = " + Int(Pick(Ints), null, "order"));
        parts.Add(route.Count == 0 ? "HttpRoute" : "HttpRoute(" + string.Join(", ", route) + ")");

        if (Chance(2))
        {
            var header = Pick(Headers);
            var kind = Chance(12) ? null : Pick(new[] { "Exact", "Prefix", "Regex" });
            var value = kind == "Regex" ? Pick(new Pool<string>(new[] { "^/v[0-9]+/.*$", ".*beta.*", "a|b" }, new[] { "(?!x)", "" })) : Pick(Texts);
            if (kind is not null) values.Add(new Expected(value, "header " + kind));
            if (header.Length > 0) values.Add(new Expected(header, "header name"));
            parts.Add("MatchHeader(" + Literal(header) + (kind is null ? string.Empty : ", " + kind + " = " + Literal(value)) + ")");
        }

        if (Chance(3)) parts.Add("MatchUri(Prefix = " + Str(Pick(Texts), values, "uri") + (Chance(6) ? ", Exact = \"/both\"" : string.Empty) + ")");

        // A rule's own bucket, and one per descriptor entry (key and value reach the patch as scalars of their own).
        if (Chance(8))
        {
            parts.Add("LocalRateLimit(" + Int(Pick(Ints), values, "max_tokens") + ", " + Str(Pick(Durations), null, "fill_interval") + ", Priority = 1)");
            if (Chance(2))
            {
                parts.Add("LocalRateLimitDescriptor(" + Str(Pick(Names), values, "descriptor key") + ", " + Str(Pick(Texts), values, "descriptor value") + ", "
                    + Int(Pick(Ints), values, "descriptor tokens") + ", " + Str(Pick(Durations), null, "descriptor interval") + ", Header = " + Str(Pick(Headers), values, "descriptor header") + ")");
            }
        }

        if (Chance(8))
        {
            // A rule that answers itself: a redirect or a direct response (a RouteTo beside it, one time in five, is MESH006).
            parts.Add(Chance(2)
                ? "Redirect(Uri = " + Str(Pick(new Pool<string>(new[] { "/new", "/v2/api" }, new[] { "" })), values, "redirect uri") + ", RedirectCode = " + Int(Pick(new Pool<int>(new[] { 301, 302, 308 }, new[] { 200, 404 })), values, "redirect code") + ")"
                : "DirectResponse(" + Int(Pick(new Pool<int>(new[] { 200, 503, 404 }, new[] { 100, 700 })), values, "status") + ", Body = " + Str(Pick(Texts), values, "body") + ")");
            if (!Chance(5))
            {
                sb.Append("        [").Append(string.Join(", ", parts)).Append("] public partial class R").Append(index.ToString(CultureInfo.InvariantCulture)).Append(" { }\n");
                return;
            }
        }

        if (Chance(6)) parts.Add("Rewrite(Uri = " + Str(Pick(new Pool<string>(new[] { "/", "/v1" }, new[] { "" })), values, "rewrite uri") + ")");
        if (Chance(6)) parts.Add("Match(Port = " + Int(Pick(Ints), values, "match port") + ", SourceLabels = new[] { " + Label(values) + " })");
        if (Chance(8))
        {
            parts.Add("CorsPolicy(AllowMethods = new[] { " + Str(Pick(new Pool<string>(new[] { "GET", "POST" }, new[] { "get", "FETCH" })), values, "cors method") + " }, MaxAge = " + Str(Pick(Durations), values, "maxAge") + ")");
            parts.Add("CorsAllowOrigin(Exact = " + Str(Pick(new Pool<string>(new[] { "https://shop.example.com" }, new[] { "" })), values, "origin") + ")");
        }

        var destinations = byReference && subsets > 0 ? 1 + _random.Next(subsets) : 1 + _random.Next(2);
        for (var d = 0; d < destinations; d++)
        {
            var weight = destinations > 1 || Chance(3) ? ", Weight = " + Int(Pick(Ints), values, "weight") : string.Empty;
            if (byReference && subsets > 0) parts.Add("RouteTo<V" + d.ToString(CultureInfo.InvariantCulture) + ">(" + weight.TrimStart(',', ' ') + ")");
            else parts.Add("RouteToHost(" + Str(Pick(Hosts), values, "destination host") + (Chance(3) ? ", Port = " + Int(Pick(Ints), values, "destination port") : string.Empty) + weight + ")");
        }

        if (Chance(3)) parts.Add("Retries(" + Int(Pick(Ints), values, "attempts") + (Chance(2) ? ", PerTryTimeout = " + Str(Pick(Durations), values, "perTryTimeout") : string.Empty) + ")");
        if (Chance(4)) parts.Add("FaultAbort(" + Int(Pick(new Pool<int>(new[] { 500, 503, 404, 429 }, new[] { 199, 601, -1 })), values, "abort status") + ", Percentage = " + Double(Pick(Doubles), values) + ")");
        if (Chance(3)) parts.Add("SetRequestHeader(" + Str(Pick(Headers), values, "set name") + ", " + Str(Pick(Texts), values, "set value") + ")");
        if (byReference && subsets > 0 && Chance(8)) parts.Add("Mirror<V0>(Percentage = " + Double(Pick(Doubles), values) + ")");
        sb.Append("        [").Append(string.Join(", ", parts)).Append("] public partial class R")
          .Append(index.ToString(CultureInfo.InvariantCulture)).Append(" { }\n");
    }

    private string Label(List<Expected> values)
    {
        var key = Pick(new Pool<string>(new[] { "track", "tier", "example.com/team" }, new[] { "Bad Key", "" }));
        var value = Pick(new Pool<string>(new[] { "stable", "v1", "a.b_c-d", "" }, new[] { "not valid", "-x" }));
        if (Chance(16)) return Literal(key);
        values.Add(new Expected(key, "label key"));
        values.Add(new Expected(value, "label value"));
        return Literal(key + "=" + value);
    }

    private string Unique(string name) => name.Length > 0 && char.IsLower(name[0]) ? name + _suffix : name;

    private string UniqueHost(string host, int i) => host.EndsWith(".example.com", StringComparison.Ordinal) && !host.StartsWith("*", StringComparison.Ordinal)
        ? host.Replace(".example.com", _suffix + "-" + i.ToString(CultureInfo.InvariantCulture) + ".example.com", StringComparison.Ordinal)
        : host;

    private string Str(string valid, List<Expected>? values, string where)
    {
        // One time in three, a hostile string instead of the pool's.
        var value = Chance(30) ? YamlStringPropertyTests.RandomString(_random) : valid;
        if (_random.Next(200) == 0) value += "\uD800";
        values?.Add(new Expected(value, where));
        return Literal(value);
    }

    private static string Int(int value, List<Expected>? values, string where)
    {
        values?.Add(new Expected((long)value, where));
        return value switch
        {
            int.MaxValue => "int.MaxValue",
            int.MinValue => "int.MinValue",
            _ => value.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static string Double(string literal, List<Expected> values)
    {
        if (!literal.StartsWith("double.", StringComparison.Ordinal)) values.Add(new Expected(double.Parse(literal, CultureInfo.InvariantCulture), "percentage"));
        return literal;
    }

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private T Pick<T>(Pool<T> pool) => Chance(16) ? Pick(pool.Invalid) : Pick(pool.Valid);

    private bool Chance(int oneIn) => _random.Next(oneIn) == 0;
}
