using System.Globalization;
using System.Text.Json;
using Infra.Bench;
using Infra.Tests.Autoscaling.Forecasting;
using Xunit;

namespace Infra.Tests.Bench;

public sealed class BenchCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bench-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A CSV of <see cref="SyntheticLoad.Pattern"/> every <paramref name="stepMinutes"/>,
    /// with <paramref name="offset"/> written after each timestamp.</summary>
    private string Trace(string name, int days, int stepMinutes, string offset = "", string? extraLine = null)
    {
        var lines = new List<string> { "timestamp,value" };
        for (var t = SyntheticLoad.Start; t < SyntheticLoad.Start.AddDays(days); t = t.AddMinutes(stepMinutes))
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{t:yyyy-MM-ddTHH:mm:ss}{offset},{SyntheticLoad.Pattern(t) * (1 + SyntheticLoad.Noise(lines.Count, 0.1)):F2}"));
        if (extraLine is not null)
            lines.Add(extraLine);
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static JsonElement[] Json(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement.EnumerateArray().ToArray();

    [Fact]
    public void A_bad_trace_is_reported_and_the_others_are_still_evaluated_and_written()
    {
        var good = Trace("good.csv", days: 35, stepMinutes: 60);
        var bad = Trace("bad.csv", days: 35, stepMinutes: 60, extraLine: "2024-03-01T00:00:00,lots");
        var json = Path.Combine(_folder, "figures.json");

        int code = BenchCommand.Run(["--trace", bad, "--trace", good, "--json", json]);

        Assert.Equal(1, code);
        var traces = Json(json);
        Assert.Equal(2, traces.Length);
        var figures = Assert.Single(traces, t => t.GetProperty("trace").GetString() == "good.csv");
        // 35 days: 28 origins after the first week, two 14-day windows.
        Assert.Equal(2, figures.GetProperty("windows").GetArrayLength());
        var failed = Assert.Single(traces, t => t.GetProperty("trace").GetString() == "bad.csv");
        Assert.Contains("not a load", failed.GetProperty("error").GetString());
    }

    [Fact]
    public void Windows_tile_the_end_of_the_history_and_every_origin_has_a_week_before_it()
    {
        var path = Trace("five-weeks.csv", days: 35, stepMinutes: 30);
        var json = Path.Combine(_folder, "figures.json");

        Assert.Equal(0, BenchCommand.Run(["--trace", path, "--json", json, "--eval-days", "7"]));

        var trace = Assert.Single(Json(json));
        Assert.Equal(7, trace.GetProperty("minimum_history_days").GetInt32());
        Assert.Equal("2024-01-08", trace.GetProperty("first_origin").GetString());
        Assert.Contains("only the load before that midnight", trace.GetProperty("protocol").GetString());
        var windows = trace.GetProperty("windows").EnumerateArray().ToArray();
        Assert.Equal(["2024-01-29", "2024-01-22", "2024-01-15", "2024-01-08"], windows.Select(w => w.GetProperty("start").GetString()));
        Assert.All(windows, w => Assert.Equal(7, w.GetProperty("days").GetInt32()));
        Assert.Equal(28, trace.GetProperty("all_origins").GetProperty("days").GetInt32());
        // A noisy weekly pattern: with one week of history the forecaster is week-naive; with more,
        // it beats it.
        Assert.Equal(1, windows[^1].GetProperty("ratio_to_week_naive").GetDouble(), 9);
        Assert.All(windows[..^1], w => Assert.True(w.GetProperty("ratio_to_week_naive").GetDouble() < 1));
    }

    [Fact]
    public void A_history_too_short_for_one_window_is_evaluated_over_every_origin_it_has()
    {
        var path = Trace("ten-days.csv", days: 10, stepMinutes: 60);
        var json = Path.Combine(_folder, "figures.json");

        Assert.Equal(0, BenchCommand.Run(["--trace", path, "--json", json]));

        var trace = Assert.Single(Json(json));
        Assert.False(trace.GetProperty("full_windows").GetBoolean());
        var window = Assert.Single(trace.GetProperty("windows").EnumerateArray());
        Assert.Equal(3, window.GetProperty("days").GetInt32());
    }

    [Fact]
    public void Step_and_zone_come_from_the_data_not_from_the_file_name()
    {
        var fine = Trace("nab_nyc_taxi.csv", days: 21, stepMinutes: 15, offset: "-04:00");
        var coarse = Trace("nasa_http_1995.csv", days: 21, stepMinutes: 120);
        var json = Path.Combine(_folder, "figures.json");

        Assert.Equal(0, BenchCommand.Run(["--trace", fine, "--trace", coarse, "--json", json]));

        var traces = Json(json).ToDictionary(t => t.GetProperty("trace").GetString()!);
        // Finer steps are averaged to the program's 60-minute default; coarser ones kept.
        Assert.Equal(60, traces["nab_nyc_taxi.csv"].GetProperty("step_minutes").GetInt32());
        Assert.Equal("Etc/GMT+4", traces["nab_nyc_taxi.csv"].GetProperty("time_zone").GetString());
        Assert.Equal(120, traces["nasa_http_1995.csv"].GetProperty("step_minutes").GetInt32());
        Assert.Equal("UTC", traces["nasa_http_1995.csv"].GetProperty("time_zone").GetString());
    }

    [Fact]
    public void A_trace_logged_in_utc_is_converted_by_time_zone_alone()
    {
        var path = Trace("utc.csv", days: 21, stepMinutes: 60);
        var json = Path.Combine(_folder, "figures.json");

        Assert.Equal(0, BenchCommand.Run(["--trace", path, "--json", json, "--time-zone", "Asia/Tokyo"]));

        var trace = Assert.Single(Json(json));
        Assert.Equal("Asia/Tokyo", trace.GetProperty("time_zone").GetString());
        // Offset-less timestamps are UTC unless --source-time-zone says otherwise: the first sample,
        // 2024-01-01 00:00 UTC, is 09:00 in Tokyo, so the first whole day is 01-02.
        Assert.Equal("2024-01-09", trace.GetProperty("first_origin").GetString());
    }

    [Fact]
    public void A_trace_logged_in_local_time_names_its_zone_with_source_time_zone()
    {
        var path = Trace("local.csv", days: 21, stepMinutes: 60);
        var json = Path.Combine(_folder, "figures.json");

        Assert.Equal(0, BenchCommand.Run(["--trace", path, "--json", json, "--time-zone", "Asia/Tokyo", "--source-time-zone", "Asia/Tokyo"]));
        Assert.Equal("2024-01-08", Assert.Single(Json(json)).GetProperty("first_origin").GetString());

        // Without --time-zone the trace is evaluated in the zone it is written in.
        Assert.Equal(0, BenchCommand.Run(["--trace", path, "--json", json, "--source-time-zone", "Asia/Tokyo"]));
        var trace = Assert.Single(Json(json));
        Assert.Equal("Asia/Tokyo", trace.GetProperty("time_zone").GetString());
        Assert.Equal("2024-01-08", trace.GetProperty("first_origin").GetString());
    }

    [Fact]
    public void Timestamps_with_an_offset_are_absolute_whatever_the_source_zone()
    {
        var path = Trace("offset.csv", days: 21, stepMinutes: 60, offset: "Z");
        var json = Path.Combine(_folder, "figures.json");

        Assert.Equal(0, BenchCommand.Run(["--trace", path, "--json", json, "--time-zone", "Asia/Tokyo", "--source-time-zone", "Asia/Tokyo"]));

        Assert.Equal("2024-01-09", Assert.Single(Json(json)).GetProperty("first_origin").GetString());
    }

    [Theory]
    [InlineData("--eval-days", "0")]
    [InlineData("--windows", "0")]
    [InlineData("--bogus", "1")]
    public void Bad_options_are_usage_errors(string option, string value)
    {
        Assert.Equal(2, BenchCommand.Run([option, value]));
    }
}
