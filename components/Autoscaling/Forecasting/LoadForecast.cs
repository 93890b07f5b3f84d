namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>Expected load per slot for the days after a forecast origin, with the spread of past
/// errors to ask for a cautious quantile instead of the expectation.</summary>
public sealed class LoadForecast
{
    private readonly double[] _expected;
    private readonly double[] _sortedRatios;
    private readonly double[] _cumulativeWeights;

    /// <summary>Creates a forecast.</summary>
    /// <param name="timeZoneId">IANA id of the zone whose wall clock the slots follow.</param>
    /// <param name="start">Start of the first forecast slot (the origin).</param>
    /// <param name="step">Slot length.</param>
    /// <param name="expected">Expected load per slot.</param>
    /// <param name="errorRatios">Past ratios of actual to forecast load, each weighted by the load
    /// forecast for its slot so that busy hours, which decide capacity, count most.</param>
    /// <param name="persistence">The fitted persistence factor φ.</param>
    /// <param name="levelCorrections">The factor applied to the profile on each forecast day.</param>
    public LoadForecast(string timeZoneId, DateTime start, TimeSpan step, IEnumerable<double> expected,
        IEnumerable<(double Ratio, double Weight)> errorRatios, double persistence, IEnumerable<double> levelCorrections)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(errorRatios);
        ArgumentNullException.ThrowIfNull(levelCorrections);
        LoadSeries.ThrowIfBadStep(step);
        TimeZoneId = timeZoneId;
        Start = start;
        Step = step;
        _expected = expected.ToArray();
        var ratios = errorRatios.Where(r => double.IsFinite(r.Ratio) && r.Weight > 0).OrderBy(r => r.Ratio).ToArray();
        _sortedRatios = ratios.Select(r => r.Ratio).ToArray();
        _cumulativeWeights = new double[ratios.Length];
        double total = 0;
        for (int i = 0; i < ratios.Length; i++)
            _cumulativeWeights[i] = total += ratios[i].Weight;
        Persistence = persistence;
        LevelCorrections = levelCorrections.ToArray();
    }

    /// <summary>IANA id of the zone whose wall clock the slots follow.</summary>
    public string TimeZoneId { get; }

    /// <summary>The models whose weighted mean the forecast is (names from <see cref="ForecastModels"/>),
    /// the one with the smallest past error first. Default: <see cref="ForecastModels.WeeklyMedian"/> alone.</summary>
    public IReadOnlyList<string> Models { get; init; } = [ForecastModels.WeeklyMedian];

    /// <summary>The model with the smallest past error, the first of <see cref="Models"/>.</summary>
    public string Model => Models.Count > 0 ? Models[0] : ForecastModels.WeeklyMedian;

    /// <summary>Start of the first forecast slot.</summary>
    public DateTime Start { get; }

    /// <summary>Slot length.</summary>
    public TimeSpan Step { get; }

    /// <summary>Expected load per slot, in the history's unit.</summary>
    public IReadOnlyList<double> Expected => _expected;

    /// <summary>Number of slots.</summary>
    public int Count => _expected.Length;

    /// <summary>End of the last slot (exclusive).</summary>
    public DateTime End => Start + Count * Step;

    /// <summary>How much of the last day's deviation from the weekly profile carries into the next
    /// day (0 = none, 1 = all), as fitted on the history.</summary>
    public double Persistence { get; }

    /// <summary>The factor applied to the weekly profile on each forecast day (first day first).</summary>
    public IReadOnlyList<double> LevelCorrections { get; }

    /// <summary>Start of slot <paramref name="index"/>.</summary>
    public DateTime TimeAt(int index) => Start + index * Step;

    /// <summary>The load not exceeded in a share <paramref name="probability"/> of slots, judged by
    /// past errors: the expected load times the weighted <paramref name="probability"/>-quantile of
    /// past actual/forecast ratios. Without an error history it is the expected load.</summary>
    /// <param name="probability">Between 0 and 1, e.g. 0.9.</param>
    public IReadOnlyList<double> Quantile(double probability)
    {
        double factor = RatioQuantile(probability);
        return _expected.Select(e => e * factor).ToArray();
    }

    /// <summary>The weighted <paramref name="probability"/>-quantile of past actual/forecast ratios;
    /// 1 without an error history.</summary>
    /// <param name="probability">Between 0 and 1.</param>
    public double RatioQuantile(double probability)
    {
        if (!(probability is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(probability), probability,
                "a quantile probability lies between 0 and 1, e.g. 0.9");
        if (_sortedRatios.Length == 0)
            return 1;
        double target = probability * _cumulativeWeights[^1];
        int index = Array.BinarySearch(_cumulativeWeights, target);
        if (index < 0)
            index = ~index;
        return _sortedRatios[Math.Min(index, _sortedRatios.Length - 1)];
    }
}
