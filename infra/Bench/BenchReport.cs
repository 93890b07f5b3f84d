using System.Globalization;
using System.Text;
using Infra.Components.Autoscaling.Forecasting;

namespace Infra.Bench;

/// <summary>The human-readable figures for one trace.</summary>
internal static class BenchReport
{
    /// <summary>Target: forecaster WAPE over the better naive baseline's, averaged over the windows.</summary>
    public const double MeanRatioTarget = 0.80;

    /// <summary>Target: at most this much more instance-hours than reactive scaling alone, and at
    /// least <see cref="UnderprovisioningTarget"/> of its under-provisioning removed.</summary>
    public const double ExtraHoursTarget = 0.15;
    public const double UnderprovisioningTarget = 0.5;

    public const string Protocol =
        "choosing vs scoring: at each origin the forecaster is given only the load before that midnight; the model it selects, the persistence it fits and the error quantiles it takes all come from those earlier days, and its settings are its defaults, the same for every trace";

    public static string Format(TraceResult r, int chartDays)
    {
        var text = new StringBuilder();
        void Line(FormattableString s) => text.Append(s.ToString(CultureInfo.InvariantCulture)).Append('\n');

        Line($"{r.Trace}: step {r.StepMinutes} min, {r.TimeZoneId}, rolling origin at every midnight from {r.FirstOrigin:yyyy-MM-dd} to {r.End.AddDays(-1):yyyy-MM-dd} ({r.All.Days} days; each origin has at least {r.MinimumHistoryDays} whole days of history), {r.All.ScoredSlots} slots scored");
        Line($"  {Protocol}");
        if (!r.FullWindows)
            Line($"  the history allows no full window of the asked length: one window of {r.EvalDays} days covers every origin");
        Line($"  forecast of the next 24 h, made each midnight; WAPE (MASE) per window, latest first:");
        Line($"    {"window",-24} {"history",8} {"forecaster",16} {"naive: 1 day",16} {"naive: 1 week",16} {"/ better",9} {"/ week",7}  models chosen");
        foreach (var w in r.Windows)
            WindowLine(text, w, $"{w.Start:yyyy-MM-dd}..{w.End.AddDays(-1):MM-dd}");
        WindowLine(text, r.All, "every origin");

        bool meanMet = r.MeanRatioToBetterNaive <= MeanRatioTarget;
        bool weekMet = r.WorstRatioToWeekNaive <= 1;
        Line($"  over {r.Windows.Count} window{(r.Windows.Count == 1 ? "" : "s")}: forecaster / better naive mean {r.MeanRatioToBetterNaive:F3}, worst {r.WorstRatioToBetterNaive:F3} (target: mean at most {MeanRatioTarget:F2}) {(meanMet ? "MET" : "MISSED")}");
        Line($"    forecaster / week-naive mean {r.MeanRatioToWeekNaive:F3}, worst {r.WorstRatioToWeekNaive:F3} (target: never above 1) {(weekMet ? "MET" : "MISSED")}");
        var latest = r.Windows[0];
        Line($"    latest window: WAPE {Change(latest.RatioToBetterNaive - 1)} than the better naive baseline");

        Line($"  capacity simulation: {r.CapacityPerInstance:G4} load units per instance, scale-out delay {r.ScaleOutDelayMinutes} min, target utilization {r.TargetUtilization * 100:F0}%");
        Line($"    schedule: forecast q{r.Quantile * 100:F0} x (1 + {r.Headroom:F2}) per instance; reactive target tracking alone -> forecast schedule + tracking");
        Line($"    {"window",-24} {"under-provisioned slots",24} {"(of the time)",22} {"instance-hours",22}  verdict");
        foreach (var w in r.Windows)
            CapacityLine(text, w, $"{w.Start:yyyy-MM-dd}..{w.End.AddDays(-1):MM-dd}");
        CapacityLine(text, r.All, "every origin");

        int slotsPerDay = 24 * 60 / r.StepMinutes;
        int days = Math.Min(chartDays, r.All.Days);
        Line($"  forecast vs actual, last {days} days:");
        text.Append(TerminalChart.Render(r.Times, r.Actual, r.Forecast, slotsPerDay, days));

        var actions = AwsScheduledCapacity.FromSchedule(r.LastSchedule, 1, TimeSpan.FromMinutes(r.ScaleOutDelayMinutes));
        Line($"  last plan as AWS scheduled actions ({actions.Count}, {r.TimeZoneId}): {string.Join("; ", actions.Select(a => $"{a.Recurrence} -> min {a.MinSize}"))}");
        return text.ToString();
    }

    /// <summary>"12.3% lower" or "4.5% higher", never a signed percentage with a word that repeats the sign.</summary>
    public static string Change(double relative) => string.Create(CultureInfo.InvariantCulture,
        $"{Math.Abs(relative) * 100:F1}% {(relative <= 0 ? "lower" : "higher")}");

    /// <summary>The capacity verdict for one window.</summary>
    public static string CapacityVerdict(WindowResult w)
    {
        double extra = w.ExtraInstanceHours;
        string hours = string.Create(CultureInfo.InvariantCulture,
            $"{Math.Abs(extra) * 100:F1}% {(extra <= 0 ? "fewer" : "more")} instance-hours");
        if (w.UnderprovisionedReactive <= 0)
            return $"nothing to improve (reactive scaling alone was never short); {hours} {(extra <= ExtraHoursTarget ? "MET" : "MISSED")}";
        double removed = w.UnderprovisioningRemoved;
        bool met = removed >= UnderprovisioningTarget && extra <= ExtraHoursTarget;
        string what = removed >= 0
            ? string.Create(CultureInfo.InvariantCulture, $"under-provisioning {removed * 100:F1}% lower")
            : string.Create(CultureInfo.InvariantCulture, $"under-provisioning {-removed * 100:F1}% higher");
        return string.Create(CultureInfo.InvariantCulture,
            $"{what} for {hours} (target: at least {UnderprovisioningTarget * 100:F0}% lower for at most {ExtraHoursTarget * 100:F0}% more) {(met ? "MET" : "MISSED")}");
    }

    private static void WindowLine(StringBuilder text, WindowResult w, string label)
    {
        string Cell(double wape, double mase) => string.Create(CultureInfo.InvariantCulture, $"{wape * 100,6:F2}% ({mase,5:F3})");
        var models = string.Join(", ", w.Models.Select(m => $"{m.Key} {m.Value}"));
        text.Append(CultureInfo.InvariantCulture,
            $"    {label,-24} {w.HistoryDays,6} d {Cell(w.Wape, w.Mase),16} {Cell(w.WapeNaiveDay, w.MaseNaiveDay),16} {Cell(w.WapeNaiveWeek, w.MaseNaiveWeek),16} {w.RatioToBetterNaive,9:F3} {w.RatioToWeekNaive,7:F3}  {models}\n");
    }

    private static void CapacityLine(StringBuilder text, WindowResult w, string label)
    {
        text.Append(CultureInfo.InvariantCulture,
            $"    {label,-24} {w.UnderprovisionedReactive * 100,9:F2}% -> {w.UnderprovisionedPredictive * 100,6:F2}% {w.UnderprovisionedTimeReactive * 100,10:F3}% -> {w.UnderprovisionedTimePredictive * 100,6:F3}% {w.InstanceHoursReactive,9:F0} -> {w.InstanceHoursPredictive,9:F0}  {CapacityVerdict(w)}\n");
    }
}
