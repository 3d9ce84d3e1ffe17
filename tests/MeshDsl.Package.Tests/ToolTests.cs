using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Xml.Linq;

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
        // Built by the pack: the per-platform packages are builds of their own (a RuntimeIdentifier each).
        DotNet.Run(PackageFixture.RepoRoot, null, "pack", Path.Combine(PackageFixture.RepoRoot, "src", "MeshDsl.Cli", "MeshDsl.Cli.csproj"), "-c", configuration, "-o", feed, $"-p:Version={version}")
            .AssertSuccess("dotnet pack MeshDsl.Cli");
        AssertPackages(feed, version);
        DotNet.Run(_root, environment, "tool", "install", "MeshDsl.Cli", "--tool-path", tools, "--add-source", feed, "--version", version)
            .AssertSuccess("dotnet tool install");
        // Linux x64 installs the ReadyToRun package; every other platform the portable one.
        Assert.Equal(OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64, IsReadyToRun(Directory.EnumerateFiles(tools, "MeshDsl.Core.dll", SearchOption.AllDirectories).Single()));

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

    /// <summary>
    /// A pointer package naming a ReadyToRun package for Linux x64 and a portable one for everything else, each holding the
    /// whole tool: a platform missing from the pointer would fail to install.
    /// </summary>
    private static void AssertPackages(string feed, string version)
    {
        Assert.Equal(
            new[] { $"MeshDsl.Cli.{version}.nupkg", $"MeshDsl.Cli.any.{version}.nupkg", $"MeshDsl.Cli.linux-x64.{version}.nupkg" },
            Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal));

        using (var pointer = ZipFile.OpenRead(Path.Combine(feed, $"MeshDsl.Cli.{version}.nupkg")))
        {
            var settings = XDocument.Load(pointer.Entries.Single(e => e.Name == "DotnetToolSettings.xml").Open());
            Assert.Equal(
                new[] { "any=MeshDsl.Cli.any", "linux-x64=MeshDsl.Cli.linux-x64" },
                settings.Descendants("RuntimeIdentifierPackage").Select(p => $"{p.Attribute("RuntimeIdentifier")?.Value}={p.Attribute("Id")?.Value}").Order(StringComparer.Ordinal));
            Assert.DoesNotContain(pointer.Entries, e => e.Name.EndsWith(".dll", StringComparison.Ordinal));
        }

        foreach (var (rid, readyToRun) in new[] { ("linux-x64", true), ("any", false) })
        {
            using var package = ZipFile.OpenRead(Path.Combine(feed, $"MeshDsl.Cli.{rid}.{version}.nupkg"));
            var folder = $"tools/net10.0/{rid}/";

            // Started by `dotnet`, never a native launcher: a glibc one would not start on musl (Alpine), which installs linux-x64.
            var command = XDocument.Load(package.GetEntry(folder + "DotnetToolSettings.xml")!.Open()).Descendants("Command").Single();
            Assert.Equal(("dotnet", "MeshDsl.Cli.dll"), (command.Attribute("Runner")?.Value, command.Attribute("EntryPoint")?.Value));
            foreach (var name in new[] { "MeshDsl.Cli.dll", "MeshDsl.Core.dll", "YamlDotNet.dll", "System.CommandLine.dll" })
            {
                var entry = package.GetEntry(folder + name);
                Assert.True(entry is not null, $"{rid}: no {folder}{name}");
                var copy = Path.Combine(Path.GetDirectoryName(feed)!, rid + "-" + name);
                entry.ExtractToFile(copy, overwrite: true);
                Assert.True(IsReadyToRun(copy) == readyToRun, $"{rid}: {name} is {(readyToRun ? "not " : string.Empty)}ReadyToRun code");
            }
        }
    }

    /// <summary>True when the assembly carries precompiled code (a ReadyToRun header), false for IL only.</summary>
    private static bool IsReadyToRun(string assembly)
    {
        using var reader = new PEReader(File.OpenRead(assembly));
        return reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
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
