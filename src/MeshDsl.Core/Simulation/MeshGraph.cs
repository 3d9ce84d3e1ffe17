using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using MeshDsl.Model;

namespace MeshDsl.Simulation;

/// <summary>
/// The mesh as a picture: gateways, the hosts they and the sidecars route, each VirtualService's rules in order with their
/// matches, and the destinations (host and subset) with their weights; mirrors dashed, faults and redirects on the rule.
/// One graph, two notations: Mermaid (rendered by GitHub Markdown) and Graphviz DOT. The output is deterministic.
/// </summary>
internal static class MeshGraph
{
    private sealed record Node(string Id, string Label, string Shape);

    private sealed record Edge(string From, string To, string Label, bool Dashed);

    public static string Mermaid(Mesh mesh)
    {
        var (nodes, edges) = Build(mesh);
        var sb = new StringBuilder("flowchart LR\n");
        foreach (var node in nodes)
        {
            var label = "\"" + MermaidText(node.Label) + "\"";
            sb.Append("  ").Append(node.Id).Append(node.Shape switch
            {
                "gateway" => "[[" + label + "]]",
                "host" => "([" + label + "])",
                "rule" => "{{" + label + "}}",
                _ => "[" + label + "]",
            }).Append('\n');
        }

        foreach (var edge in edges)
        {
            var label = "\"" + MermaidText(edge.Label) + "\"";
            var arrow = (edge.Dashed, edge.Label.Length > 0) switch
            {
                (false, false) => "-->",
                (false, true) => "-- " + label + " -->",
                (true, false) => "-.->",
                _ => "-. " + label + " .->",
            };
            sb.Append("  ").Append(edge.From).Append(' ').Append(arrow).Append(' ').Append(edge.To).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>A label inside Mermaid's quotes: one line (Mermaid's syntax is line by line), quotes as its entity.</summary>
    private static string MermaidText(string text) => text.Replace("\"", "#quot;").Replace("\r", " ").Replace("\n", " ");

    public static string Dot(Mesh mesh)
    {
        var (nodes, edges) = Build(mesh);
        var sb = new StringBuilder("digraph mesh {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=9];\n");
        foreach (var node in nodes)
        {
            var shape = node.Shape switch { "gateway" => "box3d", "host" => "ellipse", "rule" => "hexagon", _ => "box" };
            sb.Append("  ").Append(node.Id).Append(" [label=").Append(Quote(node.Label)).Append(", shape=").Append(shape).Append("];\n");
        }

        foreach (var edge in edges)
        {
            sb.Append("  ").Append(edge.From).Append(" -> ").Append(edge.To);
            var attributes = new List<string>();
            if (edge.Label.Length > 0) attributes.Add("label=" + Quote(edge.Label));
            if (edge.Dashed) attributes.Add("style=dashed");
            if (attributes.Count > 0) sb.Append(" [").Append(string.Join(", ", attributes)).Append(']');
            sb.Append(";\n");
        }

        return sb.Append("}\n").ToString();
    }

    private static (List<Node> Nodes, List<Edge> Edges) Build(Mesh mesh)
    {
        var (nodes, edges) = BuildInOrder(mesh);
        return (nodes.OrderBy(n => n.Id, System.StringComparer.Ordinal).ToList(), edges);
    }

    /// <summary>The nodes in the order the mesh meets them (gateways, then each VirtualService's hosts, rules and destinations).</summary>
    private static (List<Node> Nodes, List<Edge> Edges) BuildInOrder(Mesh mesh)
    {
        var nodes = new Dictionary<string, Node>(System.StringComparer.Ordinal);
        var order = new List<Node>();
        var edges = new List<Edge>();
        string Add(string kind, string key, string label, string shape)
        {
            var id = kind + "_" + Id(key);
            if (!nodes.ContainsKey(id))
            {
                nodes[id] = new Node(id, label, shape);
                order.Add(nodes[id]);
            }

            return id;
        }

        foreach (var gateway in mesh.Gateways)
        {
            Add("gw", mesh.NamespaceOf(gateway.Metadata.Namespace) + "/" + gateway.Metadata.Name, "gateway " + mesh.NamespaceOf(gateway.Metadata.Namespace) + "/" + gateway.Metadata.Name, "gateway");
        }

        foreach (var vs in mesh.VirtualServices.OrderBy(v => mesh.NamespaceOf(v.Metadata.Namespace), System.StringComparer.Ordinal).ThenBy(v => v.Metadata.Name, System.StringComparer.Ordinal))
        {
            var ns = mesh.NamespaceOf(vs.Metadata.Namespace);
            var vsKey = ns + "/" + vs.Metadata.Name;
            var hostIds = vs.Spec.Hosts.Select(h => Add("host", h.IndexOf('.') < 0 && h != "*" ? mesh.Fqdn(h, vs.Metadata.Namespace) : h, h, "host")).ToList();
            if (hostIds.Count == 0) hostIds.Add(Add("host", "delegate " + vsKey, "delegate " + vsKey, "host"));
            foreach (var g in vs.Spec.Gateways.Where(g => g != Simulator.MeshGateway))
            {
                var gateway = mesh.FindGateway(g, vs.Metadata.Namespace);
                var from = gateway is null ? Add("gw", g, "gateway " + g + " (not in the mesh)", "gateway") : "gw_" + Id(mesh.NamespaceOf(gateway.Metadata.Namespace) + "/" + gateway.Metadata.Name);
                foreach (var host in hostIds) edges.Add(new Edge(from, host, string.Empty, false));
            }

            string? previous = null;
            for (var i = 0; i < vs.Spec.Http.Count; i++)
            {
                var rule = vs.Spec.Http[i];
                var ruleId = Add("rule", vsKey + "#" + i.ToString(CultureInfo.InvariantCulture), RuleLabel(vs, rule, i), "rule");

                // Rules are tried in order: the hosts lead to the first, each rule's "no match" to the next.
                if (previous is null) foreach (var host in hostIds) edges.Add(new Edge(host, ruleId, string.Empty, false));
                else edges.Add(new Edge(previous, ruleId, "else", false));
                previous = ruleId;
                foreach (var d in rule.Route)
                {
                    var target = Target(mesh, vs, d.Destination);
                    var weight = rule.Route.Count > 1 || d.Weight is not null ? (d.Weight ?? 0).ToString(CultureInfo.InvariantCulture) + "%" : string.Empty;
                    edges.Add(new Edge(ruleId, Add("dest", target, target, "destination"), weight, false));
                }

                if (rule.Mirror is { } mirror)
                {
                    var target = Target(mesh, vs, mirror);
                    edges.Add(new Edge(ruleId, Add("dest", target, target, "destination"), "mirror " + Percent(rule.MirrorPercentage), true));
                }

                foreach (var m in rule.Mirrors)
                {
                    var target = Target(mesh, vs, m.Destination);
                    edges.Add(new Edge(ruleId, Add("dest", target, target, "destination"), "mirror " + Percent(m.Percentage), true));
                }

                if (rule.Delegate is { } del)
                {
                    var child = mesh.NamespaceOf(del.Namespace ?? vs.Metadata.Namespace) + "/" + del.Name;
                    edges.Add(new Edge(ruleId, Add("host", "delegate " + child, "delegate " + child, "host"), "delegate", false));
                }
            }
        }

        return (order, edges.Distinct().ToList());
    }

    /// <summary>
    /// The same graph as an SVG picture, laid out in columns (gateways, hosts, rules in order, destinations), so docs can show
    /// it without a renderer. Sizes are estimated from the labels' lengths; the output is deterministic.
    /// </summary>
    public static string Svg(Mesh mesh)
    {
        const int charWidth = 7, boxHeight = 28, rowGap = 18, columnGap = 90, margin = 20;
        var (nodes, edges) = BuildInOrder(mesh);
        var columns = new[] { "gateway", "host", "rule", "destination" }.Select(shape => nodes.Where(n => n.Shape == shape).ToList()).ToArray();
        var widths = columns.Select(c => c.Count == 0 ? 0 : c.Max(n => n.Label.Length * charWidth + 20)).ToArray();
        var height = columns.Max(c => c.Count) * (boxHeight + rowGap) + 2 * margin;
        var boxes = new Dictionary<string, (int X, int Y, int W)>(System.StringComparer.Ordinal);
        var x = margin;
        for (var c = 0; c < columns.Length; c++)
        {
            if (columns[c].Count == 0) continue;
            var top = (height - (columns[c].Count * (boxHeight + rowGap) - rowGap)) / 2;
            for (var r = 0; r < columns[c].Count; r++) boxes[columns[c][r].Id] = (x, top + r * (boxHeight + rowGap), widths[c]);
            x += widths[c] + columnGap;
        }

        var width = x - columnGap + margin;
        var sb = new StringBuilder();
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").Append(width).Append("\" height=\"").Append(height)
          .Append("\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height).Append("\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"12\">\n")
          .Append("  <defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>\n")
          .Append("  <rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        foreach (var edge in edges)
        {
            var (fx, fy, fw) = boxes[edge.From];
            var (tx, ty, _) = boxes[edge.To];
            string path;
            int lx, ly;
            if (fx == tx)
            {
                // Within a column (a rule's "else" to the next rule): down the left side.
                path = $"M {fx + 12} {fy + boxHeight} L {tx + 12} {ty}";
                (lx, ly) = (fx + 16, (fy + boxHeight + ty) / 2 + 4);
            }
            else
            {
                var (sx, sy, ex, ey) = (fx + fw, fy + boxHeight / 2, tx, ty + boxHeight / 2);
                path = $"M {sx} {sy} C {sx + columnGap / 2} {sy}, {ex - columnGap / 2} {ey}, {ex} {ey}";

                // Near the target, above the line's end, where edges into one box no longer cross.
                (lx, ly) = (ex - columnGap / 4, ey - 6);
            }

            sb.Append("  <path d=\"").Append(path).Append("\" fill=\"none\" stroke=\"#555\" marker-end=\"url(#arrow)\"").Append(edge.Dashed ? " stroke-dasharray=\"5,4\"" : string.Empty).Append("/>\n");
            if (edge.Label.Length > 0) sb.Append("  <text x=\"").Append(lx).Append("\" y=\"").Append(ly).Append("\" font-size=\"11\" fill=\"#333\" text-anchor=\"").Append(fx == tx ? "start" : "middle").Append("\">").Append(Xml(edge.Label)).Append("</text>\n");
        }

        foreach (var node in nodes)
        {
            var (bx, by, bw) = boxes[node.Id];
            var (fill, radius) = node.Shape switch { "gateway" => ("#fde9c9", 0), "host" => ("#d7e8fb", 14), "rule" => ("#eeeeee", 4), _ => ("#dff3df", 0) };
            sb.Append("  <rect x=\"").Append(bx).Append("\" y=\"").Append(by).Append("\" width=\"").Append(bw).Append("\" height=\"").Append(boxHeight)
              .Append("\" rx=\"").Append(radius).Append("\" fill=\"").Append(fill).Append("\" stroke=\"#777\"/>\n");
            sb.Append("  <text x=\"").Append(bx + bw / 2).Append("\" y=\"").Append(by + boxHeight / 2 + 4).Append("\" text-anchor=\"middle\">").Append(Xml(node.Label)).Append("</text>\n");
        }

        return sb.Append("</svg>\n").ToString();
    }

    /// <summary>Text as XML allows it: markup escaped, and characters XML 1.0 has no place for (controls, lone surrogates) as U+FFFD.</summary>
    private static string Xml(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
                continue;
            }

            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ when (c < 0x20 && c != '\t') || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' => "\uFFFD",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    private static string RuleLabel(VirtualService vs, HttpRoute rule, int index)
    {
        var label = new StringBuilder(vs.Metadata.Name).Append(" #").Append((index + 1).ToString(CultureInfo.InvariantCulture));
        if (rule.Name is not null) label.Append(' ').Append(rule.Name);
        label.Append(": ").Append(rule.Match.IsEmpty ? "all" : string.Join(" or ", rule.Match.Select(Match)));
        if (rule.Fault?.Delay is { } delay) label.Append(", delay ").Append(delay.FixedDelay ?? delay.ExponentialDelay).Append(' ').Append(Percent(delay.Percentage ?? delay.Percent));
        if (rule.Fault?.Abort is { } abort) label.Append(", abort ").Append(abort.HttpStatus?.ToString(CultureInfo.InvariantCulture) ?? abort.GrpcStatus ?? abort.Http2Error).Append(' ').Append(Percent(abort.Percentage));
        if (rule.Redirect is { } redirect) label.Append(", redirect ").Append(redirect.Authority).Append(redirect.Uri);
        if (rule.DirectResponse is { } response) label.Append(", respond ").Append(response.Status.ToString(CultureInfo.InvariantCulture));
        if (rule.Rewrite?.Uri is { } uri) label.Append(", rewrite ").Append(uri);
        if (rule.Timeout is { } timeout) label.Append(", timeout ").Append(timeout);
        return label.ToString();
    }

    private static string Match(HttpMatchRequest m)
    {
        var parts = new List<string>();
        if (m.Uri is { } uri) parts.Add("uri " + Describe(uri));
        if (m.Method is { } method) parts.Add("method " + Describe(method));
        if (m.Authority is { } authority) parts.Add("authority " + Describe(authority));
        if (m.Scheme is { } scheme) parts.Add("scheme " + Describe(scheme));
        parts.AddRange(m.Headers.Select(h => h.Name + " " + Describe(h.Match)));
        parts.AddRange(m.QueryParams.Select(q => "?" + q.Name + " " + Describe(q.Match)));
        parts.AddRange(m.WithoutHeaders.Select(h => "no " + h.Name));
        if (m.Port is { } port) parts.Add("port " + port.ToString(CultureInfo.InvariantCulture));
        parts.AddRange(m.SourceLabels.Select(l => "from " + l.Key + "=" + l.Value));
        if (m.SourceNamespace is { } ns) parts.Add("from ns " + ns);
        parts.AddRange(m.Gateways.Select(g => "via " + g));
        return parts.Count == 0 ? "all" : string.Join(" and ", parts);
    }

    private static string Describe(StringMatch match) => match.Kind switch
    {
        StringMatchKind.Exact => "= " + match.Value,
        StringMatchKind.Prefix => match.Value + "*",
        _ => "~ " + match.Value,
    };

    private static string Target(Mesh mesh, VirtualService vs, Destination d) =>
        (d.Host.IndexOf('.') < 0 ? d.Host + "." + mesh.NamespaceOf(vs.Metadata.Namespace) : d.Host) + (d.Subset is null ? string.Empty : " " + d.Subset) + (d.Port is { } port ? ":" + port.ToString(CultureInfo.InvariantCulture) : string.Empty);

    private static string Percent(double? value) => (value ?? 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";

    /// <summary>An identifier both notations accept: letters, digits and underscores, unique per key.</summary>
    private static string Id(string key)
    {
        var sb = new StringBuilder(key.Length + 9);
        foreach (var c in key) sb.Append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
        // Two keys can differ only in the characters replaced: a short hash of the key keeps their ids apart.
        unchecked
        {
            var hash = 2166136261u;
            foreach (var c in key) hash = (hash ^ c) * 16777619u;
            sb.Append('_').Append(hash.ToString("x8", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";
}
