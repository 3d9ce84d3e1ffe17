using System.Collections.Generic;
using System.Linq;

namespace MeshDsl.Simulation;

/// <summary>
/// A request as a proxy sees it: the <c>:authority</c> (host, with the port when the client gave one), the destination port,
/// method, path with its query, scheme and headers (names are case-insensitive), and where it comes from: a workload's labels and
/// namespace inside the mesh, or a gateway (<c>namespace/name</c>) it enters through.
/// </summary>
internal sealed record SimulatedRequest(
    string Authority,
    int Port,
    string Method,
    string Path,
    string Scheme,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> SourceLabels,
    string SourceNamespace,
    string? Gateway)
{
    /// <summary>The host of <see cref="Authority"/>, without its port.</summary>
    public string Host
    {
        get
        {
            var colon = Authority.LastIndexOf(':');
            return colon > 0 && Authority.IndexOf(']') < colon && int.TryParse(Authority.Substring(colon + 1), out _) ? Authority.Substring(0, colon) : Authority;
        }
    }

    /// <summary>The path without its query: what Envoy's path matchers compare.</summary>
    public string PathOnly => Path.IndexOf('?') is var q and >= 0 ? Path.Substring(0, q) : Path;

    /// <summary>The query parameters, decoded as Envoy reads them for <c>queryParams</c> matches (the first value of each name).</summary>
    public IReadOnlyDictionary<string, string> Query
    {
        get
        {
            var result = new Dictionary<string, string>(System.StringComparer.Ordinal);
            var q = Path.IndexOf('?');
            if (q < 0) return result;
            foreach (var pair in Path.Substring(q + 1).Split('&').Where(p => p.Length > 0))
            {
                var eq = pair.IndexOf('=');
                var name = System.Uri.UnescapeDataString(eq < 0 ? pair : pair.Substring(0, eq));
                var value = eq < 0 ? string.Empty : System.Uri.UnescapeDataString(pair.Substring(eq + 1).Replace('+', ' '));
                if (!result.ContainsKey(name)) result[name] = value;
            }

            return result;
        }
    }

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, System.StringComparison.OrdinalIgnoreCase)) is { Key: not null } h ? h.Value : null;

    public static SimulatedRequest Create(string authority, int port, string method = "GET", string path = "/", string scheme = "http",
        IReadOnlyDictionary<string, string>? headers = null, IReadOnlyDictionary<string, string>? sourceLabels = null, string sourceNamespace = "default", string? gateway = null) =>
        new(authority, port, method, path, scheme, headers ?? new Dictionary<string, string>(), sourceLabels ?? new Dictionary<string, string>(), sourceNamespace, gateway);
}
