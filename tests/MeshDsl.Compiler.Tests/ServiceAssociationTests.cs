using MeshDsl.Helpers;
using MeshDsl.Model;
using MeshDsl.Rules;
using MeshDsl.Tests.Support;
using MeshDsl.Workloads;

namespace MeshDsl.Tests;

/// <summary>
/// MESH506 (IST0116) and MESH507 (IST0137): Services that disagree on an in-mesh Deployment's ports, with the Namespace
/// objects that decide which Deployments are in the mesh.
/// </summary>
public class ServiceAssociationTests
{
    private const string Injected = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels:
            istio-injection: enabled
        """;

    private static string Deployment(string name, string app = "dns", string podLabels = "", string podAnnotations = "", string labels = "", string containers = "") => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{name}}
          namespace: shop{{labels}}
        spec:
          template:
            metadata:
              labels:
                app: {{app}}{{podLabels}}{{podAnnotations}}
            spec:
              containers:
              - name: main
                image: example/main:1{{containers}}
        """;

    private static string Service(string name, string ports, string app = "dns", string ns = "shop") => $$"""
        apiVersion: v1
        kind: Service
        metadata:
          name: {{name}}
          namespace: {{ns}}
        spec:
          selector:
            app: {{app}}
          ports: {{ports}}
        """;

    private static readonly string DnsServices =
        Service("dns-tcp", "[{ port: 53, protocol: TCP }]") + "\n---\n" + Service("dns-udp", "[{ port: 53, protocol: UDP }]");

    private static Finding[] Findings(params string[] documents)
    {
        var file = WorkloadYaml.Parse("/k8s/mesh.yaml", string.Join("\n---\n", documents));
        Assert.Null(file.Error);
        return PolicyRules.EvaluateMesh(Array.Empty<ServiceInfo>(), Array.Empty<Resource>(), file.Workloads.ToArray(), null, file.Hosts.ToArray(), file.Namespaces.ToArray())
            .Where(f => f.RuleId is RuleIds.PortWithTwoProtocols or RuleIds.TargetPortWithTwoPorts)
            .ToArray();
    }

    [Fact]
    public void One_port_with_two_protocols_is_MESH506_at_the_Deployment_name()
    {
        var finding = Assert.Single(Findings(Injected, Deployment("dns"), DnsServices));
        Assert.Equal(RuleIds.PortWithTwoProtocols, finding.RuleId);
        Assert.Equal(new[] { "dns", "53", "shop/dns-tcp (TCP), shop/dns-udp (UDP)" }, finding.MessageArgs.ToArray());

        // The Namespace is 6 lines and a separator; the Deployment's name is on its fourth line.
        Assert.Equal(WorkloadYaml.LineOrigin("/k8s/mesh.yaml", 11), finding.Origin);
    }

    [Fact]
    public void A_port_without_a_protocol_is_TCP()
    {
        Assert.Empty(Findings(Injected, Deployment("dns"), Service("a", "[{ port: 53 }]") + "\n---\n" + Service("b", "[{ port: 53, protocol: TCP }]")));
        var finding = Assert.Single(Findings(Injected, Deployment("dns"), Service("a", "[{ port: 53 }]") + "\n---\n" + Service("b", "[{ port: 53, protocol: SCTP }]")));
        Assert.Equal("shop/a (TCP), shop/b (SCTP)", finding.MessageArgs[2]);
    }

    [Fact]
    public void One_target_port_under_two_ports_is_MESH507()
    {
        var finding = Assert.Single(Findings(Injected, Deployment("nginx", "nginx"),
            Service("nginx-a", "[{ port: 8080, targetPort: 80 }]", "nginx") + "\n---\n" + Service("nginx-b", "[{ port: 80, targetPort: 80 }]", "nginx")));
        Assert.Equal(RuleIds.TargetPortWithTwoPorts, finding.RuleId);
        Assert.Equal(new[] { "nginx", "shop/nginx-a, shop/nginx-b", "80", "80, 8080" }, finding.MessageArgs.ToArray());
    }

    [Fact]
    public void Target_ports_compare_as_Kubernetes_keeps_them_named_or_defaulted_to_the_port()
    {
        // A named target port is its name; none written is the port itself, so 80 -> (none) and 8080 -> 80 collide on 80.
        Assert.Equal("http", Assert.Single(Findings(Injected, Deployment("web", "web"),
            Service("a", "[{ port: 80, targetPort: http }]", "web") + "\n---\n" + Service("b", "[{ port: 8080, targetPort: http }]", "web"))).MessageArgs[2]);
        Assert.Equal("80", Assert.Single(Findings(Injected, Deployment("web", "web"),
            Service("a", "[{ port: 80 }]", "web") + "\n---\n" + Service("b", "[{ port: 8080, targetPort: 80 }]", "web"))).MessageArgs[2]);
        Assert.Empty(Findings(Injected, Deployment("web", "web"),
            Service("a", "[{ port: 80, targetPort: http }]", "web") + "\n---\n" + Service("b", "[{ port: 8080, targetPort: admin }]", "web")));

        // As istioctl counts them, two ports of one Service on one target port conflict too.
        Assert.Equal("shop/a", Assert.Single(Findings(Injected, Deployment("web", "web"), Service("a", "[{ port: 80, targetPort: 9080 }, { port: 81, targetPort: 9080 }]", "web"))).MessageArgs[1]);
    }

    [Fact]
    public void Services_that_agree_or_select_other_pods_are_quiet()
    {
        Assert.Empty(Findings(Injected, Deployment("dns"), Service("a", "[{ port: 53, protocol: UDP }]") + "\n---\n" + Service("b", "[{ port: 53, protocol: UDP }]")));
        Assert.Empty(Findings(Injected, Deployment("dns"), Service("dns-tcp", "[{ port: 53, protocol: TCP }]") + "\n---\n" + Service("dns-udp", "[{ port: 53, protocol: UDP }]", app: "other")));
        Assert.Empty(Findings(Injected, Deployment("dns"), Service("dns-tcp", "[{ port: 53, protocol: TCP }]") + "\n---\n" + Service("dns-udp", "[{ port: 53, protocol: UDP }]", ns: "billing")));
    }

    [Fact]
    public void Only_Deployments_in_the_mesh_are_checked_as_istioctl_decides()
    {
        // No Namespace object: nothing says the pods get a sidecar.
        Assert.Empty(Findings(Deployment("dns"), DnsServices));
        Assert.Empty(Findings(Injected.Replace("enabled", "disabled"), Deployment("dns"), DnsServices));

        // The pod's label decides before its annotation, and both before the namespace.
        Assert.Empty(Findings(Injected, Deployment("dns", podLabels: "\n        sidecar.istio.io/inject: \"false\""), DnsServices));
        Assert.Single(Findings(Deployment("dns", podLabels: "\n        sidecar.istio.io/inject: \"true\""), DnsServices));
        Assert.Single(Findings(Deployment("dns", podAnnotations: "\n      annotations:\n        sidecar.istio.io/inject: \"true\""), DnsServices));
        Assert.Empty(Findings(Deployment("dns", podLabels: "\n        sidecar.istio.io/inject: \"false\"", podAnnotations: "\n      annotations:\n        sidecar.istio.io/inject: \"true\""), DnsServices));

        // A sidecar already in the template is in the mesh whatever the namespace says.
        Assert.Single(Findings(Injected.Replace("enabled", "disabled"), Deployment("dns", containers: "\n      - name: istio-proxy\n        image: istio/proxyv2:1.24.0"), DnsServices));

        // A waypoint's Deployment is Istio's own.
        Assert.Empty(Findings(Injected, Deployment("dns", labels: "\n  labels:\n    gateway.istio.io/managed: istio.io-mesh-controller"), DnsServices));

        // The analyzer reads Deployments only.
        Assert.Empty(Findings(Injected, Deployment("dns").Replace("kind: Deployment", "kind: StatefulSet"), DnsServices));
    }

    [Fact]
    public void The_cli_reports_it_at_the_Deployment_name_and_counts_the_objects_it_read()
    {
        var yaml = string.Join("\n---\n", Injected, Deployment("dns"), DnsServices, "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n");
        var (exit, stdout, _) = CliRunner.Run(new StringReader(yaml), "analyze", "-");
        Assert.Equal(0, exit);
        Assert.Contains("<stdin>(11,9): warning MESH506: Deployment 'dns' is selected by Services that use port 53 with different protocols (shop/dns-tcp (TCP), shop/dns-udp (UDP))", stdout);
        Assert.Contains("[Deployment shop/dns metadata.name]", stdout);
        Assert.EndsWith("meshdsl: 1 file(s), 0 Istio resource(s) and 4 Kubernetes object(s) analyzed (skipped: 1 Secret); 0 error(s), 1 warning(s)\n", stdout);

        using var json = System.Text.Json.JsonDocument.Parse(CliRunner.Run(new StringReader(yaml), "analyze", "-", "--format", "json").Stdout);
        Assert.Equal(4, json.RootElement.GetProperty("kubernetesObjects").GetInt32());
        Assert.Equal(new[] { ("Secret", 1) }, json.RootElement.GetProperty("skipped").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())).ToArray());
        var finding = Assert.Single(json.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal(("Deployment shop/dns", "metadata.name", "IST0116"), (finding.GetProperty("resource").GetString(), finding.GetProperty("path").GetString(), finding.GetProperty("istioctlAnalyze").GetString()));
    }

    [Fact]
    public async Task The_build_reports_it_in_the_workload_file_at_the_Deployment_name()
    {
        const string Reviews = """
            using MeshDsl;
            [MeshService("reviews", Namespace = "shop")]
            public partial class Reviews
            {
                [Subset("v1")] public partial class V1 { }
                [HttpRoute, RouteTo<V1>] public partial class Default { }
            }
            """;
        var reviews = Deployment("reviews-v1", "reviews", podLabels: "\n        version: v1");
        var compilation = TestCompilation.Create(Reviews);

        var file = new TestAdditionalText("/k8s/mesh.yaml", string.Join("\n---\n", Injected, Deployment("dns"), DnsServices, reviews));
        var diagnostics = await WorkloadAnalysis.AnalyzeAsync(compilation, file);
        var finding = Assert.Single(diagnostics, d => d.Id == "MESH506");
        Assert.Equal("/k8s/mesh.yaml", finding.Location.GetLineSpan().Path);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(10, 2), finding.Location.GetLineSpan().StartLinePosition);
        Assert.Equal("name: dns", file.GetText().ToString(finding.Location.SourceSpan));
        Assert.DoesNotContain(diagnostics, d => d.Id.StartsWith("MESH50", StringComparison.Ordinal) && d.Id != "MESH506");

        var quiet = await WorkloadAnalysis.AnalyzeAsync(compilation, new TestAdditionalText("/k8s/mesh.yaml", string.Join("\n---\n", Deployment("dns"), DnsServices, reviews)));
        Assert.DoesNotContain(quiet, d => d.Id is "MESH506" or "MESH507");
    }

    [Theory]
    [InlineData("MESH506")]
    [InlineData("MESH507")]
    public void The_rule_page_example_fires_at_its_Deployment(string id)
    {
        var page = File.ReadAllText(Path.Combine(Paths.RepoRoot, "docs", "rules", id + ".md"));
        var start = page.IndexOf("```yaml\n", StringComparison.Ordinal) + "```yaml\n".Length;
        var yaml = page.Substring(start, page.IndexOf("```", start, StringComparison.Ordinal) - start);
        var (_, stdout, _) = CliRunner.Run(new StringReader(yaml), "analyze", "-");
        Assert.Contains($"<stdin>(7,19): warning {id}: Deployment '", stdout);

        // Without the Namespace's injection label the Deployment is not in the mesh, and nothing is reported.
        Assert.DoesNotContain(id, CliRunner.Run(new StringReader(yaml.Replace("istio-injection: enabled", "istio-injection: disabled")), "analyze", "-").Stdout);
    }

    [Fact]
    public void The_Deployments_and_Services_the_model_emits_are_checked_like_those_read()
    {
        // What the C# front end builds for [Deployment]s: the Deployment and the Service in front of it, as resources of a service.
        var origin = new SourceRef("Shop.Reviews", 0);
        var app = new[] { new Label("app", "reviews") }.ToEquatableArray();
        var deployment = new K8sDeployment(new ObjectMeta("reviews-v1", "shop"), origin,
            new DeploymentSpec(1, app, app, new Container("reviews", "reviews:1", new[] { 8080 }.ToEquatableArray(), null, null, null), new SourceRef("Shop.Reviews.V1", 1)));
        ServiceInfo Front(string name, int port) => new(name, "shop", name, new[] { port }.ToEquatableArray(), origin, app)
        {
            Resources = new Resource[] { new K8sService(new ObjectMeta(name, "shop"), origin, new ServiceSpec(app, new[] { new ServicePort("http", port, 8080) }.ToEquatableArray())) }.ToEquatableArray(),
        };
        var reviews = Front("reviews", 9080) with { Resources = Front("reviews", 9080).Resources.Append(deployment).ToEquatableArray() };
        var namespaces = WorkloadYaml.Parse("/k8s/ns.yaml", Injected).Namespaces.ToArray();
        var mesh = new Mesh(new[] { reviews, Front("reviews-admin", 9090) }, Array.Empty<Resource>(), Array.Empty<Workload>(), "default", null, namespaces);

        var finding = Assert.Single(ServiceAssociationRules.Check(mesh));
        Assert.Equal(RuleIds.TargetPortWithTwoPorts, finding.RuleId);
        Assert.Equal(new SourceRef("Shop.Reviews.V1", 1), finding.Origin);
        Assert.Equal(new[] { "reviews-v1", "shop/reviews, shop/reviews-admin", "8080", "9080, 9090" }, finding.MessageArgs.ToArray());
        Assert.Empty(ServiceAssociationRules.Check(new Mesh(new[] { reviews, Front("reviews-admin", 9090) }, Array.Empty<Resource>(), Array.Empty<Workload>(), "default")));
    }

    [Fact]
    public void Namespaces_are_read_with_their_labels_and_the_first_of_a_name_stands()
    {
        var file = WorkloadYaml.Parse("/k8s/ns.yaml", Injected + "\n---\n" + Injected.Replace("enabled", "disabled") + "\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: billing\n");
        Assert.Equal(new[] { "shop", "shop", "billing" }, file.Namespaces.Select(n => n.Name).ToArray());
        Assert.Equal(new Label("istio-injection", "enabled"), Assert.Single(file.Namespaces[0].Labels));
        var mesh = new Mesh(Array.Empty<ServiceInfo>(), Array.Empty<Resource>(), Array.Empty<Workload>(), "default", null, file.Namespaces.ToArray());
        Assert.Equal("enabled", Assert.Single(mesh.Namespaces["shop"].Labels).Value);
        Assert.Empty(mesh.Namespaces["billing"].Labels);
    }
}
