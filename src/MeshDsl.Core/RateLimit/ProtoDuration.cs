using System.Globalization;
using System.Text.RegularExpressions;

namespace MeshDsl.RateLimit;

/// <summary>
/// <c>google.protobuf.Duration</c> in its JSON form, the only one an EnvoyFilter's patch value takes: seconds with up to nine
/// fractional digits and an <c>s</c> (<c>"60s"</c>, <c>"0.05s"</c>). Istio's own notation (<c>"1m"</c>, <c>"500ms"</c>) does not
/// unmarshal there, and Istio rejects the EnvoyFilter.
/// </summary>
internal static class ProtoDuration
{
    private static readonly Regex Syntax = new(@"^-?\d+(\.\d{1,9})?s\z", RegexOptions.CultureInvariant);

    public static bool TryParse(string? text, out decimal nanoseconds)
    {
        nanoseconds = 0;
        if (text is null || !Syntax.IsMatch(text)) return false;
        nanoseconds = decimal.Parse(text.Substring(0, text.Length - 1), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * 1_000_000_000m;
        return true;
    }

    /// <summary>A duration in its JSON form: <c>60s</c>, <c>0.5s</c>.</summary>
    public static string Format(decimal nanoseconds)
    {
        var seconds = nanoseconds / 1_000_000_000m;
        var text = seconds.ToString("0.#########", CultureInfo.InvariantCulture);
        return text + "s";
    }
}
