using System.Globalization;
using System.Text;
using Infra.Components.Autoscaling.Forecasting;

namespace Infra.Bench;

/// <summary>The human-readable figures for one trace.</summary>
internal static class BenchReport
{
    public static string Format(TraceResult r, int chartDays)
    {
        var text = new StringBuilder();
        void Line(FormattableString s) => text.Append(s.ToString(CultureInfo.InvariantCulture)).Append('\n');

        var evalEnd = r.EvalStart.AddDays(r.EvalDays - 1);
        Line($"{r.Trace}: step {r.StepMinutes} min, {r.TimeZoneId}, {r.EvalDays} days evaluated ({r.EvalStart:yyyy-MM-dd} to {evalEnd:yyyy-MM-dd}), {r.ScoredSlots} slots scored");
        Line($"  forecast of the next 24 h, made each midnight from all earlier data");
        Line($"    {"method",-34} {"WAPE",8} {"MASE",7}");
        Line($"    {"seasonal forecaster",-34} {r.Wape * 100,7:F2}% {r.Mase,7:F3}");
        Line($"    {"naive: same slot 1 day earlier",-34} {r.WapeNaiveDay * 100,7:F2}% {r.MaseNaiveDay,7:F3}");
        Line($"    {"naive: same slot 1 week earlier",-34} {r.WapeNaiveWeek * 100,7:F2}% {r.MaseNaiveWeek,7:F3}");
        double bestNaive = Math.Min(r.WapeNaiveDay, r.WapeNaiveWeek);
        double wapeGain = 1 - r.Wape / bestNaive;
        Line($"    WAPE {wapeGain * 100:F1}% {(wapeGain >= 0 ? "lower" : "higher")} than the better naive baseline (target: at least 20% lower) {(wapeGain >= 0.2 ? "MET" : "MISSED")}; mean persistence φ = {r.MeanPersistence:F2}");

        Line($"  capacity simulation: {r.CapacityPerInstance:G4} load units per instance, scale-out delay {r.ScaleOutDelayMinutes} min, target utilization {r.TargetUtilization * 100:F0}%");
        Line($"    schedule: forecast q{r.Quantile * 100:F0} x (1 + {r.Headroom:F2}) per instance, {r.MeanScheduleEntries:F1} entries per daily plan on average");
        Line($"    {"policy",-34} {"under-provisioned slots",24} {"(of the time)",14} {"instance-hours",15}");
        Line($"    {"reactive target tracking alone",-34} {r.UnderprovisionedReactive * 100,23:F2}% {r.UnderprovisionedTimeReactive * 100,13:F3}% {r.InstanceHoursReactive,15:F1}");
        Line($"    {"forecast schedule + tracking",-34} {r.UnderprovisionedPredictive * 100,23:F2}% {r.UnderprovisionedTimePredictive * 100,13:F3}% {r.InstanceHoursPredictive,15:F1}");
        double shortGain = r.UnderprovisionedReactive > 0 ? 1 - r.UnderprovisionedPredictive / r.UnderprovisionedReactive : 0;
        double extraHours = r.InstanceHoursPredictive / r.InstanceHoursReactive - 1;
        bool capacityMet = shortGain >= 0.5 && extraHours <= 0.15;
        Line($"    under-provisioning {shortGain * 100:F1}% lower for {extraHours * 100:F1}% more instance-hours (target: at least 50% lower for at most 15% more) {(capacityMet ? "MET" : "MISSED")}");

        int slotsPerDay = 24 * 60 / r.StepMinutes;
        Line($"  forecast vs actual, last {Math.Min(chartDays, r.EvalDays)} days:");
        text.Append(TerminalChart.Render(r.Times, r.Actual, r.Forecast, slotsPerDay, Math.Min(chartDays, r.EvalDays)));

        var actions = AwsScheduledCapacity.FromSchedule(r.LastSchedule, 1, TimeSpan.FromMinutes(r.ScaleOutDelayMinutes));
        Line($"  last plan as AWS scheduled actions ({actions.Count}, {r.TimeZoneId}): {string.Join("; ", actions.Select(a => $"{a.Recurrence} -> min {a.MinSize}"))}");
        return text.ToString();
    }
}
