using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using MeshDsl.Helpers;
using MeshDsl.Model;
using YamlDotNet.Core;

namespace MeshDsl.YamlFrontEnd;

/// <summary>An EnvoyFilter's spec from YAML: the inverse of <see cref="Emit.EnvoyFilterYaml"/>, field for field.</summary>
internal static class EnvoyFilterReader
{
    public static EnvoyFilterSpec Spec(YamlMap spec)
    {
        var selector = spec.Map("workloadSelector");
        return new EnvoyFilterSpec(
            selector.Checked(selector.Labels("labels")),
            spec.Maps("targetRefs").Select(t => t.Checked(new PolicyTargetReference(t.String("group"), t.String("kind") ?? string.Empty, t.String("name") ?? string.Empty, t.String("namespace")))).ToEquatableArray(),
            spec.Maps("configPatches").Select(p => p.Checked(new EnvoyConfigPatch(p.String("applyTo") ?? string.Empty, Match(p.Map("match")), Patch(p.Map("patch")), p.Origin))).ToEquatableArray(),
            spec.Int("priority"),
            spec.Origin);
    }

    private static EnvoyPatchMatch? Match(YamlMap m)
    {
        if (!m.Exists) return null;
        var proxy = m.Map("proxy");
        var listener = m.Map("listener");
        var route = m.Map("routeConfiguration");
        var cluster = m.Map("cluster");
        var waypoint = m.Map("waypoint");
        return m.Checked(new EnvoyPatchMatch(
            m.String("context"),
            proxy.Exists ? proxy.Checked(new ProxyMatch(proxy.String("proxyVersion"), proxy.Labels("metadata"))) : null,
            listener.Exists ? listener.Checked(new ListenerMatch(listener.Int("portNumber"), listener.String("portName"), FilterChain(listener.Map("filterChain")), listener.String("listenerFilter"), listener.String("name"))) : null,
            route.Exists ? route.Checked(new RouteConfigurationMatch(route.Int("portNumber"), route.String("portName"), route.String("gateway"), Vhost(route.Map("vhost")), route.String("name"))) : null,
            cluster.Exists ? cluster.Checked(new ClusterMatch(cluster.Int("portNumber"), cluster.String("service"), cluster.String("subset"), cluster.String("name"))) : null,
            waypoint.Exists ? waypoint.Checked(new WaypointMatch(Filter(waypoint.Map("filter")), Route(waypoint.Map("route")), waypoint.Int("portNumber"))) : null));
    }

    private static FilterChainMatch? FilterChain(YamlMap f) => !f.Exists ? null : f.Checked(new FilterChainMatch(
        f.String("name"), f.String("sni"), f.String("transportProtocol"), f.String("applicationProtocols"), Filter(f.Map("filter")), f.Int("destinationPort"), f.String("transportSocket")));

    private static FilterMatch? Filter(YamlMap f)
    {
        if (!f.Exists) return null;
        var sub = f.Map("subFilter");
        var subName = sub.Exists ? sub.Checked(sub.String("name")) : null;
        return f.Checked(new FilterMatch(f.String("name"), subName));
    }

    private static VirtualHostMatch? Vhost(YamlMap v) => !v.Exists ? null : v.Checked(new VirtualHostMatch(v.String("name"), v.String("domainName"), Route(v.Map("route"))));

    private static RouteMatch? Route(YamlMap r) => !r.Exists ? null : r.Checked(new RouteMatch(r.String("name"), r.String("action")));

    private static EnvoyPatch? Patch(YamlMap p) => !p.Exists ? null : p.Checked(new EnvoyPatch(
        p.String("operation"),
        p.Child("value") is { } value ? Struct(value) : null,
        p.String("filterClass")));

    private static readonly Regex Number = new(@"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\z", RegexOptions.CultureInvariant);

    /// <summary>Envoy configuration as the Struct the API server stores: YAML's plain numbers and booleans typed, the rest strings.</summary>
    public static StructValue Struct(SourceNode node) => node switch
    {
        SourceMap map => new StructObject(Enumerable.Range(0, map.Count).Select(i => new StructField(map.KeyText(i), Struct(map.Value(i)))).ToEquatableArray()),
        SourceList list => new StructList(list.Items.Select(Struct).ToEquatableArray()),
        // An explicit !!str keeps a plain true, null or 42 a string, as Kubernetes decodes it.
        SourceScalar { Tag: "tag:yaml.org,2002:str" } s => new StructString(s.Value),
        SourceScalar { Style: ScalarStyle.Plain } s when s.Value is "true" or "false" => new StructBool(s.Value == "true"),
        SourceScalar { Style: ScalarStyle.Plain } s when s.Value is "" or "~" or "null" => new StructNull(),
        SourceScalar { Style: ScalarStyle.Plain } s when Number.IsMatch(s.Value) => new StructNumber(s.Value),
        SourceScalar s => new StructString(s.Value),
        _ => new StructNull(),
    };
}
