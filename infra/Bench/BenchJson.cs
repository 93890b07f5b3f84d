using System.Text.Json;

namespace Infra.Bench;

/// <summary>Writes the bench figures as a JSON array, one object per trace; ratios are fractions.</summary>
internal static class BenchJson
{
    public static void Write(string path, IReadOnlyList<TraceResult> results)
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
            json.WriteNumber("eval_days", r.EvalDays);
            json.WriteString("eval_start", r.EvalStart.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteNumber("scored_slots", r.ScoredSlots);
            Number(json, "wape", r.Wape);
            Number(json, "mase", r.Mase);
            Number(json, "wape_naive_day", r.WapeNaiveDay);
            Number(json, "mase_naive_day", r.MaseNaiveDay);
            Number(json, "wape_naive_week", r.WapeNaiveWeek);
            Number(json, "mase_naive_week", r.MaseNaiveWeek);
            Number(json, "mean_persistence", r.MeanPersistence);
            Number(json, "capacity_per_instance", r.CapacityPerInstance);
            json.WriteNumber("scale_out_delay_minutes", r.ScaleOutDelayMinutes);
            Number(json, "target_utilization", r.TargetUtilization);
            Number(json, "quantile", r.Quantile);
            Number(json, "headroom", r.Headroom);
            Number(json, "underprovisioned_reactive", r.UnderprovisionedReactive);
            Number(json, "underprovisioned_predictive", r.UnderprovisionedPredictive);
            Number(json, "underprovisioned_time_reactive", r.UnderprovisionedTimeReactive);
            Number(json, "underprovisioned_time_predictive", r.UnderprovisionedTimePredictive);
            Number(json, "instance_hours_reactive", r.InstanceHoursReactive);
            Number(json, "instance_hours_predictive", r.InstanceHoursPredictive);
            Number(json, "mean_schedule_entries", r.MeanScheduleEntries);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>JSON has no NaN; an undefined figure is written as null.</summary>
    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
            json.WriteNumber(name, Math.Round(value, 6));
        else
            json.WriteNull(name);
    }
}
