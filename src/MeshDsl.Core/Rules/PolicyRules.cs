using System.Collections.Generic;
using System.Linq;
using MeshDsl.Model;

namespace MeshDsl.Rules;

/// <summary>
/// Every policy rule, as plain code over the model: the analyzers, a future CLI and the tests all call this.
/// </summary>
internal static class PolicyRules
{
    /// <summary>What one declaration shows on its own.</summary>
    public static IEnumerable<Finding> Evaluate(MeshDeclaration declaration) =>
        declaration.Findings
            .Concat(declaration.Resources.SelectMany(DurationRule.Check))
            .Concat(ValidationRules.Check(declaration))
            .Concat(ServiceEntryRules.Check(declaration))
            .Concat(RateLimitRules.Check(declaration))
            .Concat(EnvoyFilterRules.Check(declaration))
            .Concat(RateLimitConfigRules.Check(declaration))
            .Concat(ImageRules.Check(declaration))
            .Concat(RoutingRules.Check(declaration))
            .Concat(ResilienceRules.Check(declaration))
            .Concat(TrafficPolicyRules.Check(declaration))
            .Concat(HeaderRules.Check(declaration))
            .Concat(RouteSettingRules.Check(declaration))
            .Concat(TrafficPolicyValidity.Check(declaration))
            .Concat(GatewayRules.Check(declaration))
            .Concat(WorkloadValidity.Check(declaration))
            .Concat(CanaryRules.Check(declaration))
            .Select(f => f.Origin == SourceRef.None ? f with { Origin = declaration.Origin } : f); // a finding about no node in particular is the declaration's

    /// <summary>What only the whole mesh shows: references and conflicts between declarations, and the workloads behind them.</summary>
    /// <param name="defaultNamespace">The namespace of resources whose C# names none (the MeshDslNamespace property), or null for "default".</param>
    /// <param name="hosts">Services and ServiceEntries read from YAML: with them, hosts that none defines are reported.</param>
    public static IEnumerable<Finding> EvaluateMesh(IReadOnlyList<MeshDeclaration> declarations, IReadOnlyList<Workload> workloads, string? defaultNamespace = null, IReadOnlyList<HostDefinition>? hosts = null) =>
        EvaluateMesh(new Mesh(declarations, workloads, defaultNamespace ?? "default", hosts));

    public static IEnumerable<Finding> EvaluateMesh(Mesh mesh) => MeshRules.Check(mesh).Concat(WorkloadRules.Check(mesh)).Concat(RateLimitRules.CheckMesh(mesh)).Concat(GlobalRateLimitRules.CheckMesh(mesh)).Concat(CanaryRules.CheckMesh(mesh));
}
