using MeshDsl.Model;
using MeshDsl.Simulation;
using MeshDsl.Tests.Support;
using Microsoft.CodeAnalysis;

namespace MeshDsl.Tests.Simulation;

/// <summary>docs/bookinfo-graph.md: the Bookinfo sample drawn by <c>meshdsl graph</c>, generated from the sample.</summary>
public class GraphDocsTests
{
    [Fact]
    public void The_bookinfo_picture_is_the_graph_of_the_sample()
    {
        var page = Path.Combine(Paths.RepoRoot, "docs", "bookinfo-graph.md");
        var compilation = TestCompilation.Create(TestCompilation.Sample("Bookinfo"));
        var mesh = MeshDsl.FrontEnd.CSharpDeclaration.MeshOf(TestCompilation.Declarations(compilation), Array.Empty<Workload>());
        var expected = "# Bookinfo, drawn\n\n"
            + "`samples/Bookinfo` as `meshdsl graph` draws it (`meshdsl graph samples/Bookinfo/bin/Debug/net10.0/manifests/ --format svg`): hosts, "
            + "their rules in order (each rule's \"else\" leads to the next), and the subsets with their weights. `--format mermaid` (below, "
            + "rendered by GitHub) and `--format dot` (Graphviz) give the same graph. This page and [the SVG](bookinfo-graph.svg) are generated from the sample "
            + "by the tests; `build/render-docs.sh` renders the PNG from the SVG.\n\n"
            + "![Bookinfo's routing](bookinfo-graph.png)\n\n"
            + "```mermaid\n" + MeshGraph.Mermaid(mesh) + "```\n";
        var svgPage = Path.Combine(Paths.RepoRoot, "docs", "bookinfo-graph.svg");
        var svg = MeshGraph.Svg(mesh);
        if (Baseline.Updating)
        {
            File.WriteAllText(page, expected);
            File.WriteAllText(svgPage, svg);
            return;
        }

        Assert.True(File.Exists(page) && File.Exists(svgPage), $"{page} or its picture is missing: run the tests with MESHDSL_UPDATE_BASELINES=1");
        Assert.True(File.ReadAllText(page).Replace("\r\n", "\n") == expected, $"{page} is out of date: run the tests with MESHDSL_UPDATE_BASELINES=1 and review the diff");
        Assert.True(File.ReadAllText(svgPage).Replace("\r\n", "\n") == svg, $"{svgPage} is out of date: run the tests with MESHDSL_UPDATE_BASELINES=1 and review the diff");

        // The picture is well-formed XML, and the PNG was rendered from this SVG (twice its size: build/render-docs.sh).
        var xml = System.Xml.Linq.XDocument.Parse(svg);
        Assert.Equal("svg", xml.Root!.Name.LocalName);
        var png = File.ReadAllBytes(Path.Combine(Paths.RepoRoot, "docs", "bookinfo-graph.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png.Take(4));
        var (width, height) = (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        Assert.True((width, height) == (2 * int.Parse(xml.Root.Attribute("width")!.Value), 2 * int.Parse(xml.Root.Attribute("height")!.Value)),
            "docs/bookinfo-graph.png is not the current SVG's rendering: run build/render-docs.sh");

        // The YAML the build writes draws the same picture as the C#.
        var fromYaml = SimulatorTests.MeshOf(string.Join("---\n", TestCompilation.Run(compilation).Manifests().Values));
        Assert.Equal(MeshGraph.Mermaid(mesh), MeshGraph.Mermaid(fromYaml));
    }

    [Fact]
    public void With_MeshDslGraph_the_build_draws_the_mesh_below_the_folder_and_without_it_nothing()
    {
        var compilation = TestCompilation.Create(TestCompilation.Sample("Bookinfo"));
        var mesh = MeshDsl.FrontEnd.CSharpDeclaration.MeshOf(TestCompilation.Declarations(compilation).OrderBy(d => d.TypeName, StringComparer.Ordinal).ToArray(), Array.Empty<Workload>());
        var driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
            new[] { new MeshDsl.Generator.MeshGenerator().AsSourceGenerator() },
            parseOptions: TestCompilation.ParseOptions,
            optionsProvider: new BuildPropertiesProvider(("build_property.MeshDslGraph", "true")));
        var drawn = TestCompilation.Run(compilation, driver).Manifests();
        Assert.Equal(MeshGraph.Mermaid(mesh), drawn["graph/mesh.mmd"]);
        Assert.Equal(MeshGraph.Dot(mesh), drawn["graph/mesh.dot"]);

        var plain = TestCompilation.Run(compilation).Manifests();
        Assert.DoesNotContain(plain.Keys, k => k.StartsWith("graph/", StringComparison.Ordinal));
    }
}
