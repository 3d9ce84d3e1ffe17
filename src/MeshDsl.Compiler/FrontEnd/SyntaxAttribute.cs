using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MeshDsl.FrontEnd;

/// <summary>One attribute as read from syntax: what <see cref="AttributeReader"/> asks of an <c>AttributeData</c>.</summary>
internal sealed class SyntaxAttribute
{
    public SyntaxAttribute(string metadataName, ImmutableArray<(string Name, SyntaxArg Value)> constructorArguments,
        ImmutableArray<(string Name, SyntaxArg Value)> namedArguments, ImmutableArray<ITypeSymbol> typeArguments, SyntaxReference syntax)
    {
        MetadataName = metadataName;
        ConstructorArguments = constructorArguments;
        NamedArguments = namedArguments;
        TypeArguments = typeArguments;
        Syntax = syntax;
    }

    public string MetadataName { get; }

    public ImmutableArray<(string Name, SyntaxArg Value)> ConstructorArguments { get; }

    public ImmutableArray<(string Name, SyntaxArg Value)> NamedArguments { get; }

    public ImmutableArray<ITypeSymbol> TypeArguments { get; }

    public SyntaxReference Syntax { get; }
}

/// <summary>An argument's value as read from syntax, in <c>TypedConstant</c>'s terms.</summary>
internal sealed class SyntaxArg
{
    public SyntaxArg(TypedConstantKind kind, object? value, ImmutableArray<SyntaxArg> values = default, bool isNullArray = false)
    {
        Kind = kind;
        Value = value;
        Values = values.IsDefault ? ImmutableArray<SyntaxArg>.Empty : values;
        IsNull = kind == TypedConstantKind.Array ? isNullArray : value is null;
    }

    public TypedConstantKind Kind { get; }

    public object? Value { get; }

    public ImmutableArray<SyntaxArg> Values { get; }

    public bool IsNull { get; }
}
