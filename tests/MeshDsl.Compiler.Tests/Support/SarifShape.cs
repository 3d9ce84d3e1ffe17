using System.Text.Json;

namespace MeshDsl.Tests.Support;

/// <summary>
/// The SARIF 2.1.0 schema's constraints on every object meshdsl writes, encoded from the OASIS standard's JSON schema
/// (sarif-schema-2.1.0.json): each object's allowed properties (the schema sets additionalProperties: false), its required
/// ones, the level enum, minimums and URI formats. The schema file itself cannot be fetched at test time (no network).
/// </summary>
internal static class SarifShape
{
    private sealed record Shape(string[] Allowed, string[] Required, Dictionary<string, string> Children);

    private static readonly string[] Levels = { "none", "note", "warning", "error" };

    private static readonly Dictionary<string, Shape> Shapes = new()
    {
        ["sarifLog"] = new(new[] { "$schema", "version", "runs", "inlineExternalProperties", "properties" }, new[] { "version", "runs" }, new() { ["runs"] = "run[]" }),
        ["run"] = new(new[] { "tool", "invocations", "conversion", "language", "versionControlProvenance", "originalUriBaseIds", "artifacts", "logicalLocations", "graphs", "results", "automationDetails", "runAggregates", "baselineGuid", "redactionTokens", "defaultEncoding", "defaultSourceLanguage", "newlineSequences", "columnKind", "externalPropertyFileReferences", "threadFlowLocations", "taxonomies", "addresses", "translations", "policies", "webRequests", "webResponses", "specialLocations", "properties" },
            new[] { "tool" }, new() { ["tool"] = "tool", ["results"] = "result[]" }),
        ["tool"] = new(new[] { "driver", "extensions", "properties" }, new[] { "driver" }, new() { ["driver"] = "toolComponent" }),
        ["toolComponent"] = new(new[] { "guid", "name", "organization", "product", "productSuite", "shortDescription", "fullDescription", "fullName", "version", "semanticVersion", "dottedQuadFileVersion", "releaseDateUtc", "downloadUri", "informationUri", "globalMessageStrings", "notifications", "rules", "taxa", "locations", "language", "contents", "isComprehensive", "localizedDataSemanticVersion", "minimumRequiredLocalizedDataSemanticVersion", "associatedComponent", "translationMetadata", "supportedTaxonomies", "properties" },
            new[] { "name" }, new() { ["rules"] = "reportingDescriptor[]" }),
        ["reportingDescriptor"] = new(new[] { "id", "deprecatedIds", "guid", "deprecatedGuids", "name", "deprecatedNames", "shortDescription", "fullDescription", "messageStrings", "defaultConfiguration", "helpUri", "help", "relationships", "properties" },
            new[] { "id" }, new() { ["shortDescription"] = "multiformatMessageString", ["fullDescription"] = "multiformatMessageString", ["defaultConfiguration"] = "reportingConfiguration" }),
        ["multiformatMessageString"] = new(new[] { "text", "markdown", "properties" }, new[] { "text" }, new()),
        ["reportingConfiguration"] = new(new[] { "enabled", "level", "rank", "parameters", "properties" }, Array.Empty<string>(), new()),
        ["result"] = new(new[] { "ruleId", "ruleIndex", "rule", "kind", "level", "message", "analysisTarget", "locations", "guid", "correlationGuid", "occurrenceCount", "partialFingerprints", "fingerprints", "stacks", "codeFlows", "graphs", "graphTraversals", "relatedLocations", "suppressions", "baselineState", "rank", "attachments", "hostedViewerUri", "workItemUris", "provenance", "fixes", "taxa", "webRequest", "webResponse", "properties" },
            new[] { "message" }, new() { ["message"] = "message", ["locations"] = "location[]" }),
        ["message"] = new(new[] { "text", "markdown", "id", "arguments", "properties" }, new[] { "text" }, new()),
        ["location"] = new(new[] { "id", "physicalLocation", "logicalLocations", "message", "annotations", "relationships", "properties" }, Array.Empty<string>(),
            new() { ["physicalLocation"] = "physicalLocation", ["logicalLocations"] = "logicalLocation[]" }),
        ["physicalLocation"] = new(new[] { "address", "artifactLocation", "region", "contextRegion", "properties" }, new[] { "artifactLocation" },
            new() { ["artifactLocation"] = "artifactLocation", ["region"] = "region" }),
        ["artifactLocation"] = new(new[] { "uri", "uriBaseId", "index", "description", "properties" }, Array.Empty<string>(), new()),
        ["region"] = new(new[] { "startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength", "byteOffset", "byteLength", "snippet", "message", "sourceLanguage", "properties" }, Array.Empty<string>(), new()),
        ["logicalLocation"] = new(new[] { "name", "index", "fullyQualifiedName", "decoratedName", "parentIndex", "kind", "properties" }, Array.Empty<string>(), new()),
    };

    /// <summary>Every way the log breaks the schema, as <c>path: problem</c>; empty when it conforms.</summary>
    public static List<string> Problems(JsonElement log)
    {
        var problems = new List<string>();
        Check(log, "sarifLog", "$", problems);
        if (log.TryGetProperty("version", out var version) && version.GetString() != "2.1.0") problems.Add("$.version: not 2.1.0");
        return problems;
    }

    private static void Check(JsonElement element, string shapeName, string path, List<string> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path}: expected an object ({shapeName})");
            return;
        }

        var shape = Shapes[shapeName];
        foreach (var property in element.EnumerateObject())
        {
            if (!shape.Allowed.Contains(property.Name)) problems.Add($"{path}.{property.Name}: not a property of {shapeName}");
        }

        foreach (var required in shape.Required.Where(r => !element.TryGetProperty(r, out _))) problems.Add($"{path}: {shapeName} requires {required}");
        foreach (var (name, child) in shape.Children)
        {
            if (!element.TryGetProperty(name, out var value)) continue;
            if (child.EndsWith("[]", StringComparison.Ordinal))
            {
                if (value.ValueKind != JsonValueKind.Array)
                {
                    problems.Add($"{path}.{name}: expected an array");
                    continue;
                }

                var i = 0;
                foreach (var item in value.EnumerateArray()) Check(item, child[..^2], $"{path}.{name}[{i++}]", problems);
            }
            else
            {
                Check(value, child, $"{path}.{name}", problems);
            }
        }

        Values(element, shapeName, path, problems);
    }

    private static void Values(JsonElement element, string shapeName, string path, List<string> problems)
    {
        void Level(string name)
        {
            if (element.TryGetProperty(name, out var level) && !Levels.Contains(level.GetString())) problems.Add($"{path}.{name}: '{level}' is not a SARIF level");
        }

        void Minimum(string name, int minimum)
        {
            if (element.TryGetProperty(name, out var n) && (n.ValueKind != JsonValueKind.Number || n.GetInt32() < minimum)) problems.Add($"{path}.{name}: an integer of at least {minimum}");
        }

        void Uri(string name, UriKind kind)
        {
            if (element.TryGetProperty(name, out var uri) && !System.Uri.TryCreate(uri.GetString(), kind, out _)) problems.Add($"{path}.{name}: '{uri}' is not a URI");
        }

        void Text(string name)
        {
            if (element.TryGetProperty(name, out var text) && text.ValueKind != JsonValueKind.String) problems.Add($"{path}.{name}: expected a string");
        }

        switch (shapeName)
        {
            case "reportingConfiguration" or "result":
                Level("level");
                Minimum("ruleIndex", -1);
                Text("ruleId");
                break;
            case "region":
                Minimum("startLine", 1);
                Minimum("startColumn", 1);
                break;
            case "toolComponent":
                Uri("informationUri", UriKind.Absolute);
                Text("name");
                Text("semanticVersion");
                break;
            case "reportingDescriptor":
                Uri("helpUri", UriKind.Absolute);
                Text("id");
                break;
            case "artifactLocation":
                // format uri-reference (RFC 3986): only these characters, anything else percent-encoded.
                if (element.TryGetProperty("uri", out var reference) && !System.Text.RegularExpressions.Regex.IsMatch(reference.GetString() ?? string.Empty, "^[A-Za-z0-9._~:/?#\\[\\]@!$&'()*+,;=%-]*$"))
                    problems.Add($"{path}.uri: '{reference}' is not a URI reference");
                break;
            case "message" or "multiformatMessageString":
                Text("text");
                break;
            case "logicalLocation":
                Text("name");
                Text("fullyQualifiedName");
                Text("kind");
                break;
        }
    }
}
