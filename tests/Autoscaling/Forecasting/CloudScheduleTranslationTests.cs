using Infra.Components.Autoscaling.Forecasting;
using Xunit;

namespace Infra.Tests.Autoscaling.Forecasting;

public class CloudScheduleTranslationTests
{
    private static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(10);

    private static TimeOfWeek At(DayOfWeek day, int hour, int minute = 0) => TimeOfWeek.Of(day, hour, minute);

    [Fact]
    public void Aws_gets_one_cron_action_per_change_shared_by_the_weekdays_and_raised_ahead()
    {
        var actions = AwsScheduledCapacity.FromSchedule(CapacityScheduleTests.OfficeHours(), demandPolicyFloor: 1, TenMinutes);

        Assert.Equal(
            new[]
            {
                new AwsScheduledCapacity("mon-fri-0650", "50 6 * * 1-5", "America/New_York", 6),
                new AwsScheduledCapacity("mon-fri-1900", "0 19 * * 1-5", "America/New_York", 2),
            },
            actions);
    }

    [Fact]
    public void Aws_minimums_never_fall_below_the_demand_policy_floor()
    {
        var actions = AwsScheduledCapacity.FromSchedule(CapacityScheduleTests.OfficeHours(), demandPolicyFloor: 3, TimeSpan.Zero);

        Assert.Equal(new[] { ("0 7 * * 1-5", 6), ("0 19 * * 1-5", 3) }, actions.Select(a => (a.Recurrence, a.MinSize)));
    }

    [Fact]
    public void Aws_needs_no_action_for_a_schedule_flat_at_the_floor_and_one_daily_action_above_it()
    {
        Assert.Empty(AwsScheduledCapacity.FromSchedule(CapacitySchedule.Constant("UTC", 1), 2, TenMinutes));
        Assert.Equal(
            new[] { new AwsScheduledCapacity("daily-0000", "0 0 * * *", "UTC", 4) },
            AwsScheduledCapacity.FromSchedule(CapacitySchedule.Constant("UTC", 4), 2, TenMinutes));
    }

    [Fact]
    public void Aws_lists_scattered_days_and_ranges_of_three_or_more()
    {
        // 4 on Sunday, Monday, Tuesday, Wednesday, Friday and Saturday from 09:00 to 17:00; Thursday stays at 1.
        var days = new[] { DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Friday, DayOfWeek.Saturday };
        var entries = new List<CapacityScheduleEntry>();
        for (int d = 0; d < 7; d++)
        {
            var day = (DayOfWeek)d;
            int level = days.Contains(day) ? 4 : 1;
            entries.Add(new(At(day, 0), At(day, 9), 1));
            entries.Add(new(At(day, 9), At(day, 17), level));
            entries.Add(new(At(day, 17), At((DayOfWeek)((d + 1) % 7), 0), 1));
        }

        var merged = new CapacitySchedule("UTC", entries).WithFloor(0); // merges equal neighbours
        var actions = AwsScheduledCapacity.FromSchedule(merged, 1, TimeSpan.Zero);

        Assert.Equal(
            new[] { ("0 9 * * 0-3,5,6", 4, "sun-wed_fri_sat-0900"), ("0 17 * * 0-3,5,6", 1, "sun-wed_fri_sat-1700") },
            actions.Select(a => (a.Recurrence, a.MinSize, a.Key)));
    }

    [Fact]
    public void Azure_gets_recurring_profiles_with_day_names_one_hour_and_a_windows_time_zone()
    {
        var profiles = AzureRecurrenceProfile.FromSchedule(CapacityScheduleTests.OfficeHours(), demandPolicyFloor: 1, TenMinutes);

        Assert.Equal(2, profiles.Count);
        var morning = profiles[0];
        Assert.Equal(new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }, morning.Days);
        Assert.Equal((6, 50, 6), (morning.Hour, morning.Minute, morning.MinimumCapacity));
        Assert.Equal("Eastern Standard Time", morning.TimeZone);
        Assert.Equal("mon-fri-0650", morning.Key);
        Assert.Equal((19, 0, 2), (profiles[1].Hour, profiles[1].Minute, profiles[1].MinimumCapacity));
    }

    [Fact]
    public void Azure_refuses_a_schedule_needing_more_profiles_than_a_setting_allows()
    {
        // A different minimum every hour of Monday: 24 changes at distinct times.
        var entries = Enumerable.Range(0, 24)
            .Select(h => new CapacityScheduleEntry(At(DayOfWeek.Monday, h), h == 23 ? At(DayOfWeek.Monday, 0) : At(DayOfWeek.Monday, h + 1), 2 + h))
            .ToList();
        var schedule = new CapacitySchedule("Europe/Berlin", entries);

        var error = Assert.Throws<ArgumentException>(() => AzureRecurrenceProfile.FromSchedule(schedule, 1, TimeSpan.Zero));

        Assert.Contains("needs 24 recurring profiles, more than the 20 Azure autoscale allows", error.Message);
        Assert.Contains("raise the plan's hysteresisInstances", error.Message);
    }

    [Fact]
    public void Keda_gets_start_and_end_crons_only_for_stretches_above_min_replicas()
    {
        var triggers = KedaCronTrigger.FromSchedule(CapacityScheduleTests.OfficeHours(), minReplicaCount: 2, TenMinutes);

        Assert.Equal(
            new[] { new KedaCronTrigger("mon-fri-0650", "America/New_York", "50 6 * * 1-5", "0 19 * * 1-5", 6) },
            triggers);
    }

    [Fact]
    public void Keda_ends_a_stretch_past_midnight_on_the_following_day()
    {
        // Friday and Saturday nights 22:00-02:00 at 5, otherwise 1.
        var schedule = new CapacitySchedule("Europe/London",
        [
            new(At(DayOfWeek.Friday, 22), At(DayOfWeek.Saturday, 2), 5),
            new(At(DayOfWeek.Saturday, 2), At(DayOfWeek.Saturday, 22), 1),
            new(At(DayOfWeek.Saturday, 22), At(DayOfWeek.Sunday, 2), 5),
            new(At(DayOfWeek.Sunday, 2), At(DayOfWeek.Friday, 22), 1),
        ]);

        var trigger = Assert.Single(KedaCronTrigger.FromSchedule(schedule, 1, TimeSpan.Zero));

        Assert.Equal(("0 22 * * 5,6", "0 2 * * 0,6", 5), (trigger.Start, trigger.End, trigger.DesiredReplicas));
    }

    [Fact]
    public void Keda_covers_a_flat_schedule_above_the_floor_with_two_half_day_triggers()
    {
        var triggers = KedaCronTrigger.FromSchedule(CapacitySchedule.Constant("UTC", 3), 1, TenMinutes);

        Assert.Equal(new[] { ("0 0 * * *", "0 12 * * *"), ("0 12 * * *", "0 0 * * *") }, triggers.Select(t => (t.Start, t.End)));
        Assert.All(triggers, t => Assert.Equal(3, t.DesiredReplicas));
        Assert.Empty(KedaCronTrigger.FromSchedule(CapacitySchedule.Constant("UTC", 1), 1, TenMinutes));
    }

    [Fact]
    public void A_planned_schedule_reaches_every_cloud_with_the_same_moments()
    {
        // Monday 2024-01-01 in New York: 200 load at night, 900 from 08:00 to 18:00.
        var loads = Enumerable.Range(0, 24).Select(h => h is >= 8 and < 18 ? 900.0 : 200.0);
        var forecast = new LoadForecast("America/New_York", new DateTime(2024, 1, 1), TimeSpan.FromHours(1), loads, [], 0, [1.0]);
        var schedule = CapacityPlanner.Plan(forecast, new CapacityPlanOptions { CapacityPerInstance = 100, Headroom = 0, MinCapacity = 2 });

        var aws = AwsScheduledCapacity.FromSchedule(schedule, 2, TenMinutes);
        var azure = AzureRecurrenceProfile.FromSchedule(schedule, 2, TenMinutes);
        var keda = KedaCronTrigger.FromSchedule(schedule, 2, TenMinutes);

        Assert.Equal(new[] { ("50 7 * * 1", 9), ("0 18 * * 1", 2) }, aws.Select(a => (a.Recurrence, a.MinSize)));
        Assert.Equal(new[] { (7, 50, 9), (18, 0, 2) }, azure.Select(p => (p.Hour, p.Minute, p.MinimumCapacity)));
        Assert.Equal(("50 7 * * 1", "0 18 * * 1", 9), (keda[0].Start, keda[0].End, keda[0].DesiredReplicas));
    }
}
