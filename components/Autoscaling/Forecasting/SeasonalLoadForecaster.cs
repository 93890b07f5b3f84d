namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>Forecasts load for the next days from a weekly pattern and how far the last day strayed
/// from it.</summary>
/// <remarks>
/// <para>Two steps, each explainable on its own:</para>
/// <list type="number">
/// <item><b>Weekly profile.</b> A slot's baseline is the median of the same slot of the week over
/// the last <see cref="ProfileWeeks"/> weeks (missing slots skipped). The median lets a holiday, an
/// outage or a launch spike in one week pass without bending the profile; the weekly period keeps
/// both the daily rhythm and the weekday/weekend difference. With less than a week of history the
/// same slot of earlier days stands in.</item>
/// <item><b>Level correction.</b> The ratio of the last <see cref="LevelWindowHours"/> hours
/// before the origin to what the profile expected for them says whether load now runs above or below
/// its usual level; the most recent hours are used rather than the whole last day so that an event
/// that began or ended during that day (a storm closing a city in the evening, a holiday ending) is
/// read as it stands at the origin. The forecast carries that deviation forward by a persistence
/// factor φ ∈ [0, 1] fitted on the history itself: the least-squares slope of each day's log
/// deviation (whole day) on the log deviation of the last hours before it, over the last
/// <see cref="PersistenceFitDays"/> days. A series whose deviations persist (a rising trend, a
/// lasting change) gets φ near 1; one whose deviations are short events gets φ near 0. In the fit,
/// whole-day deviations are clipped to ±<see cref="MaxLogDeviation"/> (in natural log) so that one
/// storm or outage cannot dominate the slope; the deviation of the last hours is clipped only to
/// ±<see cref="MaxRecentLogDeviation"/>. Day h ahead is corrected by φ^h.</item>
/// </list>
/// <para>Chosen by measurement on the NASA HTTP (1 h) and NYC taxi (30 min) traces against
/// seasonal-naive, multi-week trimmed means, week-normalised profiles, exponentially smoothed
/// levels, exponentially weighted medians, blends with the week-naive value and whole-day level
/// correction; see the bench command and the README's Predictive scaling section.</para>
/// <para>The same backtest that fits φ yields the ratios actual/forecast used for
/// <see cref="LoadForecast.Quantile"/>.</para>
/// </remarks>
public sealed class SeasonalLoadForecaster
{
    /// <summary>The longest horizon, in days, a forecast may cover.</summary>
    public const int MaxHorizonDays = 14;

    private const int MinimumBacktestHistoryDays = 14;

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
        if (ProfileWeeks < 1 || PersistenceFitDays < 2 || !(MaxLogDeviation >= 0) || !(MaxRecentLogDeviation >= 0) || LevelWindowHours is < 1 or > 24)
            throw new InvalidOperationException(
                $"forecaster settings out of range: ProfileWeeks = {ProfileWeeks} (at least 1), PersistenceFitDays = {PersistenceFitDays} (at least 2), MaxLogDeviation = {MaxLogDeviation} (at least 0), MaxRecentLogDeviation = {MaxRecentLogDeviation} (at least 0), LevelWindowHours = {LevelWindowHours} (1 to 24)");
        var y = history.Raw;
        if (!y.Any(double.IsFinite))
            throw new ArgumentException("the history has no load values to forecast from; give it at least one day of samples",
                nameof(history));

        int slotsPerDay = history.SlotsPerDay;
        int origin = y.Length;
        int tailSlots = Math.Clamp(LevelWindowHours * slotsPerDay / 24, 1, slotsPerDay);

        // Backtest: the profile's one-day-ahead forecast for each of the recent days, compared with
        // what happened. Day j (1 = the last day before the origin) starts at origin - j days.
        // Days with under two weeks before them are left out: their profile rests on a single week,
        // so their deviation would measure the profile's youth rather than the load's level.
        int fitDays = Math.Min(PersistenceFitDays, origin / slotsPerDay - MinimumBacktestHistoryDays);
        var logDeviation = new double[Math.Max(fitDays, 0) + 1];
        var tailDeviation = new double[Math.Max(fitDays, 0) + 1];
        var ratios = new List<(double Ratio, double Weight)>();
        for (int j = 1; j <= fitDays; j++)
        {
            int dayStart = origin - j * slotsPerDay;
            var profile = Profile(y, dayStart, slotsPerDay, slotsPerDay);
            logDeviation[j] = LogDeviation(y, dayStart, profile, 0, MaxLogDeviation);
            tailDeviation[j] = LogDeviation(y, dayStart, profile, slotsPerDay - tailSlots, MaxRecentLogDeviation);
            for (int i = 0; i < slotsPerDay; i++)
                if (double.IsFinite(y[dayStart + i]) && profile[i] > 0)
                    ratios.Add((y[dayStart + i] / profile[i], profile[i]));
        }

        double persistence = FitPersistence(logDeviation, tailDeviation, fitDays);
        double lastDeviation = fitDays >= 1 && double.IsFinite(tailDeviation[1]) ? tailDeviation[1] : 0;

        int horizon = days * slotsPerDay;
        var expected = Profile(y, origin, horizon, slotsPerDay);
        var corrections = new double[days];
        for (int day = 0; day < days; day++)
        {
            corrections[day] = Math.Exp(Math.Pow(persistence, day + 1) * lastDeviation);
            for (int i = day * slotsPerDay; i < (day + 1) * slotsPerDay; i++)
                expected[i] *= corrections[day];
        }

        // Backtest ratios were taken against the uncorrected profile; the correction explains part
        // of that spread, so they overstate it a little, which errs on the side of capacity.
        return new LoadForecast(history.TimeZoneId, history.End, history.Step, expected, ratios,
            persistence, corrections);
    }

    /// <summary>Baseline for <paramref name="count"/> slots from index <paramref name="from"/>,
    /// using only values before <paramref name="from"/>.</summary>
    private double[] Profile(double[] y, int from, int count, int slotsPerDay)
    {
        int week = 7 * slotsPerDay;
        var result = new double[count];
        var window = new List<double>(ProfileWeeks);
        double fallback = double.NaN;
        for (int i = 0; i < count; i++)
        {
            int target = from + i;
            window.Clear();
            CollectSameSlot(y, target, from, week, ProfileWeeks, window);
            if (window.Count == 0)
                CollectSameSlot(y, target, from, slotsPerDay, 7, window);
            if (window.Count > 0)
            {
                result[i] = Median(window);
                continue;
            }

            if (double.IsNaN(fallback))
                fallback = MeanBefore(y, from);
            result[i] = fallback;
        }

        return result;
    }

    /// <summary>Adds up to <paramref name="limit"/> known values at whole periods before
    /// <paramref name="target"/> that lie before <paramref name="end"/>, most recent first.</summary>
    private static void CollectSameSlot(double[] y, int target, int end, int period, int limit, List<double> into)
    {
        int first = target - period;
        if (first >= end)
            first -= (first - end) / period * period + period;
        for (int index = first; index >= 0 && into.Count < limit; index -= period)
            if (double.IsFinite(y[index]))
                into.Add(y[index]);
    }

    private static double MeanBefore(double[] y, int end)
    {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < end; i++)
        {
            if (!double.IsFinite(y[i]))
                continue;
            sum += y[i];
            count++;
        }

        return count > 0 ? sum / count : 0;
    }

    /// <summary>Log of actual over expected load for the slots of one day from
    /// <paramref name="first"/> to its end, clipped; NaN when fewer than half of them are known (an
    /// outage says nothing about the level).</summary>
    private static double LogDeviation(double[] y, int dayStart, double[] profile, int first, double clip)
    {
        double actual = 0, expected = 0;
        int known = 0;
        for (int i = first; i < profile.Length; i++)
        {
            if (!double.IsFinite(y[dayStart + i]))
                continue;
            actual += y[dayStart + i];
            expected += profile[i];
            known++;
        }

        if (known * 2 < profile.Length - first || actual <= 0 || expected <= 0)
            return double.NaN;
        return Math.Clamp(Math.Log(actual / expected), -clip, clip);
    }

    /// <summary>Least-squares slope through the origin of each day's deviation on the deviation of
    /// the last hours of the previous day, bounded to [0, 1] so the correction never overshoots or
    /// flips sign.</summary>
    private static double FitPersistence(double[] logDeviation, double[] tailDeviation, int fitDays)
    {
        double products = 0, squares = 0;
        // logDeviation[j] is j days back; its previous day is j + 1.
        for (int j = 1; j < fitDays; j++)
        {
            double today = logDeviation[j], yesterday = tailDeviation[j + 1];
            if (!double.IsFinite(today) || !double.IsFinite(yesterday))
                continue;
            products += today * yesterday;
            squares += yesterday * yesterday;
        }

        return squares > 0 ? Math.Clamp(products / squares, 0, 1) : 0;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        int n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
