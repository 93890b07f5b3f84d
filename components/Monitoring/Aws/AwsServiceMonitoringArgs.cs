using System.Text.RegularExpressions;
using Infra.Components.Common;
using Infra.Components.LoadBalancing;
using Pulumi;

namespace Infra.Components.Monitoring.Aws;

/// <summary>
/// Settings of an <see cref="AwsServiceMonitoring"/>: the cloud-neutral <see cref="AlertSpec"/>, the
/// identifiers of what a service runs on (load balancer, target groups, Auto Scaling group) and
/// where alarms are sent.
/// </summary>
public sealed partial class AwsServiceMonitoringArgs : ResourceArgs
{
    /// <summary>Thresholds and evaluation windows of the alarms.</summary>
    /// <remarks>Default: 5 % server errors, p95 response time 1 s, any unhealthy host, group at max, 3 × 60 s.</remarks>
    [Input("alerts")] public AlertSpec Alerts { get; set; } = new();

    /// <summary>Layer of the load balancer, one of <see cref="LoadBalancerLayers"/>; a network load
    /// balancer has no HTTP metrics, so it gets no server-error or response-time alarm.</summary>
    /// <remarks>Default: "application".</remarks>
    [Input("layer")] public string Layer { get; set; } = LoadBalancerLayers.Application;

    /// <summary>ARN suffix of the load balancer (<c>AwsLoadBalancer.ArnSuffix</c>), the dimension of its metrics.</summary>
    /// <remarks>Default: none; no load-balancer alarms or widgets.</remarks>
    [Input("loadBalancerArnSuffix")] public Input<string>? LoadBalancerArnSuffix { get; set; }

    /// <summary>ARN suffixes of the target groups by pool key; each gets an unhealthy-hosts alarm.
    /// Keys are plain so that the alarms have stable names.</summary>
    /// <remarks>Default: none.</remarks>
    [Input("targetGroupArnSuffixes")] public Dictionary<string, Input<string>> TargetGroupArnSuffixes { get; set; } = [];

    /// <summary>Name of the Auto Scaling group (<c>AwsAutoscalingGroup.GroupName</c>).</summary>
    /// <remarks>Default: none; no group alarm or widgets.</remarks>
    [Input("autoscalingGroupName")] public Input<string>? AutoscalingGroupName { get; set; }

    /// <summary>The group's maximum size, which the at-max-capacity alarm compares with.</summary>
    /// <remarks>Default: none; required with <see cref="AutoscalingGroupName"/> while <see cref="AlertSpec.AtMaxCapacity"/> is on.</remarks>
    [Input("autoscalingGroupMaxSize")] public Input<int>? AutoscalingGroupMaxSize { get; set; }

    /// <summary>SNS topic that receives every alarm and its recovery.</summary>
    /// <remarks>Default: none; alarms then only change state in the console and on the dashboard.</remarks>
    [Input("alarmTopicArn")] public Input<string>? AlarmTopicArn { get; set; }

    /// <summary>Name of the CloudWatch dashboard, unique per account and region.</summary>
    /// <remarks>Default: the component's name.</remarks>
    [Input("dashboardName")] public string? DashboardName { get; set; }

    /// <summary>Every problem in these settings; <paramref name="componentName"/> stands in for an unset dashboard name.</summary>
    public IEnumerable<SpecProblem> FindProblems(string componentName)
    {
        if (Alerts is null)
            yield return new("alerts", null, "set alerts; its defaults are 5 % server errors, 1 s p95 response time and any unhealthy host");
        else
            foreach (var problem in Alerts.FindProblems("alerts"))
                yield return problem;

        if (!LoadBalancerLayers.All.Contains(Layer))
            yield return new("layer", Layer, $"use one of {string.Join(", ", LoadBalancerLayers.All)}");

        var targetGroups = TargetGroupArnSuffixes ?? [];
        if (targetGroups.Count > 0 && LoadBalancerArnSuffix is null)
            yield return new("loadBalancerArnSuffix", null,
                "CloudWatch reports target-group health per load balancer and target group; set loadBalancerArnSuffix (AwsLoadBalancer.ArnSuffix)");
        foreach (var (key, suffix) in targetGroups)
            if (suffix is null)
                yield return new($"targetGroupArnSuffixes.{key}", null, "pass the pool's target group ARN suffix or remove the key");
            else if (!ResourceKey().IsMatch(key))
                yield return new($"targetGroupArnSuffixes.{key}", key, "use a key of letters, digits and dashes; it names the alarm");

        if (LoadBalancerArnSuffix is null && AutoscalingGroupName is null)
            yield return new("loadBalancerArnSuffix", null,
                "nothing to monitor; set loadBalancerArnSuffix, autoscalingGroupName or both");
        if (AutoscalingGroupName is not null && AutoscalingGroupMaxSize is null && Alerts is { AtMaxCapacity: true })
            yield return new("autoscalingGroupMaxSize", null,
                "the at-max-capacity alarm compares with the group's maximum; pass scaling.maxSize or turn alerts.atMaxCapacity off");
        if (AutoscalingGroupMaxSize is not null && AutoscalingGroupName is null)
            yield return new("autoscalingGroupName", null, "a maximum size without a group watches nothing; pass AwsAutoscalingGroup.GroupName or remove the size");

        var dashboard = DashboardName ?? componentName;
        if (dashboard is null || !DashboardNamePattern().IsMatch(dashboard))
            yield return new("dashboardName", dashboard,
                "CloudWatch dashboard names hold 1 to 255 letters, digits, '-' and '_'; set dashboardName");
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,255}$")]
    private static partial Regex DashboardNamePattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]*$")]
    private static partial Regex ResourceKey();
}
