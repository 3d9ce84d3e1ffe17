using System.Reflection;

namespace MeshDsl.Tests.Support;

/// <summary>Where the repository and the shared fixtures are, as the build recorded them.</summary>
internal static class Paths
{
    public static string RepoRoot { get; } = Metadata("MeshDslRepoRoot");

    public static string SharedDir { get; } = Metadata("MeshDslSharedDir");

    public static string CrdDir => Path.Combine(SharedDir, "istio", "crds");

    public static string SeedManifests => Path.Combine(SharedDir, "seed-manifests");

    public static string Samples => Path.Combine(RepoRoot, "samples");

    private static string Metadata(string key) =>
        typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
