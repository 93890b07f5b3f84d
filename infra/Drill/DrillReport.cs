using System.Collections.Immutable;
using System.Text;

namespace Infra.Drill;

/// <summary>Prints drill results as tables: the endpoints of each DNS name, then one row per scenario.</summary>
public static class DrillReport
{
    /// <summary>The report of <paramref name="results"/> for stack <paramref name="stack"/>, as <c>drill</c> prints it.</summary>
    public static string Render(string stack, IReadOnlyList<DrillResult> results)
    {
        var text = new StringBuilder();
        text.Append("Failover drill of stack '").Append(stack).AppendLine("'");
        foreach (var result in results)
        {
            var target = result.Target;
            text.AppendLine();
            text.Append(target.Name).Append(": ").AppendLine(target.Host);
            Table(text, ["endpoint", "role", "target", "health check", "notices in", "TTL"],
                target.Endpoints.Select(e => new[] { e.Name, e.Role, e.Target, e.Check, e.DetectionSeconds is { } d ? $"{d} s" : "?", $"{e.TtlSeconds} s" }));
            text.AppendLine();
            Table(text, ["down", "DNS answers", "serving", "fail over in"],
                result.Scenarios.Select(s => new[] { List(s.Down, "(none)"), Answers(s), List(s.Serving, "nothing"), FailoverTime(target, s) + Flag(target, s) }));
        }

        var scenarios = results.SelectMany(r => r.Scenarios.Select(s => (r.Target, Scenario: s))).ToList();
        text.AppendLine();
        text.AppendLine($"{results.Count} DNS name{(results.Count == 1 ? "" : "s")}, {scenarios.Count} scenarios: " +
                        $"{scenarios.Count(x => x.Scenario.NothingAnswers && !x.Scenario.Avoidable(x.Target))} with every endpoint down, " +
                        $"{scenarios.Count(x => x.Scenario.Avoidable(x.Target))} where an endpoint is up but clients are sent to a down one.");
        return text.ToString();
    }

    private static string List(ImmutableArray<string> names, string empty) => names.IsEmpty ? empty : string.Join(", ", names);

    private static string Answers(DrillScenario scenario) => List(scenario.Answers, "-") + (scenario.FailOpen ? " (fail-open)" : "");

    private static string FailoverTime(DrillTarget target, DrillScenario scenario)
    {
        if (scenario.Moved.IsEmpty)
            return scenario.Down.IsEmpty ? "-" : "- (clients unaffected)";
        var moved = target.Endpoints.Where(e => scenario.Moved.Contains(e.Name)).ToList();
        if (moved.FirstOrDefault(e => !e.Monitored) is { } unseen)
            return $"never: DNS cannot see {unseen.Name} down (no health check)";
        if (scenario.NothingAnswers)
            return "-";
        if (scenario.FailoverSeconds is not { } seconds)
            return $"unknown: {string.Join(", ", moved.Where(e => e.DetectionSeconds is null).Select(e => e.Name))} has no timed check";
        var slowest = moved.First(e => e.DetectionSeconds + e.TtlSeconds == seconds);
        return $"{seconds} s ({slowest.DetectionSeconds} s to notice + {slowest.TtlSeconds} s TTL)";
    }

    private static string Flag(DrillTarget target, DrillScenario scenario)
    {
        var up = target.Endpoints.Where(e => !scenario.Down.Contains(e.Name)).Select(e => e.Name).ToList();
        if (scenario.NothingAnswers)
            return up.Count == 0
                ? "  << nothing answers: every endpoint is down"
                : $"  << NOTHING ANSWERS although {string.Join(", ", up)} {(up.Count == 1 ? "is" : "are")} up";
        if (!scenario.Unnoticed.IsEmpty)
            return $"  << {string.Join(", ", scenario.Unnoticed)} still answered while down";
        return "";
    }

    private static void Table(StringBuilder text, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(i => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
            text.Append("  ").AppendLine(string.Join("  ", row.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
    }
}
