using System.Text.Json;

namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>
/// Reads a load history in whichever format the file holds, detected from its content:
/// <c>timestamp,value</c> CSV (<see cref="LoadHistoryCsv"/>), or the JSON the clouds' own
/// command-line tools print: <c>aws cloudwatch get-metric-data</c> (<see cref="CloudWatchMetricDataJson"/>),
/// <c>az monitor metrics list</c> (<see cref="AzureMonitorMetricsJson"/>) or a Prometheus
/// <c>/api/v1/query_range</c> response (<see cref="PrometheusQueryRangeJson"/>).
/// </summary>
/// <remarks>
/// Text starting with <c>{</c> is JSON, anything else CSV. A JSON document is told apart by its top-level
/// members (<c>MetricDataResults</c>; <c>value</c> with <c>timeseries</c>; <c>status</c> and <c>data</c>).
/// Every unreadable file stops the read with a <see cref="LoadHistoryFormatException"/> naming the line
/// (CSV rows, JSON syntax) or the JSON path of the bad value, and how to fix it.
/// </remarks>
public static class LoadHistoryFile
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <param name="path">A CSV or JSON export.</param>
    /// <param name="zone">The series' time zone. Default: UTC.</param>
    /// <param name="sourceZone">Zone of CSV timestamps written without an offset (the JSON exports carry
    /// absolute times). Default: <paramref name="zone"/>.</param>
    public static LoadHistory Read(string path, TimeZoneInfo? zone = null, TimeZoneInfo? sourceZone = null)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, zone, Path.GetFileName(path), sourceZone);
    }

    /// <summary>Reads an export from <paramref name="reader"/>.</summary>
    /// <param name="reader">The export's text.</param>
    /// <param name="zone">The series' time zone. Default: UTC.</param>
    /// <param name="sourceName">Label used in error messages. Default: "load history".</param>
    /// <param name="sourceZone">Zone of CSV timestamps written without an offset. Default: <paramref name="zone"/>.</param>
    public static LoadHistory Parse(TextReader reader, TimeZoneInfo? zone = null, string sourceName = "load history", TimeZoneInfo? sourceZone = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        zone ??= TimeZoneInfo.Utc;
        var text = reader.ReadToEnd();
        var start = text.AsSpan().TrimStart();
        if (start.IsEmpty || start[0] != '{')
            return LoadHistoryCsv.Parse(new StringReader(text), zone, sourceName, sourceZone);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException e)
        {
            var lineNumber = (int)(e.LineNumber ?? 0) + 1;
            var lines = text.Split('\n');
            var line = lineNumber <= lines.Length ? lines[lineNumber - 1].TrimEnd('\r') : "";
            throw new LoadHistoryFormatException(sourceName, lineNumber, line,
                $"not valid JSON ({e.Message.Split(" Path:")[0].TrimEnd('.')}); save the command's output unchanged (--output json)");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.TryGetProperty("MetricDataResults", out _))
                return CloudWatchMetricDataJson.Parse(root, zone, sourceName);
            if (root.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array
                && (value.GetArrayLength() == 0 || value[0].TryGetProperty("timeseries", out _)))
                return AzureMonitorMetricsJson.Parse(root, zone, sourceName);
            if (root.TryGetProperty("status", out _) && (root.TryGetProperty("data", out _) || root.TryGetProperty("error", out _)))
                return PrometheusQueryRangeJson.Parse(root, zone, sourceName);
            throw new LoadHistoryFormatException(sourceName, "$",
                "a JSON document of no known export: give the output of `aws cloudwatch get-metric-data` (MetricDataResults), " +
                "`az monitor metrics list` (value[].timeseries) or a Prometheus query_range response (status, data.result), or timestamp,value CSV");
        }
    }

    /// <summary>Reads a string member at <paramref name="at"/> or refuses.</summary>
    internal static JsonElement Member(JsonElement element, string name, string at, string source, JsonValueKind kind)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var member))
            throw new LoadHistoryFormatException(source, at, $"missing \"{name}\"; save the command's whole output unchanged");
        if (member.ValueKind != kind)
            throw new LoadHistoryFormatException(source, $"{at}.{name}", $"expected {Describe(kind)}, found {Describe(member.ValueKind)}");
        return member;
    }

    /// <summary>An ISO 8601 timestamp at <paramref name="at"/> in wall-clock time of <paramref name="zone"/>.</summary>
    internal static DateTime Timestamp(JsonElement element, string at, string source, TimeZoneInfo zone)
    {
        if (element.ValueKind != JsonValueKind.String || !LoadHistoryCsv.TryParseTimestamp(element.GetString()!, zone, out var time))
            throw new LoadHistoryFormatException(source, at, $"{element.GetRawText()} is not an ISO 8601 timestamp such as 2024-01-01T00:00:00+00:00");
        return time;
    }

    /// <summary>A load value at <paramref name="at"/>: finite and at least 0.</summary>
    internal static double Load(double value, string at, string source)
    {
        if (!double.IsFinite(value) || value < 0)
            throw new LoadHistoryFormatException(source, at, $"{value} is not a load: a finite number of at least 0");
        return value;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        _ => "null",
    };
}
