using System.Linq;
using MeshDsl.Helpers;
using MeshDsl.Model;

namespace MeshDsl.YamlFrontEnd;

/// <summary>A ServiceEntry's spec from YAML: the inverse of <see cref="Emit.ServiceEntryYaml"/>, field for field.</summary>
internal static class ServiceEntryReader
{
    public static ServiceEntrySpec Spec(YamlMap spec)
    {
        var selector = spec.Map("workloadSelector");
        return new ServiceEntrySpec(
            spec.Strings("hosts"),
            spec.Strings("addresses"),
            spec.Maps("ports").Select(p => p.Checked(new ServiceEntryPort(p.Int("number") ?? 0, p.String("protocol") ?? string.Empty, p.String("name") ?? string.Empty, p.Int("targetPort"), p.Origin))).ToEquatableArray(),
            spec.String("location"),
            spec.String("resolution"),
            spec.Maps("endpoints").Select(e => e.Checked(new WorkloadEntry(
                e.String("address"),
                e.IntEntries("ports").Select(p => new EndpointPort(p.Key, p.Value)).ToEquatableArray(),
                e.Labels("labels"),
                e.String("network"),
                e.String("locality"),
                e.Int("weight"),
                e.String("serviceAccount"),
                e.Origin))).ToEquatableArray(),
            selector.Checked(selector.Labels("labels")),
            spec.Strings("exportTo"),
            spec.Strings("subjectAltNames"),
            spec.Origin);
    }
}
