using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MeshDsl.Rules;

namespace MeshDsl.Cli;

/// <summary>The three output formats; all are deterministic for the same input.</summary>
internal static class Reports
{
    private const string ToolUri = "https://github.com/meshdsl/meshdsl";

    /// <summary>
    /// As a compiler reports, <c>file(line,col): warning MESH203: message</c>, then what it is about as istioctl names it,
    /// <c>[VirtualService shop/reviews spec.http[0].timeout]</c>, and a summary.
    /// </summary>
    public static string Text(AnalysisResult analysis)
    {
        var sb = new StringBuilder();
        foreach (var f in analysis.Findings)
        {
            sb.Append(f.File).Append('(').Append(f.Line).Append(',').Append(f.Column).Append("): ").Append(f.Severity).Append(' ').Append(f.Id).Append(": ").Append(f.Message);
            if (f.Resource.Length > 0) sb.Append(" [").Append(f.Resource).Append(f.Path.Length > 0 ? " " + f.Path : string.Empty).Append(']');
            sb.Append('\n');
        }

        var errors = analysis.Findings.Count(f => f.Severity == "error");
        var warnings = analysis.Findings.Count(f => f.Severity == "warning");
        sb.Append("meshdsl: ").Append(analysis.Files.Count).Append(" file(s), ").Append(analysis.Resources).Append(" Istio resource(s)");
        if (analysis.KubernetesObjects > 0) sb.Append(" and ").Append(analysis.KubernetesObjects).Append(" Kubernetes object(s)");
        sb.Append(" analyzed");
        if (analysis.Skipped.Count > 0) sb.Append(" (skipped: ").Append(string.Join(", ", analysis.Skipped.Select(s => s.Value + " " + s.Key))).Append(')');
        sb.Append("; ").Append(errors).Append(" error(s), ").Append(warnings).Append(" warning(s)\n");
        return sb.ToString();
    }

    public static string Json(AnalysisResult analysis) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("version", 1);
        w.WriteStartArray("files");
        foreach (var file in analysis.Files) w.WriteStringValue(file);
        w.WriteEndArray();
        w.WriteNumber("resources", analysis.Resources);
        w.WriteNumber("kubernetesObjects", analysis.KubernetesObjects);
        w.WriteStartObject("skipped");
        foreach (var (kind, count) in analysis.Skipped) w.WriteNumber(kind, count);
        w.WriteEndObject();
        w.WriteStartArray("findings");
        foreach (var f in analysis.Findings)
        {
            w.WriteStartObject();
            w.WriteString("id", f.Id);
            w.WriteString("severity", f.Severity);
            w.WriteString("file", f.File);
            w.WriteNumber("line", f.Line);
            w.WriteNumber("column", f.Column);
            w.WriteString("message", f.Message);
            if (f.Resource.Length > 0) w.WriteString("resource", f.Resource);
            if (f.Path.Length > 0) w.WriteString("path", f.Path);
            w.WriteString("title", f.Rule.Title);
            w.WriteString("helpUri", f.Rule.HelpLink);
            if (f.Rule.IstioAnalyzer is { } ist) w.WriteString("istioctlAnalyze", ist);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>SARIF 2.1.0, as GitHub code scanning ingests it: every rule with its help link, each result at its line.</summary>
    public static string Sarif(AnalysisResult analysis) => Write(w =>
    {
        var rules = RuleCatalog.All.OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        w.WriteStartObject();
        w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "meshdsl");
        w.WriteString("informationUri", ToolUri);
        w.WriteString("semanticVersion", typeof(Reports).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        w.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            w.WriteStartObject();
            w.WriteString("id", rule.Id);
            w.WriteStartObject("shortDescription");
            w.WriteString("text", rule.Title);
            w.WriteEndObject();
            w.WriteStartObject("fullDescription");
            w.WriteString("text", rule.Description);
            w.WriteEndObject();
            w.WriteString("helpUri", rule.HelpLink);
            w.WriteStartObject("defaultConfiguration");
            w.WriteString("level", Level(rule.Severity.ToString().ToLowerInvariant()));
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("results");
        foreach (var f in analysis.Findings)
        {
            w.WriteStartObject();
            w.WriteString("ruleId", f.Id);
            w.WriteNumber("ruleIndex", rules.FindIndex(r => r.Id == f.Id));
            w.WriteString("level", Level(f.Severity));
            w.WriteStartObject("message");
            w.WriteString("text", f.Message);
            w.WriteEndObject();
            w.WriteStartArray("locations");
            w.WriteStartObject();
            w.WriteStartObject("physicalLocation");
            w.WriteStartObject("artifactLocation");
            w.WriteString("uri", ArtifactUri(f.File));
            w.WriteEndObject();
            w.WriteStartObject("region");
            w.WriteNumber("startLine", f.Line);
            w.WriteNumber("startColumn", f.Column);
            w.WriteEndObject();
            w.WriteEndObject();
            if (f.Resource.Length > 0)
            {
                // The resource and field as a logical location, so code scanning can group results by resource.
                w.WriteStartArray("logicalLocations");
                w.WriteStartObject();
                w.WriteString("name", f.Path.Length > 0 ? f.Path : f.Resource);
                w.WriteString("fullyQualifiedName", f.Path.Length > 0 ? f.Resource + " " + f.Path : f.Resource);
                w.WriteString("kind", "resource");
                w.WriteEndObject();
                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>
    /// A SARIF artifact location is a URI reference: a path as given, relative paths stay relative (code scanning resolves
    /// them against the repository), absolute ones become file URIs, and every character a URI cannot hold is escaped.
    /// </summary>
    internal static string ArtifactUri(string file)
    {
        if (Path.IsPathFullyQualified(file)) return new Uri(file).AbsoluteUri;
        return string.Join("/", file.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
    }

    /// <summary>SARIF's levels: error, warning, note.</summary>
    private static string Level(string severity) => severity switch
    {
        "error" => "error",
        "warning" => "warning",
        _ => "note",
    };

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
    }
}
