using Microsoft.CodeAnalysis;
using MeshDsl.Rules;

namespace MeshDsl.Analyzers;

/// <summary>
/// Every diagnostic MeshDsl reports, made from <see cref="RuleCatalog"/> (the one place rule metadata lives, shared with the
/// CLI and the docs). Each ID has its page under docs/rules/, which helpLinkUri points to.
/// </summary>
internal static class Descriptors
{
    public const string HelpLinkBase = RuleInfo.HelpLinkBase;

    public static readonly DiagnosticDescriptor InvalidDuration = Create(RuleIds.InvalidDuration);

    public static readonly DiagnosticDescriptor PercentageOutOfRange = Create(RuleIds.PercentageOutOfRange);

    public static readonly DiagnosticDescriptor InvalidRegex = Create(RuleIds.InvalidRegex);

    public static readonly DiagnosticDescriptor InvalidName = Create(RuleIds.InvalidName);

    public static readonly DiagnosticDescriptor PortOutOfRange = Create(RuleIds.PortOutOfRange);

    public static readonly DiagnosticDescriptor ConflictingActions = Create(RuleIds.ConflictingActions);

    public static readonly DiagnosticDescriptor InvalidFault = Create(RuleIds.InvalidFault);

    public static readonly DiagnosticDescriptor MalformedRetries = Create(RuleIds.MalformedRetries);

    public static readonly DiagnosticDescriptor InvalidWeights = Create(RuleIds.InvalidWeights);

    public static readonly DiagnosticDescriptor Duplicate = Create(RuleIds.Duplicate);

    public static readonly DiagnosticDescriptor AmbiguousRuleOrder = Create(RuleIds.AmbiguousRuleOrder);

    public static readonly DiagnosticDescriptor SeveralDeclarations = Create(RuleIds.SeveralDeclarations);

    public static readonly DiagnosticDescriptor InvalidStringMatch = Create(RuleIds.InvalidStringMatch);

    public static readonly DiagnosticDescriptor MisplacedAttribute = Create(RuleIds.MisplacedAttribute);

    public static readonly DiagnosticDescriptor UnknownEnumValue = Create(RuleIds.UnknownEnumValue);

    public static readonly DiagnosticDescriptor InvalidHeader = Create(RuleIds.InvalidHeader);

    public static readonly DiagnosticDescriptor UnwritableValue = Create(RuleIds.UnwritableValue);

    public static readonly DiagnosticDescriptor InvalidRouteSetting = Create(RuleIds.InvalidRouteSetting);

    /// <summary>Reported by the YAML front end (<c>meshdsl analyze</c>); never by the C# analyzers, which read no Istio YAML.</summary>
    public static readonly DiagnosticDescriptor InvalidYaml = Create(RuleIds.InvalidYaml);
    public static readonly DiagnosticDescriptor InvalidServiceEntry = Create(RuleIds.InvalidServiceEntry);
    public static readonly DiagnosticDescriptor FillIntervalTooShort = Create(RuleIds.FillIntervalTooShort);
    public static readonly DiagnosticDescriptor InvalidTokenBucket = Create(RuleIds.InvalidTokenBucket);
    public static readonly DiagnosticDescriptor TokensBeyondBucket = Create(RuleIds.TokensBeyondBucket);
    public static readonly DiagnosticDescriptor RateLimitNotEnforced = Create(RuleIds.RateLimitNotEnforced);
    public static readonly DiagnosticDescriptor RelativePatchWithoutPriority = Create(RuleIds.RelativePatchWithoutPriority);
    public static readonly DiagnosticDescriptor IgnoredPatchOperation = Create(RuleIds.IgnoredPatchOperation);
    public static readonly DiagnosticDescriptor EnvoyFilterSelectsNothing = Create(RuleIds.EnvoyFilterSelectsNothing);
    public static readonly DiagnosticDescriptor InvalidRateLimitStatus = Create(RuleIds.InvalidRateLimitStatus);
    public static readonly DiagnosticDescriptor InvalidEnvoyFilter = Create(RuleIds.InvalidEnvoyFilter);
    public static readonly DiagnosticDescriptor InvalidRateLimitConfig = Create(RuleIds.InvalidRateLimitConfig);
    public static readonly DiagnosticDescriptor UnpinnedImage = Create(RuleIds.UnpinnedImage);
    public static readonly DiagnosticDescriptor LimitNothingReaches = Create(RuleIds.LimitNothingReaches);
    public static readonly DiagnosticDescriptor DescriptorNoLimitMatches = Create(RuleIds.DescriptorNoLimitMatches);
    public static readonly DiagnosticDescriptor CanaryStepWeights = Create(RuleIds.CanaryStepWeights);
    public static readonly DiagnosticDescriptor CanaryThresholdUnit = Create(RuleIds.CanaryThresholdUnit);
    public static readonly DiagnosticDescriptor ControllerOwnsHost = Create(RuleIds.ControllerOwnsHost);
    public static readonly DiagnosticDescriptor RoutingControllerDrops = Create(RuleIds.RoutingControllerDrops);
    public static readonly DiagnosticDescriptor ArgoRouteUnnamed = Create(RuleIds.ArgoRouteUnnamed);
    public static readonly DiagnosticDescriptor CanaryRouteDestinations = Create(RuleIds.CanaryRouteDestinations);
    public static readonly DiagnosticDescriptor CanaryWithoutTraffic = Create(RuleIds.CanaryWithoutTraffic);
    public static readonly DiagnosticDescriptor CanarySubsetWithoutWorkload = Create(RuleIds.CanarySubsetWithoutWorkload);
    public static readonly DiagnosticDescriptor InvalidCanary = Create(RuleIds.InvalidCanary);
    public static readonly DiagnosticDescriptor WebhookNotRun = Create(RuleIds.WebhookNotRun);
    public static readonly DiagnosticDescriptor UnknownCanaryEngine = Create(RuleIds.UnknownCanaryEngine);

    public static readonly DiagnosticDescriptor CanaryEngineSetsWeights = Create(RuleIds.CanaryEngineSetsWeights);

    public static readonly DiagnosticDescriptor UnknownReference = Create(RuleIds.UnknownReference);

    public static readonly DiagnosticDescriptor UnreachableRule = Create(RuleIds.UnreachableRule);

    public static readonly DiagnosticDescriptor IneffectiveMatch = Create(RuleIds.IneffectiveMatch);

    public static readonly DiagnosticDescriptor WeightsNot100 = Create(RuleIds.WeightsNot100);

    public static readonly DiagnosticDescriptor HostNotInGateway = Create(RuleIds.HostNotInGateway);

    public static readonly DiagnosticDescriptor PortRequired = Create(RuleIds.PortRequired);

    public static readonly DiagnosticDescriptor HeaderNotLowerCase = Create(RuleIds.HeaderNotLowerCase);

    public static readonly DiagnosticDescriptor FaultOnAllTraffic = Create(RuleIds.FaultOnAllTraffic);

    public static readonly DiagnosticDescriptor MirrorToOwnDestination = Create(RuleIds.MirrorToOwnDestination);

    public static readonly DiagnosticDescriptor SubsetsIgnoredAtIngress = Create(RuleIds.SubsetsIgnoredAtIngress);

    public static readonly DiagnosticDescriptor UnknownHost = Create(RuleIds.UnknownHost);

    public static readonly DiagnosticDescriptor InternalGatewayReference = Create(RuleIds.InternalGatewayReference);

    public static readonly DiagnosticDescriptor RetriesOnNonIdempotent = Create(RuleIds.RetriesOnNonIdempotent);

    public static readonly DiagnosticDescriptor UnsafeRetryOn = Create(RuleIds.UnsafeRetryOn);

    public static readonly DiagnosticDescriptor RetryBudget = Create(RuleIds.RetryBudget);

    public static readonly DiagnosticDescriptor TooManyAttempts = Create(RuleIds.TooManyAttempts);

    public static readonly DiagnosticDescriptor Retriable4xx = Create(RuleIds.Retriable4xx);

    public static readonly DiagnosticDescriptor DefaultRetriesOnNonIdempotent = Create(RuleIds.DefaultRetriesOnNonIdempotent);

    public static readonly DiagnosticDescriptor OutlierOutsideRecommended = Create(RuleIds.OutlierOutsideRecommended);

    public static readonly DiagnosticDescriptor LocalOriginWithoutSplit = Create(RuleIds.LocalOriginWithoutSplit);

    public static readonly DiagnosticDescriptor LoadBalancerConflict = Create(RuleIds.LoadBalancerConflict);

    public static readonly DiagnosticDescriptor EmptyPolicy = Create(RuleIds.EmptyPolicy);

    public static readonly DiagnosticDescriptor UnroutedSubset = Create(RuleIds.UnroutedSubset);

    public static readonly DiagnosticDescriptor InvalidTrafficPolicy = Create(RuleIds.InvalidTrafficPolicy);

    public static readonly DiagnosticDescriptor NoServerCertificateVerification = Create(RuleIds.NoServerCertificateVerification);

    public static readonly DiagnosticDescriptor TlsServerWithoutTls = Create(RuleIds.TlsServerWithoutTls);

    public static readonly DiagnosticDescriptor HttpsRedirectNotHttp = Create(RuleIds.HttpsRedirectNotHttp);

    public static readonly DiagnosticDescriptor ConflictingServers = Create(RuleIds.ConflictingServers);

    public static readonly DiagnosticDescriptor InvalidServer = Create(RuleIds.InvalidServer);

    public static readonly DiagnosticDescriptor GatewayPortNotExposed = Create(RuleIds.GatewayPortNotExposed);

    public static readonly DiagnosticDescriptor SubsetSelectsNothing = Create(RuleIds.SubsetSelectsNothing);

    public static readonly DiagnosticDescriptor SelectorSelectsNothing = Create(RuleIds.SelectorSelectsNothing);

    public static readonly DiagnosticDescriptor UnreadableWorkloads = Create(RuleIds.UnreadableWorkloads);

    public static readonly DiagnosticDescriptor SubsetsShareWorkloads = Create(RuleIds.SubsetsShareWorkloads);

    public static readonly DiagnosticDescriptor InvalidWorkload = Create(RuleIds.InvalidWorkload);

    public static readonly DiagnosticDescriptor PortWithTwoProtocols = Create(RuleIds.PortWithTwoProtocols);

    public static readonly DiagnosticDescriptor TargetPortWithTwoPorts = Create(RuleIds.TargetPortWithTwoPorts);

    private static DiagnosticDescriptor Create(string id)
    {
        var rule = RuleCatalog.Get(id);
        var severity = rule.Severity switch
        {
            RuleSeverity.Error => DiagnosticSeverity.Error,
            RuleSeverity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        };
        return new DiagnosticDescriptor(id, rule.Title, rule.Message, rule.CategoryName, severity, isEnabledByDefault: true, rule.Description, rule.HelpLink);
    }

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
        InvalidYaml,
        InvalidServiceEntry,
        UnknownReference,
        UnreachableRule,
        IneffectiveMatch,
        WeightsNot100,
        HostNotInGateway,
        PortRequired,
        HeaderNotLowerCase,
        FaultOnAllTraffic,
        MirrorToOwnDestination,
        SubsetsIgnoredAtIngress,
        UnknownHost,
        InternalGatewayReference,
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
        NoServerCertificateVerification,
        TlsServerWithoutTls,
        HttpsRedirectNotHttp,
        ConflictingServers,
        InvalidServer,
        GatewayPortNotExposed,
        SubsetSelectsNothing,
        SelectorSelectsNothing,
        UnreadableWorkloads,
        SubsetsShareWorkloads,
        InvalidWorkload,
        PortWithTwoProtocols,
        TargetPortWithTwoPorts,
        FillIntervalTooShort,
        InvalidTokenBucket,
        TokensBeyondBucket,
        RateLimitNotEnforced,
        RelativePatchWithoutPriority,
        IgnoredPatchOperation,
        EnvoyFilterSelectsNothing,
        InvalidRateLimitStatus,
        InvalidEnvoyFilter,
        InvalidRateLimitConfig,
        UnpinnedImage,
        LimitNothingReaches,
        DescriptorNoLimitMatches,
        CanaryStepWeights,
        CanaryThresholdUnit,
        ControllerOwnsHost,
        RoutingControllerDrops,
        ArgoRouteUnnamed,
        CanaryRouteDestinations,
        CanaryWithoutTraffic,
        CanarySubsetWithoutWorkload,
        InvalidCanary,
        WebhookNotRun,
        UnknownCanaryEngine,
        CanaryEngineSetsWeights,
    };
}
