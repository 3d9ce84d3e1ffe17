using MeshDsl.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.Tests;

/// <summary>
/// Every Istio manifest of the seed document (../shared/seed-manifests) is expressed by a sample in samples/Seed/,
/// and the generator's output equals it as a YAML tree (same keys, values and list order; key order and quoting aside).
/// </summary>
public class SeedFixtureTests
{
    private static readonly string[] IstioKinds = { "VirtualService", "DestinationRule", "Gateway", "Deployment", "EnvoyFilter", "ConfigMap" };

    // Fixtures of other kinds, and the issue that brings them in.
    private static readonly Dictionary<string, string> NotIstioTrafficKinds = new()
    {
    };

    public static TheoryData<string> Fixtures => new(FixtureNames());

    private static string[] FixtureNames() => Directory.GetFiles(Paths.SeedManifests, "*.yaml")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Where(name => YamlTree.Parse(File.ReadAllText(Path.Combine(Paths.SeedManifests, name + ".yaml")))
                .All(d => IstioKinds.Contains(Kind(d))))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public void Every_fixture_is_either_expressed_by_a_sample_or_a_known_exclusion()
    {
        var all = Directory.GetFiles(Paths.SeedManifests, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f)!).ToArray();
        var istio = FixtureNames().ToHashSet();
        Assert.Equal(all.Where(f => !istio.Contains(f)).OrderBy(f => f), NotIstioTrafficKinds.Keys.OrderBy(f => f));
        Assert.Superset(new[] { "01", "02", "03", "04", "05", "06", "08", "09", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "07" }.ToHashSet(),
            istio.Select(f => f[..2]).ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void The_sample_emits_the_fixture(string fixture)
    {
        var sampleDir = Path.Combine(Paths.Samples, "Seed", fixture);
        Assert.True(Directory.Exists(sampleDir), $"The seed fixture {fixture} has no sample: add samples/Seed/{fixture}/ with the C# that expresses it.");

        var manifests = TestCompilation.Run(TestCompilation.Create(TestCompilation.Sample(Path.Combine("Seed", fixture)))).Manifests();
        var emitted = manifests.Values.Select(YamlTree.ParseSingle).ToArray();
        foreach (var expected in YamlTree.Parse(File.ReadAllText(Path.Combine(Paths.SeedManifests, fixture + ".yaml"))))
        {
            var identity = Identity(expected);
            var match = emitted.Where(e => Identity(e) == identity).ToArray();
            Assert.True(match.Length == 1, $"{fixture}: the sample emits no {identity}; it emits {string.Join(", ", emitted.Select(Identity))}");
            Assert.Equal(YamlTree.Canonical(expected), YamlTree.Canonical(match[0]));
        }

        Assert.All(emitted, e => Assert.Empty(CrdValidator.Validate(e)));
    }

    private static string Kind(YamlNode document) => ((YamlScalarNode)((YamlMappingNode)document)["kind"]).Value!;

    private static string Identity(YamlNode document)
    {
        var metadata = (YamlMappingNode)((YamlMappingNode)document)["metadata"];
        var ns = metadata.Children.TryGetValue(new YamlScalarNode("namespace"), out var n) ? ((YamlScalarNode)n).Value + "/" : string.Empty;
        return Kind(document) + " " + ns + ((YamlScalarNode)metadata["name"]).Value;
    }
}
