namespace MeshDsl.YamlFrontEnd;

/// <summary>Where a node of a YAML file starts: the file and the 1-based line and column.</summary>
internal readonly record struct YamlPosition(string File, int Line, int Column);

/// <summary>
/// A problem with the YAML itself (a field Istio does not have, a value of the wrong type), at its line, in the resource being
/// read (empty before its kind and name are known).
/// </summary>
internal sealed record YamlProblem(YamlPosition Position, string Message)
{
    public string Resource { get; init; } = string.Empty;

    /// <summary>Istio's field path of the value at fault, when the problem is one value's.</summary>
    public string Path { get; init; } = string.Empty;

    /// <summary>The message with the path it is about, for reports that show no path of their own.</summary>
    public string Text => Path.Length == 0 ? Message : Path + ": " + Message;
}

/// <summary>
/// Where a finding lands in YAML: the line and column of the field at fault (or of its node, where the field is not written),
/// the resource (<c>VirtualService shop/reviews</c>) and Istio's field path to what was found (<c>spec.http[2].retries.perTryTimeout</c>).
/// </summary>
internal readonly record struct YamlLocation(YamlPosition Position, string Resource, string Path);
