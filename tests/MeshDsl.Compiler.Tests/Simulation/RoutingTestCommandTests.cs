using MeshDsl.Simulation;
using MeshDsl.Tests.Support;

namespace MeshDsl.Tests.Simulation;

/// <summary><c>meshdsl test</c>: istio-config-validator's test cases, with that tool's meaning, against the seed's manifests.</summary>
public class RoutingTestCommandTests
{
    private static string Cases(string name) => Path.Combine(Paths.RepoRoot, "tests", "MeshDsl.Compiler.Tests", "Simulation", "TestCases", name);

    private static string Seed(string name) => Path.Combine(Paths.SeedManifests, name + ".yaml");

    private static (int Exit, string Stdout, string Stderr) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void Every_case_passes_with_a_line_each_and_exit_code_0()
    {
        var (exit, stdout, stderr) = Run("test", "--cases", Cases("seed-routing.yaml"), Seed("02-header-based-routing"), Seed("04-url-rewriting"), Seed("15-abort-injection"));
        Assert.Equal(string.Empty, stderr);
        Assert.Equal(0, exit);
        var lines = stdout.TrimEnd().Split('\n');
        Assert.Equal(7, lines.Length);
        Assert.All(lines.Take(6), l => Assert.StartsWith("PASS ", l, StringComparison.Ordinal));
        Assert.Equal("PASS internal testers reach v3 (4 request(s))", lines[0]);
        Assert.Equal("meshdsl: 6 test case(s), 6 passed, 0 failed", lines[6]);
    }

    [Fact]
    public void A_wrong_expectation_fails_with_what_was_found_and_exit_code_1()
    {
        var (exit, stdout, _) = Run("test", "--cases", Cases("failing.yaml"), Seed("02-header-based-routing"));
        Assert.Equal(1, exit);
        Assert.Contains("FAIL internal testers reach v1 (wrong on purpose)", stdout);
        Assert.Contains("route is {host=reviews;subset=v3}, want {host=reviews;subset=v1}", stdout);
        Assert.Contains("FAIL no method", stdout);
        Assert.Contains("2 failed", stdout);
    }

    [Fact]
    public void With_no_configuration_for_the_host_a_want_match_case_fails_and_a_want_no_match_case_passes()
    {
        var cases = RoutingTestCaseReader.Read("c.yaml", """
            testCases:
            - description: matches
              wantMatch: true
              request: { authority: ["nowhere"], method: ["GET"], uri: ["/"] }
              route: [{ destination: { host: nowhere } }]
            - description: does not match
              wantMatch: false
              request: { authority: ["nowhere"], method: ["GET"], uri: ["/"] }
              route: [{ destination: { host: nowhere } }]
            """, out var error);
        Assert.Null(error);
        var results = RoutingTestRunner.Run(SimulatorTests.MeshOf(File.ReadAllText(Seed("02-header-based-routing"))), cases);
        Assert.Equal(new[] { false, true }, results.Select(r => r.Passed));
        Assert.Contains("route is (none)", results[0].Failure);
    }

    [Theory]
    [InlineData("testCases: 3", "testCases is a list")]
    [InlineData("testCases: [ 1 ]", "a test case is a mapping")]
    [InlineData("testCases: [ {a: 1", "")]
    [InlineData("deep", "nests deeper than 100 levels")]
    public void A_case_file_that_cannot_be_read_is_bad_usage(string text, string why)
    {
        var file = Path.Combine(Path.GetTempPath(), "meshdsl-cases-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(file, text == "deep" ? "testCases:\n- request: " + new string('[', 100_000) : text);
        try
        {
            var (exit, _, stderr) = Run("test", "--cases", file, Seed("02-header-based-routing"));
            Assert.Equal(2, exit);
            Assert.Contains(why, stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Weights_ports_and_zero_values_compare_as_protobuf_compares_them()
    {
        var mesh = SimulatorTests.MeshOf(File.ReadAllText(Seed("04-url-rewriting")));
        var cases = RoutingTestCaseReader.Read("c.yaml", """
            testCases:
            - description: port given
              wantMatch: true
              request: { authority: ["api.example.com"], method: ["GET"], uri: ["/api/v2/catalog"] }
              route: [{ destination: { host: catalog-service, port: { number: 8080 } }, weight: 0 }]
            - description: port left out is another destination
              wantMatch: false
              request: { authority: ["api.example.com"], method: ["GET"], uri: ["/api/v2/catalog"] }
              route: [{ destination: { host: catalog-service } }]
            """, out _);
        Assert.All(RoutingTestRunner.Run(mesh, cases), r => Assert.True(r.Passed, r.Failure));
    }

    [Fact]
    public void A_request_header_whose_key_is_not_a_scalar_is_left_out_not_a_crash()
    {
        var cases = RoutingTestCaseReader.Read("c.yaml", """
            testCases:
            - description: odd header
              request: { authority: ["a"], method: ["GET"], uri: ["/"], headers: { ? [x, y] : 1, end-user: jason } }
            """, out var error);
        Assert.Null(error);
        Assert.Equal(new[] { "end-user=jason" }, Assert.Single(cases).Headers.Select(h => h.Key + "=" + h.Value));
    }
}

/// <summary>A MeshDsl output folder with a canary's stages: the folder is what applies at once, each stage only in its turn.</summary>
public class CanaryStageAnalysisTests
{
    [Fact]
    public void Analyze_skips_the_stages_of_a_folder_and_reads_a_stage_named_on_the_command_line()
    {
        var dir = Path.Combine(Path.GetTempPath(), "meshdsl-stages-" + Guid.NewGuid().ToString("N"));
        try
        {
            var manifests = TestCompilation.Run(TestCompilation.Create(TestCompilation.Sample("Canary"))).Manifests();
            foreach (var (file, text) in manifests)
            {
                var path = Path.Combine(dir, file);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text);
            }

            var stdout = new StringWriter();
            Assert.Equal(0, MeshDsl.Cli.CommandLine.Run(new[] { "analyze", dir }, new StringReader(string.Empty), stdout, new StringWriter()));
            Assert.Contains("7 canary stage file", stdout.ToString());
            Assert.DoesNotContain("MESH010", stdout.ToString());

            var one = new StringWriter();
            MeshDsl.Cli.CommandLine.Run(new[] { "analyze", Path.Combine(dir, "canary-steps", "default-reviews", "step-005.yaml") }, new StringReader(string.Empty), one, new StringWriter());
            Assert.Contains("1 file(s), 1 Istio resource(s) analyzed", one.ToString());
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
