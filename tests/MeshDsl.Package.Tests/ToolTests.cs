using System.Diagnostics;
using System.Reflection;

namespace MeshDsl.Package.Tests;

/// <summary>The meshdsl .NET tool as a user gets it: packed, installed from a local feed into a tool path, and run.</summary>
public sealed class ToolTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "meshdsl-tool-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void The_tool_installs_offline_from_a_local_feed_and_analyzes_the_seed_manifests()
    {
        var feed = Path.Combine(_root, "feed");
        var tools = Path.Combine(_root, "tools");
        // The random part starts with a letter: an all-digit one with a leading zero is not a valid SemVer identifier.
        var version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + ".g" + Guid.NewGuid().ToString("N")[..6];
        var configuration = typeof(ToolTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;
        Directory.CreateDirectory(_root);
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_root, "packages") };
        DotNet.Run(PackageFixture.RepoRoot, null, "pack", Path.Combine(PackageFixture.RepoRoot, "src", "MeshDsl.Cli", "MeshDsl.Cli.csproj"), "--no-build", "-c", configuration, "-o", feed, $"-p:Version={version}")
            .AssertSuccess("dotnet pack MeshDsl.Cli");
        DotNet.Run(_root, environment, "tool", "install", "MeshDsl.Cli", "--tool-path", tools, "--add-source", feed, "--version", version)
            .AssertSuccess("dotnet tool install");

        var seed = Path.Combine(PackageFixture.RepoRoot, "..", "shared", "seed-manifests");
        var clean = Tool(tools, "analyze", Path.Combine(seed, "17-retries-timeouts.yaml"));
        Assert.True(clean.ExitCode == 0, clean.Output);
        Assert.Contains("warning MESH203", clean.Output);

        var sarif = Path.Combine(_root, "seed.sarif");
        var all = Tool(tools, "analyze", seed, "--format", "sarif", "--output", sarif);
        Assert.Equal(1, all.ExitCode);
        Assert.Contains("\"version\": \"2.1.0\"", File.ReadAllText(sarif));

        Assert.Equal(2, Tool(tools, "analyze", "--format", "xml", seed).ExitCode);
    }

    private static ProcessResult Tool(string tools, params string[] args)
    {
        var info = new ProcessStartInfo(Path.Combine(tools, OperatingSystem.IsWindows() ? "meshdsl.exe" : "meshdsl"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);

        // The tool's launcher finds the runtime through DOTNET_ROOT: the one running these tests.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (dotnet is not null) info.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(new FileInfo(dotnet).ResolveLinkTarget(true)?.FullName ?? dotnet)!;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "meshdsl did not finish");
        return new ProcessResult(process.ExitCode, stdout.Result + stderr.Result);
    }
}
