using System.Collections;
using System.Diagnostics;
using MeshDsl.Build;
using Microsoft.Build.Framework;

namespace MeshDsl.Benchmarks;

/// <summary>
/// The build task that writes the manifests, on the synthetic mesh's compiled assembly: the first run writes every file,
/// each later run finds them all unchanged, as a build after an edit to no manifest does. In process, so the task's code is
/// compiled by the first run only; `dotnet build` without a reused node pays that compilation in every build, which the
/// runs in a new process each measure. Unchanged runs with the stamps a build keeps in obj take turns with runs that read
/// every file back.
/// </summary>
internal static class WriteProfile
{
    public static void Run(int n, int rounds)
    {
        var work = Directory.CreateTempSubdirectory("meshdsl-write-");
        try
        {
            var assembly = Path.Combine(work.FullName, "Mesh.dll");
            var mesh = new MeshHarness(n);
            MeshHarness.NewDriver().RunGeneratorsAndUpdateCompilation(mesh.Compilation, out var compilation, out _);
            using (var stream = File.Create(assembly))
            {
                var result = compilation.Emit(stream);
                if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Take(5)));
            }

            var output = Path.Combine(work.FullName, "manifests");
            var stampFile = Path.Combine(work.FullName, "obj", "MeshDsl.stamps.txt");
            var first = Time(assembly, output, stampFile, out var files);

            // Written by an earlier build, as a build finds them: old enough to be stamped when read back.
            foreach (var file in Directory.EnumerateFiles(output, "*.yaml", SearchOption.AllDirectories)) File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddHours(-1));
            Time(assembly, output, stampFile, out _);

            // Unchanged runs, taking turns: every file read back (no stamps, as before they existed), and what a build does.
            var readBack = new List<(double Ms, long Bytes)>();
            var stamped = new List<(double Ms, long Bytes)>();
            for (var round = 0; round < rounds; round++)
            {
                readBack.Add(Measured(assembly, output, null));
                stamped.Add(Measured(assembly, output, stampFile));
            }

            Console.WriteLine($"N={n}: {files} files; first run (writes them, compiles the task) {first:F0} ms");
            Report(n, "unchanged, every file read back", readBack);
            Report(n, "unchanged, stamps kept in obj (a build)", stamped);

            // What a build pays: `dotnet build` runs the task once in a new process, so its code is compiled in every build.
            var firstCalls = Enumerable.Range(0, rounds).Select(_ => FirstCall(assembly, output, stampFile)).ToArray();
            var firstMs = firstCalls.Select(c => c.Ms).Order().ToArray();
            Console.WriteLine($"N={n}: unchanged, stamps kept, the first call in a new process (a build), median of {rounds}: {firstMs[rounds / 2]:F1} ms (range {firstMs[0]:F1}-{firstMs[^1]:F1}), "
                + $"{firstCalls.Select(c => c.Methods).Order().ElementAt(rounds / 2)} methods JIT-compiled in the process");

            // A build after `rm -rf bin` (a CI checkout, a full rebuild): the folder is gone and every file is written.
            var fresh = Enumerable.Range(0, rounds).Select(_ =>
            {
                Directory.Delete(output, recursive: true);
                return Time(assembly, output, null, out _);
            }).Order().ToArray();
            Console.WriteLine($"N={n}: into an empty folder, median of {rounds}: {fresh[rounds / 2]:F1} ms (range {fresh[0]:F1}-{fresh[^1]:F1})");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>The child process of <see cref="FirstCall"/>: one run of the task, its time and the process's JIT count.</summary>
    public static void Once(string assembly, string output, string stampFile)
    {
        var ms = Time(assembly, output, stampFile, out _);
        Console.WriteLine(FormattableString.Invariant($"{ms:F3} {System.Runtime.JitInfo.GetCompiledMethodCount()}"));
    }

    private static (double Ms, long Methods) FirstCall(string assembly, string output, string stampFile)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { typeof(WriteProfile).Assembly.Location, "write-manifests-once", assembly, output, stampFile }) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var line = process.StandardOutput.ReadToEnd().Trim().Split('\n')[^1].Split(' ');
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException("write-manifests-once failed");
        return (double.Parse(line[0], System.Globalization.CultureInfo.InvariantCulture), long.Parse(line[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static (double Ms, long Bytes) Measured(string assembly, string output, string? stampFile)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var ms = Time(assembly, output, stampFile, out _);
        return (ms, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    private static void Report(int n, string what, List<(double Ms, long Bytes)> runs)
    {
        var times = runs.Select(r => r.Ms).Order().ToArray();
        var bytes = runs.Select(r => r.Bytes).Order().ToArray();
        Console.WriteLine($"N={n}: {what}, median of {times.Length}: {times[times.Length / 2]:F1} ms (range {times[0]:F1}-{times[^1]:F1}), allocating {bytes[bytes.Length / 2] / 1048576.0:F1} MB");
    }

    private static double Time(string assembly, string output, string? stampFile, out int files)
    {
        var task = new WriteMeshManifests { Assembly = assembly, OutputDirectory = output, StampFile = stampFile, BuildEngine = new QuietEngine() };
        var sw = Stopwatch.StartNew();
        if (!task.Execute()) throw new InvalidOperationException("WriteMeshManifests failed");
        files = task.Files.Length;
        return sw.Elapsed.TotalMilliseconds;
    }

    private sealed class QuietEngine : IBuildEngine
    {
        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => string.Empty;

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;

        public void LogCustomEvent(CustomBuildEventArgs e)
        {
        }

        public void LogErrorEvent(BuildErrorEventArgs e) => Console.Error.WriteLine("error " + e.Code + ": " + e.Message);

        public void LogMessageEvent(BuildMessageEventArgs e)
        {
        }

        public void LogWarningEvent(BuildWarningEventArgs e) => Console.Error.WriteLine("warning " + e.Code + ": " + e.Message);
    }
}
