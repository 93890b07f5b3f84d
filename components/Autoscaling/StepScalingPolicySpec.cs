using Infra.Components.Common;
using Pulumi;

namespace Infra.Components.Autoscaling;

/// <summary>Adds or removes instances in steps when an alarm on a metric fires (demand-based).</summary>
public sealed class StepScalingPolicySpec : ResourceArgs
{
    /// <summary>Alarm when the metric is above the threshold (scale out).</summary>
    public const string Above = "above";

    /// <summary>Alarm when the metric is below the threshold (scale in).</summary>
    public const string Below = "below";

    /// <summary>One of <see cref="ScalingMetrics.StepScaling"/>. Default: "cpu".</summary>
    [Input("metric")] public string Metric { get; set; } = ScalingMetrics.Cpu;

    /// <summary>The metric, when <see cref="Metric"/> is "custom".</summary>
    [Input("customMetric")] public CustomMetricSpec? CustomMetric { get; set; }

    /// <summary>"above" or "below". Default: "above".</summary>
    [Input("comparison")] public string Comparison { get; set; } = Above;

    /// <summary>Alarm threshold. Default: 80.</summary>
    [Input("threshold")] public double Threshold { get; set; } = 80;

    /// <summary>Periods the metric must breach before the alarm fires. Default: 2.</summary>
    [Input("evaluationPeriods")] public int EvaluationPeriods { get; set; } = 2;

    /// <summary>Length of one period in seconds (60 or a multiple). Default: 60.</summary>
    [Input("periodSeconds")] public int PeriodSeconds { get; set; } = 60;

    /// <summary>Steps, ordered by bounds; bounds are relative to the threshold. Required.</summary>
    [Input("steps")] public List<ScalingStepSpec> Steps { get; set; } = [];

    /// <summary>Every problem in this policy, keyed under <paramref name="at"/>.</summary>
    public IEnumerable<SpecProblem> FindProblems(string at)
    {
        if (!ScalingMetrics.StepScaling.Contains(Metric))
            yield return new($"{at}.metric", Metric, $"use one of {string.Join(", ", ScalingMetrics.StepScaling)}");
        if (Comparison is not (Above or Below))
            yield return new($"{at}.comparison", Comparison, "use above (scale out) or below (scale in)");
        if (Metric == ScalingMetrics.Custom && CustomMetric is null)
            yield return new($"{at}.customMetric", null, "a custom metric needs customMetric (namespace, name, statistic)");
        if (CustomMetric is not null)
            foreach (var problem in CustomMetric.FindProblems($"{at}.customMetric"))
                yield return problem;
        if (EvaluationPeriods < 1)
            yield return new($"{at}.evaluationPeriods", EvaluationPeriods, "use at least 1 period");
        if (PeriodSeconds < 60 || PeriodSeconds % 60 != 0)
            yield return new($"{at}.periodSeconds", PeriodSeconds, "use 60 or a multiple of 60");
        if (Steps.Count == 0)
            yield return new($"{at}.steps", Steps.Count, "add at least one step");
        for (var i = 0; i < Steps.Count; i++)
        {
            var step = Steps[i];
            if (step.Adjustment == 0)
                yield return new($"{at}.steps[{i}].adjustment", 0, "a step must add or remove instances; use a non-zero adjustment");
            if (Comparison == Above && step.Adjustment < 0 || Comparison == Below && step.Adjustment > 0)
                yield return new($"{at}.steps[{i}].adjustment", step.Adjustment,
                    Comparison == Above ? "an above-threshold alarm scales out; use a positive adjustment" : "a below-threshold alarm scales in; use a negative adjustment");
            if (step.LowerBound is { } lower && step.UpperBound is { } upper && lower >= upper)
                yield return new($"{at}.steps[{i}].upperBound", upper, $"must be above lowerBound ({lower})");
            if (i > 0 && Steps[i - 1].UpperBound != step.LowerBound)
                yield return new($"{at}.steps[{i}].lowerBound", step.LowerBound,
                    $"steps must touch: start where steps[{i - 1}] ends ({Steps[i - 1].UpperBound?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unbounded"})");
        }
    }
}
