using MeshDsl.Model;
using MeshDsl.Yaml;

namespace MeshDsl.Emit;

/// <summary>The Kubernetes Deployment and Service specs, keys in the order of Kubernetes' documentation.</summary>
internal static class WorkloadYaml
{
    public static YamlMapping Spec(DeploymentSpec spec)
    {
        var c = spec.Container;
        var container = new YamlMapping()
            .Add("name", c.Name)
            .Add("image", c.Image)
            .AddList("ports", c.Ports, p => new YamlMapping().Add("containerPort", p))
            .AddList("env", c.Env, e => new YamlMapping().Add("name", e.Key).Add("value", e.Value))
            .AddIfAny("resources", c.Resources is { } r
                ? new YamlMapping()
                    .AddIfAny("requests", new YamlMapping().Add("cpu", r.CpuRequest).Add("memory", r.MemoryRequest))
                    .AddIfAny("limits", new YamlMapping().Add("cpu", r.CpuLimit).Add("memory", r.MemoryLimit))
                : null)
            .AddIfAny("readinessProbe", Probe(c.ReadinessProbe))
            .AddIfAny("livenessProbe", Probe(c.LivenessProbe))
            .AddList("volumeMounts", c.VolumeMounts, m => new YamlMapping().Add("name", m.Name).Add("mountPath", m.MountPath));
        return new YamlMapping()
            .Add("replicas", spec.Replicas)
            .Add("selector", new YamlMapping().AddLabels("matchLabels", spec.SelectorLabels))
            .Add("template", new YamlMapping()
                .Add("metadata", new YamlMapping().AddLabels("labels", spec.PodLabels))
                .Add("spec", new YamlMapping()
                    .Add("containers", new YamlSequence().Add(container))
                    .AddList("volumes", spec.Volumes, v => new YamlMapping().Add("name", v.Name).Add("configMap", new YamlMapping().Add("name", v.ConfigMap)))));
    }

    public static YamlMapping Spec(ServiceSpec spec) => new YamlMapping()
        .AddLabels("selector", spec.Selector)
        .AddList("ports", spec.Ports, p => new YamlMapping().Add("name", p.Name).Add("port", p.Port).Add("targetPort", p.TargetPort));

    private static YamlMapping? Probe(Probe? probe) => probe is null
        ? null
        : new YamlMapping()
            .Add("httpGet", new YamlMapping().Add("path", probe.Path).Add("port", probe.Port))
            .Add("initialDelaySeconds", probe.InitialDelaySeconds)
            .Add("periodSeconds", probe.PeriodSeconds)
            .Add("timeoutSeconds", probe.TimeoutSeconds)
            .Add("failureThreshold", probe.FailureThreshold);
}
