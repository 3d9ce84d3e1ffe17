using System.Linq;
using System.Text.RegularExpressions;

namespace MeshDsl.Rules;

/// <summary>Istio's and Kubernetes' name rules (validation.md §1): each returns why a value is invalid, or null.</summary>
internal static class Names
{
    private static readonly Regex Dns1123Label = new("^[a-z0-9]([-a-z0-9]*[a-z0-9])?\\z", RegexOptions.CultureInvariant);
    private static readonly Regex IstioLabel = new("^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?\\z", RegexOptions.CultureInvariant);
    private static readonly Regex LabelName = new("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?\\z", RegexOptions.CultureInvariant);
    private static readonly Regex LabelValue = new("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?\\z", RegexOptions.CultureInvariant);

    /// <summary>A Kubernetes object name of an Istio resource (DNS-1123 subdomain: lower case, digits, '-' and '.').</summary>
    public static string? ResourceName(string name)
    {
        if (name.Length == 0) return "it is empty";
        if (name.Length > 253) return "it is longer than 253 characters";
        return name.Split('.').All(l => l.Length <= 63 && Dns1123Label.IsMatch(l))
            ? null
            : "use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit";
    }

    /// <summary>A namespace, or a Gateway name: a DNS-1123 label.</summary>
    public static string? Label(string name)
    {
        if (name.Length == 0) return "it is empty";
        if (name.Length > 63) return "it is longer than 63 characters";
        return Dns1123Label.IsMatch(name) ? null : "use lower-case letters, digits and '-', starting and ending with a letter or digit";
    }

    /// <summary>A subset name: a DNS-1123 label, upper case accepted by Istio.</summary>
    public static string? SubsetName(string name) =>
        name.Length == 0 ? "it is empty"
        : name.Length > 63 ? "it is longer than 63 characters"
        : IstioLabel.IsMatch(name) ? null
        : "use letters, digits and '-', starting and ending with a letter or digit";

    /// <summary>A host: a domain whose first label may be a wildcard, or a short service name.</summary>
    public static string? Host(string host, bool allowBareWildcard = true)
    {
        if (host.Length == 0) return "it is empty";
        if (host.Length > 255) return "it is longer than 255 characters";
        if (host == "*") return allowBareWildcard ? null : "'*' is not a destination";
        var labels = host.TrimEnd('.').Split('.');
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (i == 0 && label.StartsWith("*", System.StringComparison.Ordinal))
            {
                label = label.Substring(1).TrimStart('-');
                if (label.Length == 0) continue;
            }

            if (label.Length == 0 || label.Length > 63 || !IstioLabel.IsMatch(label)) return "label '" + labels[i] + "' is not a DNS-1123 label";
        }

        if (labels.Length > 1 && labels[labels.Length - 1].All(char.IsDigit) && !System.Net.IPAddress.TryParse(host, out _))
        {
            return "the top-level domain is all digits";
        }

        return null;
    }

    /// <summary>A label key (optional DNS prefix and '/') and value.</summary>
    public static string? LabelPair(string key, string value)
    {
        var slash = key.LastIndexOf('/');
        var prefix = slash >= 0 ? key.Substring(0, slash) : null;
        var name = slash >= 0 ? key.Substring(slash + 1) : key;
        if (name.Length == 0 || name.Length > 63 || !LabelName.IsMatch(name)) return "key '" + key + "' is not a valid label key";
        if (prefix is not null && (prefix.Length > 253 || ResourceName(prefix) is not null)) return "the prefix of key '" + key + "' is not a DNS subdomain";
        if (value.Length > 63 || !LabelValue.IsMatch(value)) return "value '" + value + "' is not a valid label value";
        return null;
    }
}
