using MeshDsl;

namespace Seed.Gateway;

[Gateway("production-gateway", Selector = new[] { "istio=ingress" })]
public partial class ProductionGateway
{
    [Server(443, ServerProtocol.Https, PortName = "https", Hosts = new[] { "app.example.com", "api.example.com" })]
    [ServerTls(ServerTlsMode.Simple, CredentialName = "production-tls")]
    public partial class Https { }

    // Plain HTTP only redirects to HTTPS.
    [Server(80, ServerProtocol.Http, PortName = "http", Hosts = new[] { "app.example.com", "api.example.com" })]
    [ServerTls(HttpsRedirect = true)]
    public partial class Http { }

    // Partners present a client certificate (mutual TLS).
    [Server(443, ServerProtocol.Https, PortName = "https-mtls", Hosts = new[] { "partner-api.example.com" })]
    [ServerTls(ServerTlsMode.Mutual, CredentialName = "partner-mtls-cert")]
    public partial class PartnerMtls { }
}
