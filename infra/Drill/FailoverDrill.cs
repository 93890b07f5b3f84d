using System.Collections.Immutable;
using Infra.Plan;

namespace Infra.Drill;

/// <summary>
/// Simulates DNS failover on a stack's plan: for each combination of endpoints down (or one given
/// set), which endpoint DNS answers with, whether anything up is answered, and how long clients of a
/// failed endpoint wait (its check's interval × failures to notice, plus the TTL of the answer they
/// cached). It reads the planned resources themselves — Route 53 records and health checks, Traffic
/// Manager profiles and endpoints — so it drills what would be deployed.
/// </summary>
public static class FailoverDrill
{
    /// <summary>Above this many endpoints, only single and double failures and all-down are simulated.</summary>
    public const int MaxEndpointsForEveryCombination = 10;

    /// <summary>Every DNS name in <paramref name="plan"/> that chooses its answer by endpoint health.</summary>
    public static ImmutableArray<DrillTarget> Targets(StackPlan plan)
        => [.. Route53PlanReader.Read(plan), .. TrafficManagerPlanReader.Read(plan)];

    /// <summary>
    /// Drills every DNS name of <paramref name="plan"/>: every combination of endpoints down, or, when
    /// <paramref name="down"/> is given, the all-up case and that set (names of other DNS names are
    /// ignored for each).
    /// </summary>
    public static ImmutableArray<DrillResult> Run(StackPlan plan, IReadOnlyCollection<string>? down = null)
        => [.. Targets(plan).Select(target => Run(target, down))];

    /// <summary>Drills one DNS name; see <see cref="Run(StackPlan, IReadOnlyCollection{string})"/>.</summary>
    public static DrillResult Run(DrillTarget target, IReadOnlyCollection<string>? down = null)
    {
        var names = target.Endpoints.Select(e => e.Name).ToImmutableArray();
        IEnumerable<ImmutableArray<string>> sets = down is null
            ? Combinations(names)
            : [ImmutableArray<string>.Empty, [.. names.Where(down.Contains)]];
        return new DrillResult(target, [.. sets.Distinct(SetComparer.Instance).Select(set => Simulate(target, set))]);
    }

    /// <summary>What DNS does for <paramref name="target"/> while the endpoints in <paramref name="down"/> are down.</summary>
    public static DrillScenario Simulate(DrillTarget target, IReadOnlyCollection<string> down)
    {
        var before = Answers(target, []).Answers;
        var (answers, failOpen) = Answers(target, down);
        var isDown = (DrillEndpoint e) => down.Contains(e.Name);
        var serving = answers.Where(e => !isDown(e)).ToList();
        var unnoticed = answers.Where(e => isDown(e) && !e.Monitored).ToList();
        var moved = before.Where(isDown).ToList();

        int? seconds = null;
        // Clients move only when something up is answered and DNS noticed every failure they saw.
        if (moved.Count > 0 && serving.Count > 0 && moved.All(e => e.Monitored && e.DetectionSeconds is not null))
            seconds = moved.Max(e => e.DetectionSeconds!.Value + e.TtlSeconds);

        return new DrillScenario(
            [.. target.Endpoints.Where(isDown).Select(e => e.Name)],
            [.. answers.Select(e => e.Name)],
            failOpen,
            [.. serving.Select(e => e.Name)],
            [.. moved.Select(e => e.Name)],
            seconds,
            [.. unnoticed.Select(e => e.Name)]);
    }

    /// <summary>
    /// The answer once DNS has noticed the failures it can notice. An endpoint nothing checks is
    /// always healthy to DNS. When every endpoint looks down, Route 53 and Traffic Manager both treat
    /// them all as healthy rather than answer nothing ("fail open").
    /// </summary>
    private static (IReadOnlyList<DrillEndpoint> Answers, bool FailOpen) Answers(DrillTarget target, IReadOnlyCollection<string> down)
    {
        var all = target.Endpoints;
        var healthy = all.Where(e => !(down.Contains(e.Name) && e.Monitored)).ToList();
        var failOpen = healthy.Count == 0;
        var candidates = failOpen ? all.ToList() : healthy;
        IReadOnlyList<DrillEndpoint> answers = target.Routing switch
        {
            DrillRouting.Failover => [candidates.OrderBy(e => e.Priority).First()],
            // Weight 0 is a reserve that Route 53 uses only when no weighted endpoint is healthy.
            DrillRouting.Weighted => candidates.Any(e => e.Weight > 0) ? [.. candidates.Where(e => e.Weight > 0)] : candidates,
            _ => candidates,
        };
        return (answers, failOpen);
    }

    private static IEnumerable<ImmutableArray<string>> Combinations(ImmutableArray<string> names)
    {
        var n = names.Length;
        for (var size = 0; size <= n; size++)
        {
            if (n > MaxEndpointsForEveryCombination && size > 2 && size < n)
                continue;
            foreach (var combination in Choose(names, size, 0))
                yield return combination;
        }
    }

    private static IEnumerable<ImmutableArray<string>> Choose(ImmutableArray<string> names, int size, int start)
    {
        if (size == 0)
        {
            yield return [];
            yield break;
        }
        for (var i = start; i <= names.Length - size; i++)
            foreach (var rest in Choose(names, size - 1, i + 1))
                yield return rest.Insert(0, names[i]);
    }

    private sealed class SetComparer : IEqualityComparer<ImmutableArray<string>>
    {
        public static readonly SetComparer Instance = new();

        public bool Equals(ImmutableArray<string> x, ImmutableArray<string> y) => x.Length == y.Length && x.All(y.Contains);

        public int GetHashCode(ImmutableArray<string> set) => set.Length;
    }
}
