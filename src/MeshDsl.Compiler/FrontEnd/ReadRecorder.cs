using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace MeshDsl.FrontEnd;

/// <summary>
/// The types whose attributes one parse read (through <see cref="ParseContext.Read"/>, the parsers' only way to them): what
/// a declaration's model depends on besides constants, so <see cref="DeclarationCache{T}"/> knows which edits can change it.
/// Thread-static because a parse runs on one thread and the parsers are static code that should not carry it around.
/// </summary>
internal sealed class ReadRecorder
{
    [ThreadStatic]
    private static ReadRecorder? _current;

    private readonly HashSet<ITypeSymbol> _types = new(SymbolEqualityComparer.Default);

    public static ReadRecorder? Current => _current;

    public IReadOnlyCollection<ITypeSymbol> Types => _types;

    public void Add(ITypeSymbol type) => _types.Add(type);

    /// <summary>Runs <paramref name="parse"/> with this recorder listening; parses do not nest.</summary>
    public T Record<T>(Func<T> parse)
    {
        var outer = _current;
        _current = this;
        try
        {
            return parse();
        }
        finally
        {
            _current = outer;
        }
    }
}
