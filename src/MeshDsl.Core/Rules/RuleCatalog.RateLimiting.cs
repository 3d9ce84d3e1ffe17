namespace MeshDsl.Rules;

/// <summary>The rate limiting rules (MESH6xx) and their pages' text: local rate limits and the EnvoyFilters that carry them.</summary>
internal static partial class RuleCatalog
{
    // A method, not a field: RuleCatalog.All reads it while the other file's static fields are being initialised.
    private static RuleInfo[] RateLimiting() => new RuleInfo[]
    {
        new(RuleIds.FillIntervalTooShort, "Token bucket refilled more often than Envoy allows", "fill_interval '{0}' is under 50ms, the shortest Envoy accepts: Envoy rejects the filter and the limit never applies; refill less often, with fewer tokens per fill", RuleCategory.RateLimiting, RuleSeverity.Error,
            "A local rate limit's token bucket is refilled at most every 50 ms; Envoy rejects a shorter fill interval.")
        {
            IstioSource = "Envoy's `envoy.filters.http.local_ratelimit` configuration checks (Istio's webhook does not look inside the patch)",
            What = "A local rate limit (`[LocalRateLimit]`, or `envoy.filters.http.local_ratelimit` in an EnvoyFilter) whose `fill_interval` is shorter than 50 ms.",
            Why = "Istio accepts the EnvoyFilter, but Envoy rejects the listener update that carries it: the limit never applies and only the proxy's log says so. 1,000 requests a second is `[LocalRateLimit(1000, \"1s\")]`, not one token every millisecond.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews"), LocalRateLimit(1, "1ms", Priority = 10)]
        public partial class Reviews { }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews"), LocalRateLimit(1000, "1s", Priority = 10)]
        public partial class Reviews { }
        """,
            Note = null,
        },
        new(RuleIds.InvalidTokenBucket, "Token bucket Envoy rejects", "{0}", RuleCategory.RateLimiting, RuleSeverity.Error,
            "A token bucket holds at least one token, adds at least one per fill, and has a fill interval in protobuf's duration form.")
        {
            IstioSource = "Envoy's `TokenBucket` (`max_tokens` > 0, `tokens_per_fill` > 0, `fill_interval` > 0) and protobuf's JSON duration form",
            What = "A local rate limit's token bucket with `max_tokens` missing or under 1, `tokens_per_fill` under 1, or a `fill_interval` that is missing or not a duration Envoy reads in an EnvoyFilter: seconds with an `s` (`\"60s\"`, `\"0.5s\"`). In C#, `FillInterval` takes Istio's notation (`\"1m\"`, `\"500ms\"`) and MeshDsl writes Envoy's.",
            Why = "Istio only checks that the patch unmarshals as some Envoy type: a bucket Envoy rejects, or a `fill_interval: 1m` that protobuf cannot read, is accepted by `kubectl apply` and fails in every proxy it reaches.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews"), LocalRateLimit(0, "one minute", Priority = 10)]
        public partial class Reviews { }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews"), LocalRateLimit(100, "1m", Priority = 10)]
        public partial class Reviews { }
        """,
            Note = null,
        },
        new(RuleIds.TokensBeyondBucket, "More tokens per fill than the bucket holds", "tokens_per_fill {0} is above max_tokens {1}: the bucket holds {1}, so the extra tokens are lost and the limit is {1} per interval, not {0}", RuleCategory.RateLimiting, RuleSeverity.Warning,
            "Tokens added above the bucket's size are discarded: a burst that can never be reached.")
        {
            Fixable = true,
            IstioSource = "Envoy's token bucket semantics (tokens above `max_tokens` are discarded)",
            What = "A local rate limit whose `tokens_per_fill` is larger than `max_tokens`.",
            Why = "The bucket never holds more than `max_tokens`: what was meant as 500 requests per second is 100. Raise `MaxTokens` (the burst) or lower `TokensPerFill` (the rate).",
            Bad = """
        using MeshDsl;

        [MeshService("reviews"), LocalRateLimit(100, "1s", TokensPerFill = 500, Priority = 10)]
        public partial class Reviews { }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews"), LocalRateLimit(500, "1s", TokensPerFill = 500, Priority = 10)]
        public partial class Reviews { }
        """,
            Note = null,
        },
        new(RuleIds.RateLimitNotEnforced, "Rate limit enabled or enforced for no request", "{0}", RuleCategory.RateLimiting, RuleSeverity.Warning,
            "Envoy applies a local rate limit to the share of requests `filter_enabled` gives, and rejects the share `filter_enforced` gives; both default to 0%.")
        {
            IstioSource = "Envoy's `LocalRateLimit.filter_enabled` and `filter_enforced` (runtime fractional percents, default 0%)",
            What = "A local rate limit whose `filter_enabled` or `filter_enforced` is missing (Envoy's default: 0%) or set to 0%. In C#, `FilterEnabledPercent` and `FilterEnforcedPercent` are 100 unless set; setting one to 0 is reported.",
            Why = "The filter is installed and its statistics count, but no request is limited: the most common reason a copied local rate limit \"does not work\". 0% enforced is a deliberate dry run only while a limit is tried out.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews"), LocalRateLimit(100, "1s", FilterEnforcedPercent = 0, Priority = 10)]
        public partial class Reviews { }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews"), LocalRateLimit(100, "1s", FilterEnforcedPercent = 100, Priority = 10)]
        public partial class Reviews { }
        """,
            Note = null,
        },
        new(RuleIds.RelativePatchWithoutPriority, "Relative EnvoyFilter patch without a priority", "{0} patch of EnvoyFilter '{1}' has no priority: a relative operation may apply before the filter it is relative to and be dropped ({2}); set a priority", RuleCategory.RateLimiting, RuleSeverity.Warning,
            "INSERT_BEFORE, INSERT_AFTER, REPLACE and REMOVE are relative to another filter; without a priority, the order of EnvoyFilters is not guaranteed (IST0151, IST0155).")
        {
            Fixable = true,
            IstioAnalyzer = "IST0151",
            IstioSource = "`istioctl analyze` IST0151 (EnvoyFilterUsesRelativeOperation) and IST0155 (EnvoyFilterUsesRelativeOperationWithProxyVersion)",
            What = "An EnvoyFilter patch with a relative operation (`INSERT_BEFORE`, `INSERT_AFTER`, `REPLACE`, `REMOVE`) in an EnvoyFilter without a `priority`. `[LocalRateLimit]` inserts its filter before the router: set its `Priority`. With a `proxyVersion` match it is IST0155's case: the patch may stop applying during an upgrade.",
            Why = "EnvoyFilters of equal priority apply in creation order: a patch relative to a filter another EnvoyFilter inserts can run first and silently do nothing. `istioctl analyze` warns about every such patch.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews"), LocalRateLimit(100, "1s")]
        public partial class Reviews { }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews"), LocalRateLimit(100, "1s", Priority = 10)]
        public partial class Reviews { }
        """,
            Note = null,
        },
        new(RuleIds.IgnoredPatchOperation, "EnvoyFilter patch operation Istio ignores", "{0}", RuleCategory.RateLimiting, RuleSeverity.Error,
            "ADD and REMOVE do nothing on ROUTE_CONFIGURATION and HTTP_ROUTE; REPLACE only works on HTTP_FILTER, NETWORK_FILTER and VIRTUAL_HOST (IST0152-IST0154).")
        {
            IstioAnalyzer = "IST0152",
            IstioSource = "`istioctl analyze` IST0152, IST0153, IST0154 (envoyfilter.EnvoyPatchAnalyzer)",
            What = "In an EnvoyFilter read by `meshdsl analyze`: `ADD` or `REMOVE` with `applyTo: ROUTE_CONFIGURATION` or `HTTP_ROUTE`, or `REPLACE` with an `applyTo` other than `HTTP_FILTER`, `NETWORK_FILTER` or `VIRTUAL_HOST`. MeshDsl's own EnvoyFilters never do this.",
            Why = "Istio accepts the EnvoyFilter and applies nothing: the change the patch was written for never happens.",
            Bad = null,
            Good = null,
            Note = """
        The example is YAML, not C#: `meshdsl analyze` reports it at the patch's `operation`.

        ```yaml
        configPatches:
        - applyTo: HTTP_ROUTE
          patch:
            operation: ADD   # MESH606: ignored on HTTP_ROUTE (IST0153); use MERGE
            value: { ... }
        ```
        """,
        },
        new(RuleIds.EnvoyFilterSelectsNothing, "EnvoyFilter selects no workload", "EnvoyFilter '{0}' selects no workload: no pods carry {1} in namespace '{2}' (or, from the root namespace, anywhere); the patch applies to nothing", RuleCategory.RateLimiting, RuleSeverity.Warning,
            "An EnvoyFilter's workloadSelector must match the labels of some pods, or its patch (the rate limit) applies nowhere.")
        {
            IstioSource = "Istio's EnvoyFilter selection (`workloadSelector` in the EnvoyFilter's namespace; the root namespace applies mesh-wide)",
            What = "An EnvoyFilter (a `[LocalRateLimit]`'s, or one read from YAML) whose `workloadSelector` labels match no workload the project knows, once the workload YAML (`MeshDslWorkloads`, or the files `meshdsl analyze` reads) describes the EnvoyFilter's namespace: it is compared with those workloads and the Deployments declared in C#. An EnvoyFilter in `istio-system`, the root namespace, is checked against every namespace's workloads.",
            Why = "A rate limit on `app: reviwes` limits nothing, and nothing says so: the EnvoyFilter is valid, it just never matches a proxy.",
            Bad = null,
            Good = null,
            Note = """
        The example needs the workload YAML beside the C#; see the tests (`RateLimitTests`). With only `app: reviews` pods in the namespace:

        ```csharp
        [MeshService("reviews", Selector = new[] { "app=reviwes" }), LocalRateLimit(100, "1s", Priority = 10)] // MESH607
        ```
        """,
        },
        new(RuleIds.InvalidRateLimitStatus, "Rate limit status Envoy cannot answer with", "Status '{0}' is not an HTTP error status Envoy knows: a rate limit answers with a 4xx or 5xx code of Envoy's StatusCode list (429 when not set)", RuleCategory.RateLimiting, RuleSeverity.Error,
            "A local rate limit's status is a 4xx or 5xx code from Envoy's `StatusCode` enum.")
        {
            IstioSource = "Envoy's `envoy.type.v3.HttpStatus` (`code` is a defined `StatusCode`)",
            What = "A local rate limit's `status.code` (`StatusCode` in C#) that is not a 4xx or 5xx code Envoy's `StatusCode` enum defines, such as 200 or 499.",
            Why = "An unknown code does not unmarshal and Envoy rejects the filter; a success status would tell clients their rejected request succeeded.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews"), LocalRateLimit(100, "1s", StatusCode = 200, Priority = 10)]
        public partial class Reviews { }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews"), LocalRateLimit(100, "1s", StatusCode = 503, Priority = 10)]
        public partial class Reviews { }
        """,
            Note = null,
        },
        new(RuleIds.InvalidEnvoyFilter, "EnvoyFilter Istio rejects", "{0}", RuleCategory.RateLimiting, RuleSeverity.Error,
            "An EnvoyFilter's selector, target references, patches and matches as Istio's webhook and CRD validate them.")
        {
            IstioAnalyzer = "IST0106",
            IstioSource = "`ValidateEnvoyFilter` (validation.md §5) and the EnvoyFilter CRD's rules",
            What = "In an EnvoyFilter read by `meshdsl analyze`: a selector label with an empty key or a wildcard; both a `workloadSelector` and `targetRefs`, or a target in another namespace; a patch without `applyTo`, without `patch`, without an operation, or without a value for anything but `REMOVE`; a listener, route or cluster patch whose match is of another class; a `waypoint` match outside context `WAYPOINT`; a `proxyVersion` that is not a regular expression; a filter match without a name; a `subFilter` outside `HTTP_FILTER` or on a filter other than the HTTP connection manager; a rate limit filter's `timeout` that is not a duration the patch can carry (in C#, `[RateLimitService(Timeout = ...)]`). Apart from that timeout, MeshDsl's own EnvoyFilters never do this; the same problems in `apiVersion` (EnvoyFilter is `v1alpha3` only) are MESH019.",
            Why = "The API server rejects the EnvoyFilter, and whatever it carried (a rate limit, a header rewrite) is not deployed.",
            Bad = null,
            Good = null,
            Note = """
        The example is YAML, not C#: `meshdsl analyze` reports it at the field.

        ```yaml
        configPatches:
        - applyTo: HTTP_ROUTE
          match:
            listener: { portNumber: 8080 }   # MESH609: a route patch needs a routeConfiguration match
          patch:
            operation: MERGE
            value: { ... }
        ```
        """,
        },
        new(RuleIds.InvalidRateLimitConfig, "Rate limit configuration the service refuses", "{0}", RuleCategory.RateLimiting, RuleSeverity.Error,
            "envoyproxy/ratelimit loads a configuration only if its domain and descriptor keys are set, sibling descriptors differ, and each limit has a unit or is unlimited.")
        {
            IstioSource = "envoyproxy/ratelimit's loader (`config_impl.go`: `loadConfig`, `loadDescriptors`)",
            What = "A rate limit service (`[RateLimitService]`, or a ConfigMap of envoyproxy/ratelimit's configuration read by `meshdsl analyze`) with an empty domain; a descriptor with an empty key; two descriptors at one level with the same key and value; a limit without a unit, with a unit the service does not know, or both unlimited and with a unit. In C#, a service without `RedisUrl` too.",
            Why = "The service refuses the whole file: a new deployment does not start, and a changed ConfigMap is ignored on reload while the old limits stay in force. Nothing in Kubernetes or Istio reports it.",
            Bad = """
        using MeshDsl;

        [RateLimitService("ratelimit", "production", "envoyproxy/ratelimit:3fb70258", RedisUrl = "redis:6379")]
        public partial class Limits
        {
            [RateLimitDescriptor("remote_address", Unit = RateLimitUnit.Second, RequestsPerUnit = 10)] public partial class PerClient { }
            [RateLimitDescriptor("remote_address", RequestsPerUnit = 100)] public partial class Again { }
        }
        """,
            Good = """
        using MeshDsl;

        [RateLimitService("ratelimit", "production", "envoyproxy/ratelimit:3fb70258", RedisUrl = "redis:6379")]
        public partial class Limits
        {
            [RateLimitDescriptor("remote_address", Unit = RateLimitUnit.Second, RequestsPerUnit = 10)] public partial class PerClient { }
            [RateLimitDescriptor("header_match", Value = "api", Unit = RateLimitUnit.Minute, RequestsPerUnit = 100)] public partial class Api { }
        }
        """,
            Note = null,
        },
        new(RuleIds.UnpinnedImage, "Image without a version", "Image '{0}' of Deployment '{1}' names no version: ':latest' (or no tag) is whatever the registry holds when a pod starts, so replicas can run different code and a rollback restores nothing; pin a tag or a digest", RuleCategory.Workloads, RuleSeverity.Warning,
            "A Deployment's image is pinned by a tag other than latest, or by a digest.")
        {
            IstioSource = "Kubernetes' guidance on images (`imagePullPolicy: Always` for `:latest`); the seed's rate limit service uses `:latest`",
            What = "A Deployment MeshDsl emits (a `[RateLimitService]`'s, a `[Deployment]`) whose image has no tag, or the tag `latest`, and no digest.",
            Why = "Two replicas started a day apart can run different versions of the rate limit service, and a rollback of the Deployment brings back the same moving target.",
            Bad = """
        using MeshDsl;

        [RateLimitService("ratelimit", "production", "envoyproxy/ratelimit:latest", RedisUrl = "redis:6379")]
        public partial class Limits
        {
            [RateLimitDescriptor("remote_address", Unit = RateLimitUnit.Second, RequestsPerUnit = 10)] public partial class PerClient { }
        }
        """,
            Good = """
        using MeshDsl;

        [RateLimitService("ratelimit", "production", "envoyproxy/ratelimit:3fb70258", RedisUrl = "redis:6379")]
        public partial class Limits
        {
            [RateLimitDescriptor("remote_address", Unit = RateLimitUnit.Second, RequestsPerUnit = 10)] public partial class PerClient { }
        }
        """,
            Note = null,
        },
        new(RuleIds.LimitNothingReaches, "Rate limit no descriptor reaches", "Limit '{0}' of domain '{1}' is reached by no descriptor the mesh's proxies send: nothing is ever limited by it; {2}", RuleCategory.RateLimiting, RuleSeverity.Warning,
            "A global limit applies only to requests whose proxy sends a descriptor with its keys, in order: Envoy's rate limit actions build them.")
        {
            IstioSource = "Envoy's `RateLimit.Action`s and envoyproxy/ratelimit's descriptor matching (`GetLimit`)",
            What = "A limit of a rate limit service's configuration (a `[RateLimitDescriptor]` with a unit, or an entry of its ConfigMap) that no EnvoyFilter's `rate_limits` actions build a descriptor for, with the same keys in the same order and a compatible value. In C#: the service has no `ApplyTo`, or an entry on the limit's path has no action (`FromRemoteAddress`, `FromRequestHeader`, `FromHeaderMatch`, `FromGenericKey`; `remote_address` implies its own).",
            Why = "The rate limit service runs, its configuration loads, and no request is ever counted: the guide's rate limiting section deploys the service and its limits but no actions, so it limits nothing.",
            Bad = """
        using MeshDsl;

        [RateLimitService("ratelimit", "production", "envoyproxy/ratelimit:3fb70258", Namespace = "istio-system", RedisUrl = "redis:6379")]
        public partial class Limits
        {
            [RateLimitDescriptor("remote_address", Unit = RateLimitUnit.Second, RequestsPerUnit = 10)] public partial class PerClient { }
        }
        """,
            Good = """
        using MeshDsl;

        [Gateway("ingress", Namespace = "istio-system", Selector = new[] { "istio=ingress" })]
        public partial class Ingress { [Server(80, ServerProtocol.Http, Hosts = new[] { "*" })] public partial class Http { } }

        [RateLimitService("ratelimit", "production", "envoyproxy/ratelimit:3fb70258", Namespace = "istio-system", RedisUrl = "redis:6379",
            ApplyTo = new[] { typeof(Ingress) }, Priority = 10)]
        public partial class Limits
        {
            [RateLimitDescriptor("remote_address", Unit = RateLimitUnit.Second, RequestsPerUnit = 10)] public partial class PerClient { }
        }
        """,
            Note = null,
        },
        new(RuleIds.DescriptorNoLimitMatches, "Descriptor no rate limit matches", "The descriptor ({0}) that EnvoyFilter '{1}' builds matches no limit of domain '{2}': each request asks the rate limit service and is never limited", RuleCategory.RateLimiting, RuleSeverity.Warning,
            "Every descriptor a proxy sends costs a call to the rate limit service; one that matches no limit is a call for nothing, and usually a typo in a key or value.")
        {
            IstioSource = "Envoy's `RateLimit.Action`s and envoyproxy/ratelimit's descriptor matching (`GetLimit`)",
            What = "An EnvoyFilter's `rate_limits` entry whose actions build a descriptor (its keys, in order, and the values the actions fix) that no limit of the rate limit service's configuration for that domain matches. In C#, an action whose key is not its descriptor's (`FromRemoteAddress` on a descriptor keyed `client`).",
            Why = "The limit meant for those requests never applies, and every request pays a round trip to the rate limit service.",
            Bad = """
        using MeshDsl;

        [Gateway("ingress", Namespace = "istio-system", Selector = new[] { "istio=ingress" })]
        public partial class Ingress { [Server(80, ServerProtocol.Http, Hosts = new[] { "*" })] public partial class Http { } }

        [RateLimitService("ratelimit", "production", "envoyproxy/ratelimit:3fb70258", Namespace = "istio-system", RedisUrl = "redis:6379",
            ApplyTo = new[] { typeof(Ingress) }, Priority = 10)]
        public partial class Limits
        {
            [RateLimitDescriptor("client", Unit = RateLimitUnit.Second, RequestsPerUnit = 10), FromRemoteAddress] public partial class PerClient { }
        }
        """,
            Good = """
        using MeshDsl;

        [Gateway("ingress", Namespace = "istio-system", Selector = new[] { "istio=ingress" })]
        public partial class Ingress { [Server(80, ServerProtocol.Http, Hosts = new[] { "*" })] public partial class Http { } }

        [RateLimitService("ratelimit", "production", "envoyproxy/ratelimit:3fb70258", Namespace = "istio-system", RedisUrl = "redis:6379",
            ApplyTo = new[] { typeof(Ingress) }, Priority = 10)]
        public partial class Limits
        {
            [RateLimitDescriptor("client", Unit = RateLimitUnit.Second, RequestsPerUnit = 10), FromRequestHeader("x-client-id")] public partial class PerClient { }
        }
        """,
            Note = null,
        },
    };
}
