using System.Globalization;
using System.Text.Json;

namespace Infra.Bench;

/// <summary>Writes the bench figures as a JSON array, one object per trace (a trace that could not be
/// evaluated gets its error instead); ratios are fractions.</summary>
internal static class BenchJson
{
    public static void Write(string path, IReadOnlyList<TraceResult> results, IReadOnlyList<(string Trace, string Error)> failures)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        foreach (var r in results)
        {
            json.WriteStartObject();
            json.WriteString("trace", r.Trace);
            json.WriteNumber("step_minutes", r.StepMinutes);
            json.WriteString("time_zone", r.TimeZoneId);
            json.WriteString("protocol", BenchReport.Protocol);
            json.WriteNumber("minimum_history_days", r.MinimumHistoryDays);
            json.WriteString("first_origin", Day(r.FirstOrigin));
            json.WriteString("end", Day(r.End));
            json.WriteNumber("eval_days", r.EvalDays);
            json.WriteBoolean("full_windows", r.FullWindows);
            Number(json, "capacity_per_instance", r.CapacityPerInstance);
            json.WriteNumber("scale_out_delay_minutes", r.ScaleOutDelayMinutes);
            Number(json, "target_utilization", r.TargetUtilization);
            Number(json, "quantile", r.Quantile);
            Number(json, "headroom", r.Headroom);
            json.WriteStartObject("aggregate");
            json.WriteNumber("windows", r.Windows.Count);
            Number(json, "mean_ratio_to_better_naive", r.MeanRatioToBetterNaive);
            Number(json, "worst_ratio_to_better_naive", r.WorstRatioToBetterNaive);
            Number(json, "mean_ratio_to_week_naive", r.MeanRatioToWeekNaive);
            Number(json, "worst_ratio_to_week_naive", r.WorstRatioToWeekNaive);
            Number(json, "worst_extra_instance_hours", r.WorstExtraInstanceHours);
            json.WriteEndObject();
            json.WritePropertyName("all_origins");
            Window(json, r.All);
            json.WriteStartArray("windows");
            foreach (var w in r.Windows)
                Window(json, w);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        foreach (var (trace, error) in failures)
        {
            json.WriteStartObject();
            json.WriteString("trace", trace);
            json.WriteString("error", error);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Window(Utf8JsonWriter json, WindowResult w)
    {
        json.WriteStartObject();
        json.WriteString("start", Day(w.Start));
        json.WriteNumber("days", w.Days);
        json.WriteNumber("history_days", w.HistoryDays);
        json.WriteNumber("scored_slots", w.ScoredSlots);
        Number(json, "wape", w.Wape);
        Number(json, "mase", w.Mase);
        Number(json, "wape_naive_day", w.WapeNaiveDay);
        Number(json, "mase_naive_day", w.MaseNaiveDay);
        Number(json, "wape_naive_week", w.WapeNaiveWeek);
        Number(json, "mase_naive_week", w.MaseNaiveWeek);
        Number(json, "ratio_to_better_naive", w.RatioToBetterNaive);
        Number(json, "ratio_to_week_naive", w.RatioToWeekNaive);
        json.WriteStartObject("models");
        foreach (var (model, count) in w.Models)
            json.WriteNumber(model, count);
        json.WriteEndObject();
        Number(json, "underprovisioned_reactive", w.UnderprovisionedReactive);
        Number(json, "underprovisioned_predictive", w.UnderprovisionedPredictive);
        Number(json, "underprovisioned_time_reactive", w.UnderprovisionedTimeReactive);
        Number(json, "underprovisioned_time_predictive", w.UnderprovisionedTimePredictive);
        Number(json, "instance_hours_reactive", w.InstanceHoursReactive);
        Number(json, "instance_hours_predictive", w.InstanceHoursPredictive);
        Number(json, "extra_instance_hours", w.ExtraInstanceHours);
        Number(json, "underprovisioning_removed", w.UnderprovisioningRemoved);
        Number(json, "mean_schedule_entries", w.MeanScheduleEntries);
        json.WriteEndObject();
    }

    private static string Day(DateTime time) => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>JSON has no NaN; an undefined figure is written as null.</summary>
    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
            json.WriteNumber(name, Math.Round(value, 6));
        else
            json.WriteNull(name);
    }
}
