using MeshDsl.Tests.Support;
using MeshDsl.Workloads;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.Tests;

/// <summary>The generator side of issue 10: inputs that used to crash it, break the accessor, or write what Istio rejects.</summary>
public class TrustGeneratorTests
{
    [Fact]
    public void Two_Deployments_of_one_name_emit_one_and_never_crash_the_generator()
    {
        // Used to throw CS8785 (duplicate hint names), after which the build task deleted every manifest on disk.
        var run = TestCompilation.Run(TestCompilation.Create("""
            using MeshDsl;
            [MeshService("reviews", Port = 9080)]
            public partial class Reviews
            {
                [Subset("v1"), Deployment("reviews:1.0", Name = "reviews")] public partial class V1 { }
                [Subset("v2"), Deployment("reviews:2.0", Name = "reviews")] public partial class V2 { }
                [HttpRoute, RouteTo<V1>] public partial class Default { }
            }
            """));
        var deployment = Assert.Single(run.Manifests(), m => m.Key.StartsWith("deployment-"));
        Assert.Contains("image: reviews:1.0", deployment.Value);
        Assert.Contains(run.Sources.Keys, k => k == "MeshDsl.Generator.g.cs");
    }

    [Fact]
    public void Two_plain_HTTP_servers_get_port_names_Istio_accepts()
    {
        var run = TestCompilation.Run(TestCompilation.Create("""
            using MeshDsl;
            [Gateway("edge", Selector = new[] { "istio=ingress" })]
            public partial class Edge
            {
                [Server(80, ServerProtocol.Http, Hosts = new[] { "a.example.com" })] public partial class A { }
                [Server(8080, ServerProtocol.Http, Hosts = new[] { "b.example.com" })] public partial class B { }
                [Server(443, ServerProtocol.Https, Hosts = new[] { "a.example.com" }), ServerTls(ServerTlsMode.Simple, CredentialName = "a")] public partial class C { }
            }
            """));
        var gateway = (YamlMappingNode)YamlTree.ParseSingle(run.Manifests()["gateway-edge.yaml"]);
        var names = ((YamlSequenceNode)((YamlMappingNode)gateway["spec"])["servers"]).Children
            .Select(s => ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)s)["port"])["name"]).Value).ToArray();
        Assert.Equal(new[] { "http", "http-8080", "https" }, names);
    }

    public static TheoryData<string> AccessorHostileSources => new()
    {
        // Keyword identifiers.
        """
        namespace @class.@namespace
        {
            [MeshDsl.MeshService("a")] public partial class @class { [MeshDsl.Subset("v1")] public partial class @struct { } }
        }
        """,

        // A service nested in an interface: an interface cannot hold the accessor.
        """
        public partial interface IMesh
        {
            [MeshDsl.MeshService("a")] public partial class A { [MeshDsl.Subset("v1")] public partial class V1 { } }
        }
        """,

        // The name is taken: by a member, by a nested class, by the class itself.
        """
        [MeshDsl.MeshService("a")] public partial class A { public static string Manifests => "mine"; [MeshDsl.Subset("v1")] public partial class V1 { } }
        [MeshDsl.MeshService("b")] public partial class B { public partial class Manifests { } [MeshDsl.Subset("v1")] public partial class V1 { } }
        public partial class Outer { [MeshDsl.MeshService("c")] public partial class Manifests { [MeshDsl.Subset("v1")] public partial class V1 { } } }
        """,
    };

    [Theory]
    [MemberData(nameof(AccessorHostileSources))]
    public void Valid_CSharp_stays_valid_beside_the_generated_accessor(string source)
    {
        // Manifests() asserts that the compilation with the generated code has no errors.
        var run = TestCompilation.Run(TestCompilation.Create(source));
        Assert.NotEmpty(run.Manifests());
    }

    [Fact]
    public void The_accessor_of_a_keyword_named_class_returns_its_manifests()
    {
        var run = TestCompilation.Run(TestCompilation.Create("""
            namespace @class { [MeshDsl.MeshService("a")] public partial class @event { [MeshDsl.Subset("v1")] public partial class V1 { } } }
            """));
        var accessor = Assert.Single(run.Sources, s => s.Key.StartsWith("MeshDsl.Accessors.", StringComparison.Ordinal)).Value;
        Assert.Contains("namespace @class", accessor);
        Assert.Contains("partial class @event", accessor);
    }

    [Fact]
    public void Deeply_nested_workload_YAML_is_a_readable_error_not_a_stack_overflow()
    {
        var depth = 200_000;
        var yaml = "kind: Deployment\nspec: " + new string('[', depth) + new string(']', depth) + "\n";
        var file = WorkloadYaml.Parse("/k8s/deep.yaml", yaml);
        Assert.Empty(file.Workloads);
        Assert.Contains("nests deeper than 100 levels", file.Error);

        var fine = WorkloadYaml.Parse("/k8s/ok.yaml", "kind: Deployment\nmetadata:\n  name: a\nspec:\n  template:\n    metadata:\n      labels:\n        app: a\n" + "x: " + new string('[', 50) + new string(']', 50) + "\n");
        Assert.Null(fine.Error);
        Assert.Single(fine.Workloads);
    }

    [Fact]
    public void MeshDslNamespace_is_part_of_the_generated_manifests_so_disk_run_time_and_analyzers_agree()
    {
        const string Source = """
            using MeshDsl;
            [MeshService("reviews")] public partial class Reviews { [Subset("v1")] public partial class V1 { } [HttpRoute, RouteTo<V1>] public partial class D { } }
            [MeshService("ratings", Namespace = "shop")] public partial class Ratings { [Subset("v1")] public partial class V1 { } }
            """;
        var run = TestCompilation.Run(TestCompilation.Create(Source), TestCompilation.Driver(meshDslNamespace: " bookinfo "));
        var manifests = run.Manifests();
        Assert.Equal(new[] { "bookinfo-destinationrule-reviews.yaml", "bookinfo-virtualservice-reviews.yaml", "shop-destinationrule-ratings.yaml" }, manifests.Keys);
        Assert.Contains("metadata:\n  name: reviews\n  namespace: bookinfo\n", manifests["bookinfo-virtualservice-reviews.yaml"]);

        // A value that is no namespace is not applied (the build fails on it, MESHB009); an unchanged one keeps everything cached.
        var invalid = TestCompilation.Run(TestCompilation.Create(Source), TestCompilation.Driver(meshDslNamespace: "Book_Info"));
        Assert.Contains("virtualservice-reviews.yaml", invalid.Manifests().Keys);
        var again = TestCompilation.Run(TestCompilation.Create(Source), run.Driver);
        Assert.All(again.Result.Results[0].TrackedSteps[MeshDsl.Generator.TrackingNames.Outputs].SelectMany(s => s.Outputs),
            o => Assert.Contains(o.Reason, new[] { Microsoft.CodeAnalysis.IncrementalStepRunReason.Cached, Microsoft.CodeAnalysis.IncrementalStepRunReason.Unchanged }));
    }
}
