namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>A weekly profile (the median of the same slot of the week over the last weeks) times a
/// level correction that carries the deviation of the last hours before the origin forward by a
/// persistence factor fitted on the days before; see <see cref="SeasonalLoadForecaster"/>.</summary>
internal sealed class WeeklyProfileModel
{
    /// <summary>Days with less history before them are left out of the persistence fit: their profile
    /// rests on a single week, so their deviation would measure the profile's youth rather than the
    /// load's level.</summary>
    private const int MinimumFitHistoryDays = 14;

    public required int ProfileWeeks { get; init; }
    public required int PersistenceFitDays { get; init; }
    public required int LevelWindowHours { get; init; }
    public required double MaxLogDeviation { get; init; }
    public required double MaxRecentLogDeviation { get; init; }

    public ModelRun Run(string name, double[] y, int slotsPerDay, int origin, int pastDays, int days)
    {
        int tailSlots = Math.Clamp(LevelWindowHours * slotsPerDay / 24, 1, slotsPerDay);
        int wholeDays = origin / slotsPerDay;
        // Day d (1 = the last day before the origin) starts at origin - d days. Each day's profile,
        // deviation and last-hours deviation are computed once, from the data before that day.
        int span = Math.Min(pastDays + PersistenceFitDays, wholeDays);
        var profiles = new double[span + 2][];
        var deviation = new double[span + 2];
        var tail = new double[span + 2];
        Array.Fill(deviation, double.NaN);
        Array.Fill(tail, double.NaN);
        for (int d = 1; d <= span; d++)
        {
            int dayStart = origin - d * slotsPerDay;
            if (dayStart < slotsPerDay)
                continue;
            profiles[d] = Profile(y, dayStart, slotsPerDay, slotsPerDay);
            if (dayStart < MinimumFitHistoryDays * slotsPerDay)
                continue;
            deviation[d] = LogDeviation(y, dayStart, profiles[d], 0, MaxLogDeviation);
            tail[d] = LogDeviation(y, dayStart, profiles[d], slotsPerDay - tailSlots, MaxRecentLogDeviation);
        }

        // The forecast of day j made at its start: its profile, corrected by the persistence fitted on
        // the days before it and the deviation of the last hours of the day before.
        var past = new double[]?[pastDays + 1];
        for (int j = 1; j <= Math.Min(pastDays, span); j++)
        {
            if (profiles[j] is null)
                continue;
            double phi = FitPersistence(deviation, tail, j + 1, Math.Min(j + PersistenceFitDays - 1, span - 1));
            double last = j + 1 <= span && double.IsFinite(tail[j + 1]) ? tail[j + 1] : 0;
            double correction = Math.Exp(phi * last);
            past[j] = profiles[j].Select(v => v * correction).ToArray();
        }

        double persistence = FitPersistence(deviation, tail, 1, Math.Min(PersistenceFitDays - 1, span - 1));
        double lastDeviation = span >= 1 && double.IsFinite(tail[1]) ? tail[1] : 0;
        var expected = Profile(y, origin, days * slotsPerDay, slotsPerDay);
        var corrections = new double[days];
        for (int day = 0; day < days; day++)
        {
            corrections[day] = Math.Exp(Math.Pow(persistence, day + 1) * lastDeviation);
            for (int i = day * slotsPerDay; i < (day + 1) * slotsPerDay; i++)
                expected[i] *= corrections[day];
        }

        return new ModelRun { Name = name, Future = expected, Past = past, Persistence = persistence, Corrections = corrections };
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
    /// the last hours of the day before, over days <paramref name="first"/> to <paramref name="last"/>,
    /// bounded to [0, 1] so the correction never overshoots or flips sign.</summary>
    private static double FitPersistence(double[] deviation, double[] tail, int first, int last)
    {
        double products = 0, squares = 0;
        for (int j = first; j <= last; j++)
        {
            double today = deviation[j], yesterday = tail[j + 1];
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
