using Infra.Components.Autoscaling.Forecasting;
using Pulumi;
using Pulumi.Azure.Monitoring.Inputs;

namespace Infra.Components.Autoscaling.Azure;

/// <summary>A metric an autoscale rule reads, as Azure Monitor names it.</summary>
/// <param name="Namespace">Metric namespace, e.g. <c>microsoft.compute/virtualmachinescalesets</c>.</param>
/// <param name="Name">Metric name, e.g. <c>Percentage CPU</c>.</param>
/// <param name="Statistic">How instances are combined: Average, Max, Min or Sum.</param>
/// <param name="TimeAggregation">How samples in the window are combined: Average, Maximum, Minimum or Total.</param>
/// <param name="Dimensions">Dimension filters (all Equals).</param>
internal sealed record AzureAutoscaleMetric(string Namespace, string Name, string Statistic, string TimeAggregation,
    IReadOnlyDictionary<string, string> Dimensions);

/// <summary>
/// The neutral scaling spec as Azure Monitor autoscale spells it, one switch per concept, and the
/// rules and profiles built from it. <see cref="AzureScaleSetArgs.FindAzureProblems"/> refuses every
/// value these do not map, so a default arm is only reached by a missing mapping.
/// </summary>
/// <remarks>
/// Target tracking becomes a pair of rules: scale out by one instance when the metric's 5-minute
/// average is above the target, scale in by one when its 10-minute average is below
/// <see cref="ScaleInFraction"/> of the target. The gap keeps the set from flapping (Azure also
/// refuses a scale-in whose projected metric would trigger the scale-out rule), and the longer
/// scale-in window makes removals slower than additions. Cooldowns are the instance warm-up, in whole
/// minutes. Step scaling becomes one rule per step at the threshold plus the step's lower bound
/// (above) or upper bound (below): Azure scales out when any rule holds, taking the largest
/// increase, which is the step reached. Azure scales in only when every scale-in rule of the profile
/// holds, so scale-in rules of several policies act together, not alone.
/// </remarks>
internal static class AzureScalingMapping
{
    /// <summary>Namespace of a scale set's host metrics.</summary>
    public const string ScaleSetNamespace = "microsoft.compute/virtualmachinescalesets";

    /// <summary>The host CPU metric, the only one predictive autoscale forecasts.</summary>
    public const string PercentageCpu = "Percentage CPU";

    /// <summary>Scale-in threshold of a target-tracking pair, as a fraction of the target.</summary>
    public const double ScaleInFraction = 0.7;

    /// <summary>Window of a target-tracking scale-out rule, in seconds.</summary>
    public const int ScaleOutWindowSeconds = 5 * 60;

    /// <summary>Window of a target-tracking scale-in rule, in seconds.</summary>
    public const int ScaleInWindowSeconds = 10 * 60;

    /// <summary>Rules one autoscale profile may hold (Azure Monitor autoscale limit).</summary>
    public const int MaxRulesPerProfile = 10;

    /// <summary>Most instances autoscale sets on one scale set (capacity maximum 0–1000).</summary>
    public const int MaxInstances = 1000;

    /// <summary>Statistics a custom metric may use here: the neutral ones Azure can combine.</summary>
    public static readonly IReadOnlyList<string> CustomStatistics = ["Average", "Sum", "Minimum", "Maximum"];

    /// <summary>The metric a target-tracking or step policy reads.</summary>
    public static AzureAutoscaleMetric Metric(string metric, CustomMetricSpec? custom) => metric switch
    {
        ScalingMetrics.Cpu => new(ScaleSetNamespace, PercentageCpu, "Average", "Average", new Dictionary<string, string>()),
        ScalingMetrics.Custom when custom is not null => new(custom.Namespace, custom.Name,
            CustomStatistic(custom.Statistic).Statistic, CustomStatistic(custom.Statistic).TimeAggregation, custom.Dimensions),
        _ => throw Unmapped(nameof(metric), metric),
    };

    /// <summary>A custom metric's statistic as Azure's (across instances, across the window) pair.</summary>
    public static (string Statistic, string TimeAggregation) CustomStatistic(string statistic) => statistic switch
    {
        "Average" => ("Average", "Average"),
        "Sum" => ("Sum", "Total"),
        "Minimum" => ("Min", "Minimum"),
        "Maximum" => ("Max", "Maximum"),
        _ => throw Unmapped(nameof(statistic), statistic),
    };

    /// <summary>Predictive autoscale mode.</summary>
    public static string PredictiveMode(string mode) => mode switch
    {
        PredictiveScalingPolicy.ForecastOnly => "ForecastOnly",
        PredictiveScalingPolicy.ForecastAndScale => "Enabled",
        _ => throw Unmapped(nameof(mode), mode),
    };

    /// <summary>How many rules <paramref name="scaling"/> puts in each profile.</summary>
    public static int RuleCount(ScalingSpec scaling)
        => scaling.TargetTracking.Values.Sum(p => p.DisableScaleIn ? 1 : 2) + scaling.StepScaling.Values.Sum(p => p.Steps.Count);

    /// <summary>Every rule of <paramref name="scaling"/>, reading metrics of <paramref name="scaleSetId"/>.</summary>
    public static List<AutoscaleSettingProfileRuleArgs> Rules(ScalingSpec scaling, Input<string> scaleSetId)
    {
        var cooldown = AzureDurations.For(AzureDurations.Cooldown, AzureDurations.WholeMinutesAtLeastOne(scaling.InstanceWarmupSeconds));
        var rules = new List<AutoscaleSettingProfileRuleArgs>();
        foreach (var policy in scaling.TargetTracking.Values)
        {
            var metric = Metric(policy.Metric, policy.CustomMetric);
            rules.Add(Rule(metric, scaleSetId, "GreaterThan", policy.TargetValue, 60, ScaleOutWindowSeconds, "Increase", 1, cooldown));
            if (!policy.DisableScaleIn)
                rules.Add(Rule(metric, scaleSetId, "LessThan", policy.TargetValue * ScaleInFraction, 60, ScaleInWindowSeconds, "Decrease", 1, cooldown));
        }

        foreach (var policy in scaling.StepScaling.Values)
        {
            var metric = Metric(policy.Metric, policy.CustomMetric);
            // Azure averages over the window where AWS counts breaching periods; the window is the
            // same span, at least the 5 minutes Azure requires.
            var window = Math.Max(AzureDurations.TimeWindow.MinSeconds, policy.PeriodSeconds * policy.EvaluationPeriods);
            for (var i = 0; i < policy.Steps.Count; i++)
            {
                var step = policy.Steps[i];
                if (policy.Comparison == StepScalingPolicySpec.Above)
                    rules.Add(Rule(metric, scaleSetId, i == 0 && (step.LowerBound ?? 0) == 0 ? "GreaterThan" : "GreaterThanOrEqual",
                        policy.Threshold + (step.LowerBound ?? 0), policy.PeriodSeconds, window, "Increase", step.Adjustment, cooldown));
                else
                    rules.Add(Rule(metric, scaleSetId, "LessThan",
                        policy.Threshold + (step.UpperBound ?? 0), policy.PeriodSeconds, window, "Decrease", -step.Adjustment, cooldown));
            }
        }
        return rules;
    }

    /// <summary>The recurring profiles that run the forecast schedule, at least the set's minimum size.</summary>
    public static IReadOnlyList<AzureRecurrenceProfile> RecurrenceProfiles(ForecastScheduleSpec schedule, int minSize)
        => AzureRecurrenceProfile.FromSchedule(schedule.ToCapacitySchedule(), minSize, TimeSpan.FromMinutes(schedule.RaiseAheadMinutes));

    private static AutoscaleSettingProfileRuleArgs Rule(AzureAutoscaleMetric metric, Input<string> scaleSetId, string comparison,
        double threshold, int grainSeconds, int windowSeconds, string direction, int count, string cooldown)
    {
        var trigger = new AutoscaleSettingProfileRuleMetricTriggerArgs
        {
            MetricName = metric.Name,
            MetricNamespace = metric.Namespace,
            MetricResourceId = scaleSetId,
            Operator = comparison,
            Statistic = metric.Statistic,
            TimeAggregation = metric.TimeAggregation,
            Threshold = threshold,
            TimeGrain = AzureDurations.For(AzureDurations.TimeGrain, grainSeconds),
            TimeWindow = AzureDurations.For(AzureDurations.TimeWindow, windowSeconds),
        };
        foreach (var (name, value) in metric.Dimensions)
            trigger.Dimensions.Add(new AutoscaleSettingProfileRuleMetricTriggerDimensionArgs { Name = name, Operator = "Equals", Values = { value } });
        return new AutoscaleSettingProfileRuleArgs
        {
            MetricTrigger = trigger,
            ScaleAction = new AutoscaleSettingProfileRuleScaleActionArgs
            {
                Direction = direction,
                Type = "ChangeCount",
                Value = count,
                Cooldown = cooldown,
            },
        };
    }

    private static ArgumentOutOfRangeException Unmapped(string setting, string value)
        => new(setting, value, $"no Azure autoscale mapping for {setting} \"{value}\"; AzureScaleSetArgs.FindAzureProblems should have refused it");
}
