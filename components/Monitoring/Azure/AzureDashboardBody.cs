using Infra.Components.LoadBalancing;

namespace Infra.Components.Monitoring.Azure;

/// <summary>What one service's Azure dashboard shows, as resolved resource ids; null parts get no tiles.</summary>
internal sealed record AzureDashboardSubjects(string? LoadBalancerId, string? ScaleSetId, string? AutoscaleSettingId);

/// <summary>
/// The portal dashboard's properties (the JSON <c>dashboard_properties</c> takes: lenses of parts,
/// each a metric chart) for one service: requests and server errors, backend response time, backend
/// health, CPU and the instance count autoscale observes — the metrics its alerts watch.
/// </summary>
internal static class AzureDashboardBody
{
    private const int Width = 6;
    private const int Height = 4;
    private const string ChartPart = "Extension/HubsExtension/PartType/MonitorChartPart";

    public static Dictionary<string, object> For(AzureDashboardSubjects subjects, string layer, AlertSpec alerts)
    {
        var charts = new List<(string Title, string Namespace, string ResourceId, (string Metric, string Aggregation)[] Metrics)>();
        if (subjects.LoadBalancerId is { } balancer)
        {
            var metricsNamespace = AzureMetricMapping.LoadBalancerMetricsNamespace(layer);
            if (layer == LoadBalancerLayers.Application)
            {
                charts.Add(("Requests and responses", metricsNamespace, balancer, [("TotalRequests", "Total"), ("ResponseStatus", "Total")]));
                charts.Add(("Backend response time (ms)", metricsNamespace, balancer,
                    [("BackendLastByteResponseTime", AzureMetricMapping.ResponseTimeAggregation(alerts.ResponseTimeStatistic))]));
                charts.Add(("Backend hosts", metricsNamespace, balancer, [("HealthyHostCount", "Maximum"), ("UnhealthyHostCount", "Maximum")]));
            }
            else
                charts.Add(("Backend health probe (%)", metricsNamespace, balancer, [("DipAvailability", "Average"), ("VipAvailability", "Average")]));
        }
        if (subjects.ScaleSetId is { } scaleSet)
            charts.Add(("CPU (%)", AzureMetricMapping.ScaleSetNamespace, scaleSet, [("Percentage CPU", "Average")]));
        if (subjects.AutoscaleSettingId is { } autoscale)
            charts.Add(("Instances (observed by autoscale)", AzureMetricMapping.AutoscaleNamespace, autoscale, [("ObservedCapacity", "Maximum")]));

        var parts = new Dictionary<string, object>();
        for (var i = 0; i < charts.Count; i++)
        {
            var (title, metricsNamespace, resourceId, metrics) = charts[i];
            parts[i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Part(i, title, metricsNamespace, resourceId, metrics);
        }

        return new Dictionary<string, object>
        {
            ["lenses"] = new Dictionary<string, object>
            {
                ["0"] = new Dictionary<string, object> { ["order"] = 0, ["parts"] = parts },
            },
            ["metadata"] = new Dictionary<string, object>
            {
                ["model"] = new Dictionary<string, object>
                {
                    ["timeRange"] = new Dictionary<string, object>
                    {
                        ["value"] = new Dictionary<string, object>
                        {
                            ["relative"] = new Dictionary<string, object> { ["duration"] = 24, ["timeUnit"] = 1 },
                        },
                        ["type"] = "MsPortalFx.Composition.Configuration.ValueTypes.TimeRange",
                    },
                },
            },
        };
    }

    private static Dictionary<string, object> Part(int index, string title, string metricsNamespace, string resourceId,
        (string Metric, string Aggregation)[] metrics)
        => new()
        {
            // Two tiles per row.
            ["position"] = new Dictionary<string, object>
            {
                ["x"] = index % 2 * Width,
                ["y"] = index / 2 * Height,
                ["colSpan"] = Width,
                ["rowSpan"] = Height,
            },
            ["metadata"] = new Dictionary<string, object>
            {
                ["type"] = ChartPart,
                ["inputs"] = new object[]
                {
                    new Dictionary<string, object>
                    {
                        ["name"] = "options",
                        ["value"] = new Dictionary<string, object>
                        {
                            ["chart"] = new Dictionary<string, object>
                            {
                                ["title"] = title,
                                ["titleKind"] = 2,
                                ["visualization"] = new Dictionary<string, object> { ["chartType"] = 2 },
                                ["metrics"] = metrics.Select(m => new Dictionary<string, object>
                                {
                                    ["resourceMetadata"] = new Dictionary<string, object> { ["id"] = resourceId },
                                    ["name"] = m.Metric,
                                    ["namespace"] = metricsNamespace.ToLowerInvariant(),
                                    ["aggregationType"] = AzureMetricMapping.ChartAggregation(m.Aggregation),
                                    ["metricVisualization"] = new Dictionary<string, object> { ["displayName"] = m.Metric },
                                }).ToArray(),
                            },
                        },
                    },
                },
            },
        };
}
