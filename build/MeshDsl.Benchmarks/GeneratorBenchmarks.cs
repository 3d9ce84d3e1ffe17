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
