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
}
