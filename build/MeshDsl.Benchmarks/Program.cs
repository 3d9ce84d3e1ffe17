using System.Diagnostics;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using MeshDsl.Benchmarks;

switch (args.FirstOrDefault())
{
    case "synth" when args.Length >= 3:
        SyntheticMesh.WriteProject(int.Parse(args[1]), args[2], RepoRoot(), meshDsl: !args.Contains("--off"));
        return 0;
    case "yaml" when args.Length >= 3:
        // The synthetic mesh as the YAML its build writes: the input of the meshdsl analyze timing (docs/performance.md).
        // --workloads adds each service's Kubernetes Service and a Deployment per subset (the workload rules' input).
        SyntheticYaml.Write(int.Parse(args[1]), args[2], args.Contains("--workloads"));
        return 0;
    case "yaml-parse" when args.Length >= 2:
        // Where meshdsl analyze's parse goes: YamlDotNet's events, its tree, the whole front end (a folder written by "yaml").
        YamlParseProbe.Run(args[1], args.Contains("loop"), args);
        return 0;
    case "loop":
        // For a profiler: parse and emit the whole mesh repeatedly for a few seconds.
        Profile.Loop(args.Length > 1 ? int.Parse(args[1]) : 1000, TimeSpan.FromSeconds(8));
        return 0;
    case "edits":
        // The generator alone, per edit kind, for a quick look at how the per-edit cost grows with N.
        foreach (var n in args.Skip(1).Select(int.Parse))
        {
            var mesh = new MeshHarness(n);
            var driver = mesh.Run(MeshHarness.NewDriver());
            // Warm-up: until the JIT has tiered the driver's and MeshDsl's code up, whichever kind runs first pays for it.
            // Tiering waits for a quiet spell after the last method compiled, so warm up for a time, not a count.
            for (var warm = Stopwatch.StartNew(); warm.Elapsed < TimeSpan.FromSeconds(3);) { mesh.EditUnrelated(); driver = mesh.Run(driver); mesh.EditService(); driver = mesh.Run(driver); }
            var noop = Profile.Median(15, () => driver = mesh.Run(driver));
            var unrelated = Profile.Median(15, () => { mesh.EditUnrelated(); driver = mesh.Run(driver); });
            var edit = Profile.Median(15, () => { mesh.EditService(); driver = mesh.Run(driver); });
            // Bytes allocated per run, on every thread (the edit's own new compilation included, the same for every N).
            var noopBytes = Profile.Allocated(15, () => driver = mesh.Run(driver));
            var unrelatedBytes = Profile.Allocated(15, () => { mesh.EditUnrelated(); driver = mesh.Run(driver); });
            var editBytes = Profile.Allocated(15, () => { mesh.EditService(); driver = mesh.Run(driver); });
            // The edit alone: the new compilation Roslyn makes with the file replaced, before any generator sees it.
            var editAloneBytes = Profile.Allocated(15, () => mesh.EditUnrelated());
            driver = mesh.Run(driver);
            Console.WriteLine($"N={n,5}: no-op {noop,8:F2} ms {noopBytes / 1024,7:F0} KB | unrelated {unrelated,8:F2} ms {unrelatedBytes / 1024,7:F0} KB | one service {edit,8:F2} ms {editBytes / 1024,7:F0} KB | the unrelated edit's new compilation alone {editAloneBytes / 1024,5:F0} KB");
        }

        return 0;
    case "noop-loop":
        // For a profiler: the generator rerun on an unchanged compilation, where MeshDsl's own code does not run.
        {
            var mesh = new MeshHarness(args.Length > 1 ? int.Parse(args[1]) : 1000);
            var driver = mesh.Run(MeshHarness.NewDriver());
            var sw = Stopwatch.StartNew();
            while (sw.Elapsed < TimeSpan.FromSeconds(20)) driver = mesh.Run(driver);
        }

        return 0;
    case "rules-loop":
        // For a profiler: the mesh-wide rules over the whole mesh, which run again whenever a declaration changes.
        Profile.RulesLoop(args.Length > 1 ? int.Parse(args[1]) : 1000, TimeSpan.FromSeconds(20));
        return 0;
    case "rules-split":
        // Which per-declaration rule costs what: the CLI and the analyzers run them all on every declaration.
        Profile.RulesSplit(args.Length > 1 ? int.Parse(args[1]) : 1000);
        return 0;
    case "typing-loop":
        // For a profiler: keystrokes in one service, each followed by the document's and the whole compilation's analysis.
        {
            var mesh = new MeshHarness(args.Length > 1 ? int.Parse(args[1]) : 1000);
            var analyzer = new MeshDsl.Analyzers.MeshDeclarationAnalyzer();
            var sw = Stopwatch.StartNew();
            // Long enough under a profiler for the steady state to outweigh the first, whole parse: seconds as a second argument.
            while (sw.Elapsed < TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2]) : 40))
            {
                mesh.EditService();
                _ = mesh.AnalyzeEditedDocumentAsync(analyzer).GetAwaiter().GetResult();
                _ = mesh.AnalyzeCompilationAsync(analyzer).GetAwaiter().GetResult();
            }
        }

        return 0;
    case "syntax-probe":
        // Binding every attribute against looking up only the names in them (docs/performance.md, issue 15's first direction).
        SyntaxProbe.Run(args.Length > 1 ? int.Parse(args[1]) : 1000);
        return 0;
    case "floor":
        foreach (var n in args.Skip(1).Select(int.Parse).DefaultIfEmpty(1000)) FawmnProbe.Run(n);
        return 0;
    case "profile":
        Profile.Run(args.Length > 1 ? int.Parse(args[1]) : 1000);
        return 0;
    case "generator-cold":
        // generator-cold N [bind]: the generator's first run in this new process, and how much of it the JIT takes.
        ColdProbe.Run(args.Length > 1 ? int.Parse(args[1]) : 1000, args.Contains("bind"));
        return 0;
    case "generator-fresh":
        {
            var n = args.Length > 1 ? int.Parse(args[1]) : 1000;
            Console.WriteLine($"N={n}: harness only {Profile.Median(7, () => new MeshHarness(n)):F0} ms, harness and a full generator run on its fresh compilation {Profile.Median(7, () => new MeshHarness(n).Run(MeshHarness.NewDriver())):F0} ms");
            // The generator's own work: the same run on a compilation whose attributes are already bound.
            long allocated = 0;
            Console.WriteLine($"N={n}: harness and binding every attribute {Profile.Median(7, () => BuildProfile.BindAttributes(new MeshHarness(n).Compilation)):F0} ms, and then a full generator run {Profile.Median(7, () =>
            {
                var mesh = new MeshHarness(n);
                BuildProfile.BindAttributes(mesh.Compilation);
                var before = GC.GetAllocatedBytesForCurrentThread();
                mesh.Run(MeshHarness.NewDriver());
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            }):F0} ms, the generator allocating {allocated / 1048576.0:F0} MB");
        }

        return 0;
    case "rebuild":
        // The compiler server's next build with the generator kept (enable-generator-cache): every file parsed again.
        foreach (var n in args.Skip(1).Select(int.Parse).DefaultIfEmpty(1000)) Rebuild(n);
        return 0;
    case "emit-probe" when args.Length >= 3:
        // emit-probe ROUNDS DIR...: the compiler alone on each folder's C# files, interleaved (generated code's cost).
        EmitProbe.Run(args.Skip(2).ToArray(), int.Parse(args[1]));
        return 0;
    case "build":
        foreach (var n in args.Skip(1).Select(int.Parse).DefaultIfEmpty(1000)) BuildProfile.Run(n);
        return 0;
    case "analyzers-fresh":
        // analyzers-fresh N [bound] [noop] [next]: "bound" binds every attribute first (emit's share), "noop" times Roslyn's
        // floor, "next" is the compiler server's next build of the same text with MeshDslGeneratorCache on.
        BuildProfile.Analyzers(args.Length > 1 ? int.Parse(args[1]) : 1000, args.Contains("bound"), args.Contains("noop"), args.Contains("next"));
        return 0;
    case "analyzers-edit":
        // analyzers-edit N [noop]: the analyzers in the compiler server's build after an edit to one service.
        BuildProfile.AnalyzersAfterEdit(args.Length > 1 ? int.Parse(args[1]) : 1000, args.Contains("noop"));
        return 0;
    case "write-manifests":
        // write-manifests N [ROUNDS]: the build task that writes the manifests, on the mesh's compiled assembly.
        WriteProfile.Run(args.Length > 1 ? int.Parse(args[1]) : 1000, args.Length > 2 ? int.Parse(args[2]) : 15);
        return 0;
    case "write-manifests-once" when args.Length >= 4:
        // The child process of write-manifests: the task's first (only) call, as in a build.
        WriteProfile.Once(args[1], args[2], args[3]);
        return 0;
    case "cache":
        foreach (var n in args.Skip(1).Select(int.Parse).DefaultIfEmpty(1000)) CacheProfile.Run(n);
        return 0;
    case "quick":
        Quick(args.Skip(1).Select(int.Parse).DefaultIfEmpty(1000).ToArray());
        return 0;
    case "bench":
        var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance)).WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks).Assembly).Run(args.Skip(1).ToArray(), config);
        return 0;
    default:
        Console.Error.WriteLine("usage: bench [BenchmarkDotNet args] | quick [N...] | synth N DIR [--off] | yaml N DIR [--workloads] | yaml-parse DIR [mesh|loop]");
        return 2;
}

// A Stopwatch pass: medians of repeated runs, for a first look in seconds (BenchmarkDotNet gives the figures to quote).
static void Quick(int[] sizes)
{
    foreach (var n in sizes)
    {
        var mesh = new MeshHarness(n);
        _ = mesh.Compilation.GetDiagnostics();
        var driver = mesh.Run(MeshHarness.NewDriver());
        for (var i = 0; i < 3; i++) driver = mesh.Run(MeshHarness.NewDriver());
        var full = Profile.Median(5, () => mesh.Run(MeshHarness.NewDriver()));
        var noop = Profile.Median(20, () => driver = mesh.Run(driver));
        var edit = Profile.Median(20, () => { mesh.EditService(); driver = mesh.Run(driver); });
        var unrelated = Profile.Median(20, () => { mesh.EditUnrelated(); driver = mesh.Run(driver); });
        _ = mesh.AnalyzeAsync().GetAwaiter().GetResult();
        var analyzers = Profile.Median(5, () => mesh.AnalyzeAsync().GetAwaiter().GetResult());
        var own = Enumerable.Range(0, 5).Select(_ => mesh.AnalyzerTimeAsync().GetAwaiter().GetResult().TotalMilliseconds).OrderBy(t => t).ElementAt(2);
        var analyzer = new MeshDsl.Analyzers.MeshDeclarationAnalyzer();
        _ = mesh.AnalyzeCompilationAsync(analyzer).GetAwaiter().GetResult();
        var document = Profile.Median(11, () => { mesh.EditService(); mesh.AnalyzeEditedDocumentAsync(analyzer).GetAwaiter().GetResult(); });
        var whole = Profile.Median(11, () => { mesh.EditService(); mesh.AnalyzeEditedDocumentAsync(analyzer).GetAwaiter().GetResult(); mesh.AnalyzeCompilationAsync(analyzer).GetAwaiter().GetResult(); });
        var wholeOwn = Enumerable.Range(0, 5).Select(_ => { mesh.EditService(); return mesh.CompilationAnalyzerTimeAsync(analyzer).GetAwaiter().GetResult().TotalMilliseconds; }).OrderBy(t => t).ElementAt(2);
        Console.WriteLine($"N={n,5}: full {full,8:F2} ms | no-op {noop,7:F3} ms | edit one {edit,7:F3} ms | unrelated {unrelated,7:F3} ms | analyzers {own,8:F2} ms own ({analyzers:F2} ms with binding)"
            + $" | typing: document {document,7:F2} ms, document then compilation {whole,7:F2} ms (analyzers' own time in the compilation step {wholeOwn,7:F2} ms)");
    }
}

static string RepoRoot()
{
    for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
    {
        if (File.Exists(Path.Combine(dir, "MeshDsl.sln"))) return dir;
    }

    throw new InvalidOperationException("MeshDsl.sln not found");
}

// Generator runs on a compilation whose files were all parsed again, as the compiler server's next build gives it, with
// the driver kept from the build before (and, to compare, with a new driver, as a build without the server's cache).
static void Rebuild(int n)
{
    var fresh = new List<double>();
    var same = new List<double>();
    var edited = new List<double>();
    for (var round = 0; round < 6; round++)
    {
        var mesh = new MeshHarness(n);
        var driver = mesh.Run(MeshHarness.NewDriver());
        mesh.Reparse();
        var sw = Stopwatch.StartNew();
        mesh.Run(MeshHarness.NewDriver());
        fresh.Add(sw.Elapsed.TotalMilliseconds);
        sw.Restart();
        driver = mesh.Run(driver);
        same.Add(sw.Elapsed.TotalMilliseconds);
        mesh.EditService();
        mesh.Reparse();
        sw.Restart();
        driver = mesh.Run(driver);
        edited.Add(sw.Elapsed.TotalMilliseconds);
    }

    static string Median(List<double> times) => $"{times.Skip(1).OrderBy(t => t).ElementAt(2):F0} ms";
    Console.WriteLine($"N={n}, every file parsed again, median of 5: new driver {Median(fresh)} | kept driver, no file changed {Median(same)} | kept driver, one service edited {Median(edited)}");
}
