using System.Globalization;
using System.Security;
using System.Text;

namespace Infra.Bench;

/// <summary>Writes forecast vs actual for the last evaluated week of each trace as one SVG, a panel
/// per trace.</summary>
internal static class SvgPlot
{
    private const int Width = 960;
    private const int PanelHeight = 280;
    private const int Left = 70, Right = 20, Top = 40, Bottom = 40;
    private const int PlotDays = 7;

    public static void Write(string path, IReadOnlyList<TraceResult> results)
    {
        var svg = new StringBuilder();
        int height = PanelHeight * results.Count;
        svg.Append(CultureInfo.InvariantCulture,
            $"""<svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{height}" viewBox="0 0 {Width} {height}" font-family="sans-serif" font-size="12">""")
            .Append('\n')
            .Append(CultureInfo.InvariantCulture, $"""<rect width="{Width}" height="{height}" fill="white"/>""").Append('\n');
        for (int p = 0; p < results.Count; p++)
            Panel(svg, results[p], p * PanelHeight);
        svg.Append("</svg>\n");
        File.WriteAllText(path, svg.ToString());
    }

    private static void Panel(StringBuilder svg, TraceResult result, int offsetY)
    {
        int slotsPerDay = 24 * 60 / result.StepMinutes;
        int slots = Math.Min(PlotDays * slotsPerDay, result.Times.Count);
        int from = result.Times.Count - slots;
        double top = Enumerable.Range(from, slots)
            .SelectMany(i => new[] { result.Actual[i], result.Forecast[i], result.NaiveWeek[i] })
            .Where(double.IsFinite).DefaultIfEmpty(1).Max() * 1.05;
        double plotWidth = Width - Left - Right, plotHeight = PanelHeight - Top - Bottom;
        double X(int i) => Left + (i - from) * plotWidth / Math.Max(slots - 1, 1);
        double Y(double v) => offsetY + Top + plotHeight - v / top * plotHeight;

        string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        var title = Invariant(
            $"{result.Trace}: last {slots / slotsPerDay} days at {result.StepMinutes} min. Latest window WAPE forecast {result.Windows[0].Wape * 100:F1} %, week-naive {result.Windows[0].WapeNaiveWeek * 100:F1} %, day-naive {result.Windows[0].WapeNaiveDay * 100:F1} %");
        svg.Append(Invariant($"""<text x="{Left}" y="{offsetY + 22}" font-size="14">{SecurityElement.Escape(title)}</text>""")).Append('\n');
        svg.Append(Invariant($"""<rect x="{Left}" y="{offsetY + Top}" width="{plotWidth}" height="{plotHeight}" fill="none" stroke="#999"/>""")).Append('\n');

        for (int tick = 0; tick <= 4; tick++)
        {
            double value = top * tick / 4;
            double y = Y(value);
            svg.Append(Invariant($"""<line x1="{Left}" y1="{y:F1}" x2="{Width - Right}" y2="{y:F1}" stroke="#eee"/>"""))
                .Append(Invariant($"""<text x="{Left - 6}" y="{y + 4:F1}" text-anchor="end">{(value >= 1000 ? value.ToString("#,0", CultureInfo.InvariantCulture) : value.ToString("G3", CultureInfo.InvariantCulture))}</text>""")).Append('\n');
        }

        for (int i = from; i < from + slots; i += slotsPerDay)
        {
            double x = X(i);
            svg.Append(Invariant($"""<line x1="{x:F1}" y1="{offsetY + Top}" x2="{x:F1}" y2="{offsetY + Top + plotHeight}" stroke="#ddd"/>"""))
                .Append(Invariant($"""<text x="{x + 4:F1}" y="{offsetY + PanelHeight - Bottom + 16}">{result.Times[i].ToString("ddd MM-dd", CultureInfo.InvariantCulture)}</text>""")).Append('\n');
        }

        Line(svg, from, slots, result.NaiveWeek, X, Y, "#bbb", "4 3");
        Line(svg, from, slots, result.Actual, X, Y, "#222", null);
        Line(svg, from, slots, result.Forecast, X, Y, "#1f6fd1", null);

        double legendY = offsetY + PanelHeight - 8;
        svg.Append(Invariant($"""<text x="{Left}" y="{legendY}" fill="#222">— actual</text>"""))
            .Append(Invariant($"""<text x="{Left + 90}" y="{legendY}" fill="#1f6fd1">— forecast (made at the previous midnight)</text>"""))
            .Append(Invariant($"""<text x="{Left + 400}" y="{legendY}" fill="#999">- - same slot a week earlier</text>""")).Append('\n');
    }

    /// <summary>A polyline per run of known values, so a gap in the data shows as a gap.</summary>
    private static void Line(StringBuilder svg, int from, int count, IReadOnlyList<double> values, Func<int, double> x,
        Func<double, double> y, string colour, string? dash)
    {
        var points = new List<string>();
        void Flush()
        {
            if (points.Count > 1)
                svg.Append(CultureInfo.InvariantCulture,
                        $"""<polyline fill="none" stroke="{colour}" stroke-width="1.5"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")} points="{string.Join(' ', points)}"/>""")
                    .Append('\n');
            points.Clear();
        }

        for (int i = from; i < from + count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                Flush();
                continue;
            }

            points.Add(string.Create(CultureInfo.InvariantCulture, $"{x(i):F1},{y(values[i]):F1}"));
        }

        Flush();
    }
}
