using Infra.Components.Autoscaling.Forecasting;
using Xunit;

namespace Infra.Tests.Autoscaling.Forecasting;

public class CapacityScheduleTests
{
    private static TimeOfWeek At(DayOfWeek day, int hour, int minute = 0) => TimeOfWeek.Of(day, hour, minute);

    /// <summary>Weekdays 07:00-19:00 at 6, otherwise 2.</summary>
    internal static CapacitySchedule OfficeHours(string zone = "America/New_York")
    {
        var entries = new List<CapacityScheduleEntry>();
        var previousEnd = At(DayOfWeek.Monday, 7);
        for (var day = DayOfWeek.Monday; day <= DayOfWeek.Friday; day++)
        {
            if (day != DayOfWeek.Monday)
                entries.Add(new(previousEnd, At(day, 7), 2));
            entries.Add(new(At(day, 7), At(day, 19), 6));
            previousEnd = At(day, 19);
        }

        entries.Add(new(previousEnd, At(DayOfWeek.Monday, 7), 2));
        return new CapacitySchedule(zone, entries);
    }

    [Fact]
    public void Time_of_week_counts_from_sunday_midnight_and_wraps()
    {
        var mondayMorning = TimeOfWeek.From(new DateTime(2024, 1, 1, 7, 30, 45));

        Assert.Equal(1 * 1440 + 7 * 60 + 30, mondayMorning.MinuteOfWeek);
        Assert.Equal("Mon 07:30", mondayMorning.ToString());
        Assert.Equal(At(DayOfWeek.Saturday, 23, 50), At(DayOfWeek.Sunday, 0).AddMinutes(-10));
        Assert.Equal(20, At(DayOfWeek.Saturday, 23, 50).MinutesUntil(At(DayOfWeek.Sunday, 0, 10)));
    }

    [Fact]
    public void The_minimum_in_force_is_that_of_the_entry_holding_the_moment()
    {
        var schedule = OfficeHours();

        Assert.Equal(6, schedule.MinimumAt(At(DayOfWeek.Wednesday, 12)));
        Assert.Equal(6, schedule.MinimumAt(At(DayOfWeek.Friday, 18, 59)));
        Assert.Equal(2, schedule.MinimumAt(At(DayOfWeek.Friday, 19)));
        Assert.Equal(2, schedule.MinimumAt(At(DayOfWeek.Sunday, 3)));
        Assert.Equal(2, schedule.MinimumAt(new DateTime(2024, 1, 6, 12, 0, 0))); // a Saturday
    }

    [Fact]
    public void Entries_with_a_gap_or_an_overlap_are_refused()
    {
        var gap = Assert.Throws<ArgumentException>(() => new CapacitySchedule("UTC",
        [
            new(At(DayOfWeek.Monday, 0), At(DayOfWeek.Tuesday, 0), 3),
            new(At(DayOfWeek.Wednesday, 0), At(DayOfWeek.Monday, 0), 1),
        ]));

        Assert.Contains("must end where the next one starts (Wed 00:00)", gap.Message);
        Assert.Throws<ArgumentException>(() => new CapacitySchedule("UTC", []));
    }

    [Fact]
    public void A_floor_lifts_only_the_entries_below_it()
    {
        var floored = OfficeHours().WithFloor(4);

        Assert.Equal(6, floored.MinimumAt(At(DayOfWeek.Tuesday, 10)));
        Assert.Equal(4, floored.MinimumAt(At(DayOfWeek.Tuesday, 3)));
        Assert.Equal(10, floored.Entries.Count);
    }

    [Fact]
    public void Raising_ahead_moves_raises_earlier_and_leaves_decreases_in_place()
    {
        var raised = OfficeHours().RaisedAhead(TimeSpan.FromMinutes(15));

        Assert.Equal(6, raised.MinimumAt(At(DayOfWeek.Monday, 6, 45)));
        Assert.Equal(2, raised.MinimumAt(At(DayOfWeek.Monday, 6, 44)));
        Assert.Equal(6, raised.MinimumAt(At(DayOfWeek.Monday, 18, 59)));
        Assert.Equal(2, raised.MinimumAt(At(DayOfWeek.Monday, 19, 0)));
    }

    [Fact]
    public void A_constant_schedule_is_one_entry_covering_the_week()
    {
        var schedule = CapacitySchedule.Constant("UTC", 3);

        var entry = Assert.Single(schedule.Entries);
        Assert.Equal(TimeOfWeek.MinutesPerWeek, entry.DurationMinutes);
        Assert.Equal(3, schedule.MinimumAt(At(DayOfWeek.Thursday, 17)));
    }
}
