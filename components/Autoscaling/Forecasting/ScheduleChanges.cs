using System.Globalization;

namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>What the three cloud translations share: flooring and raising a schedule ahead, and
/// grouping its changes by time of day so one cron line or profile serves several days.</summary>
internal static class ScheduleChanges
{
    private static readonly string[] ShortDayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    /// <summary>The schedule as a cloud should run it: never below <paramref name="floor"/>, raises
    /// moved <paramref name="raiseAhead"/> earlier.</summary>
    public static CapacitySchedule Prepare(CapacitySchedule schedule, int floor, TimeSpan raiseAhead)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (floor < 0)
            throw new ArgumentOutOfRangeException(nameof(floor), floor, "the demand-policy floor must be 0 or more");
        return schedule.WithFloor(floor).RaisedAhead(raiseAhead);
    }

    /// <summary>Entries that start at the same time of day with the same minimum (and, when asked,
    /// the same length), with the days they start on, ordered by time of day then minimum.</summary>
    public static IReadOnlyList<(int MinuteOfDay, int DurationMinutes, int Level, IReadOnlyList<DayOfWeek> Days)> Group(
        IEnumerable<CapacityScheduleEntry> entries, bool byDuration)
    {
        return entries
            .GroupBy(e => (e.Start.MinuteOfDay, Duration: byDuration ? e.DurationMinutes : 0, e.MinimumCapacity))
            .Select(g => (g.Key.MinuteOfDay, g.Key.Duration, g.Key.MinimumCapacity,
                (IReadOnlyList<DayOfWeek>)g.Select(e => e.Start.Day).Distinct().Order().ToArray()))
            .OrderBy(g => g.MinuteOfDay).ThenBy(g => g.MinimumCapacity).ThenBy(g => g.Item4[0])
            .ToArray();
    }

    /// <summary>The cron day-of-week field for <paramref name="days"/> (Sunday = 0): "*" for every
    /// day, runs of three or more as ranges ("1-5"), the rest listed ("0,6").</summary>
    public static string CronDays(IReadOnlyList<DayOfWeek> days)
    {
        var sorted = days.Select(d => (int)d).Distinct().Order().ToArray();
        if (sorted.Length == 7)
            return "*";
        var parts = new List<string>();
        for (int i = 0; i < sorted.Length;)
        {
            int j = i;
            while (j + 1 < sorted.Length && sorted[j + 1] == sorted[j] + 1)
                j++;
            if (j - i >= 2)
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{sorted[i]}-{sorted[j]}"));
            else
                for (int k = i; k <= j; k++)
                    parts.Add(sorted[k].ToString(CultureInfo.InvariantCulture));
            i = j + 1;
        }

        return string.Join(',', parts);
    }

    /// <summary>A cron line firing at <paramref name="minuteOfDay"/> on <paramref name="days"/>:
    /// "minute hour * * days".</summary>
    public static string Cron(int minuteOfDay, IReadOnlyList<DayOfWeek> days) =>
        string.Create(CultureInfo.InvariantCulture, $"{minuteOfDay % 60} {minuteOfDay / 60} * * {CronDays(days)}");

    /// <summary>A stable, name-safe key such as "mon-fri-0700" or "sun_sat-2230".</summary>
    public static string Key(int minuteOfDay, IReadOnlyList<DayOfWeek> days)
    {
        var cronDays = CronDays(days);
        var named = cronDays == "*"
            ? "daily"
            : string.Join('_', cronDays.Split(',').Select(part => string.Join('-',
                part.Split('-').Select(d => ShortDayNames[int.Parse(d, CultureInfo.InvariantCulture)]))));
        return string.Create(CultureInfo.InvariantCulture, $"{named}-{minuteOfDay / 60:00}{minuteOfDay % 60:00}");
    }
}
