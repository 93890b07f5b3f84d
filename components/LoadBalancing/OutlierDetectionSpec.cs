using Infra.Components.Common;
using Pulumi;

namespace Infra.Components.LoadBalancing;

/// <summary>
/// Passive health checking: a backend that keeps answering with server errors is taken out of
/// rotation for a while, before (or between) its active health checks fail. Cloud-neutral; a mesh
/// (Istio DestinationRule outlierDetection) maps it, backends without it refuse it.
/// </summary>
public sealed class OutlierDetectionSpec : ResourceArgs
{
    /// <summary>Consecutive 5xx answers (or connection failures) that eject a backend.</summary>
    /// <remarks>Default: 5.</remarks>
    [Input("consecutive5xxErrors")] public int Consecutive5xxErrors { get; set; } = 5;

    /// <summary>Seconds between ejection sweeps.</summary>
    /// <remarks>Default: 10.</remarks>
    [Input("intervalSeconds")] public int IntervalSeconds { get; set; } = 10;

    /// <summary>Seconds a backend stays out the first time; each further ejection multiplies it.</summary>
    /// <remarks>Default: 30.</remarks>
    [Input("baseEjectionSeconds")] public int BaseEjectionSeconds { get; set; } = 30;

    /// <summary>Most backends of a pool that may be out at once, in percent, so that detection never
    /// empties a pool.</summary>
    /// <remarks>Default: 50.</remarks>
    [Input("maxEjectionPercent")] public int MaxEjectionPercent { get; set; } = 50;

    /// <summary>Every problem in this setting, keyed under <paramref name="at"/>.</summary>
    public IEnumerable<SpecProblem> FindProblems(string at)
    {
        if (Consecutive5xxErrors is < 1 or > 1000)
            yield return new($"{at}.consecutive5xxErrors", Consecutive5xxErrors, "use 1 to 1000 consecutive errors (3 to 10 is typical)");
        if (IntervalSeconds is < 1 or > 300)
            yield return new($"{at}.intervalSeconds", IntervalSeconds, "use 1 to 300 seconds");
        if (BaseEjectionSeconds is < 1 or > 3600)
            yield return new($"{at}.baseEjectionSeconds", BaseEjectionSeconds, "use 1 to 3600 seconds");
        if (MaxEjectionPercent is < 1 or > 100)
            yield return new($"{at}.maxEjectionPercent", MaxEjectionPercent, "use 1 to 100 percent (at most 50 keeps half of a pool serving)");
    }
}
