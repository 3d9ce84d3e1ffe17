using System.Collections.Immutable;
using MeshDsl.Analyzers;
using MeshDsl.Benchmarks;
using MeshDsl.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MeshDsl.Tests.Analyzers;

/// <summary>
/// The compiler server's builds: every file parsed again, and a new analyzer instance each time (only the analyzer's
/// assembly stays loaded). With MeshDslGeneratorCache, a build takes over the last build's reading of the unchanged
/// files, and its diagnostics are those a fresh analysis reports, located in its own trees.
/// </summary>
public class AnalysisAcrossBuildsTests
{
    private const int Services = 12;

    private static readonly Dictionary<string, string> Kept = new() { ["MeshDslGeneratorCache"] = "true" };

    // A weight sum of 81: MESH104 on two of the services, so there are diagnostics to locate.
    private static string Service(int i) => i is 3 or 8 ? Broken(i) : SyntheticMesh.Service(i);

    private static string Broken(int i) => SyntheticMesh.Service(i).Replace("Weight = 80", "Weight = 81", StringComparison.Ordinal);

    /// <summary>A project of its own per test: the analyzers' store of last builds is shared by the whole process.</summary>
    private static Compilation Build(string project, Func<int, string>? service = null)
    {
        var trees = Enumerable.Range(0, Services)
            .Select(i => CSharpSyntaxTree.ParseText((service ?? Service)(i), TestCompilation.ParseOptions, $"/{project}/Services/Svc{i}.cs"))
            .Append(CSharpSyntaxTree.ParseText(SyntheticMesh.Unrelated(0), TestCompilation.ParseOptions, $"/{project}/Unrelated.cs"));
        return CSharpCompilation.Create(project, trees, TestCompilation.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    private static async Task<(ImmutableArray<Diagnostic> Diagnostics, int Parsed)> AnalyzeInNewInstance(Compilation compilation, IReadOnlyDictionary<string, string>? properties)
    {
        var analyzer = new MeshDeclarationAnalyzer();
        var diagnostics = await WorkloadAnalysis.AnalyzeAsync(analyzer, compilation, properties);
        return (diagnostics, analyzer.DeclarationsParsed);
    }

    private static async Task AssertAsAFreshAnalysis(Compilation compilation, ImmutableArray<Diagnostic> diagnostics)
    {
        var fresh = await WorkloadAnalysis.AnalyzeAsync(new MeshDeclarationAnalyzer(), compilation);
        static IEnumerable<string> Described(IEnumerable<Diagnostic> all) => all.Select(d => d.ToString()).OrderBy(d => d, StringComparer.Ordinal);
        Assert.Equal(Described(fresh), Described(diagnostics));
        Assert.All(diagnostics, d => Assert.Contains(d.Location.SourceTree, compilation.SyntaxTrees));
    }

    [Fact]
    public async Task A_build_takes_over_the_unchanged_files_and_locates_their_diagnostics_in_its_own_trees()
    {
        var first = Build("Taken");
        var (diagnostics, parsed) = await AnalyzeInNewInstance(first, Kept);
        Assert.Equal(Services, parsed);
        Assert.Equal(2, diagnostics.Count(d => d.Id == "MESH104"));

        // Nothing changed: nothing is read again.
        var again = Build("Taken");
        (diagnostics, parsed) = await AnalyzeInNewInstance(again, Kept);
        Assert.Equal(0, parsed);
        await AssertAsAFreshAnalysis(again, diagnostics);
        Assert.Equal(2, diagnostics.Count(d => d.Id == "MESH104"));

        // One service fixed and another broken: only those two are read again.
        var edited = Build("Taken", i => i == 3 ? SyntheticMesh.Service(3) : i == 5 ? Broken(5) : Service(i));
        (diagnostics, parsed) = await AnalyzeInNewInstance(edited, Kept);
        Assert.Equal(2, parsed);
        await AssertAsAFreshAnalysis(edited, diagnostics);
        Assert.Equal(new[] { "Svc5.cs", "Svc8.cs" }, diagnostics.Where(d => d.Id == "MESH104").Select(d => Path.GetFileName(d.Location.SourceTree!.FilePath)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Without_MeshDslGeneratorCache_every_build_reads_every_declaration()
    {
        var off = new Dictionary<string, string> { ["MeshDslGeneratorCache"] = "false" };
        _ = await AnalyzeInNewInstance(Build("Off"), off);
        var again = Build("Off");
        var (diagnostics, parsed) = await AnalyzeInNewInstance(again, off);
        Assert.Equal(Services, parsed);
        await AssertAsAFreshAnalysis(again, diagnostics);

        (_, parsed) = await AnalyzeInNewInstance(Build("Off"), null);
        Assert.Equal(Services, parsed);
    }
}
