using Pulumi;
using Pulumi.Aws.CloudWatch;

namespace Infra.Components.Dns.Aws;

/// <summary>The CloudWatch alarm on a Route 53 health check's status, one shape for every check.</summary>
public static class Route53HealthAlarm
{
    /// <summary>The only region where Route 53 publishes health-check metrics, so the alarms live there.</summary>
    public const string MetricsRegion = "us-east-1";

    /// <summary>An alarm that fires when the check with <paramref name="healthCheckId"/> reports
    /// unhealthy for a minute, and tells <paramref name="topicArn"/> when it fires and recovers.</summary>
    public static MetricAlarmArgs ToArgs(string description, Input<string> healthCheckId, Input<string>? topicArn, IReadOnlyDictionary<string, string> tags)
    {
        var alarm = new MetricAlarmArgs
        {
            // An alarm in any other region would never receive a data point.
            Region = MetricsRegion,
            AlarmDescription = description,
            Namespace = "AWS/Route53",
            MetricName = "HealthCheckStatus",
            Dimensions = { { "HealthCheckId", healthCheckId } },
            // 1 is healthy, 0 unhealthy; the minute's minimum catches any unhealthy report.
            Statistic = "Minimum",
            Period = 60,
            EvaluationPeriods = 1,
            ComparisonOperator = "LessThanThreshold",
            Threshold = 1,
            // A check that stops reporting no longer guards failover, which deserves a page too.
            TreatMissingData = "breaching",
        };
        if (topicArn is not null)
        {
            alarm.AlarmActions.Add(topicArn);
            alarm.OkActions.Add(topicArn);
        }
        foreach (var (key, value) in tags)
            alarm.Tags[key] = value;
        return alarm;
    }
}
