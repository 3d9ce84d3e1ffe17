using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using MeshDsl.Model;
using static MeshDsl.Rules.ModelWalk;

namespace MeshDsl.Rules;

/// <summary>
/// MESH505: the Deployments and Services MeshDsl emits, checked as the Kubernetes API server validates them (names, image,
/// ports, probes, resource quantities), so that none is rejected at apply time.
/// </summary>
internal static class WorkloadValidity
{
    private static readonly Regex Quantity = new(@"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+|[numkMGTPE]|[KMGTPE]i)?\z", RegexOptions.CultureInvariant);

    public static IEnumerable<Finding> Check(RuleScope d)
    {
        foreach (var deployment in d.Resources.OfType<K8sDeployment>())
        {
            var spec = deployment.Spec;
            var at = spec.Origin;
            if (Names.ResourceName(deployment.Metadata.Name) is { } nameWhy)
                yield return F(at, "Name", $"Deployment name '{deployment.Metadata.Name}' is not a Kubernetes object name: {nameWhy}");
            var image = spec.Container.Image;
            if (image.Trim().Length == 0)
                yield return F(at, "image", "The Deployment has no image: Kubernetes requires one ('spec.template.spec.containers[0].image: Required value')");
            else if (image.Trim().Length != image.Length || image.Any(char.IsWhiteSpace))
                yield return F(at, "image", $"Image '{image}' contains white space, which no image reference has");
            if (spec.Replicas is < 0) yield return F(at, "Replicas", $"Replicas is {N(spec.Replicas.Value)}: it cannot be negative");
            foreach (var port in spec.Container.Ports.Where(p => p is < 1 or > 65535))
                yield return F(at, "ContainerPort", $"Container port {N(port)} is outside 1-65535");
            for (var i = 0; i < spec.PodLabels.Count; i++)
            {
                var label = spec.PodLabels[i];
                if (Names.LabelPair(label.Key, label.Value) is { } why) yield return F(at, "Labels", $"Pod label '{label.Key}={label.Value}' is invalid: {why}");
            }

            if (spec.Container.Resources is { } resources)
            {
                foreach (var f in Resources(resources, at)) yield return f;
            }

            foreach (var probe in new[] { spec.Container.ReadinessProbe, spec.Container.LivenessProbe }.OfType<Probe>())
            {
                if (probe.Port is < 1 or > 65535) yield return F(probe.Origin, "port", $"Probe port {N(probe.Port)} is outside 1-65535");
                if (probe.Path.Length == 0 || probe.Path[0] != '/') yield return F(probe.Origin, "path", $"Probe path '{probe.Path}' must start with '/'");
                if (probe.InitialDelaySeconds is < 0) yield return F(probe.Origin, "InitialDelaySeconds", "InitialDelaySeconds cannot be negative");
                foreach (var (field, value) in new[] { ("PeriodSeconds", probe.PeriodSeconds), ("TimeoutSeconds", probe.TimeoutSeconds), ("FailureThreshold", probe.FailureThreshold) })
                {
                    if (value is < 1) yield return F(probe.Origin, field, $"{field} is {N(value.Value)}: Kubernetes requires at least 1");
                }
            }
        }

        foreach (var service in d.Resources.OfType<K8sService>())
        {
            // A Service's name is a DNS-1035 label: it starts with a letter.
            if (service.Metadata.Name.Length > 0 && !(service.Metadata.Name[0] is >= 'a' and <= 'z'))
                yield return F(d.Origin, "name", $"Service name '{service.Metadata.Name}' must start with a lower-case letter (a Kubernetes Service name is a DNS-1035 label)");
            var portNames = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var port in service.Spec.Ports)
            {
                if (Names.Label(port.Name) is { } why) yield return F(d.Origin, "PortName", $"Service port name '{port.Name}' is invalid: {why}");
                else if (!portNames.Add(port.Name)) yield return F(d.Origin, "PortName", $"Service port name '{port.Name}' is used twice: Kubernetes requires unique port names");
            }

            if (service.Spec.Ports.IsEmpty)
                yield return F(d.Origin, "Port", $"Service '{service.Metadata.Name}' would have no port: Kubernetes requires one ('spec.ports: Required value'); set Port on the [MeshService] or ContainerPort on the [Deployment]");
        }
    }

    private static IEnumerable<Finding> Resources(ResourceRequirements r, SourceRef at)
    {
        foreach (var (field, value) in new[] { ("CpuRequest", r.CpuRequest), ("MemoryRequest", r.MemoryRequest), ("CpuLimit", r.CpuLimit), ("MemoryLimit", r.MemoryLimit) })
        {
            if (value is not null && !Quantity.IsMatch(value))
                yield return F(at, field, $"'{value}' is not a Kubernetes quantity (such as 250m, 0.5, 128Mi or 1Gi)");
            else if (value is not null && value.StartsWith("-", System.StringComparison.Ordinal))
                yield return F(at, field, $"'{value}' is negative: resources are 0 or more");
        }

        foreach (var (request, limit, field, what) in new[] { (r.CpuRequest, r.CpuLimit, "CpuRequest", "CPU"), (r.MemoryRequest, r.MemoryLimit, "MemoryRequest", "memory") })
        {
            if (Value(request) is { } req && Value(limit) is { } lim && req > lim)
                yield return F(at, field, $"The {what} request {request} is more than the limit {limit}: Kubernetes rejects it ('must be less than or equal to {what} limit')");
        }
    }

    /// <summary>A quantity's value, for comparing a request with its limit; null when it does not parse.</summary>
    private static decimal? Value(string? quantity)
    {
        if (quantity is null || !Quantity.IsMatch(quantity)) return null;
        var suffixes = new (string Suffix, decimal Factor)[]
        {
            ("Ki", 1024m), ("Mi", 1024m * 1024), ("Gi", 1024m * 1024 * 1024), ("Ti", 1024m * 1024 * 1024 * 1024), ("Pi", 1024m * 1024 * 1024 * 1024 * 1024), ("Ei", 1024m * 1024 * 1024 * 1024 * 1024 * 1024),
            ("n", 1e-9m), ("u", 1e-6m), ("m", 1e-3m), ("k", 1e3m), ("M", 1e6m), ("G", 1e9m), ("T", 1e12m), ("P", 1e15m), ("E", 1e18m),
        };
        foreach (var (suffix, factor) in suffixes)
        {
            if (quantity.EndsWith(suffix, System.StringComparison.Ordinal) && decimal.TryParse(quantity.Substring(0, quantity.Length - suffix.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                // Beyond decimal's range no request/limit comparison is meaningful.
                return factor <= 1m || System.Math.Abs(v) < decimal.MaxValue / factor ? v * factor : null;
            }
        }

        return decimal.TryParse(quantity, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain) ? plain : null;
    }

    private static Finding F(SourceRef origin, string field, string message) => Finding(RuleIds.InvalidWorkload, origin, field, message);
}
