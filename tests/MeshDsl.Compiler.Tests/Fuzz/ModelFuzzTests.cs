using System.Collections.Immutable;
using System.Globalization;
using MeshDsl.Analyzers;
using MeshDsl.Canary;
using MeshDsl.Tests.Support;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.Tests.Fuzz;

/// <summary>
/// The property every declaration must have, checked on thousands of random ones (fixed seed; MESHDSL_FUZZ_MODELS and
/// MESHDSL_FUZZ_SEED ask for more or others): the generator and the analyzers never throw; and either an error diagnostic
/// stands in the declaration, or its YAML parses, types every scalar the same in YAML 1.2 and 1.1 readers, validates
/// against Istio's CRDs, and carries every value the C# gave.
/// </summary>
public class ModelFuzzTests
{
    private static readonly int Models = int.TryParse(Environment.GetEnvironmentVariable("MESHDSL_FUZZ_MODELS"), out var n) ? n : 2000;
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("MESHDSL_FUZZ_SEED"), out var s) ? s : 10;
    private const int PerCompilation = 25;

    private readonly ITestOutputHelper _output;

    public ModelFuzzTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Every_random_declaration_is_rejected_with_an_error_or_written_exactly_and_read_back_the_same()
    {
        var random = new RandomDeclarations(Seed);
        var checkedWritten = 0;
        var rejected = 0;
        var readBack = 0;
        var cleanCanaries = new Dictionary<string, int>();
        for (var batch = 0; batch * PerCompilation < Models; batch++)
        {
            var declarations = Enumerable.Range(batch * PerCompilation, Math.Min(PerCompilation, Models - batch * PerCompilation)).Select(i => random.Next(i, withWorkloads: batch % 4 == 3)).ToArray();
            var compilation = TestCompilation.Create(declarations.Select(d => ("/fuzz/" + d.Namespace + ".cs", d.Source)).ToArray());
            var compileErrors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
            Assert.True(compileErrors.Length == 0, "The fuzzer wrote C# that does not compile:\n" + string.Join("\n", compileErrors.Take(5)));

            // Each batch builds with one canary engine, as a project does.
            var engine = Engines[batch % Engines.Length];
            var run = TestCompilation.Run(compilation, TestCompilation.Driver(canaryEngine: engine));
            var manifests = run.ManifestsByType();
            var errors = await AnalyzerErrors(compilation, engine);
            var models = TestCompilation.Declarations(compilation).Select(m => m.WithCanaryEngine(engine).WithCanary()).ToArray();
            foreach (var declaration in declarations)
            {
                var file = "/fuzz/" + declaration.Namespace + ".cs";
                if (errors.Contains(file))
                {
                    rejected++;
                    continue;
                }

                checkedWritten++;
                if (declaration.HasCanary) cleanCanaries[engine] = cleanCanaries.GetValueOrDefault(engine) + 1;
                var own = manifests.Where(m => m.Source.StartsWith(declaration.Namespace + ".", StringComparison.Ordinal)).ToArray();
                CheckWritten(declaration, own.Select(m => m.Yaml).ToArray(), carriesEveryValue: !declaration.HasCanary || engine == "Steps");

                // A canary's stages are each the same VirtualService at another weight: read back apart from the rest, they are not.
                var documents = own.Where(m => !m.File.StartsWith("canary-steps/", StringComparison.Ordinal)).Select(m => m.Yaml).ToArray();
                readBack += CheckReadBack(declaration, models.Where(m => m.TypeName.StartsWith(declaration.Namespace + ".", StringComparison.Ordinal)), documents);
            }
        }

        _output.WriteLine($"{Models} models (seed {Seed}): {checkedWritten} written and checked ({string.Join(", ", cleanCanaries.Select(c => c.Key + " canaries " + c.Value))}), {rejected} rejected; errors: {string.Join(", ", ErrorIds.OrderByDescending(e => e.Value).Select(e => e.Key + "=" + e.Value))}");

        // The generator must exercise both outcomes, or the property says little.
        Assert.True(checkedWritten > Models / 10, $"only {checkedWritten} of {Models} declarations were clean; errors: {string.Join(", ", ErrorIds.OrderByDescending(e => e.Value).Select(e => e.Key + "=" + e.Value))}");
        Assert.True(rejected > Models / 10, $"only {rejected} of {Models} declarations were rejected");
        Assert.True(Engines.All(e => cleanCanaries.GetValueOrDefault(e) > 0), $"clean canaries per engine: {string.Join(", ", cleanCanaries.Select(c => c.Key + "=" + c.Value))}");
        Assert.True(readBack >= checkedWritten, $"only {readBack} resources were read back from {checkedWritten} clean declarations");
    }

    /// <summary>The files with an error from MeshDsl's analyzers; any analyzer exception fails the test.</summary>
    private static readonly Dictionary<string, int> ErrorIds = new();

    private static readonly string[] Engines = { "Steps", "Flagger", "ArgoRollouts" };

    private static async Task<HashSet<string>> AnalyzerErrors(Compilation compilation, string engine)
    {
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new BuildPropertiesProvider(("build_property.MeshDslCanaryEngine", engine))),
            (ex, _, _) => exceptions.Add(ex), concurrentAnalysis: false, logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MeshDeclarationAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
        Assert.True(exceptions.Count == 0, "The analyzer threw: " + exceptions.FirstOrDefault());
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        foreach (var d in diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)) ErrorIds[d.Id] = ErrorIds.GetValueOrDefault(d.Id) + 1;
        return diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.IsInSource).Select(d => d.Location.SourceTree!.FilePath).ToHashSet();
    }

    /// <summary>The YAML front end reads what the generator wrote back into the model the attributes built, field for field.</summary>
    private static int CheckReadBack(RandomDeclaration declaration, IEnumerable<MeshDsl.FrontEnd.CSharpDeclaration> attributeModel, string[] documents)
    {
        var read = MeshDsl.YamlFrontEnd.IstioYamlReader.Read("fuzz.yaml", string.Join("---\n", documents), new MeshDsl.YamlFrontEnd.YamlOrigins());
        Assert.True(read.Problems.Count == 0, $"The YAML front end rejects what the generator wrote: {string.Join("; ", read.Problems)}\n{declaration.Source}");
        var fromYaml = ModelIdentity.ByIdentity(read.Resources);
        var compared = 0;
        foreach (var (identity, dump) in ModelIdentity.ByIdentity(attributeModel.SelectMany(d => d.Resources)))
        {
            Assert.True(fromYaml.TryGetValue(identity, out var readBack), $"{identity} was not read back from:\n{string.Join("---\n", documents)}");
            if (dump != readBack) Assert.Fail($"{identity} reads back differently:\n{declaration.Source}\n{string.Join("---\n", documents)}\nattributes:\n{dump}\nYAML:\n{readBack}");
            compared++;
        }

        return compared;
    }

    private static void CheckWritten(RandomDeclaration declaration, string[] documents, bool carriesEveryValue)
    {
        var strings = new HashSet<string>(StringComparer.Ordinal);
        var numbers = new List<double>();
        foreach (var text in documents)
        {
            YamlNode root;
            try
            {
                root = YamlTree.ParseSingle(text);
            }
            catch (YamlDotNet.Core.YamlException ex)
            {
                throw new Xunit.Sdk.XunitException($"YAML that does not parse ({ex.Message}) from:\n{declaration.Source}\n{text}");
            }

            var crdErrors = CrdValidator.Validate(root);
            Assert.True(crdErrors.Count == 0, $"Istio's CRD rejects the YAML of a declaration without errors: {string.Join("; ", crdErrors)}\n{declaration.Source}\n{text}");
            Walk(root, strings, numbers, declaration, text);
        }

        // An empty string means "not set" for the optional names (Namespace = "", Name = ""): only non-empty values must show.
        // Under a controller, a canary's routing is the controller's to write (what it drops is MESH704's to say).
        foreach (var expected in declaration.Values.Where(v => carriesEveryValue && v.Value is not ""))
        {
            var carried = expected.Value switch
            {
                string s => strings.Contains(s),
                long l => numbers.Contains(l),
                double d => numbers.Contains(d),
                _ => false,
            };
            Assert.True(carried, $"The {expected.Where} {Show(expected.Value)} is not in the YAML of a declaration without errors:\n{declaration.Source}\n{string.Join("---\n", documents)}");
        }
    }

    private static void Walk(YamlNode node, HashSet<string> strings, List<double> numbers, RandomDeclaration declaration, string text)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    Walk(key, strings, numbers, declaration, text);
                    Walk(value, strings, numbers, declaration, text);
                }

                break;
            case YamlSequenceNode seq:
                foreach (var item in seq.Children) Walk(item, strings, numbers, declaration, text);
                break;
            case YamlScalarNode scalar:
                var type12 = YamlReaders.Type12(scalar);
                var type11 = YamlReaders.Type11(scalar);
                var sameType = type12 == type11 || (type12 is "int" or "float" && type11 is "int" or "float");
                Assert.True(sameType, $"'{scalar.Value}' reads as {type12} in YAML 1.2 and as {type11} in YAML 1.1:\n{declaration.Source}\n{text}");
                if (type12 == "string") strings.Add(scalar.Value!);
                if (type12 is "int" or "float") numbers.Add(YamlReaders.Number(scalar));
                break;
        }
    }

    private static string Show(object value) => value is string s
        ? "'" + string.Concat(s.Select(c => c < 0x20 || c > 0x7e ? $"\\u{(int)c:x4}" : c.ToString())) + "'"
        : Convert.ToString(value, CultureInfo.InvariantCulture)!;
}
