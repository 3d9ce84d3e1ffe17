using MeshDsl.Model;
using MeshDsl.Yaml;

namespace MeshDsl.Emit;

/// <summary>A DestinationRule's spec, keys in the order of Istio's documentation.</summary>
internal static class DestinationRuleYaml
{
    public static YamlMapping Spec(DestinationRuleSpec spec) => new YamlMapping()
        .Add("host", spec.Host)
        .AddIfAny("trafficPolicy", Policy(spec.TrafficPolicy))
        .AddList("subsets", spec.Subsets, s => new YamlMapping()
            .Add("name", s.Name)
            .AddLabels("labels", s.Labels)
            .AddIfAny("trafficPolicy", Policy(s.TrafficPolicy)))
        .AddStrings("exportTo", spec.ExportTo)
        .AddIfAny("workloadSelector", new YamlMapping().AddLabels("matchLabels", spec.WorkloadSelector));

    internal static YamlMapping? Policy(TrafficPolicy? p) => p is null
        ? null
        : new YamlMapping()
            .AddIfAny("loadBalancer", LoadBalancer(p.LoadBalancer))
            .AddIfAny("connectionPool", ConnectionPool(p.ConnectionPool))
            .AddIfAny("outlierDetection", Outlier(p.OutlierDetection))
            .AddIfAny("tls", Tls(p.Tls))
            .AddList("portLevelSettings", p.PortLevelSettings, port => new YamlMapping()
                .Add("port", new YamlMapping().Add("number", port.Port))
                .AddIfAny("loadBalancer", LoadBalancer(port.LoadBalancer))
                .AddIfAny("connectionPool", ConnectionPool(port.ConnectionPool))
                .AddIfAny("outlierDetection", Outlier(port.OutlierDetection))
                .AddIfAny("tls", Tls(port.Tls)))
            .AddIfAny("tunnel", p.Tunnel is { } t
                ? new YamlMapping().Add("protocol", t.Protocol).Add("targetHost", t.TargetHost).Add("targetPort", t.TargetPort)
                : null)
            .AddIfAny("proxyProtocol", p.ProxyProtocol is { } pp ? new YamlMapping().Add("version", pp.Version) : null)
            .AddIfAny("retryBudget", p.RetryBudget is { } rb
                ? new YamlMapping().Add("percent", rb.Percent).Add("minRetryConcurrency", rb.MinRetryConcurrency).Add("budgetInterval", rb.BudgetInterval)
                : null);

    private static YamlMapping? LoadBalancer(LoadBalancerSettings? lb) => lb is null
        ? null
        : new YamlMapping()
            .Add("simple", lb.Simple)
            .AddIfAny("consistentHash", ConsistentHash(lb.ConsistentHash))
            .AddIfAny("localityLbSetting", Locality(lb.LocalityLbSetting))
            .Add("warmupDurationSecs", lb.WarmupDurationSecs)
            .AddIfAny("warmup", lb.Warmup is { } w
                ? new YamlMapping().Add("duration", w.Duration).Add("minimumPercent", w.MinimumPercent).Add("aggression", w.Aggression)
                : null)
            .AddIfAny("backendUtilization", lb.BackendUtilization is { } bu
                ? new YamlMapping()
                    .AddStrings("metricNamesForComputingUtilization", bu.MetricNamesForComputingUtilization)
                    .Add("errorUtilizationPenaltyPercent", bu.ErrorUtilizationPenaltyPercent)
                    .Add("weightExpirationPeriod", bu.WeightExpirationPeriod)
                    .Add("weightStabilizationPeriod", bu.WeightStabilizationPeriod)
                    .Add("weightUpdatePeriod", bu.WeightUpdatePeriod)
                : null)
            .AddIfAny("zoneAwareLbSetting", lb.ZoneAwareLbSetting is { } z
                ? new YamlMapping()
                    .Add("enabled", z.Enabled)
                    .AddList("failover", z.Failover, f => new YamlMapping().Add("from", f.From).Add("to", f.To))
                    .AddStrings("failoverPriority", z.FailoverPriority)
                    .Add("minClusterSize", z.MinClusterSize)
                : null);

    private static YamlMapping? ConsistentHash(ConsistentHashLb? h)
    {
        if (h is null) return null;
        var map = new YamlMapping()
            .Add("httpHeaderName", h.HttpHeaderName)
            .AddIfAny("httpCookie", h.HttpCookie is { } c
                ? new YamlMapping()
                    .Add("name", c.Name)
                    .Add("path", c.Path)
                    .Add("ttl", c.Ttl)
                    .AddList("attributes", c.Attributes, a => new YamlMapping().Add("name", a.Key).Add("value", a.Value.Length > 0 ? a.Value : null))
                : null)
            .Add("useSourceIp", h.UseSourceIp)
            .Add("httpQueryParameterName", h.HttpQueryParameterName);
        if (h.RingHashMinimumRingSize is { } ring) map.Add("ringHash", new YamlMapping().Add("minimumRingSize", ring));
        if (h.MaglevTableSize is { } table) map.Add("maglev", new YamlMapping().Add("tableSize", table));
        return map.Add("minimumRingSize", h.MinimumRingSize);
    }

    private static YamlMapping? Locality(LocalityLbSetting? l) => l is null
        ? null
        : new YamlMapping()
            .AddList("distribute", l.Distribute, d =>
            {
                var to = new YamlMapping();
                foreach (var w in d.To) to.Add(w.Locality, w.Weight);
                return new YamlMapping().Add("from", d.From).AddIfAny("to", to);
            })
            .AddList("failover", l.Failover, f => new YamlMapping().Add("from", f.From).Add("to", f.To))
            .AddStrings("failoverPriority", l.FailoverPriority)
            .Add("enabled", l.Enabled);

    private static YamlMapping? ConnectionPool(ConnectionPoolSettings? pool)
    {
        if (pool is null) return null;
        var tcp = pool.Tcp is { } t
            ? new YamlMapping()
                .Add("maxConnections", t.MaxConnections)
                .Add("connectTimeout", t.ConnectTimeout)
                .AddIfAny("tcpKeepalive", t.TcpKeepalive is { } k
                    ? new YamlMapping().Add("probes", k.Probes).Add("time", k.Time).Add("interval", k.Interval)
                    : null)
                .Add("maxConnectionDuration", t.MaxConnectionDuration)
                .Add("idleTimeout", t.IdleTimeout)
            : null;
        var http = pool.Http is { } h
            ? new YamlMapping()
                .Add("http1MaxPendingRequests", h.Http1MaxPendingRequests)
                .Add("http2MaxRequests", h.Http2MaxRequests)
                .Add("maxRequestsPerConnection", h.MaxRequestsPerConnection)
                .Add("maxRetries", h.MaxRetries)
                .Add("idleTimeout", h.IdleTimeout)
                .Add("h2UpgradePolicy", h.H2UpgradePolicy)
                .Add("useClientProtocol", h.UseClientProtocol)
                .Add("maxConcurrentStreams", h.MaxConcurrentStreams)
                .AddIfAny("http2KeepAlive", new YamlMapping().Add("interval", h.Http2KeepAliveInterval).Add("timeout", h.Http2KeepAliveTimeout))
            : null;
        return new YamlMapping().AddIfAny("tcp", tcp).AddIfAny("http", http);
    }

    private static YamlMapping? Outlier(OutlierDetection? od) => od is null
        ? null
        : new YamlMapping()
            .Add("consecutiveErrors", od.ConsecutiveErrors)
            .Add("consecutive5xxErrors", od.Consecutive5xxErrors)
            .Add("consecutiveGatewayErrors", od.ConsecutiveGatewayErrors)
            .Add("interval", od.Interval)
            .Add("baseEjectionTime", od.BaseEjectionTime)
            .Add("maxEjectionPercent", od.MaxEjectionPercent)
            .Add("minHealthPercent", od.MinHealthPercent)
            .Add("splitExternalLocalOriginErrors", od.SplitExternalLocalOriginErrors)
            .Add("consecutiveLocalOriginFailures", od.ConsecutiveLocalOriginFailures)
            .AddInts("outlierDetectionHttpErrorCodes", od.OutlierDetectionHttpErrorCodes);

    private static YamlMapping? Tls(ClientTlsSettings? tls) => tls is null
        ? null
        : new YamlMapping()
            .Add("mode", tls.Mode)
            .Add("clientCertificate", tls.ClientCertificate)
            .Add("privateKey", tls.PrivateKey)
            .Add("caCertificates", tls.CaCertificates)
            .Add("credentialName", tls.CredentialName)
            .AddStrings("subjectAltNames", tls.SubjectAltNames)
            .Add("sni", tls.Sni)
            .Add("insecureSkipVerify", tls.InsecureSkipVerify)
            .Add("caCrl", tls.CaCrl);
}
