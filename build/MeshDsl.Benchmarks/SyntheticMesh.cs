using System.Globalization;
using System.Text;

namespace MeshDsl.Benchmarks;

/// <summary>
/// The workload of issue 7, the same for every tool compared: N services <c>svc-i</c> in namespace <c>shop</c>, each with a
/// DestinationRule (subsets v1-v3, LEAST_REQUEST, connection pool, outlier detection) and a VirtualService of four rules.
/// </summary>
public static class SyntheticMesh
{
    /// <summary>The rules the synthetic project turns off (NoWarn, since issue 7); the benchmarks analyze with the same options.</summary>
    public static readonly string[] Silenced = { "MESH202", "MESH305" };

    public static string Service(int i, string defaultTimeout = "10s")
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        return $$"""
            using MeshDsl;

            namespace Shop;

            [MeshService("svc-{{n}}", Namespace = "shop", Host = "svc-{{n}}.shop.svc.cluster.local", Port = 8080)]
            [LoadBalancer(LoadBalancing.LeastRequest)]
            [ConnectionPool(MaxConnections = 100, ConnectTimeout = "30ms", Http1MaxPendingRequests = 1024, MaxRequestsPerConnection = 10, MaxRetries = 3)]
            [OutlierDetection(Consecutive5xxErrors = 5, Interval = "10s", BaseEjectionTime = "30s", MaxEjectionPercent = 50)]
            public partial class Svc{{n}}
            {
                [Subset("v1")] public partial class V1 { }
                [Subset("v2")] public partial class V2 { }
                [Subset("v3")] public partial class V3 { }

                [HttpRoute(Name = "canary-header"), MatchHeader("x-canary", Exact = "true"), RouteTo<V3>]
                public partial class CanaryHeader { }

                [HttpRoute(Name = "beta-user"), MatchHeader("end-user", Exact = "jason"), RouteTo<V2>]
                public partial class BetaUser { }

                [HttpRoute(Name = "debug"), MatchHeader("x-debug", Prefix = "1"), RouteTo<V1>]
                public partial class Debug { }

                [HttpRoute(Name = "default", Timeout = "{{defaultTimeout}}")]
                [RouteTo<V1>(Weight = 80, Port = 8080), RouteTo<V2>(Weight = 15, Port = 8080), RouteTo<V3>(Weight = 5, Port = 8080)]
                [Retries(3, PerTryTimeout = "2s", RetryOn = new[] { RetryOn.Http5xx, RetryOn.ConnectFailure, RetryOn.Reset })]
                public partial class Default { }
            }
            """;
    }

    /// <summary>A file with no MeshDsl attributes, edited to measure an unrelated edit.</summary>
    public static string Unrelated(int version) =>
        "namespace Shop;\n\npublic static class Unrelated\n{\n    public static int Version => " + version.ToString(CultureInfo.InvariantCulture) + ";\n}\n";

    /// <summary>
    /// Writes a mesh project of N services, wired to the repository's Release build of MeshDsl as its package wires a
    /// consumer: the runtime library as a reference, and with MeshDsl the generator and analyzers as analyzer items and
    /// the build targets imported. No project references: MSBuild would call into each referenced project (and the
    /// runtime library's own references) in every build, a cost no package consumer pays, with MeshDsl or without.
    /// MeshDsl's props and targets come in where NuGet puts a package's, through Directory.Build.props and .targets: imported
    /// at the end of the project file instead, they run before the SDK sets OutDir, and the manifests land in the project
    /// folder, where 2,000 files become items of every build (docs/performance.md, "Where the synthetic project put its
    /// manifests").
    /// </summary>
    public static void WriteProject(int count, string directory, string repoRoot, bool meshDsl)
    {
        Directory.CreateDirectory(Path.Combine(directory, "Services"));
        for (var i = 0; i < count; i++)
        {
            File.WriteAllText(Path.Combine(directory, "Services", $"Svc{i}.cs"), Service(i));
        }

        File.WriteAllText(Path.Combine(directory, "Unrelated.cs"), Unrelated(0));
        var src = Path.Combine(repoRoot, "src");
        var analyzers = meshDsl
            ? $"""
                <Analyzer Include="{src}/MeshDsl.Compiler/bin/$(Configuration)/netstandard2.0/MeshDsl.Compiler.dll" />
                <Analyzer Include="{src}/MeshDsl.Compiler/bin/$(Configuration)/netstandard2.0/YamlDotNet.dll" />
                <Analyzer Include="{src}/MeshDsl.Compiler/bin/$(Configuration)/netstandard2.0/MeshDsl.Core.dll" />
              """
            : string.Empty;
        File.WriteAllText(Path.Combine(directory, "Mesh.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <!-- Synthetic mesh of {count} services ({(meshDsl ? "with MeshDsl" : "without MeshDsl's generator and analyzers")}). -->
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <NoWarn>$(NoWarn);{string.Join(";", Silenced)}</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="{src}/MeshDsl/bin/$(Configuration)/netstandard2.0/MeshDsl.dll" />
            {analyzers}  </ItemGroup>
            </Project>
            """);
        // Keep the repository's Directory.Build.* out of the synthetic project.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), meshDsl
            ? $"""
              <Project>
                <Import Project="{src}/MeshDsl.Build/build/MeshDsl.props" />
                <PropertyGroup>
                  <MeshDslTasksAssembly>{src}/MeshDsl.Build/bin/$(Configuration)/netstandard2.0/MeshDsl.Build.dll</MeshDslTasksAssembly>
                  <!-- The package's ReadyToRun images, where src/MeshDsl's MeshDslReadyToRun target made them (measure-build.sh does). -->
                  <_MeshDslPortableTasksAssembly>$(MeshDslTasksAssembly)</_MeshDslPortableTasksAssembly>
                  <_MeshDslReadyToRunRoot>{src}/MeshDsl/bin/$(Configuration)/netstandard2.0/readytorun/</_MeshDslReadyToRunRoot>
                </PropertyGroup>
              </Project>

              """
            : "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), meshDsl
            ? $"""
              <Project>
                <Import Project="{src}/MeshDsl.Build/build/MeshDsl.targets" />
              </Project>

              """
            : "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
    }
}
