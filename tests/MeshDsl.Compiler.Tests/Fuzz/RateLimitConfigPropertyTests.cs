using MeshDsl.Emit;
using MeshDsl.Helpers;
using MeshDsl.Model;
using MeshDsl.RateLimit;
using MeshDsl.Tests.Support;
using MeshDsl.YamlFrontEnd;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.Tests.Fuzz;

/// <summary>
/// Random rate limit configurations (hostile keys and values over-represented) written into their ConfigMap and read back
/// from it: the embedded file's quoting and the ConfigMap's block scalar together lose nothing, and the file parses as the
/// flat YAML envoyproxy/ratelimit's loader reads.
/// </summary>
public class RateLimitConfigPropertyTests
{
    private static readonly int Count = int.TryParse(Environment.GetEnvironmentVariable("MESHDSL_FUZZ_COUNT"), out var n) ? n : 600;
    private static readonly string[] Units = { "second", "minute", "hour", "day", "week", "month", "year" };

    [Fact]
    public void Every_configuration_reads_back_from_its_ConfigMap_as_it_was_written()
    {
        var random = new Random(21);
        for (var i = 0; i < Count; i++)
        {
            var config = new RateLimitConfig(NonEmpty(random), Descriptors(random, 0), SourceRef.None);
            var configMap = new RateLimitConfigMap(new ObjectMeta("limits", "istio-system"), SourceRef.None, "config.yaml", config);
            var yaml = ManifestEmitter.ToFileText(configMap, "T");

            var result = IstioYamlReader.Read("limits.yaml", yaml, new YamlOrigins());
            Assert.True(result.Problems.Count == 0, yaml + "\n" + string.Join("\n", result.Problems.Select(p => p.Text)));
            var back = Assert.IsType<RateLimitConfigMap>(Assert.Single(result.Resources));
            Assert.True(ModelDump.Of(config) == ModelDump.Of(back.Config), yaml);

            // The embedded file on its own: the text the rate limit service loads.
            var text = ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)YamlTree.ParseSingle(yaml))["data"])["config.yaml"]).Value!;
            Assert.Equal(RateLimitConfigText.Write(config), text);
            Assert.IsType<YamlMappingNode>(YamlTree.ParseSingle(text));
        }
    }

    private static EquatableArray<RateLimitDescriptor> Descriptors(Random random, int depth)
    {
        var count = depth > 2 ? 0 : random.Next(depth == 0 ? 1 : 0, 4);
        return Enumerable.Range(0, count).Select(_ => new RateLimitDescriptor(
            NonEmpty(random),
            random.Next(2) == 0 ? null : NonEmpty(random),
            random.Next(3) == 0 ? null : random.Next(4) == 0
                ? new RateLimitPolicy(null, null, true, null)
                : new RateLimitPolicy(Units[random.Next(Units.Length)], random.Next(0, 100000), null, random.Next(4) == 0 ? NonEmpty(random) : null),
            random.Next(4) == 0 ? random.Next(2) == 0 : null,
            random.Next(5) == 0 ? true : null,
            Descriptors(random, depth + 1),
            SourceRef.None)).ToEquatableArray();
    }

    private static string NonEmpty(Random random)
    {
        var text = YamlStringPropertyTests.RandomString(random);
        return text.Length == 0 ? "k" : text;
    }
}
