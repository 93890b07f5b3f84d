namespace Infra.Bench;

/// <summary>What the bench measured on one block of scored days.</summary>
internal sealed record WindowResult
{
    /// <summary>First scored day (an origin).</summary>
    public required DateTime Start { get; init; }
    public required int Days { get; init; }
    /// <summary>Whole days of history before <see cref="Start"/>.</summary>
    public required int HistoryDays { get; init; }
    public required int ScoredSlots { get; init; }

    public required double Wape { get; init; }
    public required double Mase { get; init; }
    public required double WapeNaiveDay { get; init; }
    public required double MaseNaiveDay { get; init; }
    public required double WapeNaiveWeek { get; init; }
    public required double MaseNaiveWeek { get; init; }

    /// <summary>How many origins of the window chose each model.</summary>
    public required IReadOnlyDictionary<string, int> Models { get; init; }

    public required double UnderprovisionedReactive { get; init; }
    public required double UnderprovisionedPredictive { get; init; }
    public required double UnderprovisionedTimeReactive { get; init; }
    public required double UnderprovisionedTimePredictive { get; init; }
    public required double InstanceHoursReactive { get; init; }
    public required double InstanceHoursPredictive { get; init; }
    public required double MeanScheduleEntries { get; init; }

    public DateTime End => Start.AddDays(Days);
    public double BetterNaive => Math.Min(WapeNaiveDay, WapeNaiveWeek);
    /// <summary>Forecaster WAPE over the better naive baseline's (below 1 is a win).</summary>
    public double RatioToBetterNaive => Wape / BetterNaive;
    public double RatioToWeekNaive => Wape / WapeNaiveWeek;
    /// <summary>Share of the reactive policy's under-provisioned slots the schedule removes; NaN when
    /// reactive scaling was never short (nothing to improve).</summary>
    public double UnderprovisioningRemoved => UnderprovisionedReactive > 0
        ? 1 - UnderprovisionedPredictive / UnderprovisionedReactive
        : double.NaN;
    public double ExtraInstanceHours => InstanceHoursPredictive / InstanceHoursReactive - 1;
}
