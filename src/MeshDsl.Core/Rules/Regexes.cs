using System;
using System.Text.RegularExpressions;

namespace MeshDsl.Rules;

/// <summary>
/// What Envoy's RE2 engine accepts. RE2 has no lookaround, backreferences, possessive quantifiers, atomic groups or
/// conditionals; everything else the two syntaxes share is checked by parsing with .NET's engine.
/// </summary>
internal static class Regexes
{
    public const int MaxLength = 1024;

    private static readonly (string Token, string Why)[] Unsupported =
    {
        ("(?=", "lookahead"), ("(?!", "negative lookahead"), ("(?<=", "lookbehind"), ("(?<!", "negative lookbehind"),
        ("(?>", "atomic groups"), ("(?(", "conditionals"), ("*+", "possessive quantifiers"), ("++", "possessive quantifiers"),
        ("?+", "possessive quantifiers"), ("}+", "possessive quantifiers"), ("\\G", "\\G anchors"), ("\\Z", "\\Z (use \\z)"),
    };

    /// <summary>Why Istio would reject the regex, or null when it accepts it.</summary>
    public static string? Problem(string? pattern)
    {
        if (pattern is null) return null;
        if (pattern.Length == 0) return "it is empty";
        if (pattern.Length > MaxLength) return "it is longer than Istio's limit of 1024 characters";
        foreach (var (token, why) in Unsupported)
        {
            if (Unescaped(pattern, token)) return "RE2, the engine Envoy uses, has no " + why;
        }

        if (Regex.IsMatch(pattern, @"(?<!\\)(\\\\)*\\[1-9]")) return "RE2, the engine Envoy uses, has no backreferences";
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException ex)
        {
            return "it does not parse (" + ex.Message.TrimEnd('.') + ")";
        }

        return null;
    }

    /// <summary>Whether <paramref name="value"/> matches the whole pattern, as Envoy's full-match does; null when the pattern is unusable.</summary>
    public static bool? TryMatch(string pattern, string value)
    {
        try
        {
            return Regex.IsMatch(value, "^(?:" + pattern + ")\\z", RegexOptions.None, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static bool Unescaped(string pattern, string token)
    {
        for (var i = pattern.IndexOf(token, StringComparison.Ordinal); i >= 0; i = pattern.IndexOf(token, i + 1, StringComparison.Ordinal))
        {
            var backslashes = 0;
            for (var j = i - 1; j >= 0 && pattern[j] == '\\'; j--) backslashes++;
            if (backslashes % 2 == 0) return true;
        }

        return false;
    }
}
