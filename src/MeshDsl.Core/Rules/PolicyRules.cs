using System;
using System.Collections.Generic;
using System.Linq;
using MeshDsl.Model;

namespace MeshDsl.Rules;

/// <summary>
/// Every policy rule, as plain code over the model: the analyzers, a future CLI and the tests all call this.
/// </summary>
internal static class PolicyRules
{
    /// <summary>The rules that read one declaration alone, in the order their findings are listed.</summary>
    private static readonly Func<MeshDeclaration, IEnumerable<Finding>>[] PerDeclaration =
    {
        static d => d.Resources.SelectMany(DurationRule.Check),
        ValidationRules.Check,
        ServiceEntryRules.Check,
        RateLimitRules.Check,
        EnvoyFilterRules.Check,
        RateLimitConfigRules.Check,
        ImageRules.Check,
        RoutingRules.Check,
        ResilienceRules.Check,
        TrafficPolicyRules.Check,
        HeaderRules.Check,
        RouteSettingRules.Check,
        TrafficPolicyValidity.Check,
        GatewayRules.Check,
        WorkloadValidity.Check,
        CanaryRules.Check,
    };

    /// <summary>What one declaration shows on its own: what its front end could not read, then each rule's findings.</summary>
    public static IEnumerable<Finding> Evaluate(MeshDeclaration declaration)
    {
        foreach (var finding in declaration.Findings) yield return Placed(finding, declaration);
        foreach (var rule in PerDeclaration)
        {
            foreach (var finding in rule(declaration)) yield return Placed(finding, declaration);
        }
    }

    // A finding about no node in particular is the declaration's.
    private static Finding Placed(Finding finding, MeshDeclaration declaration) =>
        finding.Origin == SourceRef.None ? finding with { Origin = declaration.Origin } : finding;

    /// <summary>What only the whole mesh shows: references and conflicts between declarations, and the workloads behind them.</summary>
    /// <param name="defaultNamespace">The namespace of resources whose C# names none (the MeshDslNamespace property), or null for "default".</param>
    /// <param name="hosts">Services and ServiceEntries read from YAML: with them, hosts that none defines are reported.</param>
    /// <param name="namespaces">Namespaces read from YAML: their labels decide which workloads are in the mesh.</param>
    public static IEnumerable<Finding> EvaluateMesh(IReadOnlyList<MeshDeclaration> declarations, IReadOnlyList<Workload> workloads, string? defaultNamespace = null, IReadOnlyList<HostDefinition>? hosts = null, IReadOnlyList<K8sNamespace>? namespaces = null) =>
        EvaluateMesh(new Mesh(declarations, workloads, defaultNamespace ?? "default", hosts, namespaces));

    public static IEnumerable<Finding> EvaluateMesh(Mesh mesh) => MeshRules.Check(mesh).Concat(WorkloadRules.Check(mesh)).Concat(RateLimitRules.CheckMesh(mesh)).Concat(GlobalRateLimitRules.CheckMesh(mesh)).Concat(CanaryRules.CheckMesh(mesh)).Concat(ServiceAssociationRules.Check(mesh));
}
