namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>One AWS Auto Scaling scheduled action, as plain values: at <paramref name="Recurrence"/>
/// in <paramref name="TimeZone"/>, set the group's minimum size to <paramref name="MinSize"/>.</summary>
/// <param name="Key">Stable, name-safe identity such as "mon-fri-0650", for child resource names.</param>
/// <param name="Recurrence">Unix cron "minute hour * * days" (Sunday = 0), as
/// <c>aws.autoscaling.Schedule.recurrence</c> takes it.</param>
/// <param name="TimeZone">IANA zone, as <c>aws.autoscaling.Schedule.timeZone</c> takes it.</param>
/// <param name="MinSize">The group's minimum size from then on.</param>
public sealed record AwsScheduledCapacity(string Key, string Recurrence, string TimeZone, int MinSize)
{
    /// <summary>Scheduled actions an Auto Scaling group may have (an AWS service quota).</summary>
    public const int MaxActionsPerGroup = 125;

    /// <summary>The scheduled actions that run <paramref name="schedule"/> on an Auto Scaling group.</summary>
    /// <remarks>Minimums are never below <paramref name="demandPolicyFloor"/>, the group's own minimum
    /// that the demand policy keeps. Each raise fires <paramref name="raiseAhead"/> early so instances
    /// are in service when the predicted load arrives; decreases fire on time. Changes at the same
    /// time of day to the same minimum share one cron line. A schedule flat at the floor needs no
    /// action; one flat above it gets a single daily action.</remarks>
    /// <param name="schedule">The neutral schedule.</param>
    /// <param name="demandPolicyFloor">The group's minimum size.</param>
    /// <param name="raiseAhead">Launch-to-service time of an instance, e.g. 10 minutes.</param>
    public static IReadOnlyList<AwsScheduledCapacity> FromSchedule(CapacitySchedule schedule, int demandPolicyFloor, TimeSpan raiseAhead)
    {
        var actions = Translate(schedule, demandPolicyFloor, raiseAhead);
        if (actions.Count > MaxActionsPerGroup)
            throw new ArgumentException(
                $"the schedule needs {actions.Count} scheduled actions, more than the {MaxActionsPerGroup} AWS allows per Auto Scaling group; raise the plan's hysteresisInstances or plan at a coarser step",
                nameof(schedule));
        return actions;
    }

    /// <summary>The actions of <see cref="FromSchedule"/> without the quota check, so that a spec
    /// check can report how many a schedule needs instead of throwing.</summary>
    internal static IReadOnlyList<AwsScheduledCapacity> Translate(CapacitySchedule schedule, int demandPolicyFloor, TimeSpan raiseAhead)
    {
        var prepared = ScheduleChanges.Prepare(schedule, demandPolicyFloor, raiseAhead);
        if (prepared.Entries.Count == 1)
        {
            int level = prepared.Entries[0].MinimumCapacity;
            return level > demandPolicyFloor
                ? [new AwsScheduledCapacity("daily-0000", "0 0 * * *", prepared.TimeZoneId, level)]
                : [];
        }

        return ScheduleChanges.Group(prepared.Entries, byDuration: false)
            .Select(g => new AwsScheduledCapacity(ScheduleChanges.Key(g.MinuteOfDay, g.Days),
                ScheduleChanges.Cron(g.MinuteOfDay, g.Days), prepared.TimeZoneId, g.Level))
            .ToArray();
    }
}
