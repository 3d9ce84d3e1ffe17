using System.Linq;
using System.Text;

namespace MeshDsl.Rules;

/// <summary>
/// docs/rules/ as text, made from <see cref="RuleCatalog"/>: a page per rule, the index with the build task's errors and the
/// coverage of Istio's validation, and the analyzer release table. RuleDocsGenerationTests compares them with the files
/// (MESHDSL_UPDATE_BASELINES=1 rewrites them), so the pages cannot drift from the rules.
/// </summary>
internal static class RulePages
{
    /// <summary>The build task's errors (MESHB...), documented beside the rules; their pages are written by hand.</summary>
    public static readonly (string Id, string Title, RuleSeverity Severity)[] BuildErrors =
    {
        ("MESHB001", "Cannot read manifests from the compiled assembly", RuleSeverity.Error),
        ("MESHB002", "Two resources would be written to the same file", RuleSeverity.Error),
        ("MESHB003", "Cannot write manifests", RuleSeverity.Error),
        ("MESHB004", "A committed manifest differs from what the code describes", RuleSeverity.Error),
        ("MESHB005", "A manifest the code describes is missing", RuleSeverity.Error),
        ("MESHB006", "A committed manifest is stale", RuleSeverity.Error),
        ("MESHB007", "Unknown MeshDslLayout", RuleSeverity.Error),
        ("MESHB008", "The output folder is not a safe place for manifests", RuleSeverity.Error),
        ("MESHB009", "MeshDslNamespace is not a Kubernetes namespace", RuleSeverity.Error),
        ("MESHB010", "A file MeshDsl cannot prove is its own stands where a manifest goes", RuleSeverity.Error),
        ("MESHB011", "A stale manifest was changed by hand and is left in place", RuleSeverity.Warning),
    };

    public static string Page(RuleInfo rule)
    {
        var sb = new StringBuilder()
            .Append("# ").Append(rule.Id).Append(": ").Append(rule.Title).Append("\n\n")
            .Append("| | |\n|---|---|\n")
            .Append("| Severity | ").Append(rule.Severity).Append(" |\n")
            .Append("| Category | ").Append(rule.CategoryName).Append(" |\n")
            .Append("| Istio source | ").Append(rule.IstioSource).Append(" |\n")
            .Append("| `istioctl analyze` | ").Append(rule.IstioAnalyzer ?? "none").Append(" |\n\n")
            .Append("## What it finds\n\n").Append(rule.What).Append("\n\n")
            .Append("## Why it matters\n\n").Append(rule.Why).Append("\n\n");
        if (rule.Bad is not null) sb.Append("## Bad\n\n```csharp\n").Append(rule.Bad).Append("\n```\n\n");
        if (rule.Good is not null) sb.Append("## Good\n\n```csharp\n").Append(rule.Good).Append("\n```\n\n");
        if (rule.Note is not null) sb.Append("## Example\n\n").Append(rule.Note).Append("\n\n");
        return sb.Append("## Configuration\n\n")
            .Append("Like any analyzer rule: `dotnet_diagnostic.").Append(rule.Id).Append(".severity = warning` (or `error`, `suggestion`, `none`) in `.editorconfig`, ")
            .Append("or `#pragma warning disable ").Append(rule.Id).Append("` around the declaration to acknowledge one case.\n")
            .ToString();
    }

    public static string Index()
    {
        var sb = new StringBuilder()
            .Append("# Rules\n\n")
            .Append("Every diagnostic MeshDsl reports. Severities are defaults; configure them in `.editorconfig` like any analyzer\n")
            .Append("(`dotnet_diagnostic.MESH104.severity = none`). Build task errors (MESHB...) have pages here too. The last column names the\n")
            .Append("`istioctl analyze` message for the same problem (IST0106: what Istio's admission webhook rejects).\n\n")
            .Append("| ID | Title | Severity | Category | Code fix | `istioctl analyze` |\n|---|---|---|---|---|---|\n");
        foreach (var rule in RuleCatalog.All.OrderBy(r => r.Id, System.StringComparer.Ordinal))
        {
            sb.Append("| [").Append(rule.Id).Append("](").Append(rule.Id).Append(".md) | ").Append(rule.Title).Append(" | ").Append(rule.Severity)
              .Append(" | ").Append(rule.CategoryName).Append(" | ").Append(rule.Fixable ? "yes" : string.Empty).Append(" | ").Append(rule.IstioAnalyzer ?? string.Empty).Append(" |\n");
        }

        foreach (var (id, title, severity) in BuildErrors)
        {
            sb.Append("| [").Append(id).Append("](").Append(id).Append(".md) | ").Append(title).Append(" | ").Append(severity).Append(" (build) | MeshDsl.Build | | |\n");
        }

        return sb.Append('\n').Append(Coverage).Append('\n').ToString();
    }

    /// <summary>AnalyzerReleases.Unshipped.md: every rule, for Roslyn's release tracking.</summary>
    public static string Releases()
    {
        var sb = new StringBuilder()
            .Append("; Unshipped analyzer release\n")
            .Append("; https://github.com/dotnet/roslyn-analyzers/blob/main/src/Microsoft.CodeAnalysis.Analyzers/ReleaseTrackingAnalyzers.Help.md\n\n")
            .Append("### New Rules\n\nRule ID | Category | Severity | Notes\n--------|----------|----------|-------\n");
        foreach (var rule in RuleCatalog.All.OrderBy(r => r.Id, System.StringComparer.Ordinal))
        {
            sb.Append(rule.Id).Append(" | ").Append(rule.CategoryName).Append(" | ").Append(rule.Severity).Append(" | ").Append(rule.Title).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Every check of Istio's validation for the kinds MeshDsl emits, and the rule that mirrors it (issue 10).</summary>
    private const string Coverage = """
        ## Istio's validation, check by check

        Every error Istio's admission webhook (`pkg/config/validation`, summarised in `shared/istio/validation.md`) and its CRDs raise
        for the kinds MeshDsl emits, and the rule that reports it before the manifest leaves the compiler. "By construction" means
        the C# cannot express the mistake. Kubernetes' own kinds (Deployment, Service) are checked by [MESH505](MESH505.md) and
        [MESH004](MESH004.md).

        | Istio check (validation.md section) | MeshDsl |
        |---|---|
        | Durations: at least 1 ms, whole milliseconds, within Go's range (§1, §8 CEL) | [MESH001](MESH001.md) |
        | Ports 1-65535 (§1) | [MESH005](MESH005.md) |
        | Host names, DNS-1123 labels, label keys and values (§1) | [MESH004](MESH004.md) |
        | Percent 0-100, fault percentage 0 or 0.0001-100 (§1) | [MESH002](MESH002.md) |
        | Regex: not empty, at most 1024 characters, RE2 (§1) | [MESH003](MESH003.md) |
        | StringMatch: one of exact, prefix, regex; no empty prefix but on uri; header match not null (§1, §2.3, §8 oneOf) | [MESH013](MESH013.md) |
        | exportTo: `.`, `*` or a namespace, no `~`, no duplicates, `*` alone (§1) | [MESH018](MESH018.md), [MESH306](MESH306.md) |
        | workloadSelector: no empty key, no wildcard (§1, §8 CEL) | [MESH306](MESH306.md) |
        | VirtualService: http, tcp or tls required (§2.1) | [MESH018](MESH018.md) |
        | Delegate VirtualService without gateways, tcp, tls; no nested delegation (§2.1, §2.2) | [MESH006](MESH006.md) |
        | Hosts: valid, `*` not for the mesh, no duplicates or overlaps (§2.1) | [MESH004](MESH004.md), [MESH018](MESH018.md), [MESH010](MESH010.md) |
        | Gateway references: `mesh`, `namespace/name`, or a host (§2.1) | [MESH018](MESH018.md) |
        | JWT claim routing only at gateways (§2.1) | [MESH016](MESH016.md) |
        | One action per HTTP rule; redirect and direct response exclude route, fault, rewrite; mirror or mirrors (§2.2) | [MESH006](MESH006.md) |
        | Destination: host not `*`, subset a label, port in range; route destinations required (§2.2, §8) | [MESH004](MESH004.md), [MESH005](MESH005.md); by construction |
        | Weights 0 or more, total above 0 (§2.2) | [MESH009](MESH009.md) |
        | Header operations: names, `:`-prefixed, Host; values: control characters, `%` (§2.2) | [MESH016](MESH016.md) |
        | Authority rewritten once (§2.2) | [MESH016](MESH016.md) |
        | Match: header names, port, source labels, gateways, source namespace (§2.3) | [MESH016](MESH016.md), [MESH005](MESH005.md), [MESH004](MESH004.md), [MESH018](MESH018.md) |
        | Fault: abort or delay, abort status 200-600, gRPC status names, one error type, no HTTP/2 errors, no exponential delay (§2.4, §8 oneOf) | [MESH007](MESH007.md) |
        | Retries: attempts 0 or more, nothing beside 0 attempts, retryOn tokens (§2.5) | [MESH008](MESH008.md) |
        | Mirror percentages 0-100 (§2.6) | [MESH002](MESH002.md) |
        | Redirect: uri or prefixRewrite, prefixRewrite needs prefix matches, something to change, code 3xx, scheme http/https, port or derivePort (§2.6, §8 oneOf) | [MESH018](MESH018.md) |
        | Direct response: status 200-600, body at most 1 MB, string or bytes (§2.6, §8 oneOf) | [MESH018](MESH018.md) |
        | Rewrite: uri or regex rewrite, both regex parts, something to change (§2.6) | [MESH018](MESH018.md), [MESH003](MESH003.md) |
        | CORS: origins not empty, methods, header names, maxAge in seconds (§2.6) | [MESH018](MESH018.md), [MESH001](MESH001.md) |
        | TLS rules: a match with SNI hosts of the VirtualService, a route; TCP rules: a route; subnets (§2.7) | [MESH018](MESH018.md) |
        | Unreachable and duplicate matches (§2.8, warnings IST0130/IST0131) | [MESH102](MESH102.md), [MESH103](MESH103.md) |
        | DestinationRule host; subsets unique, named, labelled (§3) | [MESH004](MESH004.md), [MESH010](MESH010.md) |
        | Workload selector with exportTo beyond its namespace (§3) | [MESH306](MESH306.md) |
        | Traffic policy not empty; port policies not empty; tunnel or proxyProtocol (§3) | by construction, [MESH306](MESH306.md), [MESH303](MESH303.md) |
        | Connection pool not empty; limits not negative; UPGRADE with useClientProtocol; HTTP/2 keep-alive pairs (§3) | [MESH304](MESH304.md), [MESH306](MESH306.md) |
        | Outlier detection: percents, local-origin split, error codes 100-599, counts not negative (§3, §8) | [MESH002](MESH002.md), [MESH302](MESH302.md), [MESH306](MESH306.md) |
        | Load balancer: one of simple, consistentHash, backendUtilization; one hash key and ring; cookie name; Maglev table (§3, §8 oneOf) | [MESH303](MESH303.md) |
        | Cookie attributes named and unique; warm-up duration and aggression; zone-aware minimum cluster size (§3, §8) | [MESH306](MESH306.md), [MESH002](MESH002.md) |
        | Locality: distribute or failover, weights 1-100 adding to 100, failover by region, no topology label with failover, localities well formed and not repeated (§3) | [MESH303](MESH303.md), [MESH306](MESH306.md) |
        | Tunnel: protocol, target host FQDN or IP, target port (§3) | [MESH015](MESH015.md), [MESH306](MESH306.md), [MESH005](MESH005.md) |
        | Client TLS: MUTUAL certificates, credentialName alone, insecureSkipVerify conflicts (§3) | [MESH306](MESH306.md) |
        | Gateway: name a DNS-1123 label, at least one server, unique port names (§4) | [MESH004](MESH004.md), [MESH404](MESH404.md), [MESH010](MESH010.md) |
        | Server hosts: present, `namespace/` part, FQDN, no partial wildcard; targetPort; bind (§4) | [MESH404](MESH404.md) |
        | Server TLS: required for HTTPS and TLS, only redirects on plain servers, ISTIO_MUTUAL without files, one certificate source, SIMPLE and MUTUAL requirements, CRL (§4) | [MESH401](MESH401.md), [MESH404](MESH404.md) |

        | EnvoyFilter: selector keys and wildcards, workloadSelector or targetRefs, no cross-namespace targets (§5, §8 CEL) | [MESH609](MESH609.md) |
        | EnvoyFilter patches: applyTo, patch, operation and value present; match class fits applyTo; filter and subFilter matches; waypoint context; proxyVersion regex (§5, §8 CEL) | [MESH609](MESH609.md) |
        | EnvoyFilter patch operations `istioctl analyze` warns about (IST0151-IST0155) | [MESH605](MESH605.md), [MESH606](MESH606.md) |

        ### Left out, and why

        | Istio check | Why MeshDsl does not report it |
        |---|---|
        | Annotations `istio.io/dry-run`, `internal.istio.io/*` (§0) | MeshDsl writes no annotations. |
        | Host form `outbound_.<port>_._.<host>` for gateway-bound TLS routes (§2.1) | Accepted as a host like any other; the special form is Istio-internal. |
        | Legacy gateway name `name.namespace` (warning) (§2.1) | A warning in Istio; MeshDsl writes `namespace/name` for gateways it knows. |
        | `delay.percent` and `mirrorPercent` deprecation (warnings) (§2.4, §2.6) | Warnings; MeshDsl writes the `percentage` forms. |
        | Direct response body over 100 KB (warning) (§2.6) | A warning; bodies over 1 MB are errors and are reported. |
        | SNI host given as an IP (warning) (§2.7) | A warning in Istio. |
        | `consecutiveErrors` and `minimumRingSize` deprecation, failover without outlier detection (warnings) (§3) | Warnings; `MESH301` gives the seed's outlier advice. |
        | `configmap://` credential in another namespace (§3) | Needs the credential's namespace, which only the cluster knows. |
        | Passthrough servers with certificates, TLS below 1.2 without ciphers, invalid or duplicate cipher suites (warnings) (§4) | Warnings; cipher names depend on Envoy's build. |
        | `portLevelSettings` over 4096 items, selectors over 4096 or 256 labels (§8) | Beyond any C# declaration in practice. |
        | RE2 syntax beyond what .NET's parser and the known unsupported constructs show (§1) | MeshDsl has no RE2 engine; patterns that .NET parses and that use no RE2-unsupported construct are accepted. |
        | EnvoyFilter "exposes internal implementation details" (warning), unknown fields inside a patch value (warning), deprecated type URLs and filter names (§5) | Warnings, or Envoy's type registry, which MeshDsl does not carry: it checks the filters it writes (local rate limits) field by field instead ([MESH601](MESH601.md)-[MESH604](MESH604.md), [MESH608](MESH608.md)). |
        """;
}
