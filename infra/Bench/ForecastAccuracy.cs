namespace Infra.Bench;

/// <summary>WAPE and MASE over the slots where the actual load is known.</summary>
internal static class ForecastAccuracy
{
    /// <summary>Sum of absolute errors over sum of actual load.</summary>
    public static double Wape(IReadOnlyList<double> actual, IReadOnlyList<double> forecast)
    {
        double error = 0, total = 0;
        for (int i = 0; i < actual.Count; i++)
        {
            if (!double.IsFinite(actual[i]))
                continue;
            error += Math.Abs(forecast[i] - actual[i]);
            total += Math.Abs(actual[i]);
        }

        return total > 0 ? error / total : double.NaN;
    }

    /// <summary>Mean absolute error over <paramref name="scale"/>, the in-sample mean absolute error
    /// of the one-day seasonal-naive forecast before the evaluation.</summary>
    public static double Mase(IReadOnlyList<double> actual, IReadOnlyList<double> forecast, double scale)
    {
        double error = 0;
        int count = 0;
        for (int i = 0; i < actual.Count; i++)
        {
            if (!double.IsFinite(actual[i]))
                continue;
            error += Math.Abs(forecast[i] - actual[i]);
            count++;
        }

        return count > 0 && scale > 0 ? error / count / scale : double.NaN;
    }

    /// <summary>Mean absolute difference between each known slot and the known slot
    /// <paramref name="lag"/> earlier, over the first <paramref name="end"/> slots.</summary>
    public static double SeasonalNaiveScale(IReadOnlyList<double> series, int lag, int end)
    {
        double sum = 0;
        int count = 0;
        for (int i = lag; i < end; i++)
        {
            if (!double.IsFinite(series[i]) || !double.IsFinite(series[i - lag]))
                continue;
            sum += Math.Abs(series[i] - series[i - lag]);
            count++;
        }

        return count > 0 ? sum / count : double.NaN;
    }

    /// <summary>Seasonal-naive forecast for slot <paramref name="target"/>: the known value a whole
    /// number of <paramref name="lag"/>s earlier and before <paramref name="origin"/>, nearest first
    /// (an outage falls back to the period before it).</summary>
    public static double SeasonalNaive(IReadOnlyList<double> series, int target, int origin, int lag)
    {
        int index = target - lag;
        while (index >= origin)
            index -= lag;
        for (; index >= 0; index -= lag)
            if (double.IsFinite(series[index]))
                return series[index];
        return double.NaN;
    }
}
