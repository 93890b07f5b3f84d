using Infra.Components.Autoscaling;
using Infra.Components.LoadBalancing;
using Infra.Components.Monitoring;

namespace Infra.Settings;

/// <summary>The web service a stack runs (config key <c>infra:service</c>), the same in every region.</summary>
public sealed class ServiceSettings
{
    /// <summary>Short name; prefixes every resource. Default: "web".</summary>
    public string Name { get; set; } = "web";

    /// <summary>AMI the instances boot from. Required.</summary>
    public string? ImageId { get; set; }

    /// <summary>EC2 instance type. Default: "t3.small".</summary>
    public string InstanceType { get; set; } = "t3.small";

    /// <summary>Boot script (plain text; encoded by the component). Default: none.</summary>
    public string? UserData { get; set; }

    /// <summary>The load balancer in front of the instances. Required.</summary>
    public LoadBalancerSpec? LoadBalancer { get; set; }

    /// <summary>Instance counts and scaling policies. Required.</summary>
    public ScalingSpec? Scaling { get; set; }

    /// <summary>Load history and options from which the program plans the schedule that
    /// <c>scaling.predictive</c> follows with source forecast or both. Default: none.</summary>
    public ForecastSettings? Forecast { get; set; }

    /// <summary>Alarm thresholds. Default: the AlertSpec defaults.</summary>
    public AlertSpec Alerts { get; set; } = new();

    /// <summary>SNS topic ARN that alarms notify (an existing on-call topic). Default: alarms only show on the dashboard.</summary>
    public string? AlarmTopicArn { get; set; }
}
