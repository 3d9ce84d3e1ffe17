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

    /// <summary>
    /// A <see cref="Field"/> naming one element of an array or <c>params</c> setting, <c>hosts[1]</c>, so the squiggle lands on
    /// that element (read back by the analyzer's SourceLocator).
    /// </summary>
    public static string Element(string field, int index) => field + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

    /// <summary>Reads back what <see cref="Element"/> wrote: <c>hosts[1]</c> is (<c>hosts</c>, 1); a plain field has no index.</summary>
    public static (string Name, int? Index) SplitElement(string field)
    {
        var open = field.IndexOf('[');
        if (open < 0 || !field.EndsWith("]", System.StringComparison.Ordinal)) return (field, null);
        return int.TryParse(field.Substring(open + 1, field.Length - open - 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
            ? (field.Substring(0, open), index)
            : (field, null);
    }
}
