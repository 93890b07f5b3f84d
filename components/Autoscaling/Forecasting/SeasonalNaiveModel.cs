namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>Seasonal-naive forecasts: the known value a whole number of lags earlier and before the
/// origin (an outage falls back to the period before it), averaged over one or more lags.</summary>
internal static class SeasonalNaiveModel
{
    public static ModelRun Run(string name, double[] y, int slotsPerDay, int origin, int pastDays, int horizon,
        params int[] lagDays)
    {
        var past = new double[]?[pastDays + 1];
        for (int j = 1; j <= pastDays; j++)
        {
            int dayStart = origin - j * slotsPerDay;
            if (dayStart < slotsPerDay * lagDays.Min())
                break;
            past[j] = Forecast(y, dayStart, slotsPerDay, slotsPerDay, lagDays);
        }

        return new ModelRun { Name = name, Future = Forecast(y, origin, horizon, slotsPerDay, lagDays), Past = past };
    }

    /// <summary>The forecast of <paramref name="count"/> slots from <paramref name="from"/>; null
    /// when some slot has no known value at any of the lags.</summary>
    private static double[]? Forecast(double[] y, int from, int count, int slotsPerDay, int[] lagDays)
    {
        var result = new double[count];
        for (int i = 0; i < count; i++)
        {
            double sum = 0;
            int known = 0;
            foreach (int lagDay in lagDays)
            {
                double value = SameSlot(y, from + i, from, lagDay * slotsPerDay);
                if (!double.IsFinite(value))
                    continue;
                sum += value;
                known++;
            }

            if (known == 0)
                return null;
            result[i] = sum / known;
        }

        return result;
    }

    private static double SameSlot(double[] y, int target, int origin, int lag)
    {
        int index = target - lag;
        while (index >= origin)
            index -= lag;
        for (; index >= 0; index -= lag)
            if (double.IsFinite(y[index]))
                return y[index];
        return double.NaN;
    }
}
