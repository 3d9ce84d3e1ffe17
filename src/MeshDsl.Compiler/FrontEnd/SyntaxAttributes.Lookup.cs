using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshDsl.FrontEnd;

/// <summary>C#'s name lookup, done from syntax and declared symbols: unsure wherever binding could answer otherwise.</summary>
internal sealed partial class SyntaxAttributes
{

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
    /// <remarks>
    /// Not part of <see cref="TreeSummary"/>, which walks every declaration of a file: the server's next build takes over
    /// the last build's declarations without summarizing its fresh trees, and must not summarize them all for this.
    /// </remarks>
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
        var chain = new List<(INamespaceSymbol Namespace, SyntaxList<UsingDirectiveSyntax> Usings)>();
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
                chain.Add((current, p == parts.Count - 1 ? declarations[d].Usings : default));
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

    private readonly struct Level
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
