using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using MeshDsl.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshDsl.CodeFixes;

/// <summary>MESH107: lower-cases a header name.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HeaderNameFix)), Shared]
public sealed class HeaderNameFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.HeaderNotLowerCase);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await AttributeEdits.NodeAsync(context.Document, context.Span, context.CancellationToken).ConfigureAwait(false) is not LiteralExpressionSyntax literal
            || !literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return;
        }

        var lower = literal.Token.ValueText.ToLowerInvariant();
        context.RegisterCodeFix(
            CodeAction.Create($"Use \"{lower}\"", ct => AttributeEdits.ReplaceAsync(context.Document, literal, AttributeEdits.String(lower), ct), nameof(HeaderNameFix)),
            context.Diagnostics);
    }
}

/// <summary>MESH203: shrinks perTryTimeout to the largest value whose tries fit the rule's timeout.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PerTryTimeoutFix)), Shared]
public sealed class PerTryTimeoutFix : FixPropertyLiteralFix
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RetryBudget);

    protected override ExpressionSyntax Replacement(string fits) => AttributeEdits.String(fits);

    protected override string Title(string fits) => $"Use a perTryTimeout of \"{fits}\"";
}

/// <summary>MESH201: turns retries off on a rule that serves writes; MESH206: says so explicitly where Istio's default would retry.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NoRetriesFix)), Shared]
public sealed class NoRetriesFix : CodeFixProvider
{
    private const string Title = "Set Retries(0)";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RetriesOnNonIdempotent, RuleIds.DefaultRetriesOnNonIdempotent);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var node = await AttributeEdits.NodeAsync(context.Document, context.Span, context.CancellationToken).ConfigureAwait(false);
        var attribute = node?.FirstAncestorOrSelf<AttributeSyntax>();
        if (attribute is null) return;

        var diagnostic = context.Diagnostics[0];
        if (diagnostic.Id == RuleIds.RetriesOnNonIdempotent && AttributeEdits.Name(attribute) == "Retries")
        {
            // Istio rejects any other retry setting beside attempts: 0, so the whole attribute becomes Retries(0).
            var off = attribute.WithArgumentList(SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(AttributeEdits.Number(0)))));
            context.RegisterCodeFix(CodeAction.Create(Title, ct => AttributeEdits.ReplaceAsync(context.Document, attribute, off, ct), nameof(NoRetriesFix)), diagnostic);
        }
        else if (diagnostic.Id == RuleIds.DefaultRetriesOnNonIdempotent && attribute.Parent is AttributeListSyntax list)
        {
            var retries = SyntaxFactory.Attribute(
                SyntaxFactory.IdentifierName("Retries"),
                SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.AttributeArgument(AttributeEdits.Number(0)))));
            var index = list.Attributes.IndexOf(attribute);
            var added = list.WithAttributes(list.Attributes.Insert(index + 1, retries));
            context.RegisterCodeFix(CodeAction.Create(Title, ct => AttributeEdits.ReplaceAsync(context.Document, list, added, ct), nameof(NoRetriesFix)), diagnostic);
        }
    }
}
