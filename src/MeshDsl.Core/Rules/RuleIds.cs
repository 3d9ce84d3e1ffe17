namespace MeshDsl;

/// <summary>Diagnostic IDs: part of the product, never reused. The catalog is in docs/rules/.</summary>
internal static class RuleIds
{
    // Errors: what Istio itself would reject.
    public const string InvalidDuration = "MESH001";
    public const string PercentageOutOfRange = "MESH002";
    public const string InvalidRegex = "MESH003";
    public const string InvalidName = "MESH004";
    public const string PortOutOfRange = "MESH005";
    public const string ConflictingActions = "MESH006";
    public const string InvalidFault = "MESH007";
    public const string MalformedRetries = "MESH008";
    public const string InvalidWeights = "MESH009";
    public const string Duplicate = "MESH010";
    public const string AmbiguousRuleOrder = "MESH011";
    public const string SeveralDeclarations = "MESH012";
    public const string InvalidStringMatch = "MESH013";
    public const string MisplacedAttribute = "MESH014";
    public const string UnknownEnumValue = "MESH015";
    public const string InvalidHeader = "MESH016";
    public const string UnwritableValue = "MESH017";
    public const string InvalidRouteSetting = "MESH018";
    public const string InvalidYaml = "MESH019";
    public const string InvalidServiceEntry = "MESH020";

    // Routing.
    public const string UnknownReference = "MESH101";
    public const string UnreachableRule = "MESH102";
    public const string IneffectiveMatch = "MESH103";
    public const string WeightsNot100 = "MESH104";
    public const string HostNotInGateway = "MESH105";
    public const string PortRequired = "MESH106";
    public const string HeaderNotLowerCase = "MESH107";
    public const string FaultOnAllTraffic = "MESH108";
    public const string MirrorToOwnDestination = "MESH109";
    public const string SubsetsIgnoredAtIngress = "MESH110";
    public const string UnknownHost = "MESH111";
    public const string InternalGatewayReference = "MESH112";

    // Resilience.
    public const string RetriesOnNonIdempotent = "MESH201";
    public const string UnsafeRetryOn = "MESH202";
    public const string RetryBudget = "MESH203";
    public const string TooManyAttempts = "MESH204";
    public const string Retriable4xx = "MESH205";
    public const string DefaultRetriesOnNonIdempotent = "MESH206";

    // Traffic policy and gateways.
    public const string OutlierOutsideRecommended = "MESH301";
    public const string LocalOriginWithoutSplit = "MESH302";
    public const string LoadBalancerConflict = "MESH303";
    public const string EmptyPolicy = "MESH304";
    public const string UnroutedSubset = "MESH305";
    public const string InvalidTrafficPolicy = "MESH306";
    public const string NoServerCertificateVerification = "MESH307";
    public const string TlsServerWithoutTls = "MESH401";
    public const string HttpsRedirectNotHttp = "MESH402";
    public const string ConflictingServers = "MESH403";
    public const string InvalidServer = "MESH404";
    public const string GatewayPortNotExposed = "MESH405";

    // Workloads.
    public const string SubsetSelectsNothing = "MESH501";
    public const string SelectorSelectsNothing = "MESH502";
    public const string UnreadableWorkloads = "MESH503";
    public const string SubsetsShareWorkloads = "MESH504";
    public const string InvalidWorkload = "MESH505";
    public const string PortWithTwoProtocols = "MESH506";
    public const string TargetPortWithTwoPorts = "MESH507";

    // Rate limiting and the EnvoyFilters that carry it.
    public const string FillIntervalTooShort = "MESH601";
    public const string InvalidTokenBucket = "MESH602";
    public const string TokensBeyondBucket = "MESH603";
    public const string RateLimitNotEnforced = "MESH604";
    public const string RelativePatchWithoutPriority = "MESH605";
    public const string IgnoredPatchOperation = "MESH606";
    public const string EnvoyFilterSelectsNothing = "MESH607";
    public const string InvalidRateLimitStatus = "MESH608";
    public const string InvalidEnvoyFilter = "MESH609";
    public const string InvalidRateLimitConfig = "MESH610";
    public const string UnpinnedImage = "MESH611";
    public const string LimitNothingReaches = "MESH612";
    public const string DescriptorNoLimitMatches = "MESH613";

    // Progressive canaries and the engines that run them.
    public const string CanaryStepWeights = "MESH701";
    public const string CanaryThresholdUnit = "MESH702";
    public const string ControllerOwnsHost = "MESH703";
    public const string RoutingControllerDrops = "MESH704";
    public const string ArgoRouteUnnamed = "MESH705";
    public const string CanaryRouteDestinations = "MESH706";
    public const string CanaryWithoutTraffic = "MESH707";
    public const string CanarySubsetWithoutWorkload = "MESH708";
    public const string InvalidCanary = "MESH709";
    public const string WebhookNotRun = "MESH710";
    public const string UnknownCanaryEngine = "MESH711";
    public const string CanaryEngineSetsWeights = "MESH712";
}
