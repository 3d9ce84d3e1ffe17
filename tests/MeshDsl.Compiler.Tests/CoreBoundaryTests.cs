namespace MeshDsl.Tests;

/// <summary>The core (model, rules, YAML) never reaches Roslyn, so the CLI and other front ends can use it without a compiler.</summary>
public class CoreBoundaryTests
{
    [Fact]
    public void MeshDsl_Core_references_no_Roslyn_assembly()
    {
        var core = typeof(MeshDsl.Model.Finding).Assembly;
        Assert.Equal("MeshDsl.Core", core.GetName().Name);
        var references = core.GetReferencedAssemblies().Select(a => a.Name!).ToArray();
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        Assert.Contains("YamlDotNet", references);
    }

    [Fact]
    public void The_rules_the_yaml_writer_and_the_workload_reader_live_in_the_core()
    {
        var core = typeof(MeshDsl.Model.Finding).Assembly;
        foreach (var type in new[] { typeof(MeshDsl.Rules.PolicyRules), typeof(MeshDsl.Yaml.YamlWriter), typeof(MeshDsl.Emit.ManifestEmitter), typeof(MeshDsl.Workloads.WorkloadYaml), typeof(MeshDsl.Istio.IstioDuration) })
        {
            Assert.Same(core, type.Assembly);
        }
    }
}
