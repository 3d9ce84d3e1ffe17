using MeshDsl.Simulation;

namespace MeshDsl.Cli;

/// <summary><c>meshdsl explain</c>: one request through the configuration given, the decision and its reasons, as text.</summary>
internal static class Explain
{
    public static int Run(string[] paths, string requestText, string fromNamespace, string? gateway, string[] sourceLabels, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var label in sourceLabels)
        {
            var eq = label.IndexOf('=');
            if (eq <= 0)
            {
                stderr.WriteLine($"meshdsl: --source-label '{label}' is not key=value");
                return CommandLine.Usage;
            }

            labels[label.Substring(0, eq)] = label.Substring(eq + 1);
        }

        var request = RequestLine.Parse(requestText, fromNamespace, gateway, labels, out var error);
        if (request is null)
        {
            stderr.WriteLine("meshdsl: --request: " + error);
            return CommandLine.Usage;
        }

        var (mesh, unreadable, problems) = Analysis.LoadMesh(paths, stdin);
        foreach (var message in unreadable) stderr.WriteLine("meshdsl: " + message);
        if (unreadable.Count > 0) return CommandLine.Usage;

        Analysis.ReportLeftOut(problems, stderr);
        stdout.Write(Explanation.Render(request, Simulator.Route(mesh, request)));
        return CommandLine.Clean;
    }
}
