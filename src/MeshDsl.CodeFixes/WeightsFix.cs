using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshDsl.CodeFixes;

/// <summary>MESH104: rebalances a rule's weights to add up to 100, keeping their proportions (largest remainder).</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WeightsFix)), Shared]
public sealed class WeightsFix : CodeFixProvider
{
    private static readonly string[] Destinations = { "RouteTo", "RouteToHost" };

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.WeightsNot100);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var node = await AttributeEdits.NodeAsync(context.Document, context.Span, context.CancellationToken).ConfigureAwait(false);
        var attribute = node?.FirstAncestorOrSelf<AttributeSyntax>();
        if (attribute is null || Weights(attribute) is not { } weights) return;
        context.RegisterCodeFix(
            CodeAction.Create("Rebalance the weights to add up to 100", ct => FixAsync(context.Document, attribute, ct), nameof(WeightsFix)),
            context.Diagnostics);
    }

    /// <summary>The rule's weight literals, when every destination has one.</summary>
    private static List<LiteralExpressionSyntax>? Weights(AttributeSyntax anyDestination)
    {
        var result = new List<LiteralExpressionSyntax>();
        foreach (var attribute in AttributeEdits.Siblings(anyDestination).Where(a => Destinations.Contains(AttributeEdits.Name(a))))
        {
            var weight = attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Weight")?.Expression;
            if (weight is not LiteralExpressionSyntax literal || literal.Token.Value is not int) return null;
            result.Add(literal);
        }

        return result.Count > 1 && result.Sum(l => (long)(int)l.Token.Value!) > 0 && result.All(l => (int)l.Token.Value! >= 0) ? result : null;
    }

    private static async Task<Document> FixAsync(Document document, AttributeSyntax attribute, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var weights = Weights(attribute)!;
        var rebalanced = Rebalance(weights.Select(w => (int)w.Token.Value!).ToArray());
        var replacements = weights.Select((w, i) => (w, rebalanced[i])).ToDictionary(x => (SyntaxNode)x.w, x => x.Item2);
        return document.WithSyntaxRoot(root!.ReplaceNodes(replacements.Keys, (old, _) => AttributeEdits.Number(replacements[old]).WithTriviaFrom(old)));
    }

    /// <summary>Scales weights to a total of 100, giving the leftover points to the largest remainders.</summary>
    internal static int[] Rebalance(int[] weights)
    {
        var total = weights.Sum(w => (long)w);
        var exact = weights.Select(w => w * 100m / total).ToArray();
        var result = exact.Select(e => (int)decimal.Floor(e)).ToArray();
        var left = 100 - result.Sum();
        foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => exact[i] - result[i]).ThenBy(i => i).Take(left)) result[i]++;
        return result;
    }
}
