namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>Load on a regular grid of wall-clock slots aligned to local midnight; a missing slot is
/// <see cref="double.NaN"/>.</summary>
public sealed class LoadSeries
{
    private readonly double[] _values;

    /// <summary>Creates a series of <paramref name="values"/> whose first slot starts at
    /// <paramref name="start"/>.</summary>
    /// <param name="timeZoneId">IANA id of the zone whose wall clock the slots follow.</param>
    /// <param name="start">Start of the first slot, a multiple of <paramref name="step"/> after
    /// local midnight.</param>
    /// <param name="step">Slot length: at least one minute, dividing a day evenly.</param>
    /// <param name="values">Load per slot; <see cref="double.NaN"/> where unknown.</param>
    public LoadSeries(string timeZoneId, DateTime start, TimeSpan step, IEnumerable<double> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        ArgumentNullException.ThrowIfNull(values);
        ThrowIfBadStep(step);
        if (start.Ticks % step.Ticks != 0)
            throw new ArgumentException(
                $"start {start:yyyy-MM-dd HH:mm:ss} is not on a {step.TotalMinutes}-minute boundary after midnight; round it down",
                nameof(start));
        TimeZoneId = timeZoneId;
        Start = start;
        Step = step;
        _values = values.ToArray();
    }

    /// <summary>IANA id of the zone whose wall clock the slots follow.</summary>
    public string TimeZoneId { get; }

    /// <summary>Start of the first slot (wall-clock time).</summary>
    public DateTime Start { get; }

    /// <summary>Slot length.</summary>
    public TimeSpan Step { get; }

    /// <summary>Load per slot; <see cref="double.NaN"/> where unknown.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>Number of slots.</summary>
    public int Count => _values.Length;

    /// <summary>End of the last slot (exclusive).</summary>
    public DateTime End => Start + Count * Step;

    /// <summary>Slots in one day.</summary>
    public int SlotsPerDay => (int)(TimeSpan.TicksPerDay / Step.Ticks);

    /// <summary>The slots as an array the forecaster can index without interface calls.</summary>
    internal double[] Raw => _values;

    /// <summary>Start of slot <paramref name="index"/>; indexes outside the series extrapolate.</summary>
    public DateTime TimeAt(int index) => Start + index * Step;

    /// <summary>Index of the slot holding <paramref name="time"/>, which may lie outside the series.</summary>
    public int IndexOf(DateTime time) => (int)Math.Floor((double)(time.Ticks - Start.Ticks) / Step.Ticks);

    /// <summary>The slots that start before <paramref name="end"/>: the history a forecast made at
    /// <paramref name="end"/> may use.</summary>
    public LoadSeries Before(DateTime end)
    {
        int count = Math.Clamp(IndexOf(end) + ((end.Ticks - Start.Ticks) % Step.Ticks == 0 ? 0 : 1), 0, Count);
        return new LoadSeries(TimeZoneId, Start, Step, _values.Take(count));
    }

    internal static void ThrowIfBadStep(TimeSpan step)
    {
        if (step < TimeSpan.FromMinutes(1) || TimeSpan.TicksPerDay % step.Ticks != 0)
            throw new ArgumentOutOfRangeException(nameof(step), step,
                "the step must be at least one minute and divide a day evenly (for example 5, 15, 30 or 60 minutes)");
    }
}
