using Infra.Components.Common;
using Pulumi;

namespace Infra.Components.Autoscaling;

/// <summary>
/// How many instances a service runs and what changes that: demand-based policies (target
/// tracking, step scaling) and a predictive policy. Cloud-neutral; each adapter maps it.
/// </summary>
public sealed class ScalingSpec : ResourceArgs
{
    /// <summary>Fewest instances. Default: 2, so one failure leaves the service up.</summary>
    [Input("minSize")] public int MinSize { get; set; } = 2;

    /// <summary>Most instances. Default: 6.</summary>
    [Input("maxSize")] public int MaxSize { get; set; } = 6;

    /// <summary>Instances to start with. Default: unset, so deploys never fight the autoscaler;
    /// when set, later deploys ignore changes to it.</summary>
    [Input("desiredCapacity")] public int? DesiredCapacity { get; set; }

    /// <summary>Seconds a new instance needs before its metrics count. Default: 300.</summary>
    [Input("instanceWarmupSeconds")] public int InstanceWarmupSeconds { get; set; } = 300;

    /// <summary>Target-tracking policies by a stable key. Default: none.</summary>
    [Input("targetTracking")] public Dictionary<string, TargetTrackingPolicySpec> TargetTracking { get; set; } = [];

    /// <summary>Step-scaling policies by a stable key. Default: none.</summary>
    [Input("stepScaling")] public Dictionary<string, StepScalingPolicySpec> StepScaling { get; set; } = [];

    /// <summary>Predictive policy. Default: none.</summary>
    [Input("predictive")] public PredictiveScalingPolicy? Predictive { get; set; }

    /// <summary>Every problem in this spec, keyed under <paramref name="at"/>.</summary>
    public IEnumerable<SpecProblem> FindProblems(string at)
    {
        if (MinSize < 0)
            yield return new($"{at}.minSize", MinSize, "use 0 or more instances");
        if (MaxSize < 1)
            yield return new($"{at}.maxSize", MaxSize, "use at least 1 instance");
        if (MaxSize < MinSize)
            yield return new($"{at}.maxSize", MaxSize, $"must be at least minSize ({MinSize})");
        if (DesiredCapacity is { } desired && (desired < MinSize || desired > MaxSize))
            yield return new($"{at}.desiredCapacity", desired, $"must lie between minSize ({MinSize}) and maxSize ({MaxSize}), or stay unset");
        if (InstanceWarmupSeconds is < 0 or > 3600)
            yield return new($"{at}.instanceWarmupSeconds", InstanceWarmupSeconds, "use 0 to 3600 seconds");
        foreach (var (key, policy) in TargetTracking)
            foreach (var problem in policy.FindProblems($"{at}.targetTracking.{key}"))
                yield return problem;
        foreach (var (key, policy) in StepScaling)
            foreach (var problem in policy.FindProblems($"{at}.stepScaling.{key}"))
                yield return problem;
        if (Predictive is not null)
            foreach (var problem in Predictive.FindProblems($"{at}.predictive"))
                yield return problem;
        if (Predictive is { UsesForecast: true, Schedule.Entries: { } entries })
            for (int i = 0; i < entries.Count; i++)
                if (entries[i] is { } entry && entry.MinSize > MaxSize && MaxSize >= MinSize)
                    yield return new($"{at}.predictive.schedule.entries[{i}].minSize", entry.MinSize,
                        $"the group never runs more than maxSize ({MaxSize}) instances; lower it to at most {MaxSize} or raise maxSize");
        if (MinSize != MaxSize && TargetTracking.Count == 0 && StepScaling.Count == 0 && Predictive is null)
            yield return new($"{at}.targetTracking", TargetTracking.Count,
                $"minSize {MinSize} and maxSize {MaxSize} differ but no policy changes capacity; add a target-tracking policy (e.g. cpu at 50) or set maxSize to minSize");
    }
}
