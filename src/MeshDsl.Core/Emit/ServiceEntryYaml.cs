using MeshDsl.Model;
using MeshDsl.Yaml;

namespace MeshDsl.Emit;

/// <summary>A ServiceEntry's spec, keys in the order of Istio's documentation.</summary>
internal static class ServiceEntryYaml
{
    public static YamlMapping Spec(ServiceEntrySpec spec) => new YamlMapping()
        .AddStrings("hosts", spec.Hosts)
        .AddStrings("addresses", spec.Addresses)
        .AddList("ports", spec.Ports, p => new YamlMapping()
            .Add("number", p.Number)
            .Add("protocol", p.Protocol)
            .Add("name", p.Name)
            .Add("targetPort", p.TargetPort))
        .Add("location", spec.Location)
        .Add("resolution", spec.Resolution)
        .AddList("endpoints", spec.Endpoints, e => new YamlMapping()
            .Add("address", e.Address)
            .AddIfAny("ports", Ports(e))
            .AddLabels("labels", e.Labels)
            .Add("network", e.Network)
            .Add("locality", e.Locality)
            .Add("weight", e.Weight)
            .Add("serviceAccount", e.ServiceAccount))
        .AddIfAny("workloadSelector", new YamlMapping().AddLabels("labels", spec.WorkloadSelector))
        .AddStrings("exportTo", spec.ExportTo)
        .AddStrings("subjectAltNames", spec.SubjectAltNames);

    private static YamlMapping? Ports(WorkloadEntry e)
    {
        if (e.Ports.IsEmpty) return null;
        var map = new YamlMapping();
        foreach (var port in e.Ports) map.Add(port.Name, port.Number);
        return map;
    }
}
