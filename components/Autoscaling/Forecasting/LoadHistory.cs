namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>Load samples of one service in wall-clock time of one time zone, in time order, at
/// whatever step the source used and with whatever gaps it has.</summary>
public sealed class LoadHistory
{
    private readonly LoadSample[] _samples;

    /// <summary>Creates a history from samples in any order; they are sorted by time.</summary>
    /// <param name="timeZoneId">IANA id of the zone whose wall clock the sample times use.</param>
    /// <param name="samples">The observations; duplicates of a time are kept and averaged when
    /// resampling (the repeated hour of a clock change).</param>
    public LoadHistory(string timeZoneId, IEnumerable<LoadSample> samples)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        ArgumentNullException.ThrowIfNull(samples);
        TimeZoneId = timeZoneId;
        // A stable sort keeps file order among equal times, so reading is deterministic.
        _samples = samples.OrderBy(s => s.LocalTime).ToArray();
        SourceStep = MostCommonInterval(_samples);
    }

    /// <summary>IANA id of the time zone whose wall clock <see cref="LoadSample.LocalTime"/> uses.</summary>
    public string TimeZoneId { get; }

    /// <summary>The samples in time order.</summary>
    public IReadOnlyList<LoadSample> Samples => _samples;

    /// <summary>The step the source was recorded at: the most common interval between consecutive
    /// samples, so gaps and clock changes do not distort it. Zero with fewer than two distinct
    /// times.</summary>
    public TimeSpan SourceStep { get; }

    /// <summary>Averages the load onto a regular grid of <paramref name="step"/> aligned to local
    /// midnight. Each sample stands for the load over one <see cref="SourceStep"/> from its time;
    /// a slot takes the time-weighted mean of what overlaps it, so values keep their unit and a
    /// slot partly covered by an outage is not diluted. A slot nothing overlaps is missing
    /// (<see cref="double.NaN"/>), never zero. When the source step divides a day, each sample is
    /// first bucketed into the slot of the source step's grid that holds its timestamp, so samples
    /// logged off the grid (every 5 minutes at hh:m2:53) or a few seconds late stand for one source
    /// slot each instead of straddling two.</summary>
    /// <param name="step">Slot length: at least one minute, dividing a day evenly.</param>
    public LoadSeries Resample(TimeSpan step)
    {
        LoadSeries.ThrowIfBadStep(step);
        if (SourceStep <= TimeSpan.Zero)
            throw new InvalidOperationException(
                $"a load history needs at least two samples at different times to be resampled; it has {_samples.Length}");

        long stepTicks = step.Ticks;
        long coverTicks = SourceStep.Ticks;
        bool bucket = TimeSpan.TicksPerDay % coverTicks == 0;
        long TimeOf(LoadSample sample) => bucket
            ? sample.LocalTime.Ticks / coverTicks * coverTicks
            : sample.LocalTime.Ticks;
        long firstSlotTicks = TimeOf(_samples[0]) / stepTicks * stepTicks;
        long endTicks = TimeOf(_samples[^1]) + coverTicks;
        int count = checked((int)((endTicks - firstSlotTicks + stepTicks - 1) / stepTicks));
        var weightedSum = new double[count];
        var weight = new double[count];

        foreach (var sample in _samples)
        {
            long from = TimeOf(sample);
            long to = from + coverTicks;
            for (int slot = (int)((from - firstSlotTicks) / stepTicks); slot < count; slot++)
            {
                long slotStart = firstSlotTicks + slot * stepTicks;
                if (slotStart >= to)
                    break;
                long overlap = Math.Min(to, slotStart + stepTicks) - Math.Max(from, slotStart);
                weightedSum[slot] += sample.Value * overlap;
                weight[slot] += overlap;
            }
        }

        var values = new double[count];
        for (int slot = 0; slot < count; slot++)
            values[slot] = weight[slot] > 0 ? weightedSum[slot] / weight[slot] : double.NaN;
        return new LoadSeries(TimeZoneId, new DateTime(firstSlotTicks), step, values);
    }

    private static TimeSpan MostCommonInterval(LoadSample[] samples)
    {
        var counts = new Dictionary<long, int>();
        for (int i = 1; i < samples.Length; i++)
        {
            long gap = samples[i].LocalTime.Ticks - samples[i - 1].LocalTime.Ticks;
            if (gap > 0)
                counts[gap] = counts.GetValueOrDefault(gap) + 1;
        }

        if (counts.Count == 0)
            return TimeSpan.Zero;
        // Ties go to the shorter interval so the choice does not depend on dictionary order.
        var best = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).First();
        return TimeSpan.FromTicks(best.Key);
    }
}
