using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MeshDsl.Model;
using Microsoft.CodeAnalysis;

namespace MeshDsl.FrontEnd;

/// <summary>What the parsers of one declaration share: its namespace and the findings they collect.</summary>
internal sealed class ParseContext
{
    public ParseContext(string? ownerNamespace) => OwnerNamespace = ownerNamespace;

    public string? OwnerNamespace { get; }

    public List<Finding> Findings { get; } = new();

    public void Report(string ruleId, SourceRef origin, string field, params string[] args) =>
        Findings.Add(new Finding(ruleId, origin, field, args.ToImmutableArray()));

    /// <summary>A type's attributes, each with its index (the <see cref="SourceRef.Attribute"/> that points back at it).</summary>
    public static AttributeReader[] Read(ITypeSymbol type)
    {
        var data = type.GetAttributes();
        var result = new AttributeReader[data.Length];
        for (var i = 0; i < data.Length; i++) result[i] = new AttributeReader(data[i], i);
        return result;
    }

    public static AttributeReader Find(AttributeReader[] attributes, string metadataName) =>
        attributes.FirstOrDefault(a => a.MetadataName == metadataName);

    /// <summary>The C# type's name as the model and the run-time accessor know it: namespace and containing types joined by '.'.</summary>
    public static string TypeName(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat
        .WithGenericsOptions(SymbolDisplayGenericsOptions.None)
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.None));

    /// <summary>Nested types in declaration order: by file, then position (deterministic whatever the compilation's file order).</summary>
    public static INamedTypeSymbol[] NestedInOrder(INamedTypeSymbol type) => type.GetTypeMembers()
        .OrderBy(t => t.DeclaringSyntaxReferences.FirstOrDefault()?.SyntaxTree.FilePath ?? string.Empty, System.StringComparer.Ordinal)
        .ThenBy(t => t.DeclaringSyntaxReferences.FirstOrDefault()?.Span.Start ?? 0)
        .ToArray();

    /// <summary><c>key=value</c> pairs; a pair without '=' is a key with an empty value.</summary>
    public static ImmutableArray<Label> Labels(ImmutableArray<string> pairs) => pairs
        .Select(p => p.IndexOf('=') is var eq and >= 0 ? new Label(p.Substring(0, eq), p.Substring(eq + 1)) : new Label(p, string.Empty))
        .ToImmutableArray();

    public static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
