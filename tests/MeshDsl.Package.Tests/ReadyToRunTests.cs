using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace MeshDsl.Package.Tests;

/// <summary>
/// The ReadyToRun images the package carries for linux-x64 (src/MeshDsl/ReadyToRun.targets): what they are, when a build
/// loads them instead of the portable assemblies, and that the manifests come out the same either way.
/// </summary>
public class ReadyToRunTests : IClassFixture<PackageFixture>
{
    private static readonly string[] AnalyzerImages = { "MeshDsl.Compiler.dll", "MeshDsl.Core.dll", "YamlDotNet.dll" };

    private readonly PackageFixture _package;

    public ReadyToRunTests(PackageFixture package) => _package = package;

    /// <summary>The images are made on a linux-x64 host only, where crossgen2 runs and the framework is linux-x64's.</summary>
    private static bool HostMakesImages =>
        OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64 && !RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal);

    private static string ImageFolder => $"build/readytorun/net{Environment.Version.Major}.0/linux-x64/";

    [Fact]
    public void The_package_carries_native_images_of_the_very_assemblies_it_ships_portable()
    {
        using var package = ZipFile.OpenRead(Path.Combine(_package.Feed, $"MeshDsl.{_package.Version}.nupkg"));
        var images = package.Entries.Where(e => e.FullName.StartsWith("build/readytorun/", StringComparison.Ordinal)).Select(e => e.FullName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        if (!HostMakesImages)
        {
            Assert.Empty(images);
            return;
        }

        Assert.Equal(AnalyzerImages.Append("MeshDsl.Build.dll").Select(n => ImageFolder + n).OrderBy(n => n, StringComparer.Ordinal), images);
        foreach (var name in AnalyzerImages)
        {
            AssertImageOf(package, "analyzers/dotnet/cs/" + name, ImageFolder + name);
        }

        AssertImageOf(package, "build/tasks/netstandard2.0/MeshDsl.Build.dll", ImageFolder + "MeshDsl.Build.dll");
    }

    [Fact]
    public void A_command_line_build_loads_the_images_and_writes_the_same_manifests_as_the_portable_assemblies()
    {
        var consumer = _package.CreateConsumer("ReadyToRun");
        consumer.AddSource("Svc.cs", Consumer.OneService);

        var native = consumer.Build("-v:d");
        native.AssertSuccess("build with the images");
        var nativeManifests = Manifests(consumer);
        var portable = consumer.Build("--no-incremental", "-v:d", "-p:MeshDslReadyToRun=false");
        portable.AssertSuccess("build with the portable assemblies");

        var imageFolder = Path.Combine(consumer.Packages, "meshdsl", _package.Version.ToLowerInvariant(), ImageFolder).Replace('\\', '/');
        if (HostMakesImages)
        {
            Assert.Equal(AnalyzerImages.Select(n => imageFolder + n), MeshDslAnalyzers(native.Output).Where(a => a.StartsWith(imageFolder, StringComparison.Ordinal)).Order(StringComparer.Ordinal));
            Assert.Contains($"task from assembly \"{imageFolder}MeshDsl.Build.dll\"", native.Output);
        }

        // The code fixes, which the compiler does not run, stay where they are; and nothing portable is passed twice.
        Assert.Equal(AnalyzerImages.Length + 1, MeshDslAnalyzers(native.Output).Length);
        Assert.All(MeshDslAnalyzers(portable.Output), a => Assert.DoesNotContain("/readytorun/", a));
        Assert.Equal(AnalyzerImages.Length + 1, MeshDslAnalyzers(portable.Output).Length);
        Assert.DoesNotContain("/readytorun/", Regex.Match(portable.Output, "task from assembly \"[^\"]*MeshDsl.Build.dll\"").Value);
        Assert.Contains("/build/tasks/netstandard2.0/MeshDsl.Build.dll", portable.Output);

        Assert.Equal(2, nativeManifests.Count);
        Assert.Equal(nativeManifests, Manifests(consumer));
    }

    [Fact]
    public void With_the_images_a_cold_compiler_and_the_task_JIT_compile_almost_none_of_MeshDsls_methods()
    {
        var consumer = _package.CreateConsumer("Jit");
        consumer.AddSource("Svc.cs", Consumer.OneService);
        consumer.Build().AssertSuccess("restore and a first build");

        // The runtime's own list of what it JIT-compiled, from the compiler (a new csc, no server) and from MSBuild (the task).
        (int Compiler, int Task) JitCompiled(bool images)
        {
            var compilerList = Path.Combine(consumer.Directory, $"jit-csc-{images}.txt");
            var msbuildList = Path.Combine(consumer.Directory, $"jit-msbuild-{images}.txt");
            var environment = new Dictionary<string, string> { ["DOTNET_JitDisasmSummary"] = "1", ["DOTNET_JitStdOutFile"] = msbuildList };
            consumer.DotNet(environment, "build", "--no-incremental", "-p:UseSharedCompilation=false", "-nodeReuse:false",
                "-p:MeshDslReadyToRun=" + (images ? "true" : "false"), "-p:CscEnvironment=DOTNET_JitStdOutFile=" + compilerList).AssertSuccess("build, images " + images);
            static int Own(string list, string assemblyNamespace) =>
                File.ReadLines(list).Count(l => l.Contains("JIT compiled " + assemblyNamespace, StringComparison.Ordinal));
            return (Own(compilerList, "MeshDsl."), Own(msbuildList, "MeshDsl.Build."));
        }

        // Methods of MeshDsl's own types: for this one service the portable assemblies have about 950 JIT-compiled in the
        // compiler and 115 in the task. With the images, what is left is generic code over other assemblies' types, which no
        // image can hold.
        var portable = JitCompiled(images: false);
        Assert.True(portable.Compiler > 500, $"portable: {portable.Compiler} methods of MeshDsl JIT-compiled in the compiler");
        Assert.True(portable.Task > 50, $"portable: {portable.Task} methods of the task JIT-compiled");
        var native = JitCompiled(images: true);
        if (HostMakesImages)
        {
            Assert.True(native.Compiler < portable.Compiler / 20, $"images: {native.Compiler} methods of MeshDsl JIT-compiled in the compiler, against {portable.Compiler}");
            Assert.True(native.Task < portable.Task / 10, $"images: {native.Task} methods of the task JIT-compiled, against {portable.Task}");
        }
        else
        {
            // No images to load: the JIT compiles as much either way (give or take the methods it recompiles at tier 1).
            Assert.True(native.Compiler > portable.Compiler / 2, $"no images: {native.Compiler} methods JIT-compiled, against {portable.Compiler}");
        }
    }

    [Fact]
    public void A_design_time_build_gives_the_IDE_the_portable_analyzers()
    {
        var consumer = _package.CreateConsumer("DesignTime");
        consumer.Build().AssertSuccess("restore and build");
        foreach (var (property, expectImages) in new[] { ("DesignTimeBuild=true", false), ("BuildingInsideVisualStudio=true", false), ("DesignTimeBuild=false", HostMakesImages) })
        {
            var result = consumer.DotNet(
                "msbuild", "-t:ResolvePackageAssets;ResolveLockFileAnalyzers;_MeshDslUseReadyToRunAnalyzers", "-getItem:Analyzer", "-p:" + property);
            result.AssertSuccess("analyzers with " + property);
            var meshDsl = Regex.Matches(result.Output, "\"Identity\": \"([^\"]*meshdsl[^\"]*)\"").Select(m => m.Groups[1].Value.Replace('\\', '/')).ToArray();
            Assert.Equal(AnalyzerImages.Length + 1, meshDsl.Length);
            Assert.Equal(expectImages ? AnalyzerImages.Length : 0, meshDsl.Count(a => a.Contains("/readytorun/", StringComparison.Ordinal)));
        }
    }

    private static void AssertImageOf(ZipArchive package, string portablePath, string imagePath)
    {
        var (portableMvid, portableIsImage) = Read(package.GetEntry(portablePath)!);
        var (imageMvid, isImage) = Read(package.GetEntry(imagePath)!);
        Assert.False(portableIsImage, portablePath + " is portable IL");
        Assert.True(isImage, imagePath + " carries native code");
        Assert.Equal(portableMvid, imageMvid);
    }

    private static (Guid Mvid, bool ReadyToRun) Read(ZipArchiveEntry entry)
    {
        using var stream = new MemoryStream();
        using (var zipped = entry.Open()) zipped.CopyTo(stream);
        stream.Position = 0;
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return (metadata.GetGuid(metadata.GetModuleDefinition().Mvid), pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0);
    }

    /// <summary>The compiler's analyzer references from MeshDsl's package, as the detailed log shows its command line.</summary>
    private static string[] MeshDslAnalyzers(string output) =>
        Regex.Matches(output, "/analyzer:(\\S*meshdsl\\S*)").Select(m => m.Groups[1].Value.Trim('"').Replace('\\', '/')).Distinct().ToArray();

    private static Dictionary<string, string> Manifests(Consumer consumer) =>
        Directory.GetFiles(consumer.ManifestDir, "*.yaml").ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
}
