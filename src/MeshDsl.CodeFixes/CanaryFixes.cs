using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshDsl.CodeFixes;

/// <summary>MESH702: a ratio written where a percentage is expected (0.99 for 99%) becomes the percentage.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PercentageFix)), Shared]
public sealed class PercentageFix : FixPropertyLiteralFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.CanaryThresholdUnit);

    protected override ExpressionSyntax? Replacement(string percent)
    {
        if (!double.TryParse(percent, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return null;

        // A whole number is written as one (99, as a reader would): it converts to the double the attribute takes.
        var token = int.TryParse(percent, NumberStyles.None, CultureInfo.InvariantCulture, out var whole) ? SyntaxFactory.Literal(whole) : SyntaxFactory.Literal(percent, value);
        return SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, token);
    }

    protected override string Title(string percent) => $"Write {percent}, the percentage";
}
