namespace MeshDsl.Model;

/// <summary>
/// Where a model node came from, as plain values (never a symbol, syntax node or location, so models stay
/// cacheable): the declaring C# type by metadata name, and the index of the attribute among that type's attributes.
/// A front end maps it back to text: the analyzer to the attribute argument, a YAML front end to a file and line.
/// </summary>
internal readonly record struct SourceRef(string Type, int Attribute)
{
    public static readonly SourceRef None = new(string.Empty, -1);
}
