using MeshDsl.Helpers;
using MeshDsl.Emit;
using MeshDsl.FrontEnd;
using MeshDsl.Model;
using MeshDsl.Rules;
using MeshDsl.Tests.Support;
using MeshDsl.YamlFrontEnd;
using YamlWriter = MeshDsl.Yaml.YamlWriter;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.Tests;

/// <summary>
/// The YAML front end reads Istio's YAML into the model the C# front end builds: written back, every seed manifest and
/// every field the kitchen sink sets come out as they went in; problems carry their line.
/// </summary>
public class YamlFrontEndTests
{
    private static readonly string[] IstioKinds = { "VirtualService", "DestinationRule", "Gateway", "ServiceEntry", "EnvoyFilter", "ConfigMap" };

    public static TheoryData<string> SeedFiles => new(Directory.GetFiles(Paths.SeedManifests, "*.yaml").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Every_seed_manifest_reads_into_the_model_and_writes_back_the_same(string file)
    {
        var text = File.ReadAllText(Path.Combine(Paths.SeedManifests, file));
        var result = IstioYamlReader.Read(file, text, new YamlOrigins());
        Assert.Empty(result.Problems);
        var expected = YamlTree.Parse(text).Where(d => IstioKinds.Contains(Kind(d))).ToArray();
        Assert.Equal(expected.Length, result.Resources.Count);
        AssertSameDocuments(expected, result.Resources);
    }

    [Fact]
    public void Every_field_the_kitchen_sink_emits_reads_back_the_same()
    {
        var yaml = TestCompilation.Run(TestCompilation.Create(TestCompilation.Sample("KitchenSink"))).Manifests().Values.ToArray();
        var istio = yaml.Select(YamlTree.ParseSingle).Where(d => IstioKinds.Contains(Kind(d))).ToArray();
        var result = IstioYamlReader.Read("kitchen-sink.yaml", string.Join("---\n", yaml), new YamlOrigins());
        Assert.Empty(result.Problems);
        AssertSameDocuments(istio, result.Resources);
    }

    /// <summary>The seed fixtures with Istio resources, each with its C# sample (the Deployment fixtures have none).</summary>
    public static TheoryData<string> SeedSamples => new(Directory.GetDirectories(Path.Combine(Paths.Samples, "Seed"))
        .Select(Path.GetFileName).Where(d => File.Exists(Path.Combine(Paths.SeedManifests, d + ".yaml")) && File.ReadAllText(Path.Combine(Paths.SeedManifests, d + ".yaml")).Contains("networking.istio.io/", StringComparison.Ordinal)
            || File.ReadAllText(Path.Combine(Paths.SeedManifests, d + ".yaml")).Contains("kind: ConfigMap", StringComparison.Ordinal))
        .OrderBy(d => d, StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(SeedSamples))]
    public void The_attributes_and_the_YAML_of_a_seed_fixture_build_equal_models(string fixture)
    {
        var csharp = TestCompilation.Declarations(TestCompilation.Create(TestCompilation.Sample("Seed/" + fixture)));
        var yaml = IstioYamlReader.Read(fixture + ".yaml", File.ReadAllText(Path.Combine(Paths.SeedManifests, fixture + ".yaml")), new YamlOrigins());
        // A fixture shows part of what its sample declares (the VirtualService of a step, without its DestinationRule).
        AssertEqualModels(csharp, yaml.Resources, everyResource: false);
    }

    [Fact]
    public void The_attributes_and_the_YAML_of_the_kitchen_sink_build_equal_models()
    {
        var compilation = TestCompilation.Create(TestCompilation.Sample("KitchenSink"));
        var yaml = TestCompilation.Run(compilation).Manifests().Values.ToArray();
        var result = IstioYamlReader.Read("kitchen-sink.yaml", string.Join("---\n", yaml), new YamlOrigins());
        AssertEqualModels(TestCompilation.Declarations(compilation), result.Resources, everyResource: true);
    }

    /// <summary>Every Istio resource either front end built, compared field by field (origins aside).</summary>
    private static void AssertEqualModels(IEnumerable<CSharpDeclaration> csharp, IEnumerable<Resource> yaml, bool everyResource)
    {
        var fromCSharp = ModelIdentity.ByIdentity(csharp.SelectMany(d => d.Resources));
        var fromYaml = ModelIdentity.ByIdentity(yaml);
        Assert.NotEmpty(fromYaml);
        if (everyResource) Assert.Equal(fromCSharp.Keys.OrderBy(k => k, StringComparer.Ordinal), fromYaml.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (identity, dump) in fromYaml)
        {
            Assert.True(fromCSharp.ContainsKey(identity), $"the attributes declare no {identity}");
            Assert.Equal(fromCSharp[identity], dump);
        }
    }

    [Fact]
    public void Lists_other_kinds_and_versions_are_read_skipped_and_counted()
    {
        const string Text = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: networking.istio.io/v1beta1
              kind: VirtualService
              metadata: { name: a, namespace: shop }
              spec: { hosts: [a], http: [ { route: [ { destination: { host: a } } ] } ] }
            - apiVersion: v1
              kind: Service
              metadata: { name: a }
            ---
            apiVersion: networking.istio.io/v1alpha3
            kind: Gateway
            metadata: { name: g }
            spec: { servers: [ { port: { number: 80, name: http, protocol: HTTP }, hosts: ["*"] } ] }
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: { name: c }
            """;
        var result = IstioYamlReader.Read("list.yaml", Text, new YamlOrigins());
        Assert.Empty(result.Problems);
        Assert.Equal(new[] { "VirtualService shop/a", "Gateway g" }, result.Resources.Select(r => r.Kind + " " + (r.Metadata.Namespace is { } ns ? ns + "/" : "") + r.Metadata.Name));
        Assert.Equal(1, result.Skipped["Service"]);
        Assert.Equal(1, result.Skipped["ConfigMap"]);
    }

    [Fact]
    public void Unknown_fields_wrong_types_and_broken_yaml_are_problems_at_their_line()
    {
        const string Text = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              hosts: [reviews]
              http:
              - route:
                - destination:
                    host: reviews
                  weight: lots
                timeoutt: 10s
            """;
        var origins = new YamlOrigins();
        var result = IstioYamlReader.Read("vs.yaml", Text, origins);
        Assert.Equal(new[] { (11, "spec.http[0].route[0].weight: expected an integer, found 'lots'"), (12, "spec.http[0].timeoutt: unknown field (the API server would drop it)") },
            result.Problems.Select(p => (p.Position.Line, p.Text)).OrderBy(p => p.Line));

        var broken = IstioYamlReader.Read("broken.yaml", "kind: VirtualService\nspec:\n  hosts: [a\n", new YamlOrigins());
        var problem = Assert.Single(broken.Problems);
        Assert.Equal("broken.yaml", problem.Position.File);
        Assert.True(problem.Position.Line >= 3, problem.ToString());
    }

    [Fact]
    public void The_rules_run_on_YAML_and_their_findings_point_at_lines()
    {
        const string Text = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              hosts: [reviews]
              http:
              - route:
                - destination:
                    host: reviews
                timeout: 10 seconds
                retries:
                  attempts: 3
                  retryOn: 5xx,bogus
            """;
        var origins = new YamlOrigins();
        var result = IstioYamlReader.Read("vs.yaml", Text, origins);
        var findings = result.Resources.SelectMany(PolicyRules.Evaluate).ToArray();
        var duration = Assert.Single(findings, f => f.RuleId == RuleIds.InvalidDuration);
        Assert.Equal(8, origins.Find(duration.Origin)!.Value.Line);
        var retryOn = Assert.Single(findings, f => f.RuleId == RuleIds.MalformedRetries);
        Assert.Equal(13, origins.Find(retryOn.Origin)!.Value.Line);

        // Each finding names Istio's field path, and the line and column of the value at fault.
        Assert.Equal(new YamlLocation(new YamlPosition("vs.yaml", 11, 14), "VirtualService reviews", "spec.http[0].timeout"), origins.Locate(duration.Origin, duration.Field));
        Assert.Equal(new YamlLocation(new YamlPosition("vs.yaml", 14, 16), "VirtualService reviews", "spec.http[0].retries.retryOn"), origins.Locate(retryOn.Origin, retryOn.Field));
    }

    [Fact]
    public void Ports_out_of_range_in_TCP_and_TLS_matches_are_reported_at_their_rule()
    {
        const string Text = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: db
            spec:
              hosts: [db]
              tcp:
              - match:
                - port: 70000
                - port: 5432
                route:
                - destination:
                    host: db
              tls:
              - match:
                - port: 0
                  sniHosts: [db]
                route:
                - destination:
                    host: db
            """;
        var origins = new YamlOrigins();
        var result = IstioYamlReader.Read("db.yaml", Text, origins);
        Assert.Empty(result.Problems);
        var ports = result.Resources.SelectMany(PolicyRules.Evaluate).Where(f => f.RuleId == RuleIds.PortOutOfRange).ToArray();
        Assert.Equal(new[] { ("70000", 8), ("0", 15) }, ports.Select(f => (f.MessageArgs[0], origins.Find(f.Origin)!.Value.Line)));
    }

    [Fact]
    public void Header_names_are_checked_in_withoutHeaders_and_added_headers_and_a_second_authority_rewrite_is_reported()
    {
        const string Text = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: reviews
            spec:
              hosts: [reviews]
              http:
              - match:
                - withoutHeaders:
                    "bad header":
                      exact: x
                rewrite:
                  authority: a.example
                headers:
                  request:
                    set:
                      ":authority": b.example
                    add:
                      "bad name": v
                route:
                - destination:
                    host: reviews
            """;
        var origins = new YamlOrigins();
        var result = IstioYamlReader.Read("reviews.yaml", Text, origins);
        Assert.Empty(result.Problems);
        var messages = result.Resources.SelectMany(PolicyRules.Evaluate).Where(f => f.RuleId == RuleIds.InvalidHeader)
            .Select(f => string.Join("|", f.MessageArgs)).ToArray();
        Assert.Equal(3, messages.Length);
        Assert.Contains(messages, m => m.StartsWith("'bad header' is not a header name Istio accepts", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("Header 'bad name' cannot be added on the request", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("The authority is rewritten in more than one place (rewrite.authority, :authority)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_subset_nothing_routes_to_is_reported_on_YAML_as_on_CSharp()
    {
        const string Text = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: { name: reviews }
            spec:
              host: reviews
              subsets:
              - name: v1
                labels: { version: v1 }
              - name: v2
                labels: { version: v2 }
            ---
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata: { name: reviews }
            spec:
              hosts: [reviews]
              http:
              - route:
                - destination: { host: reviews.default.svc.cluster.local, subset: v1 }
            """;
        var origins = new YamlOrigins();
        var result = IstioYamlReader.Read("reviews.yaml", Text, origins);
        var finding = Assert.Single(PolicyRules.EvaluateMesh(new Mesh(Array.Empty<ServiceInfo>(), result.Resources, Array.Empty<Workload>(), "default")), f => f.RuleId == RuleIds.UnroutedSubset);
        Assert.Equal(new[] { "v2", "reviews" }, finding.MessageArgs);
        Assert.Equal(9, origins.Find(finding.Origin)!.Value.Line);
    }

    [Fact]
    public void A_YAML_subset_is_checked_against_the_pods_of_its_hosts_Service()
    {
        const string Text = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: { name: reviews, namespace: shop }
            spec:
              host: reviews
              subsets:
              - name: v1
                labels: { version: v1 }
              - name: v2
                labels: { version: v2 }
            """;
        var origins = new YamlOrigins();
        var result = IstioYamlReader.Read("dr.yaml", Text, origins);
        var service = new HostDefinition("Service", "reviews", "shop", new[] { "reviews" }.ToEquatableArray(), new[] { 9080 }.ToEquatableArray(), "svc.yaml:1")
        {
            Selector = new[] { new Label("app", "reviews") }.ToEquatableArray(),
        };
        var pods = new[] { new Workload("Deployment", "reviews-v1", "shop", new[] { new Label("app", "reviews"), new Label("version", "v1") }.ToEquatableArray(), "deploy.yaml:1") };
        var findings = PolicyRules.EvaluateMesh(new Mesh(Array.Empty<ServiceInfo>(), result.Resources, pods, "default", new[] { service })).Where(f => f.RuleId == RuleIds.SubsetSelectsNothing).ToArray();
        var finding = Assert.Single(findings);
        Assert.Equal("v2", finding.MessageArgs[0]);
        Assert.Equal(9, origins.Find(finding.Origin)!.Value.Line);

        // Without the Service, the subsets' pods are unknown: nothing is said.
        Assert.DoesNotContain(PolicyRules.EvaluateMesh(new Mesh(Array.Empty<ServiceInfo>(), result.Resources, pods, "default")), f => f.RuleId == RuleIds.SubsetSelectsNothing);
    }

    [Fact]
    public void Workloads_and_Services_in_a_kind_List_are_read_as_kubectl_prints_them()
    {
        // kubectl get deploy,svc -o yaml: one List document. Read as separate documents or not at all, the subset below would
        // be checked against nothing and MESH501 would stay silent.
        const string Cluster = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Service
              metadata: { name: reviews, namespace: shop }
              spec:
                selector: { app: reviews }
                ports:
                - port: 9080
            - apiVersion: apps/v1
              kind: Deployment
              metadata: { name: reviews-v1, namespace: shop }
              spec:
                template:
                  metadata:
                    labels: { app: reviews, version: v1 }
            """;
        const string Rule = """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: { name: reviews, namespace: shop }
            spec:
              host: reviews
              subsets:
              - name: v2
                labels: { version: v2 }
            """;
        var file = Workloads.WorkloadYaml.Parse("/k8s/cluster.yaml", Cluster);
        Assert.Null(file.Error);
        var workload = Assert.Single(file.Workloads);
        Assert.Equal(("reviews-v1", "cluster.yaml:11"), (workload.Name, workload.Source));
        var host = Assert.Single(file.Hosts);
        Assert.Equal(("reviews", "cluster.yaml:4"), (host.Name, host.Source));

        var origins = new YamlOrigins();
        var rules = IstioYamlReader.Read("dr.yaml", Rule, origins);
        var finding = Assert.Single(PolicyRules.EvaluateMesh(new Mesh(Array.Empty<ServiceInfo>(), rules.Resources, file.Workloads.ToArray(), "default", file.Hosts.ToArray())), f => f.RuleId == RuleIds.SubsetSelectsNothing);
        Assert.Equal("v2", finding.MessageArgs[0]);
    }

    [Fact]
    public void A_direct_response_body_finding_points_at_the_body_YAML_spells()
    {
        const string Text = """
            apiVersion: networking.istio.io/v1
            kind: VirtualService
            metadata:
              name: maintenance
            spec:
              hosts: [shop]
              http:
              - directResponse:
                  status: 503
                  body:
                    bytes: not base64!
            """;
        var origins = new YamlOrigins();
        var result = IstioYamlReader.Read("vs.yaml", Text, origins);
        var finding = Assert.Single(result.Resources.SelectMany(PolicyRules.Evaluate), f => f.RuleId == RuleIds.InvalidRouteSetting);
        Assert.Equal(new YamlLocation(new YamlPosition("vs.yaml", 11, 16), "VirtualService maintenance", "spec.http[0].directResponse.body.bytes"), origins.Locate(finding.Origin, finding.Field));
    }

    [Theory]
    [InlineData("hosts[1]", 3, 20, "spec.hosts[1]")]
    [InlineData("hosts", 3, 3, "spec.hosts")]
    [InlineData("hosts[7]", 3, 3, "spec.hosts")]
    [InlineData("Hosts[0]", 3, 11, "spec.hosts[0]")]
    [InlineData("selector[1]", 7, 5, "spec.selector.version")]
    [InlineData("routes[1].port", 10, 11, "spec.routes[1].port")]
    [InlineData("routes[0].port", 9, 5, "spec.routes[0]")]
    [InlineData("http.timeout", 4, 3, "spec.http")]
    [InlineData("name", 3, 3, "spec")]
    [InlineData("", 3, 3, "spec")]
    public void A_field_is_followed_as_far_as_the_YAML_spells_it(string field, int line, int column, string path)
    {
        const string Text = "kind: Gateway\nspec:\n  hosts: [reviews, ratings]\n  http: []\n  selector:\n    app: gw\n    version: v1\n  routes:\n  - name: a\n  - port: 80\n";
        var spec = ((SourceMap)SourceTree.Load(Text, 64)[0]).Get("spec")!;
        var origins = new YamlOrigins();
        var origin = origins.Add(new YamlPosition("gw.yaml", spec.Line, spec.Column), spec, "Gateway gw", "spec");
        Assert.Equal(new YamlLocation(new YamlPosition("gw.yaml", line, column), "Gateway gw", path), origins.Locate(origin, field));
        Assert.Null(origins.Locate(new SourceRef("other.yaml", origin.Node), field));
    }

    private static void AssertSameDocuments(IReadOnlyList<YamlNode> expected, IReadOnlyList<Resource> resources)
    {
        var written = resources.Select(r => YamlTree.ParseSingle(YamlWriter.Write(ManifestEmitter.ToYaml(r)))).ToArray();
        foreach (var document in expected)
        {
            var match = written.SingleOrDefault(w => Identity(w) == Identity(document));
            Assert.True(match is not null, $"no {Identity(document)} was read");
            Assert.Equal(YamlTree.Canonical(document), YamlTree.Canonical(match!));
        }
    }

    private static string Kind(YamlNode document) => ((YamlScalarNode)((YamlMappingNode)document)["kind"]).Value!;

    private static string Identity(YamlNode document)
    {
        var metadata = (YamlMappingNode)((YamlMappingNode)document)["metadata"];
        var ns = metadata.Children.TryGetValue(new YamlScalarNode("namespace"), out var n) ? ((YamlScalarNode)n).Value + "/" : string.Empty;
        return Kind(document) + " " + ns + ((YamlScalarNode)metadata["name"]).Value;
    }
}
