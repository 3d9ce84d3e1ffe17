using System;
using System.Diagnostics;

namespace MeshDsl;

/// <summary>
/// Declares a Kubernetes service in the mesh. The class it marks owns the service's DestinationRule
/// (from <see cref="SubsetAttribute"/>, <see cref="LoadBalancerAttribute"/>, connection pool and outlier settings)
/// and its VirtualService (from nested <see cref="HttpRouteAttribute"/> classes, in declaration order).
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

    /// <summary>The service port, used when a route must name one. 0 means not declared.</summary>
    public int Port { get; set; }
}
