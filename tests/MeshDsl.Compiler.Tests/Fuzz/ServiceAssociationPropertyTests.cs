using MeshDsl.Helpers;
using MeshDsl.Model;
using MeshDsl.Rules;

namespace MeshDsl.Tests.Fuzz;

/// <summary>
/// MESH506 and MESH507 on random meshes report what istioctl's algorithm reports, written here as it is in
/// <c>deployment/services.go</c>: every Service scanned for every in-mesh Deployment, ports and target ports grouped.
/// </summary>
public class ServiceAssociationPropertyTests
{
    private static readonly string[] Namespaces = { "shop", "default" };
    private static readonly Label[] PodLabels = { new("app", "a"), new("app", "b"), new("version", "v1"), new("sidecar.istio.io/inject", "true"), new("sidecar.istio.io/inject", "false") };
    private static readonly string[] Protocols = { string.Empty, "TCP", "UDP" };

    [Fact]
    public void The_rules_report_what_a_scan_of_every_Service_reports()
    {
        var random = new Random(20261203);
        var fired = new HashSet<string>();
        for (var round = 0; round < 400; round++)
        {
            var workloads = Enumerable.Range(0, random.Next(6)).Select(i => new Workload(
                random.Next(5) == 0 ? "StatefulSet" : "Deployment", "w" + i, random.Next(3) == 0 ? null : Namespaces[random.Next(Namespaces.Length)],
                new[] { PodLabels[random.Next(2)] }.Concat(Enumerable.Range(0, random.Next(3)).Select(_ => PodLabels[random.Next(PodLabels.Length)])).Distinct().ToEquatableArray(), "w" + i)
            {
                HasIstioProxy = random.Next(6) == 0,
            }).ToArray();
            var services = Enumerable.Range(0, random.Next(5)).Select(i =>
            {
                var count = random.Next(1, 3);
                var ports = Enumerable.Range(0, count).Select(_ => random.Next(2) == 0 ? 53 : 80).ToArray();
                return new HostDefinition("Service", "s" + i, random.Next(3) == 0 ? null : Namespaces[random.Next(Namespaces.Length)], new[] { "s" + i }.ToEquatableArray(), ports.ToEquatableArray(), "s" + i)
                {
                    Selector = random.Next(6) == 0 ? EquatableArray<Label>.Empty : new[] { PodLabels[random.Next(2)] }.ToEquatableArray(),
                    ServicePorts = ports.Select(port => new ServicePort(string.Empty, port, random.Next(3) == 0 ? null : 8080)
                    {
                        TargetPortName = random.Next(4) == 0 ? "http" : null,
                        Protocol = Protocols[random.Next(Protocols.Length)] is { Length: > 0 } protocol ? protocol : null,
                    }).ToEquatableArray(),
                };
            }).ToArray();
            var namespaces = random.Next(3) > 0 ? new[] { new K8sNamespace("shop", new[] { new Label("istio-injection", random.Next(3) > 0 ? "enabled" : "disabled") }.ToEquatableArray(), "ns") } : Array.Empty<K8sNamespace>();
            var mesh = new Mesh(Array.Empty<ServiceInfo>(), Array.Empty<Resource>(), workloads, "default", services, namespaces);

            var expected = Scan(mesh).ToArray();
            var actual = ServiceAssociationRules.Check(mesh).Select(f => f.RuleId + " " + string.Join(" | ", f.MessageArgs)).ToArray();
            Assert.True(expected.SequenceEqual(actual), $"round {round}:\nexpected\n{string.Join("\n", expected)}\nactual\n{string.Join("\n", actual)}");
            fired.UnionWith(actual.Select(a => a.Substring(0, 7)));
        }

        // The random meshes reach both rules, not only their quiet case.
        Assert.Equal(new[] { "MESH506", "MESH507" }, fired.OrderBy(x => x, StringComparer.Ordinal).ToArray());
    }

    private static IEnumerable<string> Scan(Mesh mesh)
    {
        foreach (var w in mesh.Workloads.Where(w => w.Kind == "Deployment"))
        {
            var ns = w.Namespace ?? "default";
            var inject = w.PodLabels.Where(l => l.Key == "sidecar.istio.io/inject").Select(l => l.Value).FirstOrDefault();
            var inMesh = w.HasIstioProxy || (inject is not null ? inject == "true"
                : mesh.Namespaces.TryGetValue(ns, out var n) && n.Labels.Any(l => l.Key == "istio-injection" && l.Value == "enabled"));
            if (!inMesh) continue;

            var ports = new List<(string Service, int Port, string Protocol, string Target)>();
            foreach (var s in mesh.HostDefinitions)
            {
                if (s.Selector.IsEmpty || !s.Selector.All(w.PodLabels.Contains) || (s.Namespace ?? "default") != ns) continue;
                foreach (var p in s.ServicePorts)
                {
                    var target = p.TargetPortName ?? (p.TargetPort ?? p.Port).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    ports.Add(((s.Namespace ?? "default") + "/" + s.Name, p.Port, p.Protocol ?? "TCP", target));
                }
            }

            foreach (var port in ports.Select(p => p.Port).Distinct().OrderBy(p => p))
            {
                var same = ports.Where(p => p.Port == port).ToArray();
                if (same.Select(p => p.Protocol).Distinct().Count() > 1)
                    yield return $"MESH506 {w.Name} | {port} | {string.Join(", ", same.Select(p => p.Service + " (" + p.Protocol + ")").Distinct().OrderBy(x => x, StringComparer.Ordinal))}";
            }

            foreach (var target in ports.Select(p => p.Target).Distinct().OrderBy(t => t, StringComparer.Ordinal))
            {
                var same = ports.Where(p => p.Target == target).ToArray();
                var numbers = same.Select(p => p.Port).Distinct().OrderBy(p => p).ToArray();
                if (numbers.Length > 1)
                    yield return $"MESH507 {w.Name} | {string.Join(", ", same.Select(p => p.Service).Distinct().OrderBy(x => x, StringComparer.Ordinal))} | {target} | {string.Join(", ", numbers)}";
            }
        }
    }
}
