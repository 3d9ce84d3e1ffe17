using MeshDsl.Helpers;

namespace MeshDsl.Model;

// Names follow Istio's networking.istio.io/v1 API (gateway.proto) field for field.

internal sealed record GatewaySpec(EquatableArray<Label> Selector, EquatableArray<Server> Servers);

internal sealed record Server(
    ServerPort Port,
    string? Bind,
    EquatableArray<string> Hosts,
    ServerTlsSettings? Tls,
    string? DefaultEndpoint,
    string? Name,
    SourceRef Origin);

internal sealed record ServerPort(int Number, string Protocol, string Name, int? TargetPort);

internal sealed record ServerTlsSettings(
    bool? HttpsRedirect,
    string? Mode,
    string? ServerCertificate,
    string? PrivateKey,
    string? CaCertificates,
    string? CaCrl,
    string? CredentialName,
    EquatableArray<string> CredentialNames,
    EquatableArray<TlsCertificate> TlsCertificates,
    EquatableArray<string> SubjectAltNames,
    EquatableArray<string> VerifyCertificateSpki,
    EquatableArray<string> VerifyCertificateHash,
    string? MinProtocolVersion,
    string? MaxProtocolVersion,
    EquatableArray<string> CipherSuites,
    EquatableArray<string> EcdhCurves,
    bool? InsecureSkipVerify,
    string? CaCertCredentialName,
    SourceRef Origin);

internal sealed record TlsCertificate(string? ServerCertificate, string? PrivateKey, string? CaCertificates, SourceRef Origin);
