using System.Collections.Generic;
using System.Linq;

namespace MeshDsl.Model;

/// <summary>
/// The whole mesh as the mesh-wide rules read it, whatever front end built it: every resource indexed by its Istio identity
/// (hosts as FQDNs resolved in the resource's own namespace, gateways as <c>namespace/name</c>), and the workloads.
/// </summary>
internal sealed class Mesh
{
    public Mesh(IReadOnlyList<MeshDeclaration> declarations, IReadOnlyList<Workload> workloads, string defaultNamespace, IReadOnlyList<HostDefinition>? hosts = null, IReadOnlyList<K8sNamespace>? namespaces = null)
    {
        var byName = new Dictionary<string, K8sNamespace>(System.StringComparer.Ordinal);
        foreach (var ns in namespaces ?? System.Array.Empty<K8sNamespace>())
        {
            // The API server keeps one object per name: the first read stands for it (files are read in a fixed order).
            if (!byName.ContainsKey(ns.Name)) byName[ns.Name] = ns;
        }

        Namespaces = byName;

        HostDefinitions = hosts ?? System.Array.Empty<HostDefinition>();
        DefinedHosts = new HashSet<string>(HostDefinitions.SelectMany(h => h.Hosts.Select(host => FqdnIn(host, h.Namespace, defaultNamespace))), System.StringComparer.OrdinalIgnoreCase);
        Declarations = declarations;
        DefaultNamespace = defaultNamespace;
        Services = declarations.Where(d => d.Service is not null).ToArray();
        ServicesByFqdn = Services.GroupBy(d => Fqdn(d.Service!.Host, d.Service.Namespace)).ToDictionary(g => g.Key, g => g.First());
        // Records, not tuples: a framework generic over a value type is compiled at run time even in a ReadyToRun build.
        VirtualServices = Declared<VirtualService, DeclaredVirtualService>(declarations, (d, vs) => new(d, vs));
        DestinationRulesByHost = declarations.SelectMany(d => d.Resources.OfType<DestinationRule>()).ToLookup(dr => Fqdn(dr.Spec.Host, dr.Metadata.Namespace));
        Gateways = Declared<Gateway, DeclaredGateway>(declarations, (d, gw) => new(d, gw));
        GatewaysByReference = Gateways.GroupBy(x => NamespaceOf(x.Gateway.Metadata.Namespace) + "/" + x.Gateway.Metadata.Name).ToDictionary(g => g.Key, g => g.First().Gateway);
        ServiceEntries = declarations.SelectMany(d => d.Resources.OfType<ServiceEntry>()).ToArray();
        EntryHosts = new HashSet<string>(ServiceEntries.SelectMany(se => se.Spec.Hosts.Select(host => FqdnIn(host, se.Metadata.Namespace, defaultNamespace))), System.StringComparer.OrdinalIgnoreCase);
        ReadWorkloads = workloads;
        Workloads = workloads
            .Concat(declarations.SelectMany(d => d.Resources.OfType<K8sDeployment>()).Select(d => new Workload("Deployment", d.Metadata.Name, d.Metadata.Namespace, d.Spec.PodLabels, d.Source) { Origin = d.Spec.Origin }))
            .ToArray();
    }

    public IReadOnlyList<MeshDeclaration> Declarations { get; }

    /// <summary>The namespace of resources that name none (MeshDslNamespace, else <c>default</c>).</summary>
    public string DefaultNamespace { get; }

    public IReadOnlyList<MeshDeclaration> Services { get; }

    /// <summary>Services (C# <c>[MeshService]</c>s) by the FQDN of their host.</summary>
    public IReadOnlyDictionary<string, MeshDeclaration> ServicesByFqdn { get; }

    public IReadOnlyList<DeclaredVirtualService> VirtualServices { get; }

    /// <summary>DestinationRules by the FQDN of their host.</summary>
    public ILookup<string, DestinationRule> DestinationRulesByHost { get; }

    public IReadOnlyList<DeclaredGateway> Gateways { get; }

    /// <summary>Gateways by <c>namespace/name</c>.</summary>
    public IReadOnlyDictionary<string, Gateway> GatewaysByReference { get; }

    /// <summary>The workloads read from YAML (the project's workload files, the files <c>meshdsl analyze</c> reads).</summary>
    public IReadOnlyList<Workload> ReadWorkloads { get; }

    /// <summary>Every workload: read from YAML, and the Deployments the declarations emit.</summary>
    public IReadOnlyList<Workload> Workloads { get; }

    /// <summary>The ServiceEntries the declarations hold (C# <c>[ServiceEntry]</c>s, ServiceEntry documents read as Istio YAML).</summary>
    public IReadOnlyList<ServiceEntry> ServiceEntries { get; }

    /// <summary>
    /// The FQDNs the <see cref="ServiceEntries"/> define. They are known hosts, but knowing them does not make the mesh know
    /// all its hosts: that takes its Kubernetes Services (<see cref="DefinedHosts"/>).
    /// </summary>
    public ISet<string> EntryHosts { get; }

    /// <summary>The Kubernetes Namespaces read from YAML, by name.</summary>
    public IReadOnlyDictionary<string, K8sNamespace> Namespaces { get; }

    /// <summary>The Kubernetes Services and ServiceEntries read from YAML.</summary>
    public IReadOnlyList<HostDefinition> HostDefinitions { get; }

    /// <summary>The FQDNs they define. When there are none, the mesh does not know its hosts and nothing is "unknown".</summary>
    public ISet<string> DefinedHosts { get; }

    /// <summary>Whether a destination host (resolved from <paramref name="ns"/>) is a service or a defined host of the mesh.</summary>
    public bool KnowsHost(string host, string? ns)
    {
        var fqdn = Fqdn(host, ns);
        return ServicesByFqdn.ContainsKey(fqdn) || DefinedHosts.Contains(fqdn) || EntryHosts.Contains(fqdn)
            || DefinedHosts.Concat(EntryHosts).Any(d => d.StartsWith("*", System.StringComparison.Ordinal) && fqdn.EndsWith(d.Substring(1), System.StringComparison.OrdinalIgnoreCase));
    }

    public string NamespaceOf(string? ns) => ns ?? DefaultNamespace;

    private static string FqdnIn(string host, string? ns, string defaultNamespace) =>
        host.IndexOf('.') >= 0 || host.IndexOf('*') >= 0 ? host : host + "." + (ns ?? defaultNamespace) + ".svc.cluster.local";

    /// <summary>A host as seen from a namespace: a short name resolves in it (istioctl's <c>ConvertHostToFQDN</c>).</summary>
    public string Fqdn(string host, string? ns) =>
        host.IndexOf('.') >= 0 || host.IndexOf('*') >= 0 ? host : host + "." + NamespaceOf(ns) + ".svc.cluster.local";

    /// <summary>The gateway a VirtualService in <paramref name="fromNamespace"/> names (<c>name</c>, <c>ns/name</c>), if the mesh has it.</summary>
    public Gateway? FindGateway(string reference, string? fromNamespace)
    {
        var key = reference.IndexOf('/') >= 0 ? reference : NamespaceOf(fromNamespace) + "/" + reference;
        if (key.StartsWith("./", System.StringComparison.Ordinal)) key = NamespaceOf(fromNamespace) + key.Substring(1);
        if (GatewaysByReference.TryGetValue(key, out var gateway)) return gateway;

        // A C# gateway declared without a namespace is referenced by its bare name from any namespace.
        return reference.IndexOf('/') < 0 ? Gateways.Select(g => g.Gateway).FirstOrDefault(g => g.Metadata.Namespace is null && g.Metadata.Name == reference) : null;
    }

    private static TEntry[] Declared<TResource, TEntry>(IReadOnlyList<MeshDeclaration> declarations, System.Func<MeshDeclaration, TResource, TEntry> entry)
        where TResource : Resource
    {
        var result = new List<TEntry>();
        foreach (var declaration in declarations)
        {
            foreach (var resource in declaration.Resources)
            {
                if (resource is TResource typed) result.Add(entry(declaration, typed));
            }
        }

        return result.ToArray();
    }
}

/// <summary>A VirtualService of the mesh and the declaration (C# class, YAML document) that holds it.</summary>
internal sealed record DeclaredVirtualService(MeshDeclaration Declaration, VirtualService VirtualService);

/// <summary>A Gateway of the mesh and the declaration that holds it.</summary>
internal sealed record DeclaredGateway(MeshDeclaration Declaration, Gateway Gateway);
