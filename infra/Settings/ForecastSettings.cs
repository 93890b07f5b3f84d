using Infra.Components.Autoscaling;
using Infra.Components.Autoscaling.Forecasting;
using Infra.Components.Common;

namespace Infra.Settings;

/// <summary>
/// How the program plans the service's forecast schedule (config key <c>infra:service.forecast</c>):
/// which load history to learn from and how load becomes instances. The program reads the history,
/// forecasts the coming days (<see cref="SeasonalLoadForecaster"/>) and plans weekly minimums within
/// the scaling spec's minSize and maxSize (<see cref="CapacityPlanner"/>); the groups follow them when
/// <c>scaling.predictive.source</c> is forecast or both.
/// </summary>
public sealed class ForecastSettings
{
    /// <summary>Load history, a CSV of <c>timestamp,value</c> rows at any regular step; a relative path
    /// starts at the project root (the folder of Pulumi.yaml). Required.</summary>
    public string? History { get; set; }

    /// <summary>IANA time zone of the schedule, whose wall clock the forecast follows; every
    /// timestamp of the history is converted to it. Default: "UTC".</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>IANA time zone in which the history's timestamps without an offset were written (e.g.
    /// "UTC" for a log kept in UTC, planned in New York time); timestamps with an offset or a Z are
    /// absolute and need none. Default: <see cref="TimeZone"/> (such timestamps are read as wall-clock
    /// time of the schedule's zone).</summary>
    public string? SourceTimeZone { get; set; }

    /// <summary>Minutes per forecast slot; must divide a day. Default: 60.</summary>
    public int StepMinutes { get; set; } = 60;

    /// <summary>Load one instance serves at full use, in the history's unit (e.g. requests per
    /// minute). Required.</summary>
    public double? CapacityPerInstance { get; set; }

    /// <summary>Spare capacity on top of the forecast, as a fraction. Default: 0.2 (20 %).</summary>
    public double Headroom { get; set; } = 0.2;

    /// <summary>Forecast quantile to provision for, 0.5 to 1. Default: 0.9.</summary>
    public double Quantile { get; set; } = 0.9;

    /// <summary>Days after the end of the history to forecast, 1 to 14; 7 covers every slot of the
    /// weekly schedule. Default: 7.</summary>
    public int DaysAhead { get; set; } = 7;

    /// <summary>Minutes each raise acts before the predicted load: an instance's launch plus warm-up.
    /// Default: 10.</summary>
    public int RaiseAheadMinutes { get; set; } = 10;

    /// <summary>Instance changes this small are absorbed instead of starting a new schedule entry.
    /// Default: 1.</summary>
    public int HysteresisInstances { get; set; } = 1;

    /// <summary>The planner's options for a group of <paramref name="minSize"/> to <paramref name="maxSize"/> instances.</summary>
    public CapacityPlanOptions PlanOptions(int minSize, int maxSize) => new()
    {
        CapacityPerInstance = CapacityPerInstance ?? 0,
        Headroom = Headroom,
        Quantile = Quantile,
        MinCapacity = minSize,
        MaxCapacity = maxSize,
        HysteresisInstances = HysteresisInstances,
    };

    /// <summary>Every problem with these settings, keyed under <paramref name="at"/>; the group's
    /// bounds are the scaling spec's to report.</summary>
    public IEnumerable<SpecProblem> FindProblems(string at)
    {
        if (string.IsNullOrWhiteSpace(History))
            yield return new($"{at}.history", History,
                "name a CSV of timestamp,value rows, relative to the project root, e.g. ../shared/data/traces/nasa_http_1995.csv");
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone ?? "", out var zone) || !zone.HasIanaId)
            yield return new($"{at}.timeZone", TimeZone, "use an IANA time zone such as America/New_York or UTC");
        if (SourceTimeZone is not null && (!TimeZoneInfo.TryFindSystemTimeZoneById(SourceTimeZone, out var source) || !source.HasIanaId))
            yield return new($"{at}.sourceTimeZone", SourceTimeZone,
                "use the IANA time zone the history's offset-less timestamps were written in, such as UTC or America/New_York, or leave it out to read them in timeZone");
        if (StepMinutes < 1 || TimeOfWeek.MinutesPerDay % StepMinutes != 0)
            yield return new($"{at}.stepMinutes", StepMinutes, "use a step that divides a day, e.g. 15, 30 or 60 minutes");
        if (CapacityPerInstance is null)
            yield return new($"{at}.capacityPerInstance", null,
                "set the load one instance serves at full use, in the history's unit (e.g. requests per minute)");
        if (DaysAhead is < 1 or > SeasonalLoadForecaster.MaxHorizonDays)
            yield return new($"{at}.daysAhead", DaysAhead, $"forecast 1 to {SeasonalLoadForecaster.MaxHorizonDays} days; 7 covers the whole week");
        if (RaiseAheadMinutes is < 0 or > ForecastScheduleSpec.MaxRaiseAheadMinutes)
            yield return new($"{at}.raiseAheadMinutes", RaiseAheadMinutes,
                $"use 0 to {ForecastScheduleSpec.MaxRaiseAheadMinutes} minutes: about the time an instance takes to launch and warm up");
        // The planner's own checks, with bounds that always pass so only this block's settings are
        // judged; a missing capacity is reported above.
        foreach (var problem in PlanOptions(minSize: 0, maxSize: 1).FindProblems(at))
            if (CapacityPerInstance is not null || problem.Key != $"{at}.capacityPerInstance")
                yield return problem;
    }
}
