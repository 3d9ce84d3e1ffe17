using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MeshDsl.Yaml;

/// <summary>
/// Writes a <see cref="YamlNode"/> tree as block YAML in kubectl's layout (sequences at their key's indent).
/// Our own writer, not YamlDotNet, because it runs in the compiler: it must be cheap and must not depend on
/// whichever YamlDotNet version other analyzers bring. Output is "\n"-terminated and culture-independent.
/// </summary>
internal static class YamlWriter
{
    // YAML 1.1 and 1.2 scalars that a reader would not take as a string: booleans, nulls, numbers, timestamps.
    private static readonly Regex NonString = new(
        @"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~"
        + @"|[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
        + @"|[-+]?0[xX][0-9a-fA-F_]+|0[oO]?[0-7_]+|[-+]?0[bB][01_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?"
        + @"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*"
        + @"|[-+]?(?:[0-9][0-9_]*)?\.[0-9.]*(?:[eE][-+][0-9]+)?)$",
        RegexOptions.CultureInvariant);

    public static string Write(YamlNode root)
    {
        var sb = new StringBuilder();
        WriteNode(sb, root, 0, inSequence: false);
        return sb.ToString();
    }

    public static void Write(StringBuilder sb, YamlNode root) => WriteNode(sb, root, 0, inSequence: false);

    private static void WriteNode(StringBuilder sb, YamlNode node, int indent, bool inSequence)
    {
        switch (node)
        {
            case YamlMapping map:
                WriteMapping(sb, map, indent, inSequence);
                break;
            case YamlSequence seq:
                WriteSequence(sb, seq, indent);
                break;
            case YamlScalar scalar:
                sb.Append(Scalar(scalar)).Append('\n');
                break;
        }
    }

    private static void WriteMapping(StringBuilder sb, YamlMapping map, int indent, bool firstLineStarted)
    {
        if (map.Count == 0)
        {
            sb.Append("{}\n");
            return;
        }

        for (var i = 0; i < map.Entries.Count; i++)
        {
            var entry = map.Entries[i];
            if (!(firstLineStarted && i == 0)) sb.Append(' ', indent);
            sb.Append(Key(entry.Key)).Append(':');
            switch (entry.Value)
            {
                case YamlScalar scalar:
                    sb.Append(' ').Append(Scalar(scalar)).Append('\n');
                    break;
                case YamlMapping { Count: 0 }:
                    sb.Append(" {}\n");
                    break;
                case YamlSequence { Items.Count: 0 }:
                    sb.Append(" []\n");
                    break;
                case YamlMapping child:
                    sb.Append('\n');
                    WriteMapping(sb, child, indent + 2, false);
                    break;
                case YamlSequence child:
                    sb.Append('\n');
                    WriteSequence(sb, child, indent);
                    break;
            }
        }
    }

    private static void WriteSequence(StringBuilder sb, YamlSequence seq, int indent)
    {
        foreach (var item in seq.Items)
        {
            sb.Append(' ', indent).Append("- ");
            switch (item)
            {
                case YamlMapping { Count: > 0 } map:
                    WriteMapping(sb, map, indent + 2, true);
                    break;
                case YamlSequence { Items.Count: > 0 } nested:
                    sb.Append('\n');
                    WriteSequence(sb, nested, indent + 2);
                    break;
                default:
                    WriteNode(sb, item, indent + 2, true);
                    break;
            }
        }
    }

    private static string Key(string key) => NeedsQuotes(key) ? Quote(key) : key;

    private static string Scalar(YamlScalar scalar) =>
        scalar.Style == ScalarStyle.Literal || !NeedsQuotes(scalar.Text) ? scalar.Text : Quote(scalar.Text);

    /// <summary>True unless the text, written plain, reads back as exactly this string in YAML 1.1 and 1.2.</summary>
    internal static bool NeedsQuotes(string text)
    {
        if (text.Length == 0) return true;
        if (IsPlainWord(text)) return false;
        if (text[0] == ' ' || text[text.Length - 1] == ' ') return true;
        if ("-?:,[]{}#&*!|>'\"%@`".IndexOf(text[0]) >= 0) return true;
        if (text[text.Length - 1] == ':') return true;
        foreach (var c in text)
        {
            if (c < 0x20 || c == 0x7f || c == '"' || c == '\\' || c == '\'') return true;
        }

        if (text.Contains(": ") || text.Contains(" #") || text.Contains(":\t")) return true;
        return NonString.IsMatch(text);
    }

    /// <summary>
    /// The common case, decided without the regex: a letter, then letters, digits and <c>-_./</c>, and not a YAML 1.1 boolean
    /// or null. Such text cannot read as a number, date or special value.
    /// </summary>
    private static bool IsPlainWord(string text)
    {
        var first = text[0];
        if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z'))) return false;
        foreach (var c in text)
        {
            var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '/';
            if (!ok) return false;
        }

        return text.Length > 5 || !Reserved.Contains(text);
    }

    private static readonly System.Collections.Generic.HashSet<string> Reserved = new(System.StringComparer.Ordinal)
    {
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL",
    };

    internal static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x7f) sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
