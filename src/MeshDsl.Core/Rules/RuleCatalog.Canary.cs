namespace MeshDsl.Rules;

/// <summary>The progressive canary rules (MESH7xx) and their pages' text. Examples name their engine in a first comment line.</summary>
internal static partial class RuleCatalog
{
    // A method, not a field: RuleCatalog.All reads it while the other file's static fields are being initialised.
    private static RuleInfo[] Canary() => new RuleInfo[]
    {
        new(RuleIds.CanaryStepWeights, "Canary steps that do not climb", "{0}", RuleCategory.Canary, RuleSeverity.Error,
            "Each step's weight is a percentage from 1 to 100, each above the one before.")
        {
            IstioSource = "Flagger's `stepWeights` and Argo Rollouts' `setWeight` steps (both move traffic forward only); the seed's `CANARY_WEIGHTS=(5 10 25 50 75 100)`",
            What = "`[Canary]` whose `StepWeights` has a weight of 0 or less, above 100, or not above the step before it; or that has no steps at all (no `StepWeights` and no `StepWeight`).",
            Why = "A step that goes back (`10, 5`) or repeats is skipped or rejected by the engines, and `110` is not a share of anything: the rollout you read is not the one that runs.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews", Port = 9080)]
        [Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 10, 5, 50, 100 })]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews", Port = 9080)]
        [Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 5, 10, 50, 100 })]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
        }
        """,
            Note = null,
        },
        new(RuleIds.CanaryThresholdUnit, "Canary threshold in the wrong unit", "{0} is likely in the wrong unit: the setting is {1}", RuleCategory.Canary, RuleSeverity.Warning,
            "A success rate is a percentage (99, not 0.99) and a latency percentile is 1-99.9 (99, not 0.99).")
        {
            Fixable = true,
            IstioSource = "Flagger's `request-success-rate` (a percentage) and the seed's `ERROR_THRESHOLD=0.01` (a ratio): the two units meet in every migration",
            What = "`[CanarySuccessRate]` with a minimum of 1 or less, or `[CanaryLatency]` with a `Percentile` of 1 or less.",
            Why = "A success rate of `0.99` means 0.99% of requests may succeed: a canary failing 99% of its requests passes. A percentile of `0.99` measures almost the fastest request. Both checks pass whatever the canary does.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews", Port = 9080)]
        [Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 10, 50, 100 }, MinRequests = 50)]
        [CanarySuccessRate(0.99)]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews", Port = 9080)]
        [Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 10, 50, 100 }, MinRequests = 50)]
        [CanarySuccessRate(99)]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
        }
        """,
            Note = null,
        },
        new(RuleIds.ControllerOwnsHost, "Routing for a host Flagger owns", "{0} '{1}' routes the host '{2}', which Flagger owns while it runs the canary of '{3}': Flagger rewrites it on every analysis; declare this routing on the service, where the Canary takes it", RuleCategory.Canary, RuleSeverity.Error,
            "With Flagger, the canary service's VirtualService and DestinationRules are Flagger's: nothing else may write them.")
        {
            IstioSource = "Flagger's Istio router (it creates and updates `<service>` VirtualService and the `-primary`/`-canary` DestinationRules)",
            What = "With `MeshDslCanaryEngine=Flagger`, a `[VirtualService]` (mesh routing, not a gateway's) or a DestinationRule for the host of a service that has a `[Canary]`.",
            Why = "Two writers of one object: Flagger overwrites it at every analysis step, GitOps puts it back, and traffic flips between the two versions of the truth. The service's own routing (match, retries, timeout, headers, CORS, gateways, hosts) goes into the Canary, which Flagger copies into its VirtualService.",
            Bad = null,
            Good = null,
            Note = """
        The examples need two declarations; see the tests (`CanaryRuleTests`). With Flagger, put the routing on the service with the canary, where the Canary takes it, instead of a `[VirtualService]` of its own:

        ```csharp
        // MeshDslCanaryEngine=Flagger
        [MeshService("reviews", Port = 9080)]
        [Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 10, 50, 100 })]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }

            [HttpRoute, Retries(3, PerTryTimeout = "2s"), RouteTo<V1>(Weight = 100), RouteTo<V2>(Weight = 0)]
            public partial class Default { }
        }
        ```
        """,
        },
        new(RuleIds.RoutingControllerDrops, "Routing the canary engine drops", "{0} is not carried by Flagger's Canary ({1}): Flagger writes the VirtualService and DestinationRules without it", RuleCategory.Canary, RuleSeverity.Warning,
            "Flagger builds the service's routing from its Canary, which holds one route and a subset of Istio's traffic policy.")
        {
            IstioSource = "Flagger's Canary CRD (`spec.service`: match, retries, timeout, rewrite, headers, corsPolicy, gateways, hosts, trafficPolicy)",
            What = "With `MeshDslCanaryEngine=Flagger`, a service whose routing has more than the canary route, fault injection, mirroring, a regex rewrite, per-destination headers, TCP or TLS routes, subset-level traffic policies, traffic policy fields Flagger's schema has no place for (TCP connection limits, port-level settings, tunnels), `ExportTo`, or a DestinationRule `WorkloadSelector`.",
            Why = "Flagger generates the VirtualService and DestinationRules from the Canary: what the Canary cannot hold does not exist in the cluster, and the YAML you reviewed is not what runs. Move it to another host, drop it, or run the canary with Argo Rollouts or Steps.",
            Bad = """
        // MeshDslCanaryEngine=Flagger
        using MeshDsl;

        [MeshService("reviews", Port = 9080)]
        [ConnectionPool(MaxConnections = 100)]
        [Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 10, 50, 100 })]
        [CanarySuccessRate(99)]
        [CanaryWebhook("load-test", "http://flagger-loadtester.test/", Type = CanaryWebhookType.LoadTest, Command = "hey -z 1m http://reviews:9080/")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
        }
        """,
            Good = """
        // MeshDslCanaryEngine=Flagger
        using MeshDsl;

        [MeshService("reviews", Port = 9080)]
        [ConnectionPool(Http1MaxPendingRequests = 100)]
        [Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 10, 50, 100 })]
        [CanarySuccessRate(99)]
        [CanaryWebhook("load-test", "http://flagger-loadtester.test/", Type = CanaryWebhookType.LoadTest, Command = "hey -z 1m http://reviews:9080/")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
        }
        """,
            Note = null,
        },
        new(RuleIds.ArgoRouteUnnamed, "Canary route Argo Rollouts cannot name", "The route {0} of VirtualService '{1}' goes to the canary's subsets but has no name: with several routes, Argo Rollouts moves only the routes its Rollout names, so this one keeps its weights; give it a Name", RuleCategory.Canary, RuleSeverity.Error,
            "With several HTTP routes, a Rollout names the routes it moves; an unnamed route is never moved.")
        {
            IstioSource = "Argo Rollouts' Istio traffic router (`trafficRouting.istio.virtualService.routes`)",
            What = "With `MeshDslCanaryEngine=ArgoRollouts`, a VirtualService with more than one HTTP route, one of which sends the stable subset's traffic and has no `Name`.",
            Why = "Argo Rollouts updates the weights of the routes it is told about and no others. An unnamed route stays at stable 100 for the whole rollout: its clients never see the canary, and the analysis judges a canary that part of the traffic never reached. The rollout looks successful and is not.",
            Bad = """
        // MeshDslCanaryEngine=ArgoRollouts
        using MeshDsl;

        [MeshService("reviews", Port = 9080)]
        [Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 10, 50, 100 }, MinRequests = 50)]
        [CanarySuccessRate(99)]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }

            [HttpRoute(Order = 1), MatchHeader("x-canary", Exact = "always"), RouteTo<V2>]
            public partial class Testers { }

            [HttpRoute(Order = 2), RouteTo<V1>(Weight = 100), RouteTo<V2>(Weight = 0)]
            public partial class Default { }
        }
        """,
            Good = """
        // MeshDslCanaryEngine=ArgoRollouts
        using MeshDsl;

        [MeshService("reviews", Port = 9080)]
        [Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 10, 50, 100 }, MinRequests = 50)]
        [CanarySuccessRate(99)]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }

            [HttpRoute(Order = 1), MatchHeader("x-canary", Exact = "always"), RouteTo<V2>]
            public partial class Testers { }

            [HttpRoute(Order = 2, Name = "primary"), RouteTo<V1>(Weight = 100), RouteTo<V2>(Weight = 0)]
            public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.CanaryRouteDestinations, "Canary route the engines cannot move", "{0}", RuleCategory.Canary, RuleSeverity.Error,
            "A canary route sends its traffic to the stable and the canary subset and nowhere else; at least one route must.")
        {
            IstioSource = "Argo Rollouts' Istio router (it sets the stable and canary destinations' weights of each named route) and Flagger's (it writes primary and canary)",
            What = "A route of a `[Canary]` service with more than two destinations where one is the canary subset; or a service none of whose HTTP routes sends its traffic to the stable subset.",
            Why = "The engines set two weights, stable and canary. A third destination keeps its weight while the other two are forced to sum to 100, so the VirtualService is rejected or the shares are not the ones declared. With no route to the stable subset, no step moves any traffic and the checks judge a canary nobody calls.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews", Port = 9080)]
        [Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 10, 50, 100 })]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
            [Subset("v3")] public partial class V3 { }

            [HttpRoute, RouteTo<V1>(Weight = 80), RouteTo<V2>(Weight = 10), RouteTo<V3>(Weight = 10)]
            public partial class Default { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews", Port = 9080)]
        [Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 10, 50, 100 })]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
            [Subset("v3")] public partial class V3 { }

            [HttpRoute, RouteTo<V1>(Weight = 100), RouteTo<V2>(Weight = 0)]
            public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.CanaryWithoutTraffic, "Canary checks with no traffic to measure", "{0}", RuleCategory.Canary, RuleSeverity.Warning,
            "A canary's checks need requests: a load test, or a minimum request count that fails the step when there are too few.")
        {
            IstioSource = "Flagger's analysis (\"no values found\" counts as a failed check) and Argo Rollouts' (an empty result errors, or passes with a condition that allows it)",
            What = "With Flagger or Argo Rollouts, a `[Canary]` with no health check at all; or with checks but no `MinRequests` and (with Flagger) no load test webhook.",
            Why = "At 5% of a quiet service's traffic, a check window can hold no request at all. Flagger then counts the check as failed and rolls a healthy canary back; Argo's queries return nothing and a broken canary passes. A load test gives the checks traffic; `MinRequests` turns too little traffic into an explicit failure instead of a guess.",
            Bad = """
        // MeshDslCanaryEngine=ArgoRollouts
        using MeshDsl;

        [MeshService("reviews", Port = 9080)]
        [Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 10, 50, 100 })]
        [CanarySuccessRate(99)]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
        }
        """,
            Good = """
        // MeshDslCanaryEngine=ArgoRollouts
        using MeshDsl;

        [MeshService("reviews", Port = 9080)]
        [Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 10, 50, 100 }, MinRequests = 100)]
        [CanarySuccessRate(99)]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
        }
        """,
            Note = null,
        },
        new(RuleIds.CanarySubsetWithoutWorkload, "Canary subset with no workload", "The canary subset '{0}' of '{1}' selects no pod ({2} in namespace '{3}'): the first step sends traffic to nothing (503s) and the engine has no workload to analyze; declare its [Deployment] or deploy it first", RuleCategory.Canary, RuleSeverity.Warning,
            "The canary subset's labels must select the pods of the version being rolled out.")
        {
            IstioSource = "IST0107-style subset checks (`istioctl analyze`), applied to the canary; Flagger's `targetRef` and Argo's `workloadRef` name a Deployment",
            What = "A `[Canary]` whose canary subset's labels (with the service's selector) match no Deployment the mesh declares or reads, when the mesh knows its workloads (declared Deployments, workload files) or the engine needs one (Flagger, Argo Rollouts).",
            Why = "The canary's first step routes 5% of requests to a subset with no endpoint: those requests fail with 503 \"no healthy upstream\", the checks fail, and the rollback is blamed on the new version. With Flagger or Argo, the Deployment they watch does not exist and nothing happens at all.",
            Bad = """
        // MeshDslCanaryEngine=Flagger
        using MeshDsl;

        [MeshService("reviews", Port = 9080)]
        [Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 10, 50, 100 }, MinRequests = 50)]
        [CanarySuccessRate(99)]
        public partial class Reviews
        {
            [Subset("v1"), Deployment("reviews:1.0")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
        }
        """,
            Good = """
        // MeshDslCanaryEngine=Flagger
        using MeshDsl;

        [MeshService("reviews", Port = 9080)]
        [Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 10, 50, 100 }, MinRequests = 50)]
        [CanarySuccessRate(99)]
        public partial class Reviews
        {
            [Subset("v1"), Deployment("reviews:1.0")] public partial class V1 { }
            [Subset("v2"), Deployment("reviews:2.0")] public partial class V2 { }
        }
        """,
            Note = null,
        },
        new(RuleIds.InvalidCanary, "Canary the engines cannot run", "{0}", RuleCategory.Canary, RuleSeverity.Error,
            "The canary's subsets, checks, webhooks and settings must be ones its engine can use.")
        {
            IstioSource = "Flagger's Canary and MetricTemplate CRDs, Argo Rollouts' Rollout and AnalysisTemplate CRDs, and what their controllers do with them",
            What = "A `[Canary]` whose type arguments are not two different `[Subset]` classes of the service; `FailedChecks` under 1; `MinRequests` under 0; a Prometheus address that is not an http(s) URL; `StepWeights` together with `StepWeight`; a success rate above 100 or at 0; a percentile out of (0, 100); a `[CanaryQuery]` with no bounds, an empty query, `Min` above `Max` or a name that is not a DNS label; a webhook URL that is not http(s), or a load test without a `Command`; with Flagger, a service without a `Port`.",
            Why = "Each of these is either rejected when applied or accepted and run as something else: a check that can never fail, a rollback that can never happen, a webhook that is never reached.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews", Port = 9080)]
        [Canary<Reviews.V2, Reviews.V2>(StepWeights = new[] { 10, 50, 100 })]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
        }
        """,
            Good = """
        using MeshDsl;

        [MeshService("reviews", Port = 9080)]
        [Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 10, 50, 100 })]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
        }
        """,
            Note = null,
        },
        new(RuleIds.WebhookNotRun, "Canary setting the engine does not run", "The {0} is not run by the {1} engine: {2}", RuleCategory.Canary, RuleSeverity.Info,
            "Webhooks are Flagger's; with Steps, no controller runs checks or webhooks.")
        {
            IstioSource = "Flagger's `analysis.webhooks`; Argo Rollouts has no webhooks (it runs Jobs and Experiments); Steps has no controller",
            What = "A `[CanaryWebhook]` with `MeshDslCanaryEngine` `ArgoRollouts` or `Steps`; a health check with `Steps`; with Flagger or Argo Rollouts, a `[Deployment]` on the stable subset, which the controller replaces with pods of its own (Flagger's primary, the Rollout's stable ReplicaSet) and MeshDsl therefore does not write.",
            Why = "It is declared and nothing will call it: with Steps, the pipeline that applies one step after another must run the checks (docs/canary.md gives each query) and the load test itself. An information, not a warning: the same declaration is meant to build with every engine.",
            Bad = """
        using MeshDsl;

        [MeshService("reviews", Port = 9080)]
        [Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 10, 50, 100 })]
        [CanaryWebhook("smoke", "http://smoke-tests.test/")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
        }
        """,
            Good = """
        // MeshDslCanaryEngine=Flagger
        using MeshDsl;

        [MeshService("reviews", Port = 9080)]
        [Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 10, 50, 100 }, MinRequests = 50)]
        [CanarySuccessRate(99)]
        [CanaryWebhook("smoke", "http://smoke-tests.test/")]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2"), Deployment("reviews:2.0")] public partial class V2 { }
        }
        """,
            Note = null,
        },
        new(RuleIds.CanaryEngineSetsWeights, "Route weights the canary engine replaces", "Route {0} sends {1}, but {2} starts the canary at 0% and sets the weights itself, step by step: these weights never apply; route everything to the stable subset and let StepWeights move the traffic", RuleCategory.Canary, RuleSeverity.Warning,
            "With Flagger or Argo Rollouts, the controller owns a canary route's weights.")
        {
            IstioSource = "Flagger's Canary (`analysis.stepWeights`, the primary at 100% before the first step) and Argo Rollouts' `trafficRouting.istio` (the Rollout writes the route's weights)",
            What = "With `MeshDslCanaryEngine` `Flagger` or `ArgoRollouts`, a route of the canary's service that sends part of its traffic to the canary subset (`RouteTo<V2>(Weight = 10)`). The Steps engine keeps the declared weights as its start, so it is quiet there.",
            Why = "Flagger generates the VirtualService from the Canary and starts with all traffic on the primary; Argo Rollouts writes the route's weights at every step and starts at 0%. The 10% you reviewed is not what runs, and the canary gets no traffic until the first step.",
            Bad = """
        // MeshDslCanaryEngine=ArgoRollouts
        using MeshDsl;

        [MeshService("reviews", Port = 9080)]
        [Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 10, 50, 100 }, MinRequests = 100)]
        [CanarySuccessRate(99)]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
            [HttpRoute, RouteTo<V1>(Weight = 90), RouteTo<V2>(Weight = 10)] public partial class Default { }
        }
        """,
            Good = """
        // MeshDslCanaryEngine=ArgoRollouts
        using MeshDsl;

        [MeshService("reviews", Port = 9080)]
        [Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 10, 50, 100 }, MinRequests = 100)]
        [CanarySuccessRate(99)]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
            [HttpRoute, RouteTo<V1>] public partial class Default { }
        }
        """,
            Note = null,
        },
        new(RuleIds.UnknownCanaryEngine, "Unknown canary engine", "MeshDslCanaryEngine '{0}' is not an engine MeshDsl knows: use Steps, Flagger or ArgoRollouts; the canary is built as Steps", RuleCategory.Canary, RuleSeverity.Error,
            "The MeshDslCanaryEngine build property is Steps, Flagger or ArgoRollouts.")
        {
            IstioSource = "MeshDsl's build property",
            What = "A project with a `[Canary]` whose `MeshDslCanaryEngine` property is not `Steps`, `Flagger` or `ArgoRollouts` (case aside).",
            Why = "A misspelt engine (`Flager`) would otherwise quietly build the steps and none of the controller's documents: the rollout you expected never starts.",
            Bad = """
        // MeshDslCanaryEngine=Flager
        using MeshDsl;

        [MeshService("reviews", Port = 9080)]
        [Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 10, 50, 100 })]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
        }
        """,
            Good = """
        // MeshDslCanaryEngine=Steps
        using MeshDsl;

        [MeshService("reviews", Port = 9080)]
        [Canary<Reviews.V1, Reviews.V2>(StepWeights = new[] { 10, 50, 100 })]
        public partial class Reviews
        {
            [Subset("v1")] public partial class V1 { }
            [Subset("v2")] public partial class V2 { }
        }
        """,
            Note = null,
        },
    };
}
