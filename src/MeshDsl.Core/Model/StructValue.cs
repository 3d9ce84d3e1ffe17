using MeshDsl.Helpers;

namespace MeshDsl.Model;

/// <summary>
/// A <c>google.protobuf.Struct</c> value, as Istio carries Envoy configuration it does not type (an EnvoyFilter's
/// <c>patch.value</c>): objects keep their key order, numbers their text, so what is read is written back as it was.
/// </summary>
internal abstract record StructValue
{
    /// <summary>The field of an object, or null (not an object, or no such key).</summary>
    public StructValue? this[string key]
    {
        get
        {
            if (this is not StructObject o) return null;
            foreach (var field in o.Fields)
            {
                if (field.Key == key) return field.Value;
            }

            return null;
        }
    }

    /// <summary>The text of a string or number.</summary>
    public string? Scalar => this switch
    {
        StructString s => s.Value,
        StructNumber n => n.Digits,
        _ => null,
    };

    /// <summary>A whole number, when this is one.</summary>
    public long? Integer => this is StructNumber n && long.TryParse(n.Digits, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
}

internal sealed record StructObject(EquatableArray<StructField> Fields) : StructValue;

internal sealed record StructField(string Key, StructValue Value);

internal sealed record StructList(EquatableArray<StructValue> Items) : StructValue;

internal sealed record StructString(string Value) : StructValue;

/// <summary>A number as written (<c>1000</c>, <c>0.5</c>).</summary>
internal sealed record StructNumber(string Digits) : StructValue;

internal sealed record StructBool(bool Value) : StructValue;

internal sealed record StructNull : StructValue;
