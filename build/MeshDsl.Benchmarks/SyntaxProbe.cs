using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshDsl.Benchmarks;

/// <summary>
/// Sizes issue 15's first direction (a front end that reads declarations from syntax): on a fresh
/// compilation, what binding every attribute costs, against resolving only the names in them (the attribute classes and
/// the generic type arguments) through Roslyn's own lookup at each attribute. If the lookups cost as much as the binding,
/// a syntax front end has to resolve names itself, cached per scope, to save anything.
/// </summary>
internal static class SyntaxProbe
{
    public static void Run(int n)
    {
        // The first rounds carry the JIT; the last ones are the figures.
        for (var round = 0; round < 4; round++)
        {
            var compilation = new MeshHarness(n).Compilation;
            var sw = Stopwatch.StartNew();
            var types = new List<INamedTypeSymbol>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var node in Declarations(tree).OfType<TypeDeclarationSyntax>())
                {
                    if (model.GetDeclaredSymbol(node) is INamedTypeSymbol symbol) types.Add(symbol);
                }
            }

            var declared = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            var lookups = 0;
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var attribute in Declarations(tree).OfType<AttributeSyntax>())
                {
                    var name = attribute.Name is SimpleNameSyntax simple ? simple.Identifier.ValueText : attribute.Name.ToString();
                    lookups += Resolved(model, attribute.SpanStart, name + "Attribute");
                    if (attribute.Name is not GenericNameSyntax generic) continue;
                    foreach (var argument in generic.TypeArgumentList.Arguments.OfType<IdentifierNameSyntax>())
                    {
                        lookups += Resolved(model, argument.SpanStart, argument.Identifier.ValueText);
                    }
                }
            }

            var looked = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            var attributes = types.Sum(t => t.GetAttributes().Length);
            var bound = sw.Elapsed.TotalMilliseconds;
            Console.WriteLine($"N={n}: {types.Count} declared symbols {declared,6:F0} ms | {lookups} names looked up at their attribute {looked,6:F0} ms | {attributes} attributes bound {bound,6:F0} ms");
        }
    }

    private static IEnumerable<SyntaxNode> Declarations(SyntaxTree tree) => tree.GetRoot().DescendantNodes(static node =>
        node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax or AttributeListSyntax);

    private static int Resolved(SemanticModel model, int position, string name) => model.LookupNamespacesAndTypes(position, null, name).IsEmpty ? 0 : 1;
}
