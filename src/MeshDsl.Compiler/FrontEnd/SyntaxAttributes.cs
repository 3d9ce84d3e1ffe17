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
internal sealed class SyntaxAttributes
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

    // Global usings apply in every file; an alias, a static or an extern alias anywhere makes every read unsure. Read on
    // the first type, so a run that parses nothing (an edit elsewhere) does not look at every file, and kept per tree, so
    // an edit reads only the edited file's usings again (in the IDE a tree's root may have to be parsed again to be read).
    private ImmutableArray<INamespaceSymbol>? GlobalImports()
    {
        if (_globalImports is not null) return _globalImports.Value.IsDefault ? null : _globalImports;
        var imports = ImmutableArray.CreateBuilder<INamespaceSymbol>();
        var certain = true;
        foreach (var tree in _compilation.SyntaxTrees)
        {
            var usings = FileUsings.Of(tree);
            if (usings.Unsure)
            {
                certain = false;
                break;
            }

            foreach (var name in usings.GlobalNames)
            {
                if (Resolve(new[] { _compilation.GlobalNamespace }, name) is not { } ns)
                {
                    certain = false;
                    break;
                }

                if (!imports.Contains(ns, SymbolEqualityComparer.Default)) imports.Add(ns);
            }
        }

        _globalImports = certain ? imports.ToImmutable() : default(ImmutableArray<INamespaceSymbol>);
        return certain ? _globalImports : null;
    }

    /// <summary>What one file's compilation-unit usings mean for every file: its global usings, or unsure.</summary>
    private sealed class FileUsings
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SyntaxTree, FileUsings> Cache = new();

        private FileUsings(bool unsure, ImmutableArray<NameSyntax> globalNames) => (Unsure, GlobalNames) = (unsure, globalNames);

        public bool Unsure { get; }

        public ImmutableArray<NameSyntax> GlobalNames { get; }

        public static FileUsings Of(SyntaxTree tree) => Cache.GetValue(tree, static t =>
        {
            if (t.GetRoot() is not CompilationUnitSyntax root) return new FileUsings(false, ImmutableArray<NameSyntax>.Empty);
            if (root.Externs.Count > 0) return new FileUsings(true, default);
            var names = ImmutableArray.CreateBuilder<NameSyntax>();
            foreach (var u in root.Usings)
            {
                if (!u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)) continue;
                if (u.Alias is not null || u.StaticKeyword.IsKind(SyntaxKind.StaticKeyword) || u.Name is null) return new FileUsings(true, default);
                names.Add(u.Name);
            }

            return new FileUsings(false, names.ToImmutable());
        });
    }

    /// <summary>The reader of the parse running on this thread, or null: binding then reads every attribute.</summary>
    public static SyntaxAttributes? Current => _current;

    /// <summary>How many types were read from syntax, and how many were left to binding (what the tests look at).</summary>
    public int Read { get; private set; }

    public int Bound { get; private set; }

    /// <summary>Runs <paramref name="parse"/> with attributes read from <paramref name="compilation"/>'s syntax where certain.</summary>
    public static T Use<T>(Compilation compilation, Func<T> parse) => Use(new SyntaxAttributes(compilation), parse);

    internal static T Use<T>(SyntaxAttributes reader, Func<T> parse)
    {
        var outer = _current;
        _current = reader;
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

        return new SyntaxAttribute(metadataName, attributeClass, constructorArguments, namedArguments, typeArguments.ToImmutable(), attribute.GetReference());
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

    private SyntaxArg? Decode(ExpressionSyntax expression, ITypeSymbol target, Scope scope)
    {
        if (target is IArrayTypeSymbol { Rank: 1 } array) return DecodeArray(expression, array.ElementType, scope);
        if (expression.IsKind(SyntaxKind.NullLiteralExpression))
        {
            return target.SpecialType == SpecialType.System_String ? new SyntaxArg(TypedConstantKind.Primitive, null, target)
                : IsSystemType(target) ? new SyntaxArg(TypedConstantKind.Type, null, target)
                : null;
        }

        switch (target.SpecialType)
        {
            case SpecialType.System_String:
                return expression is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } s && s.Token.Value is string text
                    ? new SyntaxArg(TypedConstantKind.Primitive, text, target) : null;
            case SpecialType.System_Boolean:
                return expression.Kind() switch
                {
                    SyntaxKind.TrueLiteralExpression => new SyntaxArg(TypedConstantKind.Primitive, true, target),
                    SyntaxKind.FalseLiteralExpression => new SyntaxArg(TypedConstantKind.Primitive, false, target),
                    _ => null,
                };
            case SpecialType.System_Int32:
                return Number(expression) is int whole ? new SyntaxArg(TypedConstantKind.Primitive, whole, target) : null;
            case SpecialType.System_Double:
                return Number(expression) switch
                {
                    int i => new SyntaxArg(TypedConstantKind.Primitive, (double)i, target),
                    double d => new SyntaxArg(TypedConstantKind.Primitive, d, target),
                    _ => null,
                };
        }

        if (target.TypeKind == TypeKind.Enum && target is INamedTypeSymbol { EnumUnderlyingType.SpecialType: SpecialType.System_Int32 } enumType)
        {
            if (expression is not MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression, Expression: IdentifierNameSyntax typeName, Name: IdentifierNameSyntax member }) return null;
            if (member.Identifier.Text.StartsWith("@", StringComparison.Ordinal)) return null;
            if (TypeNamed(typeName, scope) is not { } named || !named.Equals(enumType, SymbolEqualityComparer.Default)) return null;
            var fields = enumType.GetMembers(member.Identifier.ValueText);
            return fields.Length == 1 && fields[0] is IFieldSymbol { HasConstantValue: true, ConstantValue: int value }
                ? new SyntaxArg(TypedConstantKind.Enum, value, target) : null;
        }

        if (IsSystemType(target))
        {
            return expression is TypeOfExpressionSyntax typeOf && TypeNamed(typeOf.Type, scope) is { } type
                ? new SyntaxArg(TypedConstantKind.Type, type, target) : null;
        }

        return null;
    }

    private SyntaxArg? DecodeArray(ExpressionSyntax expression, ITypeSymbol elementType, Scope scope)
    {
        var arrayType = _compilation.CreateArrayTypeSymbol(elementType);
        if (expression.IsKind(SyntaxKind.NullLiteralExpression)) return new SyntaxArg(TypedConstantKind.Array, null, arrayType, isNullArray: true);
        SeparatedSyntaxList<ExpressionSyntax> elements;
        switch (expression)
        {
            case ImplicitArrayCreationExpressionSyntax implicitArray when implicitArray.Commas.Count == 0:
                // The array's type comes from its elements: only kinds whose literal type is the element type itself.
                if (!(elementType.SpecialType is SpecialType.System_String or SpecialType.System_Int32 or SpecialType.System_Boolean || elementType.TypeKind == TypeKind.Enum)) return null;
                if (implicitArray.Initializer.Expressions.Count == 0) return null;
                elements = implicitArray.Initializer.Expressions;
                break;
            case ArrayCreationExpressionSyntax { Initializer: { } initializer } explicitArray
                when explicitArray.Type.RankSpecifiers.Count == 1 && explicitArray.Type.RankSpecifiers[0].Sizes.All(s => s is OmittedArraySizeExpressionSyntax)
                && ElementTypeIs(explicitArray.Type.ElementType, elementType, scope):
                elements = initializer.Expressions;
                break;
            case CollectionExpressionSyntax collection:
                var items = new List<ExpressionSyntax>();
                foreach (var element in collection.Elements)
                {
                    if (element is not ExpressionElementSyntax e) return null;
                    items.Add(e.Expression);
                }

                elements = SyntaxFactory.SeparatedList(items);
                break;
            default:
                return null;
        }

        var values = ImmutableArray.CreateBuilder<SyntaxArg>(elements.Count);
        foreach (var element in elements)
        {
            if (element.IsKind(SyntaxKind.NullLiteralExpression) && expression is ImplicitArrayCreationExpressionSyntax) return null;
            if (Decode(element, elementType, scope) is not { } value) return null;
            values.Add(value);
        }

        return new SyntaxArg(TypedConstantKind.Array, null, arrayType, values.MoveToImmutable());
    }

    private bool ElementTypeIs(TypeSyntax syntax, ITypeSymbol elementType, Scope scope) => syntax switch
    {
        PredefinedTypeSyntax predefined => predefined.Keyword.Kind() switch
        {
            SyntaxKind.StringKeyword => elementType.SpecialType == SpecialType.System_String,
            SyntaxKind.IntKeyword => elementType.SpecialType == SpecialType.System_Int32,
            SyntaxKind.DoubleKeyword => elementType.SpecialType == SpecialType.System_Double,
            SyntaxKind.BoolKeyword => elementType.SpecialType == SpecialType.System_Boolean,
            _ => false,
        },
        IdentifierNameSyntax name => elementType.TypeKind == TypeKind.Enum && TypeNamed(name, scope) is { } t && t.Equals(elementType, SymbolEqualityComparer.Default),
        _ => false,
    };

    private static object? Number(ExpressionSyntax expression)
    {
        var negate = false;
        if (expression is PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression } minus)
        {
            negate = true;
            expression = minus.Operand;
        }

        if (expression is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } literal) return null;
        return literal.Token.Value switch
        {
            int i => negate ? -i : i,
            double d => negate ? -d : d,
            _ => null,
        };
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
    // win, is covered too.
    private INamedTypeSymbol? TypeNamed(TypeSyntax name, Scope scope)
    {
        switch (name)
        {
            case IdentifierNameSyntax identifier:
                if (identifier.Identifier.Text.StartsWith("@", StringComparison.Ordinal)) return null;
                var found = Lookup(identifier.Identifier.ValueText, 0, scope);
                return found.Ambiguous ? null : found.Type;
            case QualifiedNameSyntax { Right: IdentifierNameSyntax right } qualified:
                if (right.Identifier.Text.StartsWith("@", StringComparison.Ordinal) || TypeNamed(qualified.Left, scope) is not { } outer) return null;
                // Only a type declared in the outer type itself: one inherited from its base would need the base bound.
                var members = outer.GetMembers(right.Identifier.ValueText);
                return members.Length == 1 && members[0] is INamedTypeSymbol { Arity: 0 } inner ? inner : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// C#'s lookup of a type name from inside <paramref name="scope"/>'s type: the members of the type and of each type
    /// around it, then each enclosing namespace, then the namespaces its usings import. Ambiguous whenever the answer is
    /// not one accessible type, or a member or namespace of the same name could take its place.
    /// </summary>
    private static Found Lookup(string name, int arity, Scope scope)
    {
        for (var t = scope.Type; t is not null; t = t.ContainingType)
        {
            var members = t.GetMembers(name);
            if (members.IsEmpty) continue;
            return members.Length == 1 && members[0] is INamedTypeSymbol nested && nested.Arity == arity ? new Found(nested) : Found.Unsure;
        }

        foreach (var level in scope.Levels)
        {
            INamedTypeSymbol? here = null;
            foreach (var member in level.Namespace.GetMembers(name))
            {
                if (member is not INamedTypeSymbol type) return Found.Unsure;
                if (type.Arity != arity) continue;
                if (here is not null || !Accessible(type)) return Found.Unsure;
                here = type;
            }

            if (here is not null) return new Found(here);
            INamedTypeSymbol? imported = null;
            foreach (var import in level.Imports)
            {
                foreach (var type in import.GetTypeMembers(name))
                {
                    if (type.Arity != arity) continue;
                    if (!Accessible(type)) return Found.Unsure;
                    if (imported is not null && !imported.Equals(type, SymbolEqualityComparer.Default)) return Found.Unsure;
                    imported = type;
                }
            }

            if (imported is not null) return new Found(imported);
        }

        return default;
    }

    private static bool Accessible(INamedTypeSymbol type) =>
        type.DeclaredAccessibility == Accessibility.Public || (type.Locations.Length > 0 && type.Locations[0].IsInSource);

    /// <summary>The namespaces a type declared at <paramref name="declaration"/> looks in, innermost first, each with what its usings import.</summary>
    private ImmutableArray<Level>? Levels(TypeDeclarationSyntax declaration)
    {
        SyntaxNode container = declaration.Parent!;
        while (container is TypeDeclarationSyntax) container = container.Parent!;
        if (_levels.TryGetValue(container, out var known)) return known;
        var levels = BuildLevels(container);
        _levels[container] = levels;
        return levels;
    }

    private ImmutableArray<Level>? BuildLevels(SyntaxNode container)
    {
        // The namespace declarations from the innermost out, then the compilation unit.
        var declarations = new List<BaseNamespaceDeclarationSyntax>();
        CompilationUnitSyntax? unit = null;
        for (var node = container; node is not null; node = node.Parent)
        {
            if (node is BaseNamespaceDeclarationSyntax ns) declarations.Add(ns);
            else if (node is CompilationUnitSyntax cu) unit = cu;
            else return null;
        }

        if (unit is null || unit.Externs.Count > 0) return null;
        var levels = new List<Level>();
        var global = _compilation.GlobalNamespace;
        var unitImports = Imports(unit.Usings, new[] { global }, GlobalImports()!.Value);
        if (unitImports is null) return null;

        // Each declaration's name parts nest from the outermost declaration in: namespace A.B { namespace C { } } looks in
        // A.B.C, then A.B, then A, then the global namespace.
        var chain = new List<(INamespaceSymbol Namespace, SyntaxList<UsingDirectiveSyntax> Usings, bool Last)>();
        var current = global;
        for (var d = declarations.Count - 1; d >= 0; d--)
        {
            if (declarations[d].Externs.Count > 0) return null;
            var parts = Parts(declarations[d].Name);
            if (parts is null) return null;
            for (var p = 0; p < parts.Count; p++)
            {
                var next = current.GetNamespaceMembers().FirstOrDefault(n => n.Name == parts[p]);
                if (next is null) return null;
                current = next;
                chain.Add((current, p == parts.Count - 1 ? declarations[d].Usings : default, p == parts.Count - 1));
            }
        }

        for (var i = chain.Count - 1; i >= 0; i--)
        {
            // A using's name is read from its own namespace out, as if no using of its level were there.
            var outer = new List<INamespaceSymbol>();
            for (var j = i; j >= 0; j--) outer.Add(chain[j].Namespace);
            outer.Add(global);
            var imports = Imports(chain[i].Usings, outer, ImmutableArray<INamespaceSymbol>.Empty);
            if (imports is null) return null;
            levels.Add(new Level(chain[i].Namespace, imports.Value));
        }

        levels.Add(new Level(global, unitImports.Value));
        return levels.ToImmutableArray();
    }

    private static ImmutableArray<INamespaceSymbol>? Imports(SyntaxList<UsingDirectiveSyntax> usings, IReadOnlyList<INamespaceSymbol> from, ImmutableArray<INamespaceSymbol> extra)
    {
        var result = ImmutableArray.CreateBuilder<INamespaceSymbol>();
        result.AddRange(extra);
        foreach (var u in usings)
        {
            if (u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)) continue;
            if (u.Alias is not null || u.StaticKeyword.IsKind(SyntaxKind.StaticKeyword) || Resolve(from, u.Name) is not { } found) return null;
            if (!result.Contains(found, SymbolEqualityComparer.Default)) result.Add(found);
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// A using's namespace, read as C# reads it: the first name from the innermost namespace out (the first that has a member
    /// of that name decides), the rest inside it; null when that member is a type or the rest is not there.
    /// </summary>
    private static INamespaceSymbol? Resolve(IReadOnlyList<INamespaceSymbol> from, NameSyntax? name)
    {
        var leftmost = name;
        while (leftmost is QualifiedNameSyntax qualified) leftmost = qualified.Left;
        var globalQualified = leftmost is AliasQualifiedNameSyntax;
        var parts = Parts(name);
        if (parts is null) return null;
        for (var i = globalQualified ? from.Count - 1 : 0; i < from.Count; i++)
        {
            var first = from[i].GetMembers(parts[0]).ToArray();
            if (first.Length == 0) continue;
            if (first.Length != 1 || first[0] is not INamespaceSymbol current) return null;
            for (var p = 1; p < parts.Count; p++)
            {
                var members = current.GetMembers(parts[p]).ToArray();
                if (members.Length != 1 || members[0] is not INamespaceSymbol next) return null;
                current = next;
            }

            return current;
        }

        return null;
    }

    private static List<string>? Parts(NameSyntax? name)
    {
        switch (name)
        {
            case AliasQualifiedNameSyntax { Alias.Identifier.RawKind: (int)SyntaxKind.GlobalKeyword, Name: IdentifierNameSyntax rest }:
                return Parts(rest);
            case IdentifierNameSyntax identifier:
                return identifier.Identifier.Text.StartsWith("@", StringComparison.Ordinal) ? null : new List<string> { identifier.Identifier.ValueText };
            case QualifiedNameSyntax qualified:
                var left = Parts(qualified.Left);
                if (left is null || qualified.Right is not IdentifierNameSyntax right || right.Identifier.Text.StartsWith("@", StringComparison.Ordinal)) return null;
                left.Add(right.Identifier.ValueText);
                return left;
            default:
                return null;
        }
    }

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

    internal readonly struct Level
    {
        public Level(INamespaceSymbol ns, ImmutableArray<INamespaceSymbol> imports) => (Namespace, Imports) = (ns, imports);

        public INamespaceSymbol Namespace { get; }

        public ImmutableArray<INamespaceSymbol> Imports { get; }
    }

    private readonly struct Scope
    {
        public Scope(INamedTypeSymbol type, ImmutableArray<Level> levels) => (Type, Levels) = (type, levels);

        public INamedTypeSymbol Type { get; }

        public ImmutableArray<Level> Levels { get; }
    }

    private readonly struct Found
    {
        public static readonly Found Unsure = new(null, ambiguous: true);

        public Found(INamedTypeSymbol? type, bool ambiguous = false) => (Type, Ambiguous) = (type, ambiguous);

        public INamedTypeSymbol? Type { get; }

        public bool Ambiguous { get; }
    }
}

/// <summary>One attribute as read from syntax: what <see cref="AttributeReader"/> asks of an <c>AttributeData</c>.</summary>
internal sealed class SyntaxAttribute
{
    public SyntaxAttribute(string metadataName, INamedTypeSymbol attributeClass, ImmutableArray<(string Name, SyntaxArg Value)> constructorArguments,
        ImmutableArray<(string Name, SyntaxArg Value)> namedArguments, ImmutableArray<ITypeSymbol> typeArguments, SyntaxReference syntax)
    {
        MetadataName = metadataName;
        AttributeClass = attributeClass;
        ConstructorArguments = constructorArguments;
        NamedArguments = namedArguments;
        TypeArguments = typeArguments;
        Syntax = syntax;
    }

    public string MetadataName { get; }

    public INamedTypeSymbol AttributeClass { get; }

    public ImmutableArray<(string Name, SyntaxArg Value)> ConstructorArguments { get; }

    public ImmutableArray<(string Name, SyntaxArg Value)> NamedArguments { get; }

    public ImmutableArray<ITypeSymbol> TypeArguments { get; }

    public SyntaxReference Syntax { get; }
}

/// <summary>An argument's value as read from syntax, in <c>TypedConstant</c>'s terms.</summary>
internal sealed class SyntaxArg
{
    public SyntaxArg(TypedConstantKind kind, object? value, ITypeSymbol type, ImmutableArray<SyntaxArg> values = default, bool isNullArray = false)
    {
        Kind = kind;
        Value = value;
        Type = type;
        Values = values.IsDefault ? ImmutableArray<SyntaxArg>.Empty : values;
        IsNull = kind == TypedConstantKind.Array ? isNullArray : value is null;
    }

    public TypedConstantKind Kind { get; }

    public object? Value { get; }

    public ITypeSymbol Type { get; }

    public ImmutableArray<SyntaxArg> Values { get; }

    public bool IsNull { get; }
}
