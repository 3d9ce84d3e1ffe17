using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MeshDsl.FrontEnd;

internal sealed partial class DeclarationCache<T>
{
    /// <summary>
    /// A compilation whose files were all parsed again, from the same paths: what the compiler server's next build of a
    /// project looks like once it keeps the generator between builds (Roslyn's <c>enable-generator-cache</c> feature). No
    /// tree is shared with the last snapshot, so it is paired with it file by file: a file whose text and parse options
    /// are unchanged keeps its declarations, moved onto its new tree, and the others count as edited in place, which
    /// <see cref="Update"/> then decides as it decides an editor's edit. With the same references and options and the same
    /// text, Roslyn binds every unchanged file as before, so nothing a parse read can differ.
    /// </summary>
    private static class ReparsedFiles
    {
        /// <summary>
        /// The last snapshot moved onto <paramref name="compilation"/>'s unchanged files, paired by path (edited and removed
        /// files keep their former tree, for <see cref="Update"/> to pair); null when no file is unchanged or paths repeat.
        /// </summary>
        public static Snapshot? Adopt(Snapshot last, Compilation compilation, CancellationToken cancellationToken)
        {
            // A shortcut must never cost a build its manifests: whatever goes wrong here, the compilation is parsed whole.
            try
            {
                return TryAdopt(last, compilation, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return null;
            }
        }

        private static Snapshot? TryAdopt(Snapshot last, Compilation compilation, CancellationToken cancellationToken)
        {
            if (!last.SameInputs(compilation, sameMetadata: true)) return null;
            var byPath = new Dictionary<string, SyntaxTree>(StringComparer.Ordinal);
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (byPath.ContainsKey(tree.FilePath)) return null; // two files at one path cannot be paired
                byPath[tree.FilePath] = tree;
            }

            // The last snapshot's files, each unchanged one replaced by its new tree: what Update then pairs with the
            // compilation's files as it pairs an edit (edited in place, moved, added or removed).
            var moved = new Dictionary<SyntaxTree, SyntaxTree>();
            var taken = new HashSet<SyntaxTree>();
            var paired = ImmutableArray.CreateBuilder<SyntaxTree>(last.TreeList.Length);
            foreach (var old in last.TreeList)
            {
                if (byPath.TryGetValue(old.FilePath, out var tree) && SameText(old, tree, cancellationToken) && taken.Add(tree))
                {
                    moved[old] = tree;
                    paired.Add(tree);
                }
                else
                {
                    paired.Add(old);
                }
            }

            if (moved.Count == 0) return null;
            var entries = new Entry[last.Entries.Length];
            for (var i = 0; i < entries.Length; i++)
            {
                var entry = last.Entries[i];
                if (!moved.TryGetValue(entry.PrimaryTree, out var tree))
                {
                    entries[i] = entry; // in an edited file: Update finds it again there
                    continue;
                }

                if (entry.MovedTo(tree, moved, cancellationToken) is not { } movedEntry) return null;
                entries[i] = movedEntry;
            }

            return new Snapshot(compilation, paired.MoveToImmutable(), entries, last.GlobalAliases, last.Set);
        }

        /// <summary>The declaration in <paramref name="tree"/> at the place <paramref name="node"/> held in a tree of the same text.</summary>
        public static TypeDeclarationSyntax? SameNode(SyntaxTree tree, TypeDeclarationSyntax node, CancellationToken cancellationToken)
        {
            var token = tree.GetRoot(cancellationToken).FindToken(node.SpanStart);
            for (var current = token.Parent; current is not null; current = current.Parent)
            {
                if (current is TypeDeclarationSyntax declaration && declaration.Span == node.Span && declaration.RawKind == node.RawKind) return declaration;
            }

            return null;
        }

        /// <summary>A reference loaded again from the same file and the same metadata (the compiler server shares metadata between builds).</summary>
        public static bool SameMetadata(MetadataReference reference, MetadataReference former)
        {
            if (reference is not PortableExecutableReference current || former is not PortableExecutableReference before) return false;
            if (current.FilePath is null || current.FilePath != before.FilePath || !current.Properties.Equals(before.Properties)) return false;
            try
            {
                return current.GetMetadataId() == before.GetMetadataId();
            }
            catch (Exception e) when (e is BadImageFormatException or System.IO.IOException)
            {
                return false;
            }
        }

        /// <summary>
        /// The same options, resolvers and per-file diagnostic options aside. The command-line compiler's resolvers throw
        /// on Equals, and they resolve only what a script or a doc comment names (#r, #load, include); the per-file options
        /// (from .editorconfig, keyed by tree, so never equal between builds) set diagnostics' severity. A declaration's
        /// attributes read neither.
        /// </summary>
        public static bool SameOptions(CompilationOptions options, CompilationOptions former) =>
            WithoutResolvers(options).Equals(WithoutResolvers(former));

        private static CompilationOptions WithoutResolvers(CompilationOptions options) => options
            .WithMetadataReferenceResolver(null)
            .WithSourceReferenceResolver(null)
            .WithXmlReferenceResolver(null)
            .WithStrongNameProvider(null)
            .WithSyntaxTreeOptionsProvider(null);

        private static bool SameText(SyntaxTree old, SyntaxTree tree, CancellationToken cancellationToken) =>
            old == tree || (old.Options.Equals(tree.Options) && old.GetText(cancellationToken).ContentEquals(tree.GetText(cancellationToken)));
    }
}
