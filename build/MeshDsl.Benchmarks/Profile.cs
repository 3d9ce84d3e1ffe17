using System.Diagnostics;
using MeshDsl.FrontEnd;
using MeshDsl.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshDsl.Benchmarks;

/// <summary>Where the time goes: the phases of the generator and analyzers, timed apart on one synthetic mesh.</summary>
internal static class Profile
{
    public static void Run(int n)
    {
        var mesh = new MeshHarness(n);
        _ = mesh.Compilation.GetDiagnostics();
        var symbols = Declarations(mesh.Compilation);
        Time("parse, warm compilation", 5, () => symbols.Select(s => DeclarationParser.Parse(s, default)).ToArray());
        Time("parse as the generator does (no attribute checks)", 5, () => symbols.Select(s => DeclarationParser.Parse(s, default, attributeChecks: false)).ToArray());
        Time("parse, warm compilation (again, JIT done)", 5, () => symbols.Select(s => DeclarationParser.Parse(s, default)).ToArray());
        var before = GC.GetAllocatedBytesForCurrentThread();
        _ = symbols.Select(s => DeclarationParser.Parse(s, default)).ToArray();
        Console.WriteLine($"{"parse allocations per declaration",-50} {(GC.GetAllocatedBytesForCurrentThread() - before) / symbols.Length,9} bytes");
        var fresh = Time("GetAttributes of every type, fresh compilation", 3, () =>
        {
            mesh.EditUnrelated();
            foreach (var s in Declarations(mesh.Compilation)) { _ = s.GetAttributes(); foreach (var t in s.GetTypeMembers()) _ = t.GetAttributes(); }
        });
        Time("parse, fresh compilation", 3, () =>
        {
            mesh.EditUnrelated();
            return Declarations(mesh.Compilation).Select(s => DeclarationParser.Parse(s, default)).ToArray();
        });
        var models = Models(mesh.Compilation);
        Time("per-declaration rules", 5, () => models.SelectMany(m => m.Evaluate()).ToArray());
        Time("mesh rules", 5, () => PolicyRules.EvaluateMesh(MeshOf(models)).ToArray());
        for (var warm = Stopwatch.StartNew(); warm.Elapsed < TimeSpan.FromSeconds(3);) _ = PolicyRules.EvaluateMesh(MeshOf(models)).ToArray();
        Time("mesh rules, warm", 15, () => PolicyRules.EvaluateMesh(MeshOf(models)).ToArray());
        var index = MeshOf(models);
        Time("  of which the mesh's index", 5, () => MeshOf(models));
        Time("  of which routing rules (MeshRules)", 5, () => MeshRules.Check(index).ToArray());
        Time("  of which workload rules", 5, () => WorkloadRules.Check(index).ToArray());
        Time("  of which rate limit rules", 5, () => RateLimitRules.CheckMesh(index).Concat(GlobalRateLimitRules.CheckMesh(index)).ToArray());
        Time("  of which canary rules", 5, () => CanaryRules.CheckMesh(index).ToArray());
        Time("YAML and C# emission", 5, () => models.Select(Emit).ToArray());
        before = GC.GetAllocatedBytesForCurrentThread();
        var emitted = models.Select(Emit).ToArray();
        Console.WriteLine($"{"emission allocations per declaration",-50} {(GC.GetAllocatedBytesForCurrentThread() - before) / emitted.Length,9} bytes ({emitted.Sum(e => e.Length) / emitted.Length} chars of C# each)");
        var again = Models(mesh.Compilation);
        Time("model equality (cache check)", 5, () => models.Zip(again).Count(p => p.First.Equals(p.Second)));
    }

    public static void RulesLoop(int n, TimeSpan duration)
    {
        var mesh = new MeshHarness(n);
        var models = Models(mesh.Compilation);
        for (var sw = Stopwatch.StartNew(); sw.Elapsed < duration;) _ = PolicyRules.EvaluateMesh(MeshOf(models)).ToArray();
    }

    /// <summary>Each per-declaration rule alone over every declaration of the synthetic mesh: median time and allocations.</summary>
    public static void RulesSplit(int n)
    {
        var models = Models(new MeshHarness(n).Compilation);
        var rules = new (string Name, Func<RuleScope, IEnumerable<Model.Finding>> Check)[]
        {
            ("Duration", d => d.Resources.SelectMany(DurationRule.Check)), ("Validation", ValidationRules.Check), ("ServiceEntry", ServiceEntryRules.Check),
            ("RateLimit", RateLimitRules.Check), ("EnvoyFilter", EnvoyFilterRules.Check), ("RateLimitConfig", RateLimitConfigRules.Check),
            ("Image", ImageRules.Check), ("Routing", RoutingRules.Check), ("Resilience", ResilienceRules.Check), ("TrafficPolicy", TrafficPolicyRules.Check),
            ("Header", HeaderRules.Check), ("RouteSetting", RouteSettingRules.Check), ("TrafficPolicyValidity", TrafficPolicyValidity.Check),
            ("Gateway", GatewayRules.Check), ("WorkloadValidity", WorkloadValidity.Check), ("Canary", CanaryRules.Check),
            ("all (PolicyRules.Evaluate)", d => d.Service is { } service ? PolicyRules.Evaluate(service) : d.Resources.SelectMany(PolicyRules.Evaluate)),
        };
        var scopes = models.SelectMany(m => m.Service is { } service ? new[] { RuleScope.Of(service) } : m.Own.Select(RuleScope.Of)).ToArray();
        Console.WriteLine($"N={n}: each per-declaration rule over {scopes.Length} services and objects of their own, median of 9");
        foreach (var (name, check) in rules)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var findings = scopes.Sum(m => check(m).Count());
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            var ms = Median(9, () => { foreach (var m in scopes) _ = check(m).Count(); });
            Console.WriteLine($"  {name,-28} {ms,8:F2} ms {allocated / 1024,8} KB {findings,6} findings");
        }
    }

    public static void Loop(int n, TimeSpan duration)
    {
        var mesh = new MeshHarness(n);
        _ = mesh.Compilation.GetDiagnostics();
        var symbols = Declarations(mesh.Compilation);
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < duration)
        {
            var models = symbols.Select(s => DeclarationParser.Parse(s, default)).OfType<MeshDsl.FrontEnd.CSharpDeclaration>().ToArray();
            _ = models.Select(Emit).ToArray();
        }
    }

    /// <summary>Every declaration of the compilation, parsed as the analyzers parse it.</summary>
    private static MeshDsl.FrontEnd.CSharpDeclaration[] Models(Compilation compilation) =>
        Declarations(compilation).Select(s => DeclarationParser.Parse(s, default)).OfType<MeshDsl.FrontEnd.CSharpDeclaration>().ToArray();

    private static Model.Mesh MeshOf(MeshDsl.FrontEnd.CSharpDeclaration[] models) => MeshDsl.FrontEnd.CSharpDeclaration.MeshOf(models, Array.Empty<Model.Workload>());

    private static string Emit(MeshDsl.FrontEnd.CSharpDeclaration declaration) => MeshDsl.Emit.CSharpEmitter.DeclarationMetadata(new[] { MeshDsl.Emit.DeclarationOutput.Of(declaration) });

    internal static INamedTypeSymbol[] Declarations(Compilation compilation) => compilation.SyntaxTrees
        .SelectMany(t => t.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Where(c => c.Parent is not ClassDeclarationSyntax)
            .Select(c => (INamedTypeSymbol)compilation.GetSemanticModel(t).GetDeclaredSymbol(c)!))
        .ToArray();

    private static double Time(string what, int runs, Action action) => Time(what, runs, () => { action(); return 0; });

    private static double Time<T>(string what, int runs, Func<T> action)
    {
        action();
        var median = Median(runs, () => action());
        Console.WriteLine($"{what,-50} {median,9:F2} ms");
        return median;
    }

    /// <summary>The median of <paramref name="runs"/> timed runs, in milliseconds.</summary>
    /// <summary>The median of the bytes <paramref name="action"/> allocates per run, on every thread.</summary>
    public static double Allocated(int runs, Action action)
    {
        var bytes = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            action();
            bytes.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
        }

        bytes.Sort();
        return bytes[bytes.Count / 2];
    }

    public static double Median(int runs, Action action)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            action();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
