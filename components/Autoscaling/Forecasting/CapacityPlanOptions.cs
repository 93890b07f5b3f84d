using Infra.Components.Common;

namespace Infra.Components.Autoscaling.Forecasting;

/// <summary>How a load forecast becomes instance counts: capacity per instance, caution (quantile
/// and headroom), bounds and how much change is worth a new schedule entry.</summary>
public sealed class CapacityPlanOptions
{
    /// <summary>Load one instance serves at full use, in the unit of the load history (e.g.
    /// requests per minute). Required.</summary>
    public required double CapacityPerInstance { get; init; }

    /// <summary>Which forecast quantile to provision for, between 0.5 and 1. Default: 0.9 (the load
    /// that past forecast errors exceeded in about one busy slot out of ten).</summary>
    public double Quantile { get; init; } = 0.9;

    /// <summary>Spare capacity on top of the quantile, as a fraction (0.2 = 20 %), so instances run
    /// below full use. Default: 0.2.</summary>
    public double Headroom { get; init; } = 0.2;

    /// <summary>Fewest instances the schedule ever asks for. Default: 1.</summary>
    public int MinCapacity { get; init; } = 1;

    /// <summary>Most instances the schedule ever asks for. Default: 100.</summary>
    public int MaxCapacity { get; init; } = 100;

    /// <summary>Instance changes this small or smaller are absorbed instead of starting a new entry:
    /// a stretch whose needs vary within the band keeps its highest need, and a re-plan keeps the
    /// previous plan's minimum wherever the new need lies at most this far below it. Default: 1.</summary>
    public int HysteresisInstances { get; init; } = 1;

    /// <summary>Every problem with these options, keyed under <paramref name="at"/>.</summary>
    /// <param name="at">Prefix for keys, e.g. "scaling.predictive.plan".</param>
    public IEnumerable<SpecProblem> FindProblems(string at)
    {
        SpecProblem Problem(string key, object value, string fix) => new($"{at}.{key}", value, fix);

        if (!(CapacityPerInstance > 0) || !double.IsFinite(CapacityPerInstance))
            yield return Problem("capacityPerInstance", CapacityPerInstance,
                "must be a positive load, in the unit of the load history, that one instance serves");
        if (!(Quantile is >= 0.5 and <= 1))
            yield return Problem("quantile", Quantile, "must lie between 0.5 (the median) and 1; 0.9 is usual");
        if (!(Headroom is >= 0 and <= 10))
            yield return Problem("headroom", Headroom, "must be a fraction between 0 and 10, e.g. 0.2 for 20 %");
        if (MinCapacity < 0)
            yield return Problem("minCapacity", MinCapacity, "must be 0 or more");
        if (MaxCapacity < Math.Max(MinCapacity, 1))
            yield return Problem("maxCapacity", MaxCapacity,
                $"must be at least 1 and at least minCapacity ({MinCapacity}); raise it or lower minCapacity");
        if (HysteresisInstances < 0)
            yield return Problem("hysteresisInstances", HysteresisInstances, "must be 0 (follow every change) or more");
    }
}
