using System;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MeshDsl.Yaml;

/// <summary>
/// YamlDotNet builds its tree recursively: a deep enough file would overflow the stack, which no catch survives. This parser
/// stops the load at the first node deeper than the limit, in the same single pass that loads the file.
/// </summary>
internal sealed class DepthLimitedParser : IParser
{
    private readonly IParser _inner;
    private readonly int _maxDepth;
    private int _depth;

    public DepthLimitedParser(IParser inner, int maxDepth)
    {
        _inner = inner;
        _maxDepth = maxDepth;
    }

    public ParsingEvent? Current => _inner.Current;

    /// <summary>Loads <paramref name="text"/> in one pass; throws <see cref="YamlTooDeepException"/> past the limit.</summary>
    public static YamlDotNet.RepresentationModel.YamlStream Load(string text, int maxDepth)
    {
        var stream = new YamlDotNet.RepresentationModel.YamlStream();
        stream.Load(new DepthLimitedParser(new Parser(new System.IO.StringReader(text)), maxDepth));
        return stream;
    }

    public bool MoveNext()
    {
        if (!_inner.MoveNext()) return false;
        switch (_inner.Current)
        {
            case MappingStart or SequenceStart:
                if (++_depth > _maxDepth) throw new YamlTooDeepException(_inner.Current.Start);
                break;
            case MappingEnd or SequenceEnd:
                _depth--;
                break;
        }

        return true;
    }
}

/// <summary>The YAML nests deeper than the limit; <see cref="Start"/> is the first node too deep.</summary>
#pragma warning disable CA1032, CA1064 // Internal, thrown and caught within the YAML readers only.
internal sealed class YamlTooDeepException : Exception
#pragma warning restore CA1032, CA1064
{
    public YamlTooDeepException(Mark start)
        : base("the YAML nests too deep") => Start = start;

    public Mark Start { get; }
}
