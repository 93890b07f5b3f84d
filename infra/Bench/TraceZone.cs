using System.Globalization;
using System.Text.RegularExpressions;

namespace Infra.Bench;

/// <summary>The zone a trace is evaluated in when none is given, taken from its own timestamps.</summary>
internal static partial class TraceZone
{
    private const int RowsRead = 1000;

    /// <summary>The fixed-offset IANA zone (<c>Etc/GMT+4</c> for <c>-04:00</c>) of the most common
    /// offset among the first rows, when the timestamps carry one (UTC for <c>Z</c>, <c>+00:00</c> or
    /// an offset that is not a whole number of hours); null when they carry none, so the caller can
    /// take the zone they were written in. (IANA's <c>Etc/GMT</c> zones count the other way round:
    /// <c>Etc/GMT+4</c> is four hours behind UTC.)</summary>
    public static string? Detect(string path)
    {
        var counts = new Dictionary<int, int>();
        using var reader = new StreamReader(path);
        int rows = 0;
        while (rows < RowsRead && reader.ReadLine() is { } line)
        {
            rows++;
            var match = Offset().Match(line);
            if (!match.Success)
                continue;
            int minutes = match.Groups["z"].Success
                ? 0
                : (int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture) * 60
                   + (match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0))
                  * (match.Groups["sign"].Value == "-" ? -1 : 1);
            counts[minutes] = counts.GetValueOrDefault(minutes) + 1;
        }

        if (counts.Count == 0)
            return null;
        int offset = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).First().Key;
        if (offset == 0 || offset % 60 != 0 || Math.Abs(offset) > 12 * 60)
            return "UTC";
        int hours = offset / 60;
        return string.Create(CultureInfo.InvariantCulture, $"Etc/GMT{(hours < 0 ? "+" : "-")}{Math.Abs(hours)}");
    }

    [GeneratedRegex(@"^\s*""?\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:(?<z>Z)|(?<sign>[+-])(?<h>\d{2}):?(?<m>\d{2})?)""?\s*,",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Offset();
}
