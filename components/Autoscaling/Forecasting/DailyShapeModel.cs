namespace Infra.Components.Autoscaling.Forecasting;

/// <summary><see cref="ForecastModels.DailyShape"/>: the daily shape pooled over the last 7 days (the
/// median of each slot's share of its day's mean), times the 7 days' mean level, times a weekday
/// factor (the median, over up to 4 weeks, of that weekday's mean against the mean of the 7 days
/// ending with it). Pooling the shape over the week estimates each slot from 7 values instead of one
/// (day-naive) or one per week (the weekly median), which is what a short or noisy history needs; the
/// price is that a weekend with a shape of its own is forecast with the weekdays' shape, where the
/// choice among models prefers the weekly ones.</summary>
internal static class DailyShapeModel
{
    public static ModelRun Run(string name, double[] y, int slotsPerDay, int origin, int pastDays, int horizon)
    {
        var past = new double[]?[pastDays + 1];
        for (int j = 1; j <= pastDays; j++)
        {
            int dayStart = origin - j * slotsPerDay;
            if (dayStart < 7 * slotsPerDay)
                break;
            past[j] = Forecast(y, dayStart, slotsPerDay, slotsPerDay);
        }

        return new ModelRun { Name = name, Future = origin >= 7 * slotsPerDay ? Forecast(y, origin, horizon, slotsPerDay) : null, Past = past };
    }

    private static double DayMean(double[] y, int start, int slotsPerDay)
    {
        double sum = 0;
        int n = 0;
        for (int i = start; i < start + slotsPerDay; i++)
            if (i >= 0 && double.IsFinite(y[i]))
            {
                sum += y[i];
                n++;
            }

        return n * 2 >= slotsPerDay ? sum / n : double.NaN;
    }

    private static double[]? Forecast(double[] y, int from, int count, int slotsPerDay)
    {
        // A day needs half of its slots to have a level; the model needs 4 such days of the last 7.
        var means = new double[7];
        for (int k = 1; k <= 7; k++)
            means[k - 1] = DayMean(y, from - k * slotsPerDay, slotsPerDay);
        var known = means.Where(double.IsFinite).ToArray();
        if (known.Length < 4)
            return null;
        double level = known.Average();
        var shape = new double[slotsPerDay];
        var values = new List<double>(7);
        for (int s = 0; s < slotsPerDay; s++)
        {
            values.Clear();
            for (int k = 1; k <= 7; k++)
            {
                int i = from - k * slotsPerDay + s;
                if (double.IsFinite(means[k - 1]) && means[k - 1] > 0 && double.IsFinite(y[i]))
                    values.Add(y[i] / means[k - 1]);
            }

            shape[s] = values.Count > 0 ? Median(values) : 1;
        }

        var result = new double[count];
        int days = (count + slotsPerDay - 1) / slotsPerDay;
        for (int d = 0; d < days; d++)
        {
            // Weekday factor: that weekday's mean over the week ending with it, over up to 4 weeks.
            values.Clear();
            // Only weekdays wholly before the forecast's start count: past the first week ahead the
            // same weekday of the weeks before stands in.
            int firstWeek = d / 7 + 1;
            for (int w = firstWeek; w < firstWeek + 4; w++)
            {
                int dayStart = from + d * slotsPerDay - w * 7 * slotsPerDay;
                if (dayStart < 6 * slotsPerDay)
                    break;
                double own = DayMean(y, dayStart, slotsPerDay);
                var week = Enumerable.Range(0, 7).Select(k => DayMean(y, dayStart - k * slotsPerDay, slotsPerDay)).Where(double.IsFinite).ToArray();
                if (double.IsFinite(own) && week.Length >= 4 && week.Average() > 0)
                    values.Add(own / week.Average());
            }

            double factor = values.Count > 0 ? Median(values) : 1;
            for (int s = 0; s < slotsPerDay && d * slotsPerDay + s < count; s++)
                result[d * slotsPerDay + s] = level * factor * shape[s];
        }

        return result;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        int n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
