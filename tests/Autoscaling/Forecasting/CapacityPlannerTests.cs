using Infra.Components.Autoscaling.Forecasting;
using Infra.Components.Common;
using Xunit;

namespace Infra.Tests.Autoscaling.Forecasting;

public class CapacityPlannerTests
{
    private const string Zone = "UTC";

    /// <summary>Monday 2024-01-01 00:00, so hour h of the forecast is Monday h:00.</summary>
    private static readonly DateTime Monday = new(2024, 1, 1);

    private static CapacityPlanOptions Options(double capacity = 100, double headroom = 0, double quantile = 0.9,
        int min = 1, int max = 100, int band = 1) => new()
        {
            CapacityPerInstance = capacity,
            Headroom = headroom,
            Quantile = quantile,
            MinCapacity = min,
            MaxCapacity = max,
            HysteresisInstances = band,
        };

    /// <summary>A one-day hourly forecast from Monday 00:00 with <paramref name="hourly"/> loads
    /// (repeated to fill 24 hours) and no error history, so every quantile is the expectation.</summary>
    private static LoadForecast Forecast(params double[] hourly) =>
        new(Zone, Monday, TimeSpan.FromHours(1), Enumerable.Range(0, 24).Select(h => hourly[h % hourly.Length]), [], 0, [1.0]);

    [Theory]
    [InlineData(950, 100, 0.2, 12)] // 9.5 × 1.2 = 11.4
    [InlineData(1000, 100, 0, 10)] // exactly ten instances' worth
    [InlineData(1.1, 0.1, 0, 11)] // 1.1 / 0.1 is 11.000000000000002 in floating point
    [InlineData(300, 100, 0.5, 5)] // 4.5
    [InlineData(0, 100, 0.2, 1)] // no load still keeps the minimum
    public void Instances_are_the_load_over_capacity_with_headroom_rounded_up(double load, double capacity, double headroom, int expected)
    {
        Assert.Equal(expected, CapacityPlanner.InstancesFor(load, Options(capacity, headroom)));
    }

    [Fact]
    public void Instances_are_clamped_to_the_minimum_and_maximum()
    {
        var options = Options(min: 2, max: 6);

        Assert.Equal(2, CapacityPlanner.InstancesFor(50, options));
        Assert.Equal(6, CapacityPlanner.InstancesFor(5_000, options));
        Assert.Equal(4, CapacityPlanner.InstancesFor(350, options));
    }

    [Fact]
    public void Slots_are_provisioned_for_the_forecast_quantile_not_the_expectation()
    {
        // Past errors: actual was 0.9, 1.0, 1.0 or 1.3 times the forecast, equally weighted.
        var forecast = new LoadForecast(Zone, Monday, TimeSpan.FromHours(1), Enumerable.Repeat(400.0, 24),
            [(0.9, 1), (1.0, 1), (1.0, 1), (1.3, 1)], 0, [1.0]);

        var median = CapacityPlanner.RequiredInstances(forecast, Options(quantile: 0.5));
        var cautious = CapacityPlanner.RequiredInstances(forecast, Options(quantile: 0.9, headroom: 0.25));

        Assert.All(median, n => Assert.Equal(4, n)); // 400 × 1.0 / 100
        Assert.All(cautious, n => Assert.Equal(7, n)); // 400 × 1.3 × 1.25 / 100 = 6.5
    }

    [Fact]
    public void Needs_that_stay_within_the_band_merge_into_one_entry_at_their_highest()
    {
        // Hourly needs 3,4,3,4 all day: within one instance of each other.
        var schedule = CapacityPlanner.Plan(Forecast(300, 400, 300, 400), Options(band: 1));

        var monday = schedule.Entries.Single(e => e.Start == TimeOfWeek.Of(DayOfWeek.Monday, 0, 0));
        Assert.Equal(4, monday.MinimumCapacity);
        Assert.Equal(TimeOfWeek.Of(DayOfWeek.Tuesday, 0, 0), monday.End);
    }

    [Fact]
    public void Without_a_band_every_change_is_an_entry()
    {
        var schedule = CapacityPlanner.Plan(Forecast(300, 400), Options(band: 0));

        // 24 alternating Monday hours plus the rest of the week at the minimum.
        Assert.Equal(25, schedule.Entries.Count);
    }

    [Fact]
    public void A_morning_peak_becomes_few_entries_and_never_falls_below_any_slot_need()
    {
        double[] loads = [200, 200, 200, 200, 200, 200, 250, 600, 900, 950, 1000, 980, 940, 900, 850, 700, 500, 300, 250, 200, 200, 200, 200, 200];
        var forecast = new LoadForecast(Zone, Monday, TimeSpan.FromHours(1), loads, [], 0, [1.0]);
        var options = Options(band: 1);

        var schedule = CapacityPlanner.Plan(forecast, options);
        var needs = CapacityPlanner.RequiredInstances(forecast, options);

        for (int h = 0; h < 24; h++)
            Assert.True(schedule.MinimumAt(Monday.AddHours(h)) >= needs[h], $"hour {h}");
        // Needs: 2 until 06:00, 3, 6, then 9-10 until 15:00, 7, 5, 3, 3, then 2. The rest of the week
        // needs the minimum (1), within the band of Monday night's 2, so it joins that entry.
        Assert.Equal(
            "UTC: Mon 06:00-Mon 07:00 min 3, Mon 07:00-Mon 08:00 min 6, Mon 08:00-Mon 15:00 min 10, Mon 15:00-Mon 16:00 min 7, "
            + "Mon 16:00-Mon 17:00 min 5, Mon 17:00-Tue 00:00 min 3, Tue 00:00-Mon 06:00 min 2",
            schedule.ToString());
    }

    [Fact]
    public void Time_the_forecast_does_not_cover_gets_the_minimum_capacity()
    {
        var schedule = CapacityPlanner.Plan(Forecast(800), Options(min: 2));

        Assert.Equal(8, schedule.MinimumAt(TimeOfWeek.Of(DayOfWeek.Monday, 12, 0)));
        Assert.Equal(2, schedule.MinimumAt(TimeOfWeek.Of(DayOfWeek.Tuesday, 12, 0)));
        Assert.Equal(2, schedule.MinimumAt(TimeOfWeek.Of(DayOfWeek.Sunday, 23, 59)));
        Assert.Equal("UTC", schedule.TimeZoneId);
    }

    [Fact]
    public void A_forecast_longer_than_a_week_keeps_the_higher_need_of_each_time_of_week()
    {
        var loads = Enumerable.Range(0, 14 * 24).Select(i => i < 7 * 24 ? 300.0 : 500.0);
        var forecast = new LoadForecast(Zone, Monday, TimeSpan.FromHours(1), loads, [], 0, Enumerable.Repeat(1.0, 14));

        var schedule = CapacityPlanner.Plan(forecast, Options());

        Assert.Equal(5, Assert.Single(schedule.Entries).MinimumCapacity);
    }

    [Fact]
    public void A_replan_after_a_small_forecast_change_leaves_the_schedule_as_it_was()
    {
        var options = Options(band: 1);
        var first = CapacityPlanner.Plan(Forecast(1000), options); // 10 all Monday

        var slightlyLower = CapacityPlanner.Plan(Forecast(900), options, previous: first); // needs 9
        var muchLower = CapacityPlanner.Plan(Forecast(700), options, previous: first); // needs 7
        var higher = CapacityPlanner.Plan(Forecast(1100), options, previous: first); // needs 11

        Assert.Equal(first.Entries, slightlyLower.Entries);
        Assert.Equal(7, muchLower.MinimumAt(TimeOfWeek.Of(DayOfWeek.Monday, 9, 0)));
        Assert.Equal(11, higher.MinimumAt(TimeOfWeek.Of(DayOfWeek.Monday, 9, 0)));
    }

    [Fact]
    public void Every_problem_with_the_options_is_reported_at_once()
    {
        var options = new CapacityPlanOptions
        {
            CapacityPerInstance = 0,
            Quantile = 0.3,
            Headroom = -1,
            MinCapacity = 5,
            MaxCapacity = 3,
            HysteresisInstances = -1,
        };

        var problems = options.FindProblems("scaling.plan").ToList();
        var error = Assert.Throws<InvalidSpecException>(() => CapacityPlanner.RequiredInstances(Forecast(1), options));

        Assert.Equal(
            new[]
            {
                "scaling.plan.capacityPerInstance = 0: must be a positive load, in the unit of the load history, that one instance serves",
                "scaling.plan.quantile = 0.3: must lie between 0.5 (the median) and 1; 0.9 is usual",
                "scaling.plan.headroom = -1: must be a fraction between 0 and 10, e.g. 0.2 for 20 %",
                "scaling.plan.maxCapacity = 3: must be at least 1 and at least minCapacity (5); raise it or lower minCapacity",
                "scaling.plan.hysteresisInstances = -1: must be 0 (follow every change) or more",
            },
            problems.Select(p => p.ToString()));
        Assert.StartsWith("Capacity plan options has 5 problems:", error.Message);
    }
}
