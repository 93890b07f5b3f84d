using System.Globalization;

namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>One Azure Monitor autoscale profile with a weekly recurrence, as plain values: from
/// <paramref name="Hour"/>:<paramref name="Minute"/> on each of <paramref name="Days"/> until the
/// next profile starts, keep at least <paramref name="MinimumCapacity"/> instances.</summary>
/// <param name="Key">Stable, name-safe identity such as "mon-fri-0650", for the profile name.</param>
/// <param name="Days">Full English day names ("Monday"), as <c>recurrence.days</c> takes them.</param>
/// <param name="Hour">Hour of the day, the single value of <c>recurrence.hours</c> (Azure accepts
/// only one).</param>
/// <param name="Minute">Minute of the hour, the single value of <c>recurrence.minutes</c>.</param>
/// <param name="TimeZone">Windows time zone name ("Eastern Standard Time"), the only kind
/// <c>recurrence.timezone</c> accepts.</param>
/// <param name="MinimumCapacity">The profile's <c>capacity.minimum</c>.</param>
public sealed record AzureRecurrenceProfile(string Key, IReadOnlyList<string> Days, int Hour, int Minute, string TimeZone,
    int MinimumCapacity)
{
    /// <summary>Profiles an autoscale setting may have (an Azure Monitor limit).</summary>
    public const int MaxProfiles = 20;

    /// <summary>The recurring profiles that run <paramref name="schedule"/> in an autoscale setting.</summary>
    /// <remarks>A recurring profile stays in force until the next one starts, so every change of the
    /// schedule gets a profile, returns to the floor included; starts at the same time of day with
    /// the same minimum share one profile. Minimums are never below
    /// <paramref name="demandPolicyFloor"/> and raises start <paramref name="raiseAhead"/> early. A
    /// schedule flat at the floor needs no profile (the default profile applies).</remarks>
    /// <param name="schedule">The neutral schedule.</param>
    /// <param name="demandPolicyFloor">The default profile's minimum.</param>
    /// <param name="raiseAhead">Launch-to-service time of an instance, e.g. 10 minutes.</param>
    public static IReadOnlyList<AzureRecurrenceProfile> FromSchedule(CapacitySchedule schedule, int demandPolicyFloor, TimeSpan raiseAhead)
    {
        var prepared = ScheduleChanges.Prepare(schedule, demandPolicyFloor, raiseAhead);
        var timeZone = TimeZoneIds.ToWindows(prepared.TimeZoneId);
        if (prepared.Entries.Count == 1 && prepared.Entries[0].MinimumCapacity <= demandPolicyFloor)
            return [];
        var profiles = ScheduleChanges.Group(prepared.Entries, byDuration: false)
            .Select(g => new AzureRecurrenceProfile(ScheduleChanges.Key(g.MinuteOfDay, g.Days),
                g.Days.Select(d => d.ToString()).ToArray(), g.MinuteOfDay / 60, g.MinuteOfDay % 60, timeZone, g.Level))
            .ToArray();
        if (profiles.Length > MaxProfiles)
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture,
                    $"the schedule needs {profiles.Length} recurring profiles, more than the {MaxProfiles} Azure autoscale allows; raise the plan's hysteresisInstances or plan at a coarser step"),
                nameof(schedule));
        return profiles;
    }
}
