using System.Threading.Tasks;
using MeshDsl.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshDsl.CodeFixes;

/// <summary>
/// A fix that replaces the literal a diagnostic points at with the value its rule computed (<see cref="Model.Finding.Fix"/>,
/// carried in <see cref="MeshDeclarationAnalyzer.FixProperty"/>). Each rule says only how that value is written.
/// </summary>
public abstract class FixPropertyLiteralFix : CodeFixProvider
{
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        if (!diagnostic.Properties.TryGetValue(MeshDeclarationAnalyzer.FixProperty, out var fix) || fix is null
            || await AttributeEdits.NodeAsync(context.Document, context.Span, context.CancellationToken).ConfigureAwait(false) is not LiteralExpressionSyntax literal
            || Replacement(fix) is not { } replacement)
        {
            return;
        }

        var key = GetType().Name;
        context.RegisterCodeFix(CodeAction.Create(Title(fix), ct => AttributeEdits.ReplaceAsync(context.Document, literal, replacement, ct), key), diagnostic);
    }

    /// <summary>The literal to write for the rule's value, or null when the value cannot be written.</summary>
    protected abstract ExpressionSyntax? Replacement(string fix);

    protected abstract string Title(string fix);
}
