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

    /// <summary>Targets already resolved in this parse (a service routes to the same subsets from several rules).</summary>
    public Dictionary<ITypeSymbol, (string Host, string? Subset, string? Namespace)?> Targets { get; } = new(SymbolEqualityComparer.Default);

    public void Report(string ruleId, SourceRef origin, string field, params string[] args) =>
        Findings.Add(new Finding(ruleId, origin, field, args.ToImmutableArray()));

    /// <summary>
    /// A type's attributes, each with its index (the <see cref="SourceRef.Node"/> that points back at it). In the generator
    /// they are read from syntax wherever C# would read them the same way (<see cref="SyntaxAttributes"/>).
    /// </summary>
    public static AttributeReader[] Read(ITypeSymbol type)
    {
        ReadRecorder.Current?.Add(type);
        if (SyntaxAttributes.Current?.TryRead(type) is { } read) return read;
        var data = type.GetAttributes();
        var result = new AttributeReader[data.Length];
        for (var i = 0; i < data.Length; i++) result[i] = new AttributeReader(data[i], i);
        return result;
    }

    public static AttributeReader Find(AttributeReader[] attributes, string metadataName)
    {
        foreach (var a in attributes)
        {
            if (a.MetadataName == metadataName) return a;
        }

        return default;
    }

    /// <summary>The C# type's name as the model and the run-time accessor know it: namespace and containing types joined by '.'.</summary>
    public static string TypeName(ITypeSymbol type)
    {
        // Built by hand, in one builder per thread: ToDisplayString is measurably slow, and this runs for every type on every
        // edit (a builder per call was a third of what the analyzers allocated after an edit at N = 1000).
        var builder = _typeNameBuilder ??= new System.Text.StringBuilder(64);
        builder.Clear();
        Append(builder, type);
        return builder.ToString();
    }

    [System.ThreadStatic]
    private static System.Text.StringBuilder? _typeNameBuilder;

    private static void Append(System.Text.StringBuilder builder, ISymbol symbol)
    {
        var container = (ISymbol?)symbol.ContainingType ?? symbol.ContainingNamespace;
        if (container is not null && container is not INamespaceSymbol { IsGlobalNamespace: true })
        {
            Append(builder, container);
            builder.Append('.');
        }

        // MetadataName keeps a generic type's arity (A`1), as Type.FullName does: A and A<T> stay apart.
        builder.Append(symbol is INamedTypeSymbol { IsGenericType: true } ? symbol.MetadataName : symbol.Name);
    }

    /// <summary>Nested types in declaration order: by file, then position (deterministic whatever the compilation's file order).</summary>
    public static INamedTypeSymbol[] NestedInOrder(INamedTypeSymbol type)
    {
        var members = type.GetTypeMembers();
        var result = new INamedTypeSymbol[members.Length];
        var keys = new (string File, int Start)[members.Length];
        for (var i = 0; i < members.Length; i++)
        {
            result[i] = members[i];
            var reference = members[i].DeclaringSyntaxReferences.FirstOrDefault();
            keys[i] = (reference?.SyntaxTree.FilePath ?? string.Empty, reference?.Span.Start ?? 0);
        }

        System.Array.Sort(keys, result, Comparer<(string File, int Start)>.Create((a, b) =>
            string.CompareOrdinal(a.File, b.File) is var byFile and not 0 ? byFile : a.Start.CompareTo(b.Start)));
        return result;
    }

    /// <summary><c>key=value</c> pairs; a pair without '=' is a key with an empty value.</summary>
    public static ImmutableArray<Label> Labels(ImmutableArray<string> pairs)
    {
        if (pairs.IsEmpty) return ImmutableArray<Label>.Empty;
        var builder = ImmutableArray.CreateBuilder<Label>(pairs.Length);
        foreach (var p in pairs)
        {
            var eq = p.IndexOf('=');
            builder.Add(eq >= 0 ? new Label(p.Substring(0, eq), p.Substring(eq + 1)) : new Label(p, string.Empty));
        }

        return builder.MoveToImmutable();
    }

    public static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
