using Infra.Components.Common;

namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>Turns a load forecast into a weekly minimum-capacity schedule.</summary>
/// <remarks>
/// Each slot needs ceil(forecast quantile / capacity per instance × (1 + headroom)) instances,
/// clamped to the minimum and maximum. Needs are laid on the week by time of week (a forecast
/// longer than a week keeps the higher need; time the forecast does not cover gets the minimum
/// capacity, leaving it to the demand policy), then merged: a stretch whose needs stay within
/// <see cref="CapacityPlanOptions.HysteresisInstances"/> of each other becomes one entry at its
/// highest need, so the plan never asks for less than a slot needs. Given the previous plan, a slot
/// keeps the previous minimum when the new need is at most the band below it, so a re-plan after a
/// small forecast change leaves the schedule as it was.
/// </remarks>
public static class CapacityPlanner
{
    /// <summary>Instances each forecast slot needs, before merging.</summary>
    /// <param name="forecast">The load forecast.</param>
    /// <param name="options">Capacity per instance, quantile, headroom and bounds.</param>
    public static IReadOnlyList<int> RequiredInstances(LoadForecast forecast, CapacityPlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        ThrowIfInvalid(options);
        return forecast.Quantile(options.Quantile)
            .Select(load => InstancesFor(load, options))
            .ToArray();
    }

    /// <summary>Instances needed for <paramref name="load"/>: ceil(load / capacity per instance ×
    /// (1 + headroom)), clamped to the options' minimum and maximum.</summary>
    public static int InstancesFor(double load, CapacityPlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        double exact = Math.Max(load, 0) / options.CapacityPerInstance * (1 + options.Headroom);
        // A hair of tolerance so 4.0000000001 from floating-point rounding does not become 5.
        double needed = Math.Ceiling(exact - 1e-9);
        return (int)Math.Clamp(needed, options.MinCapacity, options.MaxCapacity);
    }

    /// <summary>Plans the weekly schedule for <paramref name="forecast"/>.</summary>
    /// <param name="forecast">The load forecast, 1 to 14 days.</param>
    /// <param name="options">Capacity per instance, quantile, headroom, bounds and band.</param>
    /// <param name="previous">The plan in force, whose minimums are kept where the new need is
    /// within the band below them. Default: none.</param>
    public static CapacitySchedule Plan(LoadForecast forecast, CapacityPlanOptions options, CapacitySchedule? previous = null)
    {
        var required = RequiredInstances(forecast, options);
        int stepMinutes = (int)forecast.Step.TotalMinutes;
        int slotsPerWeek = TimeOfWeek.MinutesPerWeek / stepMinutes;

        var weekly = Enumerable.Repeat(-1, slotsPerWeek).ToArray();
        for (int i = 0; i < required.Count; i++)
        {
            int slot = TimeOfWeek.From(forecast.TimeAt(i)).MinuteOfWeek / stepMinutes;
            weekly[slot] = Math.Max(weekly[slot], required[i]);
        }

        for (int slot = 0; slot < slotsPerWeek; slot++)
            if (weekly[slot] < 0)
                weekly[slot] = options.MinCapacity;

        int band = options.HysteresisInstances;
        if (previous is not null)
            KeepPrevious(weekly, previous, stepMinutes, band);
        MergeWithinBand(weekly, band);

        var minuteLevels = new int[TimeOfWeek.MinutesPerWeek];
        for (int minute = 0; minute < minuteLevels.Length; minute++)
            minuteLevels[minute] = weekly[minute / stepMinutes];
        return CapacitySchedule.FromMinuteLevels(forecast.TimeZoneId, minuteLevels);
    }

    private static void KeepPrevious(int[] weekly, CapacitySchedule previous, int stepMinutes, int band)
    {
        var previousLevels = previous.MinuteLevels();
        for (int slot = 0; slot < weekly.Length; slot++)
        {
            int kept = 0;
            for (int minute = slot * stepMinutes; minute < (slot + 1) * stepMinutes; minute++)
                kept = Math.Max(kept, previousLevels[minute]);
            if (weekly[slot] <= kept && weekly[slot] >= kept - band)
                weekly[slot] = kept;
        }
    }

    /// <summary>Greedy merge: extend a stretch while its needs span at most <paramref name="band"/>,
    /// then raise it to its highest need; the last stretch joins the first across the week's end
    /// when the band allows. Greedy extension gives the fewest stretches for a given band.</summary>
    private static void MergeWithinBand(int[] weekly, int band)
    {
        var stretches = new List<(int Start, int End, int Low, int High)>();
        int start = 0, low = weekly[0], high = weekly[0];
        for (int slot = 1; slot < weekly.Length; slot++)
        {
            int v = weekly[slot];
            if (Math.Max(high, v) - Math.Min(low, v) <= band)
            {
                low = Math.Min(low, v);
                high = Math.Max(high, v);
                continue;
            }

            stretches.Add((start, slot, low, high));
            (start, low, high) = (slot, v, v);
        }

        stretches.Add((start, weekly.Length, low, high));
        if (stretches.Count > 1)
        {
            var (first, last) = (stretches[0], stretches[^1]);
            if (Math.Max(first.High, last.High) - Math.Min(first.Low, last.Low) <= band)
            {
                int joined = Math.Max(first.High, last.High);
                stretches[0] = first with { High = joined };
                stretches[^1] = last with { High = joined };
            }
        }

        foreach (var stretch in stretches)
            for (int slot = stretch.Start; slot < stretch.End; slot++)
                weekly[slot] = stretch.High;
    }

    private static void ThrowIfInvalid(CapacityPlanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        InvalidSpecException.ThrowIfAny("Capacity plan options", options.FindProblems("plan"));
    }
}
