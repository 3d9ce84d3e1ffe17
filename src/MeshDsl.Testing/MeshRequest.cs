using System;
using System.Collections.Generic;

namespace MeshDsl.Testing;

/// <summary>
/// A request to route through the mesh: to a <c>[MeshService]</c> type (its host, namespace and port) or to a host, with a
/// path, method and headers, from a client namespace and workload labels, or through a gateway.
/// </summary>
public sealed class MeshRequest
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _sourceLabels = new(StringComparer.Ordinal);

    private MeshRequest(Type? service, string? authority, int? port, string path)
    {
        Service = service;
        Authority = authority;
        Port = port;
        Path = path;
    }

    internal Type? Service { get; }

    internal string? Authority { get; }

    internal int? Port { get; }

    internal string Path { get; }

    internal string Method { get; private set; } = "GET";

    internal string Scheme { get; private set; } = "http";

    internal string? SourceNamespace { get; private set; }

    internal string? Gateway { get; private set; }

    internal IReadOnlyDictionary<string, string> Headers => _headers;

    internal IReadOnlyDictionary<string, string> SourceLabels => _sourceLabels;

    /// <summary>A request to the service declared by <typeparamref name="TService"/> (a <c>[MeshService]</c> class).</summary>
    public static MeshRequest To<TService>(string path = "/") => To(typeof(TService), path);

    public static MeshRequest To(Type service, string path = "/") => new(service ?? throw new ArgumentNullException(nameof(service)), null, null, Checked(path));

    /// <summary>A request to a host as a client writes it (<c>reviews</c>, <c>api.example.com</c>), on a port.</summary>
    public static MeshRequest ToHost(string authority, int port = 80, string path = "/") =>
        new(null, authority ?? throw new ArgumentNullException(nameof(authority)), port, Checked(path));

    public MeshRequest WithMethod(string method)
    {
        Method = method ?? throw new ArgumentNullException(nameof(method));
        return this;
    }

    public MeshRequest WithHeader(string name, string value)
    {
        _headers[name ?? throw new ArgumentNullException(nameof(name))] = value ?? throw new ArgumentNullException(nameof(value));
        return this;
    }

    /// <summary>The client's namespace; the service's own when not set.</summary>
    public MeshRequest FromNamespace(string ns)
    {
        SourceNamespace = ns ?? throw new ArgumentNullException(nameof(ns));
        return this;
    }

    /// <summary>A label of the client's workload (for <c>sourceLabels</c> matches).</summary>
    public MeshRequest FromLabel(string key, string value)
    {
        _sourceLabels[key ?? throw new ArgumentNullException(nameof(key))] = value ?? throw new ArgumentNullException(nameof(value));
        return this;
    }

    /// <summary>The request enters through this gateway (<c>namespace/name</c>), over <paramref name="scheme"/>.</summary>
    public MeshRequest ThroughGateway(string gateway, string scheme = "https")
    {
        Gateway = gateway ?? throw new ArgumentNullException(nameof(gateway));
        Scheme = scheme ?? throw new ArgumentNullException(nameof(scheme));
        return this;
    }

    private static string Checked(string path) =>
        path is not null && path.StartsWith("/", StringComparison.Ordinal) ? path : throw new ArgumentException("a path starts with '/'", nameof(path));
}
