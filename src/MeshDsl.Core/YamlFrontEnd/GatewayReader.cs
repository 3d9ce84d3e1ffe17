using System.Linq;
using MeshDsl.Helpers;
using MeshDsl.Model;

namespace MeshDsl.YamlFrontEnd;

/// <summary>A Gateway's spec from YAML: the inverse of <see cref="Emit.GatewayYaml"/>, field for field.</summary>
internal static class GatewayReader
{
    public static GatewaySpec Spec(YamlMap spec) => new(
        spec.Labels("selector"),
        spec.Maps("servers").Select(s =>
        {
            var port = s.Map("port");
            var server = new Server(
                new ServerPort(port.Int("number") ?? 0, port.String("protocol") ?? string.Empty, port.String("name") ?? string.Empty, port.Int("targetPort")),
                s.String("bind"),
                s.Strings("hosts"),
                Tls(s.Map("tls")),
                s.String("defaultEndpoint"),
                s.String("name"),
                s.Origin);
            port.ReportUnknown();
            s.ReportUnknown();
            return server;
        }).ToEquatableArray());

    private static ServerTlsSettings? Tls(YamlMap t)
    {
        if (!t.Exists) return null;
        return t.Checked(new ServerTlsSettings(
            t.Bool("httpsRedirect"), t.String("mode"), t.String("serverCertificate"), t.String("privateKey"), t.String("caCertificates"), t.String("caCrl"),
            t.String("credentialName"), t.Strings("credentialNames"),
            t.Maps("tlsCertificates").Select(c => c.Checked(new TlsCertificate(c.String("serverCertificate"), c.String("privateKey"), c.String("caCertificates"), c.Origin))).ToEquatableArray(),
            t.Strings("subjectAltNames"), t.Strings("verifyCertificateSpki"), t.Strings("verifyCertificateHash"), t.String("minProtocolVersion"),
            t.String("maxProtocolVersion"), t.Strings("cipherSuites"), t.Strings("ecdhCurves"), t.Bool("insecureSkipVerify"), t.String("caCertCredentialName"), t.Origin));
    }
}
