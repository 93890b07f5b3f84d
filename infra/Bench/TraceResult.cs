using Infra.Components.Autoscaling.Forecasting;

namespace Infra.Bench;

/// <summary>Everything the bench measured on one trace.</summary>
internal sealed record TraceResult
{
    public required string Trace { get; init; }
    public required int StepMinutes { get; init; }
    public required string TimeZoneId { get; init; }
    /// <summary>Whole days of history the first origin has before it.</summary>
    public required int MinimumHistoryDays { get; init; }
    /// <summary>The first and the day after the last scored day of the rolling origin.</summary>
    public required DateTime FirstOrigin { get; init; }
    public required DateTime End { get; init; }
    public required int EvalDays { get; init; }
    /// <summary>False when the history was too short for one full window, so the only window covers
    /// every origin there is.</summary>
    public required bool FullWindows { get; init; }

    /// <summary>Every origin of the rolling evaluation, as one window.</summary>
    public required WindowResult All { get; init; }
    /// <summary>The reported windows, latest first.</summary>
    public required IReadOnlyList<WindowResult> Windows { get; init; }

    public required double CapacityPerInstance { get; init; }
    public required int ScaleOutDelayMinutes { get; init; }
    public required double TargetUtilization { get; init; }
    public required double Quantile { get; init; }
    public required double Headroom { get; init; }

    /// <summary>Start of each evaluated slot over all origins, with what happened and what was forecast for it.</summary>
    public required IReadOnlyList<DateTime> Times { get; init; }
    public required IReadOnlyList<double> Actual { get; init; }
    public required IReadOnlyList<double> Forecast { get; init; }
    public required IReadOnlyList<double> NaiveWeek { get; init; }

    /// <summary>The plan made at the last origin, to show what the clouds would receive.</summary>
    public required CapacitySchedule LastSchedule { get; init; }

    public double MeanRatioToBetterNaive => Windows.Average(w => w.RatioToBetterNaive);
    public double WorstRatioToBetterNaive => Windows.Max(w => w.RatioToBetterNaive);
    public double MeanRatioToWeekNaive => Windows.Average(w => w.RatioToWeekNaive);
    public double WorstRatioToWeekNaive => Windows.Max(w => w.RatioToWeekNaive);
    public double WorstExtraInstanceHours => Windows.Max(w => w.ExtraInstanceHours);
}
