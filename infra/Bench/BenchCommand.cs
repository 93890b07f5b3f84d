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

            traces.AddRange(SharedTraces.Known.Keys.Select(file => Path.Combine(folder, file)));
        }

        var results = new List<TraceResult>();
        try
        {
            foreach (var path in traces)
            {
                var result = RunTrace(path, options);
                results.Add(result);
                Console.Write(BenchReport.Format(result, options.ChartDays));
                Console.WriteLine();
            }

            if (options.JsonPath is not null)
            {
                BenchJson.Write(options.JsonPath, results);
                Console.WriteLine($"figures written to {options.JsonPath}");
            }

            if (options.PlotPath is not null)
            {
                SvgPlot.Write(options.PlotPath, results);
                Console.WriteLine($"plot written to {options.PlotPath}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException
                                      or FormatException or TimeZoneNotFoundException or InvalidOperationException)
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine($"bench: {e.Message}");
            return 1;
        }

        return 0;
    }

    private static TraceResult RunTrace(string path, BenchOptions options)
    {
        var name = Path.GetFileName(path);
        var known = SharedTraces.Known.TryGetValue(name, out var defaults);
        var zoneId = options.TimeZoneId ?? (known ? defaults.TimeZoneId : "UTC");
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
        var history = LoadHistoryCsv.Read(path, zone);
        int stepMinutes = options.StepMinutes
                          ?? (known ? defaults.StepMinutes : (int)Math.Round(history.SourceStep.TotalMinutes));
        if (stepMinutes < 1)
            throw new ArgumentException($"{name}: cannot infer a step from fewer than two samples; pass --step-minutes");
        Progress(string.Create(CultureInfo.InvariantCulture,
            $"{history.Samples.Count} samples every {history.SourceStep.TotalMinutes:G4} min, resampling to {stepMinutes} min"));
        var series = history.Resample(TimeSpan.FromMinutes(stepMinutes));
        var result = TraceBenchmark.Run(name, series, options, Progress);
        if (!Console.IsErrorRedirected)
            Console.Error.Write("\r\u001b[K");
        return result;
    }
}
