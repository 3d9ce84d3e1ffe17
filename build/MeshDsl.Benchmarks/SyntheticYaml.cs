using MeshDsl.Emit;
using Microsoft.CodeAnalysis;

namespace MeshDsl.Benchmarks;

/// <summary>Writes the synthetic mesh's manifests, one file per resource, as `dotnet build` would.</summary>
public static class SyntheticYaml
{
    public static void Write(int count, string directory)
    {
        var mesh = new MeshHarness(count);
        Directory.CreateDirectory(directory);
        var written = 0;
        foreach (var type in mesh.Compilation.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>()
                     .Where(c => c.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.BaseNamespaceDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.CompilationUnitSyntax)
                     .Select(c => mesh.Compilation.GetSemanticModel(t).GetDeclaredSymbol(c)).OfType<INamedTypeSymbol>()))
        {
            if (FrontEnd.DeclarationParser.Parse(type, default, attributeChecks: false) is not { } declaration) continue;
            foreach (var resource in declaration.Resources)
            {
                File.WriteAllText(Path.Combine(directory, ManifestFiles.FileName(resource)), ManifestEmitter.ToFileText(resource));
                written++;
            }
        }

        Console.WriteLine($"{written} manifests in {directory}");
    }
}
