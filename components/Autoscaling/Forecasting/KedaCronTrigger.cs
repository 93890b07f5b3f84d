namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>One KEDA cron trigger, as plain values: between <paramref name="Start"/> and
/// <paramref name="End"/> in <paramref name="Timezone"/>, ask for at least
/// <paramref name="DesiredReplicas"/> replicas.</summary>
/// <param name="Key">Stable, name-safe identity such as "mon-fri-0650", for the trigger name.</param>
/// <param name="Timezone">IANA zone, the trigger's <c>timezone</c> metadata.</param>
/// <param name="Start">Cron "minute hour * * days" at which the trigger activates.</param>
/// <param name="End">Cron at which it deactivates.</param>
/// <param name="DesiredReplicas">The trigger's <c>desiredReplicas</c> metadata.</param>
public sealed record KedaCronTrigger(string Key, string Timezone, string Start, string End, int DesiredReplicas)
{
    /// <summary>The cron triggers that run <paramref name="schedule"/> on a ScaledObject.</summary>
    /// <remarks>KEDA scales to the highest of its triggers and never below
    /// <c>minReplicaCount</c>, so only stretches above <paramref name="minReplicaCount"/> get a
    /// trigger. Stretches with the same start time, length and replicas on several days share one
    /// trigger; an end past midnight falls on the following days. Raises start
    /// <paramref name="raiseAhead"/> early. A schedule flat above the floor becomes two daily
    /// triggers (00:00-12:00 and 12:00-00:00), since one cron trigger cannot start and end at the
    /// same moment.</remarks>
    /// <param name="schedule">The neutral schedule.</param>
    /// <param name="minReplicaCount">The ScaledObject's <c>minReplicaCount</c>.</param>
    /// <param name="raiseAhead">Pod start-to-ready time, e.g. 2 minutes.</param>
    public static IReadOnlyList<KedaCronTrigger> FromSchedule(CapacitySchedule schedule, int minReplicaCount, TimeSpan raiseAhead)
    {
        var prepared = ScheduleChanges.Prepare(schedule, minReplicaCount, raiseAhead);
        var zone = prepared.TimeZoneId;
        if (prepared.Entries.Count == 1)
        {
            int level = prepared.Entries[0].MinimumCapacity;
            return level > minReplicaCount
                ?
                [
                    new KedaCronTrigger("daily-0000", zone, "0 0 * * *", "0 12 * * *", level),
                    new KedaCronTrigger("daily-1200", zone, "0 12 * * *", "0 0 * * *", level),
                ]
                : [];
        }

        return ScheduleChanges.Group(prepared.Entries.Where(e => e.MinimumCapacity > minReplicaCount), byDuration: true)
            .Select(g =>
            {
                int endMinute = g.MinuteOfDay + g.DurationMinutes;
                int dayShift = endMinute / TimeOfWeek.MinutesPerDay;
                var endDays = g.Days.Select(d => (DayOfWeek)(((int)d + dayShift) % 7)).ToArray();
                return new KedaCronTrigger(ScheduleChanges.Key(g.MinuteOfDay, g.Days), zone,
                    ScheduleChanges.Cron(g.MinuteOfDay, g.Days),
                    ScheduleChanges.Cron(endMinute % TimeOfWeek.MinutesPerDay, endDays), g.Level);
            })
            .ToArray();
    }
}
