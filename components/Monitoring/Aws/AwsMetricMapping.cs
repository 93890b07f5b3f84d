using Infra.Components.LoadBalancing;

namespace Infra.Components.Monitoring.Aws;

/// <summary>
/// Our monitoring constants as CloudWatch spells them, one switch per concept.
/// <see cref="AwsServiceMonitoringArgs.FindProblems"/> refuses every value these do not map, so a
/// default arm is only reached by a missing mapping and fails loudly rather than guessing.
/// </summary>
internal static class AwsMetricMapping
{
    /// <summary>CloudWatch namespace of a load balancer's metrics.</summary>
    public static string LoadBalancerNamespace(string layer) => layer switch
    {
        LoadBalancerLayers.Application => "AWS/ApplicationELB",
        LoadBalancerLayers.Network => "AWS/NetworkELB",
        _ => throw Unmapped(nameof(layer), layer),
    };

    /// <summary>A response-time statistic as an alarm takes it: percentiles are "extended" statistics.</summary>
    public static (string? Statistic, string? ExtendedStatistic) ResponseTime(string statistic) => statistic switch
    {
        ResponseTimeStatistics.P95 => (null, "p95"),
        ResponseTimeStatistics.P99 => (null, "p99"),
        ResponseTimeStatistics.Average => ("Average", null),
        _ => throw Unmapped(nameof(statistic), statistic),
    };

    /// <summary>The same statistic as a dashboard widget names it.</summary>
    public static string ResponseTimeStat(string statistic)
        => ResponseTime(statistic) switch
        {
            (_, { } extended) => extended,
            ({ } plain, _) => plain,
            _ => throw Unmapped(nameof(statistic), statistic),
        };

    private static ArgumentOutOfRangeException Unmapped(string setting, string value)
        => new(setting, value, $"no CloudWatch mapping for {setting} \"{value}\"; AwsServiceMonitoringArgs.FindProblems should have refused it");
}
