using System.Globalization;

namespace Infra.Bench;

/// <summary>The bench command line, parsed.</summary>
internal sealed class BenchOptions
{
    public const string Usage = """
        usage: bench [--trace FILE]... [--json FILE] [--plot FILE.svg] [--capacity-per-instance N]
                     [--scale-out-delay-minutes N] [--step-minutes N] [--eval-days N] [--windows N]
                     [--time-zone ID] [--source-time-zone ID] [--quantile Q] [--headroom H]
                     [--target-utilization U] [--chart-days N]

          Rolling origin over the whole history: at every midnight with at least 7 whole days before it,
          forecast (and plan) from the load before that midnight only, then score the next 24 h.
          Figures are reported per window (--eval-days blocks ending at the end of the trace and
          1, 2, 3 blocks earlier) and over all windows.

          --trace FILE                 a timestamp,value CSV (header row; ISO 8601 timestamps); repeatable.
                                       Default: every *.csv in shared/data/traces
          --json FILE                  write the figures, one object per trace (ratios as fractions)
          --plot FILE.svg              write forecast vs actual for the last 7 evaluated days
          --capacity-per-instance N    load one instance serves, in the trace's unit.
                                       Default: per trace, its 95th-percentile scored slot load / 8
          --scale-out-delay-minutes N  launch-to-service time of a new instance. Default: 10
          --step-minutes N             slot length. Default: 60 (the program's forecast default), or
                                       the trace's own step when coarser
          --eval-days N                days per scored window, at least 1. Default: 14
          --windows N                  windows to report, latest first. Default: 4
          --time-zone ID               IANA zone to evaluate in: its midnights are the origins and every
                                       timestamp is converted to it (a trace logged in UTC, e.g. the
                                       Twitter one, is evaluated in New York time with
                                       --time-zone America/New_York). Default: the zone the timestamps
                                       are written in: their own offset (Etc/GMT+4 for -04:00), else
                                       --source-time-zone
          --source-time-zone ID        IANA zone of timestamps without an offset (those with an offset
                                       or a Z are absolute). Default: UTC; give the local zone for a
                                       trace logged in local time (e.g. America/New_York for the taxi
                                       trace when evaluating it in another zone)
          --quantile Q                 forecast quantile the schedule provisions for. Default: 0.9
          --headroom H                 spare capacity on top of it, as a fraction. Default: 0.2
          --target-utilization U       target tracking's utilization target. Default: 0.7
          --chart-days N               days in the terminal chart. Default: 3
        """;

    public List<string> Traces { get; } = [];
    public string? JsonPath { get; private set; }
    public string? PlotPath { get; private set; }
    public double? CapacityPerInstance { get; private set; }
    public int ScaleOutDelayMinutes { get; private set; } = 10;
    public int? StepMinutes { get; private set; }
    public int EvalDays { get; private set; } = 14;
    public int Windows { get; private set; } = 4;
    public string? TimeZoneId { get; private set; }
    public string? SourceTimeZoneId { get; private set; }
    public double Quantile { get; private set; } = 0.9;
    public double Headroom { get; private set; } = 0.2;
    public double TargetUtilization { get; private set; } = 0.7;
    public int ChartDays { get; private set; } = 3;
    public bool HelpRequested { get; private set; }

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> naming the
    /// option and the fix on the first bad one.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            string Value() => i + 1 < args.Count
                ? args[++i]
                : throw new ArgumentException($"{name} needs a value; see bench --help");
            switch (name)
            {
                case "--help" or "-h":
                    options.HelpRequested = true;
                    break;
                case "--trace":
                    options.Traces.Add(Value());
                    break;
                case "--json":
                    options.JsonPath = Value();
                    break;
                case "--plot":
                    options.PlotPath = Value();
                    break;
                case "--capacity-per-instance":
                    options.CapacityPerInstance = Number(name, Value(), min: double.Epsilon, max: double.MaxValue);
                    break;
                case "--scale-out-delay-minutes":
                    options.ScaleOutDelayMinutes = Whole(name, Value(), min: 0, max: 24 * 60);
                    break;
                case "--step-minutes":
                    options.StepMinutes = Whole(name, Value(), min: 1, max: 24 * 60);
                    break;
                case "--eval-days":
                    options.EvalDays = Whole(name, Value(), min: 1, max: 3650);
                    break;
                case "--windows":
                    options.Windows = Whole(name, Value(), min: 1, max: 100);
                    break;
                case "--time-zone":
                    options.TimeZoneId = Value();
                    break;
                case "--source-time-zone":
                    options.SourceTimeZoneId = Value();
                    break;
                case "--quantile":
                    options.Quantile = Number(name, Value(), min: 0.5, max: 1);
                    break;
                case "--headroom":
                    options.Headroom = Number(name, Value(), min: 0, max: 10);
                    break;
                case "--target-utilization":
                    options.TargetUtilization = Number(name, Value(), min: 0.05, max: 1);
                    break;
                case "--chart-days":
                    options.ChartDays = Whole(name, Value(), min: 1, max: 14);
                    break;
                default:
                    throw new ArgumentException($"unknown option \"{name}\"; see bench --help");
            }
        }

        return options;
    }

    private static double Number(string name, string text, double min, double max)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value) || value < min || value > max)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{name} = \"{text}\": give a number from {min:G4} to {max:G4}"));
        return value;
    }

    private static int Whole(string name, string text, int min, int max)
    {
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"{name} = \"{text}\": give a whole number from {min} to {max}"));
        return value;
    }
}
