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

    /// <summary>
    /// The analyzers alone on a fresh generated compilation, as csc runs them (the generator's run is not timed). With
    /// <paramref name="bound"/>, every attribute is bound first, as emit binds them; with <paramref name="noop"/>, an analyzer
    /// that does nothing with each type runs instead: Roslyn's own floor for a symbol analyzer on that compilation. With
    /// <paramref name="acrossBuilds"/>, MeshDslGeneratorCache is on, and each run follows one on the same text, as the compiler
    /// server's next build of an unchanged project does (a new analyzer instance, every file parsed again).
    /// </summary>
    public static void Analyzers(int n, bool bound, bool noop, bool acrossBuilds = false)
    {
        var times = new List<double>();
        var parsed = 0;
        for (var i = 0; i < 6; i++)
        {
            var compilation = Generated(n, out _);
            if (bound) BindAttributes(compilation);
            var analyzer = new MeshDeclarationAnalyzer();
            var sw = System.Diagnostics.Stopwatch.StartNew();
            Analyze(compilation, noop ? new Noop() : analyzer, acrossBuilds);
            if (i > 0) times.Add(sw.Elapsed.TotalMilliseconds);
            parsed = analyzer.DeclarationsParsed;
        }

        times.Sort();
        var what = noop ? "an analyzer that does nothing" : acrossBuilds ? "MeshDsl analyzers, the server's next build (MeshDslGeneratorCache)," : "MeshDsl analyzers";
        Console.WriteLine($"N={n}: {what} on a fresh generated compilation{(bound ? " whose attributes are already bound" : string.Empty)}, median of 5: {times[2]:F0} ms (range {times[0]:F0}-{times[4]:F0}){(noop ? string.Empty : $", {parsed} declarations read in the last run")}");
    }

    /// <summary>
    /// The analyzers in the compiler server's build after an edit to one service: every file parsed again, one of them
    /// changed, MeshDslGeneratorCache on, a new analyzer instance, the project's NoWarn. Each round prints the wall time of
    /// the analysis, the analyzer's own time as Roslyn accounts it (what <c>-p:ReportAnalyzer=true</c> shows) and what the
    /// analysis allocated; <paramref name="noop"/> runs an analyzer that does nothing instead, Roslyn's floor.
    /// </summary>
    public static void AnalyzersAfterEdit(int n, bool noop)
    {
        var mesh = new MeshHarness(n);
        var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new BuildProperties("MeshDslGeneratorCache", "true"));
        var options = new CompilationWithAnalyzersOptions(analyzerOptions, null, concurrentAnalysis: true, logAnalyzerExecutionTime: true);
        var wall = new List<double>();
        var own = new List<double>();
        var allocated = new List<double>();
        for (var i = 0; i < 12; i++)
        {
            mesh.EditService();
            mesh.Reparse();
            var compilation = mesh.Compilation;
            BindAttributes(compilation);
            _ = compilation.GetDeclarationDiagnostics();
            DiagnosticAnalyzer analyzer = noop ? new Noop() : new MeshDeclarationAnalyzer();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create(analyzer), options);
            _ = withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            if (i < 2) continue; // the first build reads everything, the second JITs the take-over
            wall.Add(sw.Elapsed.TotalMilliseconds);
            allocated.Add((GC.GetTotalAllocatedBytes(precise: true) - before) / 1e6);
            own.Add(withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds);
        }

        static double Median(List<double> values) => values.OrderBy(v => v).ElementAt(values.Count / 2);
        Console.WriteLine($"N={n}: {(noop ? "an analyzer that does nothing" : "MeshDsl analyzers")}, the server's build after an edit, median of {wall.Count}: "
            + $"analysis {Median(wall):F0} ms, the analyzer's own time {Median(own):F0} ms (range {own.Min():F0}-{own.Max():F0}), allocated {Median(allocated):F1} MB");
    }

    /// <summary>Binds every type's attributes, the part of the analyzers' work that emit would do anyway.</summary>
    public static void BindAttributes(Compilation compilation)
    {
        var pending = new Stack<INamespaceOrTypeSymbol>();
        pending.Push(compilation.Assembly.GlobalNamespace);
        while (pending.Count > 0)
        {
            foreach (var member in pending.Pop().GetMembers())
            {
                if (member is INamedTypeSymbol type) _ = type.GetAttributes();
                if (member is INamespaceOrTypeSymbol container) pending.Push(container);
            }
        }
    }

#pragma warning disable RS1001, RS1025, RS1026, RS2008 // A benchmark's baseline, handed to the compiler directly.
    private sealed class Noop : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Descriptor = new("NOOP001", "Nothing", "Nothing", "Benchmark", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterSymbolAction(_ => { }, SymbolKind.NamedType);
        }
    }
#pragma warning restore RS1001, RS1025, RS1026, RS2008

    private static void Analyze(Compilation compilation, DiagnosticAnalyzer? analyzer = null, bool acrossBuilds = false)
    {
        var analyzerOptions = acrossBuilds
            ? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new BuildProperties("MeshDslGeneratorCache", "true"))
            : new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        var options = new CompilationWithAnalyzersOptions(analyzerOptions, null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        _ = compilation.WithAnalyzers(ImmutableArray.Create(analyzer ?? new MeshDeclarationAnalyzer()), options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }

    /// <summary>One build property, as MeshDsl.props makes it visible to the compiler.</summary>
    private sealed class BuildProperties(string name, string value) : AnalyzerConfigOptionsProvider
    {
        private readonly Global _global = new("build_property." + name, value);

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Global.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Global.Empty;

        private sealed class Global(string? key, string value) : AnalyzerConfigOptions
        {
            public static readonly Global Empty = new(null, string.Empty);

            public override bool TryGetValue(string name, out string result)
            {
                result = value;
                return name == key;
            }
        }
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
        var cache = new MeshDsl.FrontEnd.DeclarationCache<MeshDsl.FrontEnd.CSharpDeclaration>((s, ct) => MeshDsl.FrontEnd.DeclarationParser.Parse(s, ct, attributeChecks: false));
        _ = cache.Parse(mesh.Compilation, default);
        Console.WriteLine($"N={n}: cache, unrelated edit {Profile.Median(20, () => { mesh.EditUnrelated(); cache.Parse(mesh.Compilation, default); }),8:F2} ms"
            + $" | one service {Profile.Median(20, () => { mesh.EditService(); cache.Parse(mesh.Compilation, default); }),8:F2} ms"
            + $" | same compilation {Profile.Median(20, () => cache.Parse(mesh.Compilation, default)),8:F2} ms | parses {cache.Parses}");
        // On a warm compilation (attributes already bound): what a full parse through the cache adds to the parse itself.
        var symbols = Profile.Declarations(mesh.Compilation);
        var plain = Profile.Median(5, () => symbols.Select(s => MeshDsl.FrontEnd.DeclarationParser.Parse(s, default, attributeChecks: false)).ToArray());
        var cached = Profile.Median(5, () => new MeshDsl.FrontEnd.DeclarationCache<MeshDsl.FrontEnd.CSharpDeclaration>((s, ct) => MeshDsl.FrontEnd.DeclarationParser.Parse(s, ct, attributeChecks: false)).Parse(mesh.Compilation, default));
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
