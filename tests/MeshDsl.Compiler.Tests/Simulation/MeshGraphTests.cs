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
