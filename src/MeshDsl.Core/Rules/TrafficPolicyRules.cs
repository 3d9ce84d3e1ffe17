using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MeshDsl.Helpers;
using MeshDsl.Istio;
using MeshDsl.Model;
using static MeshDsl.Rules.ModelWalk;

namespace MeshDsl.Rules;

/// <summary>MESH301-MESH304: DestinationRule traffic policy, and MESH401-MESH403 within one Gateway.</summary>
internal static class TrafficPolicyRules
{
    public static IEnumerable<Finding> Check(RuleScope d)
    {
        foreach (var dr in DestinationRules(d))
        {
            foreach (var level in PolicyLevels(dr))
            {
                if (level.OutlierDetection is { } od)
                {
                    foreach (var f in Outlier(od)) yield return f;
                }

                if (level.LoadBalancer is { } lb)
                {
                    foreach (var f in LoadBalancer(lb)) yield return f;
                }

                // MESH304: an attribute that sets nothing emits nothing; say so rather than silently drop it.
                if (level.ConnectionPool is { Tcp: null, Http: null } pool)
                    yield return Finding(RuleIds.EmptyPolicy, pool.Origin, string.Empty, "ConnectionPool");
                if (level.OutlierDetection is { } o && SetsNothing(o))
                    yield return Finding(RuleIds.EmptyPolicy, o.Origin, string.Empty, "OutlierDetection");
            }

            // MESH307 (IST0128, IST0129): TLS that encrypts but does not check who answers.
            foreach (var (tls, where) in ClientTlsLevels(dr))
            {
                var caFromCredential = tls.CredentialName is not null && !dr.Spec.WorkloadSelector.IsEmpty;
                if (tls.Mode is ClientTlsModes.Simple or ClientTlsModes.Mutual && tls.CaCertificates is null && tls.InsecureSkipVerify != true && !caFromCredential)
                {
                    yield return Finding(RuleIds.NoServerCertificateVerification, tls.Origin, string.Empty,
                        $"{tls.Mode} TLS {where} has no CaCertificates, so the server's certificate is not verified: set CaCertificates (or a CredentialName with a WorkloadSelector), or InsecureSkipVerify = true if that is intended");
                }
            }

            foreach (var policy in Policies(dr))
            {
                if (policy.Tunnel is not null && policy.ProxyProtocol is not null)
                    yield return Finding(RuleIds.LoadBalancerConflict, policy.ProxyProtocol.Origin, string.Empty, "Tunnel and ProxyProtocol cannot be set together: Istio rejects the pair");
            }
        }

        foreach (var gw in Gateways(d))
        {
            foreach (var f in Servers(gw)) yield return f;
        }
    }

    private static bool SetsNothing(OutlierDetection o) =>
        o.ConsecutiveErrors is null && o.Consecutive5xxErrors is null && o.ConsecutiveGatewayErrors is null && o.ConsecutiveLocalOriginFailures is null
        && o.SplitExternalLocalOriginErrors is null && o.Interval is null && o.BaseEjectionTime is null && o.MaxEjectionPercent is null
        && o.MinHealthPercent is null && o.OutlierDetectionHttpErrorCodes.IsEmpty;

    private static IEnumerable<(ClientTlsSettings Tls, string Where)> ClientTlsLevels(DestinationRule dr)
    {
        if (dr.Spec.TrafficPolicy is { } policy)
        {
            foreach (var level in ClientTlsLevels(policy, "to " + dr.Spec.Host)) yield return level;
        }

        foreach (var subset in dr.Spec.Subsets)
        {
            if (subset.TrafficPolicy is not { } subsetPolicy) continue;
            foreach (var level in ClientTlsLevels(subsetPolicy, "to subset " + subset.Name)) yield return level;
        }
    }

    private static IEnumerable<(ClientTlsSettings Tls, string Where)> ClientTlsLevels(TrafficPolicy policy, string owner)
    {
        if (policy.Tls is { } tls) yield return (tls, owner);
        foreach (var port in policy.PortLevelSettings)
        {
            if (port.Tls is { } portTls) yield return (portTls, owner + " port " + N(port.Port));
        }
    }

    private static readonly (string Field, System.Func<OutlierDetection, int?> Value, int Min, int Max, string Range)[] RecommendedCounts =
    {
        ("consecutive5xxErrors", static o => o.Consecutive5xxErrors, 3, 5, "3-5"),
        ("consecutiveLocalOriginFailures", static o => o.ConsecutiveLocalOriginFailures, 3, 5, "3-5"),
        ("maxEjectionPercent", static o => o.MaxEjectionPercent, 30, 50, "30-50%"),
        ("minHealthPercent", static o => o.MinHealthPercent, 30, 30, "30%"),
    };

    private static IEnumerable<Finding> Outlier(OutlierDetection od)
    {
        // MESH302: Istio rejects local-origin failures unless they are counted apart from upstream errors.
        if (od.ConsecutiveLocalOriginFailures is > 0 && od.SplitExternalLocalOriginErrors != true)
            yield return Finding(RuleIds.LocalOriginWithoutSplit, od.Origin, "consecutiveLocalOriginFailures");

        // MESH301: the seed's table of recommended values.
        foreach (var (field, value, min, max, range) in RecommendedCounts)
        {
            if (value(od) is { } v && v >= 0 && (v < min || v > max))
                yield return Finding(RuleIds.OutlierOutsideRecommended, od.Origin, field, field, N(v), range);
        }

        if (OutsideRecommended(od, "interval", od.Interval, 10m, 30m, "10-30s") is { } interval) yield return interval;
        if (OutsideRecommended(od, "baseEjectionTime", od.BaseEjectionTime, 30m, 60m, "30-60s") is { } ejection) yield return ejection;
    }

    private static Finding? OutsideRecommended(OutlierDetection od, string field, string? value, decimal min, decimal max, string range)
    {
        if (value is null || IstioDuration.Validate(value, out var ns) != IstioDuration.Problem.None) return null;
        var seconds = ns / 1_000_000_000m;
        return seconds < min || seconds > max ? Finding(RuleIds.OutlierOutsideRecommended, od.Origin, field, field, value, range) : null;
    }

    // MESH303
    private static IEnumerable<Finding> LoadBalancer(LoadBalancerSettings lb)
    {
        if ((lb.Simple is null ? 0 : 1) + (lb.ConsistentHash is null ? 0 : 1) + (lb.BackendUtilization is null ? 0 : 1) > 1)
        {
            var kinds = new[] { lb.Simple is not null ? "simple" : null, lb.ConsistentHash is not null ? "consistentHash" : null, lb.BackendUtilization is not null ? "backendUtilization" : null }
                .OfType<string>();
            var at = lb.ConsistentHash?.Origin ?? lb.BackendUtilization!.Origin;
            yield return Finding(RuleIds.LoadBalancerConflict, at, string.Empty, $"The load balancer sets both {string.Join(" and ", kinds)}: Istio takes one; keep one of them for this service, subset or port");
        }

        if (lb.ConsistentHash is { } hash)
        {
            var keys = new[] { hash.HttpHeaderName is not null, hash.HttpCookie is not null, hash.UseSourceIp is not null, hash.HttpQueryParameterName is not null }.Count(k => k);
            if (keys > 1)
                yield return Finding(RuleIds.LoadBalancerConflict, hash.Origin, string.Empty, "ConsistentHash sets more than one hash key: Istio takes one of HttpHeaderName, HttpCookie, UseSourceIp and HttpQueryParameterName");
            if (keys == 0)
                yield return Finding(RuleIds.LoadBalancerConflict, hash.Origin, string.Empty, "ConsistentHash sets no hash key: set one of HttpHeaderName, HttpCookie, UseSourceIp and HttpQueryParameterName");
            var rings = new[] { hash.RingHashMinimumRingSize is not null, hash.MaglevTableSize is not null, hash.MinimumRingSize is not null }.Count(r => r);
            if (rings > 1)
                yield return Finding(RuleIds.LoadBalancerConflict, hash.Origin, string.Empty, "ConsistentHash sets more than one ring: Istio takes one of RingHashMinimumRingSize, MaglevTableSize and MinimumRingSize");
            if (hash.HttpCookie is { Name: null })
                yield return Finding(RuleIds.LoadBalancerConflict, hash.Origin, string.Empty, "A cookie hash needs the cookie's name: set HttpCookie");
            if (hash.MaglevTableSize is { } table && (table >= 5000011 || !IsPrime(table)))
                yield return Finding(RuleIds.LoadBalancerConflict, hash.Origin, "maglevTableSize", $"Maglev's table size must be a prime below 5000011; {N(table)} is not");
        }

        if (lb.LocalityLbSetting is { } locality)
        {
            if (lb.ZoneAwareLbSetting is not null)
                yield return Finding(RuleIds.LoadBalancerConflict, lb.ZoneAwareLbSetting.Origin, string.Empty, "Locality and zone-aware load balancing cannot be set together: Istio takes one");
            if (!locality.Distribute.IsEmpty && !locality.Failover.IsEmpty)
                yield return Finding(RuleIds.LoadBalancerConflict, locality.Failover[0].Origin, string.Empty, "Locality distribute and failover cannot be set together: Istio takes one");
            foreach (var distribute in locality.Distribute)
            {
                var sum = distribute.To.Sum(t => (long)t.Weight);
                var bad = distribute.To.AsImmutableArray().FindIndex(t => t.Weight is < 1 or > 100);
                if (sum != 100 || bad >= 0)
                    yield return Finding(RuleIds.LoadBalancerConflict, distribute.Origin, Model.Finding.Element("to", System.Math.Max(bad, 0)), $"The weights of locality distribute from '{distribute.From}' add up to {N(sum)}: Istio requires each in 1-100 and a total of exactly 100");
            }

            foreach (var failover in locality.Failover.Where(f => f.From == f.To))
                yield return Finding(RuleIds.LoadBalancerConflict, failover.Origin, "to", $"Locality failover from '{failover.From}' to itself does nothing: fail over to another region");
        }
    }

    private static bool IsPrime(int n)
    {
        if (n < 2) return false;
        for (var i = 2; (long)i * i <= n; i++)
        {
            if (n % i == 0) return false;
        }

        return true;
    }

    // MESH401-MESH403 within one Gateway.
    private static IEnumerable<Finding> Servers(Gateway gw)
    {
        var seen = new List<(Server Server, string Host)>();
        foreach (var server in gw.Spec.Servers)
        {
            var protocol = server.Port.Protocol;
            var tls = server.Tls;
            if (ServerProtocols.IsTls(protocol) && tls?.Mode is null)
                yield return Finding(RuleIds.TlsServerWithoutTls, server.Origin, string.Empty, $"The {protocol} server on port {N(server.Port.Number)} has no TLS mode: add [ServerTls(ServerTlsMode.Simple, CredentialName = \"...\")]");
            if (tls is not null && ServerTlsModes.ServesCertificate(tls.Mode) && tls.CredentialName is null && tls.CredentialNames.IsEmpty && tls.TlsCertificates.IsEmpty && tls.ServerCertificate is null)
                yield return Finding(RuleIds.TlsServerWithoutTls, tls.Origin, string.Empty, $"TLS mode {tls.Mode} needs a certificate: set CredentialName (a Kubernetes secret) or ServerCertificate and PrivateKey");
            if (tls is { HttpsRedirect: true } && protocol != ServerProtocols.Http)
                yield return Finding(RuleIds.HttpsRedirectNotHttp, tls.Origin, "httpsRedirect", protocol, N(server.Port.Number));

            foreach (var host in server.Hosts)
            {
                var conflict = seen.FirstOrDefault(s => s.Server.Port.Number == server.Port.Number && s.Server.Bind == server.Bind && ServerHostsOverlap(s.Host, host));
                if (conflict.Server is not null)
                    yield return Finding(RuleIds.ConflictingServers, server.Origin, "hosts", N(server.Port.Number), host, "another server of this gateway");
            }

            seen.AddRange(server.Hosts.Select(h => (server, h)));
        }
    }

    /// <summary>Server hosts are <c>[namespace/]host</c>; two overlap when their namespaces can meet and their hosts overlap.</summary>
    public static bool ServerHostsOverlap(string a, string b)
    {
        static (string Ns, string Host) Split(string h) => h.IndexOf('/') is var i and >= 0 ? (h.Substring(0, i), h.Substring(i + 1)) : ("*", h);
        var (nsA, hostA) = Split(a);
        var (nsB, hostB) = Split(b);
        var namespacesMeet = nsA == "*" || nsB == "*" || nsA == nsB;
        return namespacesMeet && ValidationRules.HostsOverlap(hostA, hostB);
    }
}
