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

/// <summary>MESH603: raises the bucket (MaxTokens) to the tokens each fill adds, the rate the declaration asks for.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BucketSizeFix)), Shared]
public sealed class BucketSizeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.TokensBeyondBucket);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var node = await AttributeEdits.NodeAsync(context.Document, context.Span, context.CancellationToken).ConfigureAwait(false);
        if (node is not LiteralExpressionSyntax { Token.Value: int perFill } literal
            || literal.Parent is not AttributeArgumentSyntax { NameEquals.Name.Identifier.ValueText: "TokensPerFill" }
            || literal.FirstAncestorOrSelf<AttributeSyntax>() is not { ArgumentList: { } arguments } attribute
            || AttributeEdits.Name(attribute) != "LocalRateLimit"
            || arguments.Arguments.FirstOrDefault() is not { NameEquals: null, NameColon: null, Expression: { } maxTokens })
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create($"Raise MaxTokens to {perFill}", ct => AttributeEdits.ReplaceAsync(context.Document, maxTokens, AttributeEdits.Number(perFill), ct), nameof(BucketSizeFix)),
            context.Diagnostics);
    }
}

/// <summary>MESH605: gives the EnvoyFilter a priority, so its relative patch is ordered after the filters it is relative to.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PriorityFix)), Shared]
public sealed class PriorityFix : CodeFixProvider
{
    /// <summary>Any priority above 0 orders the patch after the EnvoyFilters that set none.</summary>
    private const int Priority = 10;

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RelativePatchWithoutPriority);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var node = await AttributeEdits.NodeAsync(context.Document, context.Span, context.CancellationToken).ConfigureAwait(false);
        if (node?.FirstAncestorOrSelf<AttributeSyntax>() is not { } attribute
            || AttributeEdits.Name(attribute) is not ("LocalRateLimit" or "RateLimitService")
            || attribute.ArgumentList?.Arguments.Any(a => a.NameEquals?.Name.Identifier.ValueText == "Priority") == true)
        {
            return;
        }

        var priority = SyntaxFactory.AttributeArgument(SyntaxFactory.NameEquals("Priority"), null, AttributeEdits.Number(Priority));
        var list = attribute.ArgumentList ?? SyntaxFactory.AttributeArgumentList();
        var withPriority = attribute.WithArgumentList(list.WithArguments(list.Arguments.Add(priority)));
        context.RegisterCodeFix(
            CodeAction.Create($"Set Priority = {Priority}", ct => AttributeEdits.ReplaceAsync(context.Document, attribute, withPriority, ct), nameof(PriorityFix)),
            context.Diagnostics);
    }
}
