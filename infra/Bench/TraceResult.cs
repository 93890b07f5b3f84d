using Infra.Components.Autoscaling.Forecasting;

namespace Infra.Bench;

/// <summary>Everything the bench measured on one trace.</summary>
internal sealed record TraceResult
{
    public required string Trace { get; init; }
    public required int StepMinutes { get; init; }
    public required string TimeZoneId { get; init; }
    public required int EvalDays { get; init; }
    public required DateTime EvalStart { get; init; }
    public required int ScoredSlots { get; init; }

    public required double Wape { get; init; }
    public required double Mase { get; init; }
    public required double WapeNaiveDay { get; init; }
    public required double MaseNaiveDay { get; init; }
    public required double WapeNaiveWeek { get; init; }
    public required double MaseNaiveWeek { get; init; }
    public required double MeanPersistence { get; init; }

    public required double CapacityPerInstance { get; init; }
    public required int ScaleOutDelayMinutes { get; init; }
    public required double TargetUtilization { get; init; }
    public required double Quantile { get; init; }
    public required double Headroom { get; init; }
    public required double UnderprovisionedReactive { get; init; }
    public required double UnderprovisionedPredictive { get; init; }
    public required double UnderprovisionedTimeReactive { get; init; }
    public required double UnderprovisionedTimePredictive { get; init; }
    public required double InstanceHoursReactive { get; init; }
    public required double InstanceHoursPredictive { get; init; }
    public required double MeanScheduleEntries { get; init; }

    /// <summary>Start of each evaluated slot, with what happened and what was forecast for it.</summary>
    public required IReadOnlyList<DateTime> Times { get; init; }
    public required IReadOnlyList<double> Actual { get; init; }
    public required IReadOnlyList<double> Forecast { get; init; }
    public required IReadOnlyList<double> NaiveWeek { get; init; }

    /// <summary>The plan made at the last origin, to show what the clouds would receive.</summary>
    public required CapacitySchedule LastSchedule { get; init; }
}
