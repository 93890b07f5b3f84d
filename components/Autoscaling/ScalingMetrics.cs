namespace Infra.Components.Autoscaling;

/// <summary>Metrics that demand-based and predictive policies scale on.</summary>
public static class ScalingMetrics
{
    /// <summary>Average CPU utilisation of the group, in percent.</summary>
    public const string Cpu = "cpu";

    /// <summary>Requests per backend per minute, from the load balancer.</summary>
    public const string RequestsPerTarget = "requests-per-target";

    /// <summary>A metric named by <see cref="CustomMetricSpec"/>.</summary>
    public const string Custom = "custom";

    /// <summary>Metrics target tracking can follow.</summary>
    public static readonly IReadOnlyList<string> TargetTracking = [Cpu, RequestsPerTarget, Custom];

    /// <summary>Metrics step scaling can alarm on.</summary>
    public static readonly IReadOnlyList<string> StepScaling = [Cpu, Custom];

    /// <summary>Metric pairs native predictive scaling forecasts.</summary>
    public static readonly IReadOnlyList<string> Predictive = [Cpu, RequestsPerTarget];
}
