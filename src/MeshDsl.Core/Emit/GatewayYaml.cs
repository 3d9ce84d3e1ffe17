using MeshDsl.Model;
using MeshDsl.Yaml;

namespace MeshDsl.Emit;

/// <summary>A Gateway's spec, keys in the order of Istio's documentation.</summary>
internal static class GatewayYaml
{
    public static YamlMapping Spec(GatewaySpec spec) => new YamlMapping()
        .AddLabels("selector", spec.Selector)
        .AddList("servers", spec.Servers, s => new YamlMapping()
            .Add("port", new YamlMapping()
                .Add("number", s.Port.Number)
                .Add("name", s.Port.Name)
                .Add("protocol", s.Port.Protocol)
                .Add("targetPort", s.Port.TargetPort))
            .Add("bind", s.Bind)
            .AddStrings("hosts", s.Hosts)
            .AddIfAny("tls", Tls(s.Tls))
            .Add("defaultEndpoint", s.DefaultEndpoint)
            .Add("name", s.Name));

    private static YamlMapping? Tls(ServerTlsSettings? t) => t is null
        ? null
        : new YamlMapping()
            .Add("httpsRedirect", t.HttpsRedirect)
            .Add("mode", t.Mode)
            .Add("serverCertificate", t.ServerCertificate)
            .Add("privateKey", t.PrivateKey)
            .Add("caCertificates", t.CaCertificates)
            .Add("caCrl", t.CaCrl)
            .Add("credentialName", t.CredentialName)
            .AddStrings("credentialNames", t.CredentialNames)
            .AddList("tlsCertificates", t.TlsCertificates, c => new YamlMapping()
                .Add("serverCertificate", c.ServerCertificate)
                .Add("privateKey", c.PrivateKey)
                .Add("caCertificates", c.CaCertificates))
            .AddStrings("subjectAltNames", t.SubjectAltNames)
            .AddStrings("verifyCertificateSpki", t.VerifyCertificateSpki)
            .AddStrings("verifyCertificateHash", t.VerifyCertificateHash)
            .Add("minProtocolVersion", t.MinProtocolVersion)
            .Add("maxProtocolVersion", t.MaxProtocolVersion)
            .AddStrings("cipherSuites", t.CipherSuites)
            .AddStrings("ecdhCurves", t.EcdhCurves)
            .Add("insecureSkipVerify", t.InsecureSkipVerify)
            .Add("caCertCredentialName", t.CaCertCredentialName);
}
