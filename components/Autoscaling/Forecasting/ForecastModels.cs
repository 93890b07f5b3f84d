namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>The models <see cref="SeasonalLoadForecaster"/> chooses among, by name.</summary>
public static class ForecastModels
{
    /// <summary>Median of the same slot of the week over the last 8 weeks, times a level correction
    /// carrying the deviation of the last hours forward by a fitted persistence.</summary>
    public const string WeeklyMedian = "weekly-median";

    /// <summary>The same with a shorter memory: the median of the last 3 weeks, which follows a
    /// changing weekly shape sooner.</summary>
    public const string RecentWeeks = "recent-weeks";

    /// <summary>The same slot one day earlier.</summary>
    public const string DayNaive = "day-naive";

    /// <summary>The same slot one week earlier.</summary>
    public const string WeekNaive = "week-naive";

    /// <summary>The mean of the same slot one day and one week earlier: for load whose weekly cycle
    /// is weak against its day-to-day level.</summary>
    public const string DayWeekBlend = "day-week-blend";

    /// <summary>Double-seasonal exponential smoothing (Taylor 2003): a level, a daily and a weekly
    /// cycle, each updated by every error, on the log of the load.</summary>
    public const string DoubleSeasonal = "double-seasonal";

    /// <summary>The daily shape pooled over the last 7 days (the median of each slot's share of its
    /// day's load), times the last 7 days' mean level and a weekday factor (the median, over up to 4
    /// weeks, of that weekday's load against its week's): a week of data per slot instead of one value,
    /// for short or noisy histories whose daily shape holds across the week.</summary>
    public const string DailyShape = "daily-shape";

    /// <summary>Every model, the default first: it is kept when the history is too short to judge.</summary>
    public static readonly IReadOnlyList<string> All = [WeeklyMedian, RecentWeeks, DayNaive, WeekNaive, DayWeekBlend, DoubleSeasonal, DailyShape];
}
