using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;

namespace MeshDsl.Benchmarks;

/// <summary>The generator over the GeneratorDriver, as the IDE and the compiler run it.</summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private MeshHarness _mesh = null!;
    private GeneratorDriver _warm = null!;

    [Params(10, 100, 1000)]
    public int Services { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _mesh = new MeshHarness(Services);
        _warm = _mesh.Run(MeshHarness.NewDriver());
    }

    /// <summary>A first run: every service parsed and every manifest written.</summary>
    [Benchmark]
    public GeneratorDriver FullRun() => _mesh.Run(MeshHarness.NewDriver());

    /// <summary>The same compilation again: everything cached.</summary>
    [Benchmark]
    public GeneratorDriver NoOpRerun() => _warm = _mesh.Run(_warm);

    /// <summary>One service's file changes (its default timeout).</summary>
    [Benchmark]
    public GeneratorDriver EditOneService()
    {
        _mesh.EditService();
        return _warm = _mesh.Run(_warm);
    }

    /// <summary>A file with no MeshDsl attributes changes.</summary>
    [Benchmark]
    public GeneratorDriver EditUnrelatedFile()
    {
        _mesh.EditUnrelated();
        return _warm = _mesh.Run(_warm);
    }
}

/// <summary>The analyzers on the same models.</summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private MeshHarness _mesh = null!;

    [Params(10, 100, 1000)]
    public int Services { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _mesh = new MeshHarness(Services);
        _ = _mesh.Compilation.GetDiagnostics();
    }

    [Benchmark]
    public Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> Analyzers() => _mesh.AnalyzeAsync();
}

/// <summary>
/// The analyzers as the IDE runs them while the user types: after a one-line edit to one service, that document's
/// diagnostics, then the whole compilation's. The analyzer instance lives across edits, as in the IDE.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerTypingBenchmarks
{
    private MeshHarness _mesh = null!;
    private MeshDsl.Analyzers.MeshDeclarationAnalyzer _analyzer = null!;

    [Params(10, 100, 1000)]
    public int Services { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _mesh = new MeshHarness(Services);
        _analyzer = new MeshDsl.Analyzers.MeshDeclarationAnalyzer();
        _ = _mesh.AnalyzeCompilationAsync(_analyzer).GetAwaiter().GetResult();
    }

    /// <summary>A keystroke in one service's file, then that document's semantic analysis.</summary>
    [Benchmark]
    public Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> EditThenDocument()
    {
        _mesh.EditService();
        return _mesh.AnalyzeEditedDocumentAsync(_analyzer);
    }

    /// <summary>A keystroke in one service's file, then the document and then the whole compilation, as the IDE asks.</summary>
    [Benchmark]
    public async Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> EditThenDocumentThenCompilation()
    {
        _mesh.EditService();
        _ = await _mesh.AnalyzeEditedDocumentAsync(_analyzer);
        return await _mesh.AnalyzeCompilationAsync(_analyzer);
    }
}
