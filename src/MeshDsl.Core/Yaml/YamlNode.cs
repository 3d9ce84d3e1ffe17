using System.Collections.Generic;
using System.Globalization;

namespace MeshDsl.Yaml;

/// <summary>A YAML tree built for writing: ordered mappings, sequences and typed scalars.</summary>
internal abstract class YamlNode
{
}

internal sealed class YamlMapping : YamlNode
{
    private static readonly List<KeyValuePair<string, YamlNode>> NoEntries = new();
    private List<KeyValuePair<string, YamlNode>>? _entries;

    // Most optional sections stay empty: their list is only allocated on the first entry.
    public List<KeyValuePair<string, YamlNode>> Entries => _entries ?? NoEntries;

    public int Count => _entries?.Count ?? 0;

    public YamlMapping Add(string key, YamlNode? value)
    {
        if (value is not null) (_entries ??= new List<KeyValuePair<string, YamlNode>>(4)).Add(new KeyValuePair<string, YamlNode>(key, value));
        return this;
    }

    public YamlMapping Add(string key, string? value) => value is null ? this : Add(key, YamlScalar.String(value));

    public YamlMapping Add(string key, int? value) => value is null ? this : Add(key, YamlScalar.Number(value.Value));

    public YamlMapping Add(string key, double? value) => value is null ? this : Add(key, YamlScalar.Number(value.Value));

    public YamlMapping Add(string key, bool? value) => value is null ? this : Add(key, YamlScalar.Bool(value.Value));

    /// <summary>Adds a nested mapping only when it has entries: Istio treats an empty object as set.</summary>
    public YamlMapping AddIfAny(string key, YamlMapping? value) => value is { Count: > 0 } ? Add(key, value) : this;

    public YamlMapping AddIfAny(string key, YamlSequence? value) => value is { Items.Count: > 0 } ? Add(key, value) : this;
}

internal sealed class YamlSequence : YamlNode
{
    public List<YamlNode> Items { get; } = new();

    public YamlSequence Add(YamlNode item)
    {
        Items.Add(item);
        return this;
    }
}

internal enum ScalarStyle
{
    /// <summary>A string: written plain when YAML reads it back as the same string, double-quoted otherwise.</summary>
    String,

    /// <summary>A number or boolean: always written plain.</summary>
    Literal,
}

internal sealed class YamlScalar : YamlNode
{
    private YamlScalar(string text, ScalarStyle style)
    {
        Text = text;
        Style = style;
    }

    public string Text { get; }

    public ScalarStyle Style { get; }

    public static YamlScalar String(string text) => new(text, ScalarStyle.String);

    public static YamlScalar Number(int value) => new(value.ToString(CultureInfo.InvariantCulture), ScalarStyle.Literal);

    /// <summary>A number kept as it was read (a <c>google.protobuf.Struct</c> number): written plain, as it came.</summary>
    public static YamlScalar NumberText(string text) => new(text, ScalarStyle.Literal);

    public static YamlScalar Null() => new("null", ScalarStyle.Literal);

    /// <summary>
    /// A double as every reader takes it for the same double: the shortest round-trip digits, always with a fraction and,
    /// where there is an exponent, a signed one (50.0, 1.0e-05, 1.5e+20). YAML 1.1 (go-yaml v2, PyYAML) reads <c>1E-05</c> as
    /// a string; it reads <c>1.0e-05</c> as a number, as YAML 1.2 does. Non-finite values use YAML's own spelling.
    /// </summary>
    public static YamlScalar Number(double value)
    {
        if (double.IsNaN(value)) return new(".nan", ScalarStyle.Literal);
        if (double.IsInfinity(value)) return new(value > 0 ? ".inf" : "-.inf", ScalarStyle.Literal);
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOfAny(new[] { 'E', 'e' });
        var mantissa = e < 0 ? text : text.Substring(0, e);
        var exponent = e < 0 ? string.Empty : text.Substring(e + 1);
        if (mantissa.IndexOf('.') < 0) mantissa += ".0";
        if (exponent.Length > 0 && exponent[0] != '-' && exponent[0] != '+') exponent = "+" + exponent;
        return new(exponent.Length == 0 ? mantissa : mantissa + "e" + exponent, ScalarStyle.Literal);
    }

    public static YamlScalar Bool(bool value) => new(value ? "true" : "false", ScalarStyle.Literal);
}
