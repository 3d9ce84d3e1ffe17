using System.Collections.Generic;
using MeshDsl.Model;

namespace MeshDsl.Rules;

/// <summary>
/// Every policy rule, as plain code over the model: the analyzers, a future CLI and the tests all call this.
/// </summary>
internal static class PolicyRules
{
    public static IEnumerable<Finding> Evaluate(MeshDeclaration declaration)
    {
        foreach (var finding in declaration.Findings) yield return finding;
        foreach (var resource in declaration.Resources)
        {
            foreach (var finding in DurationRule.Check(resource)) yield return finding;
        }
    }
}
