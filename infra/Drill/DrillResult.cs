using System.Collections.Immutable;

namespace Infra.Drill;

/// <summary>The drill of one DNS name: the scenarios simulated, the all-up one first.</summary>
public sealed record DrillResult(DrillTarget Target, ImmutableArray<DrillScenario> Scenarios)
{
    /// <summary>The scenario with exactly <paramref name="down"/> down (in any order).</summary>
    public DrillScenario Scenario(params string[] down)
        => Scenarios.Single(s => s.Down.Length == down.Length && down.All(s.Down.Contains));

    /// <summary>Scenarios where an endpoint is up but clients are sent to a down one.</summary>
    public IEnumerable<DrillScenario> AvoidableOutages => Scenarios.Where(s => s.Avoidable(Target));
}
