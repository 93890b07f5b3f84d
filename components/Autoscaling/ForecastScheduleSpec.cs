using Infra.Components.Autoscaling.Forecasting;
using Infra.Components.Common;
using Pulumi;

namespace Infra.Components.Autoscaling;

/// <summary>
/// A weekly schedule of minimum instance counts that raises capacity ahead of predicted load, in the
/// wall clock of one IANA time zone: each entry holds from its start until the next entry starts.
/// Infra's forecaster computes it from load history (<see cref="SeasonalLoadForecaster"/>, then
/// <see cref="CapacityPlanner"/>); each adapter turns it into its cloud's schedule
/// (<see cref="AwsScheduledCapacity"/>, <see cref="AzureRecurrenceProfile"/>,
/// <see cref="KedaCronTrigger"/>), never below the group's own minimum size. Cloud-neutral.
/// </summary>
/// <remarks>This spec is the plain, validated form a stack file or another language can carry;
/// <see cref="CapacitySchedule"/> is the forecaster's type. The two convert only here:
/// <see cref="FromCapacitySchedule"/> and <see cref="ToCapacitySchedule"/>.</remarks>
public sealed class ForecastScheduleSpec : ResourceArgs
{
    /// <summary>Longest raise-ahead accepted: four hours covers the slowest instance boot and warm-up.</summary>
    public const int MaxRaiseAheadMinutes = 240;

    /// <summary>IANA time zone whose wall clock the entries follow, e.g. "America/New_York"; the
    /// clouds follow its daylight-saving changes. Default: "UTC".</summary>
    [Input("timeZone")] public string TimeZone { get; set; } = "UTC";

    /// <summary>Minutes before each raise that the cloud acts, so that new instances are in service
    /// when the load arrives: about an instance's launch plus warm-up time. Decreases act on time.
    /// Default: 10.</summary>
    [Input("raiseAheadMinutes")] public int RaiseAheadMinutes { get; set; } = 10;

    /// <summary>The week's minimums. Each holds from its start until the next entry's start; the
    /// latest one in the week holds until the earliest one comes round again. Required: at least one.</summary>
    [Input("entries")] public List<ForecastScheduleEntrySpec> Entries { get; set; } = [];

    /// <summary>The spec form of <paramref name="schedule"/>, e.g. as <see cref="CapacityPlanner.Plan"/>
    /// made it.</summary>
    /// <param name="schedule">The forecaster's schedule.</param>
    /// <param name="raiseAheadMinutes">See <see cref="RaiseAheadMinutes"/>.</param>
    public static ForecastScheduleSpec FromCapacitySchedule(CapacitySchedule schedule, int raiseAheadMinutes)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new ForecastScheduleSpec
        {
            TimeZone = schedule.TimeZoneId,
            RaiseAheadMinutes = raiseAheadMinutes,
            Entries = schedule.Entries
                .Select(e => new ForecastScheduleEntrySpec { Start = e.Start.ToString(), MinSize = e.MinimumCapacity })
                .ToList(),
        };
    }

    /// <summary>This schedule as the forecaster's type, which the cloud translations read.</summary>
    /// <exception cref="InvalidSpecException">The spec has problems (see <see cref="FindProblems"/>).</exception>
    public CapacitySchedule ToCapacitySchedule()
    {
        InvalidSpecException.ThrowIfAny("Forecast schedule", FindProblems("schedule"));
        var starts = Entries
            .Select(e => (Start: Parse(e.Start), e.MinSize))
            .OrderBy(e => e.Start)
            .ToArray();
        if (starts.Length == 1)
            return CapacitySchedule.Constant(TimeZone, starts[0].MinSize);
        return new CapacitySchedule(TimeZone, starts.Select((e, i) =>
            new CapacityScheduleEntry(e.Start, starts[(i + 1) % starts.Length].Start, e.MinSize)));
    }

    /// <summary>Every problem in this schedule, keyed under <paramref name="at"/>.</summary>
    public IEnumerable<SpecProblem> FindProblems(string at)
    {
        if (string.IsNullOrWhiteSpace(TimeZone) || !IsIanaZone(TimeZone))
            yield return new($"{at}.timeZone", TimeZone,
                "use an IANA time zone such as America/New_York, Europe/Berlin or UTC (AWS and KEDA take no Windows names)");
        if (RaiseAheadMinutes is < 0 or > MaxRaiseAheadMinutes)
            yield return new($"{at}.raiseAheadMinutes", RaiseAheadMinutes,
                $"use 0 to {MaxRaiseAheadMinutes} minutes: about the time an instance takes to launch and warm up");
        if (Entries is null || Entries.Count == 0)
        {
            yield return new($"{at}.entries", Entries is null ? null : "[]", "list at least one entry, e.g. {start: \"Mon 07:00\", minSize: 4}");
            yield break;
        }

        var seen = new Dictionary<TimeOfWeek, int>();
        for (int i = 0; i < Entries.Count; i++)
        {
            var entry = Entries[i];
            if (entry is null)
            {
                yield return new($"{at}.entries[{i}]", null, "give the entry a start and a minSize, or remove it");
                continue;
            }

            if (!TimeOfWeek.TryParse(entry.Start, out var start))
                yield return new($"{at}.entries[{i}].start", entry.Start,
                    "write a day and a 24-hour time of day, e.g. \"Mon 07:30\" (days Sun to Sat)");
            else if (seen.TryGetValue(start, out int first))
                yield return new($"{at}.entries[{i}].start", entry.Start,
                    $"entries[{first}] starts at the same moment; merge the two or move one");
            else
                seen[start] = i;
            if (entry.MinSize < 0)
                yield return new($"{at}.entries[{i}].minSize", entry.MinSize, "use 0 or more instances");
        }
    }

    private static TimeOfWeek Parse(string start)
        => TimeOfWeek.TryParse(start, out var moment) ? moment : throw new InvalidOperationException($"unchecked start \"{start}\"");

    /// <summary>Whether <paramref name="id"/> names a zone by its IANA id (not a Windows name).</summary>
    private static bool IsIanaZone(string id)
        => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.HasIanaId;
}
