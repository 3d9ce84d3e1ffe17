using System;
using System.Collections.Generic;
using System.Linq;

namespace MeshDsl.Testing;

/// <summary>One destination of a routed request: the host, the subset (and its C# type when the mesh declares it), the weight.</summary>
public sealed class RoutedTo
{
    internal RoutedTo(string host, string? subset, Type? subsetType, int weight)
    {
        Host = host;
        Subset = subset;
        SubsetType = subsetType;
        Weight = weight;
    }

    /// <summary>The destination's FQDN.</summary>
    public string Host { get; }

    public string? Subset { get; }

    /// <summary>The <c>[Subset]</c> class of that subset, when the mesh assembly declares it.</summary>
    public Type? SubsetType { get; }

    /// <summary>The share of requests sent here, in percent.</summary>
    public int Weight { get; }

    public override string ToString() => Host + (Subset is null ? string.Empty : " " + Subset) + " " + Weight + "%";
}

/// <summary>Where a request went and why (<see cref="Explanation"/> is what <c>meshdsl explain</c> prints).</summary>
public sealed class RouteResult
{
    internal RouteResult(string outcome, string? virtualService, string? rule, IReadOnlyList<RoutedTo> destinations, string explanation)
    {
        Outcome = outcome;
        VirtualService = virtualService;
        Rule = rule;
        Destinations = destinations;
        Explanation = explanation;
    }

    /// <summary><c>Routed</c>, <c>DefaultRouting</c>, <c>Redirected</c>, <c>DirectResponse</c>, <c>NoRoute</c> or <c>NotAccepted</c>.</summary>
    public string Outcome { get; }

    public string? VirtualService { get; }

    /// <summary>The matched rule's name, or <c>#n</c> for an unnamed one.</summary>
    public string? Rule { get; }

    public IReadOnlyList<RoutedTo> Destinations { get; }

    public string Explanation { get; }

    /// <summary>The share of requests that reach the subset <typeparamref name="TSubset"/> (0 when none do).</summary>
    public int WeightTo<TSubset>() => WeightTo(typeof(TSubset));

    public int WeightTo(Type subset) => Destinations.Where(d => d.SubsetType == subset).Sum(d => d.Weight);

    /// <summary>Whether every request reaches the subset <typeparamref name="TSubset"/>.</summary>
    public bool GoesTo<TSubset>() => WeightTo<TSubset>() == 100 || (Destinations.Count == 1 && Destinations[0].SubsetType == typeof(TSubset));

    public override string ToString() => Explanation;
}

/// <summary>One routing test case's result (istio-config-validator's format), as <c>meshdsl test</c> prints it.</summary>
public sealed class RoutingTestResult
{
    internal RoutingTestResult(string description, bool passed, int requests, string? failure)
    {
        Description = description;
        Passed = passed;
        Requests = requests;
        Failure = failure;
    }

    public string Description { get; }

    public bool Passed { get; }

    /// <summary>How many requests the case unfolded into (authorities x methods x URIs).</summary>
    public int Requests { get; }

    /// <summary>Why it failed: the request and what its rule had instead of what was expected.</summary>
    public string? Failure { get; }

    public override string ToString() => (Passed ? "PASS " : "FAIL ") + Description + (Failure is null ? string.Empty : ": " + Failure);
}
