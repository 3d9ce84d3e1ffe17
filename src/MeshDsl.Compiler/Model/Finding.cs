using MeshDsl.Helpers;

namespace MeshDsl.Model;

/// <summary>
/// A problem a rule found in the model: the rule, the node's origin, the Istio field at fault (in Istio's
/// camelCase spelling; empty when the whole node is at fault) and the message arguments.
/// </summary>
internal sealed record Finding(string RuleId, SourceRef Origin, string Field, EquatableArray<string> MessageArgs)
{
    /// <summary>The replacement a code fix should write, when the rule knows it (for example the perTryTimeout that fits).</summary>
    public string? Fix { get; init; }
}
