using System.CommandLine;

namespace MeshDsl.Cli;

/// <summary>The commands and their options. Exit codes: 0 clean, 1 an error-level finding, 2 bad usage or unreadable input.</summary>
internal static class CommandLine
{
    public const int Clean = 0;
    public const int Errors = 1;
    public const int Usage = 2;

    private static int Graph(string[] paths, string format, string? output, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var (mesh, unreadable, problems) = Analysis.LoadMesh(paths, stdin);
        foreach (var message in unreadable) stderr.WriteLine("meshdsl: " + message);
        if (unreadable.Count > 0) return Usage;
        Analysis.ReportLeftOut(problems, stderr);
        var text = format switch
        {
            "dot" => MeshDsl.Simulation.MeshGraph.Dot(mesh),
            "svg" => MeshDsl.Simulation.MeshGraph.Svg(mesh),
            _ => MeshDsl.Simulation.MeshGraph.Mermaid(mesh),
        };
        if (output is null) stdout.Write(text);
        else File.WriteAllText(output, text);
        return Clean;
    }

    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths") { Description = "YAML files or folders (read recursively for *.yaml and *.yml); - reads standard input", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format", "-f") { Description = "text (compiler style), json or sarif (SARIF 2.1.0)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var output = new Option<string?>("--output", "-o") { Description = "write the report to this file instead of standard output" };
        var warnAsError = new Option<bool>("--warnaserror") { Description = "report every warning as an error (exit code 1)" };
        var severity = new Option<string[]>("--severity") { Description = "ID=level (error, warning, info, none), as many as needed: --severity MESH104=none", AllowMultipleArgumentsPerToken = true };
        var config = new Option<string?>("--config") { Description = "an .editorconfig-style file: lines dotnet_diagnostic.ID.severity = level" };

        var analyze = new Command("analyze", "Run MeshDsl's rules on Istio YAML (VirtualService, DestinationRule, Gateway); no cluster needed")
        {
            paths, format, output, warnAsError, severity, config,
        };

        var configPaths = new Argument<string[]>("paths") { Description = "the Istio configuration: YAML files or folders (read recursively); - reads standard input", Arity = ArgumentArity.OneOrMore };
        var request = new Option<string>("--request", "-r") { Description = "the request, as you would type it: \"GET http://reviews:9080/api/reviews -H 'x-user-group: beta'\"", Required = true };
        var fromNamespace = new Option<string>("--namespace", "-n") { Description = "the client's namespace (short host names resolve in it)", DefaultValueFactory = _ => "default" };
        var gateway = new Option<string?>("--gateway", "-g") { Description = "the gateway the request enters through (namespace/name); without it, the request comes from a sidecar" };
        var sourceLabel = new Option<string[]>("--source-label") { Description = "a label of the client's workload, key=value, as many as needed", AllowMultipleArgumentsPerToken = true };
        var explain = new Command("explain", "Say where a request goes and why: the VirtualService, the rule and the rules before it, the destinations and the policy that applies")
        {
            configPaths, request, fromNamespace, gateway, sourceLabel,
        };

        var cases = new Option<string[]>("--cases", "-t") { Description = "routing test cases (a file or folder; repeat for more), in istio-config-validator's format", Required = true };
        var testPaths = new Argument<string[]>("paths") { Description = "the Istio configuration: YAML files or folders (read recursively); - reads standard input", Arity = ArgumentArity.OneOrMore };
        var test = new Command("test", "Run routing test cases (istio-config-validator's format) against the Istio configuration: a line per case, exit code 0 only when all pass")
        {
            testPaths, cases,
        };

        var graphPaths = new Argument<string[]>("paths") { Description = "the Istio configuration: YAML files or folders (read recursively); - reads standard input", Arity = ArgumentArity.OneOrMore };
        var graphFormat = new Option<string>("--format", "-f") { Description = "mermaid (renders in GitHub Markdown), dot (Graphviz) or svg (a picture, laid out in columns)", DefaultValueFactory = _ => "mermaid" };
        graphFormat.AcceptOnlyFromAmong("mermaid", "dot", "svg");
        var graphOutput = new Option<string?>("--output", "-o") { Description = "write the graph to this file instead of standard output" };
        var graph = new Command("graph", "Draw the mesh: gateways, hosts, rules in order with their matches, destinations with their weights, mirrors and faults")
        {
            graphPaths, graphFormat, graphOutput,
        };

        var root = new RootCommand("meshdsl: Istio traffic management checked before it reaches the cluster") { analyze, explain, test, graph };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors) stderr.WriteLine("meshdsl: " + error.Message);
            stderr.WriteLine(parsed.CommandResult.Command == explain
                ? "Usage: meshdsl explain PATH... --request \"METHOD URL [-H 'name: value']...\" [--namespace NS] [--gateway NS/NAME] [--source-label key=value]..."
                : parsed.CommandResult.Command == test
                    ? "Usage: meshdsl test --cases CASES... PATH..."
                    : "Usage: meshdsl analyze PATH... [--format text|json|sarif] [--output FILE] [--warnaserror] [--severity ID=level]... [--config FILE]");
            return Usage;
        }

        if (parsed.CommandResult.Command == explain)
        {
            return Explain.Run(parsed.GetValue(configPaths)!, parsed.GetValue(request)!, parsed.GetValue(fromNamespace)!, parsed.GetValue(gateway), parsed.GetValue(sourceLabel) ?? Array.Empty<string>(), stdin, stdout, stderr);
        }

        if (parsed.CommandResult.Command == test) return RoutingTests.Run(parsed.GetValue(cases)!, parsed.GetValue(testPaths)!, stdin, stdout, stderr);
        if (parsed.CommandResult.Command == graph) return Graph(parsed.GetValue(graphPaths)!, parsed.GetValue(graphFormat)!, parsed.GetValue(graphOutput), stdin, stdout, stderr);

        if (parsed.CommandResult.Command != analyze) return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });

        Severities severities;
        try
        {
            severities = Severities.From(parsed.GetValue(severity) ?? Array.Empty<string>(), parsed.GetValue(config), parsed.GetValue(warnAsError));
        }
        catch (UsageException ex)
        {
            stderr.WriteLine("meshdsl: " + ex.Message);
            return Usage;
        }

        var analysis = Analysis.Run(parsed.GetValue(paths)!, stdin, severities);
        foreach (var unreadable in analysis.Unreadable) stderr.WriteLine("meshdsl: " + unreadable);

        var report = parsed.GetValue(format) switch
        {
            "json" => Reports.Json(analysis),
            "sarif" => Reports.Sarif(analysis),
            _ => Reports.Text(analysis),
        };

        var target = parsed.GetValue(output);
        if (target is null) stdout.Write(report);
        else File.WriteAllText(target, report);

        if (analysis.Unreadable.Count > 0) return Usage;
        return analysis.Findings.Any(f => f.Severity == "error") ? Errors : Clean;
    }
}

internal sealed class UsageException(string message) : Exception(message);
