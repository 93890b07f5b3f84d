using Infra.Components.Common;
using Pulumi;

namespace Infra.Components.Autoscaling;

/// <summary>Keeps a metric near a target by adding and removing instances (demand-based).</summary>
public sealed class TargetTrackingPolicySpec : ResourceArgs
{
    /// <summary>One of <see cref="ScalingMetrics.TargetTracking"/>. Default: "cpu".</summary>
    [Input("metric")] public string Metric { get; set; } = ScalingMetrics.Cpu;

    /// <summary>Value to hold the metric at: percent for cpu, requests per minute for requests-per-target. Default: 50.</summary>
    [Input("targetValue")] public double TargetValue { get; set; } = 50;

    /// <summary>The metric, when <see cref="Metric"/> is "custom".</summary>
    [Input("customMetric")] public CustomMetricSpec? CustomMetric { get; set; }

    /// <summary>Only scale out; never remove instances for this metric. Default: false.</summary>
    [Input("disableScaleIn")] public bool DisableScaleIn { get; set; }

    /// <summary>Every problem in this policy, keyed under <paramref name="at"/>.</summary>
    public IEnumerable<SpecProblem> FindProblems(string at)
    {
        if (!ScalingMetrics.TargetTracking.Contains(Metric))
            yield return new($"{at}.metric", Metric, $"use one of {string.Join(", ", ScalingMetrics.TargetTracking)}");
        if (TargetValue <= 0)
            yield return new($"{at}.targetValue", TargetValue, "use a target above 0");
        if (Metric == ScalingMetrics.Cpu && TargetValue > 100)
            yield return new($"{at}.targetValue", TargetValue, "CPU is a percentage; use a target up to 100 (40 to 70 is typical)");
        if (Metric == ScalingMetrics.Custom && CustomMetric is null)
            yield return new($"{at}.customMetric", null, "a custom target needs customMetric (namespace, name, statistic)");
        if (Metric != ScalingMetrics.Custom && CustomMetric is not null)
            yield return new($"{at}.customMetric", CustomMetric.Name, "customMetric is only read with metric: custom; remove it or set metric: custom");
        if (CustomMetric is not null)
            foreach (var problem in CustomMetric.FindProblems($"{at}.customMetric"))
                yield return problem;
    }
}
