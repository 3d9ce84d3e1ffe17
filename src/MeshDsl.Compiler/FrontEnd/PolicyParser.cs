using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using MeshDsl.Helpers;
using MeshDsl.Model;

namespace MeshDsl.FrontEnd;

/// <summary>
/// Reads the traffic policy attributes of a service or subset class into a <see cref="TrafficPolicy"/>:
/// attributes with <c>Port</c> go to <c>portLevelSettings</c> for that port, the rest to the policy itself.
/// </summary>
internal static class PolicyParser
{
    private sealed class Bucket
    {
        public AttributeReader LoadBalancer, ConsistentHash, Locality, ZoneAware, Warmup, BackendUtilization, ConnectionPool, OutlierDetection, Tls;
        public readonly List<AttributeReader> Distribute = new(), LocalityFailover = new(), ZoneAwareFailover = new();

        /// <summary>The first attribute that named this port: where a problem with the port itself is reported.</summary>
        public AttributeReader First;
    }

    public static TrafficPolicy? Parse(string sourceType, AttributeReader[] attributes, ParseContext context)
    {
        var buckets = new SortedDictionary<int, Bucket>();
        Bucket? top = null;
        AttributeReader tunnel = default, proxyProtocol = default, retryBudget = default;
        foreach (var a in attributes)
        {
            var port = a.Int("Port");
            Bucket B() => port is not { } p ? top ??= new Bucket { First = a } : buckets.TryGetValue(p, out var b) ? b : buckets[p] = new Bucket { First = a };
            switch (a.MetadataName)
            {
                case AttributeNames.LoadBalancer: Once(ref B().LoadBalancer, a); break;
                case AttributeNames.ConsistentHash: Once(ref B().ConsistentHash, a); break;
                case AttributeNames.LocalityLoadBalancer: Once(ref B().Locality, a); break;
                case AttributeNames.LocalityDistribute: B().Distribute.Add(a); break;
                case AttributeNames.LocalityFailover: B().LocalityFailover.Add(a); break;
                case AttributeNames.ZoneAwareLoadBalancer: Once(ref B().ZoneAware, a); break;
                case AttributeNames.ZoneAwareFailover: B().ZoneAwareFailover.Add(a); break;
                case AttributeNames.Warmup: Once(ref B().Warmup, a); break;
                case AttributeNames.BackendUtilization: Once(ref B().BackendUtilization, a); break;
                case AttributeNames.ConnectionPool: Once(ref B().ConnectionPool, a); break;
                case AttributeNames.OutlierDetection: Once(ref B().OutlierDetection, a); break;
                case AttributeNames.ClientTls: Once(ref B().Tls, a); break;
                case AttributeNames.Tunnel: Once(ref tunnel, a); break;
                case AttributeNames.ProxyProtocol: Once(ref proxyProtocol, a); break;
                case AttributeNames.RetryBudget: Once(ref retryBudget, a); break;
            }
        }

        SourceRef Origin(AttributeReader a) => new(sourceType, a.Index);
        bool Has(AttributeReader a) => a.MetadataName.Length > 0;

        // Each setting is given once per port (or once without one): a second would silently replace the first.
        void Once(ref AttributeReader slot, AttributeReader a)
        {
            if (Has(slot))
            {
                var name = a.MetadataName.Substring("MeshDsl.".Length).Replace("Attribute", string.Empty);
                var where = a.Int("Port") is { } p ? "port " + p.ToString(CultureInfo.InvariantCulture) : "this class";
                context.Report(RuleIds.Duplicate, Origin(a), string.Empty, $"A second [{name}] for {where}: it would replace the first; merge them into one");
                return;
            }

            slot = a;
        }

        var ports = buckets
            .Select(b => new PortTrafficPolicy(b.Key, LoadBalancer(b.Value, Origin), ConnectionPool(b.Value.ConnectionPool, Origin), Outlier(b.Value.OutlierDetection, Origin), Tls(b.Value.Tls, Origin), Origin(b.Value.First)))
            .ToEquatableArray();

        var policy = new TrafficPolicy(
            top is null ? null : LoadBalancer(top, Origin),
            top is null ? null : ConnectionPool(top.ConnectionPool, Origin),
            top is null ? null : Outlier(top.OutlierDetection, Origin),
            top is null ? null : Tls(top.Tls, Origin),
            ports,
            Has(tunnel)
                ? new TunnelSettings(tunnel.Enum("Protocol") is { } p ? IstioNames.TunnelProtocol(p) : null, tunnel.String("targetHost") ?? string.Empty, tunnel.Int("targetPort") ?? 0, Origin(tunnel))
                : null,
            Has(proxyProtocol) ? new ProxyProtocol(IstioNames.ProxyProtocolVersion(proxyProtocol.Enum("version") ?? 0) ?? "V1", Origin(proxyProtocol)) : null,
            Has(retryBudget) ? new RetryBudget(retryBudget.Double("Percent"), retryBudget.Int("MinRetryConcurrency"), retryBudget.String("BudgetInterval"), Origin(retryBudget)) : null);

        return policy == Empty ? null : policy;
    }

    private static readonly TrafficPolicy Empty = new(null, null, null, null, EquatableArray<PortTrafficPolicy>.Empty, null, null, null);

    private static LoadBalancerSettings? LoadBalancer(Bucket b, System.Func<AttributeReader, SourceRef> origin)
    {
        var lb = b.LoadBalancer;
        var hash = b.ConsistentHash;
        ConsistentHashLb? consistentHash = hash.MetadataName.Length == 0 ? null : new ConsistentHashLb(
            hash.String("HttpHeaderName"),
            hash.IsSet("HttpCookie") || hash.IsSet("HttpCookiePath") || hash.IsSet("HttpCookieTtl") || hash.IsSet("HttpCookieAttributes")
                ? new HttpCookie(hash.String("HttpCookie"), hash.String("HttpCookiePath"), hash.String("HttpCookieTtl"), ParseContext.Labels(hash.Strings("HttpCookieAttributes")))
                : null,
            hash.Bool("UseSourceIp"),
            hash.String("HttpQueryParameterName"),
            hash.Int("RingHashMinimumRingSize"),
            hash.Int("MaglevTableSize"),
            hash.Int("MinimumRingSize"),
            origin(hash));

        LocalityLbSetting? locality = null;
        if (b.Locality.MetadataName.Length > 0 || b.Distribute.Count > 0 || b.LocalityFailover.Count > 0)
        {
            var first = b.Locality.MetadataName.Length > 0 ? b.Locality : b.Distribute.Concat(b.LocalityFailover).First();
            locality = new LocalityLbSetting(
                b.Distribute.Select(d => new LocalityDistribute(d.String("from") ?? string.Empty, Weights(d.Strings("to")), origin(d))).ToEquatableArray(),
                b.LocalityFailover.Select(f => new Failover(f.String("from") ?? string.Empty, f.String("to") ?? string.Empty, origin(f))).ToEquatableArray(),
                b.Locality.Strings("FailoverPriority"),
                b.Locality.Bool("Enabled"),
                origin(first));
        }

        ZoneAwareLbSetting? zoneAware = null;
        if (b.ZoneAware.MetadataName.Length > 0 || b.ZoneAwareFailover.Count > 0)
        {
            var first = b.ZoneAware.MetadataName.Length > 0 ? b.ZoneAware : b.ZoneAwareFailover[0];
            zoneAware = new ZoneAwareLbSetting(
                b.ZoneAware.Bool("Enabled"),
                b.ZoneAwareFailover.Select(f => new Failover(f.String("from") ?? string.Empty, f.String("to") ?? string.Empty, origin(f))).ToEquatableArray(),
                b.ZoneAware.Strings("FailoverPriority"),
                b.ZoneAware.Int("MinClusterSize"),
                origin(first));
        }

        var warmup = b.Warmup.MetadataName.Length == 0 ? null
            : new WarmupConfiguration(b.Warmup.String("duration"), b.Warmup.Double("MinimumPercent"), b.Warmup.Double("Aggression"), origin(b.Warmup));
        var bu = b.BackendUtilization;
        var backend = bu.MetadataName.Length == 0 ? null : new BackendUtilization(
            bu.Strings("MetricNamesForComputingUtilization"),
            bu.Int("ErrorUtilizationPenaltyPercent"),
            bu.String("WeightExpirationPeriod"),
            bu.String("WeightStabilizationPeriod"),
            bu.String("WeightUpdatePeriod"),
            origin(bu));

        var simple = lb.Enum("simple") is { } s ? IstioNames.LoadBalancer(s) : null;
        var warmupSecs = lb.String("WarmupDurationSecs");
        if (simple is null && warmupSecs is null && consistentHash is null && locality is null && warmup is null && backend is null && zoneAware is null)
        {
            return null;
        }

        var lbOrigin = lb.MetadataName.Length > 0 ? origin(lb)
            : consistentHash?.Origin ?? locality?.Origin ?? warmup?.Origin ?? backend?.Origin ?? zoneAware!.Origin;
        return new LoadBalancerSettings(simple, consistentHash, locality, warmupSecs, warmup, backend, zoneAware, lbOrigin);
    }

    /// <summary><c>locality=weight</c> pairs; a pair without a number keeps weight 0 for the analyzers to flag.</summary>
    private static EquatableArray<LocalityWeight> Weights(ImmutableArray<string> pairs) => pairs
        .Select(p =>
        {
            var eq = p.LastIndexOf('=');
            var weight = eq >= 0 && int.TryParse(p.Substring(eq + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var w) ? w : 0;
            return new LocalityWeight(eq >= 0 ? p.Substring(0, eq) : p, weight);
        })
        .ToEquatableArray();

    private static ConnectionPoolSettings? ConnectionPool(AttributeReader a, System.Func<AttributeReader, SourceRef> origin)
    {
        if (a.MetadataName.Length == 0) return null;
        var keepalive = a.IsSet("TcpKeepaliveTime") || a.IsSet("TcpKeepaliveInterval") || a.IsSet("TcpKeepaliveProbes")
            ? new TcpKeepalive(a.Int("TcpKeepaliveProbes"), a.String("TcpKeepaliveTime"), a.String("TcpKeepaliveInterval"))
            : null;
        var tcp = new TcpSettings(a.Int("MaxConnections"), a.String("ConnectTimeout"), keepalive, a.String("MaxConnectionDuration"), a.String("TcpIdleTimeout"));
        var http = new HttpSettings(
            a.Int("Http1MaxPendingRequests"),
            a.Int("Http2MaxRequests"),
            a.Int("MaxRequestsPerConnection"),
            a.Int("MaxRetries"),
            a.String("IdleTimeout"),
            a.Enum("H2UpgradePolicy") is { } h2 ? IstioNames.H2UpgradePolicy(h2) : null,
            a.Bool("UseClientProtocol"),
            a.Int("MaxConcurrentStreams"),
            a.String("Http2KeepAliveInterval"),
            a.String("Http2KeepAliveTimeout"));
        return new ConnectionPoolSettings(
            tcp == new TcpSettings(null, null, null, null, null) ? null : tcp,
            http == new HttpSettings(null, null, null, null, null, null, null, null, null, null) ? null : http,
            origin(a));
    }

    private static OutlierDetection? Outlier(AttributeReader a, System.Func<AttributeReader, SourceRef> origin) => a.MetadataName.Length == 0 ? null : new OutlierDetection(
        a.Int("ConsecutiveErrors"),
        a.Int("Consecutive5xxErrors"),
        a.Int("ConsecutiveGatewayErrors"),
        a.Int("ConsecutiveLocalOriginFailures"),
        a.Bool("SplitExternalLocalOriginErrors"),
        a.String("Interval"),
        a.String("BaseEjectionTime"),
        a.Int("MaxEjectionPercent"),
        a.Int("MinHealthPercent"),
        a.Ints("OutlierDetectionHttpErrorCodes"),
        origin(a));

    private static ClientTlsSettings? Tls(AttributeReader a, System.Func<AttributeReader, SourceRef> origin) => a.MetadataName.Length == 0 ? null : new ClientTlsSettings(
        IstioNames.ClientTlsMode(a.Enum("mode") ?? -1),
        a.String("ClientCertificate"),
        a.String("PrivateKey"),
        a.String("CaCertificates"),
        a.String("CredentialName"),
        a.Strings("SubjectAltNames"),
        a.String("Sni"),
        a.Bool("InsecureSkipVerify"),
        a.String("CaCrl"),
        origin(a));
}
