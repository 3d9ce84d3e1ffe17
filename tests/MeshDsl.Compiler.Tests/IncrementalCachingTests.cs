using System.Collections;
using System.Reflection;
using MeshDsl.Generator;
using MeshDsl.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MeshDsl.Tests;

public class IncrementalCachingTests
{
    private static readonly string[] Steps = { TrackingNames.Parsed, TrackingNames.Declarations, TrackingNames.Outputs, TrackingNames.Accessors };

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

        var outputs = Outputs(second.Result, TrackingNames.Outputs);
        var modified = Assert.Single(outputs, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(new[] { "destinationrule-reviews.yaml", "virtualservice-reviews.yaml" }, FileNames(modified.Value));
        Assert.Contains("timeout: 12s", second.Manifests()["virtualservice-reviews.yaml"]);
        Assert.All(outputs.Where(o => o.Reason != IncrementalStepRunReason.Modified),
            o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        Assert.Single(EmittedOutputs(second.Result));

        var services = Outputs(second.Result, TrackingNames.Declarations);
        Assert.Single(services, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.All(Outputs(second.Result, TrackingNames.Accessors),
            o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
    }

    [Fact]
    public void Two_declarations_in_one_bucket_share_a_source_and_an_edit_to_one_rewrites_that_source_right()
    {
        static string Service(string name, string timeout) => $$"""
            using MeshDsl;
            namespace Shop;
            [MeshService("{{name}}")]
            public partial class {{char.ToUpperInvariant(name[0]) + name[1..]}}
            {
                [Subset("v1")] public partial class V1 { }
                [HttpRoute(Timeout = "{{timeout}}"), RouteTo<V1>] public partial class Default { }
            }
            """;
        Assert.Equal(DeclarationBuckets.IndexOf("Shop.Productpage"), DeclarationBuckets.IndexOf("Shop.Email"));
        var compilation = TestCompilation.Create(Service("productpage", "10s"), Service("email", "10s"), Unrelated);
        var first = TestCompilation.Run(compilation);
        var source = DeflatedMetadata.PackedIn(Assert.Single(first.Sources, s => s.Key.StartsWith("MeshDsl.Manifests.", StringComparison.Ordinal)).Value);
        Assert.Contains("MeshDsl.Manifest|Shop.Email|virtualservice-email.yaml", source);
        Assert.Contains("MeshDsl.Manifest|Shop.Productpage|virtualservice-productpage.yaml", source);
        Assert.Equal(2, Assert.Single(first.Sources, s => s.Key.StartsWith("MeshDsl.Accessors.", StringComparison.Ordinal)).Value.Split("partial class").Length - 1);

        var second = TestCompilation.Run(Replace(compilation, 1, Service("email", "12s")), first.Driver);
        Assert.Single(EmittedOutputs(second.Result));
        var manifests = second.Manifests();
        Assert.Contains("timeout: 12s", manifests["virtualservice-email.yaml"]);
        Assert.Contains("timeout: 10s", manifests["virtualservice-productpage.yaml"]);
        Assert.Equal(4, manifests.Count);
    }

    [Fact]
    public void A_canary_and_its_stages_are_cached_like_any_resource()
    {
        var compilation = TestCompilation.Create(TestCompilation.Sample("Canary").Append(("/src/Ratings.cs", Ratings)).ToArray());
        var first = TestCompilation.Run(compilation);
        Assert.Contains(Outputs(first.Result, TrackingNames.Outputs), o => Resources(o.Value).Any(r => r is Model.CanaryStage));
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

        var outputs = Outputs(second.Result, TrackingNames.Outputs);
        var changed = Assert.Single(outputs, o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
        Assert.Subset(FileNames(changed.Value).ToHashSet(), new[] { "canary-reviews.yaml", "metrictemplate-reviews-request-count.yaml" }.ToHashSet());
        Assert.All(FileNames(changed.Value), f => Assert.Contains("reviews", f));
        Assert.All(outputs.Where(o => Resources(o.Value).Any(r => r.Metadata.Name == "ratings")),
            o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        Assert.Single(EmittedOutputs(second.Result));
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

    private static IEnumerable<Model.Resource> Resources(object output) =>
        ((MeshGenerator.BucketOutput)output).Declarations.SelectMany(d => d.Resources);

    private static string[] FileNames(object output) =>
        Resources(output).Select(MeshDsl.Emit.ManifestFiles.FileName).OrderBy(f => f, StringComparer.Ordinal).ToArray();

    private static IncrementalStepRunReason[] EmittedOutputs(GeneratorDriverRunResult result) => result.Results[0].TrackedOutputSteps
        .SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason)
        .Where(r => r is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified).ToArray();

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
