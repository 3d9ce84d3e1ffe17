using System.Globalization;
using MeshDsl.FrontEnd;
using MeshDsl.Model;
using MeshDsl.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MeshDsl.Tests;

/// <summary>
/// The declaration cache reuses a model only when no edit can have changed it. The property: after any sequence of edits,
/// what the cache returns equals a parse of the whole compilation from scratch; and it does reuse (an edit re-parses
/// only what it can change).
/// </summary>
public class DeclarationCacheTests
{
    private static DeclarationCache<CSharpDeclaration> NewCache(bool adoptReparsed = false) =>
        new((symbol, ct) => DeclarationParser.Parse(symbol, ct), adoptReparsed ? new LastBuilds(capacity: 1) : null);

    private static CSharpDeclaration[] Fresh(Compilation compilation) => NewCache().Parse(compilation, default).Items.ToArray();

    [Fact]
    public void Random_edits_never_leave_a_stale_model() => RandomEdits(reparseAll: false);

    /// <summary>
    /// The compiler server's builds with the generator kept between them: after each edit every file is parsed again, and
    /// the cache takes over the declarations of the files whose text did not change.
    /// </summary>
    [Fact]
    public void Random_edits_between_builds_that_parse_every_file_again_never_leave_a_stale_model() => RandomEdits(reparseAll: true);

    private static void RandomEdits(bool reparseAll)
    {
        const int sequences = 40;
        const int edits = 12;
        var reparsed = 0;
        var fresh = 0;
        for (var seed = 0; seed < sequences; seed++)
        {
            var random = new Random(seed);
            var project = new Project(random);
            var compilation = project.Compilation();
            var cache = NewCache(adoptReparsed: reparseAll);
            Assert.Equal(Fresh(compilation), cache.Parse(compilation, default).Items.ToArray());
            for (var i = 0; i < edits; i++)
            {
                var (file, text) = project.Edit(random);
                var old = compilation.SyntaxTrees.Single(t => t.FilePath == file);
                var tree = CSharpSyntaxTree.ParseText(text, TestCompilation.ParseOptions, file);
                // An editor replaces a file in place; a tool may remove it and add it back at the end (paired by path then).
                compilation = random.Next(3) == 0 ? compilation.RemoveSyntaxTrees(old).AddSyntaxTrees(tree) : compilation.ReplaceSyntaxTree(old, tree);
                if (random.Next(5) == 0) compilation = ToggleNotes(compilation);
                if (random.Next(8) == 0) compilation = ToggleLate(compilation);
                if (reparseAll) compilation = ParseEveryFileAgain(compilation);
                var before = cache.Parses;
                var cached = cache.Parse(compilation, default).Items.ToArray();
                var expected = Fresh(compilation);
                Assert.True(expected.SequenceEqual(cached), $"seed {seed}, edit {i} of {file}:\n{text}\nexpected {Describe(expected)}\ncached {Describe(cached)}");
                reparsed += cache.Parses - before;
                fresh += expected.Length;
            }
        }

        // Sound by re-parsing everything would pass the loop above; the cache must also save work.
        Assert.True(reparsed < fresh / 2, $"re-parsed {reparsed} of {fresh}");
    }

    [Fact]
    public void An_edit_that_changes_no_declaration_returns_the_same_set_whether_the_file_is_replaced_moved_or_added()
    {
        var project = new Project(new Random(1));
        var compilation = project.Compilation();
        var cache = NewCache();
        var first = cache.Parse(compilation, default);
        var parses = cache.Parses;

        var inPlace = Replace(compilation, "/p/Unrelated.cs", Project.Unrelated(body: 42, extraMember: false));
        Assert.Same(first, cache.Parse(inPlace, default));
        var old = inPlace.SyntaxTrees.Single(t => t.FilePath == "/p/Unrelated.cs");
        var moved = inPlace.RemoveSyntaxTrees(old).AddSyntaxTrees(CSharpSyntaxTree.ParseText(Project.Unrelated(body: 43, extraMember: false), TestCompilation.ParseOptions, old.FilePath));
        Assert.Same(first, cache.Parse(moved, default));
        var noted = ToggleNotes(moved);
        Assert.Same(first, cache.Parse(noted, default));
        Assert.Same(first, cache.Parse(ToggleNotes(noted), default));
        Assert.Equal(parses, cache.Parses);
    }

    [Fact]
    public void A_build_that_parses_every_file_again_takes_over_the_declarations_of_unchanged_files()
    {
        var project = new Project(new Random(1));
        var compilation = project.Compilation();
        var cache = NewCache(adoptReparsed: true);
        var first = cache.Parse(compilation, default);
        var parses = cache.Parses;

        // No file changed: the same set, nothing parsed.
        var again = ParseEveryFileAgain(compilation);
        Assert.Empty(again.SyntaxTrees.Intersect(compilation.SyntaxTrees));
        Assert.Same(first, cache.Parse(again, default));
        Assert.Equal(parses, cache.Parses);

        // One service edited: it alone is parsed, and the rest are the models of the build before.
        var edited = ParseEveryFileAgain(Replace(again, "/p/Svc1.cs", project.Service(1, timeout: "\"77s\"")));
        var result = cache.Parse(edited, default).Items;
        Assert.Equal(parses + 1, cache.Parses);
        Assert.Equal(Fresh(edited), result.ToArray());
        Assert.Same(first.Items.Single(d => d.TypeName == "P.Svc0"), result.Single(d => d.TypeName == "P.Svc0"));
    }

    [Fact]
    public void A_build_that_parses_every_file_again_against_other_references_or_options_parses_everything()
    {
        var project = new Project(new Random(1));
        var compilation = project.Compilation();
        var cache = NewCache(adoptReparsed: true);
        var count = cache.Parse(compilation, default).Items.Length;

        // The MeshDsl attributes loaded again from an image: other metadata, which may declare other attributes.
        var reloaded = compilation.References.Select(r => r is PortableExecutableReference { FilePath: { } path } && path.EndsWith("MeshDsl.dll", StringComparison.Ordinal)
            ? MetadataReference.CreateFromImage(File.ReadAllBytes(path), filePath: path)
            : r);
        var before = cache.Parses;
        var otherReferences = ParseEveryFileAgain(compilation).WithReferences(reloaded);
        Assert.Equal(Fresh(otherReferences), cache.Parse(otherReferences, default).Items.ToArray());
        Assert.Equal(count, cache.Parses - before);

        before = cache.Parses;
        var options = (CSharpCompilationOptions)otherReferences.Options;
        var otherOptions = ParseEveryFileAgain(otherReferences).WithOptions(options.WithAllowUnsafe(!options.AllowUnsafe));
        Assert.Equal(Fresh(otherOptions), cache.Parse(otherOptions, default).Items.ToArray());
        Assert.Equal(count, cache.Parses - before);

        // Without a store of last builds, nothing is taken over.
        var analyzers = NewCache();
        _ = analyzers.Parse(otherOptions, default);
        before = analyzers.Parses;
        _ = analyzers.Parse(ParseEveryFileAgain(otherOptions), default);
        Assert.Equal(count, analyzers.Parses - before);
    }

    /// <summary>
    /// One store serves every project a compiler server builds (the analyzers' is static): each build takes over its own
    /// project's last snapshot, and the projects built longest ago beyond the bound are parsed whole.
    /// </summary>
    [Fact]
    public void Projects_built_in_turn_each_take_over_their_own_last_build_within_the_bound()
    {
        var project = new Project(new Random(2));
        var a = project.Compilation();
        var b = a.WithAssemblyName("Other");
        var count = NewCache().Parse(a, default).Items.Length;
        var store = new LastBuilds(capacity: 2);
        DeclarationCache<CSharpDeclaration> Cache() => new((symbol, ct) => DeclarationParser.Parse(symbol, ct), store);

        int ParsesOf(Compilation compilation, bool acrossBuilds = true)
        {
            var cache = Cache(); // a new instance per build, as the compiler server makes new analyzers
            var parsed = cache.Parse(compilation, default, acrossBuilds).Items.ToArray();
            Assert.Equal(Fresh(compilation), parsed);
            return cache.Parses;
        }

        Assert.Equal(count, ParsesOf(a));
        Assert.Equal(count, ParsesOf(b));
        Assert.Equal(0, ParsesOf(ParseEveryFileAgain(a)));
        Assert.Equal(0, ParsesOf(ParseEveryFileAgain(b)));
        Assert.Equal(1, ParsesOf(ParseEveryFileAgain(Replace(b, "/p/Svc1.cs", project.Service(1, timeout: "\"78s\"")))));

        // A build that may not keep state (MeshDslGeneratorCache=false) neither takes over nor leaves a snapshot.
        Assert.Equal(count, ParsesOf(ParseEveryFileAgain(a), acrossBuilds: false));
        Assert.Equal(2, store.Count);

        var c = a.WithAssemblyName("Third");
        Assert.Equal(count, ParsesOf(c));
        Assert.Equal(2, store.Count);
        Assert.Equal(count, ParsesOf(ParseEveryFileAgain(a))); // built longest ago: dropped
        Assert.Equal(0, ParsesOf(ParseEveryFileAgain(c)));
    }

    [Fact]
    public void A_project_is_told_apart_by_its_assembly_name_references_symbols_and_place_not_by_its_trees()
    {
        var compilation = new Project(new Random(3)).Compilation();
        var key = LastBuilds.ProjectOf(compilation);
        Assert.Equal(key, LastBuilds.ProjectOf(ParseEveryFileAgain(compilation)));
        Assert.NotEqual(key, LastBuilds.ProjectOf(compilation.WithAssemblyName("Other")));
        Assert.NotEqual(key, LastBuilds.ProjectOf(compilation.WithReferences(compilation.References.Skip(1))));
        var defined = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(t =>
            CSharpSyntaxTree.ParseText(t.GetText(), TestCompilation.ParseOptions.WithPreprocessorSymbols("RELEASE"), t.FilePath)));
        Assert.NotEqual(key, LastBuilds.ProjectOf(defined));
        var elsewhere = compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(t =>
            CSharpSyntaxTree.ParseText(t.GetText(), TestCompilation.ParseOptions, "/clone" + t.FilePath)));
        Assert.NotEqual(key, LastBuilds.ProjectOf(elsewhere));
    }

    [Fact]
    public void An_edit_to_a_method_body_re_parses_nothing()
    {
        var project = new Project(new Random(1));
        var compilation = project.Compilation();
        var cache = NewCache();
        _ = cache.Parse(compilation, default);
        var before = cache.Parses;
        var edited = Replace(compilation, "/p/Unrelated.cs", Project.Unrelated(body: 42, extraMember: false));
        var result = cache.Parse(edited, default);
        Assert.Equal(before, cache.Parses);
        Assert.Equal(Fresh(edited), result.Items.ToArray());
    }

    [Fact]
    public void Editing_one_service_re_parses_it_and_what_routes_to_it()
    {
        var project = new Project(new Random(1));
        var compilation = project.Compilation();
        var cache = NewCache();
        var first = cache.Parse(compilation, default).Items;
        var before = cache.Parses;

        // Front routes to Svc0; Svc1 is read by no one else.
        var edited = Replace(compilation, "/p/Svc1.cs", project.Service(1, timeout: "\"77s\""));
        var second = cache.Parse(edited, default).Items;
        Assert.Equal(1, cache.Parses - before);
        Assert.Equal(Fresh(edited), second.ToArray());
        Assert.Same(first.Single(d => d.TypeName == "P.Svc0"), second.Single(d => d.TypeName == "P.Svc0"));

        before = cache.Parses;
        var third = Replace(edited, "/p/Svc0.cs", project.Service(0, subset: "\"v9\""));
        Assert.Equal(Fresh(third), cache.Parse(third, default).Items.ToArray());
        Assert.Equal(2, cache.Parses - before); // Svc0 and Front, which routes to Svc0's subset
    }

    [Fact]
    public void A_constant_changed_in_another_file_reaches_every_declaration_that_uses_it_even_through_another_constant()
    {
        var project = new Project(new Random(1));
        var compilation = Replace(project.Compilation(), "/p/Svc2.cs", project.Service(2, subset: "K2.B"));
        var cache = NewCache();
        _ = cache.Parse(compilation, default);

        // K2.B = K1.A + "-b": an edit to K1.A must reach Svc2.
        var edited = Replace(compilation, "/p/Consts1.cs", Project.Consts1("changed", 5));
        var result = cache.Parse(edited, default).Items;
        Assert.Equal(Fresh(edited), result.ToArray());
        Assert.Contains(result.Single(d => d.TypeName == "P.Svc2").Resources.OfType<DestinationRule>().Single().Spec.Subsets, s => s.Name == "changed-b");
    }

    [Fact]
    public void A_new_type_or_member_anywhere_re_parses_everything()
    {
        var project = new Project(new Random(1));
        var compilation = project.Compilation();
        var cache = NewCache();
        var first = cache.Parse(compilation, default).Items;
        var before = cache.Parses;
        var edited = Replace(compilation, "/p/Unrelated.cs", Project.Unrelated(body: 0, extraMember: true));
        Assert.Equal(Fresh(edited), cache.Parse(edited, default).Items.ToArray());
        Assert.Equal(first.Length, cache.Parses - before);
    }

    [Fact]
    public void A_declaration_attribute_under_a_global_alias_is_found()
    {
        var compilation = TestCompilation.Create(
            ("/a/Usings.cs", "global using Svc = MeshDsl.MeshServiceAttribute;"),
            ("/a/Reviews.cs", "using MeshDsl; namespace A; [Svc(\"reviews\")] public partial class Reviews { [Subset(\"v1\")] public partial class V1 { } }"));
        var cache = NewCache();
        Assert.Equal("A.Reviews", Assert.Single(cache.Parse(compilation, default).Items).TypeName);
        var edited = Replace(compilation, "/a/Reviews.cs", "using MeshDsl; namespace A; [Svc(\"reviews\")] public partial class Reviews { [Subset(\"v2\")] public partial class V1 { } }");
        Assert.Equal(Fresh(edited), cache.Parse(edited, default).Items.ToArray());
    }

    [Fact]
    public void Syntax_names_types_as_the_front_end_does()
    {
        var compilation = TestCompilation.Create(("/n/Types.cs", """
            namespace A.B { public class Outer<T> { public class @class { } } }
            public class Global { public record R(int X); public enum E { One } public delegate void F<T>(); }
            """));
        var tree = compilation.SyntaxTrees.Single();
        var fromSymbols = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax>()
            .Select(n => compilation.GetSemanticModel(tree).GetDeclaredSymbol(n)).OfType<INamedTypeSymbol>()
            .Select(ParseContext.TypeName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(fromSymbols, TreeSummary.Of(tree, default).Types.OrderBy(n => n, StringComparer.Ordinal).ToArray());
        Assert.Contains("A.B.Outer`1.class", fromSymbols);
    }

    private static string Describe(CSharpDeclaration[] declarations) =>
        string.Join(", ", declarations.Select(d => d.TypeName + "(" + d.GetHashCode().ToString(CultureInfo.InvariantCulture) + ")"));

    /// <summary>Adds a file that declares nothing, or removes it if it is there.</summary>
    private static Compilation ToggleNotes(Compilation compilation) =>
        compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == "/p/Notes.cs") is { } notes
            ? compilation.RemoveSyntaxTrees(notes)
            : compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("// notes, no code\n", TestCompilation.ParseOptions, "/p/Notes.cs"));

    /// <summary>Adds a file that declares a service, or removes it if it is there.</summary>
    private static Compilation ToggleLate(Compilation compilation) =>
        compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == "/p/Late.cs") is { } late
            ? compilation.RemoveSyntaxTrees(late)
            : compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(
                "using MeshDsl;\nnamespace P;\n[MeshService(\"late\", Namespace = \"ns\")]\npublic partial class Late { [Subset(K1.A)] public partial class V1 { } }\n",
                TestCompilation.ParseOptions,
                "/p/Late.cs"));

    /// <summary>Every file parsed again from its text, as the compiler server's next build of the project parses it.</summary>
    private static Compilation ParseEveryFileAgain(Compilation compilation) => compilation
        .RemoveAllSyntaxTrees()
        .AddSyntaxTrees(compilation.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), (CSharpParseOptions)t.Options, t.FilePath)))
        .WithOptions(compilation.Options.WithDeterministic(!compilation.Options.Deterministic).WithDeterministic(compilation.Options.Deterministic)); // equal options, a new object

    private static Compilation Replace(Compilation compilation, string file, string text)
    {
        var old = compilation.SyntaxTrees.Single(t => t.FilePath == file);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, TestCompilation.ParseOptions, file));
    }

    /// <summary>
    /// A small project whose declarations depend on each other across files: constants (one defined from another),
    /// a VirtualService routing to a service's subset, a service split over two files.
    /// </summary>
    private sealed class Project
    {
        private const int Services = 4;
        private readonly string[] _timeouts = new string[Services];
        private readonly string[] _subsets = new string[Services];
        private readonly int[] _weights = new int[Services];
        private string _constA = "a";
        private int _constT = 10;
        private string _constB = "K1.A + \"-b\"";
        private string _frontTarget = "Svc0.V1";
        private string _extraHeader = "\"x\"";
        private int _unrelatedBody;

        public Project(Random random)
        {
            for (var i = 0; i < Services; i++)
            {
                _timeouts[i] = Pick(random, "\"10s\"", "\"3s\"", "\"5s\"");
                _subsets[i] = Pick(random, "\"v2\"", "K1.A", "K2.B");
                _weights[i] = random.Next(0, 101);
            }
        }

        public Compilation Compilation() => TestCompilation.Create(Files().ToArray());

        private IEnumerable<(string, string)> Files()
        {
            yield return ("/p/Consts1.cs", Consts1(_constA, _constT));
            yield return ("/p/Consts2.cs", Consts2(_constB));
            for (var i = 0; i < Services; i++) yield return ($"/p/Svc{i}.cs", Service(i));
            yield return ("/p/Svc0.Extra.cs", Extra());
            yield return ("/p/Front.cs", Front());
            yield return ("/p/Unrelated.cs", Unrelated(_unrelatedBody, extraMember: false));
        }

        public (string File, string Text) Edit(Random random)
        {
            switch (random.Next(7))
            {
                case 0:
                    _constA = Pick(random, "a", "bb", "c-c", "v7");
                    _constT = random.Next(1, 99);
                    return ("/p/Consts1.cs", Consts1(_constA, _constT));
                case 1:
                    _constB = Pick(random, "K1.A + \"-b\"", "\"lit\"", "K1.A + K1.A");
                    return ("/p/Consts2.cs", Consts2(_constB));
                case 2:
                    _frontTarget = $"Svc{random.Next(Services)}.V{random.Next(1, 3)}";
                    return ("/p/Front.cs", Front());
                case 3:
                    _extraHeader = Pick(random, "\"x\"", "K1.A", "K2.B");
                    return ("/p/Svc0.Extra.cs", Extra());
                case 4:
                    _unrelatedBody = random.Next(100);
                    return ("/p/Unrelated.cs", Unrelated(_unrelatedBody, extraMember: random.Next(4) == 0));
                default:
                    var i = random.Next(Services);
                    _timeouts[i] = Pick(random, "\"10s\"", "\"3s\"", "\"7s\"");
                    _subsets[i] = Pick(random, "\"v2\"", "K1.A", "K2.B", "\"v3\"");
                    _weights[i] = random.Next(0, 101);
                    return ($"/p/Svc{i}.cs", Service(i));
            }
        }

        public static string Consts1(string a, int t) =>
            $"namespace P;\npublic static class K1\n{{\n    public const string A = \"{a}\";\n    public const int T = {t};\n}}\n";

        public static string Consts2(string b) => $"namespace P;\npublic static class K2\n{{\n    public const string B = {b};\n}}\n";

        public static string Unrelated(int body, bool extraMember) =>
            $"namespace P;\npublic static class U\n{{\n    public static int X => {body};\n{(extraMember ? "    public static int Y => 1;\n" : string.Empty)}}}\n";

        public string Service(int i, string? timeout = null, string? subset = null) => $$"""
            using MeshDsl;
            namespace P;
            [MeshService("svc{{i}}", Namespace = "ns", Port = 80)]
            public partial class Svc{{i}}
            {
                [Subset("v1")] public partial class V1 { }
                [Subset({{subset ?? _subsets[i]}})] public partial class V2 { }
                [HttpRoute(Name = "default", Timeout = {{timeout ?? _timeouts[i]}})]
                [RouteTo<V1>(Weight = {{_weights[i]}}), RouteTo<V2>(Weight = {{100 - _weights[i]}})]
                public partial class Default { }
            }
            """;

        private string Extra() => $$"""
            using MeshDsl;
            namespace P;
            public partial class Svc0
            {
                [HttpRoute(Name = "extra"), MatchHeader("x-extra", Exact = {{_extraHeader}}), RouteTo<V1>]
                public partial class Extra { }
            }
            """;

        private string Front() => $$"""
            using MeshDsl;
            namespace P;
            [VirtualService("front", Namespace = "ns", Hosts = new[] { "front.example.com" })]
            public partial class Front
            {
                [HttpRoute, RouteTo<{{_frontTarget}}>] public partial class Default { }
            }
            """;

        private static string Pick(Random random, params string[] values) => values[random.Next(values.Length)];
    }
}
