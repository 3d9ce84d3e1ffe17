using MeshDsl.Helpers;
using MeshDsl.Model;
using MeshDsl.Rules;

namespace MeshDsl.Tests.Fuzz;

/// <summary>The workload rules' index selects exactly the workloads a scan of the namespace selects, in the order they were read.</summary>
public class PodIndexPropertyTests
{
    private static readonly string[] Namespaces = { "shop", "billing", "default" };
    private static readonly Label[] Labels =
    {
        new("app", "reviews"), new("app", "ratings"), new("version", "v1"), new("version", "v2"), new("version", "v3"), new("tier", "web"), new("app", ""),
    };

    [Fact]
    public void The_index_selects_what_a_scan_selects()
    {
        var random = new Random(20261203);
        for (var round = 0; round < 500; round++)
        {
            // Namespaces left unset (the default one), labels repeated on one pod, workloads with no labels at all.
            var workloads = Enumerable.Range(0, random.Next(30)).Select(i => new Workload(
                "Deployment", "w" + i, random.Next(4) == 0 ? null : Namespaces[random.Next(Namespaces.Length)],
                Enumerable.Range(0, random.Next(4)).Select(_ => Labels[random.Next(Labels.Length)]).ToEquatableArray(), "file.yaml:" + i)).ToArray();
            var index = new PodIndex(workloads, "default");
            for (var query = 0; query < 10; query++)
            {
                var ns = Namespaces[random.Next(Namespaces.Length)];
                var required = Enumerable.Range(0, random.Next(4)).Select(_ => Labels[random.Next(Labels.Length)]).ToArray();
                var scanned = workloads.Where(w => (w.Namespace ?? "default") == ns && required.All(l => w.PodLabels.Contains(l))).ToArray();
                var selected = index.Selected(ns, required);
                Assert.True(scanned.SequenceEqual(selected, ReferenceEqualityComparer.Instance),
                    $"{ns} [{string.Join(", ", required.Select(l => l.Key + "=" + l.Value))}]: scan {string.Join(" ", scanned.Select(w => w.Name))}, index {string.Join(" ", selected.Select(w => w.Name))}");
            }
        }
    }
}
