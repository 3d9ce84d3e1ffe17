using System.Globalization;
using System.Linq;
using MeshDsl.Helpers;
using MeshDsl.Model;

namespace MeshDsl.YamlFrontEnd;

/// <summary>A DestinationRule's spec from YAML: the inverse of <see cref="Emit.DestinationRuleYaml"/>, field for field.</summary>
internal static class DestinationRuleReader
{
    public static DestinationRuleSpec Spec(YamlMap spec)
    {
        var selector = spec.Map("workloadSelector");
        return selector.Checked(new DestinationRuleSpec(
            spec.String("host") ?? string.Empty,
            Policy(spec.Map("trafficPolicy")),
            spec.Maps("subsets").Select(s => s.Checked(new Subset(s.String("name") ?? string.Empty, s.Labels("labels"), Policy(s.Map("trafficPolicy")), s.Origin))).ToEquatableArray(),
            spec.Strings("exportTo"),
            selector.Labels("matchLabels")));
    }

    private static TrafficPolicy? Policy(YamlMap p)
    {
        if (!p.Exists) return null;
        var tunnel = p.Map("tunnel");
        var proxy = p.Map("proxyProtocol");
        var budget = p.Map("retryBudget");
        var policy = new TrafficPolicy(
            LoadBalancer(p.Map("loadBalancer")),
            ConnectionPool(p.Map("connectionPool")),
            Outlier(p.Map("outlierDetection")),
            Tls(p.Map("tls")),
            p.Maps("portLevelSettings").Select(port =>
            {
                var number = port.Map("port");
                var settings = new PortTrafficPolicy(number.Int("number") ?? 0, LoadBalancer(port.Map("loadBalancer")), ConnectionPool(port.Map("connectionPool")),
                    Outlier(port.Map("outlierDetection")), Tls(port.Map("tls")), port.Origin);
                number.ReportUnknown();
                port.ReportUnknown();
                return settings;
            }).ToEquatableArray(),
            tunnel.Exists ? new TunnelSettings(tunnel.String("protocol"), tunnel.String("targetHost") ?? string.Empty, tunnel.Int("targetPort") ?? 0, tunnel.Origin) : null,
            proxy.Exists ? new ProxyProtocol(proxy.String("version") ?? "V1", proxy.Origin) : null,
            budget.Exists ? new RetryBudget(budget.Double("percent"), budget.Int("minRetryConcurrency"), budget.String("budgetInterval"), budget.Origin) : null);
        foreach (var part in new[] { tunnel, proxy, budget, p }) part.ReportUnknown();
        return policy;
    }

    private static LoadBalancerSettings? LoadBalancer(YamlMap lb)
    {
        if (!lb.Exists) return null;
        var hash = lb.Map("consistentHash");
        var locality = lb.Map("localityLbSetting");
        var warmup = lb.Map("warmup");
        var backend = lb.Map("backendUtilization");
        var zone = lb.Map("zoneAwareLbSetting");
        var result = new LoadBalancerSettings(
            lb.String("simple"),
            ConsistentHash(hash),
            locality.Exists
                ? new LocalityLbSetting(
                    locality.Maps("distribute").Select(d =>
                    {
                        var to = d.Map("to");
                        var weights = to.Keys.Select(k => new LocalityWeight(k, to.Int(k) ?? 0)).ToEquatableArray();
                        return d.Checked(new LocalityDistribute(d.String("from") ?? string.Empty, weights, d.Origin));
                    }).ToEquatableArray(),
                    Failovers(locality),
                    locality.Strings("failoverPriority"),
                    locality.Bool("enabled"),
                    locality.Origin)
                : null,
            lb.String("warmupDurationSecs"),
            warmup.Exists ? new WarmupConfiguration(warmup.String("duration"), warmup.Double("minimumPercent"), warmup.Double("aggression"), warmup.Origin) : null,
            backend.Exists
                ? new BackendUtilization(backend.Strings("metricNamesForComputingUtilization"), backend.Int("errorUtilizationPenaltyPercent"), backend.String("weightExpirationPeriod"),
                    backend.String("weightStabilizationPeriod"), backend.String("weightUpdatePeriod"), backend.Origin)
                : null,
            zone.Exists ? new ZoneAwareLbSetting(zone.Bool("enabled"), Failovers(zone), zone.Strings("failoverPriority"), zone.Int("minClusterSize"), zone.Origin) : null,
            lb.Origin);
        foreach (var part in new[] { locality, warmup, backend, zone, lb }) part.ReportUnknown();
        return result;
    }

    private static EquatableArray<Failover> Failovers(YamlMap owner) => owner.Maps("failover").Select(f => f.Checked(new Failover(f.String("from") ?? string.Empty, f.String("to") ?? string.Empty, f.Origin))).ToEquatableArray();

    private static ConsistentHashLb? ConsistentHash(YamlMap h)
    {
        if (!h.Exists) return null;
        var cookie = h.Map("httpCookie");
        var ring = h.Map("ringHash");
        var maglev = h.Map("maglev");
        var result = new ConsistentHashLb(
            h.String("httpHeaderName"),
            cookie.Exists
                ? new HttpCookie(cookie.String("name"), cookie.String("path"), cookie.String("ttl"), cookie.Maps("attributes").Select(a => a.Checked(new Label(a.String("name") ?? string.Empty, a.String("value") ?? string.Empty))).ToEquatableArray())
                : null,
            h.Bool("useSourceIp"),
            h.String("httpQueryParameterName"),
            ring.Exists ? ring.Int("minimumRingSize") : null,
            maglev.Exists ? maglev.Int("tableSize") : null,
            h.Int("minimumRingSize"),
            h.Origin);
        foreach (var part in new[] { cookie, ring, maglev, h }) part.ReportUnknown();
        return result;
    }

    private static ConnectionPoolSettings? ConnectionPool(YamlMap pool)
    {
        if (!pool.Exists) return null;
        var tcp = pool.Map("tcp");
        var keepalive = tcp.Map("tcpKeepalive");
        var http = pool.Map("http");
        var h2 = http.Map("http2KeepAlive");
        var result = new ConnectionPoolSettings(
            tcp.Exists
                ? new TcpSettings(tcp.Int("maxConnections"), tcp.String("connectTimeout"),
                    keepalive.Exists ? new TcpKeepalive(keepalive.Int("probes"), keepalive.String("time"), keepalive.String("interval")) : null,
                    tcp.String("maxConnectionDuration"), tcp.String("idleTimeout"))
                : null,
            http.Exists
                ? new HttpSettings(http.Int("http1MaxPendingRequests"), http.Int("http2MaxRequests"), http.Int("maxRequestsPerConnection"), http.Int("maxRetries"),
                    http.String("idleTimeout"), http.String("h2UpgradePolicy"), http.Bool("useClientProtocol"), http.Int("maxConcurrentStreams"),
                    h2.String("interval"), h2.String("timeout"))
                : null,
            pool.Origin);
        foreach (var part in new[] { keepalive, tcp, h2, http, pool }) part.ReportUnknown();
        return result;
    }

    private static OutlierDetection? Outlier(YamlMap od)
    {
        if (!od.Exists) return null;
        return od.Checked(new OutlierDetection(
            od.Int("consecutiveErrors"), od.Int("consecutive5xxErrors"), od.Int("consecutiveGatewayErrors"), od.Int("consecutiveLocalOriginFailures"),
            od.Bool("splitExternalLocalOriginErrors"), od.String("interval"), od.String("baseEjectionTime"), od.Int("maxEjectionPercent"), od.Int("minHealthPercent"),
            od.Ints("outlierDetectionHttpErrorCodes"), od.Origin));
    }

    private static ClientTlsSettings? Tls(YamlMap tls)
    {
        if (!tls.Exists) return null;
        return tls.Checked(new ClientTlsSettings(tls.String("mode"), tls.String("clientCertificate"), tls.String("privateKey"), tls.String("caCertificates"),
            tls.String("credentialName"), tls.Strings("subjectAltNames"), tls.String("sni"), tls.Bool("insecureSkipVerify"), tls.String("caCrl"), tls.Origin));
    }
}
