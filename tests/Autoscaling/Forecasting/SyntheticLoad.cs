using Infra.Components.Autoscaling.Forecasting;

namespace Infra.Tests.Autoscaling.Forecasting;

/// <summary>Load series with a known daily and weekly shape, for tests that must know the truth.</summary>
internal static class SyntheticLoad
{
    public const string Zone = "America/New_York";

    /// <summary>Monday 2024-01-01: weeks in these tests start on a Monday.</summary>
    public static readonly DateTime Start = new(2024, 1, 1);

    /// <summary>The noise-free load at <paramref name="time"/>: 100 × a daily curve (night trough,
    /// afternoon peak) × a weekday factor (weekends at 60 %, Friday at 110 %).</summary>
    public static double Pattern(DateTime time)
    {
        double hour = time.TimeOfDay.TotalHours;
        double daily = 1 + 0.6 * Math.Sin((hour - 9) / 24 * 2 * Math.PI);
        double weekly = time.DayOfWeek switch
        {
            DayOfWeek.Saturday or DayOfWeek.Sunday => 0.6,
            DayOfWeek.Friday => 1.1,
            _ => 1.0,
        };
        return 100 * daily * weekly;
    }

    /// <summary><paramref name="days"/> days of <see cref="Pattern"/> at <paramref name="stepMinutes"/>,
    /// each slot scaled by <paramref name="factor"/> (day index, slot index) for noise or events.</summary>
    public static LoadSeries Series(int days, int stepMinutes, Func<int, int, double>? factor = null)
    {
        var step = TimeSpan.FromMinutes(stepMinutes);
        int slotsPerDay = 24 * 60 / stepMinutes;
        var values = new double[days * slotsPerDay];
        for (int i = 0; i < values.Length; i++)
            values[i] = Pattern(Start + i * step) * (factor?.Invoke(i / slotsPerDay, i) ?? 1);
        return new LoadSeries(Zone, Start, step, values);
    }

    /// <summary>Deterministic noise in [-amplitude, +amplitude] from a slot index (no Random, so the
    /// series is the same on every machine).</summary>
    public static double Noise(int index, double amplitude)
    {
        uint x = (uint)index * 2654435761u;
        x ^= x >> 16;
        x *= 2246822519u;
        x ^= x >> 13;
        return amplitude * (x / (double)uint.MaxValue * 2 - 1);
    }
}
