namespace MeshDsl.Model;

/// <summary>
/// Where a model node came from, as plain values (never a symbol, syntax node or location, so models stay cacheable). Each
/// front end defines the pair and maps it back to text: for C#, <see cref="Document"/> is the declaring type's metadata name
/// and <see cref="Node"/> the index of the attribute among its attributes (the analyzer finds the argument at fault); for
/// YAML, the file and an index into its table of lines and columns (<see cref="YamlFrontEnd.YamlOrigins"/>).
/// </summary>
internal readonly record struct SourceRef(string Document, int Node)
{
    public static readonly SourceRef None = new(string.Empty, -1);
}
