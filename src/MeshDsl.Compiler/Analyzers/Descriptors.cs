using Microsoft.CodeAnalysis;

namespace MeshDsl.Analyzers;

/// <summary>Every diagnostic MeshDsl reports. Each ID has its page under docs/rules/.</summary>
internal static class Descriptors
{
    public const string HelpLinkBase = "https://github.com/meshdsl/meshdsl/blob/main/docs/rules/";

    public static readonly DiagnosticDescriptor InvalidDuration = new(
        RuleIds.InvalidDuration,
        title: "Invalid Istio duration",
        messageFormat: "'{0}' is not a valid duration for {1}: {2}",
        category: "MeshDsl.Validation",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Istio accepts Go durations (a number and a unit: ns, us, ms, s, m, h) of at least 1ms and in whole milliseconds; the API server rejects anything else.",
        helpLinkUri: HelpLinkBase + RuleIds.InvalidDuration + ".md");

    public static readonly DiagnosticDescriptor UnknownDestination = new(
        RuleIds.UnknownDestination,
        title: "Route to a type that is neither a subset nor a service",
        messageFormat: "'{0}' is neither a [Subset] class nor a [MeshService] class: route to one of those, or use [RouteToHost] for a host outside the model",
        category: "MeshDsl.Routing",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A destination must name a subset or service the model defines (Istio's IST0101 finds the same problem after deployment).",
        helpLinkUri: HelpLinkBase + RuleIds.UnknownDestination + ".md");

    public static readonly DiagnosticDescriptor[] All = { InvalidDuration, UnknownDestination };
}
