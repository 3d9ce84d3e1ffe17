using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using MeshDsl.Model;

namespace MeshDsl.Emit;

/// <summary>
/// What a test needs to address a service by its C# type at run time: its host, namespace and port, and which C# type is which
/// subset. The attributes are not kept in the compiled assembly, so the generator embeds this text beside the manifests
/// (<c>MeshDsl.Service|&lt;type&gt;</c>) and the testing library reads it back.
/// </summary>
internal sealed record ServiceDescription(string Host, string? Namespace, int? Port, IReadOnlyDictionary<string, string> SubsetsByType)
{
    /// <summary>The text for a service (after MeshDslNamespace).</summary>
    public static string Write(ServiceInfo service)
    {
        var ns = service.Resources.Select(r => r.Metadata.Namespace).FirstOrDefault(n => n is not null) ?? service.Namespace;
        var sb = new StringBuilder();
        sb.Append("host=").Append(service.Host).Append('\n');
        if (ns is not null) sb.Append("namespace=").Append(ns).Append('\n');
        if (!service.Ports.IsEmpty) sb.Append("port=").Append(service.Ports[0].ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var subset in service.Resources.OfType<DestinationRule>().SelectMany(dr => dr.Spec.Subsets).Where(s => s.Origin.Document.Length > 0))
        {
            sb.Append("subset ").Append(subset.Origin.Document).Append('=').Append(subset.Name).Append('\n');
        }

        return sb.ToString();
    }

    public static ServiceDescription Parse(string text)
    {
        string host = string.Empty;
        string? ns = null;
        int? port = null;
        var subsets = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            var eq = line.IndexOf('=');
            if (eq < 0) continue;
            var (key, value) = (line.Substring(0, eq), line.Substring(eq + 1));
            if (key == "host") host = value;
            else if (key == "namespace") ns = value;
            else if (key == "port" && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var p)) port = p;
            else if (key.StartsWith("subset ", System.StringComparison.Ordinal)) subsets[key.Substring("subset ".Length)] = value;
        }

        return new ServiceDescription(host, ns, port, subsets);
    }
}
