using MeshDsl.Emit;
using Microsoft.CodeAnalysis;

namespace MeshDsl.Benchmarks;

/// <summary>Writes the synthetic mesh's manifests, one file per resource, as `dotnet build` would.</summary>
public static class SyntheticYaml
{
    /// <param name="workloads">Also each service's Kubernetes Service and a Deployment per subset, its pods labelled as the subset selects.</param>
    public static void Write(int count, string directory, bool workloads = false)
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
                File.WriteAllText(Path.Combine(directory, ManifestFiles.FileName(resource)), ManifestEmitter.ToFileText(resource, resource.Origin.Document));
                written++;
            }

            if (workloads && declaration.Service is { } service)
            {
                File.WriteAllText(Path.Combine(directory, $"{service.Namespace ?? "default"}-workloads-{service.Name}.yaml"), Workloads(service, declaration));
                written++;
            }
        }

        Console.WriteLine($"{written} manifests in {directory}");
    }

    private static string Workloads(Model.ServiceInfo service, MeshDsl.FrontEnd.CSharpDeclaration declaration)
    {
        var ns = service.Namespace ?? "default";
        var text = new System.Text.StringBuilder()
            .Append("apiVersion: v1\nkind: Service\nmetadata:\n  name: ").Append(service.Name).Append("\n  namespace: ").Append(ns)
            .Append("\nspec:\n  selector:\n");
        foreach (var label in service.Selector) text.Append("    ").Append(label.Key).Append(": ").Append(label.Value).Append('\n');
        text.Append("  ports:\n");
        foreach (var port in service.Ports) text.Append("  - port: ").Append(port).Append("\n    targetPort: ").Append(port).Append('\n');
        foreach (var subset in declaration.Resources.OfType<Model.DestinationRule>().SelectMany(dr => dr.Spec.Subsets))
        {
            var labels = service.Selector.Concat(subset.Labels).ToArray();
            text.Append("---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ").Append(service.Name).Append('-').Append(subset.Name)
                .Append("\n  namespace: ").Append(ns).Append("\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n");
            foreach (var label in labels) text.Append("      ").Append(label.Key).Append(": ").Append(label.Value).Append('\n');
            text.Append("  template:\n    metadata:\n      labels:\n");
            foreach (var label in labels) text.Append("        ").Append(label.Key).Append(": ").Append(label.Value).Append('\n');
            text.Append("    spec:\n      containers:\n      - name: app\n        image: registry.example.com/").Append(service.Name).Append(':').Append(subset.Name)
                .Append("\n        ports:\n");
            foreach (var port in service.Ports) text.Append("        - containerPort: ").Append(port).Append('\n');
        }

        return text.ToString();
    }
}
