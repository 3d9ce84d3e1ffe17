using System;
using System.Diagnostics;

namespace MeshDsl;

/// <summary>
/// Marks a class nested in a <see cref="GatewayAttribute"/> class as one of its <c>servers</c>, in declaration order.
/// TLS settings come from <see cref="ServerTlsAttribute"/> on the same class.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class ServerAttribute : Attribute
{
    /// <param name="port"><c>port.number</c>.</param>
    /// <param name="protocol"><c>port.protocol</c>.</param>
    public ServerAttribute(int port, ServerProtocol protocol) => (Port, Protocol) = (port, protocol);

    public int Port { get; }

    public ServerProtocol Protocol { get; }

    /// <summary><c>port.name</c>; defaults to the protocol in lower case.</summary>
    public string? PortName { get; set; }

    /// <summary><c>port.targetPort</c>.</summary>
    public int TargetPort { get; set; }

    /// <summary><c>hosts</c>: the hosts served, <c>[namespace/]dnsName</c>, wildcards allowed.</summary>
    public string[]? Hosts { get; set; }

    public string? Bind { get; set; }

    public string? DefaultEndpoint { get; set; }

    /// <summary>The server's <c>name</c>.</summary>
    public string? Name { get; set; }
}

/// <summary><c>servers[].tls</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class ServerTlsAttribute : Attribute
{
    /// <summary>Only <see cref="HttpsRedirect"/> or certificates, no <c>mode</c>.</summary>
    public ServerTlsAttribute()
    {
    }

    public ServerTlsAttribute(ServerTlsMode mode) => Mode = mode;

    public ServerTlsMode Mode { get; }

    /// <summary><c>httpsRedirect</c>: answers plain HTTP with a 301 to HTTPS.</summary>
    public bool HttpsRedirect { get; set; }

    /// <summary>The Kubernetes secret holding the certificate.</summary>
    public string? CredentialName { get; set; }

    public string[]? CredentialNames { get; set; }

    public string? ServerCertificate { get; set; }

    public string? PrivateKey { get; set; }

    public string? CaCertificates { get; set; }

    public string? CaCrl { get; set; }

    public string? CaCertCredentialName { get; set; }

    public string[]? SubjectAltNames { get; set; }

    public string[]? VerifyCertificateSpki { get; set; }

    public string[]? VerifyCertificateHash { get; set; }

    public TlsProtocolVersion MinProtocolVersion { get; set; }

    public TlsProtocolVersion MaxProtocolVersion { get; set; }

    public string[]? CipherSuites { get; set; }

    public string[]? EcdhCurves { get; set; }

    public bool InsecureSkipVerify { get; set; }
}

/// <summary>One <c>servers[].tls.tlsCertificates</c> entry (several certificates, for example RSA and ECDSA).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class ServerTlsCertificateAttribute : Attribute
{
    public ServerTlsCertificateAttribute(string serverCertificate, string privateKey) => (ServerCertificate, PrivateKey) = (serverCertificate, privateKey);

    public string ServerCertificate { get; }

    public string PrivateKey { get; }

    public string? CaCertificates { get; set; }
}
