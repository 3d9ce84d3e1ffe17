using System;
using System.Diagnostics;

namespace MeshDsl;

/// <summary>
/// Declares a ServiceEntry: hosts the mesh's registry gains (an external API, a database on VMs), so routes and
/// DestinationRules can name them and the mesh's checks know them. Route to it by type (<c>[RouteTo&lt;Payments&gt;]</c>
/// routes to its first host). Its ports are <see cref="ServiceEntryPortAttribute"/>s and its endpoints
/// <see cref="ServiceEntryEndpointAttribute"/>s on the same class.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class ServiceEntryAttribute : Attribute
{
    /// <param name="name">The ServiceEntry's name (DNS-1123 subdomain), for example <c>payments-api</c>.</param>
    public ServiceEntryAttribute(string name) => Name = name;

    public string Name { get; }

    public string? Namespace { get; set; }

    /// <summary><c>hosts</c>: the names clients use, FQDNs or wildcards such as <c>*.example.com</c>. Routing to the class goes to the first.</summary>
    public string[]? Hosts { get; set; }

    /// <summary><c>addresses</c>: virtual IPs or CIDR blocks of the service, for TCP traffic that carries no host name.</summary>
    public string[]? Addresses { get; set; }

    /// <summary><c>location</c>: outside the mesh (no mutual TLS; Istio's default) or inside it.</summary>
    public ServiceEntryLocation Location { get; set; }

    /// <summary><c>resolution</c>: how the proxies find the endpoints.</summary>
    public ServiceEntryResolution Resolution { get; set; }

    /// <summary><c>workloadSelector.labels</c>, as <c>key=value</c> pairs: pods or WorkloadEntries that are its endpoints (instead of <see cref="ServiceEntryEndpointAttribute"/>s).</summary>
    public string[]? WorkloadSelector { get; set; }

    /// <summary><c>exportTo</c>: namespaces that can see it (<c>"."</c>, <c>"*"</c>, <c>"~"</c> for none, or names).</summary>
    public string[]? ExportTo { get; set; }

    /// <summary><c>subjectAltNames</c>: the identities the endpoints' certificates must carry.</summary>
    public string[]? SubjectAltNames { get; set; }
}

/// <summary><c>ports[]</c> of a <see cref="ServiceEntryAttribute"/>: one per port, in order.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class ServiceEntryPortAttribute : Attribute
{
    /// <param name="number">The port number, 1-65535.</param>
    /// <param name="name">The port's name, unique in the entry.</param>
    /// <param name="protocol">The protocol served on it.</param>
    public ServiceEntryPortAttribute(int number, string name, ServerProtocol protocol)
    {
        Number = number;
        Name = name;
        Protocol = protocol;
    }

    public int Number { get; }

    public string Name { get; }

    public ServerProtocol Protocol { get; }

    /// <summary><c>targetPort</c>: the endpoints' port, when it differs from <see cref="Number"/>. 0 means not set.</summary>
    public int TargetPort { get; set; }
}

/// <summary><c>endpoints[]</c> of a <see cref="ServiceEntryAttribute"/> (a WorkloadEntry): one per endpoint, in order.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class ServiceEntryEndpointAttribute : Attribute
{
    /// <param name="address">An IP address, a host name (with DNS resolution) or a <c>unix://</c> socket.</param>
    public ServiceEntryEndpointAttribute(string address) => Address = address;

    public string Address { get; }

    /// <summary><c>ports</c>: the endpoint's own port per port name of the entry, as <c>name=number</c> pairs.</summary>
    public string[]? Ports { get; set; }

    /// <summary><c>labels</c>, as <c>key=value</c> pairs.</summary>
    public string[]? Labels { get; set; }

    public string? Network { get; set; }

    /// <summary><c>locality</c>: <c>region/zone/subzone</c>.</summary>
    public string? Locality { get; set; }

    /// <summary><c>weight</c>: the endpoint's share in load balancing. 0 means not set.</summary>
    public int Weight { get; set; }

    public string? ServiceAccount { get; set; }
}
