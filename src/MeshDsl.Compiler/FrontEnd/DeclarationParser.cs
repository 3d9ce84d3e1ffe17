using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using MeshDsl.Helpers;
using MeshDsl.Model;
using Microsoft.CodeAnalysis;

namespace MeshDsl.FrontEnd;

/// <summary>
/// The C# front end: reads a class marked <c>[MeshService]</c>, <c>[VirtualService]</c> or <c>[Gateway]</c> (with the
/// classes nested in it) into the model. It never throws on user input: whatever cannot be understood becomes a
/// <see cref="Finding"/> for the analyzers to report, and the generator emits what it could read.
/// </summary>
internal static class DeclarationParser
{
    public static readonly ImmutableArray<string> DeclarationAttributes =
        ImmutableArray.Create(AttributeNames.MeshService, AttributeNames.VirtualService, AttributeNames.Gateway, AttributeNames.ServiceEntry, AttributeNames.RateLimitService);

    /// <param name="attributeChecks">
    /// Whether to run <see cref="AttributeChecks"/>: the analyzers need its findings, the generator (which emits resources and
    /// never reports) does not, and skipping it keeps the generator's per-edit transform cheap.
    /// </param>
    public static CSharpDeclaration? Parse(INamedTypeSymbol type, CancellationToken cancellationToken, bool attributeChecks = true)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var attributes = ParseContext.Read(type);
        var declarations = attributes.Where(a => DeclarationAttributes.Contains(a.MetadataName)).ToArray();
        if (declarations.Length == 0) return null;

        // A class is one declaration: the first declaration attribute decides; any other is reported (MESH012).
        var primary = declarations[0];
        var declaration = primary.MetadataName switch
        {
            AttributeNames.MeshService => ParseService(type, primary, attributes),
            AttributeNames.VirtualService => ParseVirtualService(type, primary),
            AttributeNames.ServiceEntry => ParseServiceEntry(type, primary, attributes),
            AttributeNames.RateLimitService => RateLimitServiceParser.Parse(type, primary),
            _ => ParseGateway(type, primary, attributes),
        };
        var checks = new List<Finding>();
        if (attributeChecks) AttributeChecks.Check(type, primary.MetadataName, checks);
        if (checks.Count > 0) declaration = declaration with { Findings = declaration.Findings.Concat(checks).ToEquatableArray() };
        if (declarations.Length == 1) return declaration;

        var sourceType = ParseContext.TypeName(type);
        var extra = declarations.Skip(1).Select(a => new Finding(RuleIds.SeveralDeclarations, new SourceRef(sourceType, a.Index), string.Empty,
            ImmutableArray.Create(sourceType, Short(primary.MetadataName), Short(a.MetadataName))));
        return declaration with { Findings = declaration.Findings.Concat(extra).ToEquatableArray() };
    }

    /// <summary>The attribute that makes the class a declaration, or <c>default</c>.</summary>
    public static AttributeReader PrimaryAttribute(INamedTypeSymbol type)
    {
        foreach (var attribute in ParseContext.Read(type))
        {
            if (DeclarationAttributes.Contains(attribute.MetadataName)) return attribute;
        }

        return default;
    }

    /// <summary>
    /// One resource per kind, namespace and name: Kubernetes keeps one object per identity, and the generator one output per
    /// file name. A second one (two [Deployment]s of one name) is reported where it is declared and left out.
    /// </summary>
    internal static List<Resource> Distinct(IEnumerable<Resource> resources, ParseContext context)
    {
        var seen = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        var result = new List<Resource>();
        foreach (var resource in resources)
        {
            if (seen.Add(Emit.ManifestFiles.FileName(resource)))
            {
                result.Add(resource);
                continue;
            }

            var (at, field) = resource switch
            {
                K8sDeployment deployment => (deployment.Spec.Origin, "Name"),
                EnvoyFilter filter => (filter.Spec.Origin, "Name"),
                _ => (SourceRef.None, string.Empty),
            };
            context.Report(RuleIds.Duplicate, at, field,
                $"{resource.Kind} '{resource.Metadata.Name}' is declared twice in this declaration: Kubernetes keeps one object per name, so this one would be lost; give it another Name");
        }

        return result;
    }

    private static string Short(string metadataName) => metadataName.Substring("MeshDsl.".Length).Replace("Attribute", string.Empty);

    private static CSharpDeclaration ParseService(INamedTypeSymbol type, AttributeReader service, AttributeReader[] attributes)
    {
        var sourceType = ParseContext.TypeName(type);
        var origin = new SourceRef(sourceType, service.Index);
        var name = service.String("name") ?? string.Empty;
        var ns = ParseContext.NullIfEmpty(service.String("Namespace"));
        var host = ParseContext.NullIfEmpty(service.String("Host")) ?? name;
        var context = new ParseContext(ns);
        var meta = new ObjectMeta(name, ns);
        var exportTo = service.Strings("ExportTo");

        var selector = service.IsSet("Selector") ? ParseContext.Labels(service.Strings("Selector")) : ImmutableArray.Create(new Label("app", name));
        var servicePort = service.Int("Port");
        var subsets = new List<Subset>();
        var subsetTypes = new Dictionary<ITypeSymbol, string>(SymbolEqualityComparer.Default);
        var deployments = new List<Resource>();
        foreach (var nested in ParseContext.NestedInOrder(type))
        {
            var nestedAttributes = ParseContext.Read(nested);
            var subset = ParseContext.Find(nestedAttributes, AttributeNames.Subset);
            if (subset.MetadataName.Length == 0) continue;
            var subsetType = ParseContext.TypeName(nested);
            var subsetName = subset.String("name") ?? string.Empty;
            var labels = subset.IsSet("Labels")
                ? ParseContext.Labels(subset.Strings("Labels"))
                : ImmutableArray.Create(new Label("version", subsetName));
            subsets.Add(new Subset(subsetName, labels, PolicyParser.Parse(subsetType, nestedAttributes, context), new SourceRef(subsetType, subset.Index)));
            subsetTypes[nested] = subsetName;
            if (WorkloadParser.Deployment(nestedAttributes, origin, subsetType, name, ns, subsetName, selector, labels, servicePort) is { } deployment)
            {
                deployments.Add(deployment);
            }
        }

        var resources = new List<Resource>();
        var policy = PolicyParser.Parse(sourceType, attributes, context);
        if (subsets.Count > 0 || policy is not null)
        {
            resources.Add(new DestinationRule(meta, origin, new DestinationRuleSpec(
                host, policy, subsets.ToEquatableArray(), exportTo, ParseContext.Labels(service.Strings("WorkloadSelector")))));
        }

        var routes = RouteParser.Parse(type, context);
        if (!routes.IsEmpty)
        {
            var gateways = TargetResolver.Gateways(service, context, origin);
            resources.Add(new VirtualService(meta, origin, new VirtualServiceSpec(
                ImmutableArray.Create(host), gateways, routes.Http, routes.Tls, routes.Tcp, exportTo)));
            var virtualHost = ns is not null && service.Int("Port") is { } vhostPort
                ? TargetResolver.Qualify(host, ns, null) + ":" + vhostPort.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : null;
            resources.AddRange(RateLimitParser.PerRoute(type, meta, gateways, service, context, virtualHost));
        }

        var ports = service.Ints("Ports").ToList();
        if (service.Int("Port") is { } port && !ports.Contains(port)) ports.Insert(0, port);
        if (deployments.Count == 0 && service.IsSet("PortName"))
        {
            context.Report(RuleIds.MisplacedAttribute, origin, "PortName", "MeshService.PortName", type.Name,
                "a service without [Deployment]s: PortName names the port of the Kubernetes Service MeshDsl emits beside Deployments, and there is none");
        }

        if (deployments.Count > 0)
        {
            resources.AddRange(deployments);
            resources.Add(WorkloadParser.Service(meta, origin, selector, ports, ParseContext.NullIfEmpty(service.String("PortName")), deployments.OfType<K8sDeployment>()));
        }

        if (RateLimitParser.Local(attributes, sourceType, meta, selector, "SIDECAR_INBOUND") is { } rateLimit) resources.Add(rateLimit);

        var info = new ServiceInfo(name, ns, host, ports.ToEquatableArray(), origin, selector)
        {
            Canary = CanaryParser.Parse(attributes, sourceType, subsetTypes, context),
            Resources = Distinct(resources, context).ToEquatableArray(),
        };
        return new CSharpDeclaration(sourceType, origin, EquatableArray<Resource>.Empty, context.Findings.ToEquatableArray(), info);
    }

    private static CSharpDeclaration ParseVirtualService(INamedTypeSymbol type, AttributeReader vs)
    {
        var sourceType = ParseContext.TypeName(type);
        var origin = new SourceRef(sourceType, vs.Index);
        var ns = ParseContext.NullIfEmpty(vs.String("Namespace"));
        var context = new ParseContext(ns);
        var routes = RouteParser.Parse(type, context);
        var meta = new ObjectMeta(vs.String("name") ?? string.Empty, ns);
        var gateways = TargetResolver.Gateways(vs, context, origin);
        var resource = new VirtualService(meta, origin, new VirtualServiceSpec(
            vs.Strings("Hosts"), gateways, routes.Http, routes.Tls, routes.Tcp, vs.Strings("ExportTo")));
        var resources = ImmutableArray.Create<Resource>(resource).AddRange(RateLimitParser.PerRoute(type, meta, gateways, vs, context));
        return new CSharpDeclaration(sourceType, origin, Distinct(resources, context).ToEquatableArray(), context.Findings.ToEquatableArray());
    }

    private static CSharpDeclaration ParseGateway(INamedTypeSymbol type, AttributeReader gateway, AttributeReader[] gatewayAttributes)
    {
        var sourceType = ParseContext.TypeName(type);
        var origin = new SourceRef(sourceType, gateway.Index);
        var ns = ParseContext.NullIfEmpty(gateway.String("Namespace"));
        var context = new ParseContext(ns);
        var servers = new List<Server>();
        var portNames = new HashSet<string>(System.StringComparer.Ordinal);
        var nestedTypes = ParseContext.NestedInOrder(type);

        // Explicit port names are taken first; a default one (the protocol) gets the port number when the protocol repeats.
        foreach (var nested in nestedTypes)
        {
            var server = ParseContext.Find(ParseContext.Read(nested), AttributeNames.Server);
            if (ParseContext.NullIfEmpty(server.String("PortName")) is { } explicitName && !portNames.Add(explicitName))
            {
                context.Report(RuleIds.Duplicate, new SourceRef(ParseContext.TypeName(nested), server.Index), "PortName",
                    $"Port name '{explicitName}' is used by another server of this gateway: Istio requires port names to be unique across servers");
            }
        }

        foreach (var nested in nestedTypes)
        {
            var attributes = ParseContext.Read(nested);
            var server = ParseContext.Find(attributes, AttributeNames.Server);
            if (server.MetadataName.Length == 0) continue;
            var serverType = ParseContext.TypeName(nested);
            var protocol = IstioNames.ServerProtocol(server.Enum("protocol") ?? -1) ?? "HTTP";
            var portNumber = server.Int("port") ?? 0;
            var portName = ParseContext.NullIfEmpty(server.String("PortName")) ?? DefaultPortName(protocol.ToLowerInvariant(), portNumber, portNames);
            var port = new ServerPort(portNumber, protocol, portName, server.Int("TargetPort"));
            servers.Add(new Server(
                port,
                server.String("Bind"),
                server.Strings("Hosts"),
                ServerTls(attributes, serverType),
                server.String("DefaultEndpoint"),
                server.String("Name"),
                new SourceRef(serverType, server.Index)));
        }

        var meta = new ObjectMeta(gateway.String("name") ?? string.Empty, ns);
        var selector = ParseContext.Labels(gateway.Strings("Selector"));
        var resources = ImmutableArray.Create<Resource>(new Gateway(meta, origin, new GatewaySpec(selector, servers.ToEquatableArray())));
        if (RateLimitParser.Local(gatewayAttributes, sourceType, meta, selector, "GATEWAY") is { } rateLimit) resources = resources.Add(rateLimit);
        return new CSharpDeclaration(sourceType, origin, Distinct(resources, context).ToEquatableArray(), context.Findings.ToEquatableArray());
    }

    private static CSharpDeclaration ParseServiceEntry(INamedTypeSymbol type, AttributeReader entry, AttributeReader[] attributes)
    {
        var sourceType = ParseContext.TypeName(type);
        var origin = new SourceRef(sourceType, entry.Index);
        var ns = ParseContext.NullIfEmpty(entry.String("Namespace"));
        var context = new ParseContext(ns);
        var ports = attributes.Where(a => a.MetadataName == AttributeNames.ServiceEntryPort)
            .Select(p => new ServiceEntryPort(p.Int("number") ?? 0, IstioNames.ServerProtocol(p.Enum("protocol") ?? -1) ?? string.Empty, p.String("name") ?? string.Empty,
                p.Int("TargetPort"), new SourceRef(sourceType, p.Index)))
            .ToEquatableArray();
        var endpoints = attributes.Where(a => a.MetadataName == AttributeNames.ServiceEntryEndpoint)
            .Select(e => new WorkloadEntry(
                e.String("address"),
                EndpointPorts(e, new SourceRef(sourceType, e.Index), context),
                ParseContext.Labels(e.Strings("Labels")),
                ParseContext.NullIfEmpty(e.String("Network")),
                ParseContext.NullIfEmpty(e.String("Locality")),
                e.Int("Weight"),
                ParseContext.NullIfEmpty(e.String("ServiceAccount")),
                new SourceRef(sourceType, e.Index)))
            .ToEquatableArray();
        var spec = new ServiceEntrySpec(
            entry.Strings("Hosts"),
            entry.Strings("Addresses"),
            ports,
            entry.Enum("Location") is { } location ? IstioNames.ServiceEntryLocation(location) : null,
            entry.Enum("Resolution") is { } resolution ? IstioNames.ServiceEntryResolution(resolution) : null,
            endpoints,
            ParseContext.Labels(entry.Strings("WorkloadSelector")),
            entry.Strings("ExportTo"),
            entry.Strings("SubjectAltNames"),
            origin);
        var resource = new ServiceEntry(new ObjectMeta(entry.String("name") ?? string.Empty, ns), origin, spec);
        return new CSharpDeclaration(sourceType, origin, ImmutableArray.Create<Resource>(resource), context.Findings.ToEquatableArray());
    }

    /// <summary><c>name=number</c> pairs; one whose number is not an integer is reported (a pair without '=' is MESH004's).</summary>
    private static EquatableArray<EndpointPort> EndpointPorts(AttributeReader endpoint, SourceRef origin, ParseContext context)
    {
        var pairs = endpoint.Strings("Ports");
        var result = new List<EndpointPort>(pairs.Length);
        for (var i = 0; i < pairs.Length; i++)
        {
            var eq = pairs[i].IndexOf('=');
            if (eq < 0) continue;
            if (int.TryParse(pairs[i].Substring(eq + 1), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                result.Add(new EndpointPort(pairs[i].Substring(0, eq), number));
            }
            else
            {
                context.Report(RuleIds.UnwritableValue, origin, Finding.Element("Ports", i), pairs[i], "Ports", "an endpoint port is 'name=number', with a port number from 1 to 65535");
            }
        }

        return result.ToEquatableArray();
    }

    /// <summary>The protocol's name (<c>http</c>), or, when another server has it, the protocol and port (<c>http-8080</c>).</summary>
    private static string DefaultPortName(string protocol, int port, HashSet<string> taken)
    {
        var name = protocol;
        if (!taken.Add(name))
        {
            name = protocol + "-" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            for (var i = 2; !taken.Add(name); i++) name = protocol + "-" + port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }

    private static ServerTlsSettings? ServerTls(AttributeReader[] attributes, string sourceType)
    {
        var tls = ParseContext.Find(attributes, AttributeNames.ServerTls);
        var certificates = attributes
            .Where(a => a.MetadataName == AttributeNames.ServerTlsCertificate)
            .Select(a => new TlsCertificate(a.String("serverCertificate"), a.String("privateKey"), a.String("CaCertificates"), new SourceRef(sourceType, a.Index)))
            .ToEquatableArray();
        if (tls.MetadataName.Length == 0 && certificates.IsEmpty) return null;
        return new ServerTlsSettings(
            tls.Bool("HttpsRedirect"),
            tls.Enum("mode") is { } mode ? IstioNames.ServerTlsMode(mode) : null,
            tls.String("ServerCertificate"),
            tls.String("PrivateKey"),
            tls.String("CaCertificates"),
            tls.String("CaCrl"),
            tls.String("CredentialName"),
            tls.Strings("CredentialNames"),
            certificates,
            tls.Strings("SubjectAltNames"),
            tls.Strings("VerifyCertificateSpki"),
            tls.Strings("VerifyCertificateHash"),
            tls.Enum("MinProtocolVersion") is { } min ? IstioNames.TlsProtocolVersion(min) : null,
            tls.Enum("MaxProtocolVersion") is { } max ? IstioNames.TlsProtocolVersion(max) : null,
            tls.Strings("CipherSuites"),
            tls.Strings("EcdhCurves"),
            tls.Bool("InsecureSkipVerify"),
            tls.String("CaCertCredentialName"),
            tls.MetadataName.Length > 0 ? new SourceRef(sourceType, tls.Index) : certificates[0].Origin);
    }
}
