using MeshDsl.Benchmarks;
using MeshDsl.Generator;
using MeshDsl.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MeshDsl.Tests;

/// <summary>
/// The incremental behaviour the performance figures rest on, pinned on the benchmarks' synthetic mesh (not timed):
/// editing one service re-emits only its bucket's source (at this size, a bucket it has alone); an unrelated edit
/// re-emits nothing.
/// </summary>
public class SyntheticMeshCachingTests
{
    private const int Services = 20;

    private static (Compilation Compilation, GeneratorDriver Driver) Warm(MeshGenerator? generator = null)
    {
        var trees = Enumerable.Range(0, Services)
            .Select(i => CSharpSyntaxTree.ParseText(SyntheticMesh.Service(i), TestCompilation.ParseOptions, $"/mesh/Services/Svc{i}.cs"))
            .Append(CSharpSyntaxTree.ParseText(SyntheticMesh.Unrelated(0), TestCompilation.ParseOptions, "/mesh/Unrelated.cs"))
            .ToArray();
        var compilation = CSharpCompilation.Create("Mesh", trees, TestCompilation.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var run = TestCompilation.Run(compilation, TestCompilation.Driver(generator: generator));
        Assert.Equal(Services * 2, run.Manifests().Count);
        return (compilation, run.Driver);
    }

    [Fact]
    public void Editing_one_service_re_emits_only_its_own_declaration()
    {
        var (compilation, driver) = Warm();
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == "/mesh/Services/Svc7.cs");
        var edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(SyntheticMesh.Service(7, "12s"), TestCompilation.ParseOptions, old.FilePath));
        var result = TestCompilation.Run(edited, driver).Result.Results[0];

        var declarations = result.TrackedSteps[TrackingNames.Declarations].SelectMany(s => s.Outputs).ToArray();
        Assert.Equal(DeclarationBuckets.Count, declarations.Length);
        var bucket = (MeshGenerator.DeclarationBucket)Assert.Single(declarations, o => o.Reason == IncrementalStepRunReason.Modified).Value;
        Assert.Equal(new[] { "Shop.Svc7" }, bucket.Declarations.Select(d => d.TypeName));
        Assert.All(declarations.Where(o => o.Reason != IncrementalStepRunReason.Modified),
            o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));

        var outputs = result.TrackedSteps[TrackingNames.Outputs].SelectMany(s => s.Outputs).ToArray();
        var modified = Assert.Single(outputs, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(new[] { "shop-destinationrule-svc-7.yaml", "shop-virtualservice-svc-7.yaml" },
            ((MeshGenerator.BucketOutput)modified.Value).Declarations.SelectMany(d => d.Resources).Select(MeshDsl.Emit.ManifestFiles.FileName).OrderBy(f => f, StringComparer.Ordinal));

        var emitted = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Where(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified).ToArray();
        Assert.Single(emitted);
    }

    [Fact]
    public void An_unrelated_edit_re_emits_nothing()
    {
        var (compilation, driver) = Warm();
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == "/mesh/Unrelated.cs");
        var edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(SyntheticMesh.Unrelated(1), TestCompilation.ParseOptions, old.FilePath));
        var result = TestCompilation.Run(edited, driver).Result.Results[0];

        // MeshDsl's own steps (Roslyn's internal syntax steps do see the edited file as modified, as they should).
        var steps = new[] { TrackingNames.Declarations, TrackingNames.Outputs, TrackingNames.Accessors };
        Assert.All(steps.SelectMany(name => result.TrackedSteps[name]).SelectMany(s => s.Outputs),
            o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
    }

    [Fact]
    public void An_unrelated_edit_re_parses_no_declaration_and_an_edit_to_one_service_re_parses_only_it()
    {
        var generator = new MeshGenerator();
        var (compilation, driver) = Warm(generator);
        Assert.Equal(Services, generator.DeclarationsParsed);

        var unrelated = compilation.SyntaxTrees.Single(t => t.FilePath == "/mesh/Unrelated.cs");
        compilation = compilation.ReplaceSyntaxTree(unrelated, CSharpSyntaxTree.ParseText(SyntheticMesh.Unrelated(1), TestCompilation.ParseOptions, unrelated.FilePath));
        driver = TestCompilation.Run(compilation, driver).Driver;
        Assert.Equal(Services, generator.DeclarationsParsed);

        var service = compilation.SyntaxTrees.Single(t => t.FilePath == "/mesh/Services/Svc7.cs");
        compilation = compilation.ReplaceSyntaxTree(service, CSharpSyntaxTree.ParseText(SyntheticMesh.Service(7, "12s"), TestCompilation.ParseOptions, service.FilePath));
        var run = TestCompilation.Run(compilation, driver);
        Assert.Equal(Services + 1, generator.DeclarationsParsed);
        Assert.Contains("timeout: 12s", run.Manifests()["shop-virtualservice-svc-7.yaml"]);
    }

    /// <summary>
    /// The compiler server's next build with the driver kept (Roslyn's enable-generator-cache, which MeshDsl.props turns on):
    /// every file is parsed again, and only the edited service is read again and its bucket re-emitted.
    /// </summary>
    [Fact]
    public void A_build_that_parses_every_file_again_reads_only_the_edited_service_and_writes_what_a_new_driver_writes()
    {
        var generator = new MeshGenerator();
        var (compilation, driver) = Warm(generator);
        var rebuilt = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(
            t.FilePath == "/mesh/Services/Svc7.cs" ? SyntheticMesh.Service(7, "12s") : t.GetText().ToString(), TestCompilation.ParseOptions, t.FilePath)));

        var run = TestCompilation.Run(rebuilt, driver);
        Assert.Equal(Services + 1, generator.DeclarationsParsed);
        var fresh = TestCompilation.Run(rebuilt, TestCompilation.Driver());
        Assert.Equal(fresh.Manifests().OrderBy(m => m.Key, StringComparer.Ordinal), run.Manifests().OrderBy(m => m.Key, StringComparer.Ordinal));
        Assert.Contains("timeout: 12s", run.Manifests()["shop-virtualservice-svc-7.yaml"]);
        var emitted = run.Result.Results[0].TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs)
            .Where(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
        Assert.Single(emitted);
    }

    [Fact]
    public async Task Typing_in_one_service_re_parses_only_it_for_the_analyzers_and_reports_what_a_fresh_analysis_reports()
    {
        var (compilation, _) = Warm();
        var analyzer = new MeshDsl.Analyzers.MeshDeclarationAnalyzer();
        _ = await Analyze(compilation, analyzer);
        Assert.Equal(Services, analyzer.DeclarationsParsed);

        var service = compilation.SyntaxTrees.Single(t => t.FilePath == "/mesh/Services/Svc3.cs");
        var edited = compilation.ReplaceSyntaxTree(service, CSharpSyntaxTree.ParseText(
            SyntheticMesh.Service(3, "12s").Replace("Weight = 80", "Weight = 81", StringComparison.Ordinal), TestCompilation.ParseOptions, service.FilePath));
        var cached = await Analyze(edited, analyzer);
        Assert.Equal(Services + 1, analyzer.DeclarationsParsed);

        var fresh = await Analyze(edited, new MeshDsl.Analyzers.MeshDeclarationAnalyzer());
        Assert.Equal(fresh.Select(d => d.ToString()).OrderBy(d => d, StringComparer.Ordinal), cached.Select(d => d.ToString()).OrderBy(d => d, StringComparer.Ordinal));
        Assert.Contains(cached, d => d.Id == "MESH104" && d.Location.SourceTree!.FilePath.EndsWith("Svc3.cs", StringComparison.Ordinal));
    }

    private static Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> Analyze(Compilation compilation, MeshDsl.Analyzers.MeshDeclarationAnalyzer analyzer) =>
        WorkloadAnalysis.AnalyzeAsync(analyzer, compilation);
}
