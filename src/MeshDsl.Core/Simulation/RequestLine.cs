using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MeshDsl.Simulation;

/// <summary>
/// A request written as a person types it: <c>GET http://reviews:9080/api/reviews -H 'x-user-group: beta'</c> (the method may be
/// left out for GET; quotes as a shell takes them). The port is the URL's, else the scheme's (80, 443).
/// </summary>
internal static class RequestLine
{
    /// <summary>The request, or null with the reason it cannot be read.</summary>
    public static SimulatedRequest? Parse(string text, string sourceNamespace, string? gateway, IReadOnlyDictionary<string, string>? sourceLabels, out string? error)
    {
        error = null;
        var tokens = Tokens(text);
        if (tokens is null)
        {
            error = "a quote is not closed";
            return null;
        }

        var i = 0;
        var method = "GET";
        if (tokens.Count > 0 && tokens[0].IndexOf("://", System.StringComparison.Ordinal) < 0) method = tokens[i++].ToUpperInvariant();
        if (i >= tokens.Count)
        {
            error = "no URL: write it as http://host[:port]/path";
            return null;
        }

        var url = tokens[i++];
        var schemeEnd = url.IndexOf("://", System.StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            error = $"'{url}' is not a URL: write it as http://host[:port]/path";
            return null;
        }

        var scheme = url.Substring(0, schemeEnd).ToLowerInvariant();
        var rest = url.Substring(schemeEnd + 3);
        var slash = rest.IndexOfAny(new[] { '/', '?' });
        var authority = slash < 0 ? rest : rest.Substring(0, slash);
        var path = slash < 0 ? "/" : rest.Substring(slash);
        if (path.StartsWith("?", System.StringComparison.Ordinal)) path = "/" + path;
        var port = scheme == "https" ? 443 : 80;
        var colon = authority.LastIndexOf(':');
        if (colon > 0 && authority.IndexOf(']') < colon)
        {
            if (!int.TryParse(authority.Substring(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
            {
                error = $"'{authority.Substring(colon + 1)}' is not a port";
                return null;
            }
        }

        if (authority.Length == 0 || (colon == 0))
        {
            error = $"'{url}' names no host";
            return null;
        }

        var headers = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase);
        while (i < tokens.Count)
        {
            var option = tokens[i++];
            if ((option == "-H" || option == "--header") && i < tokens.Count)
            {
                var header = tokens[i++];
                var separator = header.IndexOf(':');
                if (separator <= 0)
                {
                    error = $"'{header}' is not a header: write it as 'name: value'";
                    return null;
                }

                headers[header.Substring(0, separator).Trim()] = header.Substring(separator + 1).Trim();
                continue;
            }

            error = $"'{option}' is not understood: after the URL, only -H 'name: value'";
            return null;
        }

        return SimulatedRequest.Create(authority, port, method, path, scheme, headers, sourceLabels, sourceNamespace, gateway);
    }

    private static List<string>? Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var inToken = false;
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is { } q)
            {
                if (c == q) quote = null;
                else current.Append(c);
                continue;
            }

            if (c is '\'' or '"')
            {
                quote = c;
                inToken = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inToken) tokens.Add(current.ToString());
                current.Clear();
                inToken = false;
            }
            else
            {
                current.Append(c);
                inToken = true;
            }
        }

        if (quote is not null) return null;
        if (inToken) tokens.Add(current.ToString());
        return tokens;
    }
}
