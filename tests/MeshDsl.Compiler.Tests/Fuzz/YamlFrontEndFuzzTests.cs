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

    private static readonly string[] KubernetesKeys =
    {
        "metadata", "spec", "template", "name", "namespace", "labels", "annotations", "app", "version", "istio-injection", "sidecar.istio.io/inject",
        "gateway.istio.io/managed", "containers", "image", "selector", "matchLabels", "ports", "port", "protocol", "targetPort", "unknownField",
    };

    /// <summary>
    /// The workload reader and the rules that read Namespaces, Deployments and Services never throw either, and each finding
    /// about a workload is placed at a line of its file, with the origins the CLI keeps and with the line the build keeps.
    /// </summary>
    [Fact]
    public void Random_Kubernetes_shaped_YAML_is_read_for_the_workload_rules_without_an_exception()
    {
        var random = new Random(20261204);
        var placed = 0;
        for (var i = 0; i < Count; i++)
        {
            var text = new StringBuilder();
            for (var d = 0; d < 1 + random.Next(5); d++)
            {
                // Mostly the shape the rules read, its values now and then hostile or of another type; sometimes any shape.
                string V(params string[] good) => random.Next(6) == 0 ? Scalars[random.Next(Scalars.Length)] : good[random.Next(good.Length)];
                switch (random.Next(5))
                {
                    case 0:
                        text.Append($"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {V("shop")}\n  labels:\n    istio-injection: {V("enabled", "disabled")}\n");
                        break;
                    case 1:
                        text.Append($"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {V("a", "b")}\n  namespace: {V("shop")}\n  labels: {{ gateway.istio.io/managed: {V("x", "istio.io-mesh-controller")} }}\n")
                            .Append($"spec:\n  template:\n    metadata:\n      labels: {{ app: {V("a", "b")}, sidecar.istio.io/inject: {V("\"true\"", "\"false\"")} }}\n      annotations: {{ sidecar.istio.io/inject: {V("\"true\"")} }}\n")
                            .Append($"    spec:\n      containers:\n      - name: {V("main", "istio-proxy")}\n        image: {V("x:1", "\"\"")}\n");
                        break;
                    case 2:
                    case 3:
                        text.Append($"apiVersion: v1\nkind: Service\nmetadata:\n  name: {V("s1", "s2", "s3")}\n  namespace: {V("shop")}\nspec:\n  selector:\n    app: {V("a", "b")}\n  ports:\n");
                        for (var p = 0; p < 1 + random.Next(2); p++) text.Append($"  - port: {V("53", "80")}\n    protocol: {V("TCP", "UDP")}\n    targetPort: {V("80", "http", "9090")}\n");
                        break;
                    default:
                        text.Append("apiVersion: v1\nkind: ").Append(new[] { "Namespace", "Deployment", "Service" }[random.Next(3)]).Append('\n');
                        Node(text, random, 0, 0, KubernetesKeys);
                        break;
                }

                text.Append("---\n");
            }

            if (random.Next(10) == 0) text.Insert(random.Next(text.Length), "\t: [");
            var yaml = text.ToString();
            var lines = yaml.Split('\n').Length;
            try
            {
                var origins = new YamlOrigins();
                var source = SourceFile.Load(yaml);
                var withOrigins = Workloads.WorkloadYaml.Read("fuzz.yaml", source, origins);
                var withLines = Workloads.WorkloadYaml.Read("fuzz.yaml", source);
                foreach (var (file, place) in new (Workloads.WorkloadFile, Func<Model.SourceRef, int?>)[]
                {
                    (withOrigins, o => origins.Locate(o, string.Empty)?.Position.Line),
                    (withLines, o => o.Document == "fuzz.yaml" ? o.Node : null),
                })
                {
                    var mesh = new Model.Mesh(Array.Empty<Model.ServiceInfo>(), Array.Empty<Model.Resource>(), file.Workloads.ToArray(), "default", file.Hosts.ToArray(), file.Namespaces.ToArray());
                    foreach (var finding in PolicyRules.EvaluateMesh(mesh).Where(f => f.RuleId is RuleIds.PortWithTwoProtocols or RuleIds.TargetPortWithTwoPorts))
                    {
                        Assert.InRange(place(finding.Origin) ?? throw new Xunit.Sdk.XunitException($"{finding} has no place\n{yaml}"), 1, lines);
                        placed++;
                    }
                }
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                throw new Xunit.Sdk.XunitException($"The workload reader threw {ex.GetType().Name}: {ex.Message}\n{yaml}\n{ex}");
            }
        }

        Assert.True(placed > 0, "no random file reached MESH506 or MESH507");
    }

    private static void Node(StringBuilder sb, Random random, int indent, int depth) => Node(sb, random, indent, depth, Keys);

    private static void Node(StringBuilder sb, Random random, int indent, int depth, string[] keys)
    {
        var entries = 1 + random.Next(4);
        for (var i = 0; i < entries; i++)
        {
            var pad = new string(' ', indent * 2);
            var key = keys[random.Next(keys.Length)];
            switch (depth > 5 ? 0 : random.Next(4))
            {
                case 0:
                    sb.Append(pad).Append(key).Append(": ").Append(Scalars[random.Next(Scalars.Length)]).Append('\n');
                    break;
                case 1:
                    sb.Append(pad).Append(key).Append(":\n");
                    Node(sb, random, indent + 1, depth + 1, keys);
                    break;
                case 2:
                    sb.Append(pad).Append(key).Append(":\n");
                    for (var j = 0; j < 1 + random.Next(2); j++)
                    {
                        sb.Append(pad).Append("- ").Append(keys[random.Next(keys.Length)]).Append(": ").Append(Scalars[random.Next(Scalars.Length)]).Append('\n');
                        Node(sb, random, indent + 1, depth + 2, keys);
                    }

                    break;
                default:
                    sb.Append(pad).Append(key).Append(": [").Append(Scalars[random.Next(Scalars.Length)]).Append(", ").Append(Scalars[random.Next(Scalars.Length)]).Append("]\n");
                    break;
            }
        }
    }
}
