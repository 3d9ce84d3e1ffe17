using MeshDsl.Helpers;
using MeshDsl.Simulation;
using MeshDsl.Tests.Support;

namespace MeshDsl.Tests.Simulation;

/// <summary><c>meshdsl graph</c>: the seed's routing as Mermaid and DOT, compared with golden files, and the same whatever the file order.</summary>
public class MeshGraphTests
{
    private static readonly string[] Fixtures = { "02-header-based-routing", "04-url-rewriting", "11-gateway", "14-delay-injection" };

    private static string Yaml(IEnumerable<string> fixtures) =>
        string.Join("\n---\n", fixtures.Select(f => File.ReadAllText(Path.Combine(Paths.SeedManifests, f + ".yaml"))));

    [Fact]
    public void The_seed_routing_draws_as_its_golden_files()
    {
        var mesh = SimulatorTests.MeshOf(Yaml(Fixtures));
        Baseline.Verify("MeshGraph", new Dictionary<string, string>
        {
            ["seed.mmd"] = MeshGraph.Mermaid(mesh),
            ["seed.dot"] = MeshGraph.Dot(mesh),
        });
    }

    [Fact]
    public void The_graph_does_not_depend_on_the_order_of_the_files()
    {
        var forward = SimulatorTests.MeshOf(Yaml(Fixtures));
        var backward = SimulatorTests.MeshOf(Yaml(Fixtures.Reverse()));
        Assert.Equal(MeshGraph.Mermaid(forward), MeshGraph.Mermaid(backward));
        Assert.Equal(MeshGraph.Dot(forward), MeshGraph.Dot(backward));
    }

    [Fact]
    public void Rules_are_chained_in_order_and_weights_mirrors_and_gateways_are_drawn()
    {
        const string yaml = """
            apiVersion: networking.istio.io/v1
            kind: Gateway
            metadata: { name: edge, namespace: istio-system }
            spec:
              selector: { istio: ingressgateway }
              servers: [ { port: { number: 80, name: http, protocol: HTTP }, hosts: [ "*" ] } ]
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: { name: shop, namespace: web }
            spec:
              hosts: [ shop.example.com ]
              gateways: [ istio-system/edge ]
              http:
              - match: [ { uri: { prefix: /api } } ]
                route:
                - { destination: { host: api, subset: v1 }, weight: 90 }
                - { destination: { host: api, subset: v2 }, weight: 10 }
                mirror: { host: api, subset: v3 }
                mirrorPercentage: { value: 5 }
              - route: [ { destination: { host: storefront } } ]
            """;
        var mermaid = MeshGraph.Mermaid(SimulatorTests.MeshOf(yaml));
        Assert.Contains("[[\"gateway istio-system/edge\"]]", mermaid);
        Assert.Contains("-- \"90%\" -->", mermaid);
        Assert.Contains("-. \"mirror 5%\" .->", mermaid);
        Assert.Contains("-- \"else\" -->", mermaid);
        var dot = MeshGraph.Dot(SimulatorTests.MeshOf(yaml));
        Assert.StartsWith("digraph mesh {", dot, StringComparison.Ordinal);
        Assert.Contains("[label=\"mirror 5%\", style=dashed]", dot);
    }

    [Fact]
    public void The_graph_command_writes_mermaid_or_dot()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var file = Path.Combine(Paths.SeedManifests, "02-header-based-routing.yaml");
        Assert.Equal(0, MeshDsl.Cli.CommandLine.Run(new[] { "graph", file, "--format", "dot" }, new StringReader(string.Empty), stdout, stderr));
        Assert.StartsWith("digraph mesh {", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, MeshDsl.Cli.CommandLine.Run(new[] { "graph", file, "--format", "png" }, new StringReader(string.Empty), new StringWriter(), new StringWriter()));
    }
}

/// <summary>Property: whatever the names and matches hold, the picture is well-formed XML and the DOT quotes every label.</summary>
public class MeshGraphPropertyTests
{
    [Fact]
    public void Hostile_names_and_matches_never_break_the_notations()
    {
        var random = new Random(3);
        for (var n = 0; n < 300; n++)
        {
            string S() => random.Next(3) == 0 ? "reviews" : YamlStringPropertyTests.RandomString(random);
            var match = new MeshDsl.Model.HttpMatchRequest(null, new MeshDsl.Model.StringMatch(MeshDsl.Model.StringMatchKind.Prefix, S(), default), null, null, null,
                new[] { new MeshDsl.Model.NamedMatch(S(), new MeshDsl.Model.StringMatch(MeshDsl.Model.StringMatchKind.Exact, S(), default)) }.ToEquatableArray(),
                null, MeshDsl.Helpers.EquatableArray<MeshDsl.Model.Label>.Empty, MeshDsl.Helpers.EquatableArray<string>.Empty, MeshDsl.Helpers.EquatableArray<MeshDsl.Model.NamedMatch>.Empty,
                null, MeshDsl.Helpers.EquatableArray<MeshDsl.Model.NamedMatch>.Empty, null, null);
            var route = new MeshDsl.Model.HttpRoute(S(), new[] { match }.ToEquatableArray(),
                new[] { new MeshDsl.Model.HttpRouteDestination(new MeshDsl.Model.Destination(S(), S(), null), 100, null, default) }.ToEquatableArray(),
                null, null, null, null, null, null, null, null, null, default, MeshDsl.Helpers.EquatableArray<MeshDsl.Model.HttpMirrorPolicy>.Empty, null, null, default);
            var vs = new MeshDsl.Model.VirtualService(new MeshDsl.Model.ObjectMeta(S(), null), default, new MeshDsl.Model.VirtualServiceSpec(
                new[] { S() }.ToEquatableArray(), MeshDsl.Helpers.EquatableArray<string>.Empty, new[] { route }.ToEquatableArray(),
                MeshDsl.Helpers.EquatableArray<MeshDsl.Model.TlsRoute>.Empty, MeshDsl.Helpers.EquatableArray<MeshDsl.Model.TcpRoute>.Empty, MeshDsl.Helpers.EquatableArray<string>.Empty));
            var mesh = new MeshDsl.Model.Mesh(Array.Empty<MeshDsl.Model.ServiceInfo>(), new MeshDsl.Model.Resource[] { vs }, Array.Empty<MeshDsl.Model.Workload>(), "default");

            var svg = MeshGraph.Svg(mesh);
            System.Xml.Linq.XDocument.Parse(svg);
            var dot = MeshGraph.Dot(mesh);
            Assert.Equal(3, dot.Split('\n').Count(l => l.Contains("[label=\"", StringComparison.Ordinal) && l.Contains("shape=", StringComparison.Ordinal)));
            // Mermaid is line by line: one line for the header, each node and each edge.
            Assert.Equal(1 + 3 + 2, MeshGraph.Mermaid(mesh).TrimEnd('\n').Split('\n').Length);
        }
    }
}
