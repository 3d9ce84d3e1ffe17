using MeshDsl;

namespace KitchenSink;

// Every server and TLS field; each server keeps to one way of naming its certificates, as Istio requires.
[Gateway("shop-gateway", Namespace = "shop", Selector = new[] { "istio=ingress", "team=shop" })]
public partial class ShopGateway
{
    // Istio rejects targetPort on a Gateway server (MESH404); the kitchen sink sets it to cover the schema's field.
#pragma warning disable MESH404
    [Server(443, ServerProtocol.Https, PortName = "https-files", TargetPort = 8443, Bind = "0.0.0.0", Name = "files",
        Hosts = new[] { "shop/shop.example.com", "*.shop.example.com" })]
    [ServerTls(ServerTlsMode.Mutual,
        ServerCertificate = "/etc/certs/server.pem", PrivateKey = "/etc/certs/key.pem", CaCertificates = "/etc/certs/ca.pem",
        CaCrl = "/etc/certs/crl.pem", SubjectAltNames = new[] { "spiffe://cluster.local/ns/shop/sa/client" },
        VerifyCertificateSpki = new[] { "sxRqQ3+ZnG5jg0b4z4dwR0KNLRRFS7n6uUQw2jBsbXw=" },
        VerifyCertificateHash = new[] { "25:6C:3D:CE:59:FE:B6:DB:33:63:8F:9A:52:5D:3F:93:11:35:F9:92:5B:22:66:B1:9B:99:5E:40:E1:56:D6:C6" },
        MinProtocolVersion = TlsProtocolVersion.Tls12, MaxProtocolVersion = TlsProtocolVersion.Tls13,
        CipherSuites = new[] { "ECDHE-ECDSA-AES256-GCM-SHA384" }, EcdhCurves = new[] { "X25519", "P-256" })]
    public partial class Files { }
#pragma warning restore MESH404

    [Server(8443, ServerProtocol.Https, PortName = "https-partners", Hosts = new[] { "partners.shop.example.com" })]
    [ServerTls(ServerTlsMode.OptionalMutual, CredentialNames = new[] { "shop-rsa", "shop-ecdsa" }, CaCertCredentialName = "partner-ca")]
    public partial class Partners { }

    [Server(9443, ServerProtocol.Https, PortName = "https-multi", Hosts = new[] { "multi.shop.example.com" })]
    [ServerTls(ServerTlsMode.Simple)]
    [ServerTlsCertificate("/etc/certs/rsa.pem", "/etc/certs/rsa-key.pem", CaCertificates = "/etc/certs/ca.pem")]
    [ServerTlsCertificate("/etc/certs/ecdsa.pem", "/etc/certs/ecdsa-key.pem")]
    public partial class Multi { }

    [Server(15443, ServerProtocol.Tls, PortName = "tls-simple", Hosts = new[] { "*.internal.example.com" })]
    [ServerTls(ServerTlsMode.Simple, CredentialName = "internal-cert", InsecureSkipVerify = true)]
    public partial class Internal { }

    // The remaining TLS modes: the gateway forwards the TLS stream as it is, routes by SNI for the mesh, or speaks Istio's mTLS.
    [Server(15444, ServerProtocol.Tls, PortName = "tls-passthrough", Hosts = new[] { "legacy.shop.example.com" }), ServerTls(ServerTlsMode.Passthrough)]
    public partial class Passthrough { }

    [Server(15445, ServerProtocol.Tls, PortName = "tls-auto", Hosts = new[] { "*.shop.svc.cluster.local" }), ServerTls(ServerTlsMode.AutoPassthrough)]
    public partial class AutoPassthrough { }

    [Server(15446, ServerProtocol.Https, PortName = "https-istio", Hosts = new[] { "mesh.shop.example.com" }), ServerTls(ServerTlsMode.IstioMutual)]
    public partial class IstioMutual { }

    [Server(80, ServerProtocol.Http, Hosts = new[] { "shop.example.com" }, DefaultEndpoint = "127.0.0.1:8080")]
    [ServerTls(HttpsRedirect = true)]
    public partial class Http { }
}
