using System.Globalization;
using Infra.Components.Autoscaling.Forecasting;

namespace Infra.Tests.Harness;

/// <summary>Plays recurring scheduled actions over a week, minute by minute, as AWS runs them:
/// each action sets the minimum from its cron time until another action fires.</summary>
public static class ScheduledWeek
{
    /// <summary>Minutes in a week.</summary>
    public const int Minutes = TimeOfWeek.MinutesPerWeek;

    /// <summary>Minutes of the week a "minute hour * * days" cron line fires at (Sunday = 0).</summary>
    public static IEnumerable<int> Firings(string cron)
    {
        var fields = cron.Split(' ');
        if (fields.Length != 5 || fields[2] != "*" || fields[3] != "*")
            throw new Xunit.Sdk.XunitException($"\"{cron}\" is not a weekly cron line \"minute hour * * days\"");
        int minute = int.Parse(fields[0], CultureInfo.InvariantCulture), hour = int.Parse(fields[1], CultureInfo.InvariantCulture);
        var days = fields[4] == "*"
            ? Enumerable.Range(0, 7)
            : fields[4].Split(',').SelectMany(part =>
            {
                var bounds = part.Split('-').Select(d => int.Parse(d, CultureInfo.InvariantCulture)).ToArray();
                return Enumerable.Range(bounds[0], bounds[^1] - bounds[0] + 1);
            });
        return days.Select(day => day * TimeOfWeek.MinutesPerDay + hour * 60 + minute);
    }

    /// <summary>The level in force at each minute when each start sets it until the next start,
    /// around the week; <paramref name="floor"/> everywhere when there is no start. Two starts at
    /// the same minute must agree.</summary>
    public static int[] LatestStartHolds(IEnumerable<(int Minute, int Level)> starts, int floor)
    {
        var byMinute = starts.GroupBy(s => s.Minute).ToDictionary(g => g.Key, g => g.Select(s => s.Level).Distinct().Single());
        var levels = Enumerable.Repeat(floor, Minutes).ToArray();
        if (byMinute.Count == 0)
            return levels;
        int current = byMinute[byMinute.Keys.Max()];
        for (int minute = 0; minute < Minutes; minute++)
            levels[minute] = current = byMinute.GetValueOrDefault(minute, current);
        return levels;
    }

    /// <summary>The group minimum at each minute of the week under scheduled actions given as
    /// (recurrence, minSize), starting from <paramref name="groupMinSize"/>.</summary>
    public static int[] MinimumsOf(IEnumerable<(string Recurrence, int MinSize)> actions, int groupMinSize)
        => LatestStartHolds(actions.SelectMany(a => Firings(a.Recurrence).Select(m => (m, a.MinSize))), groupMinSize);
}
