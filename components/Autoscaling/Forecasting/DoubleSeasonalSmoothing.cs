namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>Double-seasonal exponential smoothing after Taylor (2003, "Short-term electricity demand
/// forecasting using double seasonal exponential smoothing", J. Oper. Res. Soc. 54:799-805): a level,
/// a daily and a weekly seasonal term, each moved by a share of every one-step error, with an AR(1)
/// adjustment of the first hours ahead. It runs on log(load + c) so the cycles scale with the level
/// and a forecast is a median, which is what WAPE rewards.</summary>
/// <remarks>
/// Rates are stated per hour (level) and per cycle (daily and weekly terms: each slot's term is updated
/// once a day or once a week whatever the step), so one setting fits any step. Errors feeding the
/// updates are clipped to ±<see cref="MaxLogError"/> so a burst or an outage bends the state by a
/// bounded amount. Missing slots are skipped.
/// </remarks>
internal sealed class DoubleSeasonalSmoothing
{
    /// <summary>Largest one-step error, in natural log, an update follows (a factor of about 2).</summary>
    private const double MaxLogError = 0.7;

    /// <summary>Share of each error that moves the level, per hour of step.</summary>
    public double LevelPerHour { get; init; } = 0.03;

    /// <summary>Share of each error that moves the slot's daily term.</summary>
    public double Daily { get; init; } = 0.1;

    /// <summary>Share of each error that moves the slot's weekly term.</summary>
    public double Weekly { get; init; } = 0.2;

    /// <summary>AR(1) coefficient of the one-step error, per hour.</summary>
    public double ErrorPersistencePerHour { get; init; } = 0.8;

    public ModelRun Run(string name, double[] y, int slotsPerDay, int origin, int pastDays, int horizon)
    {
        var past = new double[]?[pastDays + 1];
        int week = 7 * slotsPerDay;
        // A week to start the terms and a week of updates before the first forecast.
        if (origin < 2 * week)
            return new ModelRun { Name = name, Future = null, Past = past };

        double mean = 0;
        int count = 0;
        for (int t = 0; t < origin; t++)
        {
            if (!double.IsFinite(y[t]))
                continue;
            mean += y[t];
            count++;
        }

        mean = count > 0 ? mean / count : 0;
        double offset = mean > 0 ? 0.01 * mean : 1;
        double X(int t) => Math.Log(y[t] + offset);

        // Start: the first week's mean level, its mean daily shape, and what is left per slot of the week.
        var daily = new double[slotsPerDay];
        var weekly = new double[week];
        double level = 0;
        int known = 0;
        for (int t = 0; t < week; t++)
            if (double.IsFinite(y[t]))
            {
                level += X(t);
                known++;
            }

        if (known < week / 2)
            return new ModelRun { Name = name, Future = null, Past = past };
        level /= known;
        var dailyCount = new int[slotsPerDay];
        for (int t = 0; t < week; t++)
            if (double.IsFinite(y[t]))
            {
                daily[t % slotsPerDay] += X(t) - level;
                dailyCount[t % slotsPerDay]++;
            }

        for (int p = 0; p < slotsPerDay; p++)
            daily[p] = dailyCount[p] > 0 ? daily[p] / dailyCount[p] : 0;
        for (int t = 0; t < week; t++)
            weekly[t] = double.IsFinite(y[t]) ? X(t) - level - daily[t % slotsPerDay] : 0;

        double stepHours = 24.0 / slotsPerDay;
        double alpha = 1 - Math.Pow(1 - LevelPerHour, stepHours);
        double phi = Math.Pow(ErrorPersistencePerHour, stepHours);
        double error = 0;

        double[] ForecastFrom(int from, int slots)
        {
            var result = new double[slots];
            double carried = error;
            for (int k = 0; k < slots; k++)
            {
                carried *= phi;
                int t = from + k;
                result[k] = Math.Max(Math.Exp(level + daily[t % slotsPerDay] + weekly[t % week] + carried) - offset, 0);
            }

            return result;
        }

        int firstPast = origin - pastDays * slotsPerDay;
        for (int t = week; t < origin; t++)
        {
            if (t >= firstPast && (origin - t) % slotsPerDay == 0 && t >= 2 * week)
                past[(origin - t) / slotsPerDay] = ForecastFrom(t, slotsPerDay);
            if (!double.IsFinite(y[t]))
            {
                error *= phi;
                continue;
            }

            int p1 = t % slotsPerDay, p2 = t % week;
            double e = Math.Clamp(X(t) - (level + daily[p1] + weekly[p2]), -MaxLogError, MaxLogError);
            level += alpha * e;
            daily[p1] += Daily * e;
            weekly[p2] += Weekly * e;
            error = e;
        }

        return new ModelRun { Name = name, Future = ForecastFrom(origin, horizon), Past = past };
    }
}
