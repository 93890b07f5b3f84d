using Infra.Components.Autoscaling.Forecasting;
using Xunit;

namespace Infra.Tests.Autoscaling.Forecasting;

public class LoadHistoryResampleTests
{
    private static LoadHistory Minutes(DateTime start, params double[] values) =>
        new("UTC", values.Select((v, i) => new LoadSample(start.AddMinutes(i), v)));

    [Fact]
    public void Minutes_average_into_slots_that_keep_the_unit()
    {
        var start = new DateTime(2024, 1, 1, 0, 0, 0);
        var history = Minutes(start, Enumerable.Range(0, 120).Select(i => i < 60 ? 10.0 : 30.0).ToArray());

        var series = history.Resample(TimeSpan.FromHours(1));

        Assert.Equal(start, series.Start);
        Assert.Equal(new[] { 10.0, 30.0 }, series.Values);
    }

    [Fact]
    public void A_slot_with_no_rows_is_missing_not_zero_and_a_partly_covered_one_averages_what_is_known()
    {
        var start = new DateTime(2024, 1, 1, 0, 0, 0);
        var samples = new List<LoadSample>
        {
            new(start, 10), new(start.AddMinutes(30), 20), // first hour: two 30-minute samples
            new(start.AddHours(2).AddMinutes(30), 40), // third hour: only its second half
        };
        var history = new LoadHistory("UTC", samples);

        var series = history.Resample(TimeSpan.FromHours(1));

        Assert.Equal(3, series.Count);
        Assert.Equal(15, series.Values[0]);
        Assert.True(double.IsNaN(series.Values[1]));
        Assert.Equal(40, series.Values[2]);
    }

    [Fact]
    public void A_grid_starts_on_a_step_boundary_after_midnight()
    {
        var history = Minutes(new DateTime(2024, 1, 1, 7, 20, 0), 1, 2, 3);

        var series = history.Resample(TimeSpan.FromMinutes(15));

        Assert.Equal(new DateTime(2024, 1, 1, 7, 15, 0), series.Start);
        Assert.Equal(2, Assert.Single(series.Values));
    }

    [Fact]
    public void A_finer_step_holds_each_sample_over_its_own_step()
    {
        var start = new DateTime(2024, 1, 1, 0, 0, 0);
        var history = new LoadHistory("UTC", [new(start, 6), new(start.AddMinutes(30), 8)]);

        var series = history.Resample(TimeSpan.FromMinutes(10));

        Assert.Equal(new[] { 6.0, 6, 6, 8, 8, 8 }, series.Values);
    }

    [Fact]
    public void The_repeated_hour_of_a_clock_change_is_averaged_into_one_wall_clock_slot()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        // 2014-11-02: 01:00-02:00 happens twice in New York, first at -04:00 then at -05:00.
        var csv = "timestamp,value\n2014-11-02T00:00:00-04:00,10\n2014-11-02T01:00:00-04:00,20\n2014-11-02T01:00:00-05:00,40\n2014-11-02T02:00:00-05:00,10\n";
        var history = LoadHistoryCsv.Parse(new StringReader(csv), zone);

        var series = history.Resample(TimeSpan.FromHours(1));

        Assert.Equal(new[] { 10.0, 30, 10 }, series.Values);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(0)]
    [InlineData(25 * 60)]
    public void A_step_that_does_not_divide_a_day_is_refused(int minutes)
    {
        var history = Minutes(new DateTime(2024, 1, 1), 1, 2);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => history.Resample(TimeSpan.FromMinutes(minutes)));

        Assert.Contains("divide a day evenly", error.Message);
    }

    [Fact]
    public void Before_keeps_only_slots_that_start_before_the_origin()
    {
        var series = SyntheticLoad.Series(days: 3, stepMinutes: 60);

        var history = series.Before(SyntheticLoad.Start.AddDays(2));

        Assert.Equal(48, history.Count);
        Assert.Equal(SyntheticLoad.Start.AddDays(2), history.End);
    }

    [Fact]
    public void Off_grid_samples_are_bucketed_into_the_source_slot_that_holds_them()
    {
        // Every 5 minutes at hh:m2:53, as the Twitter trace logs them: each sample belongs to one
        // 5-minute slot (hh:m0), not spread over two.
        var start = new DateTime(2024, 1, 1, 0, 2, 53);
        var history = new LoadHistory("UTC", Enumerable.Range(0, 24).Select(i => new LoadSample(start.AddMinutes(5 * i), i < 12 ? 10 : 30)));

        var fine = history.Resample(TimeSpan.FromMinutes(5));
        var hourly = history.Resample(TimeSpan.FromHours(1));

        Assert.Equal(new DateTime(2024, 1, 1), fine.Start);
        Assert.Equal(Enumerable.Range(0, 24).Select(i => i < 12 ? 10.0 : 30.0), fine.Values);
        Assert.Equal(new[] { 10.0, 30.0 }, hourly.Values);
    }

    [Fact]
    public void A_trace_logged_in_utc_is_read_on_the_wall_clock_of_another_zone()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var csv = "timestamp,value\n2015-03-02 05:00:00,7\n2015-03-02 06:00:00,9\n2015-03-02T12:00:00Z,11\n";

        var history = LoadHistoryCsv.Parse(new StringReader(csv), zone, sourceZone: TimeZoneInfo.Utc);

        Assert.Equal(new[] { new DateTime(2015, 3, 2, 0, 0, 0), new DateTime(2015, 3, 2, 1, 0, 0), new DateTime(2015, 3, 2, 7, 0, 0) },
            history.Samples.Select(s => s.LocalTime));
    }
}
