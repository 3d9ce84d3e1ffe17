using System.Collections.Concurrent;
using MeshDsl.Istio;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.Tests.Support;

/// <summary>
/// Validates a manifest against Istio's CRD (structural OpenAPI v3 schema as the API server applies it):
/// types, enums, ranges, formats, required, oneOf/anyOf/allOf/not, and unknown fields, which the API server
/// would drop silently. The CEL rules these CRDs use are evaluated too (durations, "at most one of", keys).
/// </summary>
internal static class CrdValidator
{
    private static readonly ConcurrentDictionary<string, YamlMappingNode> Schemas = new();

    public static IReadOnlyList<string> Validate(YamlNode document)
    {
        var errors = new List<string>();
        if (document is not YamlMappingNode root)
        {
            return new[] { "document is not a mapping" };
        }

        var kind = Scalar(root, "kind");
        var apiVersion = Scalar(root, "apiVersion");

        // Kubernetes' own kinds (Deployment, Service) are checked by the API server's built-in schemas, which this
        // repository does not carry; only Istio's CRDs are validated here.
        if (apiVersion is "v1" or "apps/v1") return Array.Empty<string>();
        var version = apiVersion?.Split('/').Last();
        var file = kind is null ? null : Paths.Crd(kind.ToLowerInvariant() + ".yaml") ?? Paths.EngineCrd(kind);
        if (kind is null || version is null || file is null)
        {
            return new[] { $"no CRD for kind '{kind}'" };
        }

        var schema = Schemas.GetOrAdd(kind + "/" + version, _ => LoadSchema(file, kind, version));
        if (!root.Children.TryGetValue(new YamlScalarNode("metadata"), out var metadata) || Scalar((YamlMappingNode)metadata, "name") is null)
        {
            errors.Add("metadata.name is required");
        }

        // metadata is validated by the API server's ObjectMeta, not the CRD schema.
        var body = new YamlMappingNode(root.Children.Where(c => ((YamlScalarNode)c.Key).Value is not ("apiVersion" or "kind" or "metadata")));
        Check(body, schema, "", errors);
        return errors;
    }

    /// <summary>The schema of a kind at a version, from its CRD file (Flagger's file holds three CRDs).</summary>
    private static YamlMappingNode LoadSchema(string file, string kind, string version)
    {
        var crd = YamlTree.Parse(File.ReadAllText(file)).Cast<YamlMappingNode>()
            .Single(d => Scalar((YamlMappingNode)((YamlMappingNode)d["spec"])["names"], "kind") == kind);
        var versions = (YamlSequenceNode)((YamlMappingNode)crd["spec"])["versions"];
        var entry = versions.Children.Cast<YamlMappingNode>().Single(v => Scalar(v, "name") == version);
        return (YamlMappingNode)((YamlMappingNode)entry["schema"])["openAPIV3Schema"];
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;

    private static void Check(YamlNode value, YamlMappingNode schema, string path, List<string> errors)
    {
        var where = path.Length == 0 ? "(root)" : path;
        var type = Scalar(schema, "type");
        var intOrString = Scalar(schema, "x-kubernetes-int-or-string") == "true";

        if (value is YamlScalarNode nullScalar && YamlTree.Resolve(nullScalar) == "null")
        {
            if (Scalar(schema, "nullable") != "true") errors.Add($"{where}: null is not allowed");
            return;
        }

        if (intOrString)
        {
            if (value is not YamlScalarNode s || YamlTree.Resolve(s) is not ("integer" or "string")) errors.Add($"{where}: expected an integer or a string");
        }
        else
        {
            switch (type)
            {
                case "object":
                    if (value is not YamlMappingNode map)
                    {
                        errors.Add($"{where}: expected an object");
                        return;
                    }

                    CheckObject(map, schema, path, errors);
                    break;
                case "array":
                    if (value is not YamlSequenceNode seq)
                    {
                        errors.Add($"{where}: expected an array");
                        return;
                    }

                    if (Child(schema, "maxItems") is YamlScalarNode max && seq.Children.Count > int.Parse(max.Value!)) errors.Add($"{where}: more than {max.Value} items");
                    if (Child(schema, "minItems") is YamlScalarNode min && seq.Children.Count < int.Parse(min.Value!)) errors.Add($"{where}: fewer than {min.Value} items");
                    if (Child(schema, "items") is YamlMappingNode items)
                    {
                        for (var i = 0; i < seq.Children.Count; i++) Check(seq.Children[i], items, $"{path}[{i}]", errors);
                    }

                    break;
                case "string" or "integer" or "number" or "boolean":
                    if (value is not YamlScalarNode scalar)
                    {
                        errors.Add($"{where}: expected a {type}");
                        return;
                    }

                    CheckScalar(scalar, type, schema, where, errors);
                    break;
            }
        }

        foreach (var (keyword, combine) in new (string, Func<int, int, bool>)[]
                 {
                     ("oneOf", (ok, n) => ok == 1), ("anyOf", (ok, n) => ok >= 1), ("allOf", (ok, n) => ok == n),
                 })
        {
            if (Child(schema, keyword) is not YamlSequenceNode branches) continue;
            var passing = branches.Children.Count(b => Matches(value, (YamlMappingNode)b, path));
            if (!combine(passing, branches.Children.Count)) errors.Add($"{where}: does not satisfy {keyword} ({passing} of {branches.Children.Count} branches match)");
        }

        if (Child(schema, "not") is YamlMappingNode not && Matches(value, not, path)) errors.Add($"{where}: matches a 'not' schema");
        CheckCel(value, schema, where, errors);
    }

    private static bool Matches(YamlNode value, YamlMappingNode schema, string path)
    {
        var errors = new List<string>();
        Check(value, schema, path, errors);
        if (Child(schema, "required") is YamlSequenceNode required && value is YamlMappingNode map)
        {
            foreach (var r in required.Children.Cast<YamlScalarNode>())
            {
                if (!map.Children.ContainsKey(r)) errors.Add("missing " + r.Value);
            }
        }

        return errors.Count == 0;
    }

    private static void CheckObject(YamlMappingNode map, YamlMappingNode schema, string path, List<string> errors)
    {
        var properties = Child(schema, "properties") as YamlMappingNode;
        var additional = Child(schema, "additionalProperties") as YamlMappingNode;
        var preserve = Scalar(schema, "x-kubernetes-preserve-unknown-fields") == "true";
        if (Child(schema, "required") is YamlSequenceNode required)
        {
            foreach (var r in required.Children.Cast<YamlScalarNode>())
            {
                if (!map.Children.ContainsKey(r)) errors.Add($"{(path.Length == 0 ? "(root)" : path)}: '{r.Value}' is required");
            }
        }

        if (Child(schema, "maxProperties") is YamlScalarNode maxProps && map.Children.Count > int.Parse(maxProps.Value!))
        {
            errors.Add($"{path}: more than {maxProps.Value} properties");
        }

        foreach (var entry in map.Children)
        {
            var key = ((YamlScalarNode)entry.Key).Value!;
            var childPath = path.Length == 0 ? key : path + "." + key;
            if (properties is not null && Child(properties, key) is YamlMappingNode propertySchema)
            {
                Check(entry.Value, propertySchema, childPath, errors);
            }
            else if (additional is not null)
            {
                Check(entry.Value, additional, childPath, errors);
            }
            else if (!preserve)
            {
                errors.Add($"{childPath}: unknown field (the API server would drop it)");
            }
        }
    }

    private static void CheckScalar(YamlScalarNode scalar, string type, YamlMappingNode schema, string where, List<string> errors)
    {
        var resolved = YamlTree.Resolve(scalar);
        var ok = type switch
        {
            "string" => resolved == "string",
            "integer" => resolved == "integer",
            "number" => resolved is "integer" or "number",
            "boolean" => resolved == "boolean" && scalar.Value is "true" or "false",
            _ => true,
        };
        if (!ok)
        {
            errors.Add($"{where}: '{scalar.Value}' is read as {resolved}, the schema wants {type}");
            return;
        }

        if (Child(schema, "enum") is YamlSequenceNode values && !values.Children.Cast<YamlScalarNode>().Any(v => v.Value == scalar.Value))
        {
            errors.Add($"{where}: '{scalar.Value}' is not one of {string.Join(", ", values.Children.Cast<YamlScalarNode>().Select(v => v.Value))}");
        }

        if (type is "integer" or "number" && double.TryParse(scalar.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            if (Scalar(schema, "minimum") is { } min && number < double.Parse(min, System.Globalization.CultureInfo.InvariantCulture)) errors.Add($"{where}: {number} is below {min}");
            if (Scalar(schema, "maximum") is { } max && number > double.Parse(max, System.Globalization.CultureInfo.InvariantCulture)) errors.Add($"{where}: {number} is above {max}");
            var format = Scalar(schema, "format");
            if (format == "int32" && (number < int.MinValue || number > int.MaxValue)) errors.Add($"{where}: {number} does not fit int32");
            if (format == "uint32" && (number < 0 || number > uint.MaxValue)) errors.Add($"{where}: {number} does not fit uint32");
        }

        if (type == "string" && Scalar(schema, "maxLength") is { } maxLength && scalar.Value!.Length > int.Parse(maxLength))
        {
            errors.Add($"{where}: longer than {maxLength}");
        }
    }

    // The CEL rules these CRDs carry, evaluated by hand. An unknown rule fails loudly so a new CRD cannot slip past.
    private static void CheckCel(YamlNode value, YamlMappingNode schema, string where, List<string> errors)
    {
        if (Child(schema, "x-kubernetes-validations") is not YamlSequenceNode rules) return;
        foreach (var rule in rules.Children.Cast<YamlMappingNode>())
        {
            var text = string.Join(" ", Scalar(rule, "rule")!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            var message = Scalar(rule, "message");

            // Transition rules (immutability: self == oldSelf) apply to updates; a manifest is checked as a create.
            if (text.Contains("oldSelf")) continue;
            bool ok;
            switch (text)
            {
                case "duration(self) >= duration('1ms')":
                    ok = value is YamlScalarNode d && IstioDuration.TryParseGo(d.Value, out var ns) && ns >= 1_000_000m;
                    break;
                case "self.all(key, key.size() != 0)":
                    ok = value is not YamlMappingNode m1 || m1.Children.Keys.All(k => ((YamlScalarNode)k).Value!.Length != 0);
                    break;
                case "self.all(key, !key.contains(\"*\"))":
                    ok = value is not YamlMappingNode m2 || m2.Children.Keys.All(k => !((YamlScalarNode)k).Value!.Contains('*'));
                    break;
                case "!self.contains(\"*\")":
                    ok = value is not YamlScalarNode s || !s.Value!.Contains('*');
                    break;
                case "0 < self && self <= 65535":
                    ok = value is YamlScalarNode port && long.TryParse(port.Value, out var number) && number is > 0 and <= 65535;
                    break;
                case "self.size() == 0":
                    ok = value is not YamlScalarNode { Value.Length: > 0 };
                    break;
                case "has(self.context) ? ((self.context == \"WAYPOINT\") ? has(self.waypoint) : !has(self.waypoint)) : !has(self.waypoint)":
                    var match = value as YamlMappingNode;
                    var hasWaypoint = match?.Children.ContainsKey(new YamlScalarNode("waypoint")) == true;
                    ok = match is null || (match.Children.TryGetValue(new YamlScalarNode("context"), out var context) && ((YamlScalarNode)context).Value == "WAYPOINT" ? hasWaypoint : !hasWaypoint);
                    break;
                default:
                    var fields = System.Text.RegularExpressions.Regex.Matches(text, @"has\(self\.(\w+)\)").Select(x => x.Groups[1].Value).ToArray();
                    Assert.True(fields.Length == 2 && text.EndsWith("<= 1"), "CEL rule not understood by the test validator: " + text);
                    ok = value is not YamlMappingNode m3 || fields.Count(f => m3.Children.ContainsKey(new YamlScalarNode(f))) <= 1;
                    break;
            }

            if (!ok) errors.Add($"{where}: {message}");
        }
    }
}
