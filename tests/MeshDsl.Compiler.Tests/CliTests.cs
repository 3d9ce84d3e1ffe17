using System.Text.Json;
using MeshDsl.Cli;
using MeshDsl.Tests.Support;

namespace MeshDsl.Tests;

/// <summary><c>meshdsl analyze</c> in process: findings at their line, the three formats, severities and exit codes.</summary>
public class CliTests
{
    private const string Bad = """
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
            timeoutt: 1s
        """;

    private const string Clean = """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
        spec:
          host: reviews
          subsets:
          - name: v1
            labels:
              version: v1
        """;

    [Fact]
    public void Text_output_is_compiler_style_and_an_error_exits_1()
    {
        using var dir = new TempFolder();
        var bad = dir.Write("vs.yaml", Bad);
        var (exit, stdout, _) = Run("analyze", bad);
        Assert.Equal(1, exit);
        Assert.Contains($"{bad}(11,14): error MESH001: '10 seconds' is not a valid duration for timeout: ", stdout);
        Assert.Contains("use Istio's notation, a number and a unit: \"10s\", \"1500ms\", \"1m\" [VirtualService reviews spec.http[0].timeout]\n", stdout);
        Assert.Contains($"{bad}(12,5): error MESH019: unknown field (the API server would drop it) [VirtualService reviews spec.http[0].timeoutt]\n", stdout);
        Assert.EndsWith("meshdsl: 1 file(s), 1 Istio resource(s) analyzed; 2 error(s), 0 warning(s)\n", stdout);
    }

    [Fact]
    public void Workloads_are_read_however_their_kind_is_quoted()
    {
        // The tool once looked for workloads only in files whose text held "kind: Pod" or "kind: Service", unquoted.
        using var dir = new TempFolder();
        dir.Write("k8s.yaml", """
            apiVersion: v1
            kind: "Service"
            metadata: { name: reviews, namespace: shop }
            spec:
              selector: { app: reviews }
              ports: [{ port: 9080 }]
            ---
            apiVersion: v1
            kind: 'Pod'
            metadata: { name: reviews-v1, namespace: shop, labels: { app: reviews, version: v1 } }
            """);
        var rule = dir.Write("dr.yaml", """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: { name: reviews, namespace: shop }
            spec:
              host: reviews
              subsets:
              - name: v2
                labels: { version: v2 }
            """);
        var (exit, stdout, _) = Run("analyze", dir.Path);
        Assert.Equal(1, exit);
        Assert.Contains($"{rule}(7,5): error MESH501: Subset 'v2' of 'reviews' selects no workload", stdout);
    }

    [Fact]
    public void A_finding_about_a_resource_own_field_lands_on_that_field_under_metadata_or_spec()
    {
        // The rules name a resource's own fields as its declaration does (name, hosts[1]); in YAML they live under metadata and spec.
        const string Vs = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: Bad_Name\n  namespace: shop\nspec:\n  hosts:\n  - reviews\n  - \"*\"\n  gateways: [ingress]\n  http:\n  - route:\n    - destination:\n        host: reviews\n";
        var (_, stdout, _) = Run(new StringReader(Vs), "analyze", "-");
        Assert.Contains("<stdin>(4,9): error MESH004: 'Bad_Name' is not a valid VirtualService name", stdout);
        Assert.Contains("[VirtualService shop/Bad_Name metadata.name]", stdout);
        Assert.Contains("<stdin>(9,5): error MESH010: Hosts 'reviews' and '*' overlap", stdout);
        Assert.Contains("[VirtualService shop/Bad_Name spec.hosts[1]]", stdout);
    }

    [Fact]
    public void VirtualServices_that_claim_one_host_name_each_other_by_where_they_are()
    {
        // Their names are often the same: each is told apart by its file.
        using var dir = new TempFolder();
        const string Reviews = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\nspec:\n  hosts: [reviews]\n  http:\n  - route:\n    - destination:\n        host: reviews\n";
        var a = dir.Write("a.yaml", Reviews);
        var b = dir.Write("b.yaml", Reviews);
        var (exit, stdout, _) = Run("analyze", dir.Path);
        Assert.Equal(1, exit);
        Assert.Contains($"{a}(6,3): error MESH010: VirtualService 'reviews' claims host 'reviews.default.svc.cluster.local' for the mesh, and so does VirtualService 'reviews' ({b}): ", stdout);
        Assert.Contains($"{b}(6,3): error MESH010: VirtualService 'reviews' claims host 'reviews.default.svc.cluster.local' for the mesh, and so does VirtualService 'reviews' ({a}): ", stdout);
    }

    [Fact]
    public void A_clean_folder_exits_0_and_reads_folders_recursively()
    {
        using var dir = new TempFolder();
        dir.Write("deploy/reviews/dr.yaml", Clean);
        dir.Write("deploy/notes.txt", Bad);
        var (exit, stdout, _) = Run("analyze", dir.Path);
        Assert.Equal(0, exit);
        Assert.Contains("1 file(s), 1 Istio resource(s) analyzed; 0 error(s), 0 warning(s)", stdout);
    }

    [Fact]
    public void Json_lists_every_finding_with_its_place_and_help_link()
    {
        using var dir = new TempFolder();
        var bad = dir.Write("vs.yaml", Bad);
        var (exit, stdout, _) = Run("analyze", bad, "--format", "json");
        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(stdout);
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("id").GetString() == "MESH001");
        Assert.Equal(11, finding.GetProperty("line").GetInt32());
        Assert.Equal(14, finding.GetProperty("column").GetInt32());
        Assert.Equal("VirtualService reviews", finding.GetProperty("resource").GetString());
        Assert.Equal("spec.http[0].timeout", finding.GetProperty("path").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Equal("https://github.com/meshdsl/meshdsl/blob/main/docs/rules/MESH001.md", finding.GetProperty("helpUri").GetString());
        Assert.Equal("IST0106", finding.GetProperty("istioctlAnalyze").GetString());

        // A schema problem names its field too, apart from its message.
        var unknown = json.RootElement.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("id").GetString() == "MESH019");
        Assert.Equal("spec.http[0].timeoutt", unknown.GetProperty("path").GetString());
        Assert.Equal("unknown field (the API server would drop it)", unknown.GetProperty("message").GetString());
    }

    [Fact]
    public void Sarif_is_2_1_0_with_rules_help_links_and_regions_and_still_exits_1_on_errors()
    {
        using var dir = new TempFolder();
        var bad = dir.Write("vs.yaml", Bad);
        var output = Path.Combine(dir.Path, "report.sarif");
        var (exit, stdout, _) = Run("analyze", bad, "--format", "sarif", "--output", output);
        Assert.Equal(1, exit);
        Assert.Empty(stdout);
        using var sarif = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
        Assert.Empty(SarifShape.Problems(sarif.RootElement));
        var run = sarif.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToArray();
        Assert.All(rules, r => Assert.StartsWith("https://github.com/meshdsl/meshdsl/blob/main/docs/rules/" + r.GetProperty("id").GetString(), r.GetProperty("helpUri").GetString()));
        var result = run.GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "MESH001");
        Assert.Equal("MESH001", rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
        Assert.Equal("error", result.GetProperty("level").GetString());
        var region = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal(11, region.GetProperty("startLine").GetInt32());
        var logical = Assert.Single(result.GetProperty("locations")[0].GetProperty("logicalLocations").EnumerateArray());
        Assert.Equal("VirtualService reviews spec.http[0].timeout", logical.GetProperty("fullyQualifiedName").GetString());
        Assert.Equal("resource", logical.GetProperty("kind").GetString());
    }

    [Fact]
    public void Sarif_of_every_seed_manifest_and_of_standard_input_conforms_to_the_schema()
    {
        var (_, seeds, _) = Run("analyze", Paths.SeedManifests, "--format", "sarif");
        using var log = JsonDocument.Parse(seeds);
        Assert.NotEmpty(log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Empty(SarifShape.Problems(log.RootElement));

        var (_, stdin, _) = Run(new StringReader(Bad), "analyze", "-", "--format", "sarif");
        using var fromStdin = JsonDocument.Parse(stdin);
        Assert.Empty(SarifShape.Problems(fromStdin.RootElement));
        Assert.Equal("%3Cstdin%3E", fromStdin.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [Theory]
    [InlineData("deploy/reviews.yaml", "deploy/reviews.yaml")]
    [InlineData("deploy/my reviews#1.yaml", "deploy/my%20reviews%231.yaml")]
    [InlineData("deploy\\reviews.yaml", "deploy/reviews.yaml")]
    [InlineData("/srv/mesh/vs.yaml", "file:///srv/mesh/vs.yaml")]
    public void Sarif_artifact_locations_are_uri_references(string file, string uri) => Assert.Equal(uri, Reports.ArtifactUri(file));

    [Theory]
    [InlineData("\"level\": \"error\"", "\"level\": \"fatal\"", "is not a SARIF level")]
    [InlineData("\"startLine\": 11", "\"startLine\": 0", "startLine: an integer of at least 1")]
    [InlineData("\"ruleId\": \"MESH001\"", "\"ruleId\": \"MESH001\", \"severity\": \"high\"", "severity: not a property of result")]
    [InlineData("\"version\": \"2.1.0\"", "\"version\": \"2.0.0\"", "not 2.1.0")]
    public void The_SARIF_check_catches_what_the_schema_rejects(string good, string bad, string problem)
    {
        var (_, sarif, _) = Run(new StringReader(Bad), "analyze", "-", "--format", "sarif");
        Assert.Contains(good, sarif);
        using var broken = JsonDocument.Parse(sarif.Replace(good, bad));
        Assert.Contains(SarifShape.Problems(broken.RootElement), p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Severities_come_from_options_and_a_config_file()
    {
        using var dir = new TempFolder();
        var bad = dir.Write("vs.yaml", Bad);
        Assert.Equal(0, Run("analyze", bad, "--severity", "MESH001=none", "MESH019=warning").Exit);
        Assert.Equal(1, Run("analyze", bad, "--severity", "MESH001=none", "MESH019=warning", "--warnaserror").Exit);
        var config = dir.Write(".editorconfig", "[*.yaml]\ndotnet_diagnostic.MESH001.severity = suggestion\ndotnet_diagnostic.MESH019.severity = none\n");
        var (exit, stdout, _) = Run("analyze", bad, "--config", config);
        Assert.Equal(0, exit);
        Assert.Contains("info MESH001", stdout);
    }

    [Fact]
    public void A_DestinationRule_of_its_own_has_its_name_and_host_checked()
    {
        const string Dr = "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: Reviews_DR\nspec:\n  host: bad_host.example.com\n";
        var (exit, stdout, _) = Run(new StringReader(Dr), "analyze", "-");
        Assert.Equal(1, exit);
        Assert.Contains("error MESH004: 'Reviews_DR' is not a valid DestinationRule name", stdout);
        Assert.Contains("error MESH004: 'bad_host.example.com' is not a valid host", stdout);
    }

    [Fact]
    public void A_finding_about_a_resource_as_a_whole_is_placed_at_the_resource()
    {
        // A delegate (no hosts) with gateways and no rules: the finding is about no field, so it lands on the document.
        const string Vs = "# a delegate\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: part\n  namespace: shop\nspec:\n  gateways: [ingress]\n";
        var (exit, stdout, _) = Run(new StringReader(Vs), "analyze", "-");
        Assert.Equal(1, exit);
        Assert.Contains("<stdin>(2,1): error MESH006: VirtualService 'part' has no hosts, so it is a delegate, and a delegate may have no gateways, TCP or TLS rules [VirtualService shop/part]\n", stdout);
    }

    [Fact]
    public void A_subset_no_DestinationRule_defines_is_found_across_files()
    {
        using var dir = new TempFolder();
        dir.Write("dr.yaml", Clean);
        dir.Write("vs.yaml", "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\nspec:\n  hosts: [reviews]\n  http:\n  - route:\n    - destination:\n        host: reviews\n        subset: v9\n    - destination:\n        host: external.example.com\n        subset: blue\n");
        var (exit, stdout, _) = Run("analyze", dir.Path);
        Assert.Equal(1, exit);
        Assert.Contains("(9,7): error MESH101: 'v9' is not a subset of 'reviews' (it has v1)", stdout);
        Assert.DoesNotContain("'blue'", stdout);
    }

    [Fact]
    public void Hosts_no_Service_or_ServiceEntry_defines_are_reported_once_the_mesh_knows_its_hosts()
    {
        const string Vs = "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: edge\n  namespace: shop\nspec:\n  hosts: [edge.example.com]\n  gateways: [istio-system/ingress]\n  http:\n  - route:\n    - destination:\n        host: reviews\n      weight: 50\n    - destination:\n        host: api.example.com\n      weight: 25\n    - destination:\n        host: reviewz\n      weight: 25\n";
        const string Dr = "apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: ratings\n  namespace: shop\nspec:\n  host: ratingz\n";
        const string Hosts = "apiVersion: v1\nkind: Service\nmetadata:\n  name: reviews\n  namespace: shop\nspec:\n  ports:\n  - port: 9080\n---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: api\nspec:\n  hosts: [api.example.com]\n  ports:\n  - number: 443\n    name: https\n    protocol: TLS\n";
        using var dir = new TempFolder();
        var vs = dir.Write("vs.yaml", Vs);
        var dr = dir.Write("dr.yaml", Dr);

        // Without Services or ServiceEntries the mesh does not know its hosts: nothing is unknown.
        Assert.DoesNotContain("MESH111", Run("analyze", vs, dr).Stdout);

        dir.Write("hosts.yaml", Hosts);
        var (exit, stdout, _) = Run("analyze", dir.Path);
        Assert.Equal(0, exit);
        Assert.Contains($"{vs}(17,7): warning MESH111: 'reviewz' is a host no Service, ServiceEntry or [MeshService] of the mesh defines", stdout);
        Assert.Contains($"{dr}(7,9): warning MESH111: DestinationRule 'ratings' is for 'ratingz'", stdout);
        Assert.Equal(2, stdout.Split('\n').Count(l => l.Contains("MESH111")));
    }

    [Fact]
    public void Standard_input_is_read_with_a_dash()
    {
        var (exit, stdout, _) = Run(new StringReader(Bad), "analyze", "-");
        Assert.Equal(1, exit);
        Assert.Contains("<stdin>(11,14): error MESH001", stdout);
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("analyze", "x.yaml", "--format", "xml")]
    [InlineData("analyze", "x.yaml", "--severity", "MESH999=none")]
    [InlineData("analyze", "x.yaml", "--severity", "MESH001=loud")]
    [InlineData("frobnicate")]
    public void Bad_usage_exits_2(params string[] args) => Assert.Equal(2, Run(args).Exit);

    [Fact]
    public void A_missing_path_exits_2_and_says_which()
    {
        var (exit, _, stderr) = Run("analyze", "/no/such/manifests");
        Assert.Equal(2, exit);
        Assert.Contains("/no/such/manifests: no such file or folder", stderr);
    }

    [Fact]
    public void Analyzing_the_seed_manifests_reads_every_Istio_resource_and_reports_the_seeds_known_breaches()
    {
        var (exit, stdout, _) = Run("analyze", Path.Combine(Paths.SeedManifests, "17-retries-timeouts.yaml"), Path.Combine(Paths.SeedManifests, "11-gateway.yaml"));
        Assert.Equal(0, exit);
        Assert.Contains("warning MESH203", stdout);
        Assert.DoesNotContain("MESH019", stdout);
    }

    [Fact]
    public void The_rate_limiting_rules_run_on_the_seeds_EnvoyFilter_and_rate_limit_configuration()
    {
        var local = Path.Combine(Paths.SeedManifests, "20-local-rate-limit.yaml");
        var global = Path.Combine(Paths.SeedManifests, "21-ratelimit-service.yaml");
        var (exit, stdout, _) = Run("analyze", local, global);
        Assert.Equal(0, exit);
        Assert.Contains($"{local}(21,18): warning MESH605: ", stdout);
        Assert.Contains("[EnvoyFilter istio-system/rate-limit spec.configPatches[0].patch.operation]", stdout);
        Assert.Contains($"{global}(48,14): warning MESH612: Limit 'header_match_api' of domain 'production'", stdout);
        Assert.Contains($"{global}(53,14): warning MESH612: Limit 'remote_address'", stdout);
        Assert.DoesNotContain("MESH019", stdout);
    }

    private static (int Exit, string Stdout, string Stderr) Run(params string[] args) => CliRunner.Run(args);

    private static (int Exit, string Stdout, string Stderr) Run(TextReader stdin, params string[] args) => CliRunner.Run(stdin, args);

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "meshdsl-cli-tests", Guid.NewGuid().ToString("N"));

        public string Write(string relative, string text)
        {
            var path = System.IO.Path.Combine(Path, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return path;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
