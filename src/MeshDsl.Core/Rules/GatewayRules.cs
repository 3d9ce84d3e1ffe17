using System.Collections.Generic;
using System.Linq;
using System.Net;
using MeshDsl.Istio;
using MeshDsl.Model;
using static MeshDsl.Rules.ModelWalk;

namespace MeshDsl.Rules;

/// <summary>
/// MESH404: what Istio's webhook rejects in a Gateway's servers (validation.md §4: <c>ValidateGateway</c>, <c>validateServer</c>,
/// <c>validateServerPort</c>, <c>validateServerBind</c>, <c>validateTLSOptions</c>) beyond names and ports (MESH004, MESH005)
/// and a missing TLS mode or certificate (MESH401).
/// </summary>
internal static class GatewayRules
{
    public static IEnumerable<Finding> Check(RuleScope d)
    {
        foreach (var gw in Gateways(d))
        {
            if (gw.Spec.Servers.IsEmpty)
                yield return F(d.Origin, string.Empty, $"Gateway '{gw.Metadata.Name}' has no servers: nest a class with [Server(...)] ('gateway must have at least one server')");
            foreach (var server in gw.Spec.Servers)
            {
                foreach (var f in Server(server)) yield return f;
            }
        }
    }

    private static IEnumerable<Finding> Server(Server server)
    {
        var port = N(server.Port.Number);
        if (server.Hosts.IsEmpty)
            yield return F(server.Origin, string.Empty, $"The server on port {port} serves no hosts: set Hosts (\"*\" for every host) ('server config must contain at least one host')");
        for (var i = 0; i < server.Hosts.Count; i++)
        {
            if (HostProblem(server.Hosts[i]) is { } why) yield return F(server.Origin, Model.Finding.Element("hosts", i), $"Server host '{server.Hosts[i]}' is invalid: {why}");
        }

        if (server.Port.TargetPort is not null)
            yield return F(server.Origin, "TargetPort", "TargetPort has no effect on a Gateway server, and Istio rejects it ('targetPort has no impact on Gateways')");

        var unixSocket = server.Bind is { } b && b.StartsWith("unix://", System.StringComparison.Ordinal);
        if (server.Bind is { } bind)
        {
            if (unixSocket)
            {
                var path = bind.Substring("unix://".Length);
                if (path.Length == 0 || (path[0] != '/' && path[0] != '@'))
                    yield return F(server.Origin, "Bind", $"Bind '{bind}' is not a unix socket Istio accepts: give an absolute path or an @abstract name");
                if (server.Port.Number != 0)
                    yield return F(server.Origin, "Bind", $"A server bound to a unix socket has port 0, not {port} ('port number must be 0 for unix domain socket')");
            }
            else if (!IPAddress.TryParse(bind, out _))
            {
                yield return F(server.Origin, "Bind", $"Bind '{bind}' is neither an IP address nor unix://<path> ('is not a valid IP')");
            }
        }

        if (server.Tls is not { } tls) yield break;
        var protocol = server.Port.Protocol;
        var origin = tls.Origin;
        var certificateFields = new[]
        {
            (tls.ServerCertificate is not null, "ServerCertificate"), (tls.PrivateKey is not null, "PrivateKey"), (tls.CaCertificates is not null, "CaCertificates"),
            (tls.CredentialName is not null, "CredentialName"), (!tls.CredentialNames.IsEmpty, "CredentialNames"), (!tls.TlsCertificates.IsEmpty, "[ServerTlsCertificate]"),
        }.Where(x => x.Item1).Select(x => x.Item2).ToArray();

        // Istio lets a plain HTTP-family server carry TLS settings only for a redirect: pass-through mode (the default) and no files.
        if (!ServerProtocols.IsTls(protocol))
        {
            var httpFamily = ServerProtocols.IsHttp(protocol);
            var redirectOnly = ServerTlsModes.PassesThrough(tls.Mode) && tls.ServerCertificate is null && tls.PrivateKey is null && tls.CaCertificates is null;
            if (httpFamily && !redirectOnly)
                yield return F(origin, string.Empty, $"The plain {protocol} server on port {port} has TLS settings: only HttpsRedirect is allowed there ('server cannot have TLS settings for plain text HTTP ports')");
            else if (!httpFamily)
                yield return F(origin, string.Empty, $"The {protocol} server on port {port} has TLS settings, which only HTTPS and TLS servers take ('server cannot have TLS settings for non HTTPS/TLS ports')");
        }

        if (tls.Mode == ServerTlsModes.IstioMutual && certificateFields.Length > 0)
            yield return F(origin, string.Empty, $"ISTIO_MUTUAL uses the mesh's own certificates: remove {string.Join(", ", certificateFields)} ('ISTIO_MUTUAL TLS cannot have associated certificates')");

        var sources = new[] { tls.CredentialName is not null, !tls.CredentialNames.IsEmpty, tls.ServerCertificate is not null || tls.PrivateKey is not null, !tls.TlsCertificates.IsEmpty }.Count(x => x);
        if (sources > 1)
            yield return F(origin, string.Empty, "Give the certificate one way: CredentialName, CredentialNames, ServerCertificate with PrivateKey, or [ServerTlsCertificate] ('only one of credential_name, credential_names, server_certificate/private_key, tls_certificates should be specified')");
        if (tls.CredentialNames.Count > 2) yield return F(origin, "CredentialNames", "At most 2 CredentialNames (one RSA, one ECDSA)");
        if (tls.TlsCertificates.Count > 2) yield return F(tls.TlsCertificates[2].Origin, string.Empty, "At most 2 [ServerTlsCertificate]s (one RSA, one ECDSA)");

        if (ServerTlsModes.ServesCertificate(tls.Mode) && tls.CredentialName is null && tls.CredentialNames.IsEmpty)
        {
            if (tls.TlsCertificates.IsEmpty && (tls.ServerCertificate is null) != (tls.PrivateKey is null))
                yield return F(origin, tls.ServerCertificate is null ? "ServerCertificate" : "PrivateKey", $"{tls.Mode} TLS with files needs both ServerCertificate and PrivateKey");
            foreach (var cert in tls.TlsCertificates.Where(c => c.ServerCertificate is null || c.PrivateKey is null))
                yield return F(cert.Origin, string.Empty, "Each [ServerTlsCertificate] needs both its server certificate and its private key");
            if (ServerTlsModes.ChecksClients(tls.Mode) && tls.CaCertificates is null && tls.TlsCertificates.All(c => c.CaCertificates is null))
                yield return F(origin, "CaCertificates", $"{tls.Mode} TLS checks client certificates: set CaCertificates, or use a CredentialName whose secret holds ca.crt ('MUTUAL TLS requires a client CA bundle')");
            if (tls.Mode == ServerTlsModes.Simple && tls.CaCrl is not null)
                yield return F(origin, "CaCrl", "A CRL has no use with SIMPLE TLS, which checks no client certificates ('CRL is not supported with SIMPLE TLS')");
        }
        else if (tls.CaCrl is not null && (tls.CredentialName is not null || !tls.CredentialNames.IsEmpty) && !ServerTlsModes.ServesCertificate(tls.Mode))
        {
            yield return F(origin, "CaCrl", "With a credential, the CRL belongs in the credential's secret ('CRL is not supported with credentialName')");
        }
    }

    /// <summary><c>[namespace/]host</c>: namespace '*', '.' or a label; host '*', a '*.' wildcard or an FQDN (no short names), or an IP.</summary>
    private static string? HostProblem(string host)
    {
        var slash = host.IndexOf('/');
        var ns = slash >= 0 ? host.Substring(0, slash) : null;
        var name = slash >= 0 ? host.Substring(slash + 1) : host;
        if (ns is not null && ns != "*" && ns != "." && Names.Label(ns) is { } nsWhy) return "namespace '" + ns + "': " + nsWhy;
        if (name == "*" || IPAddress.TryParse(name, out _)) return null;
        if (name.IndexOf('*') > 0 || (name.StartsWith("*", System.StringComparison.Ordinal) && !name.StartsWith("*.", System.StringComparison.Ordinal)))
            return "partial wildcards are not allowed: use '*' or a '*.' prefix";
        if (name.IndexOf('.') < 0) return "short names are not allowed in a Gateway: use the fully qualified name (such as reviews.example.com)";
        return null;
    }

    private static Finding F(SourceRef origin, string field, string message) => Finding(RuleIds.InvalidServer, origin, field, message);
}
