using Infra.Components.Common;
using Pulumi;

namespace Infra.Components.Autoscaling;

/// <summary>
/// Scales ahead of demand predicted from history: natively (the cloud's own forecaster, e.g. AWS
/// predictive scaling), from our forecaster's capacity schedules, or both.
/// </summary>
public sealed class PredictiveScalingPolicy : ResourceArgs
{
    /// <summary>Only the cloud's own predictive scaling.</summary>
    public const string Native = "native";

    /// <summary>Only schedules computed by Infra's forecaster from load history.</summary>
    public const string Forecast = "forecast";

    /// <summary>Both: native predictive scaling plus forecast schedules.</summary>
    public const string Both = "both";

    /// <summary>Forecast but do not act (to evaluate a forecast before trusting it).</summary>
    public const string ForecastOnly = "forecast-only";

    /// <summary>Forecast and raise capacity ahead of it.</summary>
    public const string ForecastAndScale = "forecast-and-scale";

    /// <summary>Never exceed the group's maximum size.</summary>
    public const string HonorMaxCapacity = "honor";

    /// <summary>Let a forecast raise the maximum size, by up to <see cref="MaxCapacityBufferPercent"/>.</summary>
    public const string IncreaseMaxCapacity = "increase";

    /// <summary>"native", "forecast" or "both". Default: "native".</summary>
    [Input("source")] public string Source { get; set; } = Native;

    /// <summary>Native mode: "forecast-only" or "forecast-and-scale". Default: "forecast-only", so a new
    /// forecast is watched before it is trusted.</summary>
    [Input("mode")] public string Mode { get; set; } = ForecastOnly;

    /// <summary>Metric pair the native forecaster uses: "cpu" or "requests-per-target". Default: "cpu".</summary>
    [Input("metric")] public string Metric { get; set; } = ScalingMetrics.Cpu;

    /// <summary>Utilisation (or requests per target) the forecast capacity aims at. Default: 50.</summary>
    [Input("targetValue")] public double TargetValue { get; set; } = 50;

    /// <summary>Seconds before forecast load to launch instances. Default: 300.</summary>
    [Input("schedulingBufferSeconds")] public int SchedulingBufferSeconds { get; set; } = 300;

    /// <summary>"honor" or "increase". Default: "honor".</summary>
    [Input("maxCapacityBehavior")] public string MaxCapacityBehavior { get; set; } = HonorMaxCapacity;

    /// <summary>With "increase": how far above the maximum the forecast may go, in percent (0–100).</summary>
    [Input("maxCapacityBufferPercent")] public int? MaxCapacityBufferPercent { get; set; }

    /// <summary>With source "forecast" or "both": the weekly minimums computed from load history
    /// that the group follows, raised ahead of predicted load. Default: none; required with
    /// "forecast" and "both", refused with "native".</summary>
    [Input("schedule")] public ForecastScheduleSpec? Schedule { get; set; }

    /// <summary>Whether the cloud's own predictive scaling is used.</summary>
    internal bool UsesNative => Source is Native or Both;

    /// <summary>Whether forecast schedules are used.</summary>
    internal bool UsesForecast => Source is Forecast or Both;

    /// <summary>Every problem in this policy, keyed under <paramref name="at"/>.</summary>
    public IEnumerable<SpecProblem> FindProblems(string at)
    {
        if (Source is not (Native or Forecast or Both))
            yield return new($"{at}.source", Source, "use native, forecast or both");
        if (Mode is not (ForecastOnly or ForecastAndScale))
            yield return new($"{at}.mode", Mode, "use forecast-only or forecast-and-scale");
        if (!ScalingMetrics.Predictive.Contains(Metric))
            yield return new($"{at}.metric", Metric, $"use one of {string.Join(", ", ScalingMetrics.Predictive)}");
        if (TargetValue <= 0 || Metric == ScalingMetrics.Cpu && TargetValue > 100)
            yield return new($"{at}.targetValue", TargetValue, Metric == ScalingMetrics.Cpu ? "use a CPU percentage above 0 and up to 100" : "use a target above 0");
        if (SchedulingBufferSeconds is < 0 or > 3600)
            yield return new($"{at}.schedulingBufferSeconds", SchedulingBufferSeconds, "use 0 to 3600 seconds");
        if (MaxCapacityBehavior is not (HonorMaxCapacity or IncreaseMaxCapacity))
            yield return new($"{at}.maxCapacityBehavior", MaxCapacityBehavior, "use honor or increase");
        if (MaxCapacityBufferPercent is { } buffer && (buffer is < 0 or > 100))
            yield return new($"{at}.maxCapacityBufferPercent", buffer, "use 0 to 100 percent");
        if (MaxCapacityBufferPercent is not null && MaxCapacityBehavior != IncreaseMaxCapacity)
            yield return new($"{at}.maxCapacityBufferPercent", MaxCapacityBufferPercent, "a buffer only applies with maxCapacityBehavior: increase; remove it or switch");
        if (UsesForecast && Schedule is null)
            yield return new($"{at}.schedule", null,
                $"source {Source} scales on a schedule computed from load history; give one (CapacityPlanner's plan as a ForecastScheduleSpec) or use source native");
        if (Source == Native && Schedule is not null)
            yield return new($"{at}.schedule", Schedule.Entries?.Count is 1 ? "1 entry" : $"{Schedule.Entries?.Count ?? 0} entries",
                "source native uses only the cloud's own forecast and would ignore the schedule; use source both to follow it too, or remove it");
        if (UsesForecast && Schedule is not null)
            foreach (var problem in Schedule.FindProblems($"{at}.schedule"))
                yield return problem;
    }
}
