using System.Collections.Generic;
using System.Linq;
using System.Net;
using MeshDsl.Istio;
using MeshDsl.Model;
using static MeshDsl.Rules.ModelWalk;

namespace MeshDsl.Rules;

/// <summary>
/// MESH306: DestinationRule settings Istio's webhook or CRD rejects (validation.md §3, §8) that the narrower rules
/// (MESH001 durations, MESH002 percentages, MESH302 local-origin split, MESH303 load balancer conflicts) do not cover.
/// </summary>
internal static class TrafficPolicyValidity
{
    private static readonly HashSet<string> TopologyLabels = new() { "topology.kubernetes.io/region", "topology.kubernetes.io/zone", "topology.istio.io/subzone" };

    public static IEnumerable<Finding> Check(RuleScope d)
    {
        foreach (var dr in DestinationRules(d))
        {
            foreach (var f in Selector(d, dr)) yield return f;
            foreach (var level in PolicyLevels(dr))
            {
                if (level.ConnectionPool is { } pool)
                {
                    foreach (var f in Pool(pool)) yield return f;
                }

                if (level.OutlierDetection is { } od)
                {
                    foreach (var f in Negative(od.Origin, ("consecutiveErrors", od.ConsecutiveErrors), ("consecutive5xxErrors", od.Consecutive5xxErrors),
                                 ("consecutiveGatewayErrors", od.ConsecutiveGatewayErrors), ("consecutiveLocalOriginFailures", od.ConsecutiveLocalOriginFailures))) yield return f;
                    for (var i = 0; i < od.OutlierDetectionHttpErrorCodes.Count; i++)
                    {
                        if (od.OutlierDetectionHttpErrorCodes[i] is < 100 or > 599)
                            yield return F(od.Origin, Model.Finding.Element("outlierDetectionHttpErrorCodes", i), $"{N(od.OutlierDetectionHttpErrorCodes[i])} is not an HTTP status (100-599)");
                    }
                }

                if (level.LoadBalancer is { } lb)
                {
                    foreach (var f in LoadBalancer(lb)) yield return f;
                }

                if (level.Tls is { } tls)
                {
                    foreach (var f in ClientTls(tls)) yield return f;
                }
            }

            foreach (var policy in Policies(dr))
            {
                foreach (var port in policy.PortLevelSettings.Where(p => p.LoadBalancer is null && p.ConnectionPool is null && p.OutlierDetection is null && p.Tls is null))
                    yield return F(port.Origin, "Port", $"The settings for port {N(port.Port)} set nothing: Istio rejects an empty port policy ('port traffic policy must have at least one field')");
                if (policy.Tunnel is { } tunnel && !IsFqdnOrIp(tunnel.TargetHost))
                    yield return F(tunnel.Origin, "targetHost", $"Tunnel target '{tunnel.TargetHost}' is neither a fully qualified host name nor an IP address ('tunnel target host must be valid FQDN or IP address')");
                if (policy.RetryBudget is { MinRetryConcurrency: < 0 } budget)
                    yield return F(budget.Origin, "minRetryConcurrency", "MinRetryConcurrency cannot be negative");
            }
        }
    }

    private static IEnumerable<Finding> Selector(RuleScope d, DestinationRule dr)
    {
        // A service's VirtualService shares its exportTo, and MESH018 reports it there.
        if (!VirtualServices(d).Any())
        {
            foreach (var f in RouteSettingRules.ExportTo(dr.Spec.ExportTo, d.Origin, RuleIds.InvalidTrafficPolicy)) yield return f;
        }

        if (dr.Spec.WorkloadSelector.IsEmpty) yield break;
        for (var i = 0; i < dr.Spec.WorkloadSelector.Count; i++)
        {
            var label = dr.Spec.WorkloadSelector[i];
            if (label.Key.Length == 0 || label.Key.IndexOf('*') >= 0 || label.Value.IndexOf('*') >= 0)
                yield return F(d.Origin, Model.Finding.Element("workloadSelector", i), "A workload selector label has no wildcards and no empty key ('wildcard is not supported in selector')");
        }

        var beyond = dr.Spec.ExportTo.Where(e => e != "." && e != dr.Metadata.Namespace).ToArray();
        if (dr.Spec.ExportTo.Count > 1 || beyond.Length > 0)
            yield return F(d.Origin, "WorkloadSelector", "A DestinationRule with a workload selector applies in its own namespace only: ExportTo may be '.' alone ('destination rule with workload selector cannot have exportTo beyond current namespace')");
    }

    private static IEnumerable<Finding> Pool(ConnectionPoolSettings pool)
    {
        if (pool.Http is { } http)
        {
            foreach (var f in Negative(pool.Origin, ("http1MaxPendingRequests", http.Http1MaxPendingRequests), ("http2MaxRequests", http.Http2MaxRequests),
                         ("maxRequestsPerConnection", http.MaxRequestsPerConnection), ("maxRetries", http.MaxRetries), ("maxConcurrentStreams", http.MaxConcurrentStreams))) yield return f;
            if (http.H2UpgradePolicy == H2UpgradePolicies.Upgrade && http.UseClientProtocol == true)
                yield return F(pool.Origin, "useClientProtocol", "UseClientProtocol cannot be true with H2UpgradePolicy.Upgrade ('use client protocol must not be true when H2UpgradePolicy is UPGRADE')");
            if ((http.Http2KeepAliveInterval is null) != (http.Http2KeepAliveTimeout is null))
                yield return F(pool.Origin, http.Http2KeepAliveInterval is null ? "http2KeepAliveTimeout" : "http2KeepAliveInterval", "HTTP/2 keep-alive needs both Http2KeepAliveInterval and Http2KeepAliveTimeout");
        }

        if (pool.Tcp is { } tcp)
        {
            foreach (var f in Negative(pool.Origin, ("maxConnections", tcp.MaxConnections), ("tcpKeepaliveProbes", tcp.TcpKeepalive?.Probes))) yield return f;
        }
    }

    private static IEnumerable<Finding> LoadBalancer(LoadBalancerSettings lb)
    {
        if (lb.ConsistentHash is { } hash)
        {
            foreach (var f in Negative(hash.Origin, ("ringHashMinimumRingSize", hash.RingHashMinimumRingSize), ("minimumRingSize", hash.MinimumRingSize))) yield return f;
            if (hash.HttpCookie is { } cookie)
            {
                var names = new HashSet<string>();
                for (var i = 0; i < cookie.Attributes.Count; i++)
                {
                    var name = cookie.Attributes[i].Key;
                    if (name.Length == 0) yield return F(hash.Origin, Model.Finding.Element("httpCookieAttributes", i), "A cookie attribute needs a name ('cookie attribute name is required')");
                    else if (!names.Add(name)) yield return F(hash.Origin, Model.Finding.Element("httpCookieAttributes", i), $"Cookie attribute '{name}' is given twice ('duplicate cookie attribute name')");
                }
            }
        }

        if (lb.Warmup is { } warmup)
        {
            if (warmup.Duration is null) yield return F(warmup.Origin, "duration", "A warm-up needs its duration ('duration is required')");
            if (warmup.Aggression is { } aggression && !(aggression > 0)) yield return F(warmup.Origin, "aggression", "Aggression must be greater than 0 ('aggression should be greater than 0')");
        }

        if (lb.BackendUtilization is { ErrorUtilizationPenaltyPercent: < 0 } backend)
            yield return F(backend.Origin, "errorUtilizationPenaltyPercent", "ErrorUtilizationPenaltyPercent cannot be negative");

        if (lb.ZoneAwareLbSetting is { MinClusterSize: < 1 } zone)
            yield return F(zone.Origin, "minClusterSize", "MinClusterSize is at least 1");

        if (lb.LocalityLbSetting is { } locality)
        {
            foreach (var failover in locality.Failover)
            {
                if (failover.From.IndexOfAny(new[] { '/', '*' }) >= 0 || failover.From.Length == 0)
                    yield return F(failover.Origin, "from", $"Locality failover from '{failover.From}': failover names regions only (no '/', no '*')");
                if (failover.To.IndexOfAny(new[] { '/', '*' }) >= 0 || failover.To.Length == 0)
                    yield return F(failover.Origin, "to", $"Locality failover to '{failover.To}': failover names regions only (no '/', no '*')");
            }

            if (!locality.Failover.IsEmpty && locality.FailoverPriority.Any(TopologyLabels.Contains))
                yield return F(locality.Origin, "failoverPriority", "Locality failover cannot be combined with a topology label in FailoverPriority: Istio rejects it");

            foreach (var repeated in locality.Distribute.GroupBy(x => x.From).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)))
                yield return F(repeated.Origin, "from", $"Locality distribute from '{repeated.From}' is given twice: Istio rejects overlapping localities");

            foreach (var distribute in locality.Distribute)
            {
                foreach (var (locality1, index) in new[] { distribute.From }.Concat(distribute.To.Select(t => t.Locality)).Select((l, i) => (l, i)))
                {
                    var star = locality1.IndexOf('*');
                    if (locality1.Length == 0 || (star >= 0 && star != locality1.Length - 1))
                        yield return F(distribute.Origin, index == 0 ? "from" : Model.Finding.Element("to", index - 1), $"Locality '{locality1}' is not valid: region[/zone[/subzone]], with at most one '*', at the end");
                }
            }
        }
    }

    private static IEnumerable<Finding> ClientTls(ClientTlsSettings tls)
    {
        var credential = tls.CredentialName is not null;
        if (tls.Mode == ClientTlsModes.Mutual && !credential)
        {
            if (tls.ClientCertificate is null) yield return F(tls.Origin, "clientCertificate", "MUTUAL TLS without a CredentialName needs ClientCertificate ('client certificate required for mutual tls')");
            if (tls.PrivateKey is null) yield return F(tls.Origin, "privateKey", "MUTUAL TLS without a CredentialName needs PrivateKey ('private key required for mutual tls')");
        }

        if (tls.Mode is ClientTlsModes.Simple or ClientTlsModes.Mutual && credential && (tls.ClientCertificate ?? tls.CaCertificates ?? tls.PrivateKey ?? tls.CaCrl) is not null)
            yield return F(tls.Origin, "credentialName", "With a CredentialName, the certificates come from its secret: remove ClientCertificate, CaCertificates, PrivateKey and CaCrl ('cannot specify client certificates or CA certificate or CA CRL If credentialName is set')");

        if (tls.InsecureSkipVerify == true)
        {
            var forbidden = tls.Mode == ClientTlsModes.Simple
                ? new[] { (tls.CaCertificates is not null, "CaCertificates"), (credential, "CredentialName"), (!tls.SubjectAltNames.IsEmpty, "SubjectAltNames") }
                : tls.Mode == ClientTlsModes.Mutual ? new[] { (tls.CaCertificates is not null, "CaCertificates"), (!tls.SubjectAltNames.IsEmpty, "SubjectAltNames") } : System.Array.Empty<(bool, string)>();
            var set = forbidden.Where(x => x.Item1).Select(x => x.Item2).ToArray();
            if (set.Length > 0)
                yield return F(tls.Origin, "insecureSkipVerify", $"InsecureSkipVerify skips the very checks {string.Join(", ", set)} configure: remove one or the other ('cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify is set true')");
        }
    }

    private static IEnumerable<Finding> Negative(SourceRef origin, params (string Field, int? Value)[] values)
    {
        foreach (var (field, value) in values)
        {
            if (value is < 0) yield return F(origin, field, $"{field} is {N(value.Value)}: it cannot be negative");
        }
    }

    private static bool IsFqdnOrIp(string host) =>
        IPAddress.TryParse(host, out _) || (host.IndexOf('.') > 0 && host.IndexOf('*') < 0 && Names.Host(host, allowBareWildcard: false) is null);

    private static Finding F(SourceRef origin, string field, string message) => Finding(RuleIds.InvalidTrafficPolicy, origin, field, message);
}
