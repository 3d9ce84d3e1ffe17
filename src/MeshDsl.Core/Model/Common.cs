using MeshDsl.Helpers;

namespace MeshDsl.Model;

/// <summary>A key and a value: labels, selectors, header operations, query parameters.</summary>
internal sealed record Label(string Key, string Value);

internal enum StringMatchKind
{
    Exact,
    Prefix,
    Regex,
}

/// <summary>Istio's StringMatch (exactly one of exact, prefix, regex).</summary>
internal sealed record StringMatch(StringMatchKind Kind, string Value, SourceRef Origin);

/// <summary>A StringMatch keyed by a name: headers, withoutHeaders, queryParams.</summary>
internal sealed record NamedMatch(string Name, StringMatch Match);

/// <summary>Istio's Destination: a host, optionally a subset and a port.</summary>
internal sealed record Destination(string Host, string? Subset, int? Port);
