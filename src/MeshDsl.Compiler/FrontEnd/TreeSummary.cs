using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshDsl.FrontEnd;

/// <summary>
/// What one file declares, read from syntax alone and kept per syntax tree: the inputs of <see cref="DeclarationCache{T}"/>'s
/// decision whether an edit can change another file's declarations. Method bodies are never read, so typing in one
/// costs a walk of the file's declarations.
/// </summary>
internal sealed class TreeSummary
{
    private static readonly ConditionalWeakTable<SyntaxTree, TreeSummary> Cache = new();

    private TreeSummary(string shape, ImmutableHashSet<string> types, ImmutableDictionary<string, ImmutableArray<string>> constants,
        ImmutableArray<TypeDeclarationSyntax> candidates, bool hasAliases, bool hasGlobalAliases)
    {
        Shape = shape;
        Types = types;
        Constants = constants;
        Candidates = candidates;
        HasAliases = hasAliases;
        HasGlobalAliases = hasGlobalAliases;
    }

    /// <summary>
    /// Every name the file declares and everything that decides what a name means elsewhere (types with their kind,
    /// modifiers, type parameters and bases; members; usings), in order. Two versions of a file with the same shape
    /// differ only in attribute arguments, initializers and bodies.
    /// </summary>
    public string Shape { get; }

    /// <summary>The types the file declares (or declares a part of), named as <see cref="ParseContext.TypeName"/> names them.</summary>
    public ImmutableHashSet<string> Types { get; }

    /// <summary>Constants and enum members by simple name, each with the identifiers of its value.</summary>
    public ImmutableDictionary<string, ImmutableArray<string>> Constants { get; }

    /// <summary>Classes and records that carry an attribute which could be a MeshDsl declaration attribute.</summary>
    public ImmutableArray<TypeDeclarationSyntax> Candidates { get; }

    /// <summary>Whether the file has a using alias: a declaration attribute may then go by another name.</summary>
    public bool HasAliases { get; }

    /// <summary>Whether the file has a global using alias, which may rename a declaration attribute in every file.</summary>
    public bool HasGlobalAliases { get; }

    public static TreeSummary Of(SyntaxTree tree, System.Threading.CancellationToken cancellationToken) =>
        Cache.GetValue(tree, t => Build(t, cancellationToken));

    // The attribute names that make a class a declaration, as they may be written (with or without the suffix).
    private static readonly ImmutableHashSet<string> DeclarationNames = DeclarationParser.DeclarationAttributes
        .Select(n => n.Substring("MeshDsl.".Length))
        .SelectMany(n => new[] { n, n.Substring(0, n.Length - "Attribute".Length) })
        .ToImmutableHashSet();

    private static TreeSummary Build(SyntaxTree tree, System.Threading.CancellationToken cancellationToken)
    {
        var root = (CompilationUnitSyntax)tree.GetRoot(cancellationToken);
        var shape = new StringBuilder();
        var types = ImmutableHashSet.CreateBuilder<string>();
        var constants = new Dictionary<string, HashSet<string>>();
        var candidates = ImmutableArray.CreateBuilder<TypeDeclarationSyntax>();
        var hasAliases = false;
        var hasGlobalAliases = false;

        void Usings(SyntaxList<UsingDirectiveSyntax> usings, SyntaxList<ExternAliasDirectiveSyntax> externs)
        {
            foreach (var e in externs) shape.Append("E|").Append(e.Identifier.ValueText).Append('\n');
            foreach (var u in usings)
            {
                hasAliases |= u.Alias is not null;
                hasGlobalAliases |= u.Alias is not null && u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword);
                shape.Append("U|").Append(u.WithoutTrivia().ToString()).Append('\n');
            }
        }

        void Visit(SyntaxNode node, string prefix)
        {
            foreach (var child in node.ChildNodes())
            {
                switch (child)
                {
                    case BaseNamespaceDeclarationSyntax ns:
                        var name = Dotted(ns.Name);
                        shape.Append("N|").Append(prefix).Append(name).Append('\n');
                        Usings(ns.Usings, ns.Externs);
                        Visit(ns, prefix + name + ".");
                        break;
                    case BaseTypeDeclarationSyntax type:
                        var arity = type is TypeDeclarationSyntax { TypeParameterList: { } list } ? "`" + list.Parameters.Count : string.Empty;
                        var qualified = prefix + type.Identifier.ValueText + arity;
                        types.Add(qualified);
                        shape.Append("T|").Append(type.Kind()).Append('|').Append(qualified).Append('|').Append(type.Modifiers.ToString())
                            .Append('|').Append(type is TypeDeclarationSyntax { ParameterList: { } parameters } ? parameters.WithoutTrivia().ToString() : string.Empty)
                            .Append('|').Append(type.BaseList?.WithoutTrivia().ToString())
                            .Append('|').Append(type is TypeDeclarationSyntax t ? string.Join(",", t.ConstraintClauses.Select(c => c.WithoutTrivia().ToString())) : string.Empty)
                            .Append('\n');
                        if (type is TypeDeclarationSyntax candidate && candidate.Kind() is SyntaxKind.ClassDeclaration or SyntaxKind.RecordDeclaration && MayBeDeclaration(candidate))
                        {
                            candidates.Add(candidate);
                        }

                        if (type is EnumDeclarationSyntax e)
                        {
                            foreach (var member in e.Members)
                            {
                                shape.Append("M|").Append(qualified).Append('.').Append(member.Identifier.ValueText).Append('\n');
                                Constant(constants, member.Identifier.ValueText, member.EqualsValue?.Value);
                            }
                        }
                        else
                        {
                            Members((TypeDeclarationSyntax)type, qualified);
                            Visit(type, qualified + ".");
                        }

                        break;
                    case DelegateDeclarationSyntax d:
                        var delegateName = prefix + d.Identifier.ValueText + (d.TypeParameterList is { } p ? "`" + p.Parameters.Count : string.Empty);
                        types.Add(delegateName);
                        shape.Append("D|").Append(delegateName).Append('\n');
                        break;
                }
            }
        }

        void Members(TypeDeclarationSyntax type, string qualified)
        {
            foreach (var member in type.Members)
            {
                switch (member)
                {
                    case BaseFieldDeclarationSyntax field:
                        foreach (var v in field.Declaration.Variables)
                        {
                            shape.Append("M|").Append(qualified).Append('.').Append(v.Identifier.ValueText).Append('|').Append(field.Modifiers.ToString()).Append('\n');
                            if (field.Modifiers.Any(SyntaxKind.ConstKeyword)) Constant(constants, v.Identifier.ValueText, v.Initializer?.Value);
                        }

                        break;
                    case PropertyDeclarationSyntax property:
                        shape.Append("M|").Append(qualified).Append('.').Append(property.Identifier.ValueText).Append('\n');
                        break;
                    case MethodDeclarationSyntax method:
                        shape.Append("M|").Append(qualified).Append('.').Append(method.Identifier.ValueText).Append("()\n");
                        break;
                    case EventDeclarationSyntax ev:
                        shape.Append("M|").Append(qualified).Append('.').Append(ev.Identifier.ValueText).Append('\n');
                        break;
                    case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                        break;
                    default:
                        // Constructors, operators, indexers: named by kind; they never name a constant.
                        shape.Append("M|").Append(qualified).Append('.').Append(member.Kind()).Append('\n');
                        break;
                }
            }
        }

        Usings(root.Usings, root.Externs);
        Visit(root, string.Empty);
        cancellationToken.ThrowIfCancellationRequested();
        return new TreeSummary(
            shape.ToString(),
            types.ToImmutable(),
            constants.ToImmutableDictionary(p => p.Key, p => p.Value.OrderBy(x => x, System.StringComparer.Ordinal).ToImmutableArray()),
            candidates.ToImmutable(),
            hasAliases,
            hasGlobalAliases);
    }

    private static void Constant(Dictionary<string, HashSet<string>> constants, string name, ExpressionSyntax? value)
    {
        if (!constants.TryGetValue(name, out var identifiers)) constants[name] = identifiers = new HashSet<string>();
        if (value is not null) AddIdentifiers(value, identifiers);
    }

    /// <summary>Every identifier written in <paramref name="node"/>: the names it may refer to, constants among them.</summary>
    public static void AddIdentifiers(SyntaxNode node, HashSet<string> identifiers)
    {
        foreach (var token in node.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken)) identifiers.Add(token.ValueText);
        }
    }

    /// <summary>
    /// Whether one of the class's attributes is named like a declaration attribute. An alias could rename one, so where
    /// aliases are in scope <see cref="AttributedClasses"/> is used instead.
    /// </summary>
    private static bool MayBeDeclaration(TypeDeclarationSyntax type)
    {
        foreach (var list in type.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                if (DeclarationNames.Contains(RightmostName(attribute.Name))) return true;
            }
        }

        return false;
    }

    /// <summary>All classes and records of the file that carry any attribute (for files where an alias may rename one).</summary>
    public static IEnumerable<TypeDeclarationSyntax> AttributedClasses(SyntaxTree tree, System.Threading.CancellationToken cancellationToken) =>
        tree.GetRoot(cancellationToken).DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
            .OfType<TypeDeclarationSyntax>()
            .Where(t => t.Kind() is SyntaxKind.ClassDeclaration or SyntaxKind.RecordDeclaration && t.AttributeLists.Count > 0);

    private static string RightmostName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax q => q.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
        SimpleNameSyntax s => s.Identifier.ValueText,
        _ => string.Empty,
    };

    private static string Dotted(NameSyntax name) => name switch
    {
        QualifiedNameSyntax q => Dotted(q.Left) + "." + q.Right.Identifier.ValueText,
        SimpleNameSyntax s => s.Identifier.ValueText,
        AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
        _ => name.ToString(),
    };
}
