using System.Collections.Immutable;
using System.Linq;
using MeshDsl.FrontEnd;
using MeshDsl.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshDsl.Analyzers;

/// <summary>
/// Runs the policy rules on each <c>[MeshService]</c>, <c>[VirtualService]</c> and <c>[Gateway]</c> class and reports their findings at the attribute argument at fault.
/// The rules themselves know nothing of Roslyn (see <see cref="PolicyRules"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MeshDeclarationAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> ById =
        Descriptors.All.ToImmutableDictionary(d => d.Id);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.All.ToImmutableArray();

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var declarations = DeclarationParser.DeclarationAttributes
                .Select(start.Compilation.GetTypeByMetadataName)
                .OfType<INamedTypeSymbol>()
                .ToImmutableHashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            if (declarations.IsEmpty) return;
            start.RegisterSymbolAction(symbolContext => Analyze(symbolContext, declarations), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, ImmutableHashSet<INamedTypeSymbol> declarations)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!type.GetAttributes().Any(a => a.AttributeClass is { } c && declarations.Contains(c))) return;

        var model = DeclarationParser.Parse(type, context.CancellationToken);
        if (model is null) return;
        var locator = new SourceLocator(type);
        foreach (var finding in PolicyRules.Evaluate(model))
        {
            if (!ById.TryGetValue(finding.RuleId, out var descriptor)) continue;
            var location = locator.Locate(finding.Origin, finding.Field, context.CancellationToken) ?? type.Locations.FirstOrDefault();
            context.ReportDiagnostic(Diagnostic.Create(descriptor, location, finding.MessageArgs.ToArray<object>()));
        }
    }
}
