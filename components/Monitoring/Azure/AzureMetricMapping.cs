using Infra.Components.LoadBalancing;

namespace Infra.Components.Monitoring.Azure;

/// <summary>
/// Our monitoring constants as Azure Monitor spells them, one switch per concept.
/// <see cref="AzureServiceMonitoringArgs.FindProblems"/> refuses every value these do not map, so a
/// default arm is only reached by a missing mapping and fails loudly rather than guessing.
/// </summary>
internal static class AzureMetricMapping
{
    /// <summary>Namespace of Application Gateway metrics.</summary>
    public const string ApplicationGatewayNamespace = "Microsoft.Network/applicationGateways";

    /// <summary>Namespace of Standard Load Balancer metrics.</summary>
    public const string LoadBalancerNamespace = "Microsoft.Network/loadBalancers";

    /// <summary>Namespace of scale set host metrics.</summary>
    public const string ScaleSetNamespace = "Microsoft.Compute/virtualMachineScaleSets";

    /// <summary>Namespace of autoscale setting metrics (ObservedCapacity).</summary>
    public const string AutoscaleNamespace = "microsoft.insights/autoscalesettings";

    /// <summary>Namespace of the load balancer's metrics for a layer.</summary>
    public static string LoadBalancerMetricsNamespace(string layer) => layer switch
    {
        LoadBalancerLayers.Application => ApplicationGatewayNamespace,
        LoadBalancerLayers.Network => LoadBalancerNamespace,
        _ => throw Unmapped(nameof(layer), layer),
    };

    /// <summary>
    /// The metric-alert aggregation for a response-time statistic. Azure metric alerts aggregate
    /// Average, Minimum, Maximum, Total or Count only (no percentiles), so p95 and p99 map to
    /// Maximum: it exceeds the threshold whenever the percentile would, so no slow tail is missed,
    /// at the price of alerting on a single slow request. Use "average" with a lower threshold when
    /// that is too noisy.
    /// </summary>
    public static string ResponseTimeAggregation(string statistic) => statistic switch
    {
        ResponseTimeStatistics.P95 => "Maximum",
        ResponseTimeStatistics.P99 => "Maximum",
        ResponseTimeStatistics.Average => "Average",
        _ => throw Unmapped(nameof(statistic), statistic),
    };

    /// <summary>The portal chart's aggregation code (1 Sum, 2 Minimum, 3 Maximum, 4 Average, 7 Count).</summary>
    public static int ChartAggregation(string aggregation) => aggregation switch
    {
        "Total" => 1,
        "Minimum" => 2,
        "Maximum" => 3,
        "Average" => 4,
        "Count" => 7,
        _ => throw Unmapped(nameof(aggregation), aggregation),
    };

    private static ArgumentOutOfRangeException Unmapped(string setting, string value)
        => new(setting, value, $"no Azure Monitor mapping for {setting} \"{value}\"; AzureServiceMonitoringArgs.FindProblems should have refused it");
}
