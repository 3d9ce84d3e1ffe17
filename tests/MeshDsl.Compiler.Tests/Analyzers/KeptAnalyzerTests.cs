using System.Collections.Immutable;
using MeshDsl.Analyzers;
using MeshDsl.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MeshDsl.Tests.Analyzers;

/// <summary>
/// An analyzer instance kept between compilations (as the IDE keeps it) reuses a declaration's diagnostics only while
/// neither the declaration nor its share of the mesh-wide findings changed.
/// </summary>
public class KeptAnalyzerTests
{
    private const string Front = """
        using MeshDsl;
        [VirtualService("front", Namespace = "shop", Hosts = new[] { "front.shop.svc.cluster.local" })]
        public partial class Front { [HttpRoute, RouteToHost("front-v1.shop.svc.cluster.local")] public partial class Default { } }
        """;

    private static string Other(string host) => $$"""
        using MeshDsl;
        [VirtualService("other", Namespace = "shop", Hosts = new[] { "{{host}}" })]
        public partial class Other { [HttpRoute, RouteToHost("other-v1.shop.svc.cluster.local")] public partial class Default { } }
        """;

    [Fact]
    public async Task An_edit_to_one_declaration_reaches_the_mesh_wide_findings_of_an_unchanged_one()
    {
        var analyzer = new MeshDeclarationAnalyzer();
        var compilation = TestCompilation.Create(("/src/Front.cs", Front), ("/src/Other.cs", Other("other.shop.svc.cluster.local")));
        Assert.DoesNotContain(await Analyze(analyzer, compilation), d => d.Id == "MESH010");

        // Other now claims Front's host: MESH010 (IST0109) on both, though Front's file did not change.
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == "/src/Other.cs");
        var edited = compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(Other("front.shop.svc.cluster.local"), TestCompilation.ParseOptions, old.FilePath));
        var kept = await Analyze(analyzer, edited);
        var onFront = Assert.Single(kept, d => d.Id == "MESH010" && d.Location.SourceTree!.FilePath == "/src/Front.cs");
        Assert.Contains("VirtualService 'front' claims host 'front.shop.svc.cluster.local' for the mesh, and so does VirtualService 'other' (Other):", onFront.GetMessage());
        Assert.Contains(kept, d => d.Id == "MESH010" && d.Location.SourceTree!.FilePath == "/src/Other.cs");
        var fresh = await Analyze(new MeshDeclarationAnalyzer(), edited);
        Assert.Equal(fresh.Select(d => d.ToString()).OrderBy(d => d, StringComparer.Ordinal), kept.Select(d => d.ToString()).OrderBy(d => d, StringComparer.Ordinal));

        // And back: the unchanged Front loses its finding again.
        var back = edited.ReplaceSyntaxTree(edited.SyntaxTrees.Single(t => t.FilePath == "/src/Other.cs"), old);
        Assert.DoesNotContain(await Analyze(analyzer, back), d => d.Id == "MESH010");
    }

    private static Task<ImmutableArray<Diagnostic>> Analyze(MeshDeclarationAnalyzer analyzer, Compilation compilation) =>
        WorkloadAnalysis.AnalyzeAsync(analyzer, compilation);
}
