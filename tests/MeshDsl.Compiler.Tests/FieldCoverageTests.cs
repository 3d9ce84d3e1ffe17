using System.Text.RegularExpressions;
using MeshDsl.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.Tests;

/// <summary>
/// Every field of the v1 schemas of VirtualService, DestinationRule and Gateway is emitted by some sample, or is listed,
/// with the reason, in docs/field-coverage.md. The list there is checked both ways: a field that becomes covered must leave it.
/// A field is a field of one of Istio's messages: <c>LoadBalancerSettings.simple</c> is the same field in the
/// DestinationRule's traffic policy, a subset's, and a port's, so paths are named after the message that holds them.
/// </summary>
public class FieldCoverageTests
{
    private static readonly string[] Kinds = { "VirtualService", "DestinationRule", "Gateway" };

    [Fact]
    public void Every_schema_field_is_emitted_by_a_sample_or_documented_and_every_sample_validates()
    {
        var emitted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sample in TestCompilation.AllSamples())
        {
            var manifests = TestCompilation.Run(TestCompilation.Create(TestCompilation.Sample(sample))).Manifests();
            foreach (var yaml in manifests.Values)
            {
                var doc = (YamlMappingNode)YamlTree.ParseSingle(yaml);
                var kind = ((YamlScalarNode)doc["kind"]).Value!;
                var errors = CrdValidator.Validate(doc);
                Assert.True(errors.Count == 0, $"{sample}: {string.Join("; ", errors)}\n{yaml}");
                if (Kinds.Contains(kind)) Collect(doc["spec"], Schema(kind), kind + ".spec", kind, emitted);
            }
        }

        var schemaFields = Kinds.SelectMany(SchemaLeaves).Distinct().ToArray();
        var uncovered = schemaFields.Where(f => !emitted.Contains(f)).OrderBy(f => f, StringComparer.Ordinal).ToArray();
        var documented = DocumentedExceptions();
        Assert.True(uncovered.SequenceEqual(documented.Keys.OrderBy(k => k, StringComparer.Ordinal)),
            "Fields no sample emits, and docs/field-coverage.md's list, differ.\nNot emitted and not documented:\n  "
            + string.Join("\n  ", uncovered.Except(documented.Keys))
            + "\nDocumented but emitted (remove them from the page):\n  "
            + string.Join("\n  ", documented.Keys.Except(uncovered)));
        Assert.All(documented, d => Assert.False(string.IsNullOrWhiteSpace(d.Value), $"{d.Key} needs a reason"));
    }

    /// <summary>Walks a document beside its schema, so map keys (<c>additionalProperties</c>) are named <c>{}</c>, not by their value.</summary>
    private static void Collect(YamlNode node, YamlMappingNode schema, string path, string kind, HashSet<string> into)
    {
        if (Child(schema, "properties") is YamlMappingNode props && node is YamlMappingNode map)
        {
            foreach (var entry in map.Children)
            {
                var key = ((YamlScalarNode)entry.Key).Value!;
                Assert.True(Child(props, key) is YamlMappingNode, $"{path}.{key} is not in the schema");
                Collect(entry.Value, (YamlMappingNode)Child(props, key)!, path + "." + key, kind, into);
            }
        }
        else if (Child(schema, "items") is YamlMappingNode items && node is YamlSequenceNode seq)
        {
            foreach (var item in seq.Children) Collect(item, items, path + "[]", kind, into);
        }
        else if (Child(schema, "additionalProperties") is YamlMappingNode additional && node is YamlMappingNode entries && !IsLeaf(additional))
        {
            foreach (var entry in entries.Children) Collect(entry.Value, additional, path + "{}", kind, into);
        }
        else
        {
            into.Add(Normalize(kind, path));
        }
    }

    private static YamlNode? Child(YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    private static bool IsLeaf(YamlMappingNode schema) => Child(schema, "properties") is null && Child(schema, "items") is null;

    private static YamlMappingNode Schema(string kind)
    {
        var crd = (YamlMappingNode)YamlTree.ParseSingle(File.ReadAllText(Path.Combine(Paths.CrdDir, kind.ToLowerInvariant() + ".yaml")));
        var version = ((YamlSequenceNode)((YamlMappingNode)crd["spec"])["versions"]).Children.Cast<YamlMappingNode>()
            .Single(v => ((YamlScalarNode)v["name"]).Value == "v1");
        return (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)version["schema"])["openAPIV3Schema"])["properties"])["spec"];
    }

    /// <summary>The schema's leaves, named as <see cref="Collect"/> names them.</summary>
    private static IEnumerable<string> SchemaLeaves(string kind)
    {
        var result = new List<string>();
        Walk(Schema(kind), kind + ".spec", kind, result);
        return result;
    }

    private static void Walk(YamlMappingNode schema, string path, string kind, List<string> into)
    {
        if (Child(schema, "properties") is YamlMappingNode props)
        {
            foreach (var p in props.Children) Walk((YamlMappingNode)p.Value, path + "." + ((YamlScalarNode)p.Key).Value, kind, into);
        }
        else if (Child(schema, "items") is YamlMappingNode items)
        {
            Walk(items, path + "[]", kind, into);
        }
        else if (Child(schema, "additionalProperties") is YamlMappingNode additional && !IsLeaf(additional))
        {
            Walk(additional, path + "{}", kind, into);
        }
        else
        {
            into.Add(Normalize(kind, path));
        }
    }

    /// <summary>Restarts the path at the innermost Istio message it passes through, so a message's fields count once.</summary>
    internal static string Normalize(string kind, string path)
    {
        var segments = path.Split('.');
        var result = new List<string>();
        string? previous = null;
        string? currentType = null;
        foreach (var segment in segments)
        {
            var type = MessageOf(kind, segment, previous, currentType);
            if (type is not null)
            {
                result.Clear();
                result.Add(type);
                currentType = type;
            }
            else
            {
                result.Add(segment);
            }

            previous = segment;
        }

        return string.Join(".", result);
    }

    private static string? MessageOf(string kind, string segment, string? previous, string? currentType) => (kind, segment) switch
    {
        ("DestinationRule", "trafficPolicy") => "TrafficPolicy",
        ("DestinationRule", "portLevelSettings[]") => "TrafficPolicy.PortTrafficPolicy",
        ("DestinationRule", "loadBalancer") => "LoadBalancerSettings",
        ("DestinationRule", "connectionPool") => "ConnectionPoolSettings",
        ("DestinationRule", "outlierDetection") => "OutlierDetection",
        ("DestinationRule", "tls") => "ClientTLSSettings",
        ("VirtualService", "destination" or "mirror") => "Destination",
        ("VirtualService", "headers") => "Headers",
        ("VirtualService", "request" or "response") when currentType == "Headers" => "HeaderOperations",
        ("VirtualService", "uri" or "scheme" or "method" or "authority") when previous == "match[]" => "StringMatch",
        ("VirtualService", "headers{}" or "queryParams{}" or "withoutHeaders{}" or "allowOrigins[]") => "StringMatch",
        ("VirtualService", "percentage" or "mirrorPercentage") => "Percent",
        _ => null,
    };

    /// <summary>The table rows of docs/field-coverage.md: <c>| `path` | reason |</c>.</summary>
    private static Dictionary<string, string> DocumentedExceptions()
    {
        var page = Path.Combine(Paths.RepoRoot, "docs", "field-coverage.md");
        var rows = File.Exists(page) ? File.ReadAllLines(page) : Array.Empty<string>();
        return rows.Select(r => Regex.Match(r, @"^\|\s*`([^`]+)`\s*\|\s*(.*?)\s*\|\s*$"))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
    }
}
