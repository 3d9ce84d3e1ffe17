using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshDsl.Benchmarks;

/// <summary>
/// What Roslyn itself costs on an edit: a generator with ForAttributeWithMetadataName and a trivial transform, counting
/// how often the transform runs. The floor under any attribute-driven generator's edit latency.
/// </summary>
internal static class FawmnProbe
{
    private static int _transforms;

    private sealed class Probe : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var names = context.SyntaxProvider.ForAttributeWithMetadataName(
                "MeshDsl.MeshServiceAttribute",
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, _) => { Interlocked.Increment(ref _transforms); return ctx.TargetSymbol.Name; });
            context.RegisterSourceOutput(names, static (_, _) => { });
        }
    }

    public static void Run(int n)
    {
        var mesh = new MeshHarness(n);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new Probe().AsSourceGenerator() }, parseOptions: new CSharpParseOptions(LanguageVersion.Latest));
        driver = driver.RunGenerators(mesh.Compilation);
        var times = new List<double>();
        var before = _transforms;
        for (var i = 0; i < 10; i++)
        {
            mesh.EditUnrelated();
            var sw = Stopwatch.StartNew();
            driver = driver.RunGenerators(mesh.Compilation);
            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine($"FAWMN floor, N={n}: unrelated edit {times[5]:F2} ms (median), {(_transforms - before) / 10} transform runs per edit");
    }
}
