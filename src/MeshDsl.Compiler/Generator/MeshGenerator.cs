using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MeshDsl.Canary;
using MeshDsl.Emit;
using MeshDsl.FrontEnd;
using MeshDsl.Helpers;
using MeshDsl.Model;
using MeshDsl.Simulation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshDsl.Generator;

/// <summary>
/// Turns each <c>[MeshService]</c>, <c>[VirtualService]</c> and <c>[Gateway]</c> class into its Istio resources. Each resource
/// is embedded in the assembly as metadata (an implementation-only output, so the IDE never pays for YAML) and written
/// to disk by the build task; each declaration also gets a <c>Manifests</c> accessor (a normal output, so the IDE sees it):
/// in C# 14 and later, MeshDsl's extension property reached through <c>IMeshDeclaration</c> (<see cref="AccessorForm"/>).
/// Policy problems are the analyzers' to report; the generator never reports and never throws on user input.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class MeshGenerator : IIncrementalGenerator
{
    // Per generator instance: the driver keeps the instance between runs, and each test driver starts empty.
    // Its models are Roslyn-free, so the compiler server's next build of the project may take over those of unchanged files.
    private readonly DeclarationCache<Parsed> _cache = new(
        static (symbol, ct) => DeclarationParser.Parse(symbol, ct, attributeChecks: false) is { } declaration ? new Parsed(declaration, AccessorOf(symbol)) : null,
        new LastBuilds(capacity: 1));

    private readonly DeclarationBuckets _buckets = new();

    private readonly System.Func<Compilation, bool> _extensionForm;

    public MeshGenerator()
        : this(AccessorForm.UsesExtension)
    {
    }

    /// <param name="extensionForm">Whether a compilation takes the extension form of <c>T.Manifests</c>: tests on a Roslyn
    /// without extension members still check what that form generates.</param>
    internal MeshGenerator(System.Func<Compilation, bool> extensionForm) => _extensionForm = extensionForm;

    /// <summary>How many declarations this generator has parsed (each edit should add only the ones it changed).</summary>
    internal int DeclarationsParsed => _cache.Parses;

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Proof for the build task that this generator ran to the end: a generator that throws contributes nothing, so the
        // task then leaves the manifests on disk alone instead of taking "no manifests" for "delete them all".
        context.RegisterImplementationSourceOutput(
            context.ParseOptionsProvider.Select(static (_, _) => true),
            static (spc, _) => spc.AddSource("MeshDsl.Generator.g.cs", CSharpEmitter.GeneratorMarker));

        // MeshDslNamespace belongs to the output itself: the YAML on disk, Manifest.Of at run time and the analyzers agree.
        // So does MeshDslCanaryEngine: it decides which documents a canary becomes.
        var buildOptions = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => (
                Namespace: Namespaces.Default(BuildProperties.Value(options.GlobalOptions, BuildProperties.Namespace)),
                Engine: BuildProperties.Value(options.GlobalOptions, BuildProperties.CanaryEngine)));

        // MeshDslGraph=true: the whole mesh drawn (Mermaid and DOT), written below the output folder as graph/mesh.*. It reads
        // every declaration, so it is opt-in: when off, an edit costs it one comparison.
        var graphEnabled = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => BuildProperties.IsTrue(options.GlobalOptions, BuildProperties.Graph));

        // Every declaration of the compilation, each parsed again only when an edit can have changed it (DeclarationCache):
        // an edit to one service re-parses that service, an edit elsewhere none. The pipeline carries them in a fixed number
        // of buckets (DeclarationBuckets), so the driver's work on a run where nothing changed does not grow with the mesh.
        // Attributes are read from syntax where C# is certain (SyntaxAttributes): binding them all was most of a cold build's
        // generator time, and the compiler binds them anyway for the compilation it emits.
        var buckets = context.CompilationProvider
            .Select((compilation, ct) => _buckets.Of(SyntaxAttributes.Use(compilation, () => _cache.Parse(compilation, ct))))
            .SelectMany(static (all, _) => all)
            .WithTrackingName(TrackingNames.Parsed);

        var declarations = buckets
            .Combine(buildOptions)
            .Select(static (pair, _) => new DeclarationBucket(pair.Left.Index, pair.Left.Items
                .Select(p => p.Declaration.InNamespace(pair.Right.Namespace).WithCanaryEngine(pair.Right.Engine).WithCanary())
                .ToEquatableArray()))
            .WithTrackingName(TrackingNames.Declarations);

        // One implementation-only source per bucket holds its declarations' metadata and all their manifests. Roslyn's
        // driver adds every source back on each run, checking its name against all those added before it, so a source per
        // resource made every edit at N = 1000 pay for 4,000 of them (docs/performance.md). An edit re-emits one bucket.
        var outputs = declarations
            .Select(static (b, _) => new BucketOutput(b.Index, b.Declarations.Select(DeclarationOutput.Of).ToEquatableArray()))
            .WithTrackingName(TrackingNames.Outputs);
        context.RegisterImplementationSourceOutput(outputs, static (spc, output) =>
        {
            if (!output.Declarations.IsEmpty) spc.AddSource(BucketHintName("Manifests", output.Index), output.Emit());
        });

        var accessors = buckets
            .Select(static (b, _) => new AccessorBucket(b.Index, b.Items.Where(p => p.Accessor is not null).Select(p => p.Accessor!).ToEquatableArray()))
            .WithTrackingName(TrackingNames.Accessors);

        // Decided per compilation, but a boolean: the accessor sources are emitted again only when the language version, the
        // referenced MeshDsl or MeshDslManifestsProperty changes. That property asks for a property in each declaration
        // whatever the compiler could do, for code that reads the mesh assembly without C# 14 (F#, reflection, older C#).
        var propertyAsked = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => BuildProperties.IsTrue(options.GlobalOptions, BuildProperties.ManifestsProperty));
        var extensionForm = context.CompilationProvider
            .Select((compilation, _) => _extensionForm(compilation))
            .Combine(propertyAsked)
            .Select(static (pair, _) => pair.Left && !pair.Right);
        context.RegisterSourceOutput(accessors.Combine(extensionForm), static (spc, pair) =>
        {
            var (bucket, extension) = pair;
            if (!bucket.Accessors.IsEmpty) spc.AddSource(BucketHintName("Accessors", bucket.Index), CSharpEmitter.Accessors(bucket.Accessors, extension));
        });

        var all = declarations.Collect();
        var graph = graphEnabled.Combine(all)
            .Select(static (pair, _) => pair.Left ? MeshGraphFiles.Of(MeshOf(pair.Right.SelectMany(b => b.Declarations))) : EquatableArray<(string File, string Text)>.Empty)
            .WithTrackingName(TrackingNames.Graph);
        context.RegisterImplementationSourceOutput(graph, static (spc, files) =>
        {
            foreach (var (file, text) in files) spc.AddSource(HintName(MeshGraphFiles.Source, file.Replace('/', '.')), CSharpEmitter.FileMetadata(MeshGraphFiles.Source, file, text));
        });
    }

    /// <summary>One bucket's declarations, with the project's namespace and canary engine applied.</summary>
    internal sealed record DeclarationBucket(int Index, EquatableArray<CSharpDeclaration> Declarations);

    /// <summary>What the generator embeds for one bucket: its declarations' outputs, in type-name order.</summary>
    internal sealed record BucketOutput(int Index, EquatableArray<DeclarationOutput> Declarations)
    {
        public string Emit() => CSharpEmitter.DeclarationMetadata(Declarations);
    }

    /// <summary>The <c>Manifests</c> accessors of one bucket's declarations that can have one.</summary>
    internal sealed record AccessorBucket(int Index, EquatableArray<AccessorModel> Accessors);

    /// <summary>What one pass over a declaration yields: its model, and its accessor when the class can have one.</summary>
    internal sealed record Parsed(CSharpDeclaration Declaration, AccessorModel? Accessor);

    /// <summary>The mesh of the compilation's declarations (the order they are collected in does not matter to the graph).</summary>
    private static Mesh MeshOf(IEnumerable<CSharpDeclaration> declarations)
    {
        return CSharpDeclaration.MeshOf(declarations.OrderBy(d => d.TypeName, System.StringComparer.Ordinal).ToArray(), System.Array.Empty<Workload>());
    }

    /// <summary>
    /// The accessor needs the class and every containing type to be a partial class, struct or record (an interface cannot
    /// hold it), and the name <c>Manifests</c> to be free (not the class's own name, not a member the user wrote);
    /// otherwise there is none, and the manifests are still generated and written.
    /// </summary>
    private static AccessorModel? AccessorOf(INamedTypeSymbol type)
    {
        if (type.IsGenericType || type.Name == "Manifests" || !type.GetMembers("Manifests").IsEmpty) return null;
        var containers = new List<string>();
        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (t.TypeKind is not (TypeKind.Class or TypeKind.Struct)) return null;
            var isPartial = t.DeclaringSyntaxReferences.Any(r =>
                r.GetSyntax() is TypeDeclarationSyntax d && d.Modifiers.Any(SyntaxKind.PartialKeyword));
            if (!isPartial || t.IsGenericType) return null;
            var keyword = t.IsRecord ? (t.IsValueType ? "record struct" : "record") : t.IsValueType ? "struct" : "class";
            containers.Insert(0, "partial " + keyword + " " + Identifier(t.Name));
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString(EscapedNames) : string.Empty;
        // A static class cannot implement an interface (mesh attributes go on classes only, so no ref struct gets here).
        return new AccessorModel(
            ns,
            containers.ToEquatableArray(),
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            NeedsOwnProperty: type.IsStatic);
    }

    private static readonly SymbolDisplayFormat EscapedNames = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    /// <summary>A name as C# source must spell it: <c>@class</c> for a type named like a keyword.</summary>
    private static string Identifier(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>A graph file's source, named by the graph's source and the file, apart from the buckets' names.</summary>
    private static string HintName(string sourceType, string file) => sourceType + "." + file + ".g.cs";

    /// <summary>A bucket's source: <c>MeshDsl.Manifests.07.g.cs</c>.</summary>
    private static string BucketHintName(string what, int index) => "MeshDsl." + what + "." + index.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
}
