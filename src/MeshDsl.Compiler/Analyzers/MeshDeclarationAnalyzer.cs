using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MeshDsl.Canary;
using MeshDsl.FrontEnd;
using MeshDsl.Model;
using MeshDsl.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MeshDsl.Analyzers;

/// <summary>
/// Runs the policy rules on each <c>[MeshService]</c>, <c>[VirtualService]</c> and <c>[Gateway]</c> class and reports their
/// findings at the attribute argument at fault. The rules know nothing of Roslyn (see <see cref="PolicyRules"/>); this class
/// only reads the model through the front end and maps findings back to syntax. Rules that need the whole mesh run once per
/// compilation, and each class reports its own share, so every diagnostic shows live in the IDE.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MeshDeclarationAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic property that carries <see cref="Finding.Fix"/> to the code fixes.</summary>
    public const string FixProperty = "MeshDsl.Fix";

    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> ById = Descriptors.All.ToImmutableDictionary(d => d.Id);

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

            var workloadFiles = start.Options.AdditionalFiles.Where(f => WorkloadFiles.IsWorkloadFile(start.Options.AnalyzerConfigOptionsProvider.GetOptions(f))).ToImmutableArray();
            start.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.MeshDslNamespace", out var defaultNamespace);
            defaultNamespace = string.IsNullOrWhiteSpace(defaultNamespace) ? null : defaultNamespace!.Trim();
            start.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.MeshDslCanaryEngine", out var engine);
            var mesh = new Lazy<MeshAnalysis>(() => MeshAnalysis.Create(start.Compilation, declarations, workloadFiles, defaultNamespace, engine, start.CancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterSymbolAction(symbolContext => Analyze(symbolContext, declarations, mesh.Value, engine), SymbolKind.NamedType);
            if (!workloadFiles.IsEmpty) start.RegisterAdditionalFileAction(WorkloadFiles.ReportUnreadable);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, ImmutableHashSet<INamedTypeSymbol> declarations, MeshAnalysis mesh, string? engine)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!type.GetAttributes().Any(a => a.AttributeClass is { } c && declarations.Contains(c)))
        {
            ReportOutsideDeclarations(context, type, declarations);
            return;
        }

        var sourceType = ParseContext.TypeName(type);
        var model = mesh.Declarations.TryGetValue(sourceType, out var known) ? known : DeclarationParser.Parse(type, context.CancellationToken)?.WithCanaryEngine(engine);
        if (model is null) return;

        var locator = new SourceLocator(type);
        var findings = PolicyRules.Evaluate(model).Concat(mesh.FindingsFor(sourceType));
        foreach (var finding in findings.Distinct())
        {
            if (!ById.TryGetValue(finding.RuleId, out var descriptor)) continue;
            var location = locator.Locate(finding.Origin, finding.Field, context.CancellationToken) ?? type.Locations.FirstOrDefault();
            var properties = finding.Fix is null ? null : ImmutableDictionary<string, string?>.Empty.Add(FixProperty, finding.Fix);
            context.ReportDiagnostic(Diagnostic.Create(descriptor, location, properties, finding.MessageArgs.ToArray<object>()));
        }
    }

    /// <summary>
    /// MESH014 for MeshDsl attributes on a class that no declaration contains (an [HttpRoute] outside any service): nothing
    /// reads them, so they would silently be missing from the manifests. Classes inside a declaration are its own to check.
    /// </summary>
    private static void ReportOutsideDeclarations(SymbolAnalysisContext context, INamedTypeSymbol type, ImmutableHashSet<INamedTypeSymbol> declarations)
    {
        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            if (container.GetAttributes().Any(a => a.AttributeClass is { } c && declarations.Contains(c))) return;
        }

        foreach (var attribute in type.GetAttributes())
        {
            var name = AttributeReader.NameOf(attribute.AttributeClass);
            if (!name.StartsWith("MeshDsl.", StringComparison.Ordinal) || attribute.ApplicationSyntaxReference is null) continue;
            var shortName = name.Substring("MeshDsl.".Length).Replace("Attribute", string.Empty);
            var tick = shortName.IndexOf('`');
            if (tick >= 0) shortName = shortName.Substring(0, tick);
            var location = attribute.ApplicationSyntaxReference.GetSyntax(context.CancellationToken).GetLocation();
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.MisplacedAttribute, location, shortName, type.Name,
                "a class that is not in any [MeshService], [VirtualService] or [Gateway] class"));
        }
    }

    /// <summary>Every declaration of the compilation read once, and the mesh-wide findings grouped by the declaration they point into.</summary>
    private sealed class MeshAnalysis
    {
        private readonly Dictionary<string, List<Finding>> _findings;

        private MeshAnalysis(Dictionary<string, MeshDeclaration> declarations, Dictionary<string, List<Finding>> findings)
        {
            Declarations = declarations;
            _findings = findings;
        }

        public Dictionary<string, MeshDeclaration> Declarations { get; }

        public IEnumerable<Finding> FindingsFor(string sourceType) =>
            _findings.TryGetValue(sourceType, out var list) ? list : Enumerable.Empty<Finding>();

        public static MeshAnalysis Create(Compilation compilation, ImmutableHashSet<INamedTypeSymbol> attributes, ImmutableArray<AdditionalText> workloadFiles, string? defaultNamespace, string? engine, CancellationToken cancellationToken)
        {
            var declarations = new Dictionary<string, MeshDeclaration>(StringComparer.Ordinal);
            var stack = new Stack<INamespaceOrTypeSymbol>();
            stack.Push(compilation.Assembly.GlobalNamespace);
            while (stack.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var current = stack.Pop();
                foreach (var member in current.GetMembers())
                {
                    if (member is INamespaceSymbol ns)
                    {
                        stack.Push(ns);
                    }
                    else if (member is INamedTypeSymbol type && type.Locations.Any(l => l.IsInSource))
                    {
                        stack.Push(type);
                        if (type.GetAttributes().Any(a => a.AttributeClass is { } c && attributes.Contains(c))
                            && DeclarationParser.Parse(type, cancellationToken) is { } declaration)
                        {
                            declarations[declaration.Source] = declaration.WithCanaryEngine(engine);
                        }
                    }
                }
            }

            var ordered = declarations.Values.OrderBy(d => d.Source, StringComparer.Ordinal).ToArray();
            var findings = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
            var files = workloadFiles.Select(f => Workloads.WorkloadReader.Read(f, cancellationToken)).ToArray();
            var workloads = files.SelectMany(f => f.Workloads).ToArray();
            var hosts = files.SelectMany(f => f.Hosts).ToArray();
            foreach (var finding in PolicyRules.EvaluateMesh(ordered, workloads, defaultNamespace, hosts))
            {
                // A finding belongs to the declaration whose type, or a type nested in it, it points at.
                var owner = ordered.Where(d => finding.Origin.Document == d.Source || finding.Origin.Document.StartsWith(d.Source + ".", StringComparison.Ordinal))
                    .OrderByDescending(d => d.Source.Length).FirstOrDefault();
                if (owner is null) continue;
                if (!findings.TryGetValue(owner.Source, out var list)) findings[owner.Source] = list = new List<Finding>();
                list.Add(finding);
            }

            return new MeshAnalysis(declarations, findings);
        }
    }
}
