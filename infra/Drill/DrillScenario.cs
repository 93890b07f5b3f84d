using System.Collections.Immutable;

namespace Infra.Drill;

/// <summary>What DNS does while a set of endpoints is down.</summary>
/// <param name="Down">Endpoints that fail, in failover order.</param>
/// <param name="Answers">Endpoints DNS answers with once it has noticed.</param>
/// <param name="FailOpen">Whether DNS sees every endpoint down and answers as if all were healthy
/// (Route 53 and Traffic Manager both do rather than answer nothing).</param>
/// <param name="Serving">Endpoints among <paramref name="Answers"/> that are up: where clients end up.</param>
/// <param name="Moved">Down endpoints that were answered before: the clients that must move.</param>
/// <param name="FailoverSeconds">Worst-case seconds until those clients reach a serving endpoint (detection + TTL); null when none must move, nothing serves, or it never happens.</param>
/// <param name="Unnoticed">Down endpoints DNS keeps answering with, because nothing checks them.</param>
public sealed record DrillScenario(
    ImmutableArray<string> Down,
    ImmutableArray<string> Answers,
    bool FailOpen,
    ImmutableArray<string> Serving,
    ImmutableArray<string> Moved,
    int? FailoverSeconds,
    ImmutableArray<string> Unnoticed)
{
    /// <summary>No endpoint DNS answers with is up: clients get nowhere.</summary>
    public bool NothingAnswers => Serving.IsEmpty;

    /// <summary>Some clients are sent to a down endpoint although another one is up: an outage the
    /// configuration could have avoided.</summary>
    public bool Avoidable(DrillTarget target)
        => (NothingAnswers || !Unnoticed.IsEmpty) && target.Endpoints.Any(e => !Down.Contains(e.Name));
}
