using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading.Tasks;
using MeshDsl.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshDsl.CodeFixes;

/// <summary>MESH702: a ratio written where a percentage is expected (0.99 for 99%) becomes the percentage.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PercentageFix)), Shared]
public sealed class PercentageFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.CanaryThresholdUnit);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.TryGetValue(MeshDeclarationAnalyzer.FixProperty, out var percent) || percent is null
            || !double.TryParse(percent, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || await AttributeEdits.NodeAsync(context.Document, context.Span, context.CancellationToken).ConfigureAwait(false) is not LiteralExpressionSyntax literal)
        {
            return;
        }

        // A whole number is written as one (99, as a reader would): it converts to the double the attribute takes.
        var token = int.TryParse(percent, NumberStyles.None, CultureInfo.InvariantCulture, out var whole) ? SyntaxFactory.Literal(whole) : SyntaxFactory.Literal(percent, value);
        var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, token);
        context.RegisterCodeFix(
            CodeAction.Create($"Write {percent}, the percentage", ct => AttributeEdits.ReplaceAsync(context.Document, literal, replacement, ct), nameof(PercentageFix)),
            diagnostic);
    }
}
