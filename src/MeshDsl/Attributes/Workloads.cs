using System;
using System.Diagnostics;

namespace MeshDsl;

/// <summary>
/// The Kubernetes Deployment behind a subset (a version), on a <see cref="SubsetAttribute"/> class. MeshDsl then emits the
/// Deployment (named <c>&lt;service&gt;-&lt;subset&gt;</c>, pods labelled with the service selector and the subset's labels)
/// and the service's Kubernetes Service, and checks that every subset selects pods.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class DeploymentAttribute : Attribute
{
    /// <param name="image">The container image, for example <c>"reviews:2.0"</c>.</param>
    public DeploymentAttribute(string image) => Image = image;

    public string Image { get; }

    /// <summary>The Deployment's name; defaults to <c>&lt;service&gt;-&lt;subset&gt;</c>.</summary>
    public string? Name { get; set; }

    public int Replicas { get; set; }

    /// <summary>The container's port; defaults to the service's port.</summary>
    public int ContainerPort { get; set; }

    /// <summary>Extra pod labels, as <c>key=value</c> pairs (the selector and subset labels are always there).</summary>
    public string[]? Labels { get; set; }

    /// <summary><c>resources.requests.cpu</c>, such as <c>"100m"</c>.</summary>
    public string? CpuRequest { get; set; }

    /// <summary><c>resources.requests.memory</c>, such as <c>"128Mi"</c>.</summary>
    public string? MemoryRequest { get; set; }

    public string? CpuLimit { get; set; }

    public string? MemoryLimit { get; set; }
}

/// <summary>Base of the HTTP probes of a <see cref="DeploymentAttribute"/>'s container.</summary>
public abstract class HttpProbeAttribute : Attribute
{
    protected HttpProbeAttribute(string path, int port) => (Path, Port) = (path, port);

    /// <summary><c>httpGet.path</c>.</summary>
    public string Path { get; }

    /// <summary><c>httpGet.port</c>.</summary>
    public int Port { get; }

    public int InitialDelaySeconds { get; set; }

    public int PeriodSeconds { get; set; }

    public int TimeoutSeconds { get; set; }

    public int FailureThreshold { get; set; }
}

/// <summary><c>readinessProbe</c> (an HTTP GET) of the container.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class ReadinessProbeAttribute : HttpProbeAttribute
{
    public ReadinessProbeAttribute(string path, int port)
        : base(path, port)
    {
    }
}

/// <summary><c>livenessProbe</c> (an HTTP GET) of the container.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
[Conditional("MESHDSL_KEEP_ATTRIBUTES")]
public sealed class LivenessProbeAttribute : HttpProbeAttribute
{
    public LivenessProbeAttribute(string path, int port)
        : base(path, port)
    {
    }
}
