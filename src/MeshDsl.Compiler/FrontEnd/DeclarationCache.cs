using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshDsl.FrontEnd;

/// <summary>
/// The declarations of a compilation, parsed once and reused by the next compilation of the same project for every
/// declaration an edit cannot have changed. Roslyn's own pipeline entry (<c>ForAttributeWithMetadataName</c>) re-binds every
/// declaration on every edit, because another file may change what an attribute means; this cache decides that per
/// declaration instead, from what the parse read:
/// <list type="bullet">
/// <item>an edit that changes what a name means anywhere (a type, member or using added, removed or renamed; a base list,
/// modifier or constraint changed; a reference or compilation option changed) re-parses everything;</item>
/// <item>otherwise only the declarations that read an attribute of a type the edited files declare, or that use a
/// constant the edited files declare (directly or through other constants), are parsed again.</item>
/// </list>
/// Found by syntax trees (unchanged files keep their tree between compilations), so one cache serves every project and
/// every version of it. A compilation whose every file was parsed again (the compiler server's next build of the same
/// project) can take over that project's last snapshot (<see cref="LastBuilds"/>), file by file, where the text is unchanged
/// (<see cref="ReparsedFiles"/>); any other compilation it has not seen is parsed whole.
/// </summary>
internal sealed partial class DeclarationCache<T>
    where T : class
{
    private readonly Func<INamedTypeSymbol, CancellationToken, T?> _parse;
    private readonly ConditionalWeakTable<SyntaxTree, Holder> _latest = new();
    private readonly LastBuilds? _lastBuilds;
    private int _parses;

    /// <param name="parse">Reads one declaration; what it returns must hold nothing of the compilation (no symbol, node or location).</param>
    /// <param name="lastBuilds">
    /// Where each project's last snapshot is kept, for a compilation of freshly parsed files to take over its declarations
    /// where the files' text is unchanged; null when no compilation may. Whatever is computed from a payload and tied to
    /// the former compilation's trees (a diagnostic's location) must then be checked against the new trees.
    /// </param>
    public DeclarationCache(Func<INamedTypeSymbol, CancellationToken, T?> parse, LastBuilds? lastBuilds = null)
    {
        _parse = parse;
        _lastBuilds = lastBuilds;
    }

    /// <summary>How many declarations this cache has parsed so far (what the caching tests count).</summary>
    public int Parses => Volatile.Read(ref _parses);

    /// <summary>
    /// The parsed declarations of <paramref name="compilation"/>, ordered by the declaring type's name: the same instance as
    /// for the previous compilation when the edit changed none of them, so what is computed from them can be kept too.
    /// </summary>
    /// <param name="acrossBuilds">Whether this compilation may take over, and leaves for the next, a snapshot in the <see cref="LastBuilds"/> given.</param>
    public DeclarationSet<T> Parse(Compilation compilation, CancellationToken cancellationToken, bool acrossBuilds = true)
    {
        var lastBuilds = acrossBuilds ? _lastBuilds : null;
        var project = lastBuilds is null ? null : LastBuilds.ProjectOf(compilation);
        var previous = Find(compilation);
        if (previous is null && project is not null && lastBuilds!.Find(project) is Snapshot last) previous = ReparsedFiles.Adopt(last, compilation, cancellationToken);
        var snapshot = (previous is null ? null : Update(previous, compilation, cancellationToken)) ?? Full(compilation, cancellationToken);
        foreach (var tree in compilation.SyntaxTrees) _latest.GetValue(tree, static _ => new Holder()).Snapshot = snapshot;
        if (project is not null) lastBuilds!.Keep(project, snapshot);
        return snapshot.Set;
    }

    private Snapshot? Find(Compilation compilation)
    {
        foreach (var tree in compilation.SyntaxTrees)
        {
            if (_latest.TryGetValue(tree, out var holder) && holder.Snapshot is { } snapshot) return snapshot;
        }

        return null;
    }

    private Snapshot Full(Compilation compilation, CancellationToken cancellationToken)
    {
        var globalAliases = compilation.SyntaxTrees.Any(t => TreeSummary.Of(t, cancellationToken) is { HasGlobalAliases: true });
        var context = new RunContext(compilation, globalAliases, cancellationToken);
        var entries = new List<Entry>();
        foreach (var tree in compilation.SyntaxTrees) Discover(tree, context, entries);
        return new Snapshot(compilation, TreesOf(compilation), Order(entries), context.GlobalAliases, null);
    }

    /// <summary>The next snapshot from <paramref name="previous"/>, or null when the edit could change any declaration.</summary>
    private Snapshot? Update(Snapshot previous, Compilation compilation, CancellationToken cancellationToken)
    {
        if (!previous.SameInputs(compilation)) return null;
        var trees = TreesOf(compilation);
        if (trees == previous.TreeList) return previous.With(compilation);

        // Each edited file against its former version: same shape, or start over.
        var edits = Edits.Between(previous, trees);
        if (edits is null) return null;
        var dirtyTypes = new HashSet<string>(StringComparer.Ordinal);
        var dirtyConstants = new HashSet<string>(StringComparer.Ordinal);
        var replaced = new HashSet<SyntaxTree>();
        foreach (var (old, tree) in edits.Replaced)
        {
            var summary = TreeSummary.Of(tree, cancellationToken);
            if (TreeSummary.Of(old, cancellationToken).Shape != summary.Shape) return null;
            replaced.Add(old);
            dirtyTypes.UnionWith(summary.Types);
            dirtyConstants.UnionWith(summary.Constants.Keys);
        }

        foreach (var tree in edits.Added)
        {
            if (TreeSummary.Of(tree, cancellationToken).Shape.Length > 0) return null;
        }

        foreach (var old in edits.Removed)
        {
            if (TreeSummary.Of(old, cancellationToken).Shape.Length > 0) return null;
        }

        // The entries list is copied only once an entry changes: an edit that touches no declaration allocates nothing
        // in proportion to the compilation (issue 15's unrelated edit).
        var context = new RunContext(compilation, previous.GlobalAliases, cancellationToken);
        List<Entry>? entries = null;
        for (var i = 0; i < previous.Entries.Length; i++)
        {
            var entry = previous.Entries[i];
            var rediscovered = replaced.Contains(entry.PrimaryTree);
            if (!rediscovered && !entry.IsAffected(replaced, dirtyTypes, dirtyConstants))
            {
                entries?.Add(entry);
                continue;
            }

            entries ??= new List<Entry>(previous.Entries.Take(i));
            if (rediscovered) continue; // found again in its new tree below
            var model = compilation.GetSemanticModel(entry.PrimaryTree);
            if (model.GetDeclaredSymbol(entry.Node, cancellationToken) is INamedTypeSymbol symbol && Parse(symbol, entry.Node, context) is { } again)
            {
                entries.Add(again);
            }
        }

        foreach (var (_, tree) in edits.Replaced)
        {
            var summary = TreeSummary.Of(tree, cancellationToken);
            if (summary.Candidates.IsEmpty && !summary.HasAliases && !context.GlobalAliases) continue; // nothing to discover
            entries ??= new List<Entry>(previous.Entries);
            Discover(tree, context, entries);
        }

        if (entries is null) return new Snapshot(compilation, trees, previous.Entries, previous.GlobalAliases, previous.Set);
        var ordered = Order(entries);
        var same = ordered.Length == previous.Entries.Length && ordered.Zip(previous.Entries, (a, b) => ReferenceEquals(a.Payload, b.Payload)).All(x => x);
        return new Snapshot(compilation, trees, ordered, previous.GlobalAliases, same ? previous.Set : null);
    }

    private static ImmutableArray<SyntaxTree> TreesOf(Compilation compilation) =>
        compilation is Microsoft.CodeAnalysis.CSharp.CSharpCompilation csharp ? csharp.SyntaxTrees : compilation.SyntaxTrees.ToImmutableArray();

    /// <summary>Which trees an edit replaced (paired with their former version by path), added and removed.</summary>
    private sealed class Edits
    {
        private static readonly SyntaxTree[] None = Array.Empty<SyntaxTree>();

        private Edits(IReadOnlyList<(SyntaxTree Old, SyntaxTree New)> replaced, IReadOnlyList<SyntaxTree> added, IReadOnlyList<SyntaxTree> removed)
        {
            Replaced = replaced;
            Added = added;
            Removed = removed;
        }

        public IReadOnlyList<(SyntaxTree Old, SyntaxTree New)> Replaced { get; }

        public IReadOnlyList<SyntaxTree> Added { get; }

        public IReadOnlyList<SyntaxTree> Removed { get; }

        /// <summary>The edits from <paramref name="previous"/>'s trees to <paramref name="trees"/>; null when they cannot be paired.</summary>
        public static Edits? Between(Snapshot previous, ImmutableArray<SyntaxTree> trees) => InPlace(previous.TreeList, trees) ?? ByPath(previous, trees);

        /// <summary>
        /// The common case, an editor's: the same files in the same order, a few of them replaced by a new version of the
        /// same path. Found by position without a set of the compilation's trees.
        /// </summary>
        private static Edits? InPlace(ImmutableArray<SyntaxTree> before, ImmutableArray<SyntaxTree> after)
        {
            if (before.Length != after.Length) return null;
            List<(SyntaxTree, SyntaxTree)>? replaced = null;
            for (var i = 0; i < after.Length; i++)
            {
                if (before[i] == after[i]) continue;
                if (before[i].FilePath != after[i].FilePath || (replaced ??= new()).Count == 8) return null;
                replaced.Add((before[i], after[i]));
            }

            if (replaced is null) return new Edits(Array.Empty<(SyntaxTree, SyntaxTree)>(), None, None);
            foreach (var (old, tree) in replaced)
            {
                // A former tree still in the compilation, or a path now held twice, is no edit in place.
                if (after.Contains(old)) return null;
                var holders = 0;
                foreach (var t in after)
                {
                    if (t.FilePath == tree.FilePath) holders++;
                }

                if (holders > 1) return null;
            }

            return new Edits(replaced, None, None);
        }

        private static Edits? ByPath(Snapshot previous, ImmutableArray<SyntaxTree> trees)
        {
            if (previous.ByPath is null) return null;
            var current = new HashSet<SyntaxTree>(trees);
            var replaced = new List<(SyntaxTree, SyntaxTree)>();
            var added = new List<SyntaxTree>();
            var paired = new HashSet<SyntaxTree>();
            foreach (var tree in trees)
            {
                if (previous.Trees.Contains(tree)) continue;
                if (previous.ByPath.TryGetValue(tree.FilePath, out var old) && !current.Contains(old) && paired.Add(old))
                {
                    replaced.Add((old, tree));
                }
                else
                {
                    added.Add(tree);
                }
            }

            var removed = previous.Trees.Where(t => !current.Contains(t) && !paired.Contains(t)).ToList();
            return new Edits(replaced, added, removed);
        }
    }

    private void Discover(SyntaxTree tree, RunContext context, List<Entry> entries)
    {
        var summary = TreeSummary.Of(tree, context.CancellationToken);
        var candidates = summary.HasAliases || context.GlobalAliases ? TreeSummary.AttributedClasses(tree, context.CancellationToken) : summary.Candidates;
        SemanticModel? model = null;
        foreach (var node in candidates)
        {
            model ??= context.Compilation.GetSemanticModel(tree);
            if (model.GetDeclaredSymbol(node, context.CancellationToken) is not INamedTypeSymbol symbol || !IsPrimary(symbol, node)) continue;
            if (Parse(symbol, node, context) is { } entry) entries.Add(entry);
        }
    }

    /// <summary>
    /// A class with several partial parts is found once per part; only the part that holds its first declaration attribute
    /// parses it, so each declaration is parsed once.
    /// </summary>
    private static bool IsPrimary(INamedTypeSymbol symbol, TypeDeclarationSyntax node)
    {
        var primary = DeclarationParser.PrimaryAttribute(symbol);
        if (primary.MetadataName.Length == 0) return false;
        var syntax = primary.Syntax;
        return syntax is not null && syntax.SyntaxTree == node.SyntaxTree && node.Span.Contains(syntax.Span);
    }

    private Entry? Parse(INamedTypeSymbol symbol, TypeDeclarationSyntax node, RunContext context)
    {
        Interlocked.Increment(ref _parses);
        var recorder = new ReadRecorder();
        var payload = recorder.Record(() => _parse(symbol, context.CancellationToken));
        if (payload is null) return null;

        // What the model depends on is worked out when an edit first asks (a command-line build never does), in this
        // compilation, where the model was read. Not under this run's cancellation token: a later run may ask, after this
        // one is cancelled, and a failure is not kept (PublicationOnly).
        var dependencies = new Lazy<Dependencies>(() => Dependencies.Of(symbol, node, recorder.Types, context), LazyThreadSafetyMode.PublicationOnly);
        return new Entry(ParseContext.TypeName(symbol), node, payload, dependencies);
    }

    private static Entry[] Order(List<Entry> entries) => entries
        .OrderBy(e => e.TypeName, StringComparer.Ordinal)
        .ThenBy(e => e.PrimaryTree.FilePath, StringComparer.Ordinal)
        .ThenBy(e => e.Node.SpanStart)
        .ToArray();

    /// <summary>One run's view of the compilation: its constants by name, gathered only if a parse needs them.</summary>
    private sealed class RunContext
    {
        private Dictionary<string, HashSet<string>>? _constants;

        public RunContext(Compilation compilation, bool globalAliases, CancellationToken cancellationToken)
        {
            Compilation = compilation;
            GlobalAliases = globalAliases;
            CancellationToken = cancellationToken;
        }

        public Compilation Compilation { get; }

        public CancellationToken CancellationToken { get; }

        /// <summary>Whether a global using alias may rename a declaration attribute in any file.</summary>
        public bool GlobalAliases { get; }

        /// <summary>The constants (by simple name) that <paramref name="identifiers"/> may name, and those their values name.</summary>
        public string[] ConstantsNamedBy(HashSet<string> identifiers)
        {
            var constants = Constants();
            var result = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<string>(identifiers);
            while (pending.Count > 0)
            {
                var name = pending.Pop();
                if (!constants.TryGetValue(name, out var uses) || !result.Add(name)) continue;
                foreach (var use in uses) pending.Push(use);
            }

            return result.ToArray();
        }

        private Dictionary<string, HashSet<string>> Constants()
        {
            if (_constants is not null) return _constants;
            var all = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var tree in Compilation.SyntaxTrees)
            {
                foreach (var constant in TreeSummary.Of(tree, default).Constants)
                {
                    if (!all.TryGetValue(constant.Key, out var uses)) all[constant.Key] = uses = new HashSet<string>(StringComparer.Ordinal);
                    uses.UnionWith(constant.Value);
                }
            }

            return _constants = all;
        }
    }

    private sealed class Holder
    {
        private volatile Snapshot? _snapshot;

        public Snapshot? Snapshot
        {
            get => _snapshot;
            set => _snapshot = value;
        }
    }

    private sealed class Entry
    {
        private readonly Lazy<Dependencies> _dependencies;

        public Entry(string typeName, TypeDeclarationSyntax node, T payload, Lazy<Dependencies> dependencies)
        {
            TypeName = typeName;
            Node = node;
            Payload = payload;
            _dependencies = dependencies;
        }

        public string TypeName { get; }

        public TypeDeclarationSyntax Node { get; }

        public SyntaxTree PrimaryTree => Node.SyntaxTree;

        public T Payload { get; }

        /// <summary>
        /// This entry in a compilation where its file was parsed again with the same text: the same model, its node in the
        /// new tree, and what it depends on worked out now (in the former compilation, which is then no longer held).
        /// </summary>
        public Entry? MovedTo(SyntaxTree tree, IReadOnlyDictionary<SyntaxTree, SyntaxTree> moved, CancellationToken cancellationToken)
        {
            if (ReparsedFiles.SameNode(tree, Node, cancellationToken) is not { } node) return null;
            var dependencies = _dependencies.Value.MovedTo(moved);
            return new Entry(TypeName, node, Payload, new Lazy<Dependencies>(() => dependencies));
        }

        public bool IsAffected(HashSet<SyntaxTree> replaced, HashSet<string> dirtyTypes, HashSet<string> dirtyConstants)
        {
            var dependencies = _dependencies.Value;
            foreach (var tree in dependencies.Trees)
            {
                if (replaced.Contains(tree)) return true;
            }

            foreach (var type in dependencies.Types)
            {
                if (dirtyTypes.Contains(type)) return true;
            }

            foreach (var constant in dependencies.Constants)
            {
                if (dirtyConstants.Contains(constant)) return true;
            }

            return false;
        }
    }

    /// <summary>
    /// What one declaration's model was read from: the types whose attributes the parse read, the files they are declared
    /// in, and the constants their attribute arguments may name, followed through the constants' own values.
    /// </summary>
    private sealed class Dependencies
    {
        private Dependencies(SyntaxTree[] trees, string[] types, string[] constants)
        {
            Trees = trees;
            Types = types;
            Constants = constants;
        }

        public SyntaxTree[] Trees { get; }

        public string[] Types { get; }

        public string[] Constants { get; }

        /// <summary>The same dependencies, with each file parsed again under the same text replaced by its new tree.</summary>
        public Dependencies MovedTo(IReadOnlyDictionary<SyntaxTree, SyntaxTree> moved) =>
            new(Trees.Select(t => moved.TryGetValue(t, out var tree) ? tree : t).ToArray(), Types, Constants);

        public static Dependencies Of(INamedTypeSymbol symbol, TypeDeclarationSyntax node, IEnumerable<ITypeSymbol> read, RunContext context)
        {
            var types = new HashSet<string>(StringComparer.Ordinal) { ParseContext.TypeName(symbol) };
            var trees = new HashSet<SyntaxTree> { node.SyntaxTree };
            var identifiers = new HashSet<string>(StringComparer.Ordinal);
            foreach (var type in read.Append(symbol))
            {
                foreach (var reference in type.DeclaringSyntaxReferences)
                {
                    types.Add(ParseContext.TypeName(type));
                    trees.Add(reference.SyntaxTree);
                    if (reference.GetSyntax() is not TypeDeclarationSyntax declaration) continue;
                    foreach (var list in declaration.AttributeLists) TreeSummary.AddIdentifiers(list, identifiers);
                }
            }

            return new Dependencies(trees.ToArray(), types.ToArray(), context.ConstantsNamedBy(identifiers));
        }
    }

    private sealed class Snapshot
    {
        private readonly ImmutableArray<MetadataReference> _references;
        private readonly CompilationOptions _options;
        private readonly string? _assemblyName;
        private readonly Lazy<(HashSet<SyntaxTree> Trees, Dictionary<string, SyntaxTree>? ByPath)> _sets;

        public Snapshot(Compilation compilation, ImmutableArray<SyntaxTree> trees, Entry[] entries, bool globalAliases, DeclarationSet<T>? set)
        {
            _references = compilation.References.ToImmutableArray();
            _options = compilation.Options;
            _assemblyName = compilation.AssemblyName;
            TreeList = trees;
            _sets = new Lazy<(HashSet<SyntaxTree>, Dictionary<string, SyntaxTree>?)>(() => SetsOf(trees), LazyThreadSafetyMode.PublicationOnly);
            Entries = entries;
            GlobalAliases = globalAliases;
            Set = set ?? new DeclarationSet<T>(entries.Select(e => e.Payload).ToImmutableArray());
        }

        private Snapshot(Snapshot other, Compilation compilation)
        {
            _references = compilation.References.ToImmutableArray();
            _options = compilation.Options;
            _assemblyName = compilation.AssemblyName;
            TreeList = other.TreeList;
            _sets = other._sets;
            Entries = other.Entries;
            GlobalAliases = other.GlobalAliases;
            Set = other.Set;
        }

        /// <summary>The compilation's trees, in its order.</summary>
        public ImmutableArray<SyntaxTree> TreeList { get; }

        /// <summary>The same trees as a set; built only when an edit is not one in place (<see cref="Edits"/>).</summary>
        public HashSet<SyntaxTree> Trees => _sets.Value.Trees;

        /// <summary>The trees by file path, to pair an edited file with its former version; null when two share a path.</summary>
        public Dictionary<string, SyntaxTree>? ByPath => _sets.Value.ByPath;

        public Entry[] Entries { get; }

        public bool GlobalAliases { get; }

        public DeclarationSet<T> Set { get; }

        private static (HashSet<SyntaxTree>, Dictionary<string, SyntaxTree>?) SetsOf(ImmutableArray<SyntaxTree> trees)
        {
            var set = new HashSet<SyntaxTree>(trees);
            Dictionary<string, SyntaxTree>? byPath = new(StringComparer.Ordinal);
            foreach (var tree in trees)
            {
                if (byPath.ContainsKey(tree.FilePath))
                {
                    byPath = null;
                    break;
                }

                byPath[tree.FilePath] = tree;
            }

            return (set, byPath);
        }

        /// <summary>The same trees in a compilation with the same references and options (a clone, or another run).</summary>
        public Snapshot With(Compilation compilation) => new(this, compilation);

        /// <summary>
        /// Whether everything but the syntax trees is what this snapshot was parsed with: the same reference objects, or
        /// with <paramref name="sameMetadata"/>, references loaded again from the same metadata (another build's).
        /// </summary>
        public bool SameInputs(Compilation compilation, bool sameMetadata = false)
        {
            if (compilation.AssemblyName != _assemblyName) return false;
            if (!ReferenceEquals(compilation.Options, _options) && !ReparsedFiles.SameOptions(compilation.Options, _options)) return false;
            var i = 0;
            foreach (var reference in compilation.References)
            {
                if (i >= _references.Length) return false;
                if (!ReferenceEquals(reference, _references[i]) && !(sameMetadata && ReparsedFiles.SameMetadata(reference, _references[i]))) return false;
                i++;
            }

            return i == _references.Length;
        }
    }
}

/// <summary>One compilation's parsed declarations (see <see cref="DeclarationCache{T}.Parse"/>).</summary>
internal sealed class DeclarationSet<T>
{
    public DeclarationSet(ImmutableArray<T> items) => Items = items;

    public ImmutableArray<T> Items { get; }
}
