using System.Diagnostics;
using MeshDsl.YamlFrontEnd;

namespace MeshDsl.Benchmarks;

/// <summary>
/// Where `meshdsl analyze` spends its parse, in one process: YamlDotNet's events alone, its tree, and the whole YAML front
/// end (tree, reading into the model, origins), each run once cold and then warm, with what each allocates.
/// </summary>
public static class YamlParseProbe
{
    public static void Run(string directory, bool loop = false, string[]? options = null)
    {
        var files = Directory.EnumerateFiles(directory, "*.yaml").OrderBy(f => f, StringComparer.Ordinal).Select(f => (f, File.ReadAllText(f))).ToList();
        if (options?.Contains("mesh") == true)
        {
            // The mesh-wide rules on the mesh the YAML describes, each family alone, cold then warm.
            var origins = new YamlOrigins();
            var declarations = files.SelectMany(f => IstioYamlReader.Read(f.Item1, f.Item2, origins).Resources).ToList();
            // The files' workloads and hosts (a folder written with --workloads has them), as the CLI and the analyzers read them.
            var workloadFiles = files.Select(f => Workloads.WorkloadYaml.Parse(f.Item1, f.Item2)).ToList();
            var workloads = workloadFiles.SelectMany(w => w.Workloads).ToArray();
            var hosts = workloadFiles.SelectMany(w => w.Hosts).ToArray();
            Console.WriteLine($"{declarations.Count} resources, {workloads.Length} workloads, {hosts.Length} hosts");
            for (var round = 0; round < 4; round++)
            {
                var sw = Stopwatch.StartNew();
                var mesh = new Model.Mesh(Array.Empty<Model.ServiceInfo>(), declarations, workloads, "default", hosts);
                var index = sw.Elapsed.TotalMilliseconds;
                var families = new (string Name, Func<IEnumerable<Model.Finding>> Run)[]
                {
                    ("MeshRules", () => Rules.MeshRules.Check(mesh)), ("WorkloadRules", () => Rules.WorkloadRules.Check(mesh)),
                    ("RateLimitRules", () => Rules.RateLimitRules.CheckMesh(mesh)), ("GlobalRateLimitRules", () => Rules.GlobalRateLimitRules.CheckMesh(mesh)),
                    ("CanaryRules", () => Rules.CanaryRules.CheckMesh(mesh)),
                };
                Console.Write($"round {round}: index {index:F0} ms");
                foreach (var (name, run) in families)
                {
                    sw.Restart();
                    var count = run().Count();
                    Console.Write($" | {name} {sw.Elapsed.TotalMilliseconds:F0} ms ({count})");
                }

                Console.WriteLine();
            }

            return;
        }

        if (loop)
        {
            // For a profiler: the whole front end, warm, for 20 seconds.
            for (var sw = Stopwatch.StartNew(); sw.Elapsed < TimeSpan.FromSeconds(20);) ReadAll(files);
            return;
        }

        Console.WriteLine($"{files.Count} files, {files.Sum(f => f.Item2.Length) / 1024} KB");
        Time("front end (cold)", files, ReadAll);
        Time("events only", files, Events);
        Time("tree only", files, Trees);
        Time("front end", files, ReadAll);
        for (var i = 0; i < 3; i++)
        {
            Time("events only", files, Events);
            Time("tree only", files, Trees);
            Time("front end", files, ReadAll);
        }
    }

    private static void Time(string what, List<(string Name, string Text)> files, Action<List<(string Name, string Text)>> action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var gcs = GC.CollectionCount(0);
        var sw = Stopwatch.StartNew();
        action(files);
        sw.Stop();
        Console.WriteLine($"{what,-20} {sw.Elapsed.TotalMilliseconds,7:F0} ms {(GC.GetAllocatedBytesForCurrentThread() - before) / 1048576.0,7:F1} MB  gen0 {GC.CollectionCount(0) - gcs}");
    }

    private static void Events(List<(string Name, string Text)> files)
    {
        foreach (var (_, text) in files)
        {
            var parser = new YamlDotNet.Core.Parser(new StringReader(text));
            while (parser.MoveNext()) { }
        }
    }

    private static readonly List<object> Kept = new();

    private static void Trees(List<(string Name, string Text)> files)
    {
        Kept.Clear();
        foreach (var (_, text) in files) Kept.Add(SourceTree.Load(text, 64));
    }

    private static void ReadAll(List<(string Name, string Text)> files)
    {
        Kept.Clear();
        var origins = new YamlOrigins();
        foreach (var (name, text) in files) Kept.Add(IstioYamlReader.Read(name, text, origins));
        Kept.Add(origins);
    }
}
