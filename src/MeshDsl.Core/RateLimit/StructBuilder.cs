using System.Collections.Generic;
using System.Globalization;
using MeshDsl.Helpers;
using MeshDsl.Model;

namespace MeshDsl.RateLimit;

/// <summary>Builds a <see cref="StructObject"/> in key order; null values are left out.</summary>
internal sealed class StructBuilder
{
    private readonly List<StructField> _fields = new();

    public StructBuilder Add(string key, StructValue? value)
    {
        if (value is not null) _fields.Add(new StructField(key, value));
        return this;
    }

    public StructBuilder Add(string key, string? value) => value is null ? this : Add(key, new StructString(value));

    public StructBuilder Add(string key, long? value) => value is null ? this : Add(key, Number(value.Value));

    public StructBuilder Add(string key, StructBuilder? value) => value is null ? this : Add(key, value.Build());

    public StructObject Build() => new(_fields.ToEquatableArray());

    public static StructNumber Number(long value) => new(value.ToString(CultureInfo.InvariantCulture));

    public static StructList List(IEnumerable<StructValue> items) => new(items.ToEquatableArray());
}
