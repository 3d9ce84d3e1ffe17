using MeshDsl.Generator;
using MeshDsl.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace MeshDsl.Tests;

/// <summary>
/// <c>T.Manifests</c> in its two forms: MeshDsl's extension property through <c>IMeshDeclaration</c> (C# 14 on Roslyn 5),
/// and a property in each declaration. The Roslyn these tests compile with has no extension members, so the extension
/// form's generated code is checked here through the generator's test constructor, and its binding by the package test
/// (<c>TestingPackageTests</c>), which builds with the SDK's compiler.
/// </summary>
public class AccessorFormTests
{
    private const int Preview = int.MaxValue - 1;

    [Theory]
    [InlineData(5, 1400, true, true)]
    [InlineData(5, Preview, true, true)]
    [InlineData(5, 1300, true, false)]
    [InlineData(4, Preview, true, false)] // Roslyn 4 with a preview language version still has no extension members
    [InlineData(5, 1400, false, false)] // a MeshDsl runtime library from before the extension
    public void The_extension_form_needs_Roslyn_5_CSharp_14_and_a_MeshDsl_that_declares_it(int roslyn, int language, bool declared, bool expected) =>
        Assert.Equal(expected, AccessorForm.Decide(roslyn, language, declared));

    [Fact]
    public void MeshDsl_declares_the_interface_and_the_extension_the_form_relies_on()
    {
        var compilation = TestCompilation.Create("namespace A { }");
        Assert.Equal(TypeKind.Interface, compilation.GetTypeByMetadataName(AccessorForm.MarkerInterface)?.TypeKind);
        Assert.True(compilation.GetTypeByMetadataName(AccessorForm.ExtensionClass)?.IsStatic);
        Assert.Equal("MeshDsl", compilation.GetTypeByMetadataName(AccessorForm.ExtensionClass)?.ContainingAssembly.Name);

        Assert.True(AccessorForm.MeshDslDeclaresExtension(compilation));

        var lookalikes = CSharpSyntaxTree.ParseText("namespace MeshDsl { public interface IMeshDeclaration { } } public static class MeshDslManifests { }", TestCompilation.ParseOptions);
        var withoutMeshDsl = CSharpCompilation.Create("A", new[] { lookalikes }, Basic.Reference.Assemblies.Net100.References.All);
        Assert.False(AccessorForm.MeshDslDeclaresExtension(withoutMeshDsl));
        Assert.False(AccessorForm.UsesExtension(withoutMeshDsl));
    }

    [Fact]
    public void In_the_extension_form_a_declaration_gets_the_interface_and_a_static_class_its_own_property()
    {
        var run = TestCompilation.Run(TestCompilation.Create("""
            namespace Shop
            {
                [MeshDsl.MeshService("a")] public partial class A { [MeshDsl.Subset("v1")] public partial class V1 { } }
                [MeshDsl.MeshService("b")] public static partial class B { [MeshDsl.Subset("v1")] public partial class V1 { } }
                public partial class Outer { [MeshDsl.MeshService("c")] public partial record C { [MeshDsl.Subset("v1")] public partial class V1 { } } }
            }
            """), TestCompilation.Driver(generator: new MeshGenerator(_ => true)));

        var marker = run.Output.GetTypeByMetadataName(AccessorForm.MarkerInterface)!;
        foreach (var name in new[] { "Shop.A", "Shop.Outer+C" })
        {
            var type = run.Output.GetTypeByMetadataName(name)!;
            Assert.Contains(marker, type.AllInterfaces, SymbolEqualityComparer.Default);
            Assert.Empty(type.GetMembers("Manifests"));
        }

        var b = run.Output.GetTypeByMetadataName("Shop.B")!;
        Assert.DoesNotContain(marker, b.AllInterfaces, SymbolEqualityComparer.Default);
        Assert.Single(b.GetMembers("Manifests"));

        var source = string.Concat(run.Sources.Where(s => s.Key.StartsWith("MeshDsl.Accessors.", StringComparison.Ordinal)).OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value));
        Assert.Contains("    partial class A : global::MeshDsl.IMeshDeclaration\n    {\n    }\n", source);
        Assert.Contains("    partial class Outer\n    {\n        partial record C : global::MeshDsl.IMeshDeclaration\n        {\n        }\n    }\n", source);
        Assert.Contains("    partial class B\n    {\n", source);
        Assert.Contains("=> global::MeshDsl.Manifest.Of(typeof(global::Shop.B));", source);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData(" TRUE ", true)]
    [InlineData("false", false)]
    [InlineData("", false)]
    public void MeshDslManifestsProperty_asks_for_a_property_in_each_declaration_where_the_extension_could_serve(string value, bool ownProperty)
    {
        var driver = CSharpGeneratorDriver.Create(
            new[] { new MeshGenerator(_ => true).AsSourceGenerator() },
            parseOptions: TestCompilation.ParseOptions,
            optionsProvider: new BuildPropertiesProvider(("build_property.MeshDslManifestsProperty", value)));
        var run = TestCompilation.Run(TestCompilation.Create(TestCompilation.Sample("Bookinfo")), driver);

        var reviews = run.Output.GetTypeByMetadataName("Bookinfo.Reviews")!;
        Assert.Equal(ownProperty ? 1 : 0, reviews.GetMembers("Manifests").Length);
        Assert.Equal(!ownProperty, reviews.AllInterfaces.Any(i => i.ToDisplayString() == AccessorForm.MarkerInterface));
    }

    [Theory]
    [MemberData(nameof(TrustGeneratorTests.AccessorHostileSources), MemberType = typeof(TrustGeneratorTests))]
    public void Valid_CSharp_stays_valid_beside_the_extension_forms_declarations(string source)
    {
        // Manifests() asserts that the compilation with the generated code has no errors.
        var run = TestCompilation.Run(TestCompilation.Create(source), TestCompilation.Driver(generator: new MeshGenerator(_ => true)));
        Assert.NotEmpty(run.Manifests());
    }

    [Fact]
    public void A_project_on_this_Roslyn_gets_a_property_in_each_declaration()
    {
        // What every other generator test and baseline here sees: the compiler decides, whatever the language version asks.
        Assert.True(typeof(CSharpCompilation).Assembly.GetName().Version!.Major < 5, "the tests compile against Roslyn 4.x (Directory.Packages.props); on 5, the baselines take the extension form");
        var run = TestCompilation.Run(TestCompilation.Create(TestCompilation.Sample("Bookinfo")));
        Assert.False(AccessorForm.UsesExtension(run.Output));
        Assert.Single(run.Output.GetTypeByMetadataName("Bookinfo.Reviews")!.GetMembers("Manifests"));
    }
}
