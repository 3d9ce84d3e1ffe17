using MeshDsl.Tests.Support;
using MeshDsl.Workloads;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshDsl.Tests.Analyzers;

/// <summary>Subsets and services checked against the workloads that really run, declared in C# or kept in YAML.</summary>
public class WorkloadTests
{
    private const string Reviews = """
        using MeshDsl;
        [MeshService("reviews", Namespace = "bookinfo")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
            [HttpRoute, RouteTo<V1>(Weight = 90), RouteTo<V2>(Weight = 10)] public partial class Default { }
        }
        """;

    private static string Deployment(string name, string ns, string templateLabels, string metadataLabels = "", string kind = "Deployment", string api = "apps/v1") => $"""
        apiVersion: {api}
        kind: {kind}
        metadata:
          name: {name}
          namespace: {ns}{metadataLabels}
        spec:
          template:
            metadata:
              labels:
        {templateLabels}
        """;

    [Fact]
    public async Task Bookinfo_builds_clean_against_its_workloads()
    {
        var diagnostics = await WorkloadAnalysis.AnalyzeAsync(TestCompilation.Create(TestCompilation.Sample("Bookinfo")), WorkloadAnalysis.BookinfoWorkloads());
        Assert.DoesNotContain(diagnostics, d => d.Id is "MESH501" or "MESH502" or "MESH503" or "MESH504");
    }

    [Fact]
    public async Task Removing_the_reviews_v3_Deployment_reports_MESH501_on_subset_v3()
    {
        // The Bookinfo sample's own files, with the reviews-v3 document cut out, as a user deleting it would.
        var workloads = WorkloadAnalysis.BookinfoWorkloads(text =>
        {
            var documents = text.Split("\n---\n");
            return string.Join("\n---\n", documents.Where(d => !d.Contains("name: reviews-v3")));
        });
        Assert.DoesNotContain(workloads, w => w.GetText().ToString().Contains("reviews-v3"));

        var diagnostics = await WorkloadAnalysis.AnalyzeAsync(TestCompilation.Create(TestCompilation.Sample("Bookinfo")), workloads);
        var finding = Assert.Single(diagnostics, d => d.Id == "MESH501");
        Assert.Equal("[Subset(\"v3\")]", "[" + finding.Location.SourceTree!.GetRoot().FindNode(finding.Location.SourceSpan).ToString() + "]");
        Assert.Contains("Subset 'v3' of 'reviews' selects no workload: no pods in namespace 'bookinfo' carry app=reviews, version=v3", finding.GetMessage());
        Assert.Contains("nearest: Deployment bookinfo/reviews-v1", finding.GetMessage());
    }

    [Fact]
    public async Task An_analyzer_kept_between_compilations_sees_a_workload_file_change_although_no_declaration_changed()
    {
        var analyzer = new MeshDsl.Analyzers.MeshDeclarationAnalyzer();
        var compilation = TestCompilation.Create(TestCompilation.Sample("Bookinfo"));
        Assert.DoesNotContain(await WorkloadAnalysis.AnalyzeAsync(analyzer, compilation, WorkloadAnalysis.BookinfoWorkloads()), d => d.Id == "MESH501");
        var parsed = analyzer.DeclarationsParsed;

        var withoutV3 = WorkloadAnalysis.BookinfoWorkloads(text => string.Join("\n---\n", text.Split("\n---\n").Where(d => !d.Contains("name: reviews-v3"))));
        var diagnostics = await WorkloadAnalysis.AnalyzeAsync(analyzer, compilation.Clone(), withoutV3);
        Assert.Equal(parsed, analyzer.DeclarationsParsed);
        Assert.Contains("Subset 'v3' of 'reviews'", Assert.Single(diagnostics, d => d.Id == "MESH501").GetMessage());
    }

    [Fact]
    public async Task Labels_matched_only_in_another_namespace_do_not_count()
    {
        var yaml = new TestAdditionalText("/k8s/reviews.yaml",
            Deployment("reviews-v1", "bookinfo", "            app: reviews\n            version: v1") + "\n---\n" + Deployment("reviews-v2", "staging", "            app: reviews\n            version: v2"));
        var diagnostics = await WorkloadAnalysis.AnalyzeAsync(TestCompilation.Create(Reviews), yaml);
        var finding = Assert.Single(diagnostics, d => d.Id == "MESH501");
        Assert.Contains("Subset 'v2'", finding.GetMessage());
        Assert.Contains("Deployment staging/reviews-v2", finding.GetMessage());
    }

    [Fact]
    public async Task Pod_template_labels_count_not_the_Deployments_own_labels()
    {
        var yaml = new TestAdditionalText("/k8s/reviews.yaml",
            Deployment("reviews-v1", "bookinfo", "            app: reviews\n            version: v1") + "\n---\n"
            + Deployment("reviews-v2", "bookinfo", "            app: reviews\n            version: v1", metadataLabels: "\n  labels:\n    app: reviews\n    version: v2"));
        var diagnostics = await WorkloadAnalysis.AnalyzeAsync(TestCompilation.Create(Reviews), yaml);
        var finding = Assert.Single(diagnostics, d => d.Id == "MESH501");
        Assert.Contains("Subset 'v2'", finding.GetMessage());
        Assert.Contains("Deployment bookinfo/reviews-v2 (app=reviews, version=v1; reviews.yaml:", finding.GetMessage());
    }

    [Fact]
    public async Task Helm_output_with_separators_comments_and_other_kinds_is_read()
    {
        var helm = "# Source: chart/templates/svc.yaml\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: reviews\n---\n# Source: chart/templates/a.yaml\n"
            + Deployment("reviews-v1", "bookinfo", "            app: reviews\n            version: v1") + "\n---\n# an empty document\n---\n"
            + Deployment("reviews-v2", "bookinfo", "            app: reviews\n            version: v2", kind: "Rollout", api: "argoproj.io/v1alpha1") + "\n...\n";
        var diagnostics = await WorkloadAnalysis.AnalyzeAsync(TestCompilation.Create(Reviews), new TestAdditionalText("/k8s/helm.yaml", helm));
        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("MESH5", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("StatefulSet")]
    [InlineData("DaemonSet")]
    [InlineData("ReplicaSet")]
    public async Task Every_workload_kind_counts(string kind)
    {
        var yaml = new TestAdditionalText("/k8s/w.yaml",
            Deployment("reviews-v1", "bookinfo", "            app: reviews\n            version: v1", kind: kind) + "\n---\n" + Deployment("reviews-v2", "bookinfo", "            app: reviews\n            version: v2", kind: kind));
        var diagnostics = await WorkloadAnalysis.AnalyzeAsync(TestCompilation.Create(Reviews), yaml);
        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("MESH5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bare_Pod_counts_by_its_own_labels()
    {
        var pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: reviews-debug\n  namespace: bookinfo\n  labels:\n    app: reviews\n    version: v1\n---\n"
            + Deployment("reviews-v2", "bookinfo", "            app: reviews\n            version: v2");
        var diagnostics = await WorkloadAnalysis.AnalyzeAsync(TestCompilation.Create(Reviews), new TestAdditionalText("/k8s/pod.yaml", pod));
        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("MESH5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_service_whose_selector_selects_nothing_is_MESH502()
    {
        var yaml = new TestAdditionalText("/k8s/w.yaml", Deployment("reviews-v1", "bookinfo", "            app: reviews-app\n            version: v1"));
        var diagnostics = await WorkloadAnalysis.AnalyzeAsync(TestCompilation.Create(Reviews), yaml);
        var finding = Assert.Single(diagnostics, d => d.Id == "MESH502");
        Assert.Contains("Service 'reviews' selects no workload: no pods in namespace 'bookinfo' carry app=reviews; none has any of these labels", finding.GetMessage());
        Assert.DoesNotContain(diagnostics, d => d.Id == "MESH501");
    }

    [Fact]
    public async Task An_unreadable_file_is_MESH503_at_its_path_and_line()
    {
        var broken = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: \"unterminated\n  namespace: bookinfo\n";
        var diagnostics = await WorkloadAnalysis.AnalyzeAsync(TestCompilation.Create(Reviews), new TestAdditionalText("/k8s/broken.yaml", broken));
        var finding = Assert.Single(diagnostics, d => d.Id == "MESH503");
        Assert.Equal("/k8s/broken.yaml", finding.Location.GetLineSpan().Path);
        Assert.Equal(3, finding.Location.GetLineSpan().StartLinePosition.Line);
        Assert.StartsWith("The workloads file cannot be read: line 4:", finding.GetMessage());
    }

    [Fact]
    public async Task Without_workloads_the_check_stays_quiet()
    {
        var diagnostics = await WorkloadAnalysis.AnalyzeAsync(TestCompilation.Create(Reviews));
        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("MESH5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task YAML_files_not_named_in_MeshDslWorkloads_are_not_read()
    {
        var compilation = TestCompilation.Create(Reviews);
        var other = new TestAdditionalText("/config/app.yaml", "not: [valid");
        var options = new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(other), new WorkloadOptionsProvider(Array.Empty<string>()));
        var diagnostics = await compilation.WithAnalyzers(System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new MeshDsl.Analyzers.MeshDeclarationAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("MESH5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deployments_declared_in_CSharp_count_and_two_subsets_on_the_same_pods_are_MESH504()
    {
        const string source = """
            using MeshDsl;
            [MeshService("reviews")]
            public partial class Reviews
            {
                [Subset("v1"), Deployment("reviews:1.0")] public partial class V1 { }
                [Subset("stable", Labels = new[] { "version=v1" })] public partial class Stable { }
                [HttpRoute, RouteTo<V1>(Weight = 50), RouteTo<Stable>(Weight = 50)] public partial class Default { }
            }
            """;
        var diagnostics = await WorkloadAnalysis.AnalyzeAsync(TestCompilation.Create(source));
        var finding = Assert.Single(diagnostics, d => d.Id == "MESH504");
        Assert.Equal("Subsets 'stable' and 'v1' of 'reviews' select the same pods (Deployment reviews-v1): a weight split between them is not what runs; give each version its own label", finding.GetMessage());
        Assert.DoesNotContain(diagnostics, d => d.Id is "MESH501" or "MESH502");
    }

    [Fact]
    public async Task An_edit_to_CSharp_does_not_read_the_workload_files_again()
    {
        var workloads = WorkloadAnalysis.BookinfoWorkloads();
        var compilation = TestCompilation.Create(TestCompilation.Sample("Bookinfo"));
        await WorkloadAnalysis.AnalyzeAsync(compilation, workloads);
        var parses = WorkloadYaml.Parses;

        var tree = compilation.SyntaxTrees.First();
        var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(tree.GetText().ToString() + "\n// edited\n", TestCompilation.ParseOptions, tree.FilePath));
        var diagnostics = await WorkloadAnalysis.AnalyzeAsync(edited, workloads);

        Assert.Equal(parses, WorkloadYaml.Parses);
        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("MESH5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownHost_reports_a_RouteToHost_no_Service_or_ServiceEntry_defines()
    {
        const string Source = """
            using MeshDsl;
            [VirtualService("edge", Hosts = new[] { "edge.example.com" }, ExternalGateways = new[] { "istio-system/ingress" })]
            public partial class Edge
            {
                [HttpRoute, MatchUri(Prefix = "/a"), RouteToHost("reviews")] public partial class A { }
                [HttpRoute, MatchUri(Prefix = "/b"), RouteToHost("api.example.com")] public partial class B { }
                [HttpRoute, RouteToHost("reviewz")] public partial class C { }
            }
            """;
        var hosts = new TestAdditionalText("/k8s/hosts.yaml",
            "apiVersion: v1\nkind: Service\nmetadata:\n  name: reviews\nspec:\n  ports:\n  - port: 9080\n---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: api\nspec:\n  hosts: [api.example.com]\n");
        var diagnostics = await WorkloadAnalysis.AnalyzeAsync(TestCompilation.Create(Source), hosts);
        var unknown = Assert.Single(diagnostics, d => d.Id == "MESH111");
        Assert.Equal("\"reviewz\"", unknown.Location.SourceTree!.GetText().ToString(unknown.Location.SourceSpan));

        // Without the Services file the project does not know its hosts, and says nothing.
        Assert.DoesNotContain(await WorkloadAnalysis.AnalyzeAsync(TestCompilation.Create(Source)), d => d.Id == "MESH111");
    }

    [Fact]
    public async Task GatewayPortNotExposed_reports_a_server_port_the_ingress_Service_does_not_expose()
    {
        const string Source = """
            using MeshDsl;
            [Gateway("edge", Namespace = "istio-system", Selector = new[] { "istio=ingressgateway" })]
            public partial class Edge
            {
                [Server(80, ServerProtocol.Http, Hosts = new[] { "shop.example.com" })] public partial class Http { }
                [Server(8443, ServerProtocol.Https, Hosts = new[] { "shop.example.com" }), ServerTls(ServerTlsMode.Simple, CredentialName = "shop")] public partial class Https { }
            }
            """;
        var ingress = new TestAdditionalText("/k8s/ingress.yaml", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: { name: istio-ingressgateway, namespace: istio-system }
            spec:
              template:
                metadata:
                  labels: { istio: ingressgateway, app: istio-ingressgateway }
            ---
            apiVersion: v1
            kind: Service
            metadata: { name: istio-ingressgateway, namespace: istio-system }
            spec:
              selector: { istio: ingressgateway }
              ports:
              - { name: http2, port: 80, targetPort: 8080 }
              - { name: https, port: 443, targetPort: 8443 }
              - { name: status, port: 15021 }
            """);
        var diagnostics = await WorkloadAnalysis.AnalyzeAsync(TestCompilation.Create(Source), ingress);
        Assert.DoesNotContain(diagnostics, d => d.Id == "MESH405");

        var narrow = new TestAdditionalText("/k8s/ingress.yaml", ingress.GetText().ToString().Replace("  - { name: https, port: 443, targetPort: 8443 }\n", string.Empty));
        var reported = Assert.Single(await WorkloadAnalysis.AnalyzeAsync(TestCompilation.Create(Source), narrow), d => d.Id == "MESH405");
        Assert.Contains("Port 8443 of gateway 'edge'", reported.GetMessage());
    }
}
