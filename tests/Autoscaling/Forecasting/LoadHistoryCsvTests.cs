using Infra.Components.Autoscaling.Forecasting;
using Xunit;

namespace Infra.Tests.Autoscaling.Forecasting;

public class LoadHistoryCsvTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static LoadHistory Parse(string text, TimeZoneInfo? zone = null) =>
        LoadHistoryCsv.Parse(new StringReader(text), zone, "test.csv");

    [Fact]
    public void Rows_after_the_header_are_read_in_time_order()
    {
        var history = Parse("timestamp,value\n2024-01-01T01:00:00,20\n2024-01-01T00:00:00,10\n2024-01-01T02:00:00,30.5\n");

        Assert.Equal(new[] { 10, 20, 30.5 }, history.Samples.Select(s => s.Value));
        Assert.Equal(new DateTime(2024, 1, 1, 0, 0, 0), history.Samples[0].LocalTime);
        Assert.Equal(TimeSpan.FromHours(1), history.SourceStep);
    }

    [Fact]
    public void A_timestamp_without_offset_is_wall_clock_time_of_the_series_zone()
    {
        var history = Parse("timestamp,value\n2015-01-26 09:30:00,5\n2015-01-26 10:00,6\n", NewYork);

        Assert.Equal(new DateTime(2015, 1, 26, 9, 30, 0), history.Samples[0].LocalTime);
        Assert.Equal(new DateTime(2015, 1, 26, 10, 0, 0), history.Samples[1].LocalTime);
        Assert.Equal("America/New_York", history.TimeZoneId);
    }

    [Fact]
    public void A_timestamp_with_an_offset_is_converted_to_the_series_zone()
    {
        var history = Parse(
            "timestamp,value\n2015-01-26T14:30:00Z,1\n2015-01-26T16:30:00+01:00,2\n1995-07-01T00:00:00-04:00,3\n2015-07-01T12:00:00+0200,4\n",
            NewYork);

        Assert.Equal(
            new[]
            {
                new DateTime(1995, 7, 1, 0, 0, 0), // -04:00 is New York summer time already
                new DateTime(2015, 1, 26, 9, 30, 0), // UTC 14:30 is 09:30 EST
                new DateTime(2015, 1, 26, 10, 30, 0),
                new DateTime(2015, 7, 1, 6, 0, 0), // +02:00 noon is 06:00 EDT
            },
            history.Samples.Select(s => s.LocalTime));
    }

    [Fact]
    public void Without_a_zone_timestamps_are_read_as_utc()
    {
        var history = Parse("timestamp,value\n2015-01-26T09:30:00-05:00,1\n2015-01-26T15:00:00,2\n");

        Assert.Equal(new DateTime(2015, 1, 26, 14, 30, 0), history.Samples[0].LocalTime);
        Assert.Equal(new DateTime(2015, 1, 26, 15, 0, 0), history.Samples[1].LocalTime);
        Assert.Equal("UTC", history.TimeZoneId);
    }

    [Fact]
    public void Fractional_seconds_are_kept()
    {
        var history = Parse("timestamp,value\n2024-03-01T12:00:00.25,1\n");

        Assert.Equal(new DateTime(2024, 3, 1, 12, 0, 0).AddMilliseconds(250), history.Samples[0].LocalTime);
    }

    [Fact]
    public void An_unparsable_timestamp_names_its_line_and_text()
    {
        var error = Assert.Throws<LoadHistoryFormatException>(() =>
            Parse("timestamp,value\n2024-01-01T00:00:00,1\n\n2024-01-01T25:00:00,2\n"));

        Assert.Equal(4, error.LineNumber);
        Assert.Equal("2024-01-01T25:00:00,2", error.LineText);
        Assert.StartsWith("test.csv, line 4: \"2024-01-01T25:00:00\" is not an ISO 8601 timestamp", error.Message);
        Assert.Contains("\"2024-01-01T25:00:00,2\"", error.Message);
    }

    [Theory]
    [InlineData("2024-01-01T00:00:00,abc", "\"abc\" is not a load")]
    [InlineData("2024-01-01T00:00:00,-3", "\"-3\" is not a load")]
    [InlineData("2024-01-01T00:00:00,NaN", "\"NaN\" is not a load")]
    [InlineData("2024-01-01T00:00:00,1,2", "expected 2 columns (timestamp,value), found 3")]
    [InlineData("yesterday,5", "\"yesterday\" is not an ISO 8601 timestamp")]
    [InlineData("2024-02-30T00:00:00,5", "\"2024-02-30T00:00:00\" is not an ISO 8601 timestamp")]
    public void A_bad_row_stops_the_read_with_its_line_number(string row, string reason)
    {
        var error = Assert.Throws<LoadHistoryFormatException>(() =>
            Parse($"timestamp,value\n2024-01-01T00:00:00,1\n{row}\n"));

        Assert.Equal(3, error.LineNumber);
        Assert.Equal(row, error.LineText);
        Assert.Contains($"line 3: {reason}", error.Message);
    }

    [Fact]
    public void An_empty_value_is_a_gap_and_missing_rows_are_allowed()
    {
        var history = Parse("timestamp,value\n2024-01-01T00:00,1\n2024-01-01T00:05,\n2024-01-01T00:10,3\n2024-01-01T00:40,4\n2024-01-01T00:45,5\n");

        Assert.Equal(new[] { 1.0, 3, 4, 5 }, history.Samples.Select(s => s.Value));
        // The 30-minute hole does not hide the 5-minute step.
        Assert.Equal(TimeSpan.FromMinutes(5), history.SourceStep);
    }

    [Fact]
    public void A_file_without_a_header_loses_no_sample()
    {
        var history = Parse("2024-01-01T00:00:00,7\n2024-01-01T01:00:00,8\n");

        Assert.Equal(new[] { 7.0, 8 }, history.Samples.Select(s => s.Value));
    }

    [Fact]
    public void Quoted_fields_and_surrounding_spaces_are_accepted()
    {
        var history = Parse("\"timestamp\",\"value\"\n\"2024-01-01T00:00:00\", 12.5 \n");

        Assert.Equal(12.5, Assert.Single(history.Samples).Value);
    }
}
