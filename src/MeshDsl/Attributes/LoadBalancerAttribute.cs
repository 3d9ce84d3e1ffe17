using System;
using System.Diagnostics;

namespace MeshDsl;

/// <summary>
/// <c>trafficPolicy.loadBalancer.simple</c> of the service (on the service class) or of one subset (on the subset class).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class LoadBalancerAttribute : Attribute
{
    public LoadBalancerAttribute(LoadBalancing simple) => Simple = simple;

    public LoadBalancing Simple { get; }
}
