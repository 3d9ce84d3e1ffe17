using MeshDsl.Analyzers;
using MeshDsl.CodeFixes;
using MeshDsl.Tests.Support;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace MeshDsl.Tests.CodeFixes;

/// <summary>Each fix turns the flagged code into code the rule accepts; the testing framework also checks fix-all.</summary>
public class CodeFixTests
{
    private const string Head = "using MeshDsl;\n[MeshService(\"reviews\")]\npublic partial class Reviews\n{\n    [Subset(\"v1\")] public partial class V1 { }\n    [Subset(\"v2\")] public partial class V2 { }\n    [Subset(\"v3\")] public partial class V3 { }\n";

    [Fact]
    public Task MESH603_raises_the_bucket_to_the_tokens_per_fill() => Verify<BucketSizeFix>(RuleIds.TokensBeyondBucket,
        "using MeshDsl;\n[MeshService(\"a\"), LocalRateLimit(100, \"1s\", TokensPerFill = {|MESH603:500|}, Priority = 1)] public partial class A { }\n",
        "using MeshDsl;\n[MeshService(\"a\"), LocalRateLimit(500, \"1s\", TokensPerFill = 500, Priority = 1)] public partial class A { }\n");

    [Fact]
    public Task MESH702_writes_the_percentage_a_ratio_meant() => Verify<PercentageFix>(RuleIds.CanaryThresholdUnit,
        "using MeshDsl;\n[MeshService(\"a\"), Canary<A.V1, A.V2>(StepWeights = new[] { 50, 100 }), CanarySuccessRate({|MESH702:0.995|}), CanaryLatency(\"1s\", Percentile = {|MESH702:0.9|})]\npublic partial class A { [Subset(\"v1\")] public partial class V1 { } [Subset(\"v2\")] public partial class V2 { } }\n",
        "using MeshDsl;\n[MeshService(\"a\"), Canary<A.V1, A.V2>(StepWeights = new[] { 50, 100 }), CanarySuccessRate(99.5), CanaryLatency(\"1s\", Percentile = 90)]\npublic partial class A { [Subset(\"v1\")] public partial class V1 { } [Subset(\"v2\")] public partial class V2 { } }\n");

    [Fact]
    public Task MESH605_sets_a_priority() => Verify<PriorityFix>(RuleIds.RelativePatchWithoutPriority,
        "using MeshDsl;\n[MeshService(\"a\"), {|MESH605:LocalRateLimit(100, \"1s\")|}] public partial class A { }\n",
        "using MeshDsl;\n[MeshService(\"a\"), LocalRateLimit(100, \"1s\", Priority = 10)] public partial class A { }\n");

    [Fact]
    public Task MESH001_normalises_durations() => Verify<DurationFix>(RuleIds.InvalidDuration,
        Head + "    [HttpRoute(Timeout = {|MESH001:\"10 seconds\"|}), RouteTo<V1>, Retries(2, PerTryTimeout = {|MESH001:\"1.5ms\"|})] public partial class A { }\n}",
        Head + "    [HttpRoute(Timeout = \"10s\"), RouteTo<V1>, Retries(2, PerTryTimeout = \"2ms\")] public partial class A { }\n}");

    [Fact]
    public Task MESH001_offers_nothing_when_the_meaning_is_unclear() => Verify<DurationFix>(RuleIds.InvalidDuration,
        Head + "    [HttpRoute(Timeout = {|MESH001:\"soon\"|}), RouteTo<V1>] public partial class A { }\n}",
        Head + "    [HttpRoute(Timeout = {|MESH001:\"soon\"|}), RouteTo<V1>] public partial class A { }\n}");

    [Fact]
    public Task MESH104_rebalances_weights_keeping_their_proportions() => Verify<WeightsFix>(RuleIds.WeightsNot100,
        Head + "    [HttpRoute, RouteTo<V1>(Weight = {|MESH104:1|}), RouteTo<V2>(Weight = 1), RouteTo<V3>(Weight = 1)] public partial class A { }\n}",
        Head + "    [HttpRoute, RouteTo<V1>(Weight = 34), RouteTo<V2>(Weight = 33), RouteTo<V3>(Weight = 33)] public partial class A { }\n}");

    [Fact]
    public Task MESH104_rebalances_the_largest_weights_without_overflow() => Verify<WeightsFix>(RuleIds.WeightsNot100,
        Head + "    [HttpRoute, RouteTo<V1>(Weight = {|MESH104:2147483647|}), RouteTo<V2>(Weight = 2147483647)] public partial class A { }\n}",
        Head + "    [HttpRoute, RouteTo<V1>(Weight = 50), RouteTo<V2>(Weight = 50)] public partial class A { }\n}");

    [Fact]
    public Task MESH104_fixes_every_rule_at_once() => Verify<WeightsFix>(RuleIds.WeightsNot100,
        Head + "    [HttpRoute, MatchUri(Prefix = \"/a\"), RouteTo<V1>(Weight = {|MESH104:90|}), RouteTo<V2>(Weight = 20)] public partial class A { }\n    [HttpRoute, RouteTo<V1>(Weight = {|MESH104:45|}), RouteTo<V2>(Weight = 45)] public partial class B { }\n}",
        Head + "    [HttpRoute, MatchUri(Prefix = \"/a\"), RouteTo<V1>(Weight = 82), RouteTo<V2>(Weight = 18)] public partial class A { }\n    [HttpRoute, RouteTo<V1>(Weight = 50), RouteTo<V2>(Weight = 50)] public partial class B { }\n}");

    [Fact]
    public Task MESH107_lower_cases_header_names() => Verify<HeaderNameFix>(RuleIds.HeaderNotLowerCase,
        Head + "    [HttpRoute, MatchHeader({|MESH107:\"X-User-Group\"|}, Exact = \"Beta\"), RouteTo<V2>] public partial class A { }\n    [HttpRoute, RouteTo<V1>] public partial class B { }\n}",
        Head + "    [HttpRoute, MatchHeader(\"x-user-group\", Exact = \"Beta\"), RouteTo<V2>] public partial class A { }\n    [HttpRoute, RouteTo<V1>] public partial class B { }\n}");

    [Fact]
    public Task MESH201_turns_retries_off() => Verify<NoRetriesFix>(RuleIds.RetriesOnNonIdempotent,
        Head + "    [HttpRoute, MatchMethod(RequestMethod.Post), RouteTo<V1>, Retries({|MESH201:3|}, PerTryTimeout = \"2s\", RetryOn = new[] { RetryOn.Status503 })] public partial class A { }\n    [HttpRoute, RouteTo<V1>] public partial class B { }\n}",
        Head + "    [HttpRoute, MatchMethod(RequestMethod.Post), RouteTo<V1>, Retries(0)] public partial class A { }\n    [HttpRoute, RouteTo<V1>] public partial class B { }\n}");

    [Fact]
    public Task MESH206_adds_retries_0() => Verify<NoRetriesFix>(RuleIds.DefaultRetriesOnNonIdempotent,
        Head + "    [{|MESH206:HttpRoute|}, MatchMethod(RequestMethod.Delete), RouteTo<V1>] public partial class A { }\n    [{|MESH206:HttpRoute|}, MatchMethod(RequestMethod.Put), RouteTo<V1>] public partial class B { }\n    [HttpRoute, RouteTo<V1>] public partial class C { }\n}",
        Head + "    [HttpRoute, Retries(0), MatchMethod(RequestMethod.Delete), RouteTo<V1>] public partial class A { }\n    [HttpRoute, Retries(0), MatchMethod(RequestMethod.Put), RouteTo<V1>] public partial class B { }\n    [HttpRoute, RouteTo<V1>] public partial class C { }\n}");

    [Fact]
    public Task MESH203_shrinks_the_per_try_timeout_to_fit() => Verify<PerTryTimeoutFix>(RuleIds.RetryBudget,
        Head + "    [HttpRoute(Timeout = \"10s\"), RouteTo<V2>, Retries(3, PerTryTimeout = {|MESH203:\"3s\"|})] public partial class A { }\n}",
        Head + "    [HttpRoute(Timeout = \"10s\"), RouteTo<V2>, Retries(3, PerTryTimeout = \"2500ms\")] public partial class A { }\n}");

    [Theory]
    [InlineData(new[] { 90, 20 }, new[] { 82, 18 })]
    [InlineData(new[] { 1, 1, 1 }, new[] { 34, 33, 33 })]
    [InlineData(new[] { 0, 50 }, new[] { 0, 100 })]
    [InlineData(new[] { 5, 95 }, new[] { 5, 95 })]
    public void Rebalancing_keeps_proportions_and_adds_up_to_100(int[] weights, int[] expected)
    {
        Assert.Equal(expected, WeightsFix.Rebalance(weights));
        Assert.Equal(100, WeightsFix.Rebalance(weights).Sum());
    }

    [Theory]
    [InlineData("10 seconds", "10s")]
    [InlineData("1.5ms", "2ms")]
    [InlineData("90 sec", "90s")]
    [InlineData("1 hour 30 minutes", "90m")]
    [InlineData("1500 ms", "1500ms")]
    [InlineData("0.4ms", null)]
    [InlineData("ten seconds", null)]
    public void Durations_are_read_liberally(string text, string? expected) => Assert.Equal(expected, DurationFix.Normalize(text));

    private static Task Verify<TFix>(string rule, string source, string fixedSource)
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<MeshDeclarationAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.AdditionalReferences.AddRange(TestCompilation.References);
        test.FixedState.AdditionalReferences.AddRange(TestCompilation.References);
        test.DisabledDiagnostics.AddRange(Descriptors.All.Select(d => d.Id).Where(id => id != rule));
        return test.RunAsync();
    }
}
