using System.Reflection;
using MeshDsl.Testing;
using MeshDsl.Tests.Support;

namespace MeshDsl.Tests.Simulation;

/// <summary>
/// MeshDsl.Testing as a user's test project uses it: the Bookinfo sample compiled with the generator, loaded, and requests
/// sent to its service types with assertions on its subset types.
/// </summary>
public class MeshRoutesTests
{
    private static readonly Lazy<Assembly> Bookinfo = new(() => TestCompilation.Run(TestCompilation.Create(TestCompilation.Sample("Bookinfo"))).Load());

    private static Type Type(string name) => Bookinfo.Value.GetType(name, throwOnError: true)!;

    [Theory]
    [InlineData("internal-testers", "Bookinfo.Reviews+V3", 100)]
    [InlineData("beta", "Bookinfo.Reviews+V2", 100)]
    [InlineData("someone", "Bookinfo.Reviews+V1", 90)]
    [InlineData("someone", "Bookinfo.Reviews+V2", 10)]
    public void Requests_to_a_service_type_reach_its_subset_types(string group, string subset, int weight)
    {
        var mesh = MeshRoutes.Load(Bookinfo.Value);
        var result = mesh.Send(MeshRequest.To(Type("Bookinfo.Reviews"), "/api/reviews").WithHeader("x-user-group", group));
        Assert.Equal("Routed", result.Outcome);
        Assert.Equal(weight, result.WeightTo(Type(subset)));
        Assert.Contains("VirtualService: bookinfo/reviews", result.Explanation);
    }

    [Fact]
    public void A_service_type_that_is_not_in_the_mesh_and_an_assembly_without_manifests_are_refused_with_a_reason()
    {
        var mesh = MeshRoutes.Load(Bookinfo.Value);
        var error = Assert.Throws<ArgumentException>(() => mesh.Send(MeshRequest.To<MeshRoutesTests>()));
        Assert.Contains("is not a [MeshService] class", error.Message);
        Assert.Contains("holds no MeshDsl manifests", Assert.Throws<InvalidOperationException>(() => MeshRoutes.Load(typeof(MeshRoutesTests).Assembly)).Message);
        Assert.Throws<ArgumentException>(() => MeshRequest.To<MeshRoutesTests>("no-slash"));
    }

    [Fact]
    public void A_host_can_be_addressed_by_name_too()
    {
        var mesh = MeshRoutes.Load(Bookinfo.Value);
        var result = mesh.Send(MeshRequest.ToHost("ratings.bookinfo", 9080).FromNamespace("bookinfo"));
        Assert.NotEqual("NoRoute", result.Outcome);
        Assert.NotEmpty(result.Destinations);
    }

    [Fact]
    public void Routing_test_cases_run_from_csharp_and_a_file_that_cannot_be_read_says_where()
    {
        var mesh = MeshRoutes.Load(Bookinfo.Value);
        var results = mesh.RunTestCases("""
            testCases:
            - description: testers
              wantMatch: true
              request: { authority: [reviews], method: [GET], uri: [/] , headers: { x-user-group: internal-testers } }
              route: [ { destination: { host: reviews, subset: v3 } } ]
            - description: wrong
              wantMatch: true
              request: { authority: [reviews], method: [GET], uri: [/] }
              route: [ { destination: { host: reviews, subset: v3 } } ]
            """);
        Assert.Equal(new[] { true, false }, results.Select(r => r.Passed));
        Assert.StartsWith("FAIL wrong: GET reviews/: route is", results[1].ToString(), StringComparison.Ordinal);
        Assert.Contains("cases.yaml(1,", Assert.Throws<FormatException>(() => mesh.RunTestCases("testCases: 3")).Message);
    }

    [Fact]
    public void A_canary_routes_as_its_start_not_as_one_of_its_stages()
    {
        var assembly = TestCompilation.Run(TestCompilation.Create(TestCompilation.Sample("Canary"))).Load();
        var result = MeshRoutes.Load(assembly).Send(MeshRequest.To(assembly.GetType("Canary.Reviews", true)!, "/"));
        Assert.Equal(100, result.WeightTo(assembly.GetType("Canary.Reviews+V1", true)!));
        Assert.Equal(0, result.WeightTo(assembly.GetType("Canary.Reviews+V2", true)!));
        Assert.DoesNotContain("VirtualServices", result.Explanation);
    }
}
