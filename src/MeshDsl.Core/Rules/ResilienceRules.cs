using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MeshDsl.Istio;
using MeshDsl.Model;
using static MeshDsl.Rules.ModelWalk;

namespace MeshDsl.Rules;

/// <summary>MESH201-MESH206: the seed's advice on retries and timeouts.</summary>
internal static class ResilienceRules
{
    private static readonly string[] UnsafeTokens = { "503", "5xx", "reset" };

    public static IEnumerable<Finding> Check(RuleScope d)
    {
        foreach (var vs in VirtualServices(d))
        {
            foreach (var route in vs.Spec.Http)
            {
                var name = RuleName(vs, route);
                var writes = HttpMethods.ExplicitNonIdempotent(route);
                var retry = route.Retries;
                var retries = retry is { Attempts: > 0 };
                var forwards = !route.Route.IsEmpty || route.Delegate is not null;

                // MESH201: a rule that targets writes and retries them.
                if (retries && writes is { Length: > 0 })
                    yield return Finding(RuleIds.RetriesOnNonIdempotent, retry!.Origin, "attempts", name, string.Join(", ", writes));

                // MESH202: a rule that serves every method retries on statuses a write may already have caused.
                if (retry is { Attempts: > 0, RetryOn: { } retryOn } && writes is null)
                {
                    var unsafeTokens = retryOn.Where(UnsafeTokens.Contains).ToArray();
                    if (unsafeTokens.Length > 0) yield return Finding(RuleIds.UnsafeRetryOn, retry.Origin, "retryOn", name, string.Join(",", unsafeTokens));
                }

                // MESH206: writes without a retry policy get Istio's default of 2 attempts.
                if (retry is null && forwards && writes is { Length: > 0 })
                    yield return Finding(RuleIds.DefaultRetriesOnNonIdempotent, route.Origin, string.Empty, name, string.Join(", ", writes));

                if (retry is not { Attempts: > 0 }) continue;

                // MESH203: the tries must fit the rule's timeout.
                if (retry.PerTryTimeout is { } perTry && route.Timeout is { } timeout
                    && IstioDuration.Validate(perTry, out var perTryNs) == IstioDuration.Problem.None
                    && IstioDuration.Validate(timeout, out var timeoutNs) == IstioDuration.Problem.None)
                {
                    var tries = (long)retry.Attempts + 1;
                    if (perTryNs * tries > timeoutNs)
                    {
                        var fits = IstioDuration.Format(decimal.Floor(timeoutNs / tries / 1_000_000m) * 1_000_000m);
                        yield return Finding(RuleIds.RetryBudget, retry.Origin, "perTryTimeout",
                            N(tries), perTry, IstioDuration.Format(perTryNs * tries), timeout, fits) with { Fix = fits };
                    }
                }

                // MESH204
                if (retry.Attempts > 3)
                    yield return Finding(RuleIds.TooManyAttempts, retry.Origin, "attempts", N(retry.Attempts));

                // MESH205
                if (retry.RetryOn?.Contains(RetryConditions.Retriable4xx) == true)
                    yield return Finding(RuleIds.Retriable4xx, retry.Origin, "retryOn");
            }
        }
    }
}
