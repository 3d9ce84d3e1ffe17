using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace MeshDsl.Yaml;

/// <summary>
/// Writes a <see cref="YamlNode"/> tree as block YAML in kubectl's layout (sequences at their key's indent).
/// Our own writer, not YamlDotNet, because it runs in the compiler: it must be cheap and must not depend on
/// whichever YamlDotNet version other analyzers bring. Output is "\n"-terminated and culture-independent.
/// </summary>
internal static class YamlWriter
{
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
            var key = Key(entry.Key);
            if (key.Length > MaxImplicitKey) sb.Append("? ").Append(key).Append('\n').Append(' ', indent);
            sb.Append(key.Length > MaxImplicitKey ? string.Empty : key).Append(':');
            switch (entry.Value)
            {
                case YamlScalar { Style: ScalarStyle.String } text when IsLiteralBlock(text.Text):
                    WriteLiteralBlock(sb, text.Text, indent + 2);
                    break;
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

    /// <summary>
    /// Multi-line text (a ConfigMap's embedded file) as a literal block, <c>|</c> (or <c>|-</c> without a final line break), as a
    /// person would write it: only when every reader takes it back unchanged. The first line starts with no space (which would
    /// need an indentation indicator); no line is blank but for its spaces; every character is printable and no tab, carriage
    /// return or YAML 1.1 line separator appears; it ends with at most one line break. Anything else is double-quoted.
    /// </summary>
    internal static bool IsLiteralBlock(string text)
    {
        if (text.Length < 2 || text.IndexOf('\n') < 0 || text[0] == ' ' || text[0] == '\n') return false;
        if (text.EndsWith("\n\n", System.StringComparison.Ordinal)) return false;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                if (i > lineStart && text.Substring(lineStart, i - lineStart).Trim(' ').Length == 0) return false;
                lineStart = i + 1;
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            var printable = (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && !char.IsSurrogate(c) && c != '\u2028' && c != '\u2029' && c != '\ufeff' && c != '\ufffe' && c != '\uffff');
            if (!printable) return false;
        }

        return lineStart == text.Length || text.Substring(lineStart).Trim(' ').Length > 0;
    }

    private static void WriteLiteralBlock(StringBuilder sb, string text, int indent)
    {
        var keep = text.EndsWith("\n", System.StringComparison.Ordinal);
        sb.Append(keep ? " |\n" : " |-\n");
        var body = keep ? text.Substring(0, text.Length - 1) : text;
        foreach (var line in body.Split('\n'))
        {
            if (line.Length > 0) sb.Append(' ', indent).Append(line);
            sb.Append('\n');
        }
    }

    /// <summary>
    /// YAML allows an implicit key of at most 1024 characters (YAML 1.2, 7.4.2); a longer one is written as an explicit key
    /// (<c>? key</c> then <c>: value</c>), which has no limit.
    /// </summary>
    private const int MaxImplicitKey = 1000;

    private static string Key(string key) => Render(key);

    private static string Scalar(YamlScalar scalar) => scalar.Style == ScalarStyle.Literal ? scalar.Text : Render(scalar.Text);

    private static string Render(string text) => NeedsQuotes(text) ? Quote(text) : text;

    /// <summary>
    /// Plain only when every YAML reader in use reads the text back as this very string: YAML 1.2 (YamlDotNet, sigs.k8s.io/yaml
    /// via go-yaml v3) and YAML 1.1 (go-yaml v2, PyYAML), whose implicit types (booleans such as <c>on</c>, sexagesimal
    /// numbers, timestamps, <c>&lt;&lt;</c> merge keys, the <c>=</c> value key) are wider than 1.2's. Decided by what the
    /// text is made of, not by a list of known traps: a plain scalar here starts with a letter or '/', or is a duration, and
    /// holds only printable ASCII that means nothing to YAML where it stands. Everything else is double-quoted.
    /// </summary>
    internal static bool NeedsQuotes(string text)
    {
        if (text.Length == 0 || text.Length > MaxImplicitKey) return true;
        var first = text[0];
        var letterFirst = (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z');
        if (!letterFirst && first != '/' && !IsDuration(text) && !IsQuantity(text)) return true;
        if (text[text.Length - 1] == ' ' || text[text.Length - 1] == ':') return true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || PlainPunctuation.IndexOf(c) >= 0;
            if (!safe) return true;

            // ": " starts a mapping value; a space before a comment sign is excluded with '#' itself.
            if (c == ':' && text[i + 1] == ' ') return true;
        }

        // A letter-first plain scalar can only be mistaken for a boolean or a null (numbers and dates start otherwise).
        return letterFirst && text.Length <= 5 && Reserved.Contains(text);
    }

    /// <summary>Punctuation that is ordinary inside a block-context plain scalar in YAML 1.1 and 1.2.</summary>
    private const string PlainPunctuation = " -_./:@+=~()%,;*&!?^$";

    /// <summary>Go's duration notation (<c>10s</c>, <c>1h30m</c>, <c>1.5ms</c>): no YAML reader takes it for a number or a date.</summary>
    private static bool IsDuration(string text)
    {
        var i = 0;
        var units = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && text[i] >= '0' && text[i] <= '9') i++;
            if (i == start) return false;
            if (i < text.Length && text[i] == '.')
            {
                i++;
                var fraction = i;
                while (i < text.Length && text[i] >= '0' && text[i] <= '9') i++;
                if (i == fraction) return false;
            }

            var unit = i;
            while (i < text.Length && ((text[i] >= 'a' && text[i] <= 'z') || text[i] == 'µ' || text[i] == 'μ')) i++;
            switch (text.Substring(unit, i - unit))
            {
                case "ns": case "us": case "ms": case "s": case "m": case "h": units++; break;
                default: return false;
            }
        }

        return units > 0;
    }

    /// <summary>
    /// A number with a unit suffix of letters only, as Kubernetes writes quantities (<c>128Mi</c>, <c>1.5Gi</c>): no YAML
    /// reader takes it for a number (an exponent needs digits after it, and 0x, 0o, 0b prefixes are excluded).
    /// </summary>
    private static bool IsQuantity(string text)
    {
        // 0x, 0o and 0b introduce hexadecimal, octal and binary integers: 0xb is 11.
        if (text.Length > 1 && text[0] == '0' && "xXoObB".IndexOf(text[1]) >= 0) return false;
        var i = 0;
        while (i < text.Length && text[i] >= '0' && text[i] <= '9') i++;
        if (i == 0) return false;
        if (i < text.Length && text[i] == '.')
        {
            var fraction = ++i;
            while (i < text.Length && text[i] >= '0' && text[i] <= '9') i++;
            if (i == fraction) return false;
        }

        var suffix = i;
        while (i < text.Length && ((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z'))) i++;
        return i == text.Length && i > suffix;
    }

    private static readonly HashSet<string> Reserved = new(System.StringComparer.Ordinal)
    {
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF", "null", "Null", "NULL",
    };

    /// <summary>
    /// A double-quoted scalar (YAML 1.2, 5.7 and 7.3.1): every character outside the printable set, every line or paragraph
    /// separator (YAML 1.1 reads U+0085, U+2028 and U+2029 as line breaks), the byte order mark and the non-characters
    /// U+FFFE/U+FFFF are escaped, so the text survives every reader and every encoding. A lone surrogate (which no encoding
    /// can carry; the analyzers report it) is escaped too, so the document still parses.
    /// </summary>
    internal static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\0': sb.Append("\\0"); break;
                case '\a': sb.Append("\\a"); break;
                case '\b': sb.Append("\\b"); break;
                case '\t': sb.Append("\\t"); break;
                case '\n': sb.Append("\\n"); break;
                case '\v': sb.Append("\\v"); break;
                case '\f': sb.Append("\\f"); break;
                case '\r': sb.Append("\\r"); break;
                case '\u001b': sb.Append("\\e"); break;
                case '\u0085': sb.Append("\\N"); break;
                case '\u2028': sb.Append("\\L"); break;
                case '\u2029': sb.Append("\\P"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[++i]);
                    }
                    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || char.IsSurrogate(c) || c == '\ufeff' || c == '\ufffe' || c == '\uffff')
                    {
                        sb.Append(c <= 0xff ? "\\x" : "\\u").Append(((int)c).ToString(c <= 0xff ? "x2" : "x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
