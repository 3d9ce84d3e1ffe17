using System;
using System.Linq;
using MeshDsl.Helpers;
using MeshDsl.RateLimit;
using YamlDotNet.Core;

namespace MeshDsl.YamlFrontEnd;

/// <summary>
/// envoyproxy/ratelimit's configuration file inside a ConfigMap: the inverse of <see cref="RateLimitConfigText"/>. Its keys are
/// those the service's loader accepts (config_impl.go's validKeys); any other is a problem, as the loader refuses it.
/// </summary>
internal static class RateLimitConfigReader
{
    /// <summary>The configuration in a ConfigMap's <c>data</c> entry, if the entry holds one (a mapping with a <c>domain</c>).</summary>
    public static RateLimitConfig? Read(SourceScalar entry, string[] fileLines, YamlReadContext context, string path)
    {
        var text = entry.Value;
        if (text.IndexOf("domain", StringComparison.Ordinal) < 0) return null;
        System.Collections.Generic.List<SourceNode> documents;
        try
        {
            documents = SourceTree.Load(text);
        }
#pragma warning disable CA1031 // An embedded file that does not parse is a problem of the file, never a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (!text.TrimStart().StartsWith("domain", StringComparison.Ordinal)) return null;
            context.Problem(entry, path, "the rate limit configuration cannot be read: " + ex.Message);
            return null;
        }

        if (documents.Count == 0 || documents[0] is not SourceMap root || root.IndexOf("domain") < 0) return null;

        // A literal or folded block starts on the line after its indicator, at the block's indentation; other styles have no
        // line of their own, so the whole file points at the value.
        var embedded = entry.Style is ScalarStyle.Literal or ScalarStyle.Folded && entry.Line < fileLines.Length
            ? context.Embedded(entry.Line, fileLines[entry.Line].Length - fileLines[entry.Line].TrimStart(' ').Length)
            : context.Embedded(entry.Line - 1, entry.Column - 1);
        var map = new YamlMap(root, embedded, path);
        return map.Checked(new RateLimitConfig(map.String("domain") ?? string.Empty, map.Maps("descriptors").Select(Descriptor).ToEquatableArray(), map.Origin));
    }

    private static RateLimitDescriptor Descriptor(YamlMap d)
    {
        var limit = d.Map("rate_limit");
        RateLimitPolicy? policy = null;
        if (limit.Exists)
        {
            foreach (var replaced in limit.Maps("replaces")) replaced.Checked(replaced.String("name"));
            policy = limit.Checked(new RateLimitPolicy(limit.String("unit"), limit.Int("requests_per_unit"), limit.Bool("unlimited"), limit.String("name")));
        }

        // Read so they are known keys; MeshDsl does not model them (its C# cannot write them).
        foreach (var known in new[] { "quota_mode", "value_to_metric", "share_threshold", "metadata" }) d.Child(known);
        return d.Checked(new RateLimitDescriptor(
            d.String("key") ?? string.Empty,
            d.String("value"),
            policy,
            d.Bool("shadow_mode"),
            d.Bool("detailed_metric"),
            d.Maps("descriptors").Select(Descriptor).ToEquatableArray(),
            d.Origin));
    }
}
