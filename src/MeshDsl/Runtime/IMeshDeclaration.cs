namespace MeshDsl;

/// <summary>
/// A class MeshDsl generated manifests from. The generator adds it to each declaration when the project's C# is 14 or
/// later, so that <c>T.Manifests</c> is one extension property (<see cref="MeshDslManifests"/>) instead of a property
/// compiled into every declaration. Nothing needs to implement it by hand.
/// </summary>
public interface IMeshDeclaration
{
}
