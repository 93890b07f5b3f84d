using System.Text.Json;

namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>
/// Reads the JSON that <c>az monitor metrics list --output json</c> prints:
/// <c>{"interval": "PT1M", "value": [{"name": {"value": "TotalRequests"}, "timeseries": [{"data": [{"timeStamp", "total"}, ...]}]}]}</c>.
/// </summary>
/// <remarks>
/// Exactly one metric (one <c>--metric</c>). Each data point carries the aggregation that was asked for
/// (<c>--aggregation Total</c> gives <c>total</c>; <c>average</c>, <c>count</c>, <c>maximum</c>, <c>minimum</c>
/// likewise); the first of those present in the series is used for every point, and a point without it is a
/// gap. Several time series (a <c>--filter</c> split by a dimension) are added up per timestamp.
/// Shape: Azure Monitor REST "Metrics - List" response (Response, Metric, TimeSeriesElement, MetricValue).
/// </remarks>
public static class AzureMonitorMetricsJson
{
    private static readonly string[] Aggregations = ["total", "average", "count", "maximum", "minimum"];

    /// <summary>Reads the document <paramref name="root"/>.</summary>
    public static LoadHistory Parse(JsonElement root, TimeZoneInfo zone, string source)
    {
        var metrics = LoadHistoryFile.Member(root, "value", "$", source, JsonValueKind.Array);
        if (metrics.GetArrayLength() != 1)
            throw new LoadHistoryFormatException(source, "$.value",
                $"{metrics.GetArrayLength()} metrics; export one (a single name after --metrics)");
        const string at = "$.value[0]";
        var series = LoadHistoryFile.Member(metrics[0], "timeseries", at, source, JsonValueKind.Array);
        if (series.GetArrayLength() == 0)
            throw new LoadHistoryFormatException(source, $"{at}.timeseries",
                "no time series: the metric had no data in that range (check --start-time/--end-time and the resource id)");

        string? aggregation = null;
        var sums = new Dictionary<DateTime, double>();
        for (var s = 0; s < series.GetArrayLength(); s++)
        {
            var data = LoadHistoryFile.Member(series[s], "data", $"{at}.timeseries[{s}]", source, JsonValueKind.Array);
            for (var i = 0; i < data.GetArrayLength(); i++)
            {
                var pointAt = $"{at}.timeseries[{s}].data[{i}]";
                var point = data[i];
                var time = LoadHistoryFile.Timestamp(LoadHistoryFile.Member(point, "timeStamp", pointAt, source, JsonValueKind.String), $"{pointAt}.timeStamp", source, zone);
                aggregation ??= Aggregations.FirstOrDefault(a => point.TryGetProperty(a, out var v) && v.ValueKind == JsonValueKind.Number);
                if (aggregation is null || !point.TryGetProperty(aggregation, out var value) || value.ValueKind == JsonValueKind.Null)
                    continue; // no data in that interval: a gap
                if (value.ValueKind != JsonValueKind.Number)
                    throw new LoadHistoryFormatException(source, $"{pointAt}.{aggregation}", $"{value.GetRawText()} is not a number");
                var load = LoadHistoryFile.Load(value.GetDouble(), $"{pointAt}.{aggregation}", source);
                sums[time] = sums.GetValueOrDefault(time) + load;
            }
        }

        if (aggregation is null)
            throw new LoadHistoryFormatException(source, $"{at}.timeseries",
                $"no data point has a value ({string.Join(", ", Aggregations)}); pass --aggregation Total (or Average)");
        return new LoadHistory(TimeZoneIds.ToIana(zone), sums.Select(kv => new LoadSample(kv.Key, kv.Value)));
    }
}
