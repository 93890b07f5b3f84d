using System.Globalization;
using System.Text;

namespace Infra.Bench;

/// <summary>A small text chart of actual load (shaded bars) against the forecast (dots).</summary>
internal static class TerminalChart
{
    private const int Rows = 10;
    private const int MaxColumns = 96;

    public static string Render(IReadOnlyList<DateTime> times, IReadOnlyList<double> actual, IReadOnlyList<double> forecast,
        int slotsPerDay, int days)
    {
        int slots = Math.Min(days * slotsPerDay, times.Count);
        int from = times.Count - slots;
        // Several slots per column when a day has many; each column shows their means.
        int perColumn = (slots + MaxColumns - 1) / MaxColumns;
        int columns = (slots + perColumn - 1) / perColumn;
        var actualColumns = new double[columns];
        var forecastColumns = new double[columns];
        for (int c = 0; c < columns; c++)
        {
            var range = Enumerable.Range(from + c * perColumn, Math.Min(perColumn, times.Count - from - c * perColumn)).ToArray();
            var known = range.Where(i => double.IsFinite(actual[i])).ToArray();
            actualColumns[c] = known.Length > 0 ? known.Average(i => actual[i]) : double.NaN;
            forecastColumns[c] = range.Average(i => forecast[i]);
        }

        double top = actualColumns.Concat(forecastColumns).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        if (top <= 0)
            top = 1;
        int RowOf(double v) => (int)Math.Clamp(Math.Round(v / top * Rows), 0, Rows);

        var text = new StringBuilder();
        for (int row = Rows; row >= 1; row--)
        {
            string label = row == Rows ? Format(top) : row == 1 ? Format(top / Rows) : "";
            text.Append(label.PadLeft(8)).Append(" │");
            for (int c = 0; c < columns; c++)
            {
                bool bar = double.IsFinite(actualColumns[c]) && RowOf(actualColumns[c]) >= row;
                bool dot = RowOf(forecastColumns[c]) == row;
                text.Append(dot ? '•' : bar ? '░' : ' ');
            }

            text.Append('\n');
        }

        text.Append(new string(' ', 9)).Append('└').Append(new string('─', columns)).Append('\n');
        var axis = new char[columns];
        Array.Fill(axis, ' ');
        for (int c = 0; c < columns; c++)
        {
            var time = times[from + c * perColumn];
            if (time.TimeOfDay < TimeSpan.FromMinutes(perColumn * (times.Count > 1 ? (times[1] - times[0]).TotalMinutes : 60)))
            {
                var label = time.ToString("ddd dd", CultureInfo.InvariantCulture);
                for (int k = 0; k < label.Length && c + k < columns; k++)
                    axis[c + k] = label[k];
            }
        }

        text.Append(new string(' ', 10)).Append(axis).Append('\n');
        text.Append(new string(' ', 10)).Append("░ actual   • forecast (made at the previous midnight)\n");
        return text.ToString();
    }

    private static string Format(double value) =>
        value >= 10_000 ? value.ToString("0.#e0", CultureInfo.InvariantCulture)
        : value >= 100 ? value.ToString("0", CultureInfo.InvariantCulture)
        : value.ToString("0.#", CultureInfo.InvariantCulture);
}
