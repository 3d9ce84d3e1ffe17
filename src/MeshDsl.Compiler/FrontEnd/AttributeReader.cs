using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MeshDsl.FrontEnd;

/// <summary>
/// Reads one attribute's arguments by name, whether passed to the constructor or as a named property.
/// "Set" means written by the user: only set values reach the manifest, so defaults never leak into YAML.
/// </summary>
internal readonly struct AttributeReader
{
    private readonly AttributeData _data;
    private readonly string? _metadataName;

    public AttributeReader(AttributeData data, int index)
    {
        _data = data;
        _metadataName = NameOf(data.AttributeClass);
        Index = index;
    }

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

    public bool TryGet(string name, out TypedConstant value)
    {
        value = default;
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
        if (_data is null) yield break;
        var ctor = _data.AttributeConstructor;
        if (ctor is not null)
        {
            for (var i = 0; i < ctor.Parameters.Length && i < _data.ConstructorArguments.Length; i++) yield return (ctor.Parameters[i].Name, _data.ConstructorArguments[i]);
        }

        foreach (var named in _data.NamedArguments) yield return (named.Key, named.Value);
    }

    public string? String(string name) => TryGet(name, out var v) && v.Kind == TypedConstantKind.Primitive ? v.Value as string : null;

    public int? Int(string name) => TryGet(name, out var v) && v.Value is int i ? i : null;

    public double? Double(string name) => TryGet(name, out var v) ? v.Value switch
    {
        double d => d,
        int i => i,
        float f => f,
        _ => null,
    } : null;

    public bool? Bool(string name) => TryGet(name, out var v) && v.Value is bool b ? b : null;

    /// <summary>An enum argument as its underlying int value.</summary>
    public int? Enum(string name) => TryGet(name, out var v) && v.Kind == TypedConstantKind.Enum && v.Value is int i ? i : null;

    public ITypeSymbol? Type(string name) => TryGet(name, out var v) && v.Kind == TypedConstantKind.Type ? v.Value as ITypeSymbol : null;

    public ImmutableArray<TypedConstant> Array(string name) =>
        TryGet(name, out var v) && v.Kind == TypedConstantKind.Array && !v.IsNull ? v.Values : ImmutableArray<TypedConstant>.Empty;

    /// <summary>A string array argument, skipping null entries; empty when not set.</summary>
    public ImmutableArray<string> Strings(string name)
    {
        var values = Array(name);
        if (values.IsEmpty) return ImmutableArray<string>.Empty;
        var builder = ImmutableArray.CreateBuilder<string>(values.Length);
        foreach (var item in values)
        {
            if (item.Value is string s) builder.Add(s);
        }

        return builder.ToImmutable();
    }

    public ImmutableArray<int> Ints(string name)
    {
        var values = Array(name);
        if (values.IsEmpty) return ImmutableArray<int>.Empty;
        var builder = ImmutableArray.CreateBuilder<int>(values.Length);
        foreach (var item in values)
        {
            if (item.Value is int i) builder.Add(i);
        }

        return builder.ToImmutable();
    }

    public ImmutableArray<ITypeSymbol> Types(string name)
    {
        var values = Array(name);
        if (values.IsEmpty) return ImmutableArray<ITypeSymbol>.Empty;
        var builder = ImmutableArray.CreateBuilder<ITypeSymbol>(values.Length);
        foreach (var item in values)
        {
            if (item.Value is ITypeSymbol t) builder.Add(t);
        }

        return builder.ToImmutable();
    }

    /// <summary>True when the user wrote the argument (named, or positional/constructor).</summary>
    public bool IsSet(string name) => TryGet(name, out _);

    /// <summary>The attribute's type arguments (<c>[Canary&lt;V1, V2&gt;]</c>); empty when it has none.</summary>
    public ImmutableArray<ITypeSymbol> TypeArguments => _data?.AttributeClass?.TypeArguments ?? ImmutableArray<ITypeSymbol>.Empty;

    /// <summary>The first type argument of a generic attribute such as <c>RouteTo&lt;T&gt;</c>.</summary>
    public ITypeSymbol? TypeArgument => _data?.AttributeClass is { TypeArguments.Length: > 0 } c ? c.TypeArguments[0] : null;
}
