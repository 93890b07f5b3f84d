namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>The level correction of <see cref="WeeklyProfileModel"/>, applied to another model from its
/// own errors: how far the last hours before the origin ran above or below what the model forecast
/// for them, carried into the next day by a persistence fitted on the model's own past days.</summary>
/// <remarks>
/// <see cref="SeasonalLoadForecaster"/> applies it to the models whose forecast carries no load of
/// the last day (see <see cref="SeasonalLoadForecaster.CorrectStaleModels"/>). Each past day's
/// corrected forecast uses a persistence fitted only on the days before it, so the comparison between
/// models stays out of sample; with fewer than 7 day pairs to fit on the persistence is 0.
/// </remarks>
internal static class ResidualLevelCorrection
{
    /// <summary>Fewest day pairs the persistence is fitted on; with fewer it is 0 (no correction).</summary>
    private const int MinimumFitDays = 7;

    /// <summary>Corrects <paramref name="run"/>, whose <see cref="ModelRun.Past"/> must reach
    /// <paramref name="pastDays"/> + <paramref name="fitDays"/> + 1 days back where the history allows;
    /// the result's <see cref="ModelRun.Past"/> covers <paramref name="pastDays"/>.</summary>
    public static ModelRun Apply(ModelRun run, double[] y, int slotsPerDay, int origin, int pastDays, int fitDays,
        int levelWindowHours, double maxLogDeviation, double maxRecentLogDeviation)
    {
        if (run.Future is null)
            return run;
        int tailSlots = Math.Clamp(levelWindowHours * slotsPerDay / 24, 1, slotsPerDay);
        int span = run.Past.Length - 1;
        // Day d (1 = the last before the origin): the log deviation of the whole day and of its last
        // hours from what the model forecast for it at the day's start.
        var deviation = new double[span + 2];
        var tail = new double[span + 2];
        Array.Fill(deviation, double.NaN);
        Array.Fill(tail, double.NaN);
        for (int d = 1; d <= span; d++)
        {
            if (run.Past[d] is not { } forecast)
                continue;
            int dayStart = origin - d * slotsPerDay;
            deviation[d] = LogDeviation(y, dayStart, forecast, 0, maxLogDeviation);
            tail[d] = LogDeviation(y, dayStart, forecast, slotsPerDay - tailSlots, maxRecentLogDeviation);
        }

        var past = new double[]?[pastDays + 1];
        for (int j = 1; j <= Math.Min(pastDays, span); j++)
        {
            if (run.Past[j] is not { } forecast)
                continue;
            double phi = Fit(deviation, tail, j + 1, Math.Min(j + fitDays, span - 1));
            double last = double.IsFinite(tail[j + 1]) ? tail[j + 1] : 0;
            double correction = Math.Exp(phi * last);
            past[j] = forecast.Select(v => v * correction).ToArray();
        }

        double persistence = Fit(deviation, tail, 1, Math.Min(fitDays, span - 1));
        double lastDeviation = span >= 1 && double.IsFinite(tail[1]) ? tail[1] : 0;
        int days = (run.Future.Length + slotsPerDay - 1) / slotsPerDay;
        var corrections = new double[days];
        var future = run.Future.ToArray();
        for (int day = 0; day < days; day++)
        {
            corrections[day] = Math.Exp(Math.Pow(persistence, day + 1) * lastDeviation);
            for (int i = day * slotsPerDay; i < Math.Min((day + 1) * slotsPerDay, future.Length); i++)
                future[i] *= corrections[day];
        }

        return new ModelRun { Name = run.Name, Future = future, Past = past, Persistence = persistence, Corrections = corrections };
    }

    /// <summary>Log of actual over forecast load from slot <paramref name="first"/> of a day to its
    /// end, clipped; NaN when fewer than half of the slots are known.</summary>
    private static double LogDeviation(double[] y, int dayStart, double[] forecast, int first, double clip)
    {
        double actual = 0, expected = 0;
        int known = 0, slots = Math.Min(forecast.Length, y.Length - dayStart);
        for (int i = first; i < slots; i++)
        {
            if (!double.IsFinite(y[dayStart + i]))
                continue;
            actual += y[dayStart + i];
            expected += forecast[i];
            known++;
        }

        if (known * 2 < forecast.Length - first || actual <= 0 || expected <= 0)
            return double.NaN;
        return Math.Clamp(Math.Log(actual / expected), -clip, clip);
    }

    /// <summary>Least-squares slope through the origin of each day's deviation on the last hours'
    /// deviation of the day before, over days <paramref name="first"/> to <paramref name="last"/>,
    /// bounded to [0, 1].</summary>
    private static double Fit(double[] deviation, double[] tail, int first, int last)
    {
        double products = 0, squares = 0;
        int pairs = 0;
        for (int j = first; j <= last; j++)
        {
            double today = deviation[j], yesterday = tail[j + 1];
            if (!double.IsFinite(today) || !double.IsFinite(yesterday))
                continue;
            products += today * yesterday;
            squares += yesterday * yesterday;
            pairs++;
        }

        return pairs >= MinimumFitDays && squares > 0 ? Math.Clamp(products / squares, 0, 1) : 0;
    }
}
