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
    /// <summary>The rules that read a service, or one object, alone, in the order their findings are listed.</summary>
    private static readonly Func<RuleScope, IEnumerable<Finding>>[] PerScope =
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

    /// <summary>What a service and the objects written for it show on their own.</summary>
    public static IEnumerable<Finding> Evaluate(ServiceInfo service) => Evaluate(RuleScope.Of(service));

    /// <summary>What an object of its own (not written for a service) shows on its own.</summary>
    public static IEnumerable<Finding> Evaluate(Resource resource) => Evaluate(RuleScope.Of(resource));

    private static IEnumerable<Finding> Evaluate(RuleScope scope)
    {
        foreach (var rule in PerScope)
        {
            foreach (var finding in rule(scope)) yield return Placed(finding, scope.Origin);
        }
    }

    /// <summary>A finding about no node in particular is the service's, or the object's.</summary>
    public static Finding Placed(Finding finding, SourceRef origin) =>
        finding.Origin == SourceRef.None ? finding with { Origin = origin } : finding;

    /// <summary>What only the whole mesh shows: references and conflicts between services and objects, and the workloads behind them.</summary>
    /// <param name="defaultNamespace">The namespace of resources whose C# names none (the MeshDslNamespace property), or null for "default".</param>
    /// <param name="hosts">Services and ServiceEntries read from YAML: with them, hosts that none defines are reported.</param>
    /// <param name="namespaces">Namespaces read from YAML: their labels decide which workloads are in the mesh.</param>
    public static IEnumerable<Finding> EvaluateMesh(IReadOnlyList<ServiceInfo> services, IReadOnlyList<Resource> resources, IReadOnlyList<Workload> workloads, string? defaultNamespace = null, IReadOnlyList<HostDefinition>? hosts = null, IReadOnlyList<K8sNamespace>? namespaces = null) =>
        EvaluateMesh(new Mesh(services, resources, workloads, defaultNamespace ?? "default", hosts, namespaces));

    public static IEnumerable<Finding> EvaluateMesh(Mesh mesh) => MeshRules.Check(mesh).Concat(WorkloadRules.Check(mesh)).Concat(RateLimitRules.CheckMesh(mesh)).Concat(GlobalRateLimitRules.CheckMesh(mesh)).Concat(CanaryRules.CheckMesh(mesh)).Concat(ServiceAssociationRules.Check(mesh));
}
