using Infra.Components.Autoscaling;
using Infra.Components.Autoscaling.Forecasting;
using Infra.Components.Common;
using Infra.Settings;
using Infra.Tests.Harness;
using Xunit;

namespace Infra.Tests.Autoscaling.Forecasting;

/// <summary>
/// Load history from the clouds' own tools: small real-shaped exports of <c>aws cloudwatch
/// get-metric-data</c>, <c>az monitor metrics list</c> and a Prometheus <c>query_range</c> response
/// (tests/Autoscaling/Forecasting/Exports/), each detected from its content, and broken variants
/// refused with the JSON path or line and a fix.
/// </summary>
public sealed class LoadHistoryFileTests
{
    private static string Export(string name) => Path.Combine(RepoPaths.Root, "tests", "Autoscaling", "Forecasting", "Exports", name);

    private static LoadHistory Parse(string text) => LoadHistoryFile.Parse(new StringReader(text), TimeZoneInfo.Utc, "export.json");

    private static string Refusal(string text) => Assert.Throws<LoadHistoryFormatException>(() => Parse(text)).Message;

    [Fact]
    public void A_cloudwatch_export_is_read_in_time_order()
    {
        var history = LoadHistoryFile.Read(Export("cloudwatch-get-metric-data.json"));
        Assert.Equal([110.0, 120.0, 130.0], history.Samples.Select(s => s.Value));
        Assert.Equal(new DateTime(2024, 3, 4, 9, 0, 0), history.Samples[0].LocalTime);
        Assert.Equal(TimeSpan.FromHours(1), history.SourceStep);
    }

    [Fact]
    public void An_azure_monitor_export_uses_the_asked_aggregation_and_skips_empty_points()
    {
        var history = LoadHistoryFile.Read(Export("az-monitor-metrics-list.json"), TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        Assert.Equal([110.0, 120.0], history.Samples.Select(s => s.Value));
        Assert.Equal(new DateTime(2024, 3, 4, 4, 0, 0), history.Samples[0].LocalTime); // 09:00Z is 04:00 EST
        Assert.Equal("America/New_York", history.TimeZoneId);
    }

    [Fact]
    public void A_prometheus_range_is_read_with_nan_as_a_gap()
    {
        var history = LoadHistoryFile.Read(Export("prometheus-query-range.json"));
        Assert.Equal(3, history.Samples.Count);
        Assert.Equal(new DateTime(2024, 3, 4, 9, 0, 0), history.Samples[0].LocalTime); // 1709542800
        Assert.Equal(2.0, history.Samples[1].Value);
    }

    [Fact]
    public void Csv_is_still_read()
    {
        var history = Parse("timestamp,value\n2024-03-04T09:00:00Z,5\n2024-03-04T10:00:00Z,6\n");
        Assert.Equal([5.0, 6.0], history.Samples.Select(s => s.Value));
    }

    [Fact]
    public void Split_azure_series_are_added_up_per_timestamp()
    {
        var history = Parse("""
            {"value": [{"name": {"value": "TotalRequests"}, "timeseries": [
              {"data": [{"timeStamp": "2024-03-04T09:00:00Z", "total": 1}, {"timeStamp": "2024-03-04T10:00:00Z", "total": 2}]},
              {"data": [{"timeStamp": "2024-03-04T09:00:00Z", "total": 10}, {"timeStamp": "2024-03-04T10:00:00Z", "total": 20}]}]}]}
            """);
        Assert.Equal([11.0, 22.0], history.Samples.Select(s => s.Value));
    }

    [Fact]
    public void Broken_cloudwatch_exports_name_the_path_and_the_fix()
    {
        var good = File.ReadAllText(Export("cloudwatch-get-metric-data.json"));
        Assert.Equal("export.json, at $.MetricDataResults[0].StatusCode: \"PartialData\": the export is incomplete; run the command again without --max-items (the CLI then follows every NextToken)",
            Refusal(good.Replace("\"Complete\"", "\"PartialData\"", StringComparison.Ordinal)));
        Assert.Equal("export.json, at $.MetricDataResults[0].Timestamps[1]: \"yesterday\" is not an ISO 8601 timestamp such as 2024-01-01T00:00:00+00:00",
            Refusal(good.Replace("\"2024-03-04T10:00:00+00:00\"", "\"yesterday\"", StringComparison.Ordinal)));
        Assert.Equal("export.json, at $.MetricDataResults[0]: 3 Timestamps but 2 Values; save the command's output unchanged",
            Refusal(good.Replace("130.0,", "", StringComparison.Ordinal)));
        Assert.Equal("export.json, at $.MetricDataResults[0].Values[0]: -1 is not a load: a finite number of at least 0",
            Refusal(good.Replace("130.0", "-1", StringComparison.Ordinal)));
        Assert.StartsWith("export.json, at $.MetricDataResults: 2 results; export one",
            Refusal("""{"MetricDataResults": [{"Timestamps": [], "Values": []}, {"Timestamps": [], "Values": []}]}"""), StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_azure_and_prometheus_exports_name_the_path_and_the_fix()
    {
        var azure = File.ReadAllText(Export("az-monitor-metrics-list.json"));
        Assert.Equal("export.json, at $.value[0].timeseries[0].data[1].total: \"many\" is not a number",
            Refusal(azure.Replace("\"total\": 120.0", "\"total\": \"many\"", StringComparison.Ordinal)));
        Assert.StartsWith("export.json, at $.value[0].timeseries: no data point has a value",
            Refusal(azure.Replace("\"total\": 110.0", "\"x\": 1", StringComparison.Ordinal).Replace("\"total\": 120.0", "\"x\": 1", StringComparison.Ordinal)), StringComparison.Ordinal);

        var prometheus = File.ReadAllText(Export("prometheus-query-range.json"));
        Assert.Equal("export.json, at $.data.result: 2 series; aggregate the query to one, e.g. sum(rate(http_requests_total[5m]))",
            Refusal(prometheus.Replace("[{\"metric\":{},", "[{\"metric\":{},\"values\":[]},{\"metric\":{},", StringComparison.Ordinal)));
        Assert.Equal("export.json, at $.data.result[0].values[1][1]: \"two\" is not a number",
            Refusal(prometheus.Replace("\"2\"]", "\"two\"]", StringComparison.Ordinal)));
        Assert.Equal("export.json, at $.status: \"error\" (parse error at char 5: unexpected identifier); fix the query and export again",
            Refusal("""{"status": "error", "errorType": "bad_data", "error": "parse error at char 5: unexpected identifier"}"""));
        Assert.Equal("export.json, at $.data.resultType: \"vector\": an instant query; use /api/v1/query_range with start, end and step",
            Refusal("""{"status": "success", "data": {"resultType": "vector", "result": []}}"""));
    }

    [Fact]
    public void Unknown_or_invalid_json_names_the_line_or_the_shapes()
    {
        Assert.StartsWith("export.json, at $: a JSON document of no known export", Refusal("""{"datapoints": []}"""), StringComparison.Ordinal);
        var message = Refusal("{\n  \"MetricDataResults\": [\n    {\"Id\": \"a\",,}\n  ]\n}");
        Assert.StartsWith("export.json, line 3: not valid JSON", message, StringComparison.Ordinal);
        Assert.EndsWith("\"    {\"Id\": \"a\",,}\"", message, StringComparison.Ordinal);
    }

    /// <summary>Three weeks of hourly load, busy on weekdays 09:00-17:00 Berlin time, as each tool exports it.</summary>
    private static IEnumerable<(DateTimeOffset Time, double Load)> ThreeWeeks()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        return Enumerable.Range(0, 21 * 24).Select(h =>
        {
            var local = new DateTime(2024, 3, 4).AddHours(h);
            var busy = local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && local.Hour is >= 9 and < 17;
            return (new DateTimeOffset(local, berlin.GetUtcOffset(local)), busy ? 100.0 : 20.0);
        });
    }

    public static TheoryData<string> Formats => new(["cloudwatch", "azure", "prometheus"]);

    private static string ExportOf(string format)
    {
        var points = ThreeWeeks().ToList();
        static string Iso(DateTimeOffset t) => "\"" + t.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss+00:00", System.Globalization.CultureInfo.InvariantCulture) + "\"";
        static string Number(double v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var newestFirst = points.AsEnumerable().Reverse().ToList();
        return format switch
        {
            "cloudwatch" => "{\"MetricDataResults\": [{\"Id\": \"r\", \"Label\": \"RequestCount\", \"Timestamps\": ["
                + string.Join(", ", newestFirst.Select(p => Iso(p.Time))) + "], \"Values\": ["
                + string.Join(", ", newestFirst.Select(p => Number(p.Load))) + "], \"StatusCode\": \"Complete\"}], \"Messages\": []}",
            "azure" => "{\"interval\": \"PT1H\", \"value\": [{\"name\": {\"value\": \"TotalRequests\"}, \"timeseries\": [{\"data\": ["
                + string.Join(", ", points.Select(p => "{\"timeStamp\": " + Iso(p.Time) + ", \"total\": " + Number(p.Load) + "}")) + "]}]}]}",
            _ => "{\"status\": \"success\", \"data\": {\"resultType\": \"matrix\", \"result\": [{\"metric\": {}, \"values\": ["
                + string.Join(", ", points.Select(p => "[" + p.Time.ToUnixTimeSeconds() + ", \"" + Number(p.Load) + "\"]")) + "]}]}}",
        };
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_stack_forecast_plans_the_same_schedule_from_each_export(string format)
    {
        var root = Directory.CreateTempSubdirectory("infra-export-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "history.json"), ExportOf(format));
            File.WriteAllLines(Path.Combine(root, "history.csv"),
                ["timestamp,value", .. ThreeWeeks().Select(p => $"{p.Time:yyyy-MM-ddTHH:mm:sszzz},{p.Load.ToString(System.Globalization.CultureInfo.InvariantCulture)}")]);
            var scaling = new ScalingSpec { MinSize = 2, MaxSize = 6, Predictive = new PredictiveScalingPolicy { Source = PredictiveScalingPolicy.Both } };
            ForecastScheduleSpec? PlanFrom(string file, List<SpecProblem> problems) => ServiceForecast.Plan(
                new ForecastSettings { History = file, TimeZone = "Europe/Berlin", CapacityPerInstance = 25, Headroom = 0, Quantile = 0.5 },
                scaling, root, "infra:service.forecast", "infra:service.scaling", problems);

            var problems = new List<SpecProblem>();
            var fromExport = PlanFrom("history.json", problems);
            var fromCsv = PlanFrom("history.csv", problems);

            Assert.Empty(problems);
            Assert.NotNull(fromExport);
            Assert.NotNull(fromCsv);
            Assert.Equal(fromCsv.Entries.Select(e => (e.Start, e.MinSize)), fromExport.Entries.Select(e => (e.Start, e.MinSize)));
            // Busy weekdays need 100 / 25 = 4 instances from 09:00 Berlin time (adapters raise it ahead).
            Assert.Contains(fromExport.Entries, e => e.Start == "Mon 09:00" && e.MinSize == 4);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
