namespace MeshDsl.Package.Tests;

/// <summary>MeshDsl.Testing as a user gets it: a project with Bookinfo's declarations routes requests by C# type.</summary>
public class TestingPackageTests : IClassFixture<PackageFixture>
{
    private readonly PackageFixture _package;

    public TestingPackageTests(PackageFixture package) => _package = package;

    [Fact]
    public void A_consumer_routes_requests_to_its_service_types_and_reaches_its_subset_types()
    {
        var consumer = _package.CreateConsumer("Routes", "<OutputType>Exe</OutputType>", $"<PackageReference Include=\"MeshDsl.Testing\" Version=\"{_package.Version}\" />");
        foreach (var file in Directory.GetFiles(Path.Combine(PackageFixture.RepoRoot, "samples", "Bookinfo"), "*.cs"))
        {
            consumer.AddSource(Path.GetFileName(file), File.ReadAllText(file));
        }

        consumer.AddSource("Program.cs", """
            using Bookinfo;
            using MeshDsl.Testing;

            var mesh = MeshRoutes.Load(typeof(Reviews).Assembly);
            var beta = mesh.Send(MeshRequest.To<Reviews>("/api/reviews").WithHeader("x-user-group", "beta"));
            var others = mesh.Send(MeshRequest.To<Reviews>("/api/reviews"));
            Console.WriteLine($"beta->v2={beta.WeightTo<Reviews.V2>()} others->v1={others.WeightTo<Reviews.V1>()} others->v2={others.WeightTo<Reviews.V2>()}");
            """);
        var run = consumer.Run();
        run.AssertSuccess("dotnet run");
        Assert.Contains("beta->v2=100 others->v1=90 others->v2=10", run.Output);
    }

    [Theory]
    [InlineData("14", false, false)]
    [InlineData("13", false, true)]
    [InlineData("14", true, true)]
    public void Manifests_reads_a_declarations_manifests_through_the_extension_from_CSharp_14_and_its_own_property_before(string langVersion, bool propertyAsked, bool ownProperty)
    {
        // No `using MeshDsl;` in the calling file: the property must be reachable in either form without one.
        var consumer = _package.CreateConsumer(
            "Accessor" + langVersion + (propertyAsked ? "Property" : string.Empty),
            $"<OutputType>Exe</OutputType><LangVersion>{langVersion}</LangVersion><MeshDslManifestsProperty>{propertyAsked.ToString().ToLowerInvariant()}</MeshDslManifestsProperty>");
        foreach (var file in Directory.GetFiles(Path.Combine(PackageFixture.RepoRoot, "samples", "Bookinfo"), "*.cs"))
        {
            consumer.AddSource(Path.GetFileName(file), File.ReadAllText(file));
        }

        consumer.AddSource("Program.cs", """
            System.Console.WriteLine("manifests=" + string.Join(",", System.Linq.Enumerable.Select(Bookinfo.Reviews.Manifests, m => m.FileName)));
            System.Console.WriteLine("own-property=" + (typeof(Bookinfo.Reviews).GetProperty("Manifests") is not null));
            """);
        var run = consumer.Run();
        run.AssertSuccess("dotnet run");
        Assert.Contains("manifests=bookinfo-destinationrule-reviews.yaml,bookinfo-virtualservice-reviews.yaml", run.Output);
        Assert.Contains("own-property=" + ownProperty, run.Output);
    }
}
