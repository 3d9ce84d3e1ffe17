namespace MeshDsl.Rules;

internal enum RuleSeverity
{
    Error,
    Warning,
    Info,
}

/// <summary>The rule families, each a diagnostic category (<see cref="RuleInfo.CategoryName"/>).</summary>
internal enum RuleCategory
{
    Validation,
    Routing,
    Resilience,
    Policy,
    Gateways,
    Workloads,
    RateLimiting,
    Canary,
}

/// <summary>
/// One rule: what every front end and report needs to present it (ID, title, message, severity, category, help link,
/// whether a code fix exists) and the text of its page under docs/rules/, whose examples the tests compile.
/// </summary>
internal sealed record RuleInfo(string Id, string Title, string Message, RuleCategory Category, RuleSeverity Severity, string Description)
{
    public const string HelpLinkBase = "https://github.com/meshdsl/meshdsl/blob/main/docs/rules/";

    public string HelpLink => HelpLinkBase + Id + ".md";

    public string CategoryName => Category switch
    {
        RuleCategory.Policy => "MeshDsl.TrafficPolicy",
        RuleCategory.Gateways => "MeshDsl.Gateway",
        _ => "MeshDsl." + Category,
    };

    public bool Fixable { get; init; }

    /// <summary>
    /// The <c>istioctl analyze</c> message that reports the same problem (IST0106 for what the admission webhook rejects), or
    /// null when Istio has none (MeshDsl's own advice, C#-only mistakes, Kubernetes API rules).
    /// </summary>
    public string? IstioAnalyzer { get; init; }

    /// <summary>The Istio source the rule mirrors (a validation.go function, an istioctl check, the seed's advice).</summary>
    public string IstioSource { get; init; } = string.Empty;

    public string What { get; init; } = string.Empty;

    public string Why { get; init; } = string.Empty;

    /// <summary>C# the rule fires on (compiled by the tests); null when the example needs more than one file.</summary>
    public string? Bad { get; init; }

    /// <summary>The same, fixed: the rule stays quiet.</summary>
    public string? Good { get; init; }

    /// <summary>An example section, in markdown, for rules whose examples are not one C# file.</summary>
    public string? Note { get; init; }
}
