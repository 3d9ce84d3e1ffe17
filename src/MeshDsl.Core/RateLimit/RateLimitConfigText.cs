using System.Globalization;
using System.Text;
using MeshDsl.Yaml;

namespace MeshDsl.RateLimit;

/// <summary>
/// envoyproxy/ratelimit's configuration file as its documentation and examples lay it out (lists indented under their key),
/// keys in rls_conf.proto's order; values quoted exactly when YAML would read them as something else.
/// </summary>
internal static class RateLimitConfigText
{
    public static string Write(RateLimitConfig config)
    {
        var sb = new StringBuilder();
        sb.Append("domain: ").Append(Text(config.Domain)).Append('\n');
        if (!config.Descriptors.IsEmpty)
        {
            sb.Append("descriptors:\n");
            foreach (var d in config.Descriptors) Descriptor(sb, d, 2);
        }

        return sb.ToString();
    }

    private static void Descriptor(StringBuilder sb, RateLimitDescriptor d, int indent)
    {
        var pad = new string(' ', indent + 2);
        sb.Append(' ', indent).Append("- key: ").Append(Text(d.Key)).Append('\n');
        if (d.Value is not null) sb.Append(pad).Append("value: ").Append(Text(d.Value)).Append('\n');
        if (d.RateLimit is { } limit)
        {
            sb.Append(pad).Append("rate_limit:\n");
            if (limit.Unit is not null) sb.Append(pad).Append("  unit: ").Append(Text(limit.Unit)).Append('\n');
            if (limit.RequestsPerUnit is { } requests) sb.Append(pad).Append("  requests_per_unit: ").Append(requests.ToString(CultureInfo.InvariantCulture)).Append('\n');
            if (limit.Unlimited is { } unlimited) sb.Append(pad).Append("  unlimited: ").Append(unlimited ? "true" : "false").Append('\n');
            if (limit.Name is not null) sb.Append(pad).Append("  name: ").Append(Text(limit.Name)).Append('\n');
        }

        if (d.ShadowMode is { } shadow) sb.Append(pad).Append("shadow_mode: ").Append(shadow ? "true" : "false").Append('\n');
        if (d.DetailedMetric is { } detailed) sb.Append(pad).Append("detailed_metric: ").Append(detailed ? "true" : "false").Append('\n');
        if (!d.Descriptors.IsEmpty)
        {
            sb.Append(pad).Append("descriptors:\n");
            foreach (var child in d.Descriptors) Descriptor(sb, child, indent + 4);
        }
    }

    private static string Text(string value) => YamlWriter.NeedsQuotes(value) ? YamlWriter.Quote(value) : value;
}
