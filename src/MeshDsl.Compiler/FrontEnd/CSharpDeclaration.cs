using System.Collections.Generic;
using System.Linq;
using MeshDsl.Canary;
using MeshDsl.Helpers;
using MeshDsl.Model;
using MeshDsl.Rules;

namespace MeshDsl.FrontEnd;

/// <summary>
/// What one C# declaration class reads as: a service (<see cref="Service"/>, with the objects written for it) or objects of
/// their own (<see cref="Own"/>), and what the front end could not understand. It is the C# front end's unit, which the
/// generator emits one source for and the analyzers report on one type for; the model and the rules know services and
/// objects, not classes. Every origin it holds names a C# type in <see cref="SourceRef.Document"/> (the generated files
/// say which one they come from).
/// </summary>
internal sealed record CSharpDeclaration(string TypeName, SourceRef Origin, EquatableArray<Resource> Own, EquatableArray<Finding> Findings, ServiceInfo? Service = null)
{
    /// <summary>Every object the class declares: its service's, or its own.</summary>
    public EquatableArray<Resource> Resources => Service is { } service ? service.Resources : Own;

    /// <summary>What the class shows on its own: what the front end could not read, then the rules' findings.</summary>
    public IEnumerable<Finding> Evaluate()
    {
        foreach (var finding in Findings) yield return PolicyRules.Placed(finding, Origin);
        if (Service is { } service)
        {
            foreach (var finding in PolicyRules.Evaluate(service)) yield return finding;
        }

        foreach (var resource in Own)
        {
            foreach (var finding in PolicyRules.Evaluate(resource)) yield return finding;
        }
    }

    /// <summary>The declaration with MeshDslNamespace given to the objects that name no namespace.</summary>
    public CSharpDeclaration InNamespace(string? defaultNamespace) => this with
    {
        Own = Own.InNamespace(defaultNamespace),
        Service = Service is { } service ? service with { Resources = service.Resources.InNamespace(defaultNamespace) } : null,
    };

    /// <summary>The declaration with the build's canary engine (MeshDslCanaryEngine): one it does not know is a finding.</summary>
    public CSharpDeclaration WithCanaryEngine(string? engine)
    {
        if (Service is not { } service) return this;
        if (CanaryBackEnd.UnknownEngine(service, engine) is { } unknown) return this with { Findings = Findings.Append(unknown).ToEquatableArray() };
        var configured = service.WithCanaryEngine(engine);
        return ReferenceEquals(configured, service) ? this : this with { Service = configured };
    }

    /// <summary>The mesh the declarations make, in the order given (with the workloads and hosts read beside them).</summary>
    public static Mesh MeshOf(IReadOnlyList<CSharpDeclaration> declarations, IReadOnlyList<Workload> workloads, string? defaultNamespace = null,
        IReadOnlyList<HostDefinition>? hosts = null, IReadOnlyList<K8sNamespace>? namespaces = null) =>
        new(declarations.Select(d => d.Service).OfType<ServiceInfo>().ToList(), declarations.SelectMany(d => d.Own).ToList(),
            workloads, defaultNamespace ?? "default", hosts, namespaces);

    /// <summary>The declaration with its service's canary turned into what the engine runs.</summary>
    public CSharpDeclaration WithCanary() => Service is { } service ? this with { Service = CanaryBackEnd.Apply(service) } : this;
}
