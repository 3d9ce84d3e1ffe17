using System.Collections.Generic;
using System.Linq;
using MeshDsl.Helpers;

namespace MeshDsl.Model;

/// <summary>
/// The whole mesh as the mesh-wide rules read it, whatever front end built it: every resource indexed by its Istio identity
/// (hosts as FQDNs resolved in the resource's own namespace, gateways as <c>namespace/name</c>), the services the objects were
/// written for, the workloads, and the Namespaces read from YAML.
/// </summary>
internal sealed class Mesh
{
    /// <param name="services">The services, each with the objects written for it.</param>
    /// <param name="resources">The objects of their own (not written for a service), in the order the front end read them.</param>
    public Mesh(IReadOnlyList<ServiceInfo> services, IReadOnlyList<Resource> resources, IReadOnlyList<Workload> workloads, string defaultNamespace, IReadOnlyList<HostDefinition>? hosts = null, IReadOnlyList<K8sNamespace>? namespaces = null)
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
        DefaultNamespace = defaultNamespace;
        Services = services;
        OwnResources = resources;
        var all = new List<Resource>();
        var owners = new Dictionary<Resource, ServiceInfo>(ReferenceComparer<Resource>.Instance);
        foreach (var service in services)
        {
            foreach (var resource in service.Resources)
            {
                all.Add(resource);
                owners[resource] = service;
            }
        }

        all.AddRange(resources);
        Resources = all;
        _owners = owners;
        ServicesByFqdn = Services.GroupBy(s => Fqdn(s.Host, s.Namespace)).ToDictionary(g => g.Key, g => g.First());
        VirtualServices = all.OfType<VirtualService>().ToArray();
        DestinationRules = all.OfType<DestinationRule>().ToArray();
        DestinationRulesByHost = DestinationRules.ToLookup(dr => Fqdn(dr.Spec.Host, dr.Metadata.Namespace));
        Gateways = all.OfType<Gateway>().ToArray();
        GatewaysByReference = Gateways.GroupBy(g => NamespaceOf(g.Metadata.Namespace) + "/" + g.Metadata.Name).ToDictionary(g => g.Key, g => g.First());
        ServiceEntries = all.OfType<ServiceEntry>().ToArray();
        EntryHosts = new HashSet<string>(ServiceEntries.SelectMany(se => se.Spec.Hosts.Select(host => FqdnIn(host, se.Metadata.Namespace, defaultNamespace))), System.StringComparer.OrdinalIgnoreCase);
        ReadWorkloads = workloads;
        Workloads = workloads
            .Concat(all.OfType<K8sDeployment>().Select(d => new Workload("Deployment", d.Metadata.Name, d.Metadata.Namespace, d.Spec.PodLabels, d.Origin.Document) { Origin = d.Spec.Origin }))
            .ToArray();
    }

    private readonly Dictionary<Resource, ServiceInfo> _owners;

    /// <summary>Every object of the mesh: the services' objects, then those of their own.</summary>
    public IReadOnlyList<Resource> Resources { get; }

    /// <summary>The objects not written for a service.</summary>
    public IReadOnlyList<Resource> OwnResources { get; }

    /// <summary>The service an object was written for, or null for an object of its own.</summary>
    public ServiceInfo? ServiceOf(Resource resource) => _owners.TryGetValue(resource, out var service) ? service : null;

    /// <summary>The namespace of resources that name none (MeshDslNamespace, else <c>default</c>).</summary>
    public string DefaultNamespace { get; }

    public IReadOnlyList<ServiceInfo> Services { get; }

    /// <summary>Services by the FQDN of their host.</summary>
    public IReadOnlyDictionary<string, ServiceInfo> ServicesByFqdn { get; }

    public IReadOnlyList<VirtualService> VirtualServices { get; }

    public IReadOnlyList<DestinationRule> DestinationRules { get; }

    /// <summary>DestinationRules by the FQDN of their host.</summary>
    public ILookup<string, DestinationRule> DestinationRulesByHost { get; }

    public IReadOnlyList<Gateway> Gateways { get; }

    /// <summary>Gateways by <c>namespace/name</c>.</summary>
    public IReadOnlyDictionary<string, Gateway> GatewaysByReference { get; }

    /// <summary>The workloads read from YAML (the project's workload files, the files <c>meshdsl analyze</c> reads).</summary>
    public IReadOnlyList<Workload> ReadWorkloads { get; }

    /// <summary>Every workload: read from YAML, and the Deployments the model emits.</summary>
    public IReadOnlyList<Workload> Workloads { get; }

    /// <summary>The ServiceEntries of the mesh (C# <c>[ServiceEntry]</c>s, ServiceEntry documents read as Istio YAML).</summary>
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
        return reference.IndexOf('/') < 0 ? Gateways.FirstOrDefault(g => g.Metadata.Namespace is null && g.Metadata.Name == reference) : null;
    }
}
