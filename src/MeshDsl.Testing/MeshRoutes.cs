using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using MeshDsl.Emit;
using MeshDsl.Model;
using MeshDsl.Simulation;
using MeshDsl.YamlFrontEnd;

namespace MeshDsl.Testing;

/// <summary>
/// A project's mesh, loaded from the manifests the generator embedded in its assembly, for routing tests:
/// <code>
/// var mesh = MeshRoutes.Load(typeof(Reviews).Assembly);
/// var result = mesh.Send(MeshRequest.To&lt;Reviews&gt;("/api/reviews").WithHeader("x-user-group", "beta"));
/// Assert.True(result.GoesTo&lt;Reviews.V2&gt;(), result.Explanation);
/// </code>
/// Routing follows Istio's semantics as <c>meshdsl explain</c> documents them.
/// </summary>
public sealed class MeshRoutes
{
    private readonly Mesh _mesh;
    private readonly Dictionary<string, ServiceDescription> _services;
    private readonly Dictionary<(string Host, string? Namespace, string Subset), Type> _subsetTypes = new();
    private readonly Dictionary<string, Type> _types;

    private MeshRoutes(Mesh mesh, Dictionary<string, ServiceDescription> services, Assembly assembly)
    {
        _mesh = mesh;
        _services = services;
        _types = assembly.GetTypes().GroupBy(t => (t.FullName ?? t.Name).Replace('+', '.')).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var service in services.Values)
        {
            foreach (var subset in service.SubsetsByType)
            {
                if (_types.TryGetValue(subset.Key, out var type)) _subsetTypes[(service.Host, service.Namespace, subset.Value)] = type;
            }
        }
    }

    /// <summary>Every manifest MeshDsl generated into <paramref name="meshAssembly"/>, read as the YAML front end reads files.</summary>
    public static MeshRoutes Load(Assembly meshAssembly)
    {
        if (meshAssembly is null) throw new ArgumentNullException(nameof(meshAssembly));
        // The manifests applied together: not a canary's stages (each applied alone, in its turn) nor the opt-in graph, which
        // are written below the folder (a '/' in their names).
        var manifests = Manifest.All(meshAssembly).Where(m => m.FileName.EndsWith(".yaml", StringComparison.Ordinal) && m.FileName.IndexOf('/') < 0).ToList();
        if (manifests.Count == 0) throw new InvalidOperationException($"{meshAssembly.GetName().Name} holds no MeshDsl manifests: is it the mesh project, built with the MeshDsl generator?");
        var read = IstioYamlReader.Read(meshAssembly.GetName().Name + ".manifests", string.Join("---\n", manifests.Select(m => m.Yaml)), new YamlOrigins());
        var services = meshAssembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SelectMany(a => ManifestKey.Entries(a.Key, a.Value))
            .Where(e => e.Key.StartsWith(ManifestKey.ServicePrefix, StringComparison.Ordinal))
            .ToDictionary(e => e.Key.Substring(ManifestKey.ServicePrefix.Length), e => ServiceDescription.Parse(e.Value), StringComparer.Ordinal);
        return new MeshRoutes(new Mesh(Array.Empty<ServiceInfo>(), read.Resources, Array.Empty<Workload>(), "default"), services, meshAssembly);
    }

    public RouteResult Send(MeshRequest request)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        string authority;
        int port;
        string? serviceNamespace = null;
        if (request.Service is { } type)
        {
            var name = (type.FullName ?? type.Name).Replace('+', '.');
            if (!_services.TryGetValue(name, out var service)) throw new ArgumentException($"{type.Name} is not a [MeshService] class of this mesh", nameof(request));
            serviceNamespace = service.Namespace;
            authority = service.Host.IndexOf('.') < 0 && service.Namespace is { } ns ? service.Host + "." + ns : service.Host;
            port = service.Port ?? 80;
        }
        else
        {
            authority = request.Authority!;
            port = request.Port ?? 80;
        }

        var simulated = SimulatedRequest.Create(authority, port, request.Method, request.Path, request.Scheme, request.Headers, request.SourceLabels,
            request.SourceNamespace ?? serviceNamespace ?? "default", request.Gateway);
        var decision = Simulator.Route(_mesh, simulated);
        var destinations = decision.Destinations.Select(d => new RoutedTo(d.Fqdn, d.Destination.Subset, SubsetType(d), d.Weight)).ToList();
        return new RouteResult(
            decision.Outcome.ToString(),
            decision.VirtualService?.Metadata.Name,
            decision.Rule is null ? null : decision.Rule.Name ?? "#" + (decision.RuleIndex!.Value + 1),
            destinations,
            Explanation.Render(simulated, decision));
    }

    /// <summary>
    /// Runs routing test cases written for <c>meshdsl test</c> (istio-config-validator's format) against this mesh, so the same
    /// files can gate both the YAML in CI and the project's own tests.
    /// </summary>
    public IReadOnlyList<RoutingTestResult> RunTestCases(string casesYaml, string fileName = "cases.yaml")
    {
        if (casesYaml is null) throw new ArgumentNullException(nameof(casesYaml));
        var cases = RoutingTestCaseReader.Read(fileName, casesYaml, out var error);
        if (error is not null) throw new FormatException(error);
        return RoutingTestRunner.Run(_mesh, cases).Select(r => new RoutingTestResult(r.Case.Description, r.Passed, r.Requests, r.Failure)).ToList();
    }

    private Type? SubsetType(RoutedDestination d)
    {
        if (d.Destination.Subset is not { } subset) return null;
        foreach (var entry in _subsetTypes)
        {
            var (host, ns, name) = entry.Key;
            if (name == subset && _mesh.Fqdn(host, ns) == d.Fqdn) return entry.Value;
        }

        return null;
    }
}
