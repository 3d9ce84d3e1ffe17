using Bookinfo;
using MeshDsl.Testing;

namespace Bookinfo.Tests;

/// <summary>Where Bookinfo's requests go, asserted on the C# types that declare the services and their versions.</summary>
public class BookinfoRoutingTests
{
    private static readonly MeshRoutes Mesh = MeshRoutes.Load(typeof(Reviews).Assembly);

    [Fact]
    public void Internal_testers_get_v3()
    {
        var result = Mesh.Send(MeshRequest.To<Reviews>("/api/reviews").WithHeader("x-user-group", "internal-testers"));
        Assert.True(result.GoesTo<Reviews.V3>(), result.Explanation);
        Assert.Equal("internal-testers", result.Rule);
    }

    [Theory]
    [InlineData("x-user-group", "beta")]
    [InlineData("cookie", "session=1; beta=true")]
    public void Beta_users_get_v2_by_header_or_cookie(string header, string value)
    {
        var result = Mesh.Send(MeshRequest.To<Reviews>("/api/reviews").WithHeader(header, value));
        Assert.True(result.GoesTo<Reviews.V2>(), result.Explanation);
    }

    [Fact]
    public void Everyone_else_is_split_90_10_while_v2_proves_itself()
    {
        var result = Mesh.Send(MeshRequest.To<Reviews>("/api/reviews"));
        Assert.Equal(90, result.WeightTo<Reviews.V1>());
        Assert.Equal(10, result.WeightTo<Reviews.V2>());
        Assert.Equal(0, result.WeightTo<Reviews.V3>());
    }

    [Fact]
    public void The_routing_test_cases_meshdsl_test_runs_on_the_yaml_pass_here_too()
    {
        var results = Mesh.RunTestCases(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "routing-cases.yaml")));
        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.True(r.Passed, r.ToString()));
    }
}
