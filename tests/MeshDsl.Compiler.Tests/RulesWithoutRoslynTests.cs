using System.Collections.Immutable;
using MeshDsl.Helpers;
using MeshDsl.Model;
using MeshDsl.Rules;

namespace MeshDsl.Tests;

/// <summary>
/// The policy rules are plain code over the model: a VirtualService built by hand, as a YAML front end would build one,
/// gets the same findings as C# does. No compilation, symbol or syntax is involved.
/// </summary>
public class RulesWithoutRoslynTests
{
    private static readonly SourceRef Route = new("yaml:reviews.yaml", 12);
    private static readonly SourceRef RetryAt = new("yaml:reviews.yaml", 15);

    private static VirtualService VirtualServiceWith(HttpRoute route)
    {
        var spec = new VirtualServiceSpec(ImmutableArray.Create("reviews"), EquatableArray<string>.Empty, ImmutableArray.Create(route),
            EquatableArray<TlsRoute>.Empty, EquatableArray<TcpRoute>.Empty, EquatableArray<string>.Empty);
        return new VirtualService(new ObjectMeta("reviews", null), Route, spec);
    }

    private static HttpRoute Rule(string? timeout, HttpRetry? retries, params HttpMatchRequest[] match) => new(
        "writes", match.ToImmutableArray(),
        ImmutableArray.Create(new HttpRouteDestination(new Destination("reviews", "v1", null), null, null, Route)),
        null, null, null, null, timeout, retries, null, null, null, SourceRef.None, EquatableArray<HttpMirrorPolicy>.Empty, null, null, Route);

    private static HttpMatchRequest Method(string method) => new(null, null, null, new StringMatch(StringMatchKind.Exact, method, Route), null,
        EquatableArray<NamedMatch>.Empty, null, EquatableArray<Label>.Empty, EquatableArray<string>.Empty, EquatableArray<NamedMatch>.Empty, null,
        EquatableArray<NamedMatch>.Empty, null, null);

    [Fact]
    public void A_hand_built_model_gets_the_same_findings_as_CSharp()
    {
        var declaration = VirtualServiceWith(Rule("10 seconds", new HttpRetry(3, "4s", new[] { "503" }.ToEquatableArray(), null, null, null, RetryAt), Method("POST")));
        var findings = PolicyRules.Evaluate(declaration).ToArray();

        var duration = Assert.Single(findings, f => f.RuleId == "MESH001");
        Assert.Equal((Route, "timeout"), (duration.Origin, duration.Field));
        var retries = Assert.Single(findings, f => f.RuleId == "MESH201");
        Assert.Equal((RetryAt, "attempts"), (retries.Origin, retries.Field));
        Assert.Equal(new[] { "writes", "POST" }, retries.MessageArgs);
    }

    [Fact]
    public void A_clean_hand_built_model_has_no_findings()
    {
        var declaration = VirtualServiceWith(Rule("10s", new HttpRetry(0, null, null, null, null, null, RetryAt), Method("POST")));
        Assert.Empty(PolicyRules.Evaluate(declaration));
    }
}
