using System.Globalization;
using System.Text.Json;

namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>
/// Reads a Prometheus HTTP API <c>/api/v1/query_range</c> response, as <c>curl</c> saves it:
/// <c>{"status": "success", "data": {"resultType": "matrix", "result": [{"metric": {...}, "values": [[1700000000, "12.5"], ...]}]}}</c>.
/// </summary>
/// <remarks>
/// Exactly one series (aggregate the query, e.g. <c>sum(rate(http_requests_total[5m]))</c>). Each value is
/// <c>[unix seconds, "number as a string"]</c>; <c>"NaN"</c> is a gap. A response with
/// <c>"status": "error"</c> is refused with Prometheus' own <c>error</c> text.
/// Shape: Prometheus HTTP API documentation, "Range queries" and "Range vectors".
/// </remarks>
public static class PrometheusQueryRangeJson
{
    /// <summary>Reads the document <paramref name="root"/>.</summary>
    public static LoadHistory Parse(JsonElement root, TimeZoneInfo zone, string source)
    {
        var status = LoadHistoryFile.Member(root, "status", "$", source, JsonValueKind.String).GetString();
        if (status != "success")
        {
            var error = root.TryGetProperty("error", out var e) ? e.ToString() : "no error text";
            throw new LoadHistoryFormatException(source, "$.status", $"\"{status}\" ({error}); fix the query and export again");
        }

        var data = LoadHistoryFile.Member(root, "data", "$", source, JsonValueKind.Object);
        var type = LoadHistoryFile.Member(data, "resultType", "$.data", source, JsonValueKind.String).GetString();
        if (type != "matrix")
            throw new LoadHistoryFormatException(source, "$.data.resultType",
                $"\"{type}\": an instant query; use /api/v1/query_range with start, end and step");
        var result = LoadHistoryFile.Member(data, "result", "$.data", source, JsonValueKind.Array);
        if (result.GetArrayLength() != 1)
            throw new LoadHistoryFormatException(source, "$.data.result",
                $"{result.GetArrayLength()} series; aggregate the query to one, e.g. sum(rate(http_requests_total[5m]))");

        const string at = "$.data.result[0].values";
        var values = LoadHistoryFile.Member(result[0], "values", "$.data.result[0]", source, JsonValueKind.Array);
        var samples = new List<LoadSample>(values.GetArrayLength());
        for (var i = 0; i < values.GetArrayLength(); i++)
        {
            var pair = values[i];
            if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2 || pair[0].ValueKind != JsonValueKind.Number
                || pair[1].ValueKind != JsonValueKind.String)
                throw new LoadHistoryFormatException(source, $"{at}[{i}]", $"{pair.GetRawText()} is not [unix seconds, \"value\"]");
            var text = pair[1].GetString()!;
            if (text is "NaN")
                continue;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                throw new LoadHistoryFormatException(source, $"{at}[{i}][1]", $"\"{text}\" is not a number");
            var instant = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(pair[0].GetDouble() * 1000));
            samples.Add(new LoadSample(TimeZoneInfo.ConvertTime(instant, zone).DateTime, LoadHistoryFile.Load(value, $"{at}[{i}][1]", source)));
        }

        return new LoadHistory(TimeZoneIds.ToIana(zone), samples);
    }
}
