using System.Globalization;

namespace MeshDsl.Istio;

/// <summary>
/// Istio's duration notation: Go's <c>time.ParseDuration</c> syntax (<c>"10s"</c>, <c>"1500ms"</c>, <c>"1h30m"</c>),
/// which Istio then requires to be at least 1 ms and a whole number of milliseconds (ValidateDuration).
/// </summary>
internal static class IstioDuration
{
    internal enum Problem
    {
        None,
        Syntax,
        BelowOneMillisecond,
        FinerThanMillisecond,

        /// <summary>Longer than Go's <c>time.Duration</c> holds (an int64 of nanoseconds, about 2562047h): Go rejects it.</summary>
        TooLong,
    }

    /// <summary>Parses <paramref name="text"/> as Istio would; <paramref name="nanoseconds"/> is set when the syntax is right.</summary>
    public static Problem Validate(string text, out decimal nanoseconds)
    {
        if (!TryParseGo(text, out nanoseconds, out var tooLong)) return tooLong ? Problem.TooLong : Problem.Syntax;
        if (nanoseconds < 1_000_000m) return Problem.BelowOneMillisecond;
        if (nanoseconds % 1_000_000m != 0) return Problem.FinerThanMillisecond;
        return Problem.None;
    }

    /// <summary>Go's grammar: <c>[-+]?([0-9]*(\.[0-9]*)?(ns|us|µs|μs|ms|s|m|h))+</c>, or <c>"0"</c>.</summary>
    public static bool TryParseGo(string? text, out decimal nanoseconds) => TryParseGo(text, out nanoseconds, out _);

    /// <summary>The largest duration Go can hold: <c>math.MaxInt64</c> nanoseconds.</summary>
    private const decimal MaxNanoseconds = long.MaxValue;

    private static bool TryParseGo(string? text, out decimal nanoseconds, out bool tooLong)
    {
        nanoseconds = 0;
        tooLong = false;
        if (string.IsNullOrEmpty(text)) return false;
        var s = text!;
        var i = 0;
        var negative = false;
        if (s[0] == '-' || s[0] == '+')
        {
            negative = s[0] == '-';
            i++;
        }

        if (s.Substring(i) == "0") return true;
        if (i == s.Length) return false;

        decimal total = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (IsAsciiDigit(s[i]) || s[i] == '.')) i++;
            var number = s.Substring(start, i - start);
            if (number.Length == 0 || number == "." || number.IndexOf('.') != number.LastIndexOf('.')) return false;
            if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return false;

            var unitStart = i;
            while (i < s.Length && !IsAsciiDigit(s[i]) && s[i] != '.') i++;
            var unit = s.Substring(unitStart, i - unitStart) switch
            {
                "ns" => 1m,
                "us" or "µs" or "μs" => 1_000m,
                "ms" => 1_000_000m,
                "s" => 1_000_000_000m,
                "m" => 60_000_000_000m,
                "h" => 3_600_000_000_000m,
                _ => 0m,
            };
            if (unit == 0m) return false;

            // Checked before multiplying: decimal overflows (and throws) long before the text stops being a number.
            if (value > (MaxNanoseconds - total) / unit)
            {
                tooLong = true;
                return false;
            }

            total += value * unit;
        }

        nanoseconds = negative ? -total : total;
        return true;
    }

    private static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';

    /// <summary>The shortest exact spelling of a whole number of milliseconds: <c>"1h"</c>, <c>"90s"</c>, <c>"1500ms"</c>.</summary>
    public static string Format(decimal nanoseconds)
    {
        var ms = decimal.Truncate(nanoseconds / 1_000_000m);
        if (ms <= 0) return "1ms";
        if (ms % 3_600_000m == 0) return (ms / 3_600_000m).ToString(CultureInfo.InvariantCulture) + "h";
        if (ms % 60_000m == 0) return (ms / 60_000m).ToString(CultureInfo.InvariantCulture) + "m";
        if (ms % 1_000m == 0) return (ms / 1_000m).ToString(CultureInfo.InvariantCulture) + "s";
        return ms.ToString(CultureInfo.InvariantCulture) + "ms";
    }
}
