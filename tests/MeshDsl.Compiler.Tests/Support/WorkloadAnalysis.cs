using System.Collections.Immutable;
using MeshDsl.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace MeshDsl.Tests.Support;

/// <summary>An additional file, as MSBuild hands one to the compiler.</summary>
internal sealed class TestAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public TestAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Marks the given additional files as workload files, as MeshDsl.targets does through build metadata.</summary>
internal sealed class WorkloadOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly HashSet<string> _workloadPaths;

    public WorkloadOptionsProvider(IEnumerable<string> workloadPaths, IReadOnlyDictionary<string, string>? buildProperties = null)
    {
        _workloadPaths = new HashSet<string>(workloadPaths);
        GlobalOptions = buildProperties is null ? Options.Empty : new Properties(buildProperties);
    }

    /// <summary>The build properties MeshDsl.props makes visible to the compiler, as <c>build_property.Name</c>.</summary>
    public override AnalyzerConfigOptions GlobalOptions { get; }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        _workloadPaths.Contains(textFile.Path) ? Options.Workload : Options.Empty;

    private sealed class Options : AnalyzerConfigOptions
    {
        public static readonly Options Empty = new(null);
        public static readonly Options Workload = new("true");
        private readonly string? _value;

        private Options(string? value) => _value = value;

        public override bool TryGetValue(string key, out string value)
        {
            value = _value ?? string.Empty;
            return _value is not null && key == WorkloadFiles.MetadataKey;
        }
    }

    private sealed class Properties : AnalyzerConfigOptions
    {
        private readonly IReadOnlyDictionary<string, string> _properties;

        public Properties(IReadOnlyDictionary<string, string> properties) => _properties = properties;

        public override bool TryGetValue(string key, out string value)
        {
            value = string.Empty;
            return key.StartsWith("build_property.", StringComparison.Ordinal)
                && _properties.TryGetValue(key.Substring("build_property.".Length), out value!);
        }
    }
}

internal static class WorkloadAnalysis
{
    /// <summary>The MeshDsl diagnostics of a compilation with these workload files (marked as MeshDslWorkloads).</summary>
    public static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, params AdditionalText[] workloads) =>
        AnalyzeAsync(new MeshDeclarationAnalyzer(), compilation, workloads);

    /// <summary>The same, with an analyzer instance kept between calls, as the IDE keeps one between compilations.</summary>
    public static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(MeshDeclarationAnalyzer analyzer, Compilation compilation, params AdditionalText[] workloads) =>
        AnalyzeAsync(analyzer, compilation, null, workloads);

    /// <summary>The same, with build properties (MeshDslGeneratorCache, for one).</summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(MeshDeclarationAnalyzer analyzer, Compilation compilation, IReadOnlyDictionary<string, string>? buildProperties, params AdditionalText[] workloads)
    {
        var options = new AnalyzerOptions(workloads.ToImmutableArray(), new WorkloadOptionsProvider(workloads.Select(w => w.Path), buildProperties));
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), options);
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync();
    }

    public static TestAdditionalText[] BookinfoWorkloads(Func<string, string>? edit = null) =>
        Directory.GetFiles(Path.Combine(Paths.Samples, "Bookinfo", "k8s"), "*.yaml")
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new TestAdditionalText("/Bookinfo/k8s/" + Path.GetFileName(f), (edit ?? (t => t))(File.ReadAllText(f))))
            .ToArray();
}
