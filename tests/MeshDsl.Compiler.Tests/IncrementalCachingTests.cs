using System.Collections;
using System.Reflection;
using MeshDsl.Generator;
using MeshDsl.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MeshDsl.Tests;

public class IncrementalCachingTests
{
    private static readonly string[] Steps = { TrackingNames.Parsed, TrackingNames.Declarations, TrackingNames.Resources, TrackingNames.Accessors };

    private const string Reviews = """
        using MeshDsl;
        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute(Timeout = "10s"), RouteTo<V1>] public partial class Default { }
        }
        """;

    private const string Ratings = """
        using MeshDsl;
        [MeshService("ratings")]
        public partial class Ratings
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, RouteTo<V1>] public partial class Default { }
        }
        """;

    private const string Unrelated = "public class Unrelated { public int X => 1; }";

    [Fact]
    public void A_second_run_on_an_unchanged_compilation_is_all_cached()
    {
        var compilation = TestCompilation.Create(Reviews, Ratings, Unrelated);
        var first = TestCompilation.Run(compilation);
        var second = TestCompilation.Run(compilation.Clone(), first.Driver);
        AssertAllReasons(second.Result, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void An_edit_to_an_unrelated_file_re_emits_nothing()
    {
        var compilation = TestCompilation.Create(Reviews, Ratings, Unrelated);
        var first = TestCompilation.Run(compilation);
        var edited = Replace(compilation, 2, "public class Unrelated { public int X => 2; public int Y => 3; }");
        var second = TestCompilation.Run(edited, first.Driver);
        AssertAllReasons(second.Result, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Editing_one_service_marks_only_its_own_outputs_modified()
    {
        var compilation = TestCompilation.Create(Reviews, Ratings, Unrelated);
        var first = TestCompilation.Run(compilation);
        var edited = Replace(compilation, 0, Reviews.Replace("\"10s\"", "\"12s\""));
        var second = TestCompilation.Run(edited, first.Driver);

        var resources = Outputs(second.Result, TrackingNames.Resources);
        var modified = resources.Where(o => o.Reason == IncrementalStepRunReason.Modified).Select(o => MeshDsl.Emit.ManifestFiles.FileName((Model.Resource)o.Value)).ToArray();
        Assert.Equal(new[] { "virtualservice-reviews.yaml" }, modified);
        Assert.All(resources.Where(o => o.Reason != IncrementalStepRunReason.Modified),
            o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));

        var services = Outputs(second.Result, TrackingNames.Declarations);
        Assert.Single(services, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.All(Outputs(second.Result, TrackingNames.Accessors),
            o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
    }

    [Fact]
    public void A_canary_and_its_stages_are_cached_like_any_resource()
    {
        var compilation = TestCompilation.Create(TestCompilation.Sample("Canary").Append(("/src/Ratings.cs", Ratings)).ToArray());
        var first = TestCompilation.Run(compilation);
        Assert.Contains(Outputs(first.Result, TrackingNames.Resources), o => o.Value is Model.CanaryStage);
        var second = TestCompilation.Run(compilation.Clone(), first.Driver);
        AssertAllReasons(second.Result, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Changing_the_canary_engine_rewrites_the_canarys_documents_and_nothing_else()
    {
        var compilation = TestCompilation.Create(TestCompilation.Sample("Canary").Append(("/src/Ratings.cs", Ratings)).ToArray());
        var first = TestCompilation.Run(compilation, TestCompilation.Driver(canaryEngine: "Steps"));
        var driver = first.Driver.WithUpdatedAnalyzerConfigOptions(new BuildPropertiesProvider(("build_property.MeshDslCanaryEngine", "Flagger")));
        var second = TestCompilation.Run(compilation.Clone(), driver);

        var resources = Outputs(second.Result, TrackingNames.Resources);
        var changed = resources.Where(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified)
            .Select(o => MeshDsl.Emit.ManifestFiles.FileName((Model.Resource)o.Value)).OrderBy(f => f, StringComparer.Ordinal).ToArray();
        // The canary's new documents; its other resources may show as modified where their position moved (Roslyn compares
        // SelectMany outputs by index), never the other service's.
        Assert.Subset(changed.ToHashSet(), new[] { "canary-reviews.yaml", "metrictemplate-reviews-request-count.yaml" }.ToHashSet());
        Assert.All(changed, f => Assert.Contains("reviews", f));
        Assert.All(resources.Where(o => ((Model.Resource)o.Value).Metadata.Name == "ratings"),
            o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        Assert.Contains("canary-reviews.yaml", second.Manifests().Keys);
        Assert.DoesNotContain(second.Manifests().Keys, k => k.StartsWith("canary-steps/", StringComparison.Ordinal));
    }

    [Fact]
    public void Pipeline_values_hold_no_symbol_syntax_location_or_compilation()
    {
        var run = TestCompilation.Run(TestCompilation.Create(TestCompilation.Sample("Bookinfo")));
        foreach (var step in Steps)
        {
            foreach (var (value, _) in Outputs(run.Result, step)) AssertNoRoslynObjects(value, new HashSet<object>(ReferenceEqualityComparer.Instance), step);
        }
    }

    private static Compilation Replace(Compilation compilation, int index, string text)
    {
        var old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, TestCompilation.ParseOptions, old.FilePath));
    }

    private static (object Value, IncrementalStepRunReason Reason)[] Outputs(GeneratorDriverRunResult result, string step) =>
        result.Results[0].TrackedSteps[step].SelectMany(s => s.Outputs).ToArray();

    private static void AssertAllReasons(GeneratorDriverRunResult result, params IncrementalStepRunReason[] allowed)
    {
        foreach (var step in Steps)
        {
            var outputs = Outputs(result, step);
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(allowed.Contains(o.Reason), $"{step}: {o.Reason} for {o.Value}"));
        }

        Assert.All(result.Results[0].TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.True(allowed.Contains(o.Reason), $"output: {o.Reason}"));
    }

    private static void AssertNoRoslynObjects(object? value, HashSet<object> seen, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value)) return;
        Assert.False(value is ISymbol or SyntaxNode or SyntaxTree or Location or Compilation or SemanticModel or AttributeData,
            $"{path} holds a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items) AssertNoRoslynObjects(item, seen, $"{path}[{i++}]");
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), seen, path + "." + field.Name);
        }
    }
}
