using System.Linq;
using Microsoft.CodeAnalysis;

namespace MeshDsl.Analyzers;

/// <summary>Every diagnostic MeshDsl reports. Each ID has its page under docs/rules/, which helpLinkUri points to.</summary>
internal static class Descriptors
{
    public const string HelpLinkBase = "https://github.com/meshdsl/meshdsl/blob/main/docs/rules/";

    private const string Validation = "MeshDsl.Validation";
    private const string Routing = "MeshDsl.Routing";
    private const string Resilience = "MeshDsl.Resilience";
    private const string Policy = "MeshDsl.TrafficPolicy";
    private const string Gateways = "MeshDsl.Gateway";
    private const string Workloads = "MeshDsl.Workloads";

    public static readonly DiagnosticDescriptor InvalidDuration = new(
        RuleIds.InvalidDuration, "Invalid Istio duration", "'{0}' is not a valid duration for {1}: {2}", Validation, DiagnosticSeverity.Error, isEnabledByDefault: true,
            description: "Istio accepts Go durations (a number and a unit: ns, us, ms, s, m, h) of at least 1ms and in whole milliseconds.",
            helpLinkUri: HelpLinkBase + RuleIds.InvalidDuration + ".md");

    public static readonly DiagnosticDescriptor PercentageOutOfRange = new(
        RuleIds.PercentageOutOfRange, "Percentage out of range", "{0} {1} is out of range: {2}", Validation, DiagnosticSeverity.Error, isEnabledByDefault: true,
            description: "Fault percentages are 0 or 0.0001-100; mirror, outlier and other percentages are 0-100.",
            helpLinkUri: HelpLinkBase + RuleIds.PercentageOutOfRange + ".md");

    public static readonly DiagnosticDescriptor InvalidRegex = new(
        RuleIds.InvalidRegex, "Regular expression Istio cannot use", "'{0}' is not a regular expression Istio accepts: {1}", Validation, DiagnosticSeverity.Error, isEnabledByDefault: true,
            description: "Envoy matches with RE2: no lookaround, backreferences, possessive quantifiers or atomic groups; at most 1024 characters; not empty.",
            helpLinkUri: HelpLinkBase + RuleIds.InvalidRegex + ".md");

    public static readonly DiagnosticDescriptor InvalidName = new(
        RuleIds.InvalidName, "Invalid name, host or label", "'{0}' is not a valid {1}: {2}", Validation, DiagnosticSeverity.Error, isEnabledByDefault: true,
            description: "Names, namespaces, hosts and labels follow Kubernetes' DNS-1123 and label rules, which the API server enforces.",
            helpLinkUri: HelpLinkBase + RuleIds.InvalidName + ".md");

    public static readonly DiagnosticDescriptor PortOutOfRange = new(
        RuleIds.PortOutOfRange, "Port out of range", "Port {0} is outside 1-65535", Validation, DiagnosticSeverity.Error, isEnabledByDefault: true,
            description: "A port number is 1-65535.",
            helpLinkUri: HelpLinkBase + RuleIds.PortOutOfRange + ".md");

    public static readonly DiagnosticDescriptor ConflictingActions = new(
        RuleIds.ConflictingActions, "HTTP rule with conflicting or missing actions", "{0}", Validation, DiagnosticSeverity.Error, isEnabledByDefault: true,
            description: "An HTTP rule does exactly one of route, redirect, direct response and delegate; a redirect or direct response excludes faults and rewrites.",
            helpLinkUri: HelpLinkBase + RuleIds.ConflictingActions + ".md");

    public static readonly DiagnosticDescriptor InvalidFault = new(
        RuleIds.InvalidFault, "Invalid fault injection", "{0}", Validation, DiagnosticSeverity.Error, isEnabledByDefault: true,
            description: "A fault needs a fixed delay or an abort with an HTTP status in 200-599 or a known gRPC status; Istio rejects exponential delays and HTTP/2 errors.",
            helpLinkUri: HelpLinkBase + RuleIds.InvalidFault + ".md");

    public static readonly DiagnosticDescriptor MalformedRetries = new(
        RuleIds.MalformedRetries, "Malformed retries", "{0}", Validation, DiagnosticSeverity.Error, isEnabledByDefault: true,
            description: "Attempts are 0 or more; with 0, no other retry setting is allowed; retryOn holds known conditions and status codes.",
            helpLinkUri: HelpLinkBase + RuleIds.MalformedRetries + ".md");

    public static readonly DiagnosticDescriptor InvalidWeights = new(
        RuleIds.InvalidWeights, "Invalid weights", "{0}", Validation, DiagnosticSeverity.Error, isEnabledByDefault: true,
            description: "Weights are 0 or more, and several destinations cannot all have weight 0.",
            helpLinkUri: HelpLinkBase + RuleIds.InvalidWeights + ".md");

    public static readonly DiagnosticDescriptor Duplicate = new(
        RuleIds.Duplicate, "Duplicate name, key, host or claim", "{0}", Validation, DiagnosticSeverity.Error, isEnabledByDefault: true,
            description: "Subset names are unique in a DestinationRule, keys are unique in a map (labels, headers), settings are given once, hosts do not overlap in a VirtualService, server port names are unique in a Gateway, and one host belongs to one VirtualService on the mesh (IST0109).",
            helpLinkUri: HelpLinkBase + RuleIds.Duplicate + ".md");

    public static readonly DiagnosticDescriptor AmbiguousRuleOrder = new(
        RuleIds.AmbiguousRuleOrder, "Rule order ambiguous", "{0}", Validation, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "Rules are evaluated in order, first match wins; declaration order is only defined within one file.",
            helpLinkUri: HelpLinkBase + RuleIds.AmbiguousRuleOrder + ".md");

    public static readonly DiagnosticDescriptor SeveralDeclarations = new(
        RuleIds.SeveralDeclarations, "A class is one declaration", "'{0}' is already a [{1}]; this [{2}] is ignored: declare it on a class of its own", Validation, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "A class is one [MeshService], [VirtualService] or [Gateway]; the first such attribute decides what it is.",
        helpLinkUri: HelpLinkBase + RuleIds.SeveralDeclarations + ".md");

    public static readonly DiagnosticDescriptor InvalidStringMatch = new(
        RuleIds.InvalidStringMatch, "String match that matches nothing or several ways", "{0}", Validation, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "A string condition sets exactly one of Exact, Prefix and Regex; a match block has one uri, scheme, method and authority; Istio rejects an empty prefix outside uri.",
        helpLinkUri: HelpLinkBase + RuleIds.InvalidStringMatch + ".md");

    public static readonly DiagnosticDescriptor MisplacedAttribute = new(
        RuleIds.MisplacedAttribute, "Attribute without effect where it stands", "[{0}] on '{1}' has no effect: it stands on {2}", Validation, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "Each MeshDsl attribute is read in one place (a service, subset, rule, gateway server); anywhere else it would be silently left out of the manifests.",
        helpLinkUri: HelpLinkBase + RuleIds.MisplacedAttribute + ".md");

    public static readonly DiagnosticDescriptor UnknownEnumValue = new(
        RuleIds.UnknownEnumValue, "Value that is not a member of its enum", "{0} is not a member of {1}: use one of {2}", Validation, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "A cast such as (LoadBalancing)42 has no Istio spelling; it would be written as something else or not at all.",
        helpLinkUri: HelpLinkBase + RuleIds.UnknownEnumValue + ".md");

    public static readonly DiagnosticDescriptor InvalidHeader = new(
        RuleIds.InvalidHeader, "Header name or value Istio rejects", "{0}", Validation, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "Header names are HTTP tokens; header operations cannot use ':' pseudo-headers (but :authority) or remove or set Host in responses; values have no control characters and escape '%' as '%%' unless it starts a %VARIABLE%.",
        helpLinkUri: HelpLinkBase + RuleIds.InvalidHeader + ".md");

    public static readonly DiagnosticDescriptor UnwritableValue = new(
        RuleIds.UnwritableValue, "Value that no manifest can carry", "'{0}' cannot be written for {1}: {2}", Validation, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "Kubernetes objects are UTF-8 JSON: no NaN or infinity, no lone UTF-16 surrogate, no null entry in a list.",
        helpLinkUri: HelpLinkBase + RuleIds.UnwritableValue + ".md");

    public static readonly DiagnosticDescriptor InvalidRouteSetting = new(
        RuleIds.InvalidRouteSetting, "VirtualService setting Istio rejects", "{0}", Validation, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "Redirects, direct responses, rewrites, CORS, exportTo, gateway references, match fields and TCP/TLS rules as Istio's webhook validates them.",
        helpLinkUri: HelpLinkBase + RuleIds.InvalidRouteSetting + ".md");

    public static readonly DiagnosticDescriptor UnknownReference = new(
        RuleIds.UnknownReference, "Reference to something the model does not define", "'{0}' is not {1}", Routing, DiagnosticSeverity.Error, isEnabledByDefault: true,
            description: "A destination, mirror, gateway or delegate must name something the model defines; a host outside the model uses the *Host form (IST0101).",
            helpLinkUri: HelpLinkBase + RuleIds.UnknownReference + ".md");

    public static readonly DiagnosticDescriptor UnreachableRule = new(
        RuleIds.UnreachableRule, "Unreachable rule", "Rule '{0}' can never match: {1}", Routing, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "A rule after one that matches all traffic, or whose matches are all taken by earlier rules, never runs (IST0130).",
            helpLinkUri: HelpLinkBase + RuleIds.UnreachableRule + ".md");

    public static readonly DiagnosticDescriptor IneffectiveMatch = new(
        RuleIds.IneffectiveMatch, "Ineffective match", "A match block of rule '{0}' is covered by {1} in rule '{2}', which comes first: requests it matches never reach it", Routing, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "A match block covered by an earlier rule's match has no effect (IST0131).",
            helpLinkUri: HelpLinkBase + RuleIds.IneffectiveMatch + ".md");

    public static readonly DiagnosticDescriptor WeightsNot100 = new(
        RuleIds.WeightsNot100, "Weights do not add up to 100", "The weights of rule '{0}' add up to {1}, not 100: Istio treats them as relative shares", Routing, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "Istio divides traffic by weight / total; a total other than 100 is usually a mistake in a rollout step.",
            helpLinkUri: HelpLinkBase + RuleIds.WeightsNot100 + ".md");

    public static readonly DiagnosticDescriptor HostNotInGateway = new(
        RuleIds.HostNotInGateway, "VirtualService host not served by its gateway", "Gateway '{0}' serves none of the hosts of VirtualService '{1}' ({2}): traffic through the gateway never reaches these rules", Routing, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "A VirtualService bound to a gateway applies only to the hosts the gateway's servers serve (IST0132).",
            helpLinkUri: HelpLinkBase + RuleIds.HostNotInGateway + ".md");

    public static readonly DiagnosticDescriptor PortRequired = new(
        RuleIds.PortRequired, "Destination port required", "'{0}' exposes several ports ({1}): set Port on this destination", Routing, DiagnosticSeverity.Error, isEnabledByDefault: true,
            description: "A route to a service with more than one port must say which port it uses (IST0112).",
            helpLinkUri: HelpLinkBase + RuleIds.PortRequired + ".md");

    public static readonly DiagnosticDescriptor HeaderNotLowerCase = new(
        RuleIds.HeaderNotLowerCase, "Header name not lower case", "Header name '{0}' is not lower case: Envoy sees header names in lower case, so this never matches; use '{1}'", Routing, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "Header keys in matches must be lower case (virtual_service.proto).",
            helpLinkUri: HelpLinkBase + RuleIds.HeaderNotLowerCase + ".md");

    public static readonly DiagnosticDescriptor FaultOnAllTraffic = new(
        RuleIds.FaultOnAllTraffic, "Fault injection on all traffic", "Rule '{0}' injects faults into all of its traffic: add a match (a header such as x-chaos-test) so that only test traffic is hit", Routing, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "Fault injection without a match hits every user; the seed's advice is to target test traffic.",
            helpLinkUri: HelpLinkBase + RuleIds.FaultOnAllTraffic + ".md");

    public static readonly DiagnosticDescriptor MirrorToOwnDestination = new(
        RuleIds.MirrorToOwnDestination, "Mirror to the rule's own destination", "Rule '{0}' mirrors to {1}, which it also routes to: that destination gets every mirrored request twice", Routing, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "Mirroring is for shadow traffic to another version.",
            helpLinkUri: HelpLinkBase + RuleIds.MirrorToOwnDestination + ".md");

    public static readonly DiagnosticDescriptor RetriesOnNonIdempotent = new(
        RuleIds.RetriesOnNonIdempotent, "Retries on non-idempotent methods", "Rule '{0}' retries requests it serves with {1}: a retried write can run twice; use Retries(0) on this rule", Resilience, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "Retrying POST, PUT, PATCH or DELETE can apply a write twice (the seed's critical warning).",
            helpLinkUri: HelpLinkBase + RuleIds.RetriesOnNonIdempotent + ".md");

    public static readonly DiagnosticDescriptor UnsafeRetryOn = new(
        RuleIds.UnsafeRetryOn, "Unsafe retry conditions for non-idempotent methods", "Rule '{0}' serves every method, POST, PUT, PATCH and DELETE included, and retries on '{1}': the upstream may have processed the request already; match idempotent methods only, or retry only on connect-failure and refused-stream", Resilience, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "503, 5xx and reset can come after the upstream acted on the request.",
            helpLinkUri: HelpLinkBase + RuleIds.UnsafeRetryOn + ".md");

    public static readonly DiagnosticDescriptor RetryBudget = new(
        RuleIds.RetryBudget, "Retry budget exceeds the timeout", "{0} tries of {1} take up to {2}, longer than the rule's timeout of {3}: use a perTryTimeout of at most {4}", Resilience, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "perTryTimeout x (attempts + 1) must fit the route's timeout, or the last tries are cut off.",
            helpLinkUri: HelpLinkBase + RuleIds.RetryBudget + ".md");

    public static readonly DiagnosticDescriptor TooManyAttempts = new(
        RuleIds.TooManyAttempts, "Too many retry attempts", "{0} retry attempts multiply load on a struggling service: use at most 3 on a synchronous route", Resilience, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "Each retry adds load where the service is already failing; the seed recommends at most 3.",
            helpLinkUri: HelpLinkBase + RuleIds.TooManyAttempts + ".md");

    public static readonly DiagnosticDescriptor Retriable4xx = new(
        RuleIds.Retriable4xx, "retriable-4xx retries 409 Conflict", "'retriable-4xx' retries 409 Conflict responses: keep it only where a 409 is transient", Resilience, DiagnosticSeverity.Info, isEnabledByDefault: true,
            description: "retriable-4xx retries 409, which is only right for optimistic-concurrency conflicts.",
            helpLinkUri: HelpLinkBase + RuleIds.Retriable4xx + ".md");

    public static readonly DiagnosticDescriptor DefaultRetriesOnNonIdempotent = new(
        RuleIds.DefaultRetriesOnNonIdempotent, "Non-idempotent route inherits default retries", "Rule '{0}' serves {1} without a retry policy, so it inherits Istio's default of 2 retries: add [Retries(0)]", Resilience, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "Istio retries twice by default; say attempts: 0 explicitly on routes for writes.",
            helpLinkUri: HelpLinkBase + RuleIds.DefaultRetriesOnNonIdempotent + ".md");

    public static readonly DiagnosticDescriptor OutlierOutsideRecommended = new(
        RuleIds.OutlierOutsideRecommended, "Outlier detection outside recommended ranges", "{0} = {1} is outside the recommended range {2}", Policy, DiagnosticSeverity.Info, isEnabledByDefault: true,
            description: "The seed's recommended values for outlier detection.",
            helpLinkUri: HelpLinkBase + RuleIds.OutlierOutsideRecommended + ".md");

    public static readonly DiagnosticDescriptor LocalOriginWithoutSplit = new(
        RuleIds.LocalOriginWithoutSplit, "consecutiveLocalOriginFailures without splitExternalLocalOriginErrors", "ConsecutiveLocalOriginFailures needs SplitExternalLocalOriginErrors = true: Istio rejects it otherwise", Policy, DiagnosticSeverity.Error, isEnabledByDefault: true,
            description: "Local-origin failures are counted only when split from upstream errors.",
            helpLinkUri: HelpLinkBase + RuleIds.LocalOriginWithoutSplit + ".md");

    public static readonly DiagnosticDescriptor LoadBalancerConflict = new(
        RuleIds.LoadBalancerConflict, "Conflicting load balancer or policy settings", "{0}", Policy, DiagnosticSeverity.Error, isEnabledByDefault: true,
            description: "A load balancer takes one of simple, consistentHash and backendUtilization; a consistent hash one key and one ring, with a named cookie.",
            helpLinkUri: HelpLinkBase + RuleIds.LoadBalancerConflict + ".md");

    public static readonly DiagnosticDescriptor EmptyPolicy = new(
        RuleIds.EmptyPolicy, "Empty traffic policy", "[{0}] sets nothing and has no effect: set at least one of its values, or remove it", Policy, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "An empty policy section is rejected by Istio or ignored.",
            helpLinkUri: HelpLinkBase + RuleIds.EmptyPolicy + ".md");

    public static readonly DiagnosticDescriptor UnroutedSubset = new(
        RuleIds.UnroutedSubset, "Subset not routed to", "Subset '{0}' of '{1}' gets no traffic: no rule in this project routes or mirrors to it", Policy, DiagnosticSeverity.Info, isEnabledByDefault: true,
            description: "A subset that nothing routes to is a version that receives no traffic.",
            helpLinkUri: HelpLinkBase + RuleIds.UnroutedSubset + ".md");

    public static readonly DiagnosticDescriptor InvalidTrafficPolicy = new(
        RuleIds.InvalidTrafficPolicy, "DestinationRule setting Istio rejects", "{0}", Policy, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "Connection pool, outlier detection, consistent hash, locality, warm-up, tunnel and client TLS settings as Istio's webhook and CRD validate them.",
        helpLinkUri: HelpLinkBase + RuleIds.InvalidTrafficPolicy + ".md");

    public static readonly DiagnosticDescriptor TlsServerWithoutTls = new(
        RuleIds.TlsServerWithoutTls, "TLS server without TLS settings", "{0}", Gateways, DiagnosticSeverity.Error, isEnabledByDefault: true,
            description: "HTTPS and TLS servers need a TLS mode, and SIMPLE or MUTUAL a certificate.",
            helpLinkUri: HelpLinkBase + RuleIds.TlsServerWithoutTls + ".md");

    public static readonly DiagnosticDescriptor HttpsRedirectNotHttp = new(
        RuleIds.HttpsRedirectNotHttp, "httpsRedirect on a server that is not plain HTTP", "HttpsRedirect is for plain HTTP servers; this {0} server on port {1} never sees plain HTTP", Gateways, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "httpsRedirect answers plain HTTP requests with a redirect to HTTPS.",
            helpLinkUri: HelpLinkBase + RuleIds.HttpsRedirectNotHttp + ".md");

    public static readonly DiagnosticDescriptor ConflictingServers = new(
        RuleIds.ConflictingServers, "Servers conflict", "Port {0} host '{1}' is also served by {2}: Istio cannot tell which server a connection is for", Gateways, DiagnosticSeverity.Error, isEnabledByDefault: true,
            description: "Two servers on the same pods, port and host conflict (IST0145).",
            helpLinkUri: HelpLinkBase + RuleIds.ConflictingServers + ".md");

    public static readonly DiagnosticDescriptor InvalidServer = new(
        RuleIds.InvalidServer, "Gateway server Istio rejects", "{0}", Gateways, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "A server has hosts (namespace/FQDN, no partial wildcards), a bind that is an IP or a unix socket, TLS settings that fit its protocol, and one certificate source.",
        helpLinkUri: HelpLinkBase + RuleIds.InvalidServer + ".md");

    public static readonly DiagnosticDescriptor SubsetSelectsNothing = new(
        RuleIds.SubsetSelectsNothing, "Subset selects no workload", "Subset '{0}' of '{1}' selects no workload: no pods in namespace '{3}' carry {2}; {4}", Workloads, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "A subset's labels, with its service's selector, must select the pods of a workload in the same namespace, or its traffic gets 503 'no healthy upstream' (IST0173).",
        helpLinkUri: HelpLinkBase + RuleIds.SubsetSelectsNothing + ".md");

    public static readonly DiagnosticDescriptor SelectorSelectsNothing = new(
        RuleIds.SelectorSelectsNothing, "Service selector selects no workload", "Service '{0}' selects no workload: no pods in namespace '{2}' carry {1}; {3}", Workloads, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "A service's selector must select the pods of a workload in its namespace, or the service has no endpoints.",
        helpLinkUri: HelpLinkBase + RuleIds.SelectorSelectsNothing + ".md");

    public static readonly DiagnosticDescriptor UnreadableWorkloads = new(
        RuleIds.UnreadableWorkloads, "Workloads file cannot be read", "The workloads file cannot be read: {0}", Workloads, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "A file named in MeshDslWorkloads must be YAML that MeshDsl can read; otherwise its workloads are unknown and the checks cannot run.",
        helpLinkUri: HelpLinkBase + RuleIds.UnreadableWorkloads + ".md");

    public static readonly DiagnosticDescriptor SubsetsShareWorkloads = new(
        RuleIds.SubsetsShareWorkloads, "Two subsets select the same pods", "Subsets '{0}' and '{1}' of '{2}' select the same pods ({3}): a weight split between them is not what runs; give each version its own label", Workloads, DiagnosticSeverity.Warning, isEnabledByDefault: true,
        description: "Versions are told apart by their labels; subsets that select the same pods make weights and routing by version meaningless.",
        helpLinkUri: HelpLinkBase + RuleIds.SubsetsShareWorkloads + ".md");

    public static readonly DiagnosticDescriptor InvalidWorkload = new(
        RuleIds.InvalidWorkload, "Deployment or Service the Kubernetes API rejects", "{0}", Workloads, DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "A Deployment has a DNS-1123 name, an image and valid ports, probes and quantities; a Service has at least one port.",
        helpLinkUri: HelpLinkBase + RuleIds.InvalidWorkload + ".md");

    public static readonly DiagnosticDescriptor[] All =
    {
        InvalidDuration,
        PercentageOutOfRange,
        InvalidRegex,
        InvalidName,
        PortOutOfRange,
        ConflictingActions,
        InvalidFault,
        MalformedRetries,
        InvalidWeights,
        Duplicate,
        AmbiguousRuleOrder,
        SeveralDeclarations,
        InvalidStringMatch,
        MisplacedAttribute,
        UnknownEnumValue,
        InvalidHeader,
        UnwritableValue,
        InvalidRouteSetting,
        UnknownReference,
        UnreachableRule,
        IneffectiveMatch,
        WeightsNot100,
        HostNotInGateway,
        PortRequired,
        HeaderNotLowerCase,
        FaultOnAllTraffic,
        MirrorToOwnDestination,
        RetriesOnNonIdempotent,
        UnsafeRetryOn,
        RetryBudget,
        TooManyAttempts,
        Retriable4xx,
        DefaultRetriesOnNonIdempotent,
        OutlierOutsideRecommended,
        LocalOriginWithoutSplit,
        LoadBalancerConflict,
        EmptyPolicy,
        UnroutedSubset,
        InvalidTrafficPolicy,
        TlsServerWithoutTls,
        HttpsRedirectNotHttp,
        ConflictingServers,
        InvalidServer,
        SubsetSelectsNothing,
        SelectorSelectsNothing,
        UnreadableWorkloads,
        SubsetsShareWorkloads,
        InvalidWorkload,
    };
}
