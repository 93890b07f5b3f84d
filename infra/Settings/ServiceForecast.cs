using Infra.Components.Autoscaling;
using Infra.Components.Autoscaling.Forecasting;
using Infra.Components.Common;

namespace Infra.Settings;

/// <summary>
/// Plans the service's forecast schedule from its load history, at plan time and deterministically
/// (the forecast starts where the history ends, whatever the date): read the CSV, average it onto
/// the step, forecast <see cref="ForecastSettings.DaysAhead"/> days, and turn the forecast into
/// weekly minimums within the scaling spec's bounds. Anything that stops it (a bad option, a missing
/// or unreadable file, a history too short) is a problem keyed under the forecast settings.
/// </summary>
public static class ServiceForecast
{
    /// <summary>The schedule <paramref name="forecast"/> plans for <paramref name="scaling"/>, or null
    /// with the reasons added to <paramref name="problems"/>.</summary>
    /// <param name="forecast">The forecast settings.</param>
    /// <param name="scaling">The service's scaling spec: its bounds, and whether it follows a schedule.</param>
    /// <param name="projectRoot">Folder relative history paths start at; null when unknown.</param>
    /// <param name="at">Config key of <paramref name="forecast"/>, e.g. <c>infra:service.forecast</c>.</param>
    /// <param name="scalingAt">Config key of <paramref name="scaling"/>.</param>
    /// <param name="problems">Receives every problem found.</param>
    public static ForecastScheduleSpec? Plan(ForecastSettings forecast, ScalingSpec scaling, string? projectRoot,
        string at, string scalingAt, List<SpecProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ArgumentNullException.ThrowIfNull(scaling);
        ArgumentNullException.ThrowIfNull(problems);
        int before = problems.Count;

        if (scaling.Predictive is not { Source: PredictiveScalingPolicy.Forecast or PredictiveScalingPolicy.Both } predictive)
            problems.Add(new SpecProblem(at, forecast.History,
                $"{scalingAt}.predictive.source is {scaling.Predictive?.Source ?? "not set (no predictive policy)"}, so no group would follow the forecast; " +
                $"set {scalingAt}.predictive.source to both (or forecast), or remove {at}"));
        else if (predictive.Schedule is not null)
            problems.Add(new SpecProblem($"{scalingAt}.predictive.schedule", predictive.Schedule.Entries?.Count is 1 ? "1 entry" : $"{predictive.Schedule.Entries?.Count ?? 0} entries",
                $"{at} plans the schedule from load history; remove this one, or remove {at} to keep it"));
        problems.AddRange(forecast.FindProblems(at));
        // The bounds are the scaling spec's; when they are wrong it reports them and there is nothing to plan within.
        if (problems.Count > before || scaling.MinSize < 0 || scaling.MaxSize < Math.Max(scaling.MinSize, 1))
            return null;

        var path = Resolve(forecast.History!, projectRoot);
        if (path is null)
        {
            problems.Add(new SpecProblem($"{at}.history", forecast.History,
                "the project root is unknown here, so a relative path cannot be found; give an absolute path or run from inside the project"));
            return null;
        }

        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(forecast.TimeZone);
            var series = LoadHistoryFile.Read(path, zone).Resample(TimeSpan.FromMinutes(forecast.StepMinutes));
            var prediction = new SeasonalLoadForecaster().Forecast(series, forecast.DaysAhead);
            var schedule = CapacityPlanner.Plan(prediction, forecast.PlanOptions(scaling.MinSize, scaling.MaxSize));
            return ForecastScheduleSpec.FromCapacitySchedule(schedule, forecast.RaiseAheadMinutes);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            problems.Add(new SpecProblem($"{at}.history", forecast.History,
                $"no such file ({path}); give timestamp,value CSV or the JSON of aws cloudwatch get-metric-data, az monitor metrics list or a Prometheus query_range, relative to the project root {projectRoot}"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new SpecProblem($"{at}.history", forecast.History, $"cannot read {path}: {e.Message}"));
        }
        catch (LoadHistoryFormatException e)
        {
            problems.Add(new SpecProblem($"{at}.history", forecast.History, $"fix the file: {e.Message}"));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // Too few samples to resample, or no load values at all.
            problems.Add(new SpecProblem($"{at}.history", forecast.History, $"cannot forecast from it: {e.Message}"));
        }

        return null;
    }

    private static string? Resolve(string history, string? projectRoot)
        => Path.IsPathRooted(history) ? history
            : projectRoot is null ? null
            : Path.GetFullPath(Path.Combine(projectRoot, history));
}
