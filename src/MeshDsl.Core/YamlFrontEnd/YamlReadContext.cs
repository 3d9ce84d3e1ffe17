using System.Collections.Generic;
using MeshDsl.Model;

namespace MeshDsl.YamlFrontEnd;

/// <summary>What the readers of one file share: the file, its origin table and the problems found.</summary>
internal sealed class YamlReadContext
{
    public YamlReadContext(string file, YamlOrigins origins)
        : this(file, origins, new List<YamlProblem>(), 0, 0)
    {
    }

    private YamlReadContext(string file, YamlOrigins origins, List<YamlProblem> problems, int lineOffset, int columnOffset)
    {
        File = file;
        Origins = origins;
        Problems = problems;
        LineOffset = lineOffset;
        ColumnOffset = columnOffset;
    }

    public string File { get; }

    public YamlOrigins Origins { get; }

    public List<YamlProblem> Problems { get; }

    /// <summary>Where an embedded document (a ConfigMap's file, parsed on its own) starts in the file: its positions are shifted by this.</summary>
    public int LineOffset { get; }

    public int ColumnOffset { get; }

    /// <summary>A context for a document embedded in this file's text, starting <paramref name="lines"/> lines and <paramref name="columns"/> columns further.</summary>
    public YamlReadContext Embedded(int lines, int columns) => new(File, Origins, Problems, LineOffset + lines, ColumnOffset + columns) { Resource = Resource };

    public YamlPosition Position(SourceNode node) => new(File, node.Line + LineOffset, node.Column + ColumnOffset);

    /// <summary>The resource being read, as findings name it (<c>VirtualService shop/reviews</c>).</summary>
    public string Resource { get; set; } = string.Empty;

    public SourceRef Origin(SourceNode node, string path) => Origins.Add(Position(node), node, Resource, path, LineOffset, ColumnOffset);

    /// <param name="path">Istio's field path of the value at fault (<c>spec.http[0].timeout</c>).</param>
    public void Problem(SourceNode node, string path, string message) =>
        Problems.Add(new YamlProblem(Position(node), message) { Resource = Resource, Path = path });
}
