using System.Collections.Immutable;
using System.Globalization;
using Infra.Components.Common;
using Infra.Components.LoadBalancing;
using Pulumi;
using Pulumi.Aws;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.CloudWatch.Inputs;

namespace Infra.Components.Monitoring.Aws;

/// <summary>
/// CloudWatch alarms and one dashboard for a service on AWS: unhealthy hosts per target group, the
/// server-error rate and response time of the load balancer, and a scaling group stuck at its
/// maximum, each sent (with its recovery) to an optional SNS topic.
/// </summary>
public sealed class AwsServiceMonitoring : ComponentResource
{
    /// <summary>Name of the service's dashboard.</summary>
    [Output("dashboardName")] public Output<string> DashboardName { get; private set; }

    /// <summary>ARN of the service's dashboard.</summary>
    [Output("dashboardArn")] public Output<string> DashboardArn { get; private set; }

    /// <summary>ARNs of every alarm, e.g. for a composite alarm or a status page.</summary>
    [Output("alarmArns")] public Output<StringList> AlarmArns { get; private set; }

    private Output<ImmutableArray<string>> _alarmArns = null!;

    /// <summary><see cref="AlarmArns"/> as an immutable array, for C# callers.</summary>
    /// <remarks>A method, not a property: every public property of a component is part of the package schema
    /// (see <see cref="StringList"/>).</remarks>
    public Output<ImmutableArray<string>> AlarmArnsArray() => _alarmArns;

    /// <summary>Validates <paramref name="args"/> and creates the alarms and the dashboard.</summary>
    public AwsServiceMonitoring(string name, AwsServiceMonitoringArgs args, ComponentResourceOptions? options = null)
        : base("infra:monitoring:AwsServiceMonitoring", name, options)
    {
        InvalidSpecException.ThrowIfAny($"AwsServiceMonitoring \"{name}\"", args.FindProblems(name));
        var child = new CustomResourceOptions { Parent = this };
        var alerts = args.Alerts;
        var metricsNamespace = AwsMetricMapping.LoadBalancerNamespace(args.Layer);
        var alarms = new List<MetricAlarm>();

        MetricAlarmArgs Alarm(string description, string comparison, Input<double> threshold, string treatMissingData)
        {
            var alarm = new MetricAlarmArgs
            {
                AlarmDescription = description,
                ComparisonOperator = comparison,
                Threshold = threshold,
                EvaluationPeriods = alerts.EvaluationPeriods,
                TreatMissingData = treatMissingData,
            };
            if (args.AlarmTopicArn is { } topic)
            {
                alarm.AlarmActions.Add(topic);
                alarm.OkActions.Add(topic);
            }
            return alarm;
        }

        if (args.LoadBalancerArnSuffix is { } loadBalancer)
        {
            foreach (var (key, targetGroup) in args.TargetGroupArnSuffixes)
            {
                var unhealthy = Alarm($"{name}: more than {alerts.UnhealthyHosts} unhealthy hosts in pool {key}; check the instances' health endpoint and logs",
                    "GreaterThanThreshold", alerts.UnhealthyHosts,
                    // The metric is absent while a pool has no registered targets; an empty pool
                    // shows up as load-balancer 5xx in the server-error alarm instead.
                    "notBreaching");
                unhealthy.Namespace = metricsNamespace;
                unhealthy.MetricName = "UnHealthyHostCount";
                unhealthy.Statistic = "Maximum";
                unhealthy.Period = alerts.PeriodSeconds;
                unhealthy.Dimensions.Add("TargetGroup", targetGroup);
                unhealthy.Dimensions.Add("LoadBalancer", loadBalancer);
                alarms.Add(new MetricAlarm($"{name}-unhealthy-hosts-{key}", unhealthy, child));
            }

            if (args.Layer == LoadBalancerLayers.Application)
            {
                alarms.Add(new MetricAlarm($"{name}-server-errors", ServerErrors(name, loadBalancer, metricsNamespace, alerts, Alarm), child));

                var (statistic, extended) = AwsMetricMapping.ResponseTime(alerts.ResponseTimeStatistic);
                var slow = Alarm($"{name}: {alerts.ResponseTimeStatistic} target response time above {Show(alerts.ResponseTimeSeconds)} s",
                    "GreaterThanThreshold", alerts.ResponseTimeSeconds,
                    // Quiet minutes carry no latency; keep the current state rather than flap at low traffic.
                    "ignore");
                slow.Namespace = metricsNamespace;
                slow.MetricName = "TargetResponseTime";
                slow.Period = alerts.PeriodSeconds;
                if (statistic is not null)
                    slow.Statistic = statistic;
                if (extended is not null)
                    slow.ExtendedStatistic = extended;
                slow.Dimensions.Add("LoadBalancer", loadBalancer);
                alarms.Add(new MetricAlarm($"{name}-response-time", slow, child));
            }
        }

        if (args.AutoscalingGroupName is { } group && args.AutoscalingGroupMaxSize is { } maxSize && alerts.AtMaxCapacity)
        {
            var full = Alarm($"{name}: the Auto Scaling group has run at its maximum size; demand may exceed capacity, raise scaling.maxSize",
                "GreaterThanOrEqualToThreshold", maxSize.ToOutput().Apply(size => (double)size),
                // Group metrics only exist while collection is on; a gap leaves the alarm in
                // INSUFFICIENT_DATA, visible on the dashboard without paging anyone.
                "missing");
            full.Namespace = "AWS/AutoScaling";
            full.MetricName = "GroupInServiceInstances";
            // The minimum over a period reaching the maximum means the group was full all of it.
            full.Statistic = "Minimum";
            full.Period = alerts.PeriodSeconds;
            full.Dimensions.Add("AutoScalingGroupName", group);
            alarms.Add(new MetricAlarm($"{name}-at-max-capacity", full, child));
        }

        var dashboardName = args.DashboardName ?? name;
        var dashboard = new Dashboard($"{name}-dashboard", new DashboardArgs
        {
            DashboardName = dashboardName,
            DashboardBody = DashboardBody(args, alarms),
        }, child);

        DashboardName = dashboard.DashboardName;
        DashboardArn = dashboard.DashboardArn;
        _alarmArns = Output.All(alarms.Select(alarm => alarm.Arn));
        AlarmArns = _alarmArns.Apply(value => new StringList(value));
        RegisterOutputs();
    }

    /// <summary>
    /// 5xx from the load balancer itself (no healthy target, timeouts) plus 5xx from the targets, as a
    /// percentage of requests. Error counts are only reported when non-zero, hence FILL.
    /// </summary>
    private static MetricAlarmArgs ServerErrors(string name, Input<string> loadBalancer, string metricsNamespace, AlertSpec alerts,
        Func<string, string, Input<double>, string, MetricAlarmArgs> alarm)
    {
        var errors = alarm($"{name}: more than {Show(alerts.ServerErrorRatePercent)} % of requests failed with 5xx (load balancer or targets)",
            "GreaterThanThreshold", alerts.ServerErrorRatePercent,
            // No requests means no errors.
            "notBreaching");
        MetricAlarmMetricQueryArgs Count(string id, string metricName) => new()
        {
            Id = id,
            ReturnData = false,
            Metric = new MetricAlarmMetricQueryMetricArgs
            {
                Namespace = metricsNamespace,
                MetricName = metricName,
                Stat = "Sum",
                Period = alerts.PeriodSeconds,
                Dimensions = { { "LoadBalancer", loadBalancer } },
            },
        };
        errors.MetricQueries.Add(Count("requests", "RequestCount"));
        errors.MetricQueries.Add(Count("elb5xx", "HTTPCode_ELB_5XX_Count"));
        errors.MetricQueries.Add(Count("target5xx", "HTTPCode_Target_5XX_Count"));
        errors.MetricQueries.Add(new MetricAlarmMetricQueryArgs
        {
            Id = "rate",
            Label = "Server error rate (%)",
            Expression = "IF(requests > 0, 100 * (FILL(elb5xx, 0) + FILL(target5xx, 0)) / requests, 0)",
            ReturnData = true,
        });
        return errors;
    }

    private Output<string> DashboardBody(AwsServiceMonitoringArgs args, List<MetricAlarm> alarms)
    {
        // Metric widgets must name their region; asking the provider this component runs under
        // keeps the dashboard and its metrics in the same region without another setting.
        var region = GetAvailabilityZones.Invoke(new GetAvailabilityZonesInvokeArgs(), new InvokeOptions { Parent = this })
            .Apply(zones => zones.Region);
        var hasLoadBalancer = args.LoadBalancerArnSuffix is not null;
        var hasGroup = args.AutoscalingGroupName is not null;
        var poolKeys = args.TargetGroupArnSuffixes.Keys.ToImmutableArray();
        var subjects = Output.Tuple(
                region,
                args.LoadBalancerArnSuffix?.ToOutput() ?? Output.Create(""),
                Output.All(args.TargetGroupArnSuffixes.Values.Select(suffix => suffix.ToOutput())),
                args.AutoscalingGroupName?.ToOutput() ?? Output.Create(""),
                Output.All(alarms.Select(alarm => alarm.Arn)))
            .Apply(ids => new DashboardSubjects(
                ids.Item1,
                hasLoadBalancer ? ids.Item2 : null,
                poolKeys.Zip(ids.Item3, KeyValuePair.Create).ToImmutableArray(),
                hasGroup ? ids.Item4 : null,
                ids.Item5));
        return Output.JsonSerialize(subjects.Apply(s => AwsDashboardBody.For(s, args.Layer, args.Alerts)));
    }

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
