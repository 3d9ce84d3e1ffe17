using System.Reflection;

namespace MeshDsl.Tests.Support;

/// <summary>Where the repository and the shared fixtures are, as the build recorded them.</summary>
internal static class Paths
{
    public static string RepoRoot { get; } = Metadata("MeshDslRepoRoot");

    public static string SharedDir { get; } = Metadata("MeshDslSharedDir");

    public static string CrdDir => Path.Combine(SharedDir, "istio", "crds");

    /// <summary>Schemas of kinds ../shared has no CRD for, written by us (each says how): ServiceEntry.</summary>
    public static string OwnSchemaDir => Path.Combine(RepoRoot, "tests", "MeshDsl.Compiler.Tests", "Schemas");

    /// <summary>The CRD file of a kind (<c>gateway.yaml</c>): Istio's from ../shared, else ours; null when neither has it.</summary>
    public static string? Crd(string file) =>
        File.Exists(Path.Combine(CrdDir, file)) ? Path.Combine(CrdDir, file)
        : File.Exists(Path.Combine(OwnSchemaDir, file)) ? Path.Combine(OwnSchemaDir, file)
        : null;

    /// <summary>The CRD file of a progressive delivery engine's kind (Flagger's, Argo Rollouts'), or null.</summary>
    public static string? EngineCrd(string kind) => kind switch
    {
        "Canary" or "MetricTemplate" => Path.Combine(SharedDir, "flagger", "crd.yaml"),
        "Rollout" => Path.Combine(SharedDir, "argo-rollouts", "rollout-crd.yaml"),
        "AnalysisTemplate" => Path.Combine(SharedDir, "argo-rollouts", "analysis-template-crd.yaml"),
        _ => null,
    };

    public static string SeedManifests => Path.Combine(SharedDir, "seed-manifests");

    public static string Samples => Path.Combine(RepoRoot, "samples");

    private static string Metadata(string key) =>
        typeof(Paths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
