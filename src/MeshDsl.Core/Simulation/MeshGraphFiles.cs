using System.Collections.Generic;
using System.Linq;
using MeshDsl.Helpers;
using MeshDsl.Model;

namespace MeshDsl.Simulation;

/// <summary>The files of the opt-in graph output (MeshDslGraph): the whole mesh in Mermaid and in DOT, below the output folder.</summary>
internal static class MeshGraphFiles
{
    /// <summary>The pseudo source type the graph files are embedded under (no C# type has this name: it has a space).</summary>
    public const string Source = "MeshDsl Graph";

    public const string Mermaid = "graph/mesh.mmd";

    public const string Dot = "graph/mesh.dot";

    /// <summary>The graph files of a mesh: the graph sorts what it draws, so the files do not depend on the order the mesh was read in.</summary>
    public static EquatableArray<(string File, string Text)> Of(Mesh mesh) =>
        new[] { (Mermaid, MeshGraph.Mermaid(mesh)), (Dot, MeshGraph.Dot(mesh)) }.ToEquatableArray();
}
