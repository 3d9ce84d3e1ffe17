using System.Reflection;

namespace MeshDsl.Package.Tests;

/// <summary>
/// Packs MeshDsl once per test run into a local feed, with a version of its own and a private package cache:
/// a restored version is cached globally, and a later pack with the same version would be silently ignored.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public PackageFixture()
    {
        Directory.CreateDirectory(Root);
        // The random part starts with a letter: an all-digit one with a leading zero is not a valid SemVer identifier.
        Version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + ".g" + Guid.NewGuid().ToString("N")[..6];
        var configuration = typeof(PackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;
        var project = Path.Combine(RepoRoot, "src", "MeshDsl", "MeshDsl.csproj");
        DotNet.Run(RepoRoot, null, "pack", project, "--no-build", "-c", configuration, "-o", Feed, $"-p:Version={Version}")
            .AssertSuccess("dotnet pack");
        Assert.True(File.Exists(Path.Combine(Feed, $"MeshDsl.{Version}.nupkg")));
        DotNet.Run(RepoRoot, null, "pack", Path.Combine(RepoRoot, "src", "MeshDsl.Testing", "MeshDsl.Testing.csproj"), "--no-build", "-c", configuration, "-o", Feed, $"-p:Version={Version}")
            .AssertSuccess("dotnet pack MeshDsl.Testing");
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "meshdsl-package-tests", Guid.NewGuid().ToString("N"));

    public string Feed => Path.Combine(Root, "feed");

    public string Packages => Path.Combine(Root, "packages");

    public string Version { get; }

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>A consumer project in a fresh folder, referencing MeshDsl by PackageReference exactly as a user would.</summary>
    public Consumer CreateConsumer(string name, string extraProperties = "", string extraItems = "")
    {
        var dir = Path.Combine(Root, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="meshdsl-test-feed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(dir, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MeshDsl" Version="{Version}" />
                {extraItems}
              </ItemGroup>
            </Project>
            """);
        return new Consumer(dir, Packages);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "MeshDsl.sln"))) return dir;
        }

        throw new InvalidOperationException("MeshDsl.sln not found above " + AppContext.BaseDirectory);
    }
}

public sealed record Consumer(string Directory, string Packages)
{
    /// <summary>A service with one subset and one rule: a DestinationRule and a VirtualService.</summary>
    public static string Service(string name, string type, string? @namespace = null) => $$"""
        using MeshDsl;
        [MeshService("{{name}}"{{(@namespace is null ? "" : $", Namespace = \"{@namespace}\"")}})]
        public partial class {{type}}
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute(Timeout = "5s"), RouteTo<V1>] public partial class Default { }
        }
        """;

    /// <summary>The one service most tests build: svc in namespace shop.</summary>
    public static string OneService { get; } = Service("svc", "Svc", "shop");

    public string ManifestDir => Path.Combine(Directory, "bin", "Debug", "net10.0", "manifests");

    public void AddSource(string file, string text) => File.WriteAllText(Path.Combine(Directory, file), text);

    public ProcessResult Run(params string[] args) => DotNetHere(new[] { "run", "--" }.Concat(args));

    public ProcessResult Build(params string[] args) => DotNetHere(new[] { "build" }.Concat(args));

    /// <summary>Any dotnet CLI command in this consumer's folder, restoring into the fixture's own package folder.</summary>
    public ProcessResult DotNet(params string[] args) => DotNetHere(args);

    /// <summary>The same, with more environment variables for the command (and every process it starts).</summary>
    public ProcessResult DotNet(IReadOnlyDictionary<string, string> environment, params string[] args) => DotNetHere(args, environment);

    /// <summary>The project's items of each type, as MSBuild evaluates them, by path relative to the project with '/'.</summary>
    public IReadOnlyDictionary<string, string[]> Items(string[] types, params string[] properties)
    {
        var result = DotNetHere(new[] { "msbuild" }.Concat(types.Select(t => "-getItem:" + t)).Concat(properties.Select(p => "-p:" + p)));
        result.AssertSuccess("item evaluation");
        using var json = System.Text.Json.JsonDocument.Parse(result.Output);
        var items = json.RootElement.GetProperty("Items");
        return types.ToDictionary(
            t => t,
            t => items.TryGetProperty(t, out var list)
                ? list.EnumerateArray().Select(i => i.GetProperty("Identity").GetString()!.Replace('\\', '/')).OrderBy(i => i, StringComparer.Ordinal).ToArray()
                : Array.Empty<string>());
    }

    /// <summary>The dotnet CLI in this consumer's folder, restoring into the fixture's own package folder.</summary>
    private ProcessResult DotNetHere(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) { ["NUGET_PACKAGES"] = Packages };
        return Tests.DotNet.Run(Directory, variables, args.ToArray());
    }
}
