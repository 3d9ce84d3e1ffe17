using System;
using System.Collections.Generic;
using YamlDotNet.Core;

namespace MeshDsl.YamlFrontEnd;

/// <summary>
/// One file's documents, parsed once for every reader of the file (Istio's resources, workloads, hosts), or why it could not be
/// read and where (1-based). Never throws on its input.
/// </summary>
internal sealed class SourceFile
{
    private SourceFile(IReadOnlyList<SourceNode> documents, string? error, int errorLine, int errorColumn)
    {
        Documents = documents;
        Error = error;
        ErrorLine = errorLine;
        ErrorColumn = errorColumn;
    }

    public IReadOnlyList<SourceNode> Documents { get; }

    public string? Error { get; }

    public int ErrorLine { get; }

    public int ErrorColumn { get; }

    /// <summary>The Kubernetes objects the file holds: each document, or the items of a <c>kind: List</c> (as <c>kubectl get -o yaml</c> prints).</summary>
    public IEnumerable<SourceNode> Objects()
    {
        foreach (var document in Documents)
        {
            if (document is SourceMap map && map.Get("kind") is SourceScalar { Value: "List" } && map.Get("items") is SourceList list)
            {
                foreach (var item in list.Items) yield return item;
            }
            else
            {
                yield return document;
            }
        }
    }

    public static SourceFile Load(string text, int maxDepth = SourceTree.MaxDepth)
    {
        try
        {
            return new SourceFile(SourceTree.Load(text, maxDepth), null, 0, 0);
        }
        catch (SourceTreeException refused)
        {
            return Failed(refused.Message, refused.Start);
        }
        catch (YamlException ex)
        {
            return Failed(ex.Message, ex.Start);
        }
#pragma warning disable CA1031 // YamlDotNet throws more than YamlException on broken input; a file that cannot be read is a problem, never a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new SourceFile(Array.Empty<SourceNode>(), "the YAML cannot be read: " + ex.GetType().Name + ": " + ex.Message, 1, 1);
        }
    }

    private static SourceFile Failed(string message, Mark at) => new(Array.Empty<SourceNode>(), message, (int)at.Line, (int)at.Column);
}
