using MeshDsl.Simulation;

namespace MeshDsl.Cli;

/// <summary><c>meshdsl test</c>: routing test cases against the configuration, a line per case.</summary>
internal static class RoutingTests
{
    public static int Run(string[] casePaths, string[] configPaths, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var cases = new List<RoutingTestCase>();
        var unreadable = false;
        foreach (var file in Files(casePaths, stderr, ref unreadable))
        {
            var read = RoutingTestCaseReader.Read(file, File.ReadAllText(file), out var error);
            if (error is not null)
            {
                stderr.WriteLine("meshdsl: " + error);
                unreadable = true;
            }

            cases.AddRange(read);
        }

        var (mesh, missing, problems) = Analysis.LoadMesh(configPaths, stdin);
        foreach (var message in missing) stderr.WriteLine("meshdsl: " + message);
        Analysis.ReportLeftOut(problems, stderr);
        if (unreadable || missing.Count > 0) return CommandLine.Usage;
        if (cases.Count == 0)
        {
            stderr.WriteLine("meshdsl: no test cases (a file of them starts with testCases:)");
            return CommandLine.Usage;
        }

        var results = RoutingTestRunner.Run(mesh, cases);
        foreach (var result in results)
        {
            stdout.WriteLine(result.Passed
                ? $"PASS {result.Case.Description} ({result.Requests} request(s))"
                : $"FAIL {result.Case.Description} ({result.Case.File}:{result.Case.Line}): {result.Failure}");
        }

        var failed = results.Count(r => !r.Passed);
        stdout.WriteLine($"meshdsl: {results.Count} test case(s), {results.Count - failed} passed, {failed} failed");
        return failed == 0 ? CommandLine.Clean : CommandLine.Errors;
    }

    private static IEnumerable<string> Files(string[] paths, TextWriter stderr, ref bool unreadable)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Analysis.YamlFiles(path));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                stderr.WriteLine($"meshdsl: {path}: no such file or folder");
                unreadable = true;
            }
        }

        return files;
    }
}
