using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace MeshDsl.FrontEnd;

/// <summary>
/// The last declarations read for each of the few projects built most recently, for the next build of the same project
/// to take over where its files are unchanged (<see cref="DeclarationCache{T}"/>). The compiler server parses every file
/// again in each build, so nothing else ties one build to the next. Bounded: each snapshot keeps its build's syntax
/// trees, and until it is taken over, the compilation it was read in.
/// </summary>
internal sealed class LastBuilds
{
    private readonly int _capacity;
    private readonly LinkedList<KeyValuePair<string, object>> _recent = new(); // most recent first
    private readonly object _gate = new();

    public LastBuilds(int capacity)
    {
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity));
        _capacity = capacity;
    }

    /// <summary>How many projects are held (what the tests check the bound with).</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _recent.Count;
        }
    }

    /// <summary>The project's last snapshot, or null.</summary>
    public object? Find(string project)
    {
        lock (_gate) return NodeOf(project)?.Value.Value;
    }

    /// <summary>Keeps <paramref name="snapshot"/> as the project's last, dropping the project built longest ago beyond the bound.</summary>
    public void Keep(string project, object snapshot)
    {
        lock (_gate)
        {
            if (NodeOf(project) is { } former) _recent.Remove(former);
            _recent.AddFirst(new KeyValuePair<string, object>(project, snapshot));
            while (_recent.Count > _capacity) _recent.RemoveLast();
        }
    }

    private LinkedListNode<KeyValuePair<string, object>>? NodeOf(string project)
    {
        for (var node = _recent.First; node is not null; node = node.Next)
        {
            if (node.Value.Key == project) return node;
        }

        return null;
    }

    /// <summary>
    /// What tells one project's builds from another's: its assembly name, the files it references, the symbols it is parsed
    /// with and where its first file is, so the target frameworks and configurations of one project file are kept apart,
    /// and so are two clones of one repository. Whether a snapshot can be taken over is still decided in full when it is
    /// (the same options, and the references' same metadata).
    /// </summary>
    public static string ProjectOf(Compilation compilation)
    {
        // A hash, not the paths themselves: computed on each run, and a collision costs only a snapshot not taken over.
        var references = 0;
        var hash = 17;
        foreach (var reference in compilation.References)
        {
            references++;
            hash = unchecked((hash * 31) + StringComparer.Ordinal.GetHashCode(reference is PortableExecutableReference { FilePath: { } path } ? path : reference.Display ?? string.Empty));
        }

        var key = new StringBuilder(compilation.AssemblyName).Append('|').Append(references).Append('|').Append(hash);
        if (compilation.SyntaxTrees.FirstOrDefault() is { } first)
        {
            key.Append('|').Append(first.FilePath);
            foreach (var symbol in first.Options.PreprocessorSymbolNames) key.Append('|').Append(symbol);
        }

        return key.ToString();
    }
}
