using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MeshDsl.Tests.Support;

/// <summary>
/// How the YAML readers Kubernetes tooling uses type a scalar. The structure of a document is the same in YAML 1.1 and 1.2
/// (YamlDotNet parses it); what differs is which plain scalars are not strings. YAML 1.2's core schema is what YamlDotNet
/// and go-yaml v3 (sigs.k8s.io/yaml, kubectl) apply; YAML 1.1's type repository (yaml.org/type) is what PyYAML applies, and
/// go-yaml v2 adds its own number sniffing (strconv.ParseInt/ParseFloat on anything that starts like a number).
/// </summary>
internal static class YamlReaders
{
    private static readonly Regex Core12Null = new(@"^(?:~|null|Null|NULL|)\z");
    private static readonly Regex Core12Bool = new(@"^(?:true|True|TRUE|false|False|FALSE)\z");
    private static readonly Regex Core12Int = new(@"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)\z");
    private static readonly Regex Core12Float = new(@"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\z");

    private static readonly Regex Y11Bool = new(@"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)\z");
    private static readonly Regex Y11Null = new(@"^(?:~|null|Null|NULL|)\z");
    private static readonly Regex Y11Int = new(@"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)\z");

    // yaml.org/type/float.html, and PyYAML's variant of it (which also takes ".5_5" and requires no digit before the dot).
    private static readonly Regex Y11Float = new(
        @"^(?:[-+]?(?:[0-9][0-9_]*)?\.[0-9.]*(?:[eE][-+][0-9]+)?|[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?"
        + @"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\z");

    private static readonly Regex Y11Timestamp = new(
        @"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)\z");

    private static readonly Regex Y11MergeOrValue = new(@"^(?:<<|=)\z");

    // go-yaml v2's resolve(): on a scalar starting with one of "+-.0123456789" it removes every '_' and tries
    // strconv.ParseInt(s, 0, 64), then strconv.ParseFloat(s, 64), then a "0b" binary literal.
    private static readonly Regex GoInt = new(@"^[-+]?(?:0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO]?[0-7]+|[0-9]+)\z");
    private static readonly Regex GoFloat = new(
        @"^[-+]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][-+]?[0-9]+|inf|infinity|nan)\z",
        RegexOptions.IgnoreCase);

    /// <summary>"string", "null", "bool", "int" or "float" under YAML 1.2's core schema.</summary>
    public static string Type12(YamlScalarNode scalar)
    {
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain) return "string";
        var v = scalar.Value ?? string.Empty;
        if (Core12Null.IsMatch(v)) return "null";
        if (Core12Bool.IsMatch(v)) return "bool";
        if (Core12Int.IsMatch(v)) return "int";
        if (Core12Float.IsMatch(v)) return "float";
        return "string";
    }

    /// <summary>The same under YAML 1.1 (PyYAML) and go-yaml v2's number sniffing: the stricter reading for a string.</summary>
    public static string Type11(YamlScalarNode scalar)
    {
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain) return "string";
        var v = scalar.Value ?? string.Empty;
        if (Y11Null.IsMatch(v)) return "null";
        if (Y11Bool.IsMatch(v)) return "bool";
        if (Y11Int.IsMatch(v)) return "int";
        if (Y11Float.IsMatch(v)) return "float";
        if (Y11Timestamp.IsMatch(v)) return "timestamp";
        if (Y11MergeOrValue.IsMatch(v)) return "merge/value";
        var plain = v.Replace("_", string.Empty);
        if (v.Length > 0 && "+-.0123456789".IndexOf(v[0]) >= 0 && (GoInt.IsMatch(plain) || GoFloat.IsMatch(plain))) return "float";
        return "string";
    }

    /// <summary>The number a scalar typed "int" or "float" stands for, in both readers.</summary>
    public static double Number(YamlScalarNode scalar)
    {
        var v = (scalar.Value ?? string.Empty).Replace("_", string.Empty);
        return v switch
        {
            ".nan" or ".NaN" or ".NAN" => double.NaN,
            ".inf" or "+.inf" or ".Inf" or ".INF" => double.PositiveInfinity,
            "-.inf" or "-.Inf" or "-.INF" => double.NegativeInfinity,
            _ => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture),
        };
    }
}
