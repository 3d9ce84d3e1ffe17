using System.Text;
using MeshDsl.Model;
using MeshDsl.Rules;
using MeshDsl.Simulation;
using MeshDsl.YamlFrontEnd;

namespace MeshDsl.Tests.Simulation;

/// <summary>
/// Property: the rules' reachability findings agree with what the simulator routes. No request ever lands on a rule MESH102
/// calls unreachable, nor through a match block MESH103 calls ineffective; and a rule the simulator reaches is not reported.
/// Random VirtualServices (seeded; MESHDSL_FUZZ_SEED for others) against a grid of requests.
/// </summary>
public class SimulatorAgreementTests
{
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("MESHDSL_FUZZ_SEED"), out var s) ? s : 11;

    private static readonly string[] UriMatches = { "prefix: /", "prefix: /a", "prefix: /a/b", "prefix: /b", "exact: /a", "exact: /a/b", "regex: /a.*", "regex: \"/[ab]/.*\"" };
    private static readonly string[] HeaderMatches = { "exact: a", "exact: b", "prefix: a", "regex: \"[ab]+\"" };
    private static readonly string[] Paths = { "/", "/a", "/a/b", "/a/c", "/b", "/b/x", "/A", "/c" };
    private static readonly string?[] HeaderValues = { null, "a", "ab", "b", "c" };
    private static readonly string[] Methods = { "GET", "POST" };

    [Fact]
    public void Reachability_findings_agree_with_the_simulated_routes()
    {
        var random = new Random(Seed);
        var reached = 0;
        var unreachable = 0;
        for (var n = 0; n < 300; n++)
        {
            var yaml = RandomVirtualService(random);
            var read = IstioYamlReader.Read("vs.yaml", yaml, new YamlOrigins());
            Assert.Empty(read.Problems);
            var vs = Assert.IsType<VirtualService>(Assert.Single(read.Resources));
            var mesh = new Mesh(Array.Empty<ServiceInfo>(), read.Resources, Array.Empty<Workload>(), "default");
            var findings = PolicyRules.Evaluate(vs).ToArray();
            var deadRules = findings.Where(f => f.RuleId == RuleIds.UnreachableRule)
                .Select(f => Enumerable.Range(0, vs.Spec.Http.Count).Single(i => vs.Spec.Http[i].Origin == f.Origin)).ToHashSet();
            var deadBlocks = findings.Where(f => f.RuleId == RuleIds.IneffectiveMatch).Select(f => Block(vs, f.Origin)).ToHashSet();
            unreachable += deadRules.Count;

            var routedTo = new HashSet<int>();
            foreach (var path in Paths)
            {
                foreach (var header in HeaderValues)
                {
                    foreach (var method in Methods)
                    {
                        var headers = header is null ? null : new Dictionary<string, string> { ["x-g"] = header };
                        var decision = Simulator.Route(mesh, SimulatedRequest.Create("svc", 80, method, path, headers: headers));
                        if (decision.RuleIndex is not { } rule) continue;
                        routedTo.Add(rule);
                        Assert.False(deadRules.Contains(rule), $"MESH102 calls rule {rule + 1} unreachable, yet {method} {path} x-g={header} lands on it:\n{yaml}");
                        Assert.False(deadBlocks.Contains((rule, decision.MatchIndex!.Value)),
                            $"MESH103 calls match {decision.MatchIndex + 1} of rule {rule + 1} ineffective, yet {method} {path} x-g={header} matches through it:\n{yaml}");
                    }
                }
            }

            reached += routedTo.Count;
        }

        // Both sides of the property must be exercised.
        Assert.True(unreachable > 20, $"only {unreachable} unreachable rules in the sample");
        Assert.True(reached > 300, $"only {reached} rules reached");
    }

    [Theory]
    [InlineData("/a", "/a", false)]      // "/A" reaches the later block and not the earlier one
    [InlineData("/2024", "/2024/x", true)] // no letters: every case of "/2024/x..." starts with "/2024"
    public void A_case_sensitive_prefix_covers_a_case_insensitive_path_only_without_letters(string earlier, string later, bool ineffective)
    {
        var yaml = $"apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: svc\nspec:\n  hosts:\n  - svc\n  http:\n"
            + $"  - match:\n    - uri:\n        prefix: {earlier}\n    route:\n    - destination:\n        host: svc\n        subset: a\n"
            + $"  - match:\n    - uri:\n        prefix: {later}\n      ignoreUriCase: true\n    - uri:\n        exact: /z\n    route:\n    - destination:\n        host: svc\n        subset: b\n";
        var resource = Assert.Single(IstioYamlReader.Read("vs.yaml", yaml, new YamlOrigins()).Resources);
        Assert.Equal(ineffective, PolicyRules.Evaluate(resource).Any(f => f.RuleId == RuleIds.IneffectiveMatch));
    }

    /// <summary>The (rule, block) a MESH103 finding is about: the block whose first condition is at the finding's origin.</summary>
    private static (int, int) Block(VirtualService vs, SourceRef origin)
    {
        for (var r = 0; r < vs.Spec.Http.Count; r++)
        {
            var route = vs.Spec.Http[r];
            for (var b = 0; b < route.Match.Count; b++)
            {
                var block = route.Match[b];
                var first = new[] { block.Uri, block.Scheme, block.Method, block.Authority }.Concat(block.Headers.Select(h => h.Match)).OfType<StringMatch>().FirstOrDefault();
                if (first?.Origin == origin) return (r, b);
            }
        }

        throw new InvalidOperationException("no block at the finding's origin");
    }

    private static string RandomVirtualService(Random random)
    {
        var sb = new StringBuilder("apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: svc\nspec:\n  hosts:\n  - svc\n  http:\n");
        var rules = 2 + random.Next(4);
        for (var r = 0; r < rules; r++)
        {
            sb.Append("  - ");
            var blocks = random.Next(4) == 0 ? 0 : 1 + random.Next(2);
            if (blocks > 0)
            {
                sb.Append("match:\n");
                for (var b = 0; b < blocks; b++)
                {
                    var conditions = new List<string>();
                    if (random.Next(3) > 0) conditions.Add("uri:\n        " + UriMatches[random.Next(UriMatches.Length)]);
                    if (random.Next(3) == 0) conditions.Add("headers:\n        x-g:\n          " + HeaderMatches[random.Next(HeaderMatches.Length)]);
                    if (random.Next(4) == 0) conditions.Add("method:\n        exact: " + Methods[random.Next(Methods.Length)]);
                    if (random.Next(6) == 0) conditions.Add("ignoreUriCase: true");
                    if (conditions.Count == 0) conditions.Add("uri:\n        prefix: /");
                    sb.Append("    - ").Append(string.Join("\n      ", conditions)).Append('\n');
                }

                sb.Append("    route:\n");
            }
            else
            {
                sb.Append("route:\n");
            }

            sb.Append("    - destination:\n        host: svc\n        subset: s").Append(r).Append('\n');
        }

        return sb.ToString();
    }
}
