using System.Globalization;
using System.Linq;
using System.Text;
using MeshDsl.Model;

namespace MeshDsl.Simulation;

/// <summary>A decision as a person reads it at 3 AM: where the request went, through which rule, and why not the rules before.</summary>
internal static class Explanation
{
    public static string Render(SimulatedRequest request, RouteDecision decision)
    {
        var sb = new StringBuilder();
        sb.Append(request.Method).Append(' ').Append(request.Scheme).Append("://").Append(request.Authority).Append(request.Path)
          .Append(" (port ").Append(request.Port.ToString(CultureInfo.InvariantCulture)).Append(", ")
          .Append(request.Gateway is null ? "from namespace " + request.SourceNamespace : "through gateway " + request.Gateway).Append(")\n");
        foreach (var note in decision.Notes) sb.Append("  note: ").Append(note).Append('\n');
        if (decision.VirtualService is { } vs)
        {
            sb.Append("  VirtualService: ").Append(Id(vs)).Append(" (host ").Append(decision.Fqdn).Append(")\n");
            if (decision.Delegate is { } child) sb.Append("  delegated to: ").Append(Id(child)).Append('\n');
        }

        foreach (var miss in decision.Skipped)
        {
            sb.Append("  rule ").Append(RuleName(miss.Index, miss.Name)).Append(" did not match: ").Append(string.Join("; ", miss.Reasons)).Append('\n');
        }

        if (decision.Rule is { } rule)
        {
            sb.Append("  matched rule ").Append(RuleName(decision.RuleIndex!.Value, rule.Name));
            sb.Append(decision.MatchIndex is >= 0 && rule.Match.Count > 1 ? " (match " + (decision.MatchIndex.Value + 1).ToString(CultureInfo.InvariantCulture) + ")" : rule.Match.IsEmpty ? " (no match conditions: every request)" : string.Empty).Append('\n');
        }

        sb.Append("  outcome: ").Append(Outcome(decision)).Append('\n');
        foreach (var d in decision.Destinations)
        {
            sb.Append("  -> ").Append(d.Fqdn).Append(d.Destination.Subset is { } subset ? " subset " + subset : string.Empty)
              .Append(d.Destination.Port is { } port ? ":" + port.ToString(CultureInfo.InvariantCulture) : string.Empty)
              .Append(", weight ").Append(d.Weight.ToString(CultureInfo.InvariantCulture)).Append('\n');
            if (d.Policy is { } policy)
            {
                if (policy.LoadBalancer?.Simple is { } lb) sb.Append("     load balancer: ").Append(lb).Append('\n');
                if (policy.LoadBalancer?.ConsistentHash is not null) sb.Append("     load balancer: consistent hash\n");
                if (policy.ConnectionPool is { } pool) sb.Append("     connection pool: ").Append(Pool(pool)).Append('\n');
                if (policy.OutlierDetection is { } od) sb.Append("     outlier detection: ").Append(od.Consecutive5xxErrors?.ToString(CultureInfo.InvariantCulture) ?? "default").Append(" consecutive 5xx eject for ").Append(od.BaseEjectionTime ?? "30s").Append('\n');
                if (policy.Tls?.Mode is { } mode) sb.Append("     TLS: ").Append(mode).Append('\n');
            }
            else if (d.DestinationRule is null)
            {
                sb.Append("     no DestinationRule: round robin, Istio's connection defaults\n");
            }
        }

        if (decision.Rule is { } r && decision.Outcome == RouteOutcome.Routed)
        {
            sb.Append("  timeout: ").Append(decision.Timeout).Append('\n');
            sb.Append("  retries: ").Append(decision.Retries).Append('\n');
            if (r.Fault?.Delay is { } delay) sb.Append("  fault: delay ").Append(delay.FixedDelay ?? delay.ExponentialDelay).Append(" for ").Append(Percent(delay.Percentage)).Append(" of requests\n");
            if (r.Fault?.Abort is { } abort) sb.Append("  fault: abort with ").Append(abort.HttpStatus?.ToString(CultureInfo.InvariantCulture) ?? abort.GrpcStatus ?? abort.Http2Error).Append(" for ").Append(Percent(abort.Percentage)).Append(" of requests\n");
            if (r.Mirror is { } mirror) sb.Append("  mirror: ").Append(mirror.Host).Append(mirror.Subset is null ? string.Empty : " subset " + mirror.Subset).Append(", ").Append(Percent(r.MirrorPercentage)).Append('\n');
            foreach (var m in r.Mirrors) sb.Append("  mirror: ").Append(m.Destination.Host).Append(m.Destination.Subset is null ? string.Empty : " subset " + m.Destination.Subset).Append(", ").Append(Percent(m.Percentage)).Append('\n');
            if (r.Rewrite is { } rewrite) sb.Append("  rewrite: ").Append(rewrite.Uri is null ? string.Empty : "uri " + rewrite.Uri + " ").Append(rewrite.Authority is null ? string.Empty : "authority " + rewrite.Authority).Append(rewrite.UriRegexRewrite is null ? string.Empty : "regex " + rewrite.UriRegexMatch + " -> " + rewrite.UriRegexRewrite).Append('\n');
            Headers(sb, "request headers", r.Headers?.Request);
            Headers(sb, "response headers", r.Headers?.Response);
        }

        return sb.ToString();
    }

    private static string Outcome(RouteDecision decision) => decision.Outcome switch
    {
        RouteOutcome.Routed => "routed",
        RouteOutcome.DefaultRouting => "Kubernetes' default routing (no VirtualService for the host)",
        RouteOutcome.Redirected => decision.Rule?.Redirect is { } redirect
            ? "redirect " + (redirect.RedirectCode ?? 301).ToString(CultureInfo.InvariantCulture) + " to " + (redirect.Scheme is null ? string.Empty : redirect.Scheme + "://") + (redirect.Authority ?? string.Empty) + (redirect.Uri ?? redirect.PrefixRewrite ?? string.Empty)
            : "redirect 301 to https",
        RouteOutcome.DirectResponse => "direct response " + decision.Rule!.DirectResponse!.Status.ToString(CultureInfo.InvariantCulture),
        RouteOutcome.NoRoute => "no route: 404",
        _ => "refused at the gateway",
    };

    private static void Headers(StringBuilder sb, string what, HeaderOperations? ops)
    {
        if (ops is null) return;
        foreach (var op in ops.Set) sb.Append("  ").Append(what).Append(": set ").Append(op.Name).Append(": ").Append(op.Value).Append('\n');
        foreach (var op in ops.Add) sb.Append("  ").Append(what).Append(": add ").Append(op.Name).Append(": ").Append(op.Value).Append('\n');
        foreach (var op in ops.Remove) sb.Append("  ").Append(what).Append(": remove ").Append(op.Name).Append('\n');
    }

    private static string Pool(ConnectionPoolSettings pool) => string.Join(", ", new[]
    {
        pool.Tcp?.MaxConnections is { } c ? "max " + c.ToString(CultureInfo.InvariantCulture) + " connections" : null,
        pool.Http?.Http1MaxPendingRequests is { } p ? "max " + p.ToString(CultureInfo.InvariantCulture) + " pending" : null,
        pool.Http?.Http2MaxRequests is { } r ? "max " + r.ToString(CultureInfo.InvariantCulture) + " requests" : null,
    }.Where(x => x is not null));

    private static string Percent(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) + "%" : "100%";

    private static string RuleName(int index, string? name) => "#" + (index + 1).ToString(CultureInfo.InvariantCulture) + (name is null ? string.Empty : " '" + name + "'");

    private static string Id(VirtualService vs) => (vs.Metadata.Namespace is null ? string.Empty : vs.Metadata.Namespace + "/") + vs.Metadata.Name;
}
