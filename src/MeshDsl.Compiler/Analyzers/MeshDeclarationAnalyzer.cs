using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
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

    // Per analyzer instance, which the IDE keeps between compilations: typing in one file re-parses only the declarations
    // the edit can change, and the mesh-wide rules run again only when a declaration did change.
    private readonly DeclarationCache<CSharpDeclaration> _cache = new(static (symbol, ct) => DeclarationParser.Parse(symbol, ct), AcrossBuilds);

    // The compiler server makes new analyzer instances for each build but keeps their assembly loaded, so what one build
    // read reaches the next only through static state: the declarations of each of a few projects (the next build takes
    // over those of unchanged files, as the kept generator does), the mesh-wide findings computed from them, and each
    // declaration's diagnostics. Weakly held but the first, which is bounded.
    private static readonly LastBuilds AcrossBuilds = new(capacity: 4);
    private static readonly ConditionalWeakTable<DeclarationSet<CSharpDeclaration>, StrongBox<MeshAnalysis?>> Analyses = new();
    private static readonly ConditionalWeakTable<CSharpDeclaration, StrongBox<Reported?>> ReportedFor = new();

    /// <summary>How many declarations this analyzer has parsed (each edit should add only the ones it changed).</summary>
    internal int DeclarationsParsed => _cache.Parses;

    private int _findingsPlaced;

    /// <summary>How many findings this analyzer has placed in the syntax (a silenced rule's should add none).</summary>
    internal int FindingsPlaced => Volatile.Read(ref _findingsPlaced);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Generated code is not analyzed; what is reported lies in the declaration analyzed, so Roslyn need not check each
        // diagnostic's location for generated code (with None it does, and that check was most of a warm analysis's time).
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var declarations = DeclarationParser.DeclarationAttributes
                .Select(start.Compilation.GetTypeByMetadataName)
                .OfType<INamedTypeSymbol>()
                .ToImmutableHashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            if (declarations.IsEmpty) return;

            var workloadFiles = start.Options.AdditionalFiles.Where(f => WorkloadFiles.IsWorkloadFile(start.Options.AnalyzerConfigOptionsProvider.GetOptions(f))).ToImmutableArray();
            var global = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
            var defaultNamespace = BuildProperties.Value(global, BuildProperties.Namespace);
            defaultNamespace = string.IsNullOrWhiteSpace(defaultNamespace) ? null : defaultNamespace!.Trim();
            var engine = BuildProperties.Value(global, BuildProperties.CanaryEngine);
            var acrossBuilds = BuildProperties.IsTrue(global, BuildProperties.GeneratorCache);
            var mesh = new Lazy<MeshAnalysis>(() => Mesh(start.Compilation, workloadFiles, defaultNamespace, engine, acrossBuilds, start.CancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
            var silenced = Silenced.Of(start.Compilation.Options);
            start.RegisterSymbolAction(symbolContext => Analyze(symbolContext, declarations, mesh.Value, engine, silenced), SymbolKind.NamedType);
            if (!workloadFiles.IsEmpty)
            {
                start.RegisterAdditionalFileAction(file =>
                {
                    if (!WorkloadFiles.IsWorkloadFile(file.Options.AnalyzerConfigOptionsProvider.GetOptions(file.AdditionalFile))) return;
                    WorkloadFiles.ReportUnreadable(file);
                    foreach (var finding in mesh.Value.FindingsInFile(file.AdditionalFile.Path))
                    {
                        if (silenced.Contains(finding.RuleId) || !ById.TryGetValue(finding.RuleId, out var descriptor)) continue;
                        var location = WorkloadFiles.LineLocation(file.AdditionalFile, finding.Origin.Node, 0, file.CancellationToken);
                        file.ReportDiagnostic(Diagnostic.Create(descriptor, location, finding.MessageArgs.ToArray<object>()));
                    }
                });
            }
        });
    }

    private MeshAnalysis Mesh(Compilation compilation, ImmutableArray<AdditionalText> workloadFiles, string? defaultNamespace, string? engine, bool acrossBuilds, CancellationToken cancellationToken)
    {
        var declarations = _cache.Parse(compilation, cancellationToken, acrossBuilds);
        var files = workloadFiles.Select(f => Workloads.WorkloadReader.Read(f, cancellationToken)).ToArray();
        var key = new MeshInputs(files.ToImmutableArray(), defaultNamespace, engine);
        var box = Analyses.GetValue(declarations, static _ => new StrongBox<MeshAnalysis?>());
        if (Volatile.Read(ref box.Value) is { } known && known.Inputs.Equals(key)) return known;
        var analysis = MeshAnalysis.Create(declarations.Items, key, cancellationToken);
        Volatile.Write(ref box.Value, analysis);
        return analysis;
    }

    private void Analyze(SymbolAnalysisContext context, ImmutableHashSet<INamedTypeSymbol> declarations, MeshAnalysis mesh, string? engine, Silenced silenced)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var sourceType = ParseContext.TypeName(type);
        if (mesh.Declarations.TryGetValue(sourceType, out var model))
        {
            // A declaration the edit did not change, with the same mesh-wide findings: its diagnostics are the ones already
            // located (in the same syntax trees, so at the same locations), and its attributes need not be bound again. In
            // another build's trees (a declaration taken over from it), the same findings are located again.
            var meshFindings = mesh.FindingsFor(sourceType).ToArray();
            var trees = TreesOf(type);
            var box = ReportedFor.GetValue(model, static _ => new StrongBox<Reported?>());
            var reported = Volatile.Read(ref box.Value);
            if (reported is null || !reported.MeshFindings.SequenceEqual(meshFindings) || !reported.Trees.SequenceEqual(trees) || !reported.Silenced.Equals(silenced))
            {
                var own = reported?.Own ?? model.Evaluate().ToArray();
                reported = new Reported(own, meshFindings, trees, silenced, Locate(type, own.Concat(meshFindings), silenced, context.CancellationToken));
                Volatile.Write(ref box.Value, reported);
            }

            foreach (var diagnostic in reported.Diagnostics) context.ReportDiagnostic(diagnostic);
            return;
        }

        // Types nested in a declaration are its own to check; a type without attributes has nothing to report.
        if (InMeshDeclaration(type, sourceType, mesh) || !HasAttributes(type, context.CancellationToken)) return;
        if (!type.GetAttributes().Any(a => a.AttributeClass is { } c && declarations.Contains(c)))
        {
            ReportOutsideDeclarations(context, type, declarations);
            return;
        }

        if (DeclarationParser.Parse(type, context.CancellationToken)?.WithCanaryEngine(engine) is { } parsed)
        {
            foreach (var diagnostic in Locate(type, parsed.Evaluate(), silenced, context.CancellationToken)) context.ReportDiagnostic(diagnostic);
        }
    }

    private Diagnostic[] Locate(INamedTypeSymbol type, IEnumerable<Finding> findings, Silenced silenced, CancellationToken cancellationToken)
    {
        SourceLocator? locator = null;
        var result = new List<Diagnostic>();
        foreach (var finding in findings.Distinct())
        {
            // A rule the project silenced is never reported: its findings are not worth placing in the syntax.
            if (silenced.Contains(finding.RuleId) || !ById.TryGetValue(finding.RuleId, out var descriptor)) continue;
            locator ??= new SourceLocator(type);
            Interlocked.Increment(ref _findingsPlaced);
            var location = locator.Locate(finding.Origin, finding.Field, cancellationToken) ?? type.Locations.FirstOrDefault();
            var properties = finding.Fix is null ? null : ImmutableDictionary<string, string?>.Empty.Add(FixProperty, finding.Fix);
            result.Add(Diagnostic.Create(descriptor, location, properties, finding.MessageArgs.ToArray<object>()));
        }

        return result.ToArray();
    }

    /// <summary>Whether a type around <paramref name="type"/> is a declaration, by the type's name without its last parts.</summary>
    private static bool InMeshDeclaration(INamedTypeSymbol type, string typeName, MeshAnalysis mesh)
    {
        // A source type's name has no dot, so a containing type's name is this one's up to its last dot (ParseContext.TypeName):
        // nothing is built again for the thousands of types nested in declarations.
        var name = typeName;
        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            name = name.Substring(0, name.LastIndexOf('.'));
            if (mesh.Declarations.ContainsKey(name)) return true;
        }

        return false;
    }

    private static bool HasAttributes(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax { AttributeLists.Count: > 0 }) return true;
        }

        return false;
    }

    /// <summary>
    /// One declaration's diagnostics: its own findings (which depend on its model alone), the mesh-wide ones, the syntax
    /// trees of its declaring parts, which the diagnostics' locations point into, and the rules left out as silenced.
    /// </summary>
    private sealed record Reported(Finding[] Own, Finding[] MeshFindings, SyntaxTree[] Trees, Silenced Silenced, Diagnostic[] Diagnostics);

    private static SyntaxTree[] TreesOf(INamedTypeSymbol type)
    {
        var references = type.DeclaringSyntaxReferences;
        var trees = new SyntaxTree[references.Length];
        for (var i = 0; i < trees.Length; i++) trees[i] = references[i].SyntaxTree;
        return trees;
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

        private readonly Dictionary<string, List<Finding>> _fileFindings;

        private MeshAnalysis(Dictionary<string, CSharpDeclaration> declarations, Dictionary<string, List<Finding>> findings, Dictionary<string, List<Finding>> fileFindings)
        {
            Declarations = declarations;
            _findings = findings;
            _fileFindings = fileFindings;
        }

        public Dictionary<string, CSharpDeclaration> Declarations { get; }

        public IEnumerable<Finding> FindingsFor(string sourceType) =>
            _findings.TryGetValue(sourceType, out var list) ? list : Enumerable.Empty<Finding>();

        /// <summary>The findings about a workload file's own objects (a Deployment the workload rules check), at their lines.</summary>
        public IEnumerable<Finding> FindingsInFile(string path) =>
            _fileFindings.TryGetValue(path, out var list) ? list : Enumerable.Empty<Finding>();

        public MeshInputs Inputs { get; private set; } = null!;

        public static MeshAnalysis Create(ImmutableArray<CSharpDeclaration> parsed, MeshInputs inputs, CancellationToken cancellationToken)
        {
            var declarations = new Dictionary<string, CSharpDeclaration>(StringComparer.Ordinal);
            foreach (var declaration in parsed)
            {
                cancellationToken.ThrowIfCancellationRequested();
                declarations[declaration.TypeName] = declaration.WithCanaryEngine(inputs.Engine);
            }

            var ordered = declarations.Values.OrderBy(d => d.TypeName, StringComparer.Ordinal).ToArray();
            var findings = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
            var workloads = inputs.Files.SelectMany(f => f.Workloads).ToArray();
            var hosts = inputs.Files.SelectMany(f => f.Hosts).ToArray();
            var namespaces = inputs.Files.SelectMany(f => f.Namespaces).ToArray();
            var files = new HashSet<string>(inputs.Files.Select(f => f.Path), StringComparer.Ordinal);
            var fileFindings = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
            foreach (var finding in PolicyRules.EvaluateMesh(CSharpDeclaration.MeshOf(ordered, workloads, inputs.DefaultNamespace, hosts, namespaces)).Distinct())
            {
                // A workload file's object: its origin is the file and a line (WorkloadYaml.LineOrigin).
                if (files.Contains(finding.Origin.Document))
                {
                    if (!fileFindings.TryGetValue(finding.Origin.Document, out var inFile)) fileFindings[finding.Origin.Document] = inFile = new List<Finding>();
                    inFile.Add(finding);
                    continue;
                }

                // A finding belongs to the innermost declaration whose type, or a type nested in it, it points at.
                var owner = finding.Origin.Document;
                while (owner.Length > 0 && !declarations.ContainsKey(owner)) owner = owner.LastIndexOf('.') is var dot and > 0 ? owner.Substring(0, dot) : string.Empty;
                if (owner.Length == 0) continue;
                if (!findings.TryGetValue(owner, out var list)) findings[owner] = list = new List<Finding>();
                list.Add(finding);
            }

            return new MeshAnalysis(declarations, findings, fileFindings) { Inputs = inputs };
        }
    }

    /// <summary>What the mesh-wide rules read besides the declarations: the workload files and two build properties.</summary>
    private sealed record MeshInputs(ImmutableArray<Workloads.WorkloadFile> Files, string? DefaultNamespace, string? Engine)
    {
        public bool Equals(MeshInputs? other) => other is not null && Files.SequenceEqual(other.Files)
            && DefaultNamespace == other.DefaultNamespace && Engine == other.Engine;

        public override int GetHashCode() => (DefaultNamespace, Engine, Files.Length).GetHashCode();
    }
}
