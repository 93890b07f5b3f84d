using System.Globalization;
using Infra.Components.Autoscaling.Forecasting;

namespace Infra.Bench;

/// <summary>The <c>bench</c> command: measures the predictive scaling engine on load traces by
/// rolling-origin evaluation and a capacity simulation, and prints, plots and optionally saves the
/// figures.</summary>
public static class BenchCommand
{
    /// <summary>Runs <c>bench</c> with the arguments that follow the command name.</summary>
    /// <param name="args">Options; see <c>bench --help</c>.</param>
    /// <returns>0 on success, 1 when a trace cannot be read or evaluated, 2 on a usage error.</returns>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"bench: {e.Message}");
            return 2;
        }

        if (options.HelpRequested)
        {
            Console.WriteLine(BenchOptions.Usage);
            return 0;
        }

        var traces = options.Traces.ToList();
        if (traces.Count == 0)
        {
            var folder = SharedTraces.FindFolder();
            if (folder is null)
            {
                Console.Error.WriteLine(
                    "bench: no --trace given and no shared/data/traces folder found above the current directory; pass --trace FILE");
                return 2;
            }

            traces.AddRange(SharedTraces.In(folder));
        }

        // One trace that cannot be read or evaluated is reported and the others still run; the JSON
        // carries its error, and the exit code says something failed.
        var results = new List<TraceResult>();
        var failures = new List<(string Trace, string Error)>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var path in traces)
        {
            try
            {
                var result = RunTrace(path, options);
                results.Add(result);
                Console.Write(BenchReport.Format(result, options.ChartDays));
                Console.WriteLine();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException
                                          or FormatException or TimeZoneNotFoundException or InvalidTimeZoneException
                                          or InvalidOperationException or LoadHistoryFormatException)
            {
                if (!Console.IsErrorRedirected)
                    Console.Error.Write("\r\u001b[K");
                Console.Error.WriteLine($"bench: {Path.GetFileName(path)}: {e.Message}");
                failures.Add((Path.GetFileName(path), e.Message));
            }
        }

        if (results.Count > 1)
            Console.Write(Summary(results));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{results.Count} trace{(results.Count == 1 ? "" : "s")} evaluated, {failures.Count} failed, in {clock.Elapsed.TotalSeconds:F1} s"));
        try
        {
            if (options.JsonPath is not null)
            {
                BenchJson.Write(options.JsonPath, results, failures);
                Console.WriteLine($"figures written to {options.JsonPath}");
            }

            if (options.PlotPath is not null && results.Count > 0)
            {
                SvgPlot.Write(options.PlotPath, results);
                Console.WriteLine($"plot written to {options.PlotPath}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"bench: {e.Message}");
            return 1;
        }

        return failures.Count > 0 ? 1 : 0;
    }

    /// <summary>One line per trace and window: the figures the targets are judged on.</summary>
    private static string Summary(IReadOnlyList<TraceResult> results)
    {
        var text = new System.Text.StringBuilder("summary: forecaster WAPE / better naive, / week-naive, extra instance-hours, per window (latest first)\n");
        foreach (var r in results)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {r.Trace,-24} mean {r.MeanRatioToBetterNaive:F3} worst {r.WorstRatioToBetterNaive:F3} | week-naive worst {r.WorstRatioToWeekNaive:F3} |");
            foreach (var w in r.Windows)
                text.Append(CultureInfo.InvariantCulture, $" {w.RatioToBetterNaive:F3}/{w.RatioToWeekNaive:F3}/{w.ExtraInstanceHours * 100:+0.0;-0.0}%");
            text.Append('\n');
        }

        double mean = results.SelectMany(r => r.Windows).Average(w => w.RatioToBetterNaive);
        text.Append(CultureInfo.InvariantCulture, $"  all {results.Sum(r => r.Windows.Count)} windows: mean {mean:F3} of the better naive\n");
        return text.ToString();
    }

    private static TraceResult RunTrace(string path, BenchOptions options)
    {
        var name = Path.GetFileName(path);
        // Timestamps with an offset or a Z are absolute; those without are wall-clock time of
        // --source-time-zone (UTC unless given). Without --time-zone the trace is evaluated in the zone
        // its timestamps are written in: their own offset, else the source zone, so they stand as written.
        var sourceZone = TimeZoneInfo.FindSystemTimeZoneById(options.SourceTimeZoneId ?? "UTC");
        var zoneId = options.TimeZoneId ?? TraceZone.Detect(path) ?? options.SourceTimeZoneId ?? "UTC";
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);

        void Progress(string message)
        {
            // A terminal gets one line rewritten in place; a log gets whole lines.
            if (Console.IsErrorRedirected)
                Console.Error.WriteLine($"bench: {name}: {message}");
            else
                Console.Error.Write($"\rbench: {name}: {message}\u001b[K");
        }

        Progress("reading");
        var history = LoadHistoryCsv.Read(path, zone, sourceZone);
        if (history.SourceStep <= TimeSpan.Zero)
            throw new ArgumentException($"{name}: cannot infer a step from fewer than two samples; give a longer trace");
        int stepMinutes = options.StepMinutes ?? DefaultStepMinutes(history.SourceStep);
        Progress(string.Create(CultureInfo.InvariantCulture,
            $"{history.Samples.Count} samples every {history.SourceStep.TotalMinutes:G4} min, resampling to {stepMinutes} min"));
        var series = history.Resample(TimeSpan.FromMinutes(stepMinutes));
        var result = TraceBenchmark.Run(name, series, options, Progress);
        if (!Console.IsErrorRedirected)
            Console.Error.Write("\r\u001b[K");
        return result;
    }

    /// <summary>The program's forecast default of 60 minutes, or the source's own step when coarser
    /// (rounded up to a step that divides a day): finer slots mostly add noise to an hourly plan.</summary>
    private static int DefaultStepMinutes(TimeSpan sourceStep)
    {
        int minutes = Math.Max(60, (int)Math.Ceiling(sourceStep.TotalMinutes));
        while (TimeOfWeek.MinutesPerDay % minutes != 0)
            minutes++;
        return minutes;
    }
}
