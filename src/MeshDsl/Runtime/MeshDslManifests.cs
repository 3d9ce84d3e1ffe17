using System.Collections.Generic;
using MeshDsl;

/// <summary>
/// <c>T.Manifests</c> for every mesh declaration, in C# 14 and later. In the global namespace so that it needs no
/// <c>using</c>, as the property the generator writes into each declaration for older C# needs none.
/// </summary>
/// <remarks>
/// One property here, instead of one in each of a mesh's declarations: at 1,000 services, those 1,000 property bodies
/// were most of what compiling the generated code cost (docs/performance.md).
/// </remarks>
public static class MeshDslManifests
{
    extension<T>(T) where T : IMeshDeclaration
    {
        /// <summary>The manifests MeshDsl generated from this declaration, as the build writes them.</summary>
        public static IReadOnlyList<Manifest> Manifests => Manifest.Of(typeof(T));
    }
}
