using System.Globalization;
using System.Text.RegularExpressions;

namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>Reads load histories from CSV text: a header row, then one <c>timestamp,value</c> row
/// per sample.</summary>
/// <remarks>
/// Timestamps are ISO 8601 (<c>2015-01-26T09:30:00-05:00</c>, <c>2015-01-26 09:30</c>,
/// <c>2015-01-26T14:30Z</c>). One with an offset is converted to the series' zone; one without is
/// wall-clock time of the source zone (by default the series' zone, so it is taken as it stands),
/// converted to the series' zone when the two differ (a trace logged in UTC, planned in New York). Any regular step works, rows may be missing and a row with an
/// empty value is a gap. Blank lines are skipped. Any other row that cannot be read stops the read
/// with a <see cref="LoadHistoryFormatException"/> naming its line.
/// </remarks>
public static partial class LoadHistoryCsv
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="zone">The series' time zone. Default: UTC.</param>
    /// <param name="sourceZone">Zone of the timestamps written without an offset. Default:
    /// <paramref name="zone"/>.</param>
    public static LoadHistory Read(string path, TimeZoneInfo? zone = null, TimeZoneInfo? sourceZone = null)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, zone, Path.GetFileName(path), sourceZone);
    }

    /// <summary>Reads CSV text from <paramref name="reader"/>.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="zone">The series' time zone. Default: UTC.</param>
    /// <param name="sourceName">Label used in error messages. Default: "load history".</param>
    /// <param name="sourceZone">Zone of the timestamps written without an offset. Default:
    /// <paramref name="zone"/>.</param>
    public static LoadHistory Parse(TextReader reader, TimeZoneInfo? zone = null, string sourceName = "load history",
        TimeZoneInfo? sourceZone = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        zone ??= TimeZoneInfo.Utc;
        sourceZone ??= zone;
        var samples = new List<LoadSample>();
        int lineNumber = 0;
        bool headerSeen = false;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var fields = line.Split(',');
            if (!headerSeen)
            {
                headerSeen = true;
                // A file without a header starts with a sample; reading it as one loses nothing.
                if (fields.Length != 2 || !TryParseTimestamp(Unquote(fields[0]), zone, sourceZone, out _))
                    continue;
            }

            if (fields.Length != 2)
                throw new LoadHistoryFormatException(sourceName, lineNumber, line,
                    $"expected 2 columns (timestamp,value), found {fields.Length}");
            var timeText = Unquote(fields[0]);
            if (!TryParseTimestamp(timeText, zone, sourceZone, out var localTime))
                throw new LoadHistoryFormatException(sourceName, lineNumber, line,
                    $"\"{timeText}\" is not an ISO 8601 timestamp such as 2015-01-26T09:30:00 or 2015-01-26T09:30:00-05:00");
            var valueText = Unquote(fields[1]);
            if (valueText.Length == 0)
                continue;
            if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                || !double.IsFinite(value) || value < 0)
                throw new LoadHistoryFormatException(sourceName, lineNumber, line,
                    $"\"{valueText}\" is not a load: write a finite number of at least 0 with a '.' for decimals, or leave it empty for a gap");
            samples.Add(new LoadSample(localTime, value));
        }

        return new LoadHistory(TimeZoneIds.ToIana(zone), samples);
    }

    /// <summary>Parses one ISO 8601 timestamp into wall-clock time of <paramref name="zone"/>.</summary>
    /// <param name="text">The timestamp, with or without an offset.</param>
    /// <param name="zone">The zone whose wall clock the result uses; a timestamp without an offset
    /// is taken to be in it already.</param>
    /// <param name="localTime">The wall-clock time, when the text is a valid timestamp.</param>
    /// <returns>Whether <paramref name="text"/> is a valid timestamp.</returns>
    public static bool TryParseTimestamp(string text, TimeZoneInfo zone, out DateTime localTime)
        => TryParseTimestamp(text, zone, zone, out localTime);

    /// <summary>Parses one ISO 8601 timestamp into wall-clock time of <paramref name="zone"/>.</summary>
    /// <param name="text">The timestamp, with or without an offset.</param>
    /// <param name="zone">The zone whose wall clock the result uses.</param>
    /// <param name="sourceZone">The zone a timestamp without an offset is written in; it is converted
    /// to <paramref name="zone"/> when the two differ.</param>
    /// <param name="localTime">The wall-clock time, when the text is a valid timestamp.</param>
    /// <returns>Whether <paramref name="text"/> is a valid timestamp.</returns>
    public static bool TryParseTimestamp(string text, TimeZoneInfo zone, TimeZoneInfo sourceZone, out DateTime localTime)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(sourceZone);
        localTime = default;
        var match = IsoTimestamp().Match(text ?? "");
        if (!match.Success)
            return false;

        int Number(string group) => match.Groups[group].Success
            ? int.Parse(match.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture)
            : 0;
        int year = Number("year"), month = Number("month"), day = Number("day");
        int hour = Number("hour"), minute = Number("minute"), second = Number("second");
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year == 0 ? 1 : year, month)
            || year < 1 || hour > 23 || minute > 59 || second > 59)
            return false;
        var fraction = match.Groups["fraction"];
        long fractionTicks = fraction.Success
            ? long.Parse(fraction.Value.PadRight(7, '0'), NumberStyles.None, CultureInfo.InvariantCulture)
            : 0;
        var wallClock = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified)
            .AddTicks(fractionTicks);

        var offsetGroup = match.Groups["offset"];
        if (!offsetGroup.Success)
        {
            // A wall-clock time skipped by a clock change in the source zone is read with the offset
            // before the change, which is what a logger that kept counting would have written.
            localTime = sourceZone.Id == zone.Id
                ? wallClock
                : TimeZoneInfo.ConvertTime(new DateTimeOffset(wallClock, sourceZone.GetUtcOffset(wallClock)), zone).DateTime;
            return true;
        }

        TimeSpan offset = TimeSpan.Zero;
        if (offsetGroup.Value != "Z")
        {
            int offsetHours = Number("offsetHours"), offsetMinutes = Number("offsetMinutes");
            if (offsetHours > 14 || offsetMinutes > 59)
                return false;
            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (match.Groups["offsetSign"].Value == "-")
                offset = -offset;
        }

        // An offset can move a time at either end of the calendar out of it (0001-01-01T00:00+01:00 is
        // in year 0): not a timestamp the trace can hold.
        var utcTicks = wallClock.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
            return false;
        try
        {
            localTime = TimeZoneInfo.ConvertTime(new DateTimeOffset(wallClock, offset), zone).DateTime;
        }
        catch (ArgumentOutOfRangeException)
        {
            // In range as UTC, out of it on the zone's wall clock.
            return false;
        }
        return true;
    }

    private static string Unquote(string field)
    {
        var trimmed = field.Trim();
        return trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"' ? trimmed[1..^1].Trim() : trimmed;
    }

    [GeneratedRegex(
        @"^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})" +
        @"(?:[T ](?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:[.,](?<fraction>\d{1,7}))?)?" +
        @"\s*(?<offset>Z|(?<offsetSign>[+-])(?<offsetHours>\d{2})(?::?(?<offsetMinutes>\d{2}))?)?)?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex IsoTimestamp();
}
