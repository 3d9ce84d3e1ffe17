using System.Collections.Generic;
using MeshDsl.Model;

namespace MeshDsl.Simulation;

/// <summary>How the request ends: routed, redirected, answered by the route itself, or not routed at all.</summary>
internal enum RouteOutcome
{
    /// <summary>Routed to the destinations of a VirtualService rule.</summary>
    Routed,

    /// <summary>No VirtualService for the host: Kubernetes' default routing, every pod of the Service.</summary>
    DefaultRouting,

    Redirected,

    DirectResponse,

    /// <summary>A VirtualService has the host but no rule matches: Envoy answers 404 (route not found).</summary>
    NoRoute,

    /// <summary>A gateway has no server for the port and host: the request is refused there (404, or no listener).</summary>
    NotAccepted,
}

/// <summary>Why one rule before the chosen one did not match (each of its match blocks, with the first condition that failed).</summary>
internal sealed record RuleMiss(int Index, string? Name, IReadOnlyList<string> Reasons);

/// <summary>A destination with its share of the traffic and the DestinationRule policy that applies to it.</summary>
internal sealed record RoutedDestination(Destination Destination, string Fqdn, int Weight, DestinationRule? DestinationRule, TrafficPolicy? Policy);

/// <summary>
/// What the simulator decided, and why: the VirtualService and rule (and match block) that took the request, why each earlier
/// rule did not, the destinations, and the settings that then apply (Istio's defaults made explicit where none is set).
/// </summary>
internal sealed record RouteDecision(
    RouteOutcome Outcome,
    string Fqdn,
    VirtualService? VirtualService,
    int? RuleIndex,
    HttpRoute? Rule,
    int? MatchIndex,
    IReadOnlyList<RuleMiss> Skipped,
    IReadOnlyList<RoutedDestination> Destinations,
    IReadOnlyList<string> Notes)
{
    /// <summary>The delegate VirtualService the rule handed the request to, when it did.</summary>
    public VirtualService? Delegate { get; init; }

    /// <summary>The route's timeout, or Istio's default: none (the request waits as long as the upstream takes).</summary>
    public string Timeout => Rule?.Timeout ?? "none (Istio sets no route timeout unless asked)";

    /// <summary>The route's retries, or Istio's default policy when it sets none.</summary>
    public string Retries => Rule?.Retries is { } r
        ? r.Attempts == 0 ? "none (retries: 0)" : $"{r.Attempts} attempts" + (r.PerTryTimeout is null ? string.Empty : ", " + r.PerTryTimeout + " per try") + (r.RetryOn is { } on ? ", on " + string.Join(",", on) : string.Empty)
        : "Istio's default: 2 attempts, on connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes (503), another host each time";
}
