using System.Collections.Immutable;
using Infra.Components.LoadBalancing;

namespace Infra.Components.Monitoring.Aws;

/// <summary>What one service's dashboard shows, as resolved identifiers; null parts get no widgets.</summary>
internal sealed record DashboardSubjects(
    string Region,
    string? LoadBalancer,
    ImmutableArray<KeyValuePair<string, string>> TargetGroups,
    string? AutoscalingGroup,
    ImmutableArray<string> AlarmArns);

/// <summary>
/// The CloudWatch dashboard body (the JSON object PutDashboard takes) for one service: traffic and
/// errors, response time, host health per pool, group size and CPU, and the state of its alarms.
/// </summary>
internal static class AwsDashboardBody
{
    private const int Width = 12;
    private const int Height = 6;

    public static Dictionary<string, object> For(DashboardSubjects subjects, string layer, AlertSpec alerts)
    {
        var widgets = new List<object>();
        var metricsNamespace = AwsMetricMapping.LoadBalancerNamespace(layer);
        var period = alerts.PeriodSeconds;

        if (subjects.LoadBalancer is { } loadBalancer && layer == LoadBalancerLayers.Application)
        {
            widgets.Add(Metric("Requests and server errors", subjects.Region, "Sum", period,
            [
                [metricsNamespace, "RequestCount", "LoadBalancer", loadBalancer],
                [metricsNamespace, "HTTPCode_ELB_5XX_Count", "LoadBalancer", loadBalancer],
                [metricsNamespace, "HTTPCode_Target_5XX_Count", "LoadBalancer", loadBalancer],
            ]));
            var stat = AwsMetricMapping.ResponseTimeStat(alerts.ResponseTimeStatistic);
            widgets.Add(Metric("Target response time (s)", subjects.Region, stat, period,
                [[metricsNamespace, "TargetResponseTime", "LoadBalancer", loadBalancer]],
                threshold: alerts.ResponseTimeSeconds));
        }

        if (subjects.LoadBalancer is { } balancer)
            foreach (var (key, targetGroup) in subjects.TargetGroups)
                widgets.Add(Metric($"Hosts in pool {key}", subjects.Region, "Maximum", period,
                [
                    [metricsNamespace, "HealthyHostCount", "TargetGroup", targetGroup, "LoadBalancer", balancer],
                    [metricsNamespace, "UnHealthyHostCount", "TargetGroup", targetGroup, "LoadBalancer", balancer],
                ]));

        if (subjects.AutoscalingGroup is { } group)
        {
            widgets.Add(Metric("Instances", subjects.Region, "Maximum", period,
            [
                ["AWS/AutoScaling", "GroupInServiceInstances", "AutoScalingGroupName", group],
                ["AWS/AutoScaling", "GroupDesiredCapacity", "AutoScalingGroupName", group],
                ["AWS/AutoScaling", "GroupMaxSize", "AutoScalingGroupName", group],
            ]));
            widgets.Add(Metric("CPU utilisation (%)", subjects.Region, "Average", period,
                [["AWS/EC2", "CPUUtilization", "AutoScalingGroupName", group]]));
        }

        if (!subjects.AlarmArns.IsDefaultOrEmpty)
            widgets.Add(new Dictionary<string, object>
            {
                ["type"] = "alarm",
                ["width"] = Width * 2,
                ["height"] = Height / 2,
                ["properties"] = new Dictionary<string, object>
                {
                    ["title"] = "Alarms",
                    ["alarms"] = subjects.AlarmArns.ToArray(),
                },
            });

        return new Dictionary<string, object> { ["widgets"] = widgets };
    }

    private static Dictionary<string, object> Metric(string title, string region, string stat, int period,
        string[][] metrics, double? threshold = null)
    {
        var properties = new Dictionary<string, object>
        {
            ["title"] = title,
            // CloudWatch requires the region of every metric widget.
            ["region"] = region,
            ["view"] = "timeSeries",
            ["stat"] = stat,
            ["period"] = period,
            ["metrics"] = metrics,
        };
        if (threshold is { } value)
            properties["annotations"] = new Dictionary<string, object>
            {
                ["horizontal"] = new[] { new Dictionary<string, object> { ["label"] = "alarm threshold", ["value"] = value } },
            };
        return new Dictionary<string, object>
        {
            ["type"] = "metric",
            ["width"] = Width,
            ["height"] = Height,
            ["properties"] = properties,
        };
    }
}
