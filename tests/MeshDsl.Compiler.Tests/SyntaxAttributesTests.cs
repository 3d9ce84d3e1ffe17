using MeshDsl.Benchmarks;
using MeshDsl.FrontEnd;
using MeshDsl.Tests.Support;
using Microsoft.CodeAnalysis;

namespace MeshDsl.Tests;

/// <summary>
/// The generator reads attributes from syntax where C# is certain and binds the rest (<see cref="SyntaxAttributes"/>). In
/// this assembly every read is bound too and compared (<see cref="SyntaxReadsVerified"/>), so a reading that differs from
/// C#'s throws; these tests also check that syntax is read where it should be and left to binding where it must be.
/// </summary>
public class SyntaxAttributesTests
{
    private static (int Read, int Bound) ReadAll(Compilation compilation)
    {
        var reader = SyntaxAttributes.For(compilation);
        foreach (var type in Types(compilation.Assembly.GlobalNamespace)) reader.TryRead(type);
        return (reader.Read, reader.Bound);
    }

    private static IEnumerable<INamedTypeSymbol> Types(INamespaceOrTypeSymbol container)
    {
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns)
            {
                foreach (var t in Types(ns)) yield return t;
            }
            else if (member is INamedTypeSymbol type)
            {
                yield return type;
                foreach (var t in Types(type)) yield return t;
            }
        }
    }

    [Fact]
    public void Every_sample_reads_as_binding_does_and_mostly_from_syntax()
    {
        var read = 0;
        var bound = 0;
        foreach (var sample in TestCompilation.AllSamples())
        {
            var (r, b) = ReadAll(TestCompilation.Create(TestCompilation.Sample(sample)));
            read += r;
            bound += b;
        }

        // Some seed fixtures live in a namespace named like an attribute (Seed.ConsistentHash): C# then finds the namespace
        // first for [ConsistentHash], and only binding can tell that the attribute is meant.
        Assert.True(read >= 4 * bound, $"{read} types read from syntax, {bound} left to binding");
    }

    [Fact]
    public void The_synthetic_mesh_reads_every_type_from_syntax()
    {
        var compilation = TestCompilation.Create(Enumerable.Range(0, 5).Select(i => ($"/mesh/Svc{i}.cs", SyntheticMesh.Service(i))).ToArray());
        var (read, bound) = ReadAll(compilation);
        Assert.Equal(0, bound);
        Assert.Equal(5 * 8, read);
    }

    [Theory]
    [InlineData("using M = MeshDsl;\nnamespace Shop;\n[M.MeshService(\"a\")] public partial class A { }")]
    [InlineData("using MeshDsl;\nnamespace Shop;\npublic interface IBase { }\n[MeshService(\"a\")] public partial class A : IBase { }")]
    [InlineData("using MeshDsl;\nnamespace Shop;\nstatic class Ports { public const int Http = 80; }\n[MeshService(\"a\", Port = Ports.Http)] public partial class A { }")]
    [InlineData("using MeshDsl;\nnamespace Shop;\n[MeshService(\"a\" + \"b\")] public partial class A { }")]
    [InlineData("using MeshDsl;\nnamespace Shop;\n[MeshService(nameof(A))] public partial class A { }")]
    [InlineData("using static System.Math;\nusing MeshDsl;\nnamespace Shop;\n[MeshService(\"a\")] public partial class A { }")]
    [InlineData("global using static System.Math;\nusing MeshDsl;\nnamespace Shop;\n[MeshService(\"a\")] public partial class A { }")]
    [InlineData("global using M = MeshDsl;\nusing MeshDsl;\nnamespace Shop;\n[MeshService(\"a\")] public partial class A { }")]
    [InlineData("using MeshDsl;\nnamespace Shop;\n[MeshService(\"a\")] [LoadBalancer(LoadBalancing.LeastRequest)] public partial class A { public int LoadBalancing => 0; }")]
    [InlineData("using MeshDsl;\nnamespace Shop;\n[MeshService(\"a\")] public partial class A { [Subset(\"v1\")] public class V1 { } public class Subset { } }")]
    public void What_syntax_cannot_be_sure_of_is_left_to_binding(string source)
    {
        var compilation = TestCompilation.Create(source);
        var reader = SyntaxAttributes.For(compilation);
        var a = compilation.GetTypeByMetadataName("Shop.A")!;
        Assert.Null(reader.TryRead(a.GetTypeMembers("V1").FirstOrDefault() ?? a));
        Assert.Equal(1, reader.Bound);
    }

    [Fact]
    public void A_type_of_the_project_that_shadows_MeshDsls_attribute_is_read_as_that_type()
    {
        var compilation = TestCompilation.Create(
            "using MeshDsl;\nnamespace Shop\n{\n    public sealed class SubsetAttribute : System.Attribute { public SubsetAttribute(string name) { } }\n"
            + "    [MeshService(\"a\")] public partial class A { [Subset(\"v1\")] public partial class V1 { } }\n}");
        var reader = SyntaxAttributes.For(compilation);
        var read = reader.TryRead(compilation.GetTypeByMetadataName("Shop.A+V1")!);
        Assert.Equal("SubsetAttribute", Assert.Single(read!).MetadataName);
    }

    [Fact]
    public void Global_usings_and_nested_namespaces_are_followed()
    {
        var compilation = TestCompilation.Create(
            "global using global::MeshDsl;",
            "namespace Shop.Inner\n{\n    [MeshService(\"a\", Port = -1, ExportTo = new[] { \".\" })] [LoadBalancer(LoadBalancing.Random)]\n    public partial class A\n    {\n        [Subset(@\"v\"\"1\")] public partial class V1 { }\n"
            + "        [HttpRoute(Name = \"r\")] [RouteTo<A.V1>(Weight = 5)] [Retries(2, RetryOn = [RetryOn.Reset, RetryOn.Http5xx])] public partial class R { }\n    }\n}");
        var (read, bound) = ReadAll(compilation);
        Assert.Equal((3, 0), (read, bound));
        var service = SyntaxAttributes.For(compilation).TryRead(compilation.GetTypeByMetadataName("Shop.Inner.A")!)!;
        Assert.Equal(-1, service[0].Int("Port"));
        Assert.Equal(new[] { "." }, service[0].Strings("ExportTo"));
    }

    [Fact]
    public void Random_scopes_read_from_syntax_exactly_as_binding_reads_them()
    {
        var random = new Random(20261204);
        var count = int.TryParse(Environment.GetEnvironmentVariable("MESHDSL_FUZZ_COUNT"), out var n) ? n : 300;
        var read = 0;
        var bound = 0;
        for (var i = 0; i < count; i++)
        {
            var sources = RandomScopes.Program(random);
            var compilation = TestCompilation.Create(sources);
            try
            {
                var (r, b) = ReadAll(compilation);
                read += r;
                bound += b;
            }
            catch (InvalidOperationException e)
            {
                Assert.Fail(e.Message + "\n\n" + string.Join("\n// ----\n", sources));
            }
        }

        // Both paths are exercised: the generated scopes are neither all certain nor all unsure.
        Assert.True(read > count && bound > count / 3, $"{read} read from syntax, {bound} bound");
    }
}
