using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshDsl.FrontEnd;

/// <summary>
/// Reads a type's attributes from syntax where C#'s answer is certain, so the generator's first run on a compilation does
/// not bind every attribute (five sixths of a cold build's generator time, docs/performance.md). Anything it is not sure
/// of, it leaves to binding: the whole type then reads as <c>GetAttributes()</c> gives it.
/// </summary>
/// <remarks>
/// Certain means: the type and the types around it have one attributed part, no base list and no type parameters; no
/// alias, <c>using static</c> or extern alias in the file or a global one anywhere; each name found once, first among the
/// members of the type and the types around it, then in each enclosing namespace and its usings, as C#'s lookup goes, and
/// never shadowed by a member or namespace of the same name; arguments that are literals, negated numbers, enum members,
/// <c>typeof</c> of a plain name, <c>null</c> and arrays of those, mapped to the one constructor with as many parameters.
/// Tests bind every type read here too and compare (<see cref="Verify"/>).
/// </remarks>
internal sealed partial class SyntaxAttributes
{
    [ThreadStatic]
    private static SyntaxAttributes? _current;

    /// <summary>Tests set this: every syntax read is checked against binding, and a difference throws.</summary>
    internal static bool Verify;

    private readonly Compilation _compilation;
    private readonly Dictionary<ISymbol, AttributeReader[]?> _read = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<SyntaxNode, ImmutableArray<Level>?> _levels = new();
    private ImmutableArray<INamespaceSymbol>? _globalImports;

    private SyntaxAttributes(Compilation compilation) => _compilation = compilation;

    /// <summary>The reader of the parse running on this thread, or null: binding then reads every attribute.</summary>
    public static SyntaxAttributes? Current => _current;

    /// <summary>How many types were read from syntax, and how many were left to binding (what the tests look at).</summary>
    public int Read { get; private set; }

    public int Bound { get; private set; }

    /// <summary>Runs <paramref name="parse"/> with attributes read from <paramref name="compilation"/>'s syntax where certain.</summary>
    public static T Use<T>(Compilation compilation, Func<T> parse)
    {
        var outer = _current;
        _current = new SyntaxAttributes(compilation);
        try
        {
            return parse();
        }
        finally
        {
            _current = outer;
        }
    }

    internal static SyntaxAttributes For(Compilation compilation) => new(compilation);

    /// <summary>The type's attributes as <c>GetAttributes()</c> would give them, or null when syntax cannot be sure.</summary>
    public AttributeReader[]? TryRead(ITypeSymbol type)
    {
        if (_read.TryGetValue(type, out var known)) return known;
        AttributeReader[]? result;
        try
        {
            result = GlobalImports() is null || type is not INamedTypeSymbol named ? null : ReadType(named);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Code no compiler accepts can take shapes no rule here foresaw: binding still reads it as C# does.
            result = null;
        }

        if (result is null) Bound++;
        else Read++;
        if (result is not null && Verify) Compare(type, result);
        _read[type] = result;
        return result;
    }

    private AttributeReader[]? ReadType(INamedTypeSymbol type)
    {
        TypeDeclarationSyntax? attributed = null;
        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (t.Arity > 0 || t.DeclaringSyntaxReferences.IsEmpty) return null;
            foreach (var reference in t.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is not TypeDeclarationSyntax declaration || declaration.BaseList is not null || declaration.TypeParameterList is not null) return null;
                if (t.Equals(type, SymbolEqualityComparer.Default) && declaration.AttributeLists.Count > 0)
                {
                    if (attributed is not null) return null;
                    attributed = declaration;
                }
            }
        }

        if (attributed is null) return System.Array.Empty<AttributeReader>();
        if (Levels(attributed) is not { } levels) return null;
        var scope = new Scope(type, levels);
        var result = new List<AttributeReader>();
        foreach (var list in attributed.AttributeLists)
        {
            if (list.Target is not null) return null;
            foreach (var attribute in list.Attributes)
            {
                if (ReadAttribute(attribute, scope) is not { } read) return null;
                result.Add(new AttributeReader(read, result.Count));
            }
        }

        return result.ToArray();
    }

    private SyntaxAttribute? ReadAttribute(AttributeSyntax attribute, Scope scope)
    {
        SimpleNameSyntax name;
        switch (attribute.Name)
        {
            case IdentifierNameSyntax identifier: name = identifier; break;
            case GenericNameSyntax generic: name = generic; break;
            default: return null;
        }

        if (name.Identifier.Text.StartsWith("@", StringComparison.Ordinal)) return null;
        var text = name.Identifier.ValueText;
        var typeArgumentSyntax = name is GenericNameSyntax g ? g.TypeArgumentList.Arguments : default;
        var arity = typeArgumentSyntax.Count;
        var plain = Lookup(text, arity, scope);
        var suffixed = Lookup(text + "Attribute", arity, scope);
        if (plain.Ambiguous || suffixed.Ambiguous) return null;
        if ((plain.Type is null) == (suffixed.Type is null)) return null;
        var definition = plain.Type ?? suffixed.Type!;

        var typeArguments = ImmutableArray.CreateBuilder<ITypeSymbol>(arity);
        foreach (var argument in typeArgumentSyntax)
        {
            if (TypeNamed(argument, scope) is not { } resolved) return null;
            typeArguments.Add(resolved);
        }

        var attributeClass = arity == 0 ? definition : definition.Construct(typeArguments.ToArray());
        var metadataName = AttributeReader.NameOf(attributeClass);
        var constructorArguments = ImmutableArray<(string Name, SyntaxArg Value)>.Empty;
        var namedArguments = ImmutableArray<(string Name, SyntaxArg Value)>.Empty;
        if (!metadataName.StartsWith("MeshDsl.", StringComparison.Ordinal))
        {
            // Not MeshDsl's: the parsers only look at its name, and binding reads it the same whatever its arguments.
            if (!IsAttribute(definition)) return null;
        }
        else if (!IsMeshDsl(definition) || !Arguments(attribute.ArgumentList, attributeClass, scope, out constructorArguments, out namedArguments))
        {
            return null;
        }

        return new SyntaxAttribute(metadataName, constructorArguments, namedArguments, typeArguments.ToImmutable(), attribute.GetReference());
    }

    private bool Arguments(AttributeArgumentListSyntax? list, INamedTypeSymbol attributeClass, Scope scope,
        out ImmutableArray<(string Name, SyntaxArg Value)> constructorArguments, out ImmutableArray<(string Name, SyntaxArg Value)> namedArguments)
    {
        constructorArguments = ImmutableArray<(string, SyntaxArg)>.Empty;
        namedArguments = ImmutableArray<(string, SyntaxArg)>.Empty;
        var arguments = list?.Arguments ?? default;
        var positional = new List<AttributeArgumentSyntax>();
        var named = new List<AttributeArgumentSyntax>();
        foreach (var argument in arguments)
        {
            if (argument.NameColon is not null) return false;
            if (argument.NameEquals is null)
            {
                if (named.Count > 0) return false;
                positional.Add(argument);
            }
            else
            {
                named.Add(argument);
            }
        }

        IMethodSymbol? constructor = null;
        foreach (var candidate in attributeClass.InstanceConstructors)
        {
            if (candidate.Parameters.Any(p => p.IsParams || p.IsOptional)) return false;
            if (candidate.Parameters.Length != positional.Count) continue;
            if (constructor is not null) return false;
            constructor = candidate;
        }

        if (constructor is null || constructor.DeclaredAccessibility != Accessibility.Public) return false;
        var ctorBuilder = ImmutableArray.CreateBuilder<(string, SyntaxArg)>(positional.Count);
        for (var i = 0; i < positional.Count; i++)
        {
            if (Decode(positional[i].Expression, constructor.Parameters[i].Type, scope) is not { } value) return false;
            ctorBuilder.Add((constructor.Parameters[i].Name, value));
        }

        var namedBuilder = ImmutableArray.CreateBuilder<(string, SyntaxArg)>(named.Count);
        foreach (var argument in named)
        {
            var memberName = argument.NameEquals!.Name.Identifier.ValueText;
            if (argument.NameEquals.Name.Identifier.Text.StartsWith("@", StringComparison.Ordinal)) return false;
            if (namedBuilder.Any(n => n.Item1 == memberName) || SettableMemberType(attributeClass, memberName) is not { } memberType) return false;
            if (Decode(argument.Expression, memberType, scope) is not { } value) return false;
            namedBuilder.Add((memberName, value));
        }

        constructorArguments = ctorBuilder.MoveToImmutable();
        namedArguments = namedBuilder.MoveToImmutable();
        return true;
    }

    private static ITypeSymbol? SettableMemberType(INamedTypeSymbol attributeClass, string name)
    {
        for (var t = attributeClass; t is not null; t = t.BaseType)
        {
            var members = t.GetMembers(name);
            if (members.Length > 1) return null;
            if (members.Length == 1)
            {
                return members[0] switch
                {
                    IPropertySymbol { IsStatic: false, SetMethod: { DeclaredAccessibility: Accessibility.Public, IsInitOnly: false }, DeclaredAccessibility: Accessibility.Public, Parameters.IsEmpty: true } p => p.Type,
                    IFieldSymbol { IsStatic: false, IsReadOnly: false, IsConst: false, DeclaredAccessibility: Accessibility.Public } f => f.Type,
                    _ => null,
                };
            }
        }

        return null;
    }

    private static bool IsSystemType(ITypeSymbol type) => type is INamedTypeSymbol { Name: "Type", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true }, ContainingType: null };

    private static bool IsMeshDsl(INamedTypeSymbol type) =>
        type.ContainingAssembly?.Name == "MeshDsl" && type.ContainingType is null && type.ContainingNamespace is { Name: "MeshDsl", ContainingNamespace.IsGlobalNamespace: true };

    private static bool IsAttribute(INamedTypeSymbol type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t is { Name: "Attribute", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } }) return true;
        }

        return false;
    }

    // A type by its name (a type argument, typeof, or the E of E.Member): a simple name, or a type nested in one (Reviews.V2).
    // Lookup is unsure wherever a member of another kind has the name, so the expression case, where such a member would
    private void Compare(ITypeSymbol type, AttributeReader[] read)
    {
        var bound = type.GetAttributes();
        string? problem = null;
        if (bound.Length != read.Length) problem = $"{bound.Length} attributes bound, {read.Length} read";
        for (var i = 0; problem is null && i < read.Length; i++)
        {
            problem = AttributeReader.Difference(new AttributeReader(bound[i], i), read[i]);
            if (problem is not null) problem = $"attribute {i}: {problem}";
        }

        if (problem is not null) throw new InvalidOperationException($"MeshDsl read {type.ToDisplayString()}'s attributes from syntax differently from C#: {problem}");
    }
}
