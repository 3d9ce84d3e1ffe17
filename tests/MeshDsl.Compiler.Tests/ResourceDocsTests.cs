using System.Text;
using MeshDsl.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.Tests;

/// <summary>
/// docs/virtualservice.md, docs/destinationrule.md and docs/gateway.md show, for every seed example, the C# beside the
/// YAML it makes. The pages are generated from samples/Seed and compared exactly, so they can never drift from what the
/// generator does; MESHDSL_UPDATE_BASELINES=1 rewrites them.
/// </summary>
public class ResourceDocsTests
{
    public static TheoryData<string> Kinds => new() { "VirtualService", "DestinationRule", "Gateway", "Deployment", "ServiceEntry", "EnvoyFilter" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_resource_page_shows_every_seed_example_beside_its_yaml(string kind)
    {
        var page = Path.Combine(Paths.RepoRoot, "docs", Page(kind));
        var expected = Render(kind);
        if (Baseline.Updating)
        {
            File.WriteAllText(page, expected);
            return;
        }

        Assert.True(File.Exists(page), $"{page} is missing: run the tests with MESHDSL_UPDATE_BASELINES=1");
        Assert.True(File.ReadAllText(page).Replace("\r\n", "\n") == expected, $"{page} is out of date: run the tests with MESHDSL_UPDATE_BASELINES=1 and review the diff");
    }

    private static string Render(string kind)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(kind == "EnvoyFilter" ? "Rate limiting" : kind).Append("\n\n");
        sb.Append(Intro(kind)).Append("\n\n");
        if (kind == "ServiceEntry")
        {
            // The seed has no ServiceEntry: the page shows the kitchen sink's, which set every field.
            sb.Append("The seed document has no ServiceEntry; these are the ones of `samples/KitchenSink/ExternalServices.cs`, which set every field, ")
              .Append("as `dotnet build` writes them. This page is generated from them.\n\n");
            Section(sb, "ExternalServices", new[] { TestCompilation.Sample("KitchenSink").Single(s => Path.GetFileName(s.Path) == "ExternalServices.cs") }, kind);
            return sb.ToString().TrimEnd() + "\n";
        }

        sb.Append("Every example of the seed document that defines ").Append(kind[0] is 'A' or 'E' or 'I' or 'O' or 'U' ? "an " : "a ").Append(kind)
          .Append(", as MeshDsl writes it. The C# is the sample in `samples/Seed/<example>/`; the YAML is what `dotnet build` writes for it, ")
          .Append("and a test checks it equals the seed's manifest (`../shared/seed-manifests/`). This page is generated from them.\n\n");
        foreach (var fixture in Directory.GetDirectories(Path.Combine(Paths.Samples, "Seed")).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal))
        {
            var sample = Path.Combine("Seed", fixture!);
            var sources = TestCompilation.Sample(sample);
            if (sources.Length == 0) continue;
            Section(sb, fixture!, sources, kind);
        }

        if (kind == "EnvoyFilter")
        {
            sb.Append("## A service's sidecars, every option\n\n`samples/KitchenSink/RateLimits.cs`: `[LocalRateLimit]` on a `[MeshService]` class, with every option set.\n\n");
            Section(sb, string.Empty, new[] { TestCompilation.Sample("KitchenSink").Single(s => Path.GetFileName(s.Path) == "RateLimits.cs") }, kind);
        }

        return sb.ToString().TrimEnd() + "\n";
    }

    private static void Section(StringBuilder sb, string title, (string Path, string Text)[] sources, string kind)
    {
        static string KindOf(string yaml) => ((YamlScalarNode)((YamlMappingNode)YamlTree.ParseSingle(yaml))["kind"]).Value!;
        var all = TestCompilation.Run(TestCompilation.Create(sources)).Manifests();

        // Rate limiting is EnvoyFilters, and a global rate limit service's ConfigMap with its Deployment and Service.
        KeyValuePair<string, string>[] manifests = kind == "EnvoyFilter"
            ? (all.Values.Any(m => KindOf(m) is "EnvoyFilter" or "ConfigMap") ? all.Where(m => KindOf(m.Value) is "EnvoyFilter" or "ConfigMap" or "Deployment" or "Service").ToArray() : Array.Empty<KeyValuePair<string, string>>())
            : all.Where(m => KindOf(m.Value) == kind).ToArray();
        if (manifests.Length == 0) return;

        if (title.Length > 0) sb.Append("## ").Append(title).Append("\n\n");
        sb.Append("<table>\n<tr><th>C#</th><th>YAML</th></tr>\n<tr><td>\n\n");
        foreach (var (_, text) in sources) sb.Append("```csharp\n").Append(text.Replace("\r\n", "\n").TrimEnd()).Append("\n```\n\n");
        sb.Append("</td><td>\n\n");
        foreach (var (file, yaml) in manifests)
        {
            sb.Append("```yaml\n# ").Append(file).Append('\n').Append(string.Join("\n", yaml.Split('\n').Skip(1)).TrimEnd()).Append("\n```\n\n");
        }

        sb.Append("</td></tr>\n</table>\n\n");
    }

    /// <summary>The page of a kind: its own name, except EnvoyFilter, which MeshDsl writes for rate limiting only.</summary>
    private static string Page(string kind) => kind == "EnvoyFilter" ? "rate-limiting.md" : kind.ToLowerInvariant() + ".md";

    private static string Intro(string kind) => kind switch
    {
        "VirtualService" => "A service's routing rules come from the classes nested in its `[MeshService]` class: each `[HttpRoute]`, "
            + "`[TcpRoute]` or `[TlsRoute]` class is one rule, in declaration order (first match wins). Routing that is no single "
            + "service's own, such as an edge router bound to a gateway, is a `[VirtualService]` class with the same nested rules.",
        "DestinationRule" => "A `[MeshService]` class's DestinationRule comes from its nested `[Subset]` classes and the traffic policy "
            + "attributes (`[LoadBalancer]`, `[ConnectionPool]`, `[OutlierDetection]`, ...) on the service class, on a subset class "
            + "(that subset's policy), or with `Port =` (that port's settings).",
        "EnvoyFilter" => "Istio has no rate limit resource: Envoy's rate limit filters are inserted with EnvoyFilters, whose mistakes Istio's "
            + "webhook does not catch. `[LocalRateLimit]` on a `[Gateway]` class (the gateway's pods, context GATEWAY) or a `[MeshService]` class "
            + "(each sidecar of the service, SIDECAR_INBOUND) declares a token bucket; MeshDsl writes the EnvoyFilter with the workload selector "
            + "the gateway or service implies, and with the filter enabled and enforced for 100% of requests unless you say otherwise (Envoy's "
            + "own default, 0%, is a filter that does nothing). On a named `[HttpRoute]`, the bucket is that route's own, and "
            + "`[LocalRateLimitDescriptor]`s add buckets for given header values or client addresses, with the route's actions that tell them apart.\n\n"
            + "A global limit, shared by every proxy, is counted by a rate limit service (envoyproxy/ratelimit): a `[RateLimitService]` class "
            + "declares it, with its limits as nested `[RateLimitDescriptor]` classes (a class nested in a descriptor refines it). MeshDsl writes "
            + "its Deployment, the Service in front of it (HTTP 8080, gRPC 8081) and the ConfigMap holding its configuration, which the "
            + "service's loader would accept. The rules are [MESH601-MESH611](rules/README.md), on C# and on the YAML `meshdsl analyze` reads.",
        "ServiceEntry" => "A `[ServiceEntry]` class is a ServiceEntry: hosts the mesh's registry gains, such as an external API or a database on VMs. "
            + "Its ports are `[ServiceEntryPort]`s and its endpoints `[ServiceEntryEndpoint]`s on the same class. Routes name it by type "
            + "(`[RouteTo<PaymentsApi>]` routes to its first host), and the mesh's checks ([MESH111](rules/MESH111.md)) count its hosts as defined. "
            + "What Istio's webhook rejects in one is [MESH020](rules/MESH020.md).",
        "Gateway" => "A `[Gateway]` class is a Gateway; each nested `[Server]` class is one of its servers, with `[ServerTls]` for its TLS settings.",
        _ => "`[Deployment]` on a `[Subset]` class declares the workload behind that version: MeshDsl emits the Deployment (its pods labelled "
            + "with the service's selector and the subset's labels, so the subset always selects them) and the service's Kubernetes Service. "
            + "Workloads kept in YAML are checked instead: see [MESH501](rules/MESH501.md).",
    };
}
