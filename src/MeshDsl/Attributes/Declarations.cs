using System;
using System.Diagnostics;

namespace MeshDsl;

/// <summary>
/// Declares a Kubernetes service in the mesh. The class it marks owns the service's DestinationRule
/// (from nested <see cref="SubsetAttribute"/> classes and the traffic policy attributes on the class) and its
/// VirtualService (from nested <see cref="HttpRouteAttribute"/>, <see cref="TcpRouteAttribute"/> and
/// <see cref="TlsRouteAttribute"/> classes, in declaration order). A service with neither emits nothing and
/// exists to be routed to by type.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class MeshServiceAttribute : Attribute
{
    /// <param name="name">The Kubernetes service name (DNS-1123 label), for example <c>reviews</c>.</param>
    public MeshServiceAttribute(string name) => Name = name;

    /// <summary>The Kubernetes service name; also the name of the resources generated for it.</summary>
    public string Name { get; }

    /// <summary>The namespace of the service and its resources; omitted from the manifests when not set.</summary>
    public string? Namespace { get; set; }

    /// <summary>The host routed to; defaults to <see cref="Name"/> (the short name Istio resolves in the namespace).</summary>
    public string? Host { get; set; }

    /// <summary>The service port. 0 means not declared.</summary>
    public int Port { get; set; }

    /// <summary>Extra service ports, when the service exposes several (routes must then name one).</summary>
    public int[]? Ports { get; set; }

    /// <summary><c>exportTo</c> of both resources: namespaces that can see them (<c>"."</c>, <c>"*"</c> or names).</summary>
    public string[]? ExportTo { get; set; }

    /// <summary>Gateways the VirtualService is bound to, by their <see cref="GatewayAttribute"/> class.</summary>
    public Type[]? Gateways { get; set; }

    /// <summary>Gateways outside the model, as <c>[namespace/]name</c>.</summary>
    public string[]? ExternalGateways { get; set; }

    /// <summary>Adds the reserved gateway <c>mesh</c> (the sidecars) when the VirtualService is also bound to gateways.</summary>
    public bool Mesh { get; set; }

    /// <summary>The DestinationRule's <c>workloadSelector.matchLabels</c>, as <c>key=value</c> pairs.</summary>
    public string[]? WorkloadSelector { get; set; }

    /// <summary>The Kubernetes Service's pod selector, as <c>key=value</c> pairs; <c>app=&lt;name&gt;</c> when not set.</summary>
    public string[]? Selector { get; set; }

    /// <summary>The name of <see cref="Port"/> in the generated Kubernetes Service (Istio reads the protocol from it); <c>http</c> when not set.</summary>
    public string? PortName { get; set; }
}

/// <summary>
/// Declares a VirtualService that is not one service's own: an edge router bound to a gateway that routes
/// <c>api.example.com</c> to many services, or a delegate. Routes are nested classes, as in a <see cref="MeshServiceAttribute"/> class.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class VirtualServiceAttribute : Attribute
{
    public VirtualServiceAttribute(string name) => Name = name;

    public string Name { get; }

    public string? Namespace { get; set; }

    /// <summary><c>hosts</c>: names clients use (short names, FQDNs, wildcards such as <c>*.example.com</c>). None for a delegate.</summary>
    public string[]? Hosts { get; set; }

    /// <summary>Gateways the VirtualService is bound to, by their <see cref="GatewayAttribute"/> class.</summary>
    public Type[]? Gateways { get; set; }

    /// <summary>Gateways outside the model, as <c>[namespace/]name</c>.</summary>
    public string[]? ExternalGateways { get; set; }

    /// <summary>Adds the reserved gateway <c>mesh</c> (the sidecars).</summary>
    public bool Mesh { get; set; }

    public string[]? ExportTo { get; set; }
}

/// <summary>Declares a Gateway: a load balancer at the edge of the mesh. Its servers are nested <see cref="ServerAttribute"/> classes.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class GatewayAttribute : Attribute
{
    public GatewayAttribute(string name) => Name = name;

    public string Name { get; }

    public string? Namespace { get; set; }

    /// <summary><c>selector</c>: the gateway pods, as <c>key=value</c> pairs, for example <c>"istio=ingress"</c>.</summary>
    public string[]? Selector { get; set; }
}

/// <summary>
/// Declares a subset (a version) of the enclosing <see cref="MeshServiceAttribute"/> service. Routes refer to it by
/// type (<c>[RouteTo&lt;V2&gt;]</c>); traffic policy attributes on the class become the subset's own policy.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class SubsetAttribute : Attribute
{
    /// <param name="name">The subset name, for example <c>v1</c>.</param>
    public SubsetAttribute(string name) => Name = name;

    public string Name { get; }

    /// <summary>Pod labels that select the subset, as <c>key=value</c> pairs. When not set, <c>version=&lt;name&gt;</c>.</summary>
    public string[]? Labels { get; set; }
}
