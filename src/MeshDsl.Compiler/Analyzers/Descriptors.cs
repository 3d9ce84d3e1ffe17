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

    public static readonly DiagnosticDescriptor UnknownReference = new(
        RuleIds.UnknownReference,
        title: "Reference to something the model does not define",
        messageFormat: "'{0}' is not {1}",
        category: "MeshDsl.Routing",
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "A destination, mirror, gateway or delegate must name a class the model defines; a host outside the model uses the *Host form (Istio's IST0101 finds the same problem after deployment).",
        helpLinkUri: HelpLinkBase + RuleIds.UnknownReference + ".md");

    public static readonly DiagnosticDescriptor[] All = { InvalidDuration, UnknownReference };
}
