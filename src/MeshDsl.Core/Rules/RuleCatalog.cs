using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace MeshDsl.Rules;

// Generated once from the rule pages' former script; maintained here by hand. Every diagnostic's metadata and its page's
// text live in this file: the analyzers' descriptors, the CLI's reports and docs/rules/ (RuleDocsGenerationTests) read it.

/// <summary>Every rule MeshDsl reports, with its page's text.</summary>
internal static partial class RuleCatalog
{
    public static readonly ImmutableArray<RuleInfo> All = ImmutableArray.Create(new RuleInfo[]
    {
        new(RuleIds.InvalidDuration, "Invalid Istio duration", "'{0}' is not a valid duration for {1}: {2}", RuleCategory.Validation, RuleSeverity.Error,
            "Istio accepts Go durations (a number and a unit: ns, us, ms, s, m, h) of at least 1ms and in whole milliseconds.")
        {
            Fixable = true,
            IstioAnalyzer = "IST0106",
            IstioSource = "`ValidateDuration` and the CRD rule `duration(self) >= duration('1ms')`",
            What = "A duration Istio would reject: `timeout`, `perTryTimeout`, `fixedDelay`, `connectTimeout` and every other duration field. Istio takes Go's notation (a number and a unit, `ns`, `us`, `ms`, `s`, `m` or `h`, chained as in `1h30m`), at least 1 ms, in whole milliseconds. A TCP `idleTimeout` of `0s` is allowed: it disables the timeout.",
            Why = "The API server rejects the whole resource, so the change never reaches the mesh. MeshDsl says so while you type, not in a failed `kubectl apply`. The code fix rewrites the duration in Istio's notation where the meaning is clear (`10 seconds` to `10s`, `1.5ms` to `2ms`).",
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute(Timeout = "10 seconds"), RouteTo<V1>]
            public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute(Timeout = "10s"), RouteTo<V1>]
            public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.PercentageOutOfRange, "Percentage out of range", "{0} {1} is out of range: {2}", RuleCategory.Validation, RuleSeverity.Error,
            "Fault percentages are 0 or 0.0001-100; mirror, outlier and other percentages are 0-100.")
        {
            Fixable = false,
            IstioAnalyzer = "IST0106",
            IstioSource = "`validatePercentage`, `ValidatePercent`, `validatePercent`",
            What = "A percentage outside what Istio accepts: fault `percentage` must be 0 or between 0.0001 and 100; mirror percentages, `maxEjectionPercent`, `minHealthPercent`, the warm-up `minimumPercent` and the retry budget `percent` must be between 0 and 100.",
            Why = "Istio rejects the resource; a percentage of 150 is usually a typo for 15 or 1.5.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, MatchHeader("x-chaos-test", Exact = "true"), FaultAbort(503, Percentage = 150), RouteTo<V1>]
            public partial class Chaos { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, MatchHeader("x-chaos-test", Exact = "true"), FaultAbort(503, Percentage = 15), RouteTo<V1>]
            public partial class Chaos { }
        }
        """,
            Note = null,
        },
        new(RuleIds.InvalidRegex, "Regular expression Istio cannot use", "'{0}' is not a regular expression Istio accepts: {1}", RuleCategory.Validation, RuleSeverity.Error,
            "Envoy matches with RE2: no lookaround, backreferences, possessive quantifiers or atomic groups; at most 1024 characters; not empty.")
        {
            Fixable = false,
            IstioAnalyzer = "IST0106",
            IstioSource = "`validateStringRegexp`, `validateStringMatchRegexp` (RE2, at most 1024 characters)",
            What = """
        A regular expression Envoy cannot use: Envoy matches with RE2, which has no lookahead or lookbehind, no backreferences, no possessive quantifiers, no atomic groups and no conditionals. Empty patterns and patterns over 1024 characters are rejected too. The `regex: "*"` presence check of `withoutHeaders` is not a regex and is accepted.
        """,
            Why = "Istio rejects the resource at admission; .NET's own Regex accepts these patterns, so they slip through a C# unit test.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, MatchUri(Regex = "^/api/(?!internal).*$"), RouteTo<V1>]
            public partial class Api { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, MatchUri(Regex = "^/api/(public|v[0-9]+)/.*$"), RouteTo<V1>]
            public partial class Api { }
        }
        """,
            Note = null,
        },
        new(RuleIds.InvalidName, "Invalid name, host or label", "'{0}' is not a valid {1}: {2}", RuleCategory.Validation, RuleSeverity.Error,
            "Names, namespaces, hosts and labels follow Kubernetes' DNS-1123 and label rules, which the API server enforces.")
        {
            Fixable = false,
            IstioAnalyzer = "IST0106",
            IstioSource = "`ValidateWildcardDomain`, `IsDNS1123Label`, label `Validate` (validation.md §1)",
            What = "A name, namespace, host, subset name or label that Kubernetes or Istio rejects: resource names and namespaces are DNS-1123 (lower case, digits, `-`), Gateway names have no dots, hosts are domains whose first label may be a wildcard, and label keys and values follow Kubernetes' label syntax.",
            Why = "The API server rejects the resource; a label that is not valid also selects no pod.",
            Bad = """
        using MeshDsl;

        [MeshService("Reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
        }
        """,
            Note = null,
        },
        new(RuleIds.PortOutOfRange, "Port out of range", "Port {0} is outside 1-65535", RuleCategory.Validation, RuleSeverity.Error,
            "A port number is 1-65535.")
        {
            Fixable = false,
            IstioAnalyzer = "IST0106",
            IstioSource = "`ValidatePort`",
            What = "A port outside 1-65535: a service port, a destination port, a match port, a server port or target port, a redirect port, a port-level setting or a tunnel target port.",
            Why = "Istio rejects the resource.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, RouteTo<V1>(Port = 90800)]
            public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, RouteTo<V1>(Port = 9080)]
            public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.ConflictingActions, "HTTP rule with conflicting or missing actions", "{0}", RuleCategory.Validation, RuleSeverity.Error,
            "An HTTP rule does exactly one of route, redirect, direct response and delegate; a redirect or direct response excludes faults and rewrites.")
        {
            Fixable = false,
            IstioAnalyzer = "IST0106",
            IstioSource = "`validateHTTPRouteConflict`",
            What = "An HTTP rule whose actions conflict or are missing. A rule does exactly one of: route (`RouteTo`), redirect, answer directly (`DirectResponse`) or delegate. A redirect or direct response also excludes faults and rewrites; `Mirror` and `MirrorTo` exclude each other; a delegate VirtualService cannot delegate again.",
            Why = "Istio rejects the resource (`HTTP route cannot contain both route and redirect`, `HTTP route, redirect or direct_response is required`).",
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, MatchUri(Prefix = "/old"), Redirect(Uri = "/new"), RouteTo<V1>]
            public partial class Moved { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, MatchUri(Prefix = "/old"), Redirect(Uri = "/new")]
            public partial class Moved { }

            [HttpRoute, RouteTo<V1>]
            public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.InvalidFault, "Invalid fault injection", "{0}", RuleCategory.Validation, RuleSeverity.Error,
            "A fault needs a fixed delay or an abort with an HTTP status in 200-599 or a known gRPC status; Istio rejects exponential delays and HTTP/2 errors.")
        {
            Fixable = false,
            IstioAnalyzer = "IST0106",
            IstioSource = "`validateHTTPFaultInjection`, `validateHTTPFaultInjectionAbort`, `validateHTTPFaultInjectionDelay`",
            What = "A fault Istio cannot inject: a delay without a fixed duration (Istio rejects `exponentialDelay` today), an abort with an HTTP status outside 200-599, an unknown gRPC status name, an HTTP/2 error abort (not supported yet), or an abort with no error at all.",
            Why = "Istio rejects the resource.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, MatchHeader("x-chaos-test", Exact = "true"), FaultAbort(700), RouteTo<V1>]
            public partial class Chaos { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, MatchHeader("x-chaos-test", Exact = "true"), FaultAbort(503), RouteTo<V1>]
            public partial class Chaos { }
        }
        """,
            Note = null,
        },
        new(RuleIds.MalformedRetries, "Malformed retries", "{0}", RuleCategory.Validation, RuleSeverity.Error,
            "Attempts are 0 or more; with 0, no other retry setting is allowed; retryOn holds known conditions and status codes.")
        {
            Fixable = false,
            IstioAnalyzer = "IST0106",
            IstioSource = "`ValidateHTTPRetry`",
            What = "Retries Istio rejects: negative attempts; `Retries(0)` (retries off) with a per-try timeout, retry conditions or `RetryRemoteLocalities`; a `retryOn` value that is neither a known condition nor an HTTP status code (for example a cast such as `(RetryOn)42`).",
            Why = "Istio rejects the resource (`http retry policy configured when attempts are set to 0 (disabled)`, `... is not a valid retryOn policy`).",
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, RouteTo<V1>, Retries(0, PerTryTimeout = "2s")]
            public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, RouteTo<V1>, Retries(2, PerTryTimeout = "2s")]
            public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.InvalidWeights, "Invalid weights", "{0}", RuleCategory.Validation, RuleSeverity.Error,
            "Weights are 0 or more, and several destinations cannot all have weight 0.")
        {
            Fixable = false,
            IstioAnalyzer = "IST0106",
            IstioSource = "`validateWeight`, `validateHTTPRouteDestinations`",
            What = "Weights Istio rejects: a negative weight, or several destinations whose weights are all 0.",
            Why = "Istio rejects the resource (`weight -10 < 0`, `total destination weight = 0`).",
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
            [HttpRoute, RouteTo<V1>(Weight = 0), RouteTo<V2>(Weight = 0)]
            public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
            [HttpRoute, RouteTo<V1>(Weight = 100), RouteTo<V2>(Weight = 0)]
            public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.Duplicate, "Duplicate name, key, host or claim", "{0}", RuleCategory.Validation, RuleSeverity.Error,
            "Subset names are unique in a DestinationRule, keys are unique in a map (labels, headers), settings are given once, hosts do not overlap in a VirtualService, server port names are unique in a Gateway, and one host belongs to one VirtualService on the mesh (IST0109).")
        {
            Fixable = false,
            IstioAnalyzer = "IST0106, IST0109",
            IstioSource = "`ValidateDestinationRule` (duplicate subsets), `ValidateVirtualService` (overlapping hosts), `istioctl analyze` IST0109",
            What = "Duplicates: two subsets with one name in a DestinationRule; overlapping hosts in one VirtualService (`*.example.com` covers `api.example.com`); two VirtualServices that claim the same host for the sidecars (`mesh`) in one namespace.",
            Why = "Istio rejects the first two. For the third, each sidecar picks one of the VirtualServices, so half of your rules silently do not apply (IST0109).",
            Bad = """
        using MeshDsl;

        [VirtualService("storefront", Hosts = new[] { "*.example.com", "api.example.com" })]
        public partial class Storefront
        {
            [HttpRoute, RouteToHost("frontend")] public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [VirtualService("storefront", Hosts = new[] { "*.example.com" })]
        public partial class Storefront
        {
            [HttpRoute, RouteToHost("frontend")] public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.AmbiguousRuleOrder, "Rule order ambiguous", "{0}", RuleCategory.Validation, RuleSeverity.Warning,
            "Rules are evaluated in order, first match wins; declaration order is only defined within one file.")
        {
            Fixable = false,
            IstioSource = "Istio evaluates rules in order, first match wins",
            What = "The rules of one VirtualService declared in more than one file (partial classes, or rule classes spread over files) without an explicit `Order`. Declaration order is only defined within one file, so the order of the rules would depend on file names.",
            Why = "Rule order decides which rule a request takes: a catch-all that moves ahead of a specific rule silently swallows its traffic.",
            Bad = null,
            Good = null,
            Note = """
        The examples need two files; see the tests (`AmbiguousRuleOrder`). Give every rule an `Order` (`[HttpRoute(Order = 1)]`) or keep the rules in one file.

        ```csharp
        [HttpRoute(Order = 1), MatchHeader("x-user-group", Exact = "beta"), RouteTo<V2>]
        public partial class Beta { }
        ```
        """,
        },
        new(RuleIds.SeveralDeclarations, "A class is one declaration", "'{0}' is already a [{1}]; this [{2}] is ignored: declare it on a class of its own", RuleCategory.Validation, RuleSeverity.Error,
            "A class is one [MeshService], [VirtualService] or [Gateway]; the first such attribute decides what it is.")
        {
            Fixable = false,
            IstioSource = "C# declarations map to one Istio resource each",
            What = "A class that carries more than one of `[MeshService]`, `[VirtualService]` and `[Gateway]`, or the same one on two partial parts. The first decides what the class is; the others are ignored.",
            Why = "The ignored attribute's resources would silently be missing from the manifests.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews"), VirtualService("reviews-edge", Hosts = new[] { "reviews.example.com" })]
        public partial class Reviews
        {
            [HttpRoute, RouteTo<Reviews>] public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [HttpRoute, RouteTo<Reviews>] public partial class Default { }
        }

        [VirtualService("reviews-edge", Hosts = new[] { "reviews.example.com" })]
        public partial class ReviewsEdge
        {
            [HttpRoute, RouteTo<Reviews>] public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.InvalidStringMatch, "String match that matches nothing or several ways", "{0}", RuleCategory.Validation, RuleSeverity.Error,
            "A string condition sets exactly one of Exact, Prefix and Regex; a match block has one uri, scheme, method and authority; Istio rejects an empty prefix outside uri.")
        {
            Fixable = false,
            IstioAnalyzer = "IST0106",
            IstioSource = "`validateStringMatch`, CRD `oneOf` on StringMatch",
            What = "A string condition (`MatchHeader`, `MatchUri`, `MatchQueryParam`, `MatchWithoutHeader`, `MatchScheme`, `MatchMethod`, `MatchAuthority`, `CorsAllowOrigin`) that sets none or more than one of `Exact`, `Prefix` and `Regex`; a second `uri`, `scheme`, `method` or `authority` condition in one match block; an empty `Prefix` on anything but the uri.",
            Why = """
        A condition with no value would be left out, so the rule would match more traffic than written (a `MatchHeader("x-user-group")` with no value would send everyone to the beta). Istio rejects several values in one StringMatch and an empty prefix.
        """,
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, MatchHeader("x-user-group"), RouteTo<V1>] public partial class Beta { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, MatchHeader("x-user-group", Exact = "beta"), RouteTo<V1>] public partial class Beta { }
        }
        """,
            Note = null,
        },
        new(RuleIds.MisplacedAttribute, "Attribute without effect where it stands", "[{0}] on '{1}' has no effect: it stands on {2}", RuleCategory.Validation, RuleSeverity.Error,
            "Each MeshDsl attribute is read in one place (a service, subset, rule, gateway server); anywhere else it would be silently left out of the manifests.")
        {
            Fixable = false,
            IstioSource = "MeshDsl's model: each attribute is read in one place",
            What = "A MeshDsl attribute where nothing reads it: `[Deployment]` on a service class instead of a subset, an `[HttpRoute]` class outside any service, a `[RouteTo]` on a class that is no rule, a probe without a `[Deployment]`, `PortName` on a service without Deployments, a TCP-only `Match` argument on an HTTP rule.",
            Why = "The attribute would silently be missing from the manifests: a Deployment that is never emitted, a rule that never routes.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews"), Deployment("reviews:1.0")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, RouteTo<V1>] public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews", Port = 9080)]
        public partial class Reviews
        {
            [Subset("v1"), Deployment("reviews:1.0")] public partial class V1 { }
            [HttpRoute, RouteTo<V1>] public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.UnknownEnumValue, "Value that is not a member of its enum", "{0} is not a member of {1}: use one of {2}", RuleCategory.Validation, RuleSeverity.Error,
            "A cast such as (LoadBalancing)42 has no Istio spelling; it would be written as something else or not at all.")
        {
            Fixable = false,
            IstioSource = "The C# enums mirror Istio's enums value for value",
            What = "An enum argument that is not a member of its enum, such as a cast `(LoadBalancing)42`.",
            Why = "It has no Istio spelling: it would be written as some other value or left out.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews"), LoadBalancer((LoadBalancing)42)]
        public partial class Reviews { }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews"), LoadBalancer(LoadBalancing.LeastRequest)]
        public partial class Reviews { }
        """,
            Note = null,
        },
        new(RuleIds.InvalidHeader, "Header name or value Istio rejects", "{0}", RuleCategory.Validation, RuleSeverity.Error,
            "Header names are HTTP tokens; header operations cannot use ':' pseudo-headers (but :authority) or remove or set Host in responses; values have no control characters and escape '%' as '%%' unless it starts a %VARIABLE%.")
        {
            Fixable = false,
            IstioAnalyzer = "IST0106",
            IstioSource = "`ValidateHTTPHeaderNameOrJwtClaimRoute`, `ValidateHTTPHeaderOperationName`, `ValidateHTTPHeaderValue`, `validateAuthorityRewrite`",
            What = "A header name or value Istio rejects: a match on a name that is not an HTTP token; routing on a JWT claim (`@request.auth.claims.*`) in a VirtualService that applies to the mesh; setting, adding or removing `Host` or a `:` pseudo-header (except `:authority` and `Host` set on the request, which rewrite the authority); a value with a control character or a `%` that is neither `%%` nor a `%VARIABLE%`; the authority rewritten in two places; a header a rate limit action reads (`FromRequestHeader`, `FromHeaderMatch`, a descriptor's `Header`, or `header_name` and `headers[].name` in an EnvoyFilter's `rate_limits`) that is not a header name or a request pseudo-header.",
            Why = "The API server rejects the VirtualService; a newline in a value would otherwise be a header injection.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, RouteTo<V1>, SetRequestHeader("x-discount", "100%")] public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, RouteTo<V1>, SetRequestHeader("x-discount", "100%%")] public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.UnwritableValue, "Value that no manifest can carry", "'{0}' cannot be written for {1}: {2}", RuleCategory.Validation, RuleSeverity.Error,
            "Kubernetes objects are UTF-8 JSON: no NaN or infinity, no lone UTF-16 surrogate, no null entry in a list.")
        {
            Fixable = false,
            IstioSource = "Kubernetes objects are UTF-8 JSON",
            What = "A value no manifest can carry: NaN or infinity where a number is expected, a string with a lone UTF-16 surrogate, a `null` entry in a list.",
            Why = "JSON has no NaN, and UTF-8 cannot encode a lone surrogate: the value would be changed or dropped on its way to the cluster.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, MatchHeader("x-chaos-test", Exact = "true"), FaultAbort(503, Percentage = double.NaN), RouteTo<V1>] public partial class Chaos { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, MatchHeader("x-chaos-test", Exact = "true"), FaultAbort(503, Percentage = 10), RouteTo<V1>] public partial class Chaos { }
        }
        """,
            Note = null,
        },
        new(RuleIds.InvalidRouteSetting, "VirtualService setting Istio rejects", "{0}", RuleCategory.Validation, RuleSeverity.Error,
            "Redirects, direct responses, rewrites, CORS, exportTo, gateway references, match fields and TCP/TLS rules as Istio's webhook validates them.")
        {
            Fixable = false,
            IstioAnalyzer = "IST0106",
            IstioSource = "`ValidateVirtualService`, `validateHTTPRedirect`, `validateHTTPDirectResponse`, `validateHTTPRewrite`, `validateCORSPolicy`, `validateTLSRoute`, `validateTCPRoute`, `validateExportTo`, `validateGatewayNames`",
            What = "A VirtualService setting Istio rejects: no rules at all; host `*` applied to the mesh; a gateway reference that is neither `mesh`, `namespace/name` nor a host; `exportTo` entries that are not `.`, `*` or a namespace, repeat, or mix `*` with others; a redirect with both `Uri` and `PrefixRewrite`, with nothing to change, with a code outside 3xx or a scheme other than http/https; a direct response status outside 200-599 or a body over 1 MB; a rewrite that changes nothing or mixes `Uri` with a regex rewrite; CORS methods, headers or origins Istio does not accept, or a `MaxAge` that is not whole seconds; TLS rules without SNI hosts of the VirtualService; TCP and TLS rules without destinations.",
            Why = "The API server rejects the VirtualService, so none of its rules reach the mesh.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, MatchUri(Prefix = "/old"), Redirect(Uri = "/new", RedirectCode = 200)] public partial class Moved { }
            [HttpRoute, RouteTo<V1>] public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, MatchUri(Prefix = "/old"), Redirect(Uri = "/new", RedirectCode = 301)] public partial class Moved { }
            [HttpRoute, RouteTo<V1>] public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.InvalidYaml, "Istio YAML its schema does not accept", "{0}", RuleCategory.Validation, RuleSeverity.Error,
            "YAML that does not parse, a field Istio's schema does not have (the API server would drop it), or a value of the wrong type.")
        {
            Fixable = false,
            IstioAnalyzer = "IST0106",
            IstioSource = "The CRDs' structural schemas, as a strict API server decode applies them",
            What = """
        In Istio YAML read by `meshdsl analyze`: YAML that does not parse, a field the kind's schema does not have at that place (a typo such as `timeoutt`, or a field at the wrong level), or a value of the wrong type (`weight: lots`). Also a key written twice in one mapping, an alias whose anchor is not defined before it or encloses it (a loop), and aliases that expand one document by more than a million nodes. A YAML merge key (`<<`) is reported too: kubectl merges the fields it names, meshdsl does not read them, so its checks would miss them.
        """,
            Why = """
        The API server silently drops unknown fields, so a misspelt `timeout` leaves the route without one, and `kubectl apply` reports success. Values of the wrong type are rejected. A key written twice keeps one of its values, silently, in most YAML tools; a strict decode refuses it. Aliases that loop or multiply a document a millionfold are how a small file exhausts the memory of whatever reads it.
        """,
            Bad = null,
            Good = null,
            Note = """
        The example is YAML, not C#: `meshdsl analyze` reports it at the line of the field.

        ```yaml
        spec:
          http:
          - route:
            - destination:
                host: reviews
            timeoutt: 10s   # MESH019: unknown field
        ```
        """,
        },
        new(RuleIds.InvalidServiceEntry, "ServiceEntry Istio rejects", "{0}", RuleCategory.Validation, RuleSeverity.Error,
            "Hosts, addresses, ports, endpoints and resolution of a ServiceEntry as Istio's webhook validates them.")
        {
            Fixable = false,
            IstioAnalyzer = "IST0106",
            IstioSource = "`ValidateServiceEntry`, `validateExportTo`",
            What = "A ServiceEntry Istio rejects: no hosts, or the host `*`; an address that is neither an IP nor a CIDR block; a port without a name; endpoints and a `workloadSelector` together; endpoints or a workload selector with resolution `NONE` (the default); a `STATIC` endpoint whose address is not an IP or a `unix://` socket; CIDR addresses, or wildcard hosts without endpoints, with `DNS` resolution; more than one endpoint with `DNS_ROUND_ROBIN`; an endpoint port naming no port of the entry; `exportTo` entries that are not `.`, `*`, `~` or a namespace, or that mix `~` or `*` with others. Names, hosts and port numbers are MESH004, MESH005 and MESH010's.",
            Why = "The API server rejects the ServiceEntry: the external host stays unknown to the mesh, and with `outboundTrafficPolicy: REGISTRY_ONLY` every call to it fails.",
            Bad = """
        using MeshDsl;

        [ServiceEntry("payments-api", Hosts = new[] { "*.payments.example.com" }, Resolution = ServiceEntryResolution.Dns)]
        [ServiceEntryPort(443, "https", ServerProtocol.Tls)]
        public partial class PaymentsApi { }
        """,
            Good = """
        using MeshDsl;

        [ServiceEntry("payments-api", Hosts = new[] { "api.payments.example.com" }, Resolution = ServiceEntryResolution.Dns)]
        [ServiceEntryPort(443, "https", ServerProtocol.Tls)]
        public partial class PaymentsApi { }
        """,
            Note = null,
        },
        new(RuleIds.UnknownReference, "Reference to something the model does not define", "'{0}' is not {1}", RuleCategory.Routing, RuleSeverity.Error,
            "A destination, mirror, gateway or delegate must name something the model defines; a host outside the model uses the *Host form (IST0101).")
        {
            Fixable = false,
            IstioAnalyzer = "IST0101",
            IstioSource = "`istioctl analyze` IST0101 (ReferencedResourceNotFound)",
            What = """
        A reference to something the model does not define: `RouteTo`, `Mirror` or `MirrorTo` naming a class that is neither a `[Subset]` nor a `[MeshService]`; `Gateways` naming a class that is not a `[Gateway]`; `Delegate` naming a class that is not a `[VirtualService]`; a string subset (`RouteToHost("reviews", Subset = "v9")`) that the service's DestinationRule does not define; header operations aimed at a destination the rule does not route to.
        """,
            Why = "A route to a host or subset that does not exist sends traffic nowhere: Envoy answers 503 `no healthy upstream`. Referencing subsets by type means renaming or deleting one breaks the build instead.",
            Bad = """
        using MeshDsl;

        public class Helpers { }

        [MeshService("reviews")]
        public partial class Reviews
        {
            [HttpRoute, RouteTo<Helpers>] public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, MatchUri(Prefix = "/status"), RouteToHost("httpbin.org")] public partial class External { }

            [HttpRoute, RouteTo<V1>] public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.UnreachableRule, "Unreachable rule", "Rule '{0}' can never match: {1}", RuleCategory.Routing, RuleSeverity.Warning,
            "A rule after one that matches all traffic, or whose matches are all taken by earlier rules, never runs (IST0130).")
        {
            Fixable = false,
            IstioAnalyzer = "IST0130",
            IstioSource = "`analyzeUnreachableHTTPRules`, `istioctl analyze` IST0130",
            What = "A rule that can never match: it comes after a rule with no match (or one matching every request, such as `uri prefix /`), or every one of its match blocks is covered by earlier rules.",
            Why = "The first matching rule wins, so the rule's configuration is dead: a canary or a test route that never receives traffic.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
            [HttpRoute, RouteTo<V1>] public partial class Default { }

            [HttpRoute, MatchHeader("x-user-group", Exact = "beta"), RouteTo<V2>] public partial class Beta { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
            [HttpRoute, MatchHeader("x-user-group", Exact = "beta"), RouteTo<V2>] public partial class Beta { }

            [HttpRoute, RouteTo<V1>] public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.IneffectiveMatch, "Ineffective match", "A match block of rule '{0}' is covered by {1} in rule '{2}', which comes first: requests it matches never reach it", RuleCategory.Routing, RuleSeverity.Warning,
            "A match block covered by an earlier rule's match has no effect (IST0131).")
        {
            Fixable = false,
            IstioAnalyzer = "IST0131",
            IstioSource = "`analyzeUnreachableHTTPRules`, `istioctl analyze` IST0131",
            What = "A match block covered by a match of an earlier rule: an identical match, or a broader one (an earlier `uri prefix /api` covers a later `uri prefix /api/v2` with the same other conditions).",
            Why = "Requests it matches are taken by the earlier rule, so the block has no effect; usually the rules are in the wrong order.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
            [HttpRoute, MatchUri(Prefix = "/api"), RouteTo<V1>] public partial class Api { }

            [HttpRoute, MatchUri(Prefix = "/api/v2"), RouteTo<V2>] public partial class ApiV2 { }

            [HttpRoute, RouteTo<V1>] public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
            [HttpRoute, MatchUri(Prefix = "/api/v2"), RouteTo<V2>] public partial class ApiV2 { }

            [HttpRoute, MatchUri(Prefix = "/api"), RouteTo<V1>] public partial class Api { }

            [HttpRoute, RouteTo<V1>] public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.WeightsNot100, "Weights do not add up to 100", "The weights of rule '{0}' add up to {1}, not 100: Istio treats them as relative shares", RuleCategory.Routing, RuleSeverity.Warning,
            "Istio divides traffic by weight / total; a total other than 100 is usually a mistake in a rollout step.")
        {
            Fixable = true,
            IstioSource = "virtual_service.proto `HTTPRouteDestination.weight` (weights are relative)",
            What = "The weights of a rule's destinations add up to something other than 100. Istio accepts it and treats weights as relative shares, so 90 and 20 send 82% and 18%.",
            Why = "A sum other than 100 is almost always a mistake in a rollout step. The code fix rebalances the weights to add up to 100, keeping their proportions. A warning; set it to `none` in `.editorconfig` if you use relative weights on purpose.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
            [HttpRoute, RouteTo<V1>(Weight = 90), RouteTo<V2>(Weight = 20)] public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
            [HttpRoute, RouteTo<V1>(Weight = 90), RouteTo<V2>(Weight = 10)] public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.HostNotInGateway, "VirtualService host not served by its gateway", "Gateway '{0}' serves none of the hosts of VirtualService '{1}' ({2}): traffic through the gateway never reaches these rules", RuleCategory.Routing, RuleSeverity.Warning,
            "A VirtualService bound to a gateway applies only to the hosts the gateway's servers serve (IST0132).")
        {
            Fixable = false,
            IstioAnalyzer = "IST0132",
            IstioSource = "`istioctl analyze` IST0132 (VirtualServiceHostNotFoundInGateway)",
            What = "A VirtualService bound to a Gateway (in the model) whose servers serve none of the VirtualService's hosts.",
            Why = "The gateway only applies the VirtualService to hosts it serves, so none of these rules take effect at the edge.",
            Bad = """
        using MeshDsl;

        [Gateway("edge", Selector = new[] { "istio=ingress" })]
        public partial class Edge
        {
            [Server(80, ServerProtocol.Http, Hosts = new[] { "shop.example.com" })] public partial class Http { }
        }

        [VirtualService("api", Hosts = new[] { "api.example.com" }, Gateways = new[] { typeof(Edge) })]
        public partial class Api
        {
            [HttpRoute, RouteToHost("api-backend")] public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [Gateway("edge", Selector = new[] { "istio=ingress" })]
        public partial class Edge
        {
            [Server(80, ServerProtocol.Http, Hosts = new[] { "shop.example.com", "api.example.com" })] public partial class Http { }
        }

        [VirtualService("api", Hosts = new[] { "api.example.com" }, Gateways = new[] { typeof(Edge) })]
        public partial class Api
        {
            [HttpRoute, RouteToHost("api-backend")] public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.PortRequired, "Destination port required", "'{0}' exposes several ports ({1}): set Port on this destination", RuleCategory.Routing, RuleSeverity.Error,
            "A route to a service with more than one port must say which port it uses (IST0112).")
        {
            Fixable = false,
            IstioAnalyzer = "IST0112",
            IstioSource = "`istioctl analyze` IST0112 (VirtualServiceDestinationPortSelectorRequired)",
            What = "A route to a service that declares several ports (`Ports = new[] { ... }`) without `Port` on the destination.",
            Why = "Istio cannot tell which port the route means; the route is rejected by `istioctl analyze` and behaves unpredictably.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews", Ports = new[] { 9080, 9443 })]
        public partial class Reviews
        {
            [HttpRoute, RouteTo<Reviews>] public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews", Ports = new[] { 9080, 9443 })]
        public partial class Reviews
        {
            [HttpRoute, RouteTo<Reviews>(Port = 9080)] public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.HeaderNotLowerCase, "Header name not lower case", "Header name '{0}' is not lower case: Envoy sees header names in lower case, so this never matches; use '{1}'", RuleCategory.Routing, RuleSeverity.Warning,
            "Header keys in matches must be lower case (virtual_service.proto).")
        {
            Fixable = true,
            IstioSource = """
        virtual_service.proto `HTTPMatchRequest.headers`: "header keys must be lowercase"
        """,
            What = "A header match (`MatchHeader`, `MatchWithoutHeader`) whose name is not lower case. Istio's webhook accepts it, but Envoy sees header names in lower case, so the match never matches.",
            Why = "The rule silently never applies; a beta route that nobody reaches. The code fix lower-cases the name.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
            [HttpRoute, MatchHeader("X-User-Group", Exact = "beta"), RouteTo<V2>] public partial class Beta { }

            [HttpRoute, RouteTo<V1>] public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
            [HttpRoute, MatchHeader("x-user-group", Exact = "beta"), RouteTo<V2>] public partial class Beta { }

            [HttpRoute, RouteTo<V1>] public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.FaultOnAllTraffic, "Fault injection on all traffic", "Rule '{0}' injects faults into all of its traffic: add a match (a header such as x-chaos-test) so that only test traffic is hit", RuleCategory.Routing, RuleSeverity.Warning,
            "Fault injection without a match hits every user; the seed's advice is to target test traffic.")
        {
            Fixable = false,
            IstioSource = "The seed's advice: target fault injection at test traffic",
            What = "Fault injection (`FaultDelay`, `FaultAbort`) on a rule with no match, so every request of every user is delayed or failed at the given percentage.",
            Why = "Chaos testing in production should hit test traffic only: match a header your tests send, such as `x-chaos-test`.",
            Bad = """
        using MeshDsl;

        [MeshService("ratings")]
        public partial class Ratings
        {
            [Subset("v1")] public partial class V1 { }

            [HttpRoute, FaultDelay("5s", Percentage = 50), RouteTo<V1>] public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("ratings")]
        public partial class Ratings
        {
            [Subset("v1")] public partial class V1 { }

            [HttpRoute, MatchHeader("x-chaos-test", Exact = "true"), FaultDelay("5s", Percentage = 50), RouteTo<V1>] public partial class Chaos { }

            [HttpRoute, RouteTo<V1>] public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.MirrorToOwnDestination, "Mirror to the rule's own destination", "Rule '{0}' mirrors to {1}, which it also routes to: that destination gets every mirrored request twice", RuleCategory.Routing, RuleSeverity.Warning,
            "Mirroring is for shadow traffic to another version.")
        {
            Fixable = false,
            IstioSource = "virtual_service.proto `HTTPRoute.mirror`",
            What = "A rule that mirrors traffic to a destination it also routes to.",
            Why = "That destination receives every mirrored request twice: once served, once as fire-and-forget shadow traffic. Mirroring is for testing another version.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
            [HttpRoute, RouteTo<V1>, Mirror<V1>(Percentage = 100)] public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
            [HttpRoute, RouteTo<V1>, Mirror<V2>(Percentage = 100)] public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.SubsetsIgnoredAtIngress, "Subset routing ignored at the ingress gateway", "{0}", RuleCategory.Routing, RuleSeverity.Warning,
            "A gateway-bound VirtualService that routes to a host without a subset, while the host's own VirtualService routes by subset: requests through the gateway skip that subset routing (IST0140).")
        {
            Fixable = false,
            IstioAnalyzer = "IST0140",
            IstioSource = "`istioctl analyze` IST0140 (IngressRouteRulesNotAffected), `virtualservice/destinationhosts.go`",
            What = """
        A VirtualService bound to a gateway routes to a service without naming a subset, while the service's own VirtualService (the one whose `hosts` hold it) splits its traffic by subset.
        """,
            Why = """
        Route rules of a service apply to requests from sidecars, not to what an ingress gateway forwards: requests through the gateway go to every version of the service, so a canary at 5% takes whatever share its pods happen to get. Route to the subsets in the gateway-bound VirtualService too.
        """,
            Bad = """
        using MeshDsl;

        [Gateway("edge", Selector = new[] { "istio=ingress" })]
        public partial class Edge { [Server(80, ServerProtocol.Http, Hosts = new[] { "reviews.example.com" })] public partial class Http { } }

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
            [HttpRoute, RouteTo<V1>(Weight = 90), RouteTo<V2>(Weight = 10)] public partial class Split { }
        }

        [VirtualService("reviews-edge", Hosts = new[] { "reviews.example.com" }, Gateways = new[] { typeof(Edge) })]
        public partial class ReviewsEdge { [HttpRoute, RouteTo<Reviews>] public partial class All { } }
        """,
            Good = """
        using MeshDsl;

        [Gateway("edge", Selector = new[] { "istio=ingress" })]
        public partial class Edge { [Server(80, ServerProtocol.Http, Hosts = new[] { "reviews.example.com" })] public partial class Http { } }

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
            [HttpRoute, RouteTo<V1>(Weight = 90), RouteTo<V2>(Weight = 10)] public partial class Split { }
        }

        [VirtualService("reviews-edge", Hosts = new[] { "reviews.example.com" }, Gateways = new[] { typeof(Edge) })]
        public partial class ReviewsEdge { [HttpRoute, RouteTo<Reviews.V1>(Weight = 90), RouteTo<Reviews.V2>(Weight = 10)] public partial class All { } }
        """,
            Note = null,
        },
        new(RuleIds.UnknownHost, "Host the mesh does not define", "{0}", RuleCategory.Routing, RuleSeverity.Warning,
            "A destination or DestinationRule host that no Kubernetes Service, ServiceEntry or [MeshService] defines, once the mesh's Services and ServiceEntries are known (IST0101, IST0174).")
        {
            Fixable = false,
            IstioAnalyzer = "IST0101, IST0174",
            IstioSource = "`istioctl analyze` IST0101 (ReferencedResourceNotFound, `virtualservice/destinationhosts.go`) and IST0174 (UnknownDestinationRuleHost, `destinationrule/subset.go`)",
            What = """
        A route or mirror destination (`RouteToHost`, `MirrorHost`, a `destination.host` in YAML) or a DestinationRule whose host no Kubernetes Service, Istio ServiceEntry or `[MeshService]` of the mesh defines. It runs once the mesh's hosts are known: when the workload YAML (`MeshDslWorkloads`, or the files `meshdsl analyze` reads) holds at least one Service or ServiceEntry.
        """,
            Why = """
        A request routed to a host that does not exist finds no endpoint (503 `no healthy upstream`), and a DestinationRule for such a host applies to nothing. An external host needs a ServiceEntry for the mesh to route to it.
        """,
            Bad = null,
            Good = null,
            Note = """
        The example needs the workload YAML beside the C#; see the tests (`UnknownHost`). With `k8s/services.yaml` holding the Services `reviews` and `ratings`:

        ```csharp
        [HttpRoute, RouteToHost("reviewz")] // MESH111: no Service, ServiceEntry or [MeshService] defines reviewz
        public partial class Default { }
        ```
        """,
        },
        new(RuleIds.InternalGatewayReference, "VirtualService bound to a generated Gateway", "{0}", RuleCategory.Routing, RuleSeverity.Warning,
            "A VirtualService bound to a Gateway Istio generates from a Kubernetes Gateway API gateway (IST0165).")
        {
            Fixable = false,
            IstioAnalyzer = "IST0165",
            IstioSource = "`istioctl analyze` IST0165 (ReferencedInternalGateway), `virtualservice/gateways.go`",
            What = """
        A gateway reference (`ExternalGateways`, or `gateways` in YAML) to a Gateway whose name Istio generates for a Gateway API gateway and listener (`<gateway>-istio-autogenerated-k8s-gateway-<listener>`).
        """,
            Why = """
        Those Gateways are Istio's internal translation: they change name or disappear when the Gateway API gateway changes, and the VirtualService silently stops applying at the edge.
        """,
            Bad = """
        using MeshDsl;

        [VirtualService("shop", Hosts = new[] { "shop.example.com" }, ExternalGateways = new[] { "istio-system/web-istio-autogenerated-k8s-gateway-http" })]
        public partial class Shop { [HttpRoute, RouteToHost("frontend")] public partial class Default { } }
        """,
            Good = """
        using MeshDsl;

        [VirtualService("shop", Hosts = new[] { "shop.example.com" }, ExternalGateways = new[] { "istio-system/web-gateway" })]
        public partial class Shop { [HttpRoute, RouteToHost("frontend")] public partial class Default { } }
        """,
            Note = null,
        },
        new(RuleIds.RetriesOnNonIdempotent, "Retries on non-idempotent methods", "Rule '{0}' retries requests it serves with {1}: a retried write can run twice; use Retries(0) on this rule", RuleCategory.Resilience, RuleSeverity.Warning,
            "Retrying POST, PUT, PATCH or DELETE can apply a write twice (the seed's critical warning).")
        {
            Fixable = true,
            IstioSource = "The seed's critical warning on retries",
            What = "Retries on a rule whose matches serve POST, PUT, PATCH or DELETE.",
            Why = "A retried write can be applied twice: a double charge, a duplicate order. The code fix sets `Retries(0)`.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, MatchMethod(RequestMethod.Post), RouteTo<V1>, Retries(3, PerTryTimeout = "2s")] public partial class Writes { }

            [HttpRoute, RouteTo<V1>] public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, MatchMethod(RequestMethod.Post), RouteTo<V1>, Retries(0)] public partial class Writes { }

            [HttpRoute, RouteTo<V1>] public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.UnsafeRetryOn, "Unsafe retry conditions for non-idempotent methods", "Rule '{0}' serves every method, POST, PUT, PATCH and DELETE included, and retries on '{1}': the upstream may have processed the request already; match idempotent methods only, or retry only on connect-failure and refused-stream", RuleCategory.Resilience, RuleSeverity.Warning,
            "503, 5xx and reset can come after the upstream acted on the request.")
        {
            Fixable = false,
            IstioSource = "The seed's advice on `retryOn`",
            What = "`503`, `5xx` or `reset` in `retryOn` on a rule that serves every method, writes included.",
            Why = "These conditions can follow a request the upstream already processed (the connection reset after the write). Restrict the rule to idempotent methods, or retry only on `connect-failure` and `refused-stream`, which happen before the request reaches the upstream.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, RouteTo<V1>, Retries(2, PerTryTimeout = "2s", RetryOn = new[] { RetryOn.ConnectFailure, RetryOn.Status503 })]
            public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, RouteTo<V1>, Retries(2, PerTryTimeout = "2s", RetryOn = new[] { RetryOn.ConnectFailure, RetryOn.RefusedStream })]
            public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.RetryBudget, "Retry budget exceeds the timeout", "{0} tries of {1} take up to {2}, longer than the rule's timeout of {3}: use a perTryTimeout of at most {4}", RuleCategory.Resilience, RuleSeverity.Warning,
            "perTryTimeout x (attempts + 1) must fit the route's timeout, or the last tries are cut off.")
        {
            Fixable = true,
            IstioSource = "The seed's retry budget: `perTryTimeout x (attempts + 1) <= timeout`",
            What = "A per-try timeout that cannot fit the rule's timeout: with 3 retries, 4 tries of 3s need 12s, more than a 10s timeout.",
            Why = "The overall timeout cuts the last tries off, so the retries you configured never happen and callers see timeouts instead. The code fix shrinks `PerTryTimeout` to fit.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute(Timeout = "10s"), RouteTo<V1>, Retries(3, PerTryTimeout = "3s")]
            public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute(Timeout = "10s"), RouteTo<V1>, Retries(3, PerTryTimeout = "2500ms")]
            public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.TooManyAttempts, "Too many retry attempts", "{0} retry attempts multiply load on a struggling service: use at most 3 on a synchronous route", RuleCategory.Resilience, RuleSeverity.Warning,
            "Each retry adds load where the service is already failing; the seed recommends at most 3.")
        {
            Fixable = false,
            IstioSource = "The seed's advice: at most 3 attempts on a synchronous route",
            What = "More than 3 retry attempts on an HTTP rule.",
            Why = "During an outage every attempt is extra load on the failing service: 5 retries turn 100 requests per second into 600.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, RouteTo<V1>, Retries(5, PerTryTimeout = "1s")] public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, RouteTo<V1>, Retries(3, PerTryTimeout = "1s")] public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.Retriable4xx, "retriable-4xx retries 409 Conflict", "'retriable-4xx' retries 409 Conflict responses: keep it only where a 409 is transient", RuleCategory.Resilience, RuleSeverity.Info,
            "retriable-4xx retries 409, which is only right for optimistic-concurrency conflicts.")
        {
            Fixable = false,
            IstioSource = "Envoy's `retriable-4xx` (retries 409)",
            What = "`retriable-4xx` in `retryOn`.",
            Why = "It retries 409 Conflict, which is only right where a conflict is transient (optimistic concurrency). An informational message; keep it where that holds.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, RouteTo<V1>, Retries(2, RetryOn = new[] { RetryOn.ConnectFailure, RetryOn.Retriable4xx })] public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, RouteTo<V1>, Retries(2, RetryOn = new[] { RetryOn.ConnectFailure })] public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.DefaultRetriesOnNonIdempotent, "Non-idempotent route inherits default retries", "Rule '{0}' serves {1} without a retry policy, so it inherits Istio's default of 2 retries: add [Retries(0)]", RuleCategory.Resilience, RuleSeverity.Warning,
            "Istio retries twice by default; say attempts: 0 explicitly on routes for writes.")
        {
            Fixable = true,
            IstioSource = "Istio's default retry policy (2 attempts)",
            What = "A rule whose matches serve POST, PUT, PATCH or DELETE and that has no `Retries` attribute.",
            Why = "Istio retries twice by default, so the write is retried although nothing in the configuration says so. The code fix adds `[Retries(0)]`.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, MatchMethod(RequestMethod.Delete), RouteTo<V1>] public partial class Deletes { }

            [HttpRoute, RouteTo<V1>] public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [HttpRoute, MatchMethod(RequestMethod.Delete), RouteTo<V1>, Retries(0)] public partial class Deletes { }

            [HttpRoute, RouteTo<V1>] public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.OutlierOutsideRecommended, "Outlier detection outside recommended ranges", "{0} = {1} is outside the recommended range {2}", RuleCategory.Policy, RuleSeverity.Info,
            "The seed's recommended values for outlier detection.")
        {
            Fixable = false,
            IstioSource = "The seed's table of outlier detection values",
            What = "Outlier detection outside the recommended ranges: `consecutive5xxErrors` 3-5, `interval` 10-30s, `baseEjectionTime` 30-60s, `maxEjectionPercent` 30-50%, `minHealthPercent` 30%, `consecutiveLocalOriginFailures` 3-5.",
            Why = "Too eager and healthy pods are ejected on one bad request; too lax and a broken pod keeps its share of traffic. Informational: tune it in `.editorconfig` or acknowledge it where you have measured otherwise.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        [OutlierDetection(Consecutive5xxErrors = 1, Interval = "10s", BaseEjectionTime = "30s", MaxEjectionPercent = 50)]
        public partial class Reviews { }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        [OutlierDetection(Consecutive5xxErrors = 5, Interval = "10s", BaseEjectionTime = "30s", MaxEjectionPercent = 50)]
        public partial class Reviews { }
        """,
            Note = null,
        },
        new(RuleIds.LocalOriginWithoutSplit, "consecutiveLocalOriginFailures without splitExternalLocalOriginErrors", "ConsecutiveLocalOriginFailures needs SplitExternalLocalOriginErrors = true: Istio rejects it otherwise", RuleCategory.Policy, RuleSeverity.Error,
            "Local-origin failures are counted only when split from upstream errors.")
        {
            Fixable = false,
            IstioAnalyzer = "IST0106",
            IstioSource = "`validateOutlierDetection`",
            What = "`ConsecutiveLocalOriginFailures` without `SplitExternalLocalOriginErrors = true`.",
            Why = "Istio rejects it: local-origin failures (connection errors) are only counted apart when they are split from upstream errors.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        [OutlierDetection(Consecutive5xxErrors = 5, ConsecutiveLocalOriginFailures = 5)]
        public partial class Reviews { }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        [OutlierDetection(Consecutive5xxErrors = 5, ConsecutiveLocalOriginFailures = 5, SplitExternalLocalOriginErrors = true)]
        public partial class Reviews { }
        """,
            Note = null,
        },
        new(RuleIds.LoadBalancerConflict, "Conflicting load balancer or policy settings", "{0}", RuleCategory.Policy, RuleSeverity.Error,
            "A load balancer takes one of simple, consistentHash and backendUtilization; a consistent hash one key and one ring, with a named cookie.")
        {
            Fixable = false,
            IstioAnalyzer = "IST0106",
            IstioSource = "CRD `oneOf` on `loadBalancer` and `consistentHash`, `validateLoadBalancer`",
            What = "Load balancer settings that conflict: more than one of `simple`, `consistentHash` and `backendUtilization`; a consistent hash with no key, several keys or several rings; a cookie hash without the cookie's name; a Maglev table size that is not a prime below 5000011; locality and zone-aware settings together; locality `distribute` and `failover` together, or distribute weights that do not add up to 100; `Tunnel` with `ProxyProtocol`.",
            Why = "Istio rejects the resource.",
            Bad = """
        using MeshDsl;

        [MeshService("user-service")]
        [LoadBalancer(LoadBalancing.RoundRobin)]
        [ConsistentHash(HttpHeaderName = "x-user-id")]
        public partial class UserService { }
        """,
            Good = """
        using MeshDsl;

        [MeshService("user-service")]
        [ConsistentHash(HttpHeaderName = "x-user-id")]
        public partial class UserService { }
        """,
            Note = null,
        },
        new(RuleIds.EmptyPolicy, "Empty traffic policy", "[{0}] sets nothing and has no effect: set at least one of its values, or remove it", RuleCategory.Policy, RuleSeverity.Warning,
            "An empty policy section is rejected by Istio or ignored.")
        {
            Fixable = false,
            IstioAnalyzer = "IST0106",
            IstioSource = "`validateConnectionPool`, `validateTrafficPolicy` (a policy needs at least one field)",
            What = "A `[ConnectionPool]` or `[OutlierDetection]` that sets nothing.",
            Why = "It has no effect: MeshDsl writes nothing for it, and Istio would reject an empty section. Set a value or remove the attribute.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        [ConnectionPool]
        public partial class Reviews { }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        [ConnectionPool(MaxConnections = 100)]
        public partial class Reviews { }
        """,
            Note = null,
        },
        new(RuleIds.UnroutedSubset, "Subset not routed to", "Subset '{0}' of '{1}' gets no traffic: no rule in this project routes or mirrors to it", RuleCategory.Policy, RuleSeverity.Info,
            "A subset that nothing routes to is a version that receives no traffic.")
        {
            Fixable = false,
            IstioSource = "DestinationRule subsets and the routes that use them",
            What = "A subset that no rule of the project routes or mirrors to.",
            Why = "A version that receives no traffic is usually left over from a finished rollout, or the route to it has a typo. Informational, since a VirtualService outside the project may route to it.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
            [HttpRoute, RouteTo<V1>] public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
            [HttpRoute, RouteTo<V1>(Weight = 90), RouteTo<V2>(Weight = 10)] public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.InvalidTrafficPolicy, "DestinationRule setting Istio rejects", "{0}", RuleCategory.Policy, RuleSeverity.Error,
            "Connection pool, outlier detection, consistent hash, locality, warm-up, tunnel and client TLS settings as Istio's webhook and CRD validate them.")
        {
            Fixable = false,
            IstioAnalyzer = "IST0106",
            IstioSource = "`validateTrafficPolicy`, `validateConnectionPool`, `validateOutlierDetection`, `validateLoadBalancer`, `ValidateLocalityLbSetting`, `validateTunnelSettings`, `ValidateTLS`, `validateExportTo`, CRD ranges",
            What = "A DestinationRule setting Istio rejects that the narrower rules do not cover: negative connection-pool limits or outlier counts; `UseClientProtocol` with `H2UpgradePolicy.Upgrade`; half an HTTP/2 keep-alive; outlier error codes outside 100-599; unnamed or repeated cookie attributes; a warm-up without a duration or with aggression 0; locality failover that names zones or wildcards, or that is combined with a topology label in `FailoverPriority`; malformed localities; a tunnel target that is neither an FQDN nor an IP; client TLS that misses its certificate for `MUTUAL`, mixes a credential with files, or skips the verification it also configures; a workload selector with wildcards or exported beyond its namespace.",
            Why = "The API server rejects the DestinationRule, and with it every subset the routes use.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews")]
        [ConnectionPool(Http2MaxRequests = 100, H2UpgradePolicy = H2UpgradePolicy.Upgrade, UseClientProtocol = true)]
        public partial class Reviews { }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews")]
        [ConnectionPool(Http2MaxRequests = 100, H2UpgradePolicy = H2UpgradePolicy.Upgrade)]
        public partial class Reviews { }
        """,
            Note = null,
        },
        new(RuleIds.NoServerCertificateVerification, "Client TLS without server certificate verification", "{0}", RuleCategory.Policy, RuleSeverity.Warning,
            "SIMPLE or MUTUAL client TLS without CaCertificates does not verify the server's certificate (IST0128, IST0129).")
        {
            Fixable = false,
            IstioAnalyzer = "IST0128, IST0129",
            IstioSource = "`istioctl analyze` IST0128 and IST0129 (NoServerCertificateVerification), `destinationrule/ca-certificates.go`",
            What = """
        Client TLS (`[ClientTls(ClientTlsMode.Simple)]` or `Mutual`) without `CaCertificates`, on the service, a port or a subset, unless a `CredentialName` with a `WorkloadSelector` supplies the CA, or `InsecureSkipVerify` says so on purpose. Istio's analyzer checks the service and port levels; MeshDsl checks subsets too.
        """,
            Why = """
        The sidecar encrypts the connection but accepts any certificate the server presents, so a man in the middle is not detected.
        """,
            Bad = """
        using MeshDsl;

        [MeshService("db"), ClientTls(ClientTlsMode.Simple)]
        public partial class Db { }
        """,
            Good = """
        using MeshDsl;

        [MeshService("db"), ClientTls(ClientTlsMode.Simple, CaCertificates = "/etc/certs/ca.pem")]
        public partial class Db { }
        """,
            Note = null,
        },
        new(RuleIds.TlsServerWithoutTls, "TLS server without TLS settings", "{0}", RuleCategory.Gateways, RuleSeverity.Error,
            "HTTPS and TLS servers need a TLS mode, and SIMPLE or MUTUAL a certificate.")
        {
            Fixable = false,
            IstioAnalyzer = "IST0106",
            IstioSource = "`validateTLSOptions`, gateway.proto `ServerTLSSettings`",
            What = "An HTTPS or TLS server without a TLS mode, or a `SIMPLE`, `MUTUAL` or `OPTIONAL_MUTUAL` server without a certificate (`CredentialName`, `CredentialNames`, `[ServerTlsCertificate]`, or `ServerCertificate` and `PrivateKey`).",
            Why = "Istio rejects the Gateway, or the listener has no certificate to serve.",
            Bad = """
        using MeshDsl;

        [Gateway("edge", Selector = new[] { "istio=ingress" })]
        public partial class Edge
        {
            [Server(443, ServerProtocol.Https, Hosts = new[] { "shop.example.com" })]
            public partial class Https { }
        }
        """,
            Good = """
        using MeshDsl;

        [Gateway("edge", Selector = new[] { "istio=ingress" })]
        public partial class Edge
        {
            [Server(443, ServerProtocol.Https, Hosts = new[] { "shop.example.com" })]
            [ServerTls(ServerTlsMode.Simple, CredentialName = "shop-tls")]
            public partial class Https { }
        }
        """,
            Note = null,
        },
        new(RuleIds.HttpsRedirectNotHttp, "httpsRedirect on a server that is not plain HTTP", "HttpsRedirect is for plain HTTP servers; this {0} server on port {1} never sees plain HTTP", RuleCategory.Gateways, RuleSeverity.Warning,
            "httpsRedirect answers plain HTTP requests with a redirect to HTTPS.")
        {
            Fixable = false,
            IstioAnalyzer = "IST0133",
            IstioSource = "gateway.proto `ServerTLSSettings.httpsRedirect`",
            What = "`HttpsRedirect` on a server whose protocol is not plain HTTP.",
            Why = "The redirect answers plain HTTP requests; an HTTPS or TLS server never receives one, so the setting does nothing.",
            Bad = """
        using MeshDsl;

        [Gateway("edge", Selector = new[] { "istio=ingress" })]
        public partial class Edge
        {
            [Server(443, ServerProtocol.Https, Hosts = new[] { "shop.example.com" })]
            [ServerTls(ServerTlsMode.Simple, CredentialName = "shop-tls", HttpsRedirect = true)]
            public partial class Https { }
        }
        """,
            Good = """
        using MeshDsl;

        [Gateway("edge", Selector = new[] { "istio=ingress" })]
        public partial class Edge
        {
            [Server(80, ServerProtocol.Http, Hosts = new[] { "shop.example.com" }), ServerTls(HttpsRedirect = true)]
            public partial class Http { }

            [Server(443, ServerProtocol.Https, Hosts = new[] { "shop.example.com" })]
            [ServerTls(ServerTlsMode.Simple, CredentialName = "shop-tls")]
            public partial class Https { }
        }
        """,
            Note = null,
        },
        new(RuleIds.ConflictingServers, "Servers conflict", "Port {0} host '{1}' is also served by {2}: Istio cannot tell which server a connection is for", RuleCategory.Gateways, RuleSeverity.Error,
            "Two servers on the same pods, port and host conflict (IST0145).")
        {
            Fixable = false,
            IstioAnalyzer = "IST0145",
            IstioSource = "`istioctl analyze` IST0145 (ConflictingGateways)",
            What = "Two servers, in one Gateway or in Gateways that select the same pods, on the same port and bind address with overlapping hosts.",
            Why = "The gateway pods cannot tell which server a connection is for; one of them is ignored.",
            Bad = """
        using MeshDsl;

        [Gateway("edge", Selector = new[] { "istio=ingress" })]
        public partial class Edge
        {
            [Server(80, ServerProtocol.Http, Hosts = new[] { "*.example.com" })] public partial class All { }

            [Server(80, ServerProtocol.Http, Hosts = new[] { "shop.example.com" })] public partial class Shop { }
        }
        """,
            Good = """
        using MeshDsl;

        [Gateway("edge", Selector = new[] { "istio=ingress" })]
        public partial class Edge
        {
            [Server(80, ServerProtocol.Http, Hosts = new[] { "*.example.com" })] public partial class All { }
        }
        """,
            Note = null,
        },
        new(RuleIds.InvalidServer, "Gateway server Istio rejects", "{0}", RuleCategory.Gateways, RuleSeverity.Error,
            "A server has hosts (namespace/FQDN, no partial wildcards), a bind that is an IP or a unix socket, TLS settings that fit its protocol, and one certificate source.")
        {
            Fixable = false,
            IstioAnalyzer = "IST0106",
            IstioSource = "`ValidateGateway`, `validateServer`, `validateServerBind`, `validateTLSOptions`",
            What = "A Gateway server Istio rejects: a gateway without servers; a server without hosts, with a short (non-FQDN) host, a partial wildcard or a bad namespace part; `TargetPort` set; a bind that is neither an IP nor `unix://` (or a unix socket with a port); TLS settings on a plain server beyond an HTTPS redirect; `ISTIO_MUTUAL` with certificates; more than one certificate source; `SIMPLE` or `MUTUAL` with half a certificate pair, `MUTUAL` without a CA, a CRL where it has no use.",
            Why = "The API server rejects the Gateway, and the edge stops serving every host on it.",
            Bad = """
        using MeshDsl;

        [Gateway("edge", Selector = new[] { "istio=ingress" })]
        public partial class Edge
        {
            [Server(80, ServerProtocol.Http, Hosts = new[] { "shop" })] public partial class Http { }
        }
        """,
            Good = """
        using MeshDsl;

        [Gateway("edge", Selector = new[] { "istio=ingress" })]
        public partial class Edge
        {
            [Server(80, ServerProtocol.Http, Hosts = new[] { "shop.example.com" })] public partial class Http { }
        }
        """,
            Note = null,
        },
        new(RuleIds.GatewayPortNotExposed, "Gateway port the gateway's Service does not expose", "{0}", RuleCategory.Gateways, RuleSeverity.Warning,
            "A Gateway server on a port that the Kubernetes Service in front of the gateway's pods does not expose (IST0162).")
        {
            Fixable = false,
            IstioAnalyzer = "IST0162",
            IstioSource = "`istioctl analyze` IST0162 (GatewayPortNotDefinedOnService), `gateway/gateway.go`",
            What = """
        A Gateway server whose port is neither a port nor a target port of the Service that selects the gateway's pods, when the workload YAML holds those pods (a Deployment whose labels match the Gateway's `Selector`) and that Service.
        """,
            Why = """
        Envoy listens on the port, but nothing routes traffic to it: the Service (the load balancer in front of the ingress gateway) has no such port, so the server never receives a request.
        """,
            Bad = null,
            Good = null,
            Note = """
        The example needs the gateway's workload YAML beside the C#; see the tests (`GatewayPortNotExposed`). With an ingress Service exposing only 80 and 443:

        ```csharp
        [Server(8443, ServerProtocol.Https, Hosts = new[] { "shop.example.com" })] // MESH405
        ```
        """,
        },
        new(RuleIds.SubsetSelectsNothing, "Subset selects no workload", "Subset '{0}' of '{1}' selects no workload: no pods in namespace '{3}' carry {2}; {4}", RuleCategory.Workloads, RuleSeverity.Error,
            "A subset's labels, with its service's selector, must select the pods of a workload in the same namespace, or its traffic gets 503 'no healthy upstream' (IST0173).")
        {
            Fixable = false,
            IstioAnalyzer = "IST0173",
            IstioSource = "`istioctl analyze` IST0173 (DestinationRule subset has no matching workloads)",
            What = """
        A subset whose labels, together with its service's selector (`app=<name>` unless `Selector` says otherwise), select no workload in the service's namespace. Workloads are the Deployments declared in C# (`[Deployment]`) and those read from the project's workload YAML (`<MeshDslWorkloads Include="k8s/**/*.yaml" />`: Deployments, StatefulSets, DaemonSets, ReplicaSets, Argo Rollouts and Pods; a pod template's labels are what count). The message names the labels and the nearest workloads found. Quiet when the project declares no workloads. On the YAML `meshdsl analyze` reads, a DestinationRule's subsets are checked against the pods of the Kubernetes Service of its host, when the files hold that Service.
        """,
            Why = "Traffic routed to the subset has nowhere to go: Envoy answers 503 `no healthy upstream`. `istioctl analyze` finds it after deployment; MeshDsl finds it while you type.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews", Namespace = "bookinfo", Port = 9080)]
        public partial class Reviews
        {
            [Subset("v1"), Deployment("reviews:1.0")] public partial class V1 { }
            [Subset("v2", Labels = new[] { "version=v2-canary" })] public partial class V2 { }
            [Subset("v3")] public partial class V3 { }
            [Subset("v2b"), Deployment("reviews:2.0", Name = "reviews-v2")] public partial class V2b { }
            [HttpRoute, RouteTo<V1>(Weight = 50), RouteTo<V2>(Weight = 50)] public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews", Namespace = "bookinfo", Port = 9080)]
        public partial class Reviews
        {
            [Subset("v1"), Deployment("reviews:1.0")] public partial class V1 { }
            [Subset("v2"), Deployment("reviews:2.0")] public partial class V2 { }
            [HttpRoute, RouteTo<V1>(Weight = 50), RouteTo<V2>(Weight = 50)] public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.SelectorSelectsNothing, "Service selector selects no workload", "Service '{0}' selects no workload: no pods in namespace '{2}' carry {1}; {3}", RuleCategory.Workloads, RuleSeverity.Error,
            "A service's selector must select the pods of a workload in its namespace, or the service has no endpoints.")
        {
            Fixable = false,
            IstioSource = "Kubernetes Service selectors",
            What = "A service whose selector selects no workload in its namespace, when the project declares workloads.",
            Why = "The Kubernetes Service has no endpoints, so every request to it fails.",
            Bad = """
        using MeshDsl;

        // The reviews pods are labelled app=reviews-app (in k8s/reviews.yaml, or elsewhere): the default selector app=reviews misses them.
        [MeshService("reviews")]
        public partial class Reviews
        {
            [HttpRoute, RouteTo<Reviews>] public partial class Default { }
        }

        [MeshService("ratings")]
        public partial class Ratings
        {
            [Subset("v1"), Deployment("ratings:1.0")] public partial class V1 { }
            [HttpRoute, RouteTo<V1>] public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        // Each service declares the Deployment behind it (or its pods carry the selector's labels in the workload YAML).
        [MeshService("reviews", Port = 9080)]
        public partial class Reviews
        {
            [Subset("v1"), Deployment("reviews:1.0")] public partial class V1 { }
            [HttpRoute, RouteTo<V1>] public partial class Default { }
        }

        [MeshService("ratings", Port = 9080)]
        public partial class Ratings
        {
            [Subset("v1"), Deployment("ratings:1.0")] public partial class V1 { }
            [HttpRoute, RouteTo<V1>] public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.UnreadableWorkloads, "Workloads file cannot be read", "The workloads file cannot be read: {0}", RuleCategory.Workloads, RuleSeverity.Error,
            "A file named in MeshDslWorkloads must be YAML that MeshDsl can read; otherwise its workloads are unknown and the checks cannot run.")
        {
            Fixable = false,
            IstioSource = "YAML 1.2, as YamlDotNet reads it",
            What = "A file named in `MeshDslWorkloads` that cannot be read: broken YAML (a tab in indentation, an unclosed quote, a bad `---`). The diagnostic is on the file, at the line of the error.",
            Why = "Its workloads are unknown, so the subset checks would be wrong; MeshDsl says so instead of guessing or staying silent.",
            Bad = null,
            Good = null,
            Note = """
        The example is a YAML file, not C#: see the tests (`WorkloadTests`).

        ```yaml
        # k8s/reviews.yaml: a tab before "labels" is not valid YAML indentation
        spec:
          template:
            metadata:
        	labels:
                app: reviews
        ```

        Register workload files in the project file:

        ```xml
        <ItemGroup>
          <MeshDslWorkloads Include="k8s/**/*.yaml" />
        </ItemGroup>
        ```
        """,
        },
        new(RuleIds.SubsetsShareWorkloads, "Two subsets select the same pods", "Subsets '{0}' and '{1}' of '{2}' select the same pods ({3}): a weight split between them is not what runs; give each version its own label", RuleCategory.Workloads, RuleSeverity.Warning,
            "Versions are told apart by their labels; subsets that select the same pods make weights and routing by version meaningless.")
        {
            Fixable = false,
            IstioSource = "DestinationRule subsets and pod labels",
            What = "Two subsets of a service that select the same pods: their labels do not tell the versions apart.",
            Why = "A 90/10 split between them sends 100% to the same pods, so the canary you think you run is not running.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews", Namespace = "bookinfo", Port = 9080)]
        public partial class Reviews
        {
            [Subset("v1"), Deployment("reviews:1.0")] public partial class V1 { }
            [Subset("v2", Labels = new[] { "app=reviews" })] public partial class V2 { }
            [HttpRoute, RouteTo<V1>(Weight = 50), RouteTo<V2>(Weight = 50)] public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews", Namespace = "bookinfo", Port = 9080)]
        public partial class Reviews
        {
            [Subset("v1"), Deployment("reviews:1.0")] public partial class V1 { }
            [Subset("v2"), Deployment("reviews:2.0")] public partial class V2 { }
            [HttpRoute, RouteTo<V1>(Weight = 50), RouteTo<V2>(Weight = 50)] public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.InvalidWorkload, "Deployment or Service the Kubernetes API rejects", "{0}", RuleCategory.Workloads, RuleSeverity.Error,
            "A Deployment has a DNS-1123 name, an image and valid ports, probes and quantities; a Service has at least one port.")
        {
            Fixable = false,
            IstioSource = "Kubernetes API validation of Deployments and Services",
            What = "A Deployment or Service MeshDsl emits that the API server rejects: a Deployment without an image, with white space in it, a name that is not an object name, negative replicas, a container or probe port outside 1-65535, a probe path without a leading `/` or a period, timeout or threshold below 1, a resource quantity that does not parse or a request above its limit; a Service with no port, a name that does not start with a letter, or a port name that is not a DNS-1123 label or is repeated.",
            Why = "`kubectl apply` fails on the object, and the subset that should select its pods selects none.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews", Port = 9080)]
        public partial class Reviews
        {
            [Subset("v1"), Deployment("reviews:1.0", CpuRequest = "2", CpuLimit = "500m")] public partial class V1 { }
            [HttpRoute, RouteTo<V1>] public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews", Port = 9080)]
        public partial class Reviews
        {
            [Subset("v1"), Deployment("reviews:1.0", CpuRequest = "250m", CpuLimit = "500m")] public partial class V1 { }
            [HttpRoute, RouteTo<V1>] public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.PortWithTwoProtocols, "Services give one port of a Deployment two protocols", "Deployment '{0}' is selected by Services that use port {1} with different protocols ({2}): its sidecar serves one protocol per port; give the port one protocol in every Service, or a port of its own", RuleCategory.Workloads, RuleSeverity.Warning,
            "The Services that select an in-mesh Deployment's pods use one port number with different protocols (IST0116).")
        {
            Fixable = false,
            IstioAnalyzer = "IST0116",
            IstioSource = "`istioctl analyze` IST0116 (DeploymentAssociatedToMultipleServices), `deployment/services.go`",
            What = """
        Two Services in a Deployment's namespace whose selectors select its pods, or one Service with two entries, that use the same `port` with different `protocol`s (no protocol is `TCP`). Only a Deployment in the mesh is checked, as `istioctl analyze` decides it: its pod template has an `istio-proxy` container, or its pods' `sidecar.istio.io/inject` label (else annotation) is `"true"`, or, with neither, its Namespace is labelled `istio-injection: enabled`. A Namespace the files do not hold injects nothing, and a waypoint's Deployment (`gateway.istio.io/managed: istio.io-mesh-controller`) is not checked.
        """,
            Why = """
        The sidecar builds one inbound listener per port of its pods: it cannot speak TCP and UDP (or two protocols) on one port, so one Service's traffic on that port is served wrongly or not at all.
        """,
            Bad = null,
            Good = null,
            Note = """
        The example is YAML: the Deployments and Services come from the workload files (`MeshDslWorkloads`) or the files `meshdsl analyze` reads; the finding is at the Deployment's name. See the tests (`ServiceAssociationTests`).

        ```yaml
        apiVersion: v1
        kind: Namespace
        metadata: { name: shop, labels: { istio-injection: enabled } }
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: dns, namespace: shop }
        spec:
          selector: { matchLabels: { app: dns } }
          template:
            metadata: { labels: { app: dns } }
            spec: { containers: [ { name: dns, image: "coredns/coredns:1.11.1" } ] }
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: dns-tcp, namespace: shop }
        spec: { selector: { app: dns }, ports: [ { port: 53, protocol: TCP } ] }
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: dns-udp, namespace: shop }
        spec: { selector: { app: dns }, ports: [ { port: 53, protocol: UDP } ] }   # MESH506 on the Deployment 'dns'
        ```
        """,
        },
        new(RuleIds.TargetPortWithTwoPorts, "Services send one target port of a Deployment to different ports", "Deployment '{0}' is selected by Services ({1}) that expose its target port {2} as different ports ({3}): Istio requires one port per target port; use one port for it in every Service, or different target ports", RuleCategory.Workloads, RuleSeverity.Warning,
            "Services that select an in-mesh Deployment's pods map one targetPort to different ports (IST0137).")
        {
            Fixable = false,
            IstioAnalyzer = "IST0137",
            IstioSource = "`istioctl analyze` IST0137 (DeploymentConflictingPorts), `deployment/services.go`",
            What = """
        Services that select an in-mesh Deployment's pods (as for [MESH506](MESH506.md)) and expose the same `targetPort` (the port itself where none is written; a named one by its name) under different `port` numbers, in one Service or across several.
        """,
            Why = """
        The sidecar keys its inbound configuration by the pod's port: two service ports for one target port give it two conflicting views of that port, and traffic to one of them is not handled as its Service says.
        """,
            Bad = null,
            Good = null,
            Note = """
        The example is YAML; see the tests (`ServiceAssociationTests`).

        ```yaml
        apiVersion: v1
        kind: Namespace
        metadata: { name: shop, labels: { istio-injection: enabled } }
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: nginx, namespace: shop }
        spec:
          selector: { matchLabels: { app: nginx } }
          template:
            metadata: { labels: { app: nginx } }
            spec: { containers: [ { name: nginx, image: "nginx:1.27" } ] }
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: nginx-a, namespace: shop }
        spec: { selector: { app: nginx }, ports: [ { port: 8080, targetPort: 80 } ] }
        ---
        apiVersion: v1
        kind: Service
        metadata: { name: nginx-b, namespace: shop }
        spec: { selector: { app: nginx }, ports: [ { port: 80, targetPort: 80 } ] }   # MESH507 on the Deployment 'nginx'
        ```
        """,
        },
    }.Concat(RateLimiting()).Concat(Canary()).ToArray());

    private static readonly Dictionary<string, RuleInfo> ById = All.ToDictionary(r => r.Id);

    public static RuleInfo Get(string id) => ById[id];
}
