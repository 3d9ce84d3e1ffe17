using MeshDsl.Model;
using MeshDsl.Yaml;

namespace MeshDsl.Emit;

/// <summary>An EnvoyFilter's spec, keys in the order of Istio's documentation; the patch value as the Struct it is.</summary>
internal static class EnvoyFilterYaml
{
    public static YamlMapping Spec(EnvoyFilterSpec spec) => new YamlMapping()
        .AddIfAny("workloadSelector", new YamlMapping().AddLabels("labels", spec.WorkloadSelector))
        .AddList("targetRefs", spec.TargetRefs, t => new YamlMapping().Add("group", t.Group).Add("kind", t.Kind).Add("name", t.Name).Add("namespace", t.Namespace))
        .AddList("configPatches", spec.ConfigPatches, p => new YamlMapping()
            .Add("applyTo", p.ApplyTo)
            .AddIfAny("match", Match(p.Match))
            .AddIfAny("patch", p.Patch is { } patch
                ? new YamlMapping().Add("operation", patch.Operation).Add("value", patch.Value is null ? null : Struct(patch.Value)).Add("filterClass", patch.FilterClass)
                : null))
        .Add("priority", spec.Priority);

    private static YamlMapping? Match(EnvoyPatchMatch? m) => m is null
        ? null
        : new YamlMapping()
            .Add("context", m.Context)
            .AddIfAny("proxy", m.Proxy is { } proxy ? new YamlMapping().Add("proxyVersion", proxy.ProxyVersion).AddLabels("metadata", proxy.Metadata) : null)
            .AddIfAny("listener", m.Listener is { } l
                ? new YamlMapping()
                    .Add("portNumber", l.PortNumber)
                    .Add("portName", l.PortName)
                    .AddIfAny("filterChain", l.FilterChain is { } fc
                        ? new YamlMapping()
                            .Add("name", fc.Name)
                            .Add("sni", fc.Sni)
                            .Add("transportProtocol", fc.TransportProtocol)
                            .Add("applicationProtocols", fc.ApplicationProtocols)
                            .AddIfAny("filter", Filter(fc.Filter))
                            .Add("destinationPort", fc.DestinationPort)
                            .Add("transportSocket", fc.TransportSocket)
                        : null)
                    .Add("listenerFilter", l.ListenerFilter)
                    .Add("name", l.Name)
                : null)
            .AddIfAny("routeConfiguration", m.RouteConfiguration is { } rc
                ? new YamlMapping()
                    .Add("portNumber", rc.PortNumber)
                    .Add("portName", rc.PortName)
                    .Add("gateway", rc.Gateway)
                    .AddIfAny("vhost", rc.Vhost is { } vh
                        ? new YamlMapping().Add("name", vh.Name).Add("domainName", vh.DomainName).AddIfAny("route", Route(vh.Route))
                        : null)
                    .Add("name", rc.Name)
                : null)
            .AddIfAny("cluster", m.Cluster is { } c
                ? new YamlMapping().Add("portNumber", c.PortNumber).Add("service", c.Service).Add("subset", c.Subset).Add("name", c.Name)
                : null)
            .AddIfAny("waypoint", m.Waypoint is { } w
                ? new YamlMapping().AddIfAny("filter", Filter(w.Filter)).AddIfAny("route", Route(w.Route)).Add("portNumber", w.PortNumber)
                : null);

    private static YamlMapping? Filter(FilterMatch? f) => f is null
        ? null
        : new YamlMapping().Add("name", f.Name).AddIfAny("subFilter", f.SubFilter is null ? null : new YamlMapping().Add("name", f.SubFilter));

    private static YamlMapping? Route(RouteMatch? r) => r is null ? null : new YamlMapping().Add("name", r.Name).Add("action", r.Action);

    /// <summary>A Struct as YAML: every object and list written, empty ones too (an empty object can mean something to Envoy).</summary>
    public static YamlNode Struct(StructValue value)
    {
        switch (value)
        {
            case StructObject o:
                var map = new YamlMapping();
                foreach (var field in o.Fields) map.Add(field.Key, Struct(field.Value));
                return map;
            case StructList l:
                var seq = new YamlSequence();
                foreach (var item in l.Items) seq.Add(Struct(item));
                return seq;
            case StructString s:
                return YamlScalar.String(s.Value);
            case StructNumber n:
                return YamlScalar.NumberText(n.Digits);
            case StructBool b:
                return YamlScalar.Bool(b.Value);
            default:
                return YamlScalar.Null();
        }
    }
}
