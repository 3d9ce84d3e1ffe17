using System.Collections.Immutable;
using MeshDsl.Model;
using Microsoft.CodeAnalysis;

namespace MeshDsl.FrontEnd;

/// <summary>Turns C# references (a subset, service, gateway or VirtualService class) into the names Istio uses.</summary>
internal static class TargetResolver
{
    public const string DestinationExpectation = "a [Subset], [MeshService] or [ServiceEntry] class: route to one of those, or use the *Host form of the attribute for a host outside the model";

    /// <summary>A subset class gives its service's host and the subset; a service class gives its host.</summary>
    public static Destination? Destination(ITypeSymbol? target, int? port, ParseContext context, SourceRef origin, string field)
    {
        if (target is not INamedTypeSymbol named)
        {
            return null;
        }

        if (context.Targets.TryGetValue(named, out var known))
        {
            if (known is not { } hit)
            {
                context.Report(RuleIds.UnknownReference, origin, field, named.ToDisplayString(), DestinationExpectation);
                return null;
            }

            return new Destination(Qualify(hit.Host, hit.Namespace, context.OwnerNamespace), hit.Subset, port);
        }

        string? subset = null;
        var serviceType = named;
        var subsetAttribute = ParseContext.Find(ParseContext.Read(named), AttributeNames.Subset);
        if (subsetAttribute.MetadataName.Length > 0)
        {
            subset = subsetAttribute.String("name");
            serviceType = named.ContainingType;
        }

        var service = serviceType is null ? default : ParseContext.Find(ParseContext.Read(serviceType), AttributeNames.MeshService);
        if (subset is null && service.MetadataName.Length == 0 && ParseContext.Find(ParseContext.Read(named), AttributeNames.ServiceEntry) is { MetadataName.Length: > 0 } entry)
        {
            // A ServiceEntry's hosts are names clients use as written (FQDNs): its first host, never qualified.
            var hosts = entry.Strings("Hosts");
            if (hosts.IsEmpty)
            {
                context.Targets[named] = null;
                context.Report(RuleIds.UnknownReference, origin, field, named.ToDisplayString(), "a [ServiceEntry] with Hosts: give it the host to route to");
                return null;
            }

            context.Targets[named] = (hosts[0], null, null);
            return new Destination(hosts[0], null, port);
        }

        if (service.MetadataName.Length == 0)
        {
            context.Targets[named] = null;
            context.Report(RuleIds.UnknownReference, origin, field, named.ToDisplayString(), DestinationExpectation);
            return null;
        }

        var host = ParseContext.NullIfEmpty(service.String("Host")) ?? service.String("name") ?? string.Empty;
        var targetNamespace = ParseContext.NullIfEmpty(service.String("Namespace"));
        context.Targets[named] = (host, subset, targetNamespace);
        return new Destination(Qualify(host, targetNamespace, context.OwnerNamespace), subset, port);
    }

    /// <summary>A short host in another namespace than the referring resource's needs its FQDN.</summary>
    public static string Qualify(string host, string? targetNamespace, string? ownerNamespace) =>
        targetNamespace is not null && targetNamespace != ownerNamespace && host.IndexOf('.') < 0
            ? host + "." + targetNamespace + ".svc.cluster.local"
            : host;

    /// <summary>Gateway references: <c>name</c>, or <c>namespace/name</c> when the gateway lives elsewhere; then external names; then <c>mesh</c>.</summary>
    public static ImmutableArray<string> Gateways(AttributeReader a, ParseContext context, SourceRef origin)
    {
        var builder = ImmutableArray.CreateBuilder<string>();
        var types = a.Types("Gateways");
        for (var i = 0; i < types.Length; i++)
        {
            var type = types[i];
            var gateway = ParseContext.Find(ParseContext.Read(type), AttributeNames.Gateway);
            if (gateway.MetadataName.Length == 0)
            {
                context.Report(RuleIds.UnknownReference, origin, Finding.Element("gateways", i), type.ToDisplayString(), "a [Gateway] class: bind to one, or name a gateway outside the model in ExternalGateways");
                continue;
            }

            var ns = ParseContext.NullIfEmpty(gateway.String("Namespace"));
            var name = gateway.String("name") ?? string.Empty;
            builder.Add(ns is not null && ns != context.OwnerNamespace ? ns + "/" + name : name);
        }

        builder.AddRange(a.Strings("ExternalGateways"));
        if (a.Bool("Mesh") == true) builder.Add("mesh");
        return builder.ToImmutable();
    }

    /// <summary>A delegate target: a [VirtualService] class.</summary>
    public static Model.Delegate? Delegate(ITypeSymbol? target, ParseContext context, SourceRef origin)
    {
        if (target is null) return null;
        var vs = ParseContext.Find(ParseContext.Read(target), AttributeNames.VirtualService);
        if (vs.MetadataName.Length == 0)
        {
            context.Report(RuleIds.UnknownReference, origin, "target", target.ToDisplayString(), "a [VirtualService] class: delegate to a VirtualService declared without hosts");
            return null;
        }

        return new Model.Delegate(vs.String("name") ?? string.Empty, ParseContext.NullIfEmpty(vs.String("Namespace")), origin);
    }
}
