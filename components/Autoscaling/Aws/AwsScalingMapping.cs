using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Infra.Components.Autoscaling.Forecasting;
using Pulumi.Aws.AutoScaling;

namespace Infra.Components.Autoscaling.Aws;

/// <summary>
/// Our scaling constants as AWS Auto Scaling and CloudWatch spell them, one switch per concept.
/// <see cref="AwsAutoscalingGroupArgs.FindProblems"/> refuses every value these do not map, so a
/// default arm is only reached by a missing mapping and fails loudly rather than guessing.
/// </summary>
internal static class AwsScalingMapping
{
    /// <summary>Group metrics collected every minute: what the dashboard and the at-max alarm read.</summary>
    public static readonly ImmutableArray<Metric> GroupMetrics =
    [
        Metric.GroupMinSize,
        Metric.GroupMaxSize,
        Metric.GroupDesiredCapacity,
        Metric.GroupInServiceInstances,
        Metric.GroupPendingInstances,
        Metric.GroupStandbyInstances,
        Metric.GroupTerminatingInstances,
        Metric.GroupTotalInstances,
    ];

    /// <summary>ELB health replaces instances the load balancer finds unhealthy; without target groups
    /// only EC2 status checks exist.</summary>
    public static string HealthCheckType(ImmutableArray<string> targetGroupArns)
        => targetGroupArns.IsDefaultOrEmpty ? "EC2" : "ELB";

    /// <summary>Predefined target-tracking metric, or null for a customized one.</summary>
    public static string? TargetTrackingMetric(string metric) => metric switch
    {
        ScalingMetrics.Cpu => "ASGAverageCPUUtilization",
        ScalingMetrics.RequestsPerTarget => "ALBRequestCountPerTarget",
        ScalingMetrics.Custom => null,
        _ => throw Unmapped(nameof(metric), metric),
    };

    /// <summary>Predefined metric pair native predictive scaling forecasts.</summary>
    public static string PredictiveMetricPair(string metric) => metric switch
    {
        ScalingMetrics.Cpu => "ASGCPUUtilization",
        ScalingMetrics.RequestsPerTarget => "ALBRequestCount",
        _ => throw Unmapped(nameof(metric), metric),
    };

    /// <summary>Predictive scaling mode.</summary>
    public static string PredictiveMode(string mode) => mode switch
    {
        PredictiveScalingPolicy.ForecastOnly => "ForecastOnly",
        PredictiveScalingPolicy.ForecastAndScale => "ForecastAndScale",
        _ => throw Unmapped(nameof(mode), mode),
    };

    /// <summary>What a forecast above the group's maximum does.</summary>
    public static string MaxCapacityBreachBehavior(string behavior) => behavior switch
    {
        PredictiveScalingPolicy.HonorMaxCapacity => "HonorMaxCapacity",
        PredictiveScalingPolicy.IncreaseMaxCapacity => "IncreaseMaxCapacity",
        _ => throw Unmapped(nameof(behavior), behavior),
    };

    /// <summary>The scheduled actions that run a forecast schedule on a group whose own minimum is
    /// <paramref name="groupMinSize"/>, without the quota check so that
    /// <see cref="AwsAutoscalingGroupArgs.FindProblems"/> can report the count.</summary>
    public static IReadOnlyList<AwsScheduledCapacity> ScheduledActions(ForecastScheduleSpec schedule, int groupMinSize)
        => AwsScheduledCapacity.Translate(schedule.ToCapacitySchedule(), groupMinSize, TimeSpan.FromMinutes(schedule.RaiseAheadMinutes));

    /// <summary>
    /// The identity of a scheduled action, from everything AWS is sent for it: its time-of-week key
    /// and minimum, readable (e.g. "mon-fri-0650-min5-1f0c2a9b"), and a hash of the recurrence, time
    /// zone and the three sizes. Any change to what the action does changes its identity, so a
    /// re-plan replaces it instead of updating it (see AwsAutoscalingGroup's schedules for why).
    /// </summary>
    public static string ScheduledActionIdentity(AwsScheduledCapacity action, int maxSize, int desiredCapacity)
    {
        var entry = string.Create(CultureInfo.InvariantCulture,
            $"{action.Recurrence}|{action.TimeZone}|{action.MinSize}|{maxSize}|{desiredCapacity}");
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(entry)))[..8].ToLowerInvariant();
        return string.Create(CultureInfo.InvariantCulture, $"{action.Key}-min{action.MinSize}-{hash}");
    }

    /// <summary>Alarm comparison of a step-scaling policy.</summary>
    public static string StepComparison(string comparison) => comparison switch
    {
        StepScalingPolicySpec.Above => "GreaterThanThreshold",
        StepScalingPolicySpec.Below => "LessThanThreshold",
        _ => throw Unmapped(nameof(comparison), comparison),
    };

    /// <summary>The CloudWatch metric a step-scaling alarm watches, for the built-in metrics;
    /// custom metrics name their own.</summary>
    public static (string Namespace, string Name, string Statistic) StepMetric(string metric) => metric switch
    {
        ScalingMetrics.Cpu => ("AWS/EC2", "CPUUtilization", "Average"),
        _ => throw Unmapped(nameof(metric), metric),
    };

    private static ArgumentOutOfRangeException Unmapped(string setting, string value)
        => new(setting, value, $"no AWS mapping for {setting} \"{value}\"; AwsAutoscalingGroupArgs.FindProblems should have refused it");
}
