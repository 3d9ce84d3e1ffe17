using MeshDsl.FrontEnd;
using MeshDsl.Helpers;
using MeshDsl.Model;

namespace MeshDsl.Emit;

/// <summary>What the generator embeds for one declaration: its file stem, its service description, its resources.</summary>
internal sealed record DeclarationOutput(string Source, string FileStem, string? Service, EquatableArray<Resource> Resources)
{
    public static DeclarationOutput Of(CSharpDeclaration d) =>
        new(d.TypeName, ManifestFiles.Stem(d.Resources, d.TypeName), d.Service is { } service ? ServiceDescription.Write(service) : null, d.Resources);
}
