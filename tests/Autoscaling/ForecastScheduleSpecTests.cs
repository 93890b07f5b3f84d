using Infra.Components.Autoscaling;
using Infra.Components.Autoscaling.Forecasting;
using Infra.Components.Common;
using Infra.Tests.Autoscaling.Forecasting;
using Xunit;

namespace Infra.Tests.Autoscaling;

/// <summary>The neutral forecast schedule: how it reads, converts to and from the forecaster's
/// schedule, and what it refuses, alone and inside the predictive policy and the scaling spec.</summary>
public class ForecastScheduleSpecTests
{
    private static ForecastScheduleSpec Spec(string timeZone, params (string Start, int MinSize)[] entries) => new()
    {
        TimeZone = timeZone,
        Entries = entries.Select(e => new ForecastScheduleEntrySpec { Start = e.Start, MinSize = e.MinSize }).ToList(),
    };

    [Theory]
    [InlineData("Mon 07:30", DayOfWeek.Monday, 7, 30)]
    [InlineData("sun 0:05", DayOfWeek.Sunday, 0, 5)]
    [InlineData("Saturday 23:59", DayOfWeek.Saturday, 23, 59)]
    [InlineData("  WED   12:00 ", DayOfWeek.Wednesday, 12, 0)]
    public void A_time_of_week_reads_a_day_and_a_24_hour_time(string text, DayOfWeek day, int hour, int minute)
    {
        Assert.True(TimeOfWeek.TryParse(text, out var moment));
        Assert.Equal(TimeOfWeek.Of(day, hour, minute), moment);
    }

    [Theory]
    [InlineData("Mon 24:00")]
    [InlineData("Mon 07:60")]
    [InlineData("Mon 07:5")]
    [InlineData("Mon 7am")]
    [InlineData("Mo 07:00")]
    [InlineData("Mon07:00")]
    [InlineData("07:00")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_time_of_week(string? text)
        => Assert.False(TimeOfWeek.TryParse(text, out _));

    [Fact]
    public void Every_time_of_week_reads_back_what_it_writes()
    {
        for (int minute = 0; minute < TimeOfWeek.MinutesPerWeek; minute += 7)
        {
            var moment = new TimeOfWeek(minute);
            Assert.True(TimeOfWeek.TryParse(moment.ToString(), out var read));
            Assert.Equal(moment, read);
        }
    }

    [Fact]
    public void A_planned_schedule_round_trips_through_the_spec()
    {
        var planned = CapacityScheduleTests.OfficeHours();

        var spec = ForecastScheduleSpec.FromCapacitySchedule(planned, raiseAheadMinutes: 15);
        var back = spec.ToCapacitySchedule();

        Assert.Equal("America/New_York", spec.TimeZone);
        Assert.Equal(15, spec.RaiseAheadMinutes);
        Assert.Equal(("Mon 07:00", 6), (spec.Entries[0].Start, spec.Entries[0].MinSize));
        Assert.Empty(spec.FindProblems("schedule"));
        Assert.Equal(planned.ToString(), back.ToString());
    }

    [Fact]
    public void Each_entry_holds_until_the_next_one_starts_and_the_last_wraps_to_the_first()
    {
        var schedule = Spec("UTC", ("Fri 18:00", 2), ("Mon 08:00", 5)).ToCapacitySchedule();

        Assert.Equal(5, schedule.MinimumAt(TimeOfWeek.Of(DayOfWeek.Monday, 8, 0)));
        Assert.Equal(5, schedule.MinimumAt(TimeOfWeek.Of(DayOfWeek.Friday, 17, 59)));
        Assert.Equal(2, schedule.MinimumAt(TimeOfWeek.Of(DayOfWeek.Sunday, 12, 0)));
        Assert.Equal(2, schedule.MinimumAt(TimeOfWeek.Of(DayOfWeek.Monday, 7, 59)));
    }

    [Fact]
    public void One_entry_holds_all_week()
    {
        var schedule = Spec("Etc/UTC", ("Thu 13:00", 3)).ToCapacitySchedule();

        var entry = Assert.Single(schedule.Entries);
        Assert.Equal(TimeOfWeek.MinutesPerWeek, entry.DurationMinutes);
        Assert.Equal(3, entry.MinimumCapacity);
    }

    [Fact]
    public void Defaults_are_utc_and_ten_minutes_ahead_but_entries_are_required()
    {
        var spec = new ForecastScheduleSpec();

        Assert.Equal(("UTC", 10), (spec.TimeZone, spec.RaiseAheadMinutes));
        var problem = Assert.Single(spec.FindProblems("schedule"));
        Assert.Equal(new SpecProblem("schedule.entries", "[]", problem.Fix), problem);
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("America/New_York")]
    [InlineData("Europe/Berlin")]
    [InlineData("Asia/Kolkata")]
    public void Iana_time_zones_are_accepted(string zone)
        => Assert.Empty(Spec(zone, ("Mon 08:00", 2)).FindProblems("schedule"));

    [Theory]
    [InlineData("Eastern Standard Time")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    public void Windows_names_and_unknown_zones_are_refused(string zone)
    {
        var problem = Assert.Single(Spec(zone, ("Mon 08:00", 2)).FindProblems("schedule"));

        Assert.Equal("schedule.timeZone", problem.Key);
        Assert.Contains("IANA time zone", problem.Fix);
    }

    [Fact]
    public void Converting_a_spec_with_problems_throws_them_all()
    {
        var spec = Spec("UTC", ("Mon 8", 2), ("Tue 08:00", -3));

        var error = Assert.Throws<InvalidSpecException>(() => spec.ToCapacitySchedule());

        Assert.Equal(["schedule.entries[0].start", "schedule.entries[1].minSize"], error.Problems.Select(p => p.Key));
    }

    [Fact]
    public void Forecast_and_both_need_a_schedule_and_native_refuses_one()
    {
        var forecast = new PredictiveScalingPolicy { Source = PredictiveScalingPolicy.Forecast };
        var both = new PredictiveScalingPolicy { Source = PredictiveScalingPolicy.Both, Schedule = Spec("UTC", ("Mon 08:00", 2)) };
        var native = new PredictiveScalingPolicy { Schedule = Spec("UTC", ("Mon 08:00", 2)) };

        Assert.Equal(["p.schedule"], forecast.FindProblems("p").Select(p => p.Key));
        Assert.Empty(both.FindProblems("p"));
        var refused = Assert.Single(native.FindProblems("p"));
        Assert.Equal(("p.schedule", (object?)"1 entry"), (refused.Key, refused.Value));
    }

    [Fact]
    public void A_native_policy_carrying_a_bad_schedule_is_told_to_drop_it_not_to_fix_it()
    {
        var native = new PredictiveScalingPolicy { Schedule = new ForecastScheduleSpec { TimeZone = "nowhere" } };

        Assert.Equal(["p.schedule"], native.FindProblems("p").Select(p => p.Key));
    }

    [Fact]
    public void Schedule_problems_are_keyed_under_the_scaling_spec_with_the_maximum_checked()
    {
        var scaling = new ScalingSpec
        {
            MinSize = 2,
            MaxSize = 6,
            Predictive = new PredictiveScalingPolicy
            {
                Source = PredictiveScalingPolicy.Forecast,
                Schedule = Spec("UTC", ("Mon 08:00", 7), ("Mon 18:00", 1), ("Mon 20:00", 6)),
            },
        };

        var problem = Assert.Single(scaling.FindProblems("scaling"));

        Assert.Equal(("scaling.predictive.schedule.entries[0].minSize", (object?)7), (problem.Key, problem.Value));
        Assert.Contains("maxSize (6)", problem.Fix);
    }
}
