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

        var path = Resolve(forecast.History!, projectRoot, out var refusal);
        if (path is null)
        {
            problems.Add(new SpecProblem($"{at}.history", forecast.History, refusal!));
            return null;
        }

        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(forecast.TimeZone);
            var sourceZone = forecast.SourceTimeZone is null ? zone : TimeZoneInfo.FindSystemTimeZoneById(forecast.SourceTimeZone);
            var series = History(path, zone, sourceZone, forecast.StepMinutes);
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
            problems.Add(new SpecProblem($"{at}.history", forecast.History, $"cannot read {path} ({e.GetType().Name}); give a readable CSV of timestamp,value rows"));
        }
        catch (LoadHistoryFormatException e)
        {
            // The line number only: a file that is no trace is not echoed, whatever it holds.
            problems.Add(new SpecProblem($"{at}.history", forecast.History,
                $"line {e.LineNumber} is not a timestamp,value row (ISO 8601 timestamp, load of at least 0); fix the file or name a trace"));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // Too few samples to resample, or no load values at all.
            problems.Add(new SpecProblem($"{at}.history", forecast.History, $"cannot forecast from it: {e.Message}"));
        }

        return null;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, long, DateTime, string, string, int), LoadSeries> Histories = new();

    /// <summary>The history at <paramref name="path"/> on the step, read once per version of the file
    /// (path, size and time written): plans of many stacks, or many plans in one process (tests, the
    /// validation benchmark), read a trace of megabytes once.</summary>
    private static LoadSeries History(string path, TimeZoneInfo zone, TimeZoneInfo sourceZone, int stepMinutes)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
            throw new FileNotFoundException("no such file", path);
        var key = (file.FullName, file.Length, file.LastWriteTimeUtc, zone.Id, sourceZone.Id, stepMinutes);
        if (Histories.TryGetValue(key, out var cached))
            return cached;
        var series = LoadHistoryFile.Read(path, zone, sourceZone).Resample(TimeSpan.FromMinutes(stepMinutes));
        if (Histories.Count < 16)
            Histories[key] = series;
        return series;
    }

    /// <summary>
    /// Folders outside the project a history may be read from, relative to the project root: the
    /// shared traces kept beside the repository (never copied into it), which prod forecasts from.
    /// </summary>
    public static readonly IReadOnlyList<string> AllowedOutsideProject = ["../shared/data/traces"];

    /// <summary>
    /// The full path of <paramref name="history"/>, or null with the reason when a stack may not read
    /// it: only files inside the project root or an <see cref="AllowedOutsideProject"/> folder, after
    /// <c>..</c> and symbolic links are resolved. Pull requests' stack files are planned in CI, so a
    /// stack file must not make the runner read (and report on) any file it can reach.
    /// </summary>
    public static string? Resolve(string history, string? projectRoot, out string? refusal)
    {
        refusal = null;
        if (projectRoot is null)
        {
            refusal = "the project root is unknown here, so the path cannot be checked; run from inside the project";
            return null;
        }
        var root = WithoutLinks(Path.GetFullPath(projectRoot));
        string full;
        try
        {
            // A link inside the project (the file or a folder on its way) may point anywhere: judge where it leads.
            full = WithoutLinks(Path.GetFullPath(Path.IsPathRooted(history) ? history : Path.Combine(root, history)));
        }
        catch (Exception e) when (e is ArgumentException or IOException or NotSupportedException or UnauthorizedAccessException)
        {
            refusal = "not a usable path; name a CSV inside the project, e.g. data/load.csv";
            return null;
        }
        var allowed = new[] { root }.Concat(AllowedOutsideProject.Select(f => WithoutLinks(Path.GetFullPath(Path.Combine(root, f))))).ToList();
        if (allowed.Any(folder => Inside(full, folder)))
            return full;
        refusal = $"a stack may read history only inside the project ({root}) or {string.Join(", ", AllowedOutsideProject)}; move or copy the trace there";
        return null;
    }

    /// <summary><paramref name="path"/> (absolute) with every symbolic link on it replaced by its final target.</summary>
    private static string WithoutLinks(string path)
    {
        var resolved = Path.GetPathRoot(path)!;
        foreach (var part in path[resolved.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(resolved, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            resolved = info.Exists && info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target
                ? Path.GetFullPath(target.FullName)
                : next;
        }
        return resolved;
    }

    private static bool Inside(string path, string folder)
    {
        var prefix = folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }
}
