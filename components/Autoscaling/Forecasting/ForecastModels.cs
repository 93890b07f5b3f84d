namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>The models <see cref="SeasonalLoadForecaster"/> chooses among, by name.</summary>
public static class ForecastModels
{
    /// <summary>Median of the same slot of the week over the last 8 weeks, times a level correction
    /// carrying the deviation of the last hours forward by a fitted persistence.</summary>
    public const string WeeklyMedian = "weekly-median";
}
