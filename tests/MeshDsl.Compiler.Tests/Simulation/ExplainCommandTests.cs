using MeshDsl.Simulation;
using MeshDsl.Tests.Support;

namespace MeshDsl.Tests.Simulation;

/// <summary><c>meshdsl explain</c> on the seed's manifests, and the request line it reads.</summary>
public class ExplainCommandTests
{
    private static (int Exit, string Stdout, string Stderr) Run(params string[] args) => CliRunner.Run(args);

    private static string Seed(string name) => Path.Combine(Paths.SeedManifests, name + ".yaml");

    [Fact]
    public void A_request_with_the_testers_header_goes_to_v3_and_says_why_the_rule_before_did_not_take_it()
    {
        var (exit, stdout, stderr) = Run("explain", Seed("02-header-based-routing"), Seed("06-subsets"), "--request", "GET http://reviews:9080/api/reviews -H 'x-user-group: internal-testers'");
        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, stderr);
        Assert.Contains("VirtualService: reviews (host reviews.default.svc.cluster.local)", stdout);
        Assert.Contains("-> reviews.default.svc.cluster.local subset v3, weight 100", stdout);

        var (_, others, _) = Run("explain", Seed("02-header-based-routing"), Seed("06-subsets"), "--request", "GET http://reviews:9080/api/reviews");
        Assert.Contains("rule #1 did not match: header 'x-user-group' is absent", others);
        Assert.Contains("subset v1, weight 100", others);
    }

    [Fact]
    public void A_host_without_a_virtual_service_is_kubernetes_default_routing()
    {
        var (exit, stdout, _) = Run("explain", Seed("02-header-based-routing"), "--request", "http://ratings:9080/", "--namespace", "default");
        Assert.Equal(0, exit);
        Assert.Contains("Kubernetes' default routing", stdout);
    }

    [Theory]
    [InlineData("GET reviews/api", "is not a URL")]
    [InlineData("GET http://reviews:0/", "is not a port")]
    [InlineData("GET http://reviews/ -H nocolon", "is not a header")]
    [InlineData("GET 'http://reviews/", "quote is not closed")]
    [InlineData("GET http://reviews/ --data x", "is not understood")]
    public void A_request_that_cannot_be_read_is_bad_usage(string request, string why)
    {
        var (exit, _, stderr) = Run("explain", Seed("02-header-based-routing"), "--request", request);
        Assert.Equal(2, exit);
        Assert.Contains(why, stderr);
    }

    [Fact]
    public void What_cannot_be_read_is_left_out_and_said_so()
    {
        var file = Path.Combine(Path.GetTempPath(), "meshdsl-explain-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(file, File.ReadAllText(Seed("02-header-based-routing")) + "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: x\nspec:\n  hosts: [x]\n  timeoutt: 1s\n");
        try
        {
            var (exit, stdout, stderr) = Run("explain", file, "--request", "GET http://reviews/");
            Assert.Equal(0, exit);
            Assert.Contains("timeoutt", stderr);
            Assert.Contains("(left out)", stderr);
            Assert.Contains("VirtualService: reviews", stdout);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_missing_file_is_bad_usage()
    {
        var (exit, _, stderr) = Run("explain", "/no/such/file.yaml", "--request", "GET http://reviews/");
        Assert.Equal(2, exit);
        Assert.Contains("no such file or folder", stderr);
    }

    [Theory]
    [InlineData("GET http://reviews:9080/api?x=1 -H 'X-A: b c'", "GET", "reviews:9080", 9080, "/api?x=1", "http")]
    [InlineData("https://api.example.com", "GET", "api.example.com", 443, "/", "https")]
    [InlineData("post http://svc?q=1", "POST", "svc", 80, "/?q=1", "http")]
    public void The_request_line_reads_as_a_person_types_it(string line, string method, string authority, int port, string path, string scheme)
    {
        var request = RequestLine.Parse(line, "default", null, null, out var error);
        Assert.Null(error);
        Assert.Equal((method, authority, port, path, scheme), (request!.Method, request.Authority, request.Port, request.Path, request.Scheme));
        if (line.Contains("X-A")) Assert.Equal("b c", request.Header("x-a"));
    }
}

/// <summary>Property: whatever a person types, the request line is read or refused with a reason, and the simulator answers.</summary>
public class RequestLinePropertyTests
{
    [Fact]
    public void Any_request_line_is_read_or_refused_and_any_request_gets_a_decision()
    {
        var random = new Random(5);
        var mesh = SimulatorTests.MeshOf(File.ReadAllText(Path.Combine(MeshDsl.Tests.Support.Paths.SeedManifests, "02-header-based-routing.yaml")));
        string Pick(params string[] options) => random.Next(8) == 0 ? YamlStringPropertyTests.RandomString(random) : options[random.Next(options.Length)];
        var read = 0;
        for (var i = 0; i < 3000; i++)
        {
            // A request line's shape, each part sometimes hostile: method, URL (scheme, host, port, path and query), headers.
            var line = Pick("GET ", "post ", "", "DELETE ") + Pick("http://", "https://", "ftp://", "") + Pick("reviews", "REVIEWS.default", "api.example.com", "[::1]", "")
                + Pick("", ":9080", ":x", ":0", ":70000") + Pick("", "/", "/api/v2", "/a?q=%zz&a=1&a=2", "?x") + Pick("", " -H 'x-user-group: beta'", " -H \"cookie: beta=true\"", " -H nocolon", " '", " --data x");
            var request = RequestLine.Parse(line, "default", null, null, out var error);
            Assert.True((request is null) == (error is not null), $"'{line}': a request and an error, or neither");
            if (request is null) continue;
            read++;
            var decision = Simulator.Route(mesh, request);
            Assert.NotNull(Explanation.Render(request, decision));
        }

        Assert.True(read > 300, $"only {read} request lines were read");
    }
}
