using System.Collections.Immutable;
using MeshDsl.Analyzers;
using MeshDsl.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshDsl.Benchmarks;

/// <summary>A synthetic mesh compilation and the operations the benchmarks time.</summary>
public sealed class MeshHarness
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly ImmutableArray<MetadataReference> References = Basic.Reference.Assemblies.Net100.References.All
        .Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(MeshServiceAttribute).Assembly.Location))
        .ToImmutableArray();

    private readonly SyntaxTree[] _serviceVariants;
    private readonly SyntaxTree[] _unrelatedVariants;
    private int _serviceEdits;
    private int _unrelatedEdits;

    public MeshHarness(int count)
    {
        var trees = Enumerable.Range(0, count)
            .Select(i => CSharpSyntaxTree.ParseText(SyntheticMesh.Service(i), ParseOptions, $"/mesh/Services/Svc{i}.cs"))
            .Append(CSharpSyntaxTree.ParseText(SyntheticMesh.Unrelated(0), ParseOptions, "/mesh/Unrelated.cs"))
            .ToArray();
        Compilation = CSharpCompilation.Create("Mesh", trees, References, Options());
        var edited = count / 2;
        _serviceVariants = new[] { "11s", "12s" }.Select(t => CSharpSyntaxTree.ParseText(SyntheticMesh.Service(edited, t), ParseOptions, $"/mesh/Services/Svc{edited}.cs")).ToArray();
        _unrelatedVariants = new[] { 1, 2 }.Select(v => CSharpSyntaxTree.ParseText(SyntheticMesh.Unrelated(v), ParseOptions, "/mesh/Unrelated.cs")).ToArray();
        EditedService = edited;
    }

    public Compilation Compilation { get; private set; }

    public int EditedService { get; }

    public static GeneratorDriver NewDriver(bool track = false) => CSharpGeneratorDriver.Create(
        new[] { new MeshGenerator().AsSourceGenerator() },
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    public GeneratorDriver Run(GeneratorDriver driver) => driver.RunGenerators(Compilation);

    /// <summary>
    /// The compiler server's next build of the same project: every file parsed again from its text, the options made
    /// again, the same references (the server shares their metadata between builds).
    /// </summary>
    public void Reparse()
    {
        var trees = Compilation.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), ParseOptions, t.FilePath));
        Compilation = CSharpCompilation.Create("Mesh", trees, References, Options());
    }

    /// <summary>The project's options as its Mesh.csproj sets them, so the analyzers see what the IDE would give them; a new object each call.</summary>
    private static CSharpCompilationOptions Options() => new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
        .WithSpecificDiagnosticOptions(SyntheticMesh.Silenced.ToDictionary(id => id, _ => ReportDiagnostic.Suppress));

    /// <summary>Swaps the edited service's file for its other variant (its default timeout changes).</summary>
    public void EditService()
    {
        var old = Compilation.SyntaxTrees.First(t => t.FilePath == _serviceVariants[0].FilePath);
        Compilation = Compilation.ReplaceSyntaxTree(old, _serviceVariants[_serviceEdits++ % 2]);
    }

    /// <summary>Swaps the unrelated file for its other variant.</summary>
    public void EditUnrelated()
    {
        var old = Compilation.SyntaxTrees.First(t => t.FilePath == "/mesh/Unrelated.cs");
        Compilation = Compilation.ReplaceSyntaxTree(old, _unrelatedVariants[_unrelatedEdits++ % 2]);
    }

    /// <summary>
    /// Runs MeshDsl's analyzers on the compilation. The call's wall time includes the compiler binding the analyzed copy of
    /// the compilation (which a build pays anyway); <see cref="AnalyzerTimeAsync"/> is the analyzers' own time.
    /// </summary>
    public async Task<ImmutableArray<Diagnostic>> AnalyzeAsync()
    {
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new MeshDeclarationAnalyzer());
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        return await Compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
    }

    /// <summary>
    /// What the IDE asks after a keystroke in the edited service's file: that document's MeshDsl diagnostics (semantic
    /// analysis scoped to one document), with an analyzer instance kept from earlier compilations as the IDE keeps it.
    /// </summary>
    public async Task<ImmutableArray<Diagnostic>> AnalyzeEditedDocumentAsync(DiagnosticAnalyzer analyzer)
    {
        var tree = Compilation.SyntaxTrees.First(t => t.FilePath == _serviceVariants[0].FilePath);
        var withAnalyzers = Compilation.WithAnalyzers(ImmutableArray.Create(analyzer), IdeOptions);
        return await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(Compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);
    }

    /// <summary>The whole compilation's MeshDsl diagnostics (the IDE's full analysis), with a kept analyzer instance.</summary>
    public async Task<ImmutableArray<Diagnostic>> AnalyzeCompilationAsync(DiagnosticAnalyzer analyzer) =>
        await Compilation.WithAnalyzers(ImmutableArray.Create(analyzer), IdeOptions).GetAnalyzerDiagnosticsAsync();

    /// <summary>The kept analyzer's own time in a whole-compilation analysis, as Roslyn accounts it.</summary>
    public async Task<TimeSpan> CompilationAnalyzerTimeAsync(DiagnosticAnalyzer analyzer)
    {
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        var withAnalyzers = Compilation.WithAnalyzers(ImmutableArray.Create(analyzer), options);
        _ = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        return (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime;
    }

    private static readonly CompilationWithAnalyzersOptions IdeOptions =
        new(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);

    /// <summary>The analyzers' own execution time, as Roslyn accounts it (what `-p:ReportAnalyzer=true` reports in a build).</summary>
    public async Task<TimeSpan> AnalyzerTimeAsync()
    {
        var analyzer = new MeshDeclarationAnalyzer();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        var withAnalyzers = Compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), options);
        _ = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        return (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime;
    }
}
