using System.Text;
using MeshDsl.Rules;
using MeshDsl.YamlFrontEnd;

namespace MeshDsl.Tests.Fuzz;

/// <summary>
/// The YAML front end never throws: random documents of Istio's shape (its keys, wrong types, hostile scalars, broken
/// YAML) are read and run through every rule; whatever is wrong is a problem or a finding.
/// </summary>
public class YamlFrontEndFuzzTests
{
    private static readonly int Count = int.TryParse(Environment.GetEnvironmentVariable("MESHDSL_FUZZ_MODELS"), out var n) ? n : 1500;

    private static readonly string[] Keys =
    {
        "hosts", "gateways", "http", "tcp", "tls", "exportTo", "match", "route", "destination", "host", "subset", "port", "number", "weight", "headers",
        "request", "response", "set", "add", "remove", "redirect", "uri", "authority", "scheme", "redirectCode", "derivePort", "prefixRewrite", "directResponse",
        "status", "body", "string", "bytes", "rewrite", "uriRegexRewrite", "rewrite", "timeout", "retries", "attempts", "perTryTimeout", "retryOn", "fault",
        "delay", "abort", "percentage", "value", "fixedDelay", "httpStatus", "grpcStatus", "mirror", "mirrors", "mirrorPercentage", "corsPolicy",
        "allowOrigins", "exact", "prefix", "regex", "maxAge", "trafficPolicy", "loadBalancer", "simple", "consistentHash", "httpCookie", "name",
        "connectionPool", "tcp", "http", "maxConnections", "outlierDetection", "interval", "subsets", "labels", "portLevelSettings", "selector",
        "servers", "bind", "mode", "credentialName", "sniHosts", "localityLbSetting", "distribute", "from", "to", "failover", "warmup", "duration",
        "tunnel", "targetHost", "targetPort", "unknownField", "withoutHeaders", "queryParams", "sourceLabels", "delegate", "namespace",
    };

    private static readonly string[] Scalars =
    {
        "reviews", "v1", "10s", "1.5ms", "-1", "0", "100", "150", "9999999999999999999999", "NaN", ".inf", "true", "yes", "~", "null", "''", "\"\"",
        "*", "*.example.com", "a_b", "GET", "SIMPLE", "ISTIO_MUTUAL", "HTTP", "5xx,reset,bogus", "\"\\uD800\"", "\"a\\nb\"", "{}", "[]", "&a x", "*a", "!!binary AAAA",
    };

    [Fact]
    public void Random_Istio_shaped_YAML_is_read_and_analyzed_without_an_exception()
    {
        var random = new Random(20261203);
        for (var i = 0; i < Count; i++)
        {
            var kind = new[] { "VirtualService", "DestinationRule", "Gateway", "List" }[random.Next(4)];
            var sb = new StringBuilder("apiVersion: networking.istio.io/v1\nkind: ").Append(kind).Append("\nmetadata:\n  name: ").Append(Scalars[random.Next(Scalars.Length)]).Append("\nspec:\n");
            Node(sb, random, 1, 0);
            if (random.Next(10) == 0) sb.Insert(random.Next(sb.Length), "\t: [");
            var text = sb.ToString();
            var origins = new YamlOrigins();
            YamlReadResult result;
            try
            {
                result = IstioYamlReader.Read("fuzz.yaml", text, origins);
                var resources = result.Resources;
                var findings = resources.SelectMany(PolicyRules.Evaluate).Concat(PolicyRules.EvaluateMesh(Array.Empty<Model.ServiceInfo>(), resources, Array.Empty<Model.Workload>())).ToArray();
                var lines = text.Split('\n').Length;
                foreach (var finding in findings)
                {
                    // Every finding can be placed: a line of the file, and a field path the document has.
                    var location = origins.Locate(finding.Origin, finding.Field) ?? throw new Xunit.Sdk.XunitException($"{finding} has no place\n{text}");
                    Assert.InRange(location.Position.Line, 1, lines);
                    Assert.True(location.Path.Length == 0 || location.Path.StartsWith("spec", StringComparison.Ordinal) || location.Path.StartsWith("metadata", StringComparison.Ordinal), location.Path);
                    Assert.StartsWith(kind + " ", location.Resource, StringComparison.Ordinal);
                }
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"The YAML front end threw {ex.GetType().Name}: {ex.Message}\n{text}\n{ex}");
            }
        }
    }

    private static void Node(StringBuilder sb, Random random, int indent, int depth)
    {
        var entries = 1 + random.Next(4);
        for (var i = 0; i < entries; i++)
        {
            var pad = new string(' ', indent * 2);
            var key = Keys[random.Next(Keys.Length)];
            switch (depth > 5 ? 0 : random.Next(4))
            {
                case 0:
                    sb.Append(pad).Append(key).Append(": ").Append(Scalars[random.Next(Scalars.Length)]).Append('\n');
                    break;
                case 1:
                    sb.Append(pad).Append(key).Append(":\n");
                    Node(sb, random, indent + 1, depth + 1);
                    break;
                case 2:
                    sb.Append(pad).Append(key).Append(":\n");
                    for (var j = 0; j < 1 + random.Next(2); j++)
                    {
                        sb.Append(pad).Append("- ").Append(Keys[random.Next(Keys.Length)]).Append(": ").Append(Scalars[random.Next(Scalars.Length)]).Append('\n');
                        Node(sb, random, indent + 1, depth + 2);
                    }

                    break;
                default:
                    sb.Append(pad).Append(key).Append(": [").Append(Scalars[random.Next(Scalars.Length)]).Append(", ").Append(Scalars[random.Next(Scalars.Length)]).Append("]\n");
                    break;
            }
        }
    }
}
