using System.Text.Json;

namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>
/// Reads the JSON that <c>aws cloudwatch get-metric-data --output json</c> prints:
/// <c>{"MetricDataResults": [{"Id", "Label", "Timestamps": [...], "Values": [...], "StatusCode"}], "Messages": []}</c>.
/// </summary>
/// <remarks>
/// Exactly one result (one query without <c>ReturnData: false</c>, or one expression), whose
/// <c>Timestamps</c> and <c>Values</c> pair up by index (CloudWatch lists them newest first; order does
/// not matter here). <c>StatusCode</c> must be <c>Complete</c>: <c>PartialData</c> means a
/// <c>NextToken</c> page is missing (the CLI follows pages itself unless <c>--max-items</c> cuts it).
/// Shape: AWS CLI reference for get-metric-data, MetricDataResult (Id, Label, Timestamps, Values, StatusCode).
/// </remarks>
public static class CloudWatchMetricDataJson
{
    /// <summary>Reads the document <paramref name="root"/>.</summary>
    public static LoadHistory Parse(JsonElement root, TimeZoneInfo zone, string source)
    {
        var results = LoadHistoryFile.Member(root, "MetricDataResults", "$", source, JsonValueKind.Array);
        if (results.GetArrayLength() != 1)
            throw new LoadHistoryFormatException(source, "$.MetricDataResults",
                $"{results.GetArrayLength()} results; export one metric (set ReturnData to false on the other queries of --metric-data-queries)");
        var result = results[0];
        const string at = "$.MetricDataResults[0]";
        if (result.TryGetProperty("StatusCode", out var status) && status.GetString() is { } code && code != "Complete")
            throw new LoadHistoryFormatException(source, $"{at}.StatusCode",
                $"\"{code}\": the export is incomplete; run the command again without --max-items (the CLI then follows every NextToken)");

        var timestamps = LoadHistoryFile.Member(result, "Timestamps", at, source, JsonValueKind.Array);
        var values = LoadHistoryFile.Member(result, "Values", at, source, JsonValueKind.Array);
        if (timestamps.GetArrayLength() != values.GetArrayLength())
            throw new LoadHistoryFormatException(source, at,
                $"{timestamps.GetArrayLength()} Timestamps but {values.GetArrayLength()} Values; save the command's output unchanged");

        var samples = new List<LoadSample>(values.GetArrayLength());
        for (var i = 0; i < values.GetArrayLength(); i++)
        {
            var time = LoadHistoryFile.Timestamp(timestamps[i], $"{at}.Timestamps[{i}]", source, zone);
            if (values[i].ValueKind != JsonValueKind.Number)
                throw new LoadHistoryFormatException(source, $"{at}.Values[{i}]", $"{values[i].GetRawText()} is not a number");
            samples.Add(new LoadSample(time, LoadHistoryFile.Load(values[i].GetDouble(), $"{at}.Values[{i}]", source)));
        }

        return new LoadHistory(TimeZoneIds.ToIana(zone), samples);
    }
}
