using System.Text;
using MeshDsl.Canary;
using MeshDsl.Model;
using MeshDsl.Tests.Support;

namespace MeshDsl.Tests;

/// <summary>
/// docs/canary.md: the seed's rollout declared once (samples/Canary) beside what each engine gets, generated from the sample so
/// the page cannot drift from the code.
/// </summary>
public class CanaryDocsTests
{
    [Fact]
    public void The_canary_page_shows_the_declaration_beside_each_engines_yaml()
    {
        var page = Path.Combine(Paths.RepoRoot, "docs", "canary.md");
        var expected = Render();
        if (Baseline.Updating)
        {
            File.WriteAllText(page, expected);
            return;
        }

        Assert.True(File.Exists(page), $"{page} is missing: run the tests with MESHDSL_UPDATE_BASELINES=1");
        Assert.True(File.ReadAllText(page).Replace("\r\n", "\n") == expected, $"{page} is out of date: run the tests with MESHDSL_UPDATE_BASELINES=1 and review the diff");
    }

    private static string Render()
    {
        var sources = TestCompilation.Sample("Canary");
        var csharp = sources.Single(s => s.Path.EndsWith("Reviews.cs", StringComparison.Ordinal)).Text.Replace("\r\n", "\n").TrimEnd();
        var sb = new StringBuilder();
        sb.Append("# Progressive canaries\n\n")
          .Append("A canary moves a service's traffic from its stable subset to a new one step by step, checks the new version's health between ")
          .Append("steps, and sends everything back to the stable subset when a check fails. In MeshDsl it is one declaration on the ")
          .Append("`[MeshService]` class: `[Canary<TStable, TCanary>]` with the steps, `[CanarySuccessRate]`, `[CanaryLatency]` and ")
          .Append("`[CanaryQuery]` for the checks, `[CanaryWebhook]` for a load test or an acceptance test. Units are in the names: a success ")
          .Append("rate is a percentage (99), a latency is a duration (\"500ms\"), a percentile is 1-99.9.\n\n")
          .Append("What runs it is the project's choice, the MSBuild property `MeshDslCanaryEngine`:\n\n")
          .Append("| Engine | What MeshDsl writes | What runs the rollout |\n|---|---|---|\n")
          .Append("| `Steps` (the default) | The service's resources as declared (the start: stable 100, canary 0), and apart, in `canary-steps/<service>/`, one VirtualService per step and the rollback | Your pipeline: it applies one step after another, one pull request at a time, and runs the checks itself |\n")
          .Append("| `Flagger` | A Flagger `Canary` (and `MetricTemplate`s for checks Flagger has no built-in metric for), in place of the VirtualService, DestinationRule and Service Flagger generates | Flagger, with its Istio provider |\n")
          .Append("| `ArgoRollouts` | The VirtualService (stable 100, canary 0) and DestinationRule as Argo expects them, a `Rollout` taking its pod template from the canary's Deployment (`workloadRef`), and an `AnalysisTemplate` | Argo Rollouts, with its Istio traffic router |\n\n")
          .Append("```xml\n<PropertyGroup>\n  <MeshDslCanaryEngine>Flagger</MeshDslCanaryEngine>\n</PropertyGroup>\n```\n\n")
          .Append("The same declaration builds with each engine; the rules ([MESH701-MESH712](rules/README.md)) say what one engine would run differently ")
          .Append("than it reads: routing Flagger drops (MESH704), a route Argo cannot name (MESH705), checks with no traffic to measure (MESH707), ")
          .Append("weights on a canary route that Flagger or Argo Rollouts replace with their own 0% start (MESH712; Steps starts from them).\n\n")
          .Append("## The seed's rollout, declared once\n\n")
          .Append("`samples/Canary/Reviews.cs` is the seed's canary walkthrough and its `canary-rollout.sh` (fixtures 22 to 26): both versions, their ")
          .Append("DestinationRule, steps of 5, 10, 25, 50, 75 and 100% five minutes apart, and a rollback after one failed check of the script's ")
          .Append("two, error rate under 1% and P99 latency under 500 ms. It adds what the script lacks: a load test, and a minimum request count.\n\n")
          .Append("```csharp\n").Append(csharp).Append("\n```\n\n")
          .Append("The health queries select the canary's own requests, as its sidecar reports them (`reporter=\"destination\"` and the canary's ")
          .Append("workload or version). The seed's query measures the whole service: at a 5% step, a canary failing 10% of its requests shows as ")
          .Append("0.5% and passes a 1% threshold.\n\n");

        Engine(sb, sources, "Steps", "`dotnet build` (or `-p:MeshDslCanaryEngine=Steps`) writes the start as the service's VirtualService, and each stage apart. "
            + "They are equal to the seed's fixtures 24, 25-* and 26. The stages name their namespace (`default` when the service names none), "
            + "so applying one never depends on the current kubectl context; they are in no kustomization and no `all.yaml`, so applying the "
            + "output folder applies the start only. Apply `canary-steps/<service>/step-NNN.yaml` in turn, run the checks below between "
            + "steps, and apply `rollback.yaml` when one fails.");
        StepsChecks(sb, sources);
        Engine(sb, sources, "Flagger", "`-p:MeshDslCanaryEngine=Flagger`. Flagger generates the service's VirtualService, its `-primary` and `-canary` "
            + "DestinationRules and Services, so MeshDsl writes none of them; the routing it can carry (match, retries, timeout, rewrite, headers, "
            + "CORS, gateways, hosts, the traffic policy within its schema) goes into the Canary. The seed's TCP connection limit is one it cannot "
            + "carry: MESH704 says so. The success rate and the P99 latency are Flagger's built-in metrics; the request count is a MetricTemplate.");
        Engine(sb, sources, "ArgoRollouts", "`-p:MeshDslCanaryEngine=ArgoRollouts`. The Rollout takes its pod template from the canary subset's "
            + "Deployment and gives the canary's pods the canary subset's labels and the stable ones the stable subset's (`canaryMetadata`, "
            + "`stableMetadata`), so the DestinationRule's subsets and the version Istio reports stay true. Each step is a `setWeight` and a "
            + "`pause` of the step interval; the analysis runs in the background from the first step, one measurement per interval, so that "
            + "`FailedChecks` counts failures across the whole rollout as Flagger's threshold does (an inline `analysis` step judges its step "
            + "alone). A check passes on an empty result or NaN (no request: nothing failed), and the request count is the check that fails "
            + "when there was too little traffic to judge.");

        sb.Append("## What is not modelled\n\n")
          .Append("- Flagger's A/B testing (`analysis.iterations` with `match`), blue/green, session affinity and alerts; Argo's blue/green, experiments and header-based steps.\n")
          .Append("- Webhooks are Flagger's: with Argo Rollouts and Steps they are reported (MESH710, information) and not written.\n")
          .Append("- With Flagger and Argo Rollouts, the controller runs the stable version (Flagger's primary, the Rollout's stable ReplicaSet): the stable subset's own Deployment is not written (MESH710, information); once the Rollout is healthy, `workloadRef.scaleDown: onsuccess` scales down the canary's Deployment it copies.\n")
          .Append("- Istio's `destination_version` comes from the pods' `version` label as they start: with Argo Rollouts, pods promoted from canary to stable keep reporting the canary's version until they restart.\n");
        return sb.ToString().TrimEnd() + "\n";
    }

    private static void Engine(StringBuilder sb, (string Path, string Text)[] sources, string engine, string intro)
    {
        var manifests = TestCompilation.Run(TestCompilation.Create(sources), TestCompilation.Driver(canaryEngine: engine)).Manifests();
        sb.Append("## ").Append(engine).Append("\n\n").Append(intro).Append("\n\n");
        foreach (var (file, yaml) in manifests)
        {
            sb.Append("```yaml\n# ").Append(file).Append('\n').Append(string.Join("\n", yaml.Split('\n').Skip(1)).TrimEnd()).Append("\n```\n\n");
        }
    }

    /// <summary>The checks a Steps pipeline runs between steps: the queries Argo's analysis would run, with their pass conditions.</summary>
    private static void StepsChecks(StringBuilder sb, (string Path, string Text)[] sources)
    {
        var declaration = TestCompilation.Declarations(TestCompilation.Create(sources)).Single(d => d.Service?.Canary is not null);
        var plan = CanaryPlan.Of(declaration.Service!, declaration.Service!.Canary!);
        sb.Append("Between steps, a Steps pipeline queries Prometheus (`").Append(plan.Canary.Prometheus).Append("`) and goes on when each ")
          .Append("condition holds for the first value of the result:\n\n| Check | Query | Passes when |\n|---|---|---|\n");
        foreach (var metric in ArgoMetrics.Of(plan))
        {
            sb.Append("| ").Append(metric.Name).Append(" | `").Append(metric.Query.Replace("|", "\\|")).Append("` | `")
              .Append(metric.SuccessCondition.Replace("|", "\\|")).Append("` |\n");
        }

        sb.Append('\n');
    }
}
