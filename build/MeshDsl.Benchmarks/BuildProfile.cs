using System.Collections.Immutable;
using MeshDsl.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshDsl.Benchmarks;

/// <summary>
/// What a command-line build pays, in process: each step on a fresh compilation, as csc sees one (no state from an earlier
/// run), so the figures add up to what `dotnet build` spends in MeshDsl and in compiling what it generates.
/// </summary>
internal static class BuildProfile
{
    public static void Run(int n)
    {
        Console.WriteLine($"N={n}, each step on a fresh compilation, median of 5:");
        Step("parse the sources (harness only)", () => new MeshHarness(n));
        Step("compile and emit, without MeshDsl", () => Emit(new MeshHarness(n).Compilation));
        Step("generator, full run", () => new MeshHarness(n).Run(MeshHarness.NewDriver()));
        Step("compile and emit, with generated sources", () => Emit(Generated(n, out _)));
        Step("generated sources only: parse and bind them", () => Generated(n, out _).GetDiagnostics());
        Step("MeshDsl analyzers, on the generated compilation", () => Analyze(Generated(n, out _)));
    }

    private static Compilation Generated(int n, out ImmutableArray<Diagnostic> diagnostics)
    {
        var mesh = new MeshHarness(n);
        MeshHarness.NewDriver().RunGeneratorsAndUpdateCompilation(mesh.Compilation, out var output, out diagnostics);
        return output;
    }

    private static void Emit(Compilation compilation)
    {
        var result = compilation.Emit(Stream.Null);
        if (!result.Success) throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Take(5)));
    }

    private static void Analyze(Compilation compilation)
    {
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        _ = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MeshDeclarationAnalyzer()), options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }

    private static void Step(string what, Action action)
    {
        action();
        Console.WriteLine($"  {what,-52} {Profile.Median(5, action),9:F0} ms");
    }
}

/// <summary>The declaration cache alone, without the generator driver around it: what an edit costs MeshDsl itself.</summary>
internal static class CacheProfile
{
    public static void Run(int n)
    {
        var mesh = new MeshHarness(n);
        var cache = new MeshDsl.FrontEnd.DeclarationCache<Model.MeshDeclaration>((s, ct) => MeshDsl.FrontEnd.DeclarationParser.Parse(s, ct, attributeChecks: false));
        _ = cache.Parse(mesh.Compilation, default);
        Console.WriteLine($"N={n}: cache, unrelated edit {Profile.Median(20, () => { mesh.EditUnrelated(); cache.Parse(mesh.Compilation, default); }),8:F2} ms"
            + $" | one service {Profile.Median(20, () => { mesh.EditService(); cache.Parse(mesh.Compilation, default); }),8:F2} ms"
            + $" | same compilation {Profile.Median(20, () => cache.Parse(mesh.Compilation, default)),8:F2} ms | parses {cache.Parses}");
        // On a warm compilation (attributes already bound): what a full parse through the cache adds to the parse itself.
        var symbols = Profile.Declarations(mesh.Compilation);
        var plain = Profile.Median(5, () => symbols.Select(s => MeshDsl.FrontEnd.DeclarationParser.Parse(s, default, attributeChecks: false)).ToArray());
        var cached = Profile.Median(5, () => new MeshDsl.FrontEnd.DeclarationCache<Model.MeshDeclaration>((s, ct) => MeshDsl.FrontEnd.DeclarationParser.Parse(s, ct, attributeChecks: false)).Parse(mesh.Compilation, default));
        Console.WriteLine($"  full parse on a warm compilation: parser alone {plain:F1} ms, through a new cache {cached:F1} ms");
        var analyzer = new MeshDsl.Analyzers.MeshDeclarationAnalyzer();
        for (var i = 0; i < 4; i++)
        {
            mesh.EditService();
            _ = mesh.AnalyzeEditedDocumentAsync(analyzer).GetAwaiter().GetResult();
            var afterDocument = analyzer.DeclarationsParsed;
            _ = mesh.AnalyzeCompilationAsync(analyzer).GetAwaiter().GetResult();
            Console.WriteLine($"  analyzer parses after keystroke {i}: document {afterDocument}, compilation {analyzer.DeclarationsParsed}");
        }
    }
}
