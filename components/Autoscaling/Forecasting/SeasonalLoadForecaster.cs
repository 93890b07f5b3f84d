namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>Forecasts load for the next days with the models that did best on the history's own
/// recent days: a weekly median with a level correction, a shorter-memory profile, seasonal-naive
/// variants and double-seasonal exponential smoothing.</summary>
/// <remarks>
/// <para><b>Choosing per history.</b> Every model forecasts each of the last
/// <see cref="SelectionDays"/> days from the data before that day, as it would have at that day's
/// start; the <see cref="CombinedModels"/> with the lowest WAPE on those days (recent days weighing
/// more, <see cref="SelectionDiscount"/>) are averaged with weights 1 / WAPE². Only days with at least a week before them count, and a model needs
/// <see cref="MinimumSelectionDays"/> of them; until then (under two weeks of history) the default
/// model forecasts alone. Nothing is chosen on the days being forecast, so a user's trace picks what
/// works for it without anyone tuning on it. The quantiles come from the combination's own errors on
/// the same days.</para>
/// <para>The default model, <see cref="ForecastModels.WeeklyMedian"/>, has two steps, each explainable on its own:</para>
/// <list type="number">
/// <item><b>Weekly profile.</b> A slot's baseline is the median of the same slot of the week over
/// the last <see cref="ProfileWeeks"/> weeks (missing slots skipped). The median lets a holiday, an
/// outage or a launch spike in one week pass without bending the profile; the weekly period keeps
/// both the daily rhythm and the weekday/weekend difference. With less than a week of history the
/// same slot of earlier days stands in.</item>
/// <item><b>Level correction.</b> The ratio of the last <see cref="LevelWindowHours"/> hours
/// before the origin to what the profile expected for them says whether load now runs above or below
/// its usual level. The forecast carries that deviation forward by a persistence factor φ ∈ [0, 1]
/// fitted on the history itself: the least-squares slope of each day's log deviation (whole day) on
/// the log deviation of the last hours before it, over the last <see cref="PersistenceFitDays"/> days.
/// In the fit, whole-day deviations are clipped to ±<see cref="MaxLogDeviation"/> (in natural log) so
/// that one storm or outage cannot dominate the slope; the deviation of the last hours is clipped only
/// to ±<see cref="MaxRecentLogDeviation"/>. Day h ahead is corrected by φ^h.</item>
/// </list>
/// <para><see cref="ForecastModels.RecentWeeks"/> is the same over 3 weeks. The others are described
/// in <see cref="ForecastModels"/>; those whose forecast carries no load of the last day get the same
/// level correction, fitted on their own errors (<see cref="CorrectStaleModels"/>).</para>
/// </remarks>
public sealed class SeasonalLoadForecaster
{
    /// <summary>The longest horizon, in days, a forecast may cover.</summary>
    public const int MaxHorizonDays = 14;


    /// <summary>Weeks of history whose same slot feeds the median. Default: 8.</summary>
    public int ProfileWeeks { get; init; } = 8;

    /// <summary>Days of recent history on which the persistence factor and the error quantiles are
    /// measured. Default: 56 (eight weeks).</summary>
    public int PersistenceFitDays { get; init; } = 56;

    /// <summary>Hours before the origin whose load, against the profile, sets the level correction.
    /// Default: 4.</summary>
    public int LevelWindowHours { get; init; } = 4;

    /// <summary>Largest whole-day deviation from the profile, as a natural log, that the persistence
    /// fit sees. Default: 0.4 (a factor of about 0.67 to 1.5).</summary>
    public double MaxLogDeviation { get; init; } = 0.4;

    /// <summary>Largest deviation of the last <see cref="LevelWindowHours"/> hours from the profile,
    /// as a natural log, that the level correction follows. Default: 3 (a factor of about 1/20 to
    /// 20): wide enough to follow a city-wide shutdown, still a bound where the profile is near
    /// zero.</summary>
    public double MaxRecentLogDeviation { get; init; } = 3;

    /// <summary>Recent days on which the candidate models' one-day-ahead forecasts are compared to
    /// choose one, and whose errors give the quantiles. Default: 28.</summary>
    public int SelectionDays { get; init; } = 28;

    /// <summary>Fewest such days a model needs to be chosen instead of the default
    /// (<see cref="ForecastModels.WeeklyMedian"/>): with less evidence the choice would follow noise.
    /// Default: 7.</summary>
    public int MinimumSelectionDays { get; init; } = 7;

    /// <summary>How many of the best models (by their errors on the recent days) are averaged, weighted
    /// by 1 / WAPE²: a combination is steadier than the single best, whose lead on a few weeks is
    /// partly luck. 1 picks the best alone. Default: 4.</summary>
    public int CombinedModels { get; init; } = 4;

    /// <summary>Whether the models whose forecast carries no load of the last day before the origin
    /// (<see cref="ForecastModels.WeekNaive"/>, <see cref="ForecastModels.DayWeekBlend"/>, which carries
    /// half of it, and <see cref="ForecastModels.DailyShape"/>) get the weekly median's level correction,
    /// fitted on their own errors: how far the last hours before the origin ran from their forecast,
    /// carried forward by a fitted persistence. Without it a combination dilutes the correction of the
    /// models that have one (a storm or a holiday week is followed by the weekly median alone). The
    /// others already follow the level: day-naive repeats the last day, the smoothing model carries its
    /// last error. Default: true.</summary>
    public bool CorrectStaleModels { get; init; } = true;

    /// <summary>Weight of each day's errors in the choice relative to the day after it (the day before
    /// the origin weighs 1, the one before it this much, and so on): a discounted error, as in Stock &amp;
    /// Watson's discounted-MSFE combinations (J. Forecasting 23, 2004, δ = 0.9 among their settings), so
    /// that after a change of regime the models that fit the new one take the lead within days, not
    /// weeks. 1 weighs every day alike. Default: 0.9 (a half-life of about 6.6 days).</summary>
    public double SelectionDiscount { get; init; } = 0.9;

    /// <summary>The models to choose among (see <see cref="ForecastModels"/>); the first is the default.
    /// Default: <see cref="ForecastModels.All"/>.</summary>
    public IReadOnlyList<string> Models { get; init; } = ForecastModels.All;

    /// <summary>Forecasts the <paramref name="days"/> days that follow the end of
    /// <paramref name="history"/>, at the history's step.</summary>
    /// <param name="history">Load up to the forecast origin; missing slots are allowed.</param>
    /// <param name="days">Horizon in days, 1 to <see cref="MaxHorizonDays"/>.</param>
    public LoadForecast Forecast(LoadSeries history, int days)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (days is < 1 or > MaxHorizonDays)
            throw new ArgumentOutOfRangeException(nameof(days), days,
                $"a forecast covers 1 to {MaxHorizonDays} days; ask for fewer days or forecast again later");
        if (ProfileWeeks < 1 || PersistenceFitDays < 2 || !(MaxLogDeviation >= 0) || !(MaxRecentLogDeviation >= 0) || LevelWindowHours is < 1 or > 24
            || SelectionDays < 1 || !(SelectionDiscount is > 0 and <= 1) || MinimumSelectionDays < 1 || CombinedModels < 1 || Models is not { Count: > 0 } || Models.Any(m => !ForecastModels.All.Contains(m)))
            throw new InvalidOperationException(
                $"forecaster settings out of range: ProfileWeeks = {ProfileWeeks} (at least 1), PersistenceFitDays = {PersistenceFitDays} (at least 2), MaxLogDeviation = {MaxLogDeviation} (at least 0), MaxRecentLogDeviation = {MaxRecentLogDeviation} (at least 0), LevelWindowHours = {LevelWindowHours} (1 to 24), SelectionDays = {SelectionDays} (at least 1), SelectionDiscount = {SelectionDiscount} (above 0, at most 1), MinimumSelectionDays = {MinimumSelectionDays} (at least 1), CombinedModels = {CombinedModels} (at least 1), Models = [{string.Join(", ", Models ?? [])}] (some of {string.Join(", ", ForecastModels.All)})");
        var y = history.Raw;
        if (!y.Any(double.IsFinite))
            throw new ArgumentException("the history has no load values to forecast from; give it at least one day of samples",
                nameof(history));

        int slotsPerDay = history.SlotsPerDay;
        int origin = y.Length;
        int horizon = days * slotsPerDay;
        var runs = Models.Select(model => Run(model, y, slotsPerDay, origin, SelectionDays, days)).ToList();
        var chosen = Choose(runs, y, slotsPerDay, origin);

        // The chosen model's own past errors give the quantiles: actual over forecast on the days it
        // was judged on, each weighted by the forecast so that busy hours, which decide capacity, count most.
        var ratios = new List<(double Ratio, double Weight)>();
        for (int j = 1; j <= SelectionDays; j++)
        {
            if (chosen.Past[j] is not { } forecast)
                continue;
            int dayStart = origin - j * slotsPerDay;
            for (int i = 0; i < slotsPerDay; i++)
                if (double.IsFinite(y[dayStart + i]) && forecast[i] > 0)
                    ratios.Add((y[dayStart + i] / forecast[i], forecast[i]));
        }

        return new LoadForecast(history.TimeZoneId, history.End, history.Step, chosen.Future!.Take(horizon), ratios,
            chosen.Persistence, chosen.Corrections ?? Enumerable.Repeat(1.0, days))
        {
            Models = chosen.Name.Split('+'),
        };
    }

    private ModelRun Run(string model, double[] y, int slotsPerDay, int origin, int pastDays, int days)
    {
        if (!CorrectStaleModels || model is not (ForecastModels.WeekNaive or ForecastModels.DayWeekBlend or ForecastModels.DailyShape))
            return RunModel(model, y, slotsPerDay, origin, pastDays, days);
        // These carry no load of the last day (or only half of it): give them the weekly median's level
        // correction, fitted on their own errors, which needs their forecasts of the fit days before
        // each judged day.
        int fitDays = SelectionDays;
        var raw = RunModel(model, y, slotsPerDay, origin, pastDays + fitDays + 1, days);
        return ResidualLevelCorrection.Apply(raw, y, slotsPerDay, origin, pastDays, fitDays, LevelWindowHours,
            MaxLogDeviation, MaxRecentLogDeviation);
    }

    private ModelRun RunModel(string model, double[] y, int slotsPerDay, int origin, int pastDays, int days)
    {
        int horizon = days * slotsPerDay;
        return model switch
        {
            ForecastModels.WeeklyMedian => Profile(ProfileWeeks).Run(model, y, slotsPerDay, origin, pastDays, days),
            ForecastModels.RecentWeeks => Profile(Math.Min(ProfileWeeks, RecentProfileWeeks)).Run(model, y, slotsPerDay, origin, pastDays, days),
            ForecastModels.DayNaive => SeasonalNaiveModel.Run(model, y, slotsPerDay, origin, pastDays, horizon, 1),
            ForecastModels.WeekNaive => SeasonalNaiveModel.Run(model, y, slotsPerDay, origin, pastDays, horizon, 7),
            ForecastModels.DayWeekBlend => SeasonalNaiveModel.Run(model, y, slotsPerDay, origin, pastDays, horizon, 1, 7),
            ForecastModels.DailyShape => DailyShapeModel.Run(model, y, slotsPerDay, origin, pastDays, horizon),
            ForecastModels.DoubleSeasonal => new DoubleSeasonalSmoothing().Run(model, y, slotsPerDay, origin, pastDays, horizon),
            _ => throw new InvalidOperationException($"unknown model {model}; use one of {string.Join(", ", ForecastModels.All)}"),
        };
    }

    /// <summary>Weeks the shorter-memory profile (<see cref="ForecastModels.RecentWeeks"/>) looks back.</summary>
    private const int RecentProfileWeeks = 3;

    private WeeklyProfileModel Profile(int weeks) => new()
    {
        ProfileWeeks = weeks,
        PersistenceFitDays = PersistenceFitDays,
        LevelWindowHours = LevelWindowHours,
        MaxLogDeviation = MaxLogDeviation,
        MaxRecentLogDeviation = MaxRecentLogDeviation,
    };

    /// <summary>The <see cref="CombinedModels"/> models with the lowest WAPE over the recent days on
    /// which each and the default forecast, averaged with weights 1 / WAPE²; the default alone when no
    /// model has <see cref="MinimumSelectionDays"/> such days.</summary>
    private ModelRun Choose(List<ModelRun> runs, double[] y, int slotsPerDay, int origin)
    {
        var fallback = runs[0];
        if (fallback.Future is null)
            throw new InvalidOperationException($"the default model {fallback.Name} could not forecast");
        var scored = new List<(ModelRun Run, double Score)>();
        foreach (var run in runs)
        {
            if (run.Future is null)
                continue;
            double error = 0, load = 0;
            int judged = 0;
            for (int j = 1; j <= SelectionDays; j++)
            {
                int dayStart = origin - j * slotsPerDay;
                // A day with less than a week before it is no test of a weekly model: judging on it
                // would favour the daily ones merely because they can forecast it at all.
                if (run.Past[j] is not { } forecast || fallback.Past[j] is null || dayStart < 7 * slotsPerDay)
                    continue;
                double weight = Math.Pow(SelectionDiscount, j - 1);
                for (int i = 0; i < slotsPerDay; i++)
                {
                    double actual = y[dayStart + i];
                    if (!double.IsFinite(actual))
                        continue;
                    error += weight * Math.Abs(forecast[i] - actual);
                    load += weight * actual;
                }

                judged++;
            }

            if (judged < MinimumSelectionDays || !(load > 0))
                continue;
            scored.Add((run, error / load));
        }

        if (scored.Count == 0)
            return fallback;
        var top = scored.OrderBy(r => r.Score).Take(CombinedModels).ToList();
        if (top.Count == 1)
            return top[0].Run;
        // A zero error (a perfectly regular history) takes all the weight.
        var weights = top.Select(t => 1 / Math.Max(t.Score * t.Score, 1e-12)).ToArray();
        double total = weights.Sum();
        double[]? Mix(Func<ModelRun, double[]?> part)
        {
            var parts = top.Select(t => part(t.Run)).ToArray();
            if (parts.Any(p => p is null))
                return null;
            var result = new double[parts[0]!.Length];
            for (int n = 0; n < parts.Length; n++)
                for (int i = 0; i < result.Length; i++)
                    result[i] += weights[n] / total * parts[n]![i];
            return result;
        }

        var past = new double[]?[SelectionDays + 1];
        for (int j = 1; j <= SelectionDays; j++)
            past[j] = Mix(r => r.Past[j]);
        var lead = top.FirstOrDefault(t => t.Run.Corrections is not null).Run;
        return new ModelRun
        {
            Name = string.Join("+", top.Select(t => t.Run.Name)),
            Future = Mix(r => r.Future),
            Past = past,
            Persistence = lead?.Persistence ?? 0,
            Corrections = lead?.Corrections,
        };
    }
}
