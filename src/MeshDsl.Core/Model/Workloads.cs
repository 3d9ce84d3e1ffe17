using MeshDsl.Helpers;

namespace MeshDsl.Model;

// Kubernetes objects MeshDsl emits beside the Istio resources, and the workloads the checks compare subsets with.

internal sealed record K8sDeployment(ObjectMeta Metadata, SourceRef Origin, DeploymentSpec Spec) : Resource(Metadata, Origin)
{
    public override string ApiVersion => "apps/v1";

    public override string Kind => "Deployment";
}

internal sealed record DeploymentSpec(int? Replicas, EquatableArray<Label> SelectorLabels, EquatableArray<Label> PodLabels, Container Container, SourceRef Origin)
{
    /// <summary>The pod's ConfigMap volumes.</summary>
    public EquatableArray<ConfigMapVolume> Volumes { get; init; } = EquatableArray<ConfigMapVolume>.Empty;
}

internal sealed record Container(string Name, string Image, EquatableArray<int> Ports, ResourceRequirements? Resources, Probe? ReadinessProbe, Probe? LivenessProbe)
{
    /// <summary>Environment variables with literal values, in order.</summary>
    public EquatableArray<Label> Env { get; init; } = EquatableArray<Label>.Empty;

    public EquatableArray<VolumeMount> VolumeMounts { get; init; } = EquatableArray<VolumeMount>.Empty;
}

internal sealed record VolumeMount(string Name, string MountPath);

/// <summary>A pod volume holding a ConfigMap's files.</summary>
internal sealed record ConfigMapVolume(string Name, string ConfigMap);

internal sealed record ResourceRequirements(string? CpuRequest, string? MemoryRequest, string? CpuLimit, string? MemoryLimit);

internal sealed record Probe(string Path, int Port, int? InitialDelaySeconds, int? PeriodSeconds, int? TimeoutSeconds, int? FailureThreshold, SourceRef Origin);

/// <summary>
/// A ConfigMap holding envoyproxy/ratelimit's configuration file: the limits, typed, which the back end writes as the file's
/// text under <see cref="FileName"/> (and the YAML front end reads back from it).
/// </summary>
internal sealed record RateLimitConfigMap(ObjectMeta Metadata, SourceRef Origin, string FileName, RateLimit.RateLimitConfig Config) : Resource(Metadata, Origin)
{
    public override string ApiVersion => "v1";

    public override string Kind => "ConfigMap";
}

internal sealed record K8sService(ObjectMeta Metadata, SourceRef Origin, ServiceSpec Spec) : Resource(Metadata, Origin)
{
    public override string ApiVersion => "v1";

    public override string Kind => "Service";
}

internal sealed record ServiceSpec(EquatableArray<Label> Selector, EquatableArray<ServicePort> Ports);

/// <summary>A Kubernetes Service port: its number, and the pods' port it sends to (none: the same number).</summary>
internal sealed record ServicePort(string Name, int Port, int? TargetPort)
{
    /// <summary>A target port given by the container port's name (<c>targetPort: http</c>) instead of a number.</summary>
    public string? TargetPortName { get; init; }

    /// <summary>The protocol as written; none means TCP.</summary>
    public string? Protocol { get; init; }
}

/// <summary>
/// A workload that runs pods: from a Deployment MeshDsl emits, or read from the project's workload YAML (Deployment, StatefulSet,
/// DaemonSet, ReplicaSet, Argo Rollout, Pod). <see cref="PodLabels"/> are the pods' labels (the pod template's), which is what
/// selectors select. <see cref="Source"/> names where it was declared (a file and line, or a C# type).
/// </summary>
internal sealed record Workload(string Kind, string Name, string? Namespace, EquatableArray<Label> PodLabels, string Source)
{
    /// <summary>The object's own labels (not its pods'): a waypoint Deployment is told apart by one.</summary>
    public EquatableArray<Label> Labels { get; init; } = EquatableArray<Label>.Empty;

    /// <summary>The pods' annotations (the pod template's, or a Pod's own).</summary>
    public EquatableArray<Label> PodAnnotations { get; init; } = EquatableArray<Label>.Empty;

    /// <summary>Whether the pods already run Istio's sidecar: a container named <c>istio-proxy</c> with an image.</summary>
    public bool HasIstioProxy { get; init; }

    /// <summary>Where the front end read it: findings about the workload itself land here.</summary>
    public SourceRef Origin { get; init; } = SourceRef.None;

    public string Describe() => Kind + " " + (Namespace is null ? string.Empty : Namespace + "/") + Name;
}

/// <summary>
/// A Kubernetes Namespace read from YAML: its labels decide whether its pods join the mesh (<c>istio-injection: enabled</c>).
/// </summary>
internal sealed record K8sNamespace(string Name, EquatableArray<Label> Labels, string Source);

/// <summary>
/// A host the mesh knows without a VirtualService: a Kubernetes Service (<c>name.namespace.svc.cluster.local</c>) or the hosts
/// of a ServiceEntry, read from the project's workload YAML (or the files <c>meshdsl analyze</c> reads).
/// </summary>
internal sealed record HostDefinition(string Kind, string Name, string? Namespace, EquatableArray<string> Hosts, EquatableArray<int> Ports, string Source)
{
    /// <summary>A Service's selector: the pods behind it.</summary>
    public EquatableArray<Label> Selector { get; init; } = EquatableArray<Label>.Empty;

    /// <summary>A Service's ports as written: number, target and protocol (<see cref="Ports"/> holds their numbers).</summary>
    public EquatableArray<ServicePort> ServicePorts { get; init; } = EquatableArray<ServicePort>.Empty;
}
