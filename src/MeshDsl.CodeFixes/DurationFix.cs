using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using MeshDsl.Istio;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshDsl.CodeFixes;

/// <summary>MESH001: rewrites a duration in Istio's notation where its meaning is clear: "10 seconds" to "10s", "1.5ms" to "2ms".</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DurationFix)), Shared]
public sealed class DurationFix : CodeFixProvider
{
    private static readonly Regex Part = new(@"\G\s*([0-9]+(?:\.[0-9]+)?)\s*([a-zµμ]+)\s*,?\s*(?:and\s+)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.InvalidDuration);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        if (await AttributeEdits.NodeAsync(context.Document, context.Span, context.CancellationToken).ConfigureAwait(false) is not LiteralExpressionSyntax literal
            || !literal.IsKind(SyntaxKind.StringLiteralExpression)
            || Normalize(literal.Token.ValueText) is not { } normalized)
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create($"Use \"{normalized}\"", ct => AttributeEdits.ReplaceAsync(context.Document, literal, AttributeEdits.String(normalized), ct), nameof(DurationFix)),
            context.Diagnostics);
    }

    /// <summary>A liberal reading of a duration (units spelled out, spaces, sub-millisecond precision), in Istio's notation; null when unclear.</summary>
    internal static string? Normalize(string text)
    {
        decimal total = 0;
        var position = 0;
        var trimmed = text.Trim();
        if (trimmed.Length == 0) return null;
        while (position < trimmed.Length)
        {
            var match = Part.Match(trimmed, position);
            if (!match.Success || match.Length == 0) return null;
            var unit = match.Groups[2].Value.ToLowerInvariant() switch
            {
                "ns" or "nanosecond" or "nanoseconds" => 1m,
                "us" or "µs" or "μs" or "microsecond" or "microseconds" => 1_000m,
                "ms" or "msec" or "msecs" or "millisecond" or "milliseconds" => 1_000_000m,
                "s" or "sec" or "secs" or "second" or "seconds" => 1_000_000_000m,
                "m" or "min" or "mins" or "minute" or "minutes" => 60_000_000_000m,
                "h" or "hr" or "hrs" or "hour" or "hours" => 3_600_000_000_000m,
                _ => 0m,
            };
            if (unit == 0) return null;
            total += decimal.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * unit;
            position += match.Length;
        }

        var milliseconds = decimal.Round(total / 1_000_000m, 0, System.MidpointRounding.AwayFromZero);
        return milliseconds < 1 ? null : IstioDuration.Format(milliseconds * 1_000_000m);
    }
}
