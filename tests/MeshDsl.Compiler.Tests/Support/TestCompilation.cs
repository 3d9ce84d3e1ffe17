using System.Collections.Immutable;
using MeshDsl.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MeshDsl.Tests.Support;

/// <summary>Builds in-memory compilations against .NET 10 reference assemblies (offline) and the MeshDsl attributes.</summary>
internal static class TestCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static ImmutableArray<MetadataReference> References { get; } =
        Basic.Reference.Assemblies.Net100.References.All
            .Cast<MetadataReference>()
            .Append(MetadataReference.CreateFromFile(typeof(MeshServiceAttribute).Assembly.Location))
            .ToImmutableArray();

    public static CSharpCompilation Create(params (string Path, string Text)[] sources) =>
        CSharpCompilation.Create(
            "Mesh.Tests",
            sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)),
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static CSharpCompilation Create(params string[] sources) =>
        Create(sources.Select((s, i) => ($"/src/File{i}.cs", s)).ToArray());

    /// <summary>Every .cs file of a sample project, with stable relative paths.</summary>
    public static (string Path, string Text)[] Sample(string name)
    {
        var dir = Path.Combine(Paths.Samples, name);
        return Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => ("/" + name + "/" + Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToArray();
    }

    /// <summary>
    /// Every sample mesh: each project under samples/, and each fixture folder under samples/Seed/. A sample test project
    /// (<c>*.Tests</c>) is not a mesh: it tests one, and runs with the solution's tests.
    /// </summary>
    public static string[] AllSamples() =>
        Directory.GetDirectories(Paths.Samples)
            .Where(d => !Path.GetFileName(d).EndsWith(".Tests", StringComparison.Ordinal))
            .SelectMany(d => Path.GetFileName(d) == "Seed" ? Directory.GetDirectories(d).Where(f => !Path.GetFileName(f).StartsWith("bin") && !Path.GetFileName(f).StartsWith("obj")) : new[] { d })
            .Where(d => Directory.GetFiles(d, "*.cs", SearchOption.AllDirectories).Length > 0)
            .Select(d => Path.GetRelativePath(Paths.Samples, d))
            .OrderBy(d => d, StringComparer.Ordinal)
            .ToArray();

    /// <summary>The model of every declaration in the compilation, read by the same front end the generator uses.</summary>
    public static MeshDsl.FrontEnd.CSharpDeclaration[] Declarations(Compilation compilation) => compilation.SyntaxTrees
        .SelectMany(t => t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>()
            .Select(c => (INamedTypeSymbol)compilation.GetSemanticModel(t).GetDeclaredSymbol(c)!))
        .Select(s => MeshDsl.FrontEnd.DeclarationParser.Parse(s, default))
        .OfType<MeshDsl.FrontEnd.CSharpDeclaration>()
        .ToArray();

    public static GeneratorDriver Driver(string? meshDslNamespace = null, string? canaryEngine = null, MeshGenerator? generator = null) => CSharpGeneratorDriver.Create(
        new[] { (generator ?? new MeshGenerator()).AsSourceGenerator() },
        parseOptions: ParseOptions,
        optionsProvider: meshDslNamespace is null && canaryEngine is null ? null : new BuildPropertiesProvider(
            new[] { ("build_property.MeshDslNamespace", meshDslNamespace), ("build_property.MeshDslCanaryEngine", canaryEngine) }
                .Where(p => p.Item2 is not null).Select(p => (p.Item1, p.Item2!)).ToArray()),
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator, asserts it neither threw nor broke the compilation, and returns the result.</summary>
    public static GeneratorRun Run(Compilation compilation, GeneratorDriver? driver = null)
    {
        driver = (driver ?? Driver()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var result = driver.GetRunResult();
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.Empty(diagnostics);
        return new GeneratorRun(driver, output, result);
    }
}

/// <summary>Build properties as MSBuild hands them to the compiler (<c>CompilerVisibleProperty</c>).</summary>
internal sealed class BuildPropertiesProvider : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider
{
    private readonly Options _global;

    public BuildPropertiesProvider(params (string Key, string Value)[] properties) => _global = new Options(properties.ToDictionary(p => p.Key, p => p.Value));

    public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GlobalOptions => _global;

    public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options : Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(new Dictionary<string, string>());

        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}

internal sealed record GeneratorRun(GeneratorDriver Driver, Compilation Output, GeneratorDriverRunResult Result)
{
    /// <summary>The generated compilation emitted and loaded into a collectible context of its own, as a test project loads a mesh assembly.</summary>
    public System.Reflection.Assembly Load()
    {
        using var image = new MemoryStream();
        var emitted = Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        return new System.Runtime.Loader.AssemblyLoadContext("mesh", isCollectible: true).LoadFromStream(image);
    }

    public IReadOnlyDictionary<string, string> Sources => Result.Results
        .SelectMany(r => r.GeneratedSources)
        .ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    /// <summary>Every embedded manifest with the C# type it came from (file names can repeat across types).</summary>
    public IReadOnlyList<(string Source, string File, string Yaml)> ManifestsByType()
    {
        var errors = Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, "The generated code does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));
        var result = new List<(string, string, string)>();
        foreach (var attribute in Output.Assembly.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != "System.Reflection.AssemblyMetadataAttribute") continue;
            foreach (var manifest in Manifest.FromMetadata((string?)attribute.ConstructorArguments[0].Value, (string?)attribute.ConstructorArguments[1].Value))
            {
                result.Add((manifest.Source, manifest.FileName, manifest.Yaml));
            }
        }

        return result;
    }

    /// <summary>The manifests as the build task would write them: file name to text.</summary>
    public IReadOnlyDictionary<string, string> Manifests()
    {
        var errors = Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, "The generated code does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in Output.Assembly.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() != "System.Reflection.AssemblyMetadataAttribute") continue;
            foreach (var manifest in Manifest.FromMetadata((string?)attribute.ConstructorArguments[0].Value, (string?)attribute.ConstructorArguments[1].Value))
            {
                result.Add(manifest.FileName, manifest.Yaml);
            }
        }

        return result;
    }
}
