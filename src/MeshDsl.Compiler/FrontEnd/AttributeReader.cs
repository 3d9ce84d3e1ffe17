using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace MeshDsl.FrontEnd;

/// <summary>
/// Reads one attribute's arguments by name, whether passed to the constructor or as a named property.
/// "Set" means written by the user: only set values reach the manifest, so defaults never leak into YAML.
/// </summary>
internal readonly struct AttributeReader
{
    private readonly AttributeData _data;
    private readonly SyntaxAttribute? _syntax;
    private readonly string? _metadataName;

    public AttributeReader(AttributeData data, int index)
    {
        _data = data;
        _syntax = null;
        _metadataName = NameOf(data.AttributeClass);
        Index = index;
    }

    /// <summary>An attribute read from syntax (<see cref="SyntaxAttributes"/>): it answers as the bound attribute would.</summary>
    public AttributeReader(SyntaxAttribute syntax, int index)
    {
        _data = null!;
        _syntax = syntax;
        _metadataName = syntax.MetadataName;
        Index = index;
    }

    /// <summary>Where the attribute is written.</summary>
    public SyntaxReference? Syntax => _syntax is not null ? _syntax.Syntax : _data?.ApplicationSyntaxReference;

    public int Index { get; }

    /// <summary>The attribute class's metadata name; empty for <c>default</c> (no attribute found).</summary>
    public string MetadataName => _metadataName ?? string.Empty;

    // Attribute names are compared on every parse of every declaration, on every edit: build each name string once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> MeshDslNames = new(StringComparer.Ordinal);

    public static string NameOf(INamedTypeSymbol? type)
    {
        if (type is null) return string.Empty;
        var definition = type.OriginalDefinition;
        var ns = definition.ContainingNamespace;
        if (ns is { Name: "MeshDsl", ContainingNamespace.IsGlobalNamespace: true } && definition.ContainingType is null)
        {
            return MeshDslNames.GetOrAdd(definition.MetadataName, static name => "MeshDsl." + name);
        }

        // Not one of ours: no attribute name the parsers look for starts outside MeshDsl.
        return definition.MetadataName;
    }

    /// <summary>A bound argument: only the analyzers' checks ask, and they always bind.</summary>
    public bool TryGet(string name, out TypedConstant value)
    {
        value = default;
        if (_syntax is not null) throw new InvalidOperationException("An attribute read from syntax has no TypedConstant.");
        if (_data is null) return false;
        foreach (var named in _data.NamedArguments)
        {
            if (named.Key == name)
            {
                value = named.Value;
                return true;
            }
        }

        var ctor = _data.AttributeConstructor;
        if (ctor is not null)
        {
            for (var i = 0; i < ctor.Parameters.Length && i < _data.ConstructorArguments.Length; i++)
            {
                if (string.Equals(ctor.Parameters[i].Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = _data.ConstructorArguments[i];
                    return true;
                }
            }
        }

        value = default;
        return false;
    }

    /// <summary>Every argument the user wrote, constructor ones by parameter name, then named ones.</summary>
    public System.Collections.Generic.IEnumerable<(string Name, TypedConstant Value)> Arguments()
    {
        if (_syntax is not null) throw new InvalidOperationException("An attribute read from syntax has no TypedConstant.");
        if (_data is null) yield break;
        var ctor = _data.AttributeConstructor;
        if (ctor is not null)
        {
            for (var i = 0; i < ctor.Parameters.Length && i < _data.ConstructorArguments.Length; i++) yield return (ctor.Parameters[i].Name, _data.ConstructorArguments[i]);
        }

        foreach (var named in _data.NamedArguments) yield return (named.Key, named.Value);
    }

    private bool TryGetArg(string name, out Arg value)
    {
        if (_syntax is null)
        {
            var found = TryGet(name, out var constant);
            value = new Arg(constant);
            return found;
        }

        foreach (var named in _syntax.NamedArguments)
        {
            if (named.Name == name)
            {
                value = new Arg(named.Value);
                return true;
            }
        }

        foreach (var argument in _syntax.ConstructorArguments)
        {
            if (string.Equals(argument.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = new Arg(argument.Value);
                return true;
            }
        }

        value = default;
        return false;
    }

    public string? String(string name) => TryGetArg(name, out var v) && v.Kind == TypedConstantKind.Primitive ? v.Value as string : null;

    public int? Int(string name) => TryGetArg(name, out var v) && v.Value is int i ? i : null;

    public double? Double(string name) => TryGetArg(name, out var v) ? v.Value switch
    {
        double d => d,
        int i => i,
        float f => f,
        _ => null,
    } : null;

    public bool? Bool(string name) => TryGetArg(name, out var v) && v.Value is bool b ? b : null;

    /// <summary>An enum argument as its underlying int value.</summary>
    public int? Enum(string name) => TryGetArg(name, out var v) && v.Kind == TypedConstantKind.Enum && v.Value is int i ? i : null;

    public ITypeSymbol? Type(string name) => TryGetArg(name, out var v) && v.Kind == TypedConstantKind.Type ? v.Value as ITypeSymbol : null;

    // An array argument, or an empty one when not set or null: read element by element, so no copy is made.
    private Arg Elements(string name) =>
        TryGetArg(name, out var v) && v.Kind == TypedConstantKind.Array && !v.IsNull ? v : default;

    /// <summary>A string array argument, skipping null entries; empty when not set.</summary>
    public ImmutableArray<string> Strings(string name)
    {
        var values = Elements(name);
        if (values.Count == 0) return ImmutableArray<string>.Empty;
        var builder = ImmutableArray.CreateBuilder<string>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            if (values.Element(i).Value is string s) builder.Add(s);
        }

        return builder.ToImmutable();
    }

    public ImmutableArray<int> Ints(string name)
    {
        var values = Elements(name);
        if (values.Count == 0) return ImmutableArray<int>.Empty;
        var builder = ImmutableArray.CreateBuilder<int>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            if (values.Element(i).Value is int n) builder.Add(n);
        }

        return builder.ToImmutable();
    }

    public ImmutableArray<ITypeSymbol> Types(string name)
    {
        var values = Elements(name);
        if (values.Count == 0) return ImmutableArray<ITypeSymbol>.Empty;
        var builder = ImmutableArray.CreateBuilder<ITypeSymbol>(values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            if (values.Element(i).Value is ITypeSymbol t) builder.Add(t);
        }

        return builder.ToImmutable();
    }

    /// <summary>True when the user wrote the argument (named, or positional/constructor).</summary>
    public bool IsSet(string name) => TryGetArg(name, out _);

    /// <summary>The attribute's type arguments (<c>[Canary&lt;V1, V2&gt;]</c>); empty when it has none.</summary>
    public ImmutableArray<ITypeSymbol> TypeArguments => _syntax is not null ? _syntax.TypeArguments : _data?.AttributeClass?.TypeArguments ?? ImmutableArray<ITypeSymbol>.Empty;

    /// <summary>The first type argument of a generic attribute such as <c>RouteTo&lt;T&gt;</c>.</summary>
    public ITypeSymbol? TypeArgument => TypeArguments is { Length: > 0 } arguments ? arguments[0] : null;

    /// <summary>How a bound attribute and one read from syntax differ (what <see cref="SyntaxAttributes.Verify"/> checks), or null.</summary>
    internal static string? Difference(AttributeReader bound, AttributeReader read)
    {
        if (bound.MetadataName != read.MetadataName) return $"class {bound.MetadataName} bound, {read.MetadataName} read";
        if (!System.Linq.Enumerable.SequenceEqual(bound.TypeArguments, read.TypeArguments, SymbolEqualityComparer.Default)) return "type arguments differ";
        if (read._syntax is null || !read.MetadataName.StartsWith("MeshDsl.", StringComparison.Ordinal)) return null;
        var boundArguments = bound.Arguments().ToArray();
        var readArguments = read._syntax.ConstructorArguments.Concat(read._syntax.NamedArguments).ToArray();
        if (boundArguments.Length != readArguments.Length) return $"{boundArguments.Length} arguments bound, {readArguments.Length} read";
        for (var i = 0; i < boundArguments.Length; i++)
        {
            if (boundArguments[i].Name != readArguments[i].Name) return $"argument {i} is {boundArguments[i].Name} bound, {readArguments[i].Name} read";
            if (ValueDifference(new Arg(boundArguments[i].Value), new Arg(readArguments[i].Value)) is { } difference) return $"{boundArguments[i].Name}: {difference}";
        }

        return null;
    }

    private static string? ValueDifference(Arg bound, Arg read)
    {
        if (bound.Kind != read.Kind) return $"{bound.Kind} bound, {read.Kind} read";
        if (bound.IsNull != read.IsNull) return "null in one only";
        if (bound.IsNull) return null;
        if (bound.Kind == TypedConstantKind.Array)
        {
            if (bound.Count != read.Count) return $"{bound.Count} elements bound, {read.Count} read";
            for (var i = 0; i < bound.Count; i++)
            {
                if (ValueDifference(bound.Element(i), read.Element(i)) is { } difference) return $"[{i}] {difference}";
            }

            return null;
        }

        var same = bound.Value is ISymbol symbol ? SymbolEqualityComparer.Default.Equals(symbol, read.Value as ISymbol) : Equals(bound.Value, read.Value);
        return same ? null : $"{Format(bound.Value)} bound, {Format(read.Value)} read";
    }

    private static string Format(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\" (" + s.Length + ")",
        _ => value + " (" + value.GetType().Name + ")",
    };

    /// <summary>An argument's value, bound or read from syntax.</summary>
    private readonly struct Arg
    {
        private readonly TypedConstant _constant;
        private readonly SyntaxArg? _syntax;

        public Arg(TypedConstant constant) => (_constant, _syntax) = (constant, null);

        public Arg(SyntaxArg syntax) => (_constant, _syntax) = (default, syntax);

        public TypedConstantKind Kind => _syntax?.Kind ?? _constant.Kind;

        public object? Value => _syntax is not null ? _syntax.Value : _constant.Kind == TypedConstantKind.Array ? null : _constant.Value;

        public bool IsNull => _syntax?.IsNull ?? _constant.IsNull;

        /// <summary>An array's length (0 for anything else).</summary>
        public int Count => _syntax is not null ? _syntax.Values.Length
            : _constant.Kind == TypedConstantKind.Array && !_constant.IsNull ? _constant.Values.Length : 0;

        public Arg Element(int index) => _syntax is not null ? new Arg(_syntax.Values[index]) : new Arg(_constant.Values[index]);
    }
}
