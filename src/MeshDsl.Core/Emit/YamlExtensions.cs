using System.Collections.Generic;
using MeshDsl.Helpers;
using MeshDsl.Model;
using MeshDsl.Yaml;

namespace MeshDsl.Emit;

/// <summary>Model-shaped helpers over <see cref="YamlMapping"/>: lists and maps are written only when they have entries.</summary>
internal static class YamlExtensions
{
    public static YamlMapping AddStrings(this YamlMapping map, string key, EquatableArray<string> items)
    {
        if (items.IsEmpty) return map;
        var seq = new YamlSequence();
        foreach (var item in items) seq.Add(YamlScalar.String(item));
        return map.Add(key, seq);
    }

    public static YamlMapping AddInts(this YamlMapping map, string key, EquatableArray<int> items)
    {
        if (items.IsEmpty) return map;
        var seq = new YamlSequence();
        foreach (var item in items) seq.Add(YamlScalar.Number(item));
        return map.Add(key, seq);
    }

    public static YamlMapping AddLabels(this YamlMapping map, string key, EquatableArray<Label> labels)
    {
        if (labels.IsEmpty) return map;
        var child = new YamlMapping();
        foreach (var label in labels) child.Add(label.Key, label.Value);
        return map.Add(key, child);
    }

    public static YamlMapping AddList<T>(this YamlMapping map, string key, EquatableArray<T> items, System.Func<T, YamlNode> write)
        where T : System.IEquatable<T>
    {
        // Takes the struct itself: through IEnumerable<T> every call would box it and its enumerator.
        if (items.IsEmpty) return map;
        var seq = new YamlSequence();
        foreach (var item in items) seq.Add(write(item));
        return map.Add(key, seq);
    }

    public static YamlMapping? StringMatch(StringMatch? match) => match is null
        ? null
        : new YamlMapping().Add(match.Kind switch
        {
            StringMatchKind.Exact => "exact",
            StringMatchKind.Prefix => "prefix",
            _ => "regex",
        }, match.Value);

    public static YamlMapping AddNamedMatches(this YamlMapping map, string key, EquatableArray<NamedMatch> matches)
    {
        var child = new YamlMapping();
        foreach (var m in matches) child.Add(m.Name, StringMatch(m.Match));
        return map.AddIfAny(key, child);
    }

    public static YamlMapping Destination(Destination d)
    {
        var map = new YamlMapping().Add("host", d.Host).Add("subset", d.Subset);
        if (d.Port is { } port) map.Add("port", new YamlMapping().Add("number", port));
        return map;
    }

    public static YamlMapping? Percent(double? value) => value is null ? null : new YamlMapping().Add("value", value);
}
