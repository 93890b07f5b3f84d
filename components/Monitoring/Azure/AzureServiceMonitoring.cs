using System.Collections.Immutable;
using System.Globalization;
using Infra.Components.Autoscaling.Azure;
using Infra.Components.Common;
using Infra.Components.LoadBalancing;
using Pulumi;
using Pulumi.Azure.Monitoring;
using Pulumi.Azure.Monitoring.Inputs;
using Pulumi.Azure.Portal;

namespace Infra.Components.Monitoring.Azure;

/// <summary>
/// Azure Monitor metric alerts and one portal dashboard for a service on Azure, mirroring the AWS
/// alarms: unhealthy backends of the Application Gateway or Standard Load Balancer, server errors and
/// backend response time (Application Gateway only), and a scale set stuck at its maximum — each sent,
/// with its resolution, to a new e-mail action group or an existing one.
/// </summary>
public sealed class AzureServiceMonitoring : ComponentResource
{
    /// <summary>Id of the action group alerts notify: the one created from the e-mails, the one
    /// passed in, or "" when there is none.</summary>
    [Output("actionGroupId")] public Output<string> ActionGroupId { get; private set; }

    /// <summary>Ids of every metric alert.</summary>
    [Output("alertIds")] public Output<StringList> AlertIds { get; private set; }

    private Output<ImmutableArray<string>> _alertIds = null!;

    /// <summary><see cref="AlertIds"/> as an immutable array, for C# callers.</summary>
    /// <remarks>A method, not a property: every public property of a component is part of the package schema
    /// (see <see cref="StringList"/>).</remarks>
    public Output<ImmutableArray<string>> AlertIdsArray() => _alertIds;

    /// <summary>Id of the portal dashboard.</summary>
    [Output("dashboardId")] public Output<string> DashboardId { get; private set; }

    /// <summary>Validates <paramref name="args"/> and creates the action group, alerts and dashboard.</summary>
    public AzureServiceMonitoring(string name, AzureServiceMonitoringArgs args, ComponentResourceOptions? options = null)
        : base("infra:monitoring:AzureServiceMonitoring", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        InvalidSpecException.ThrowIfAny($"AzureServiceMonitoring \"{name}\"", args.FindProblems(name));
        var child = new CustomResourceOptions { Parent = this };
        var alerts = args.Alerts;
        var resourceGroup = args.ResourceGroupName!;

        Input<string>? actionGroupId = args.ActionGroupId;
        if (args.AlertEmails.Count > 0)
        {
            var group = new ActionGroupArgs
            {
                ResourceGroupName = resourceGroup,
                ShortName = AzureServiceMonitoringArgs.ShortNameFor(name),
            };
            for (var i = 0; i < args.AlertEmails.Count; i++)
                group.EmailReceivers.Add(new ActionGroupEmailReceiverArgs
                {
                    Name = string.Create(CultureInfo.InvariantCulture, $"email-{i}"),
                    EmailAddress = args.AlertEmails[i],
                    UseCommonAlertSchema = true,
                });
            foreach (var (key, value) in args.Tags)
                group.Tags.Add(key, value);
            actionGroupId = new ActionGroup($"{name}-actions", group, child).Id;
        }

        if (alerts.ResponseTimeStatistic is ResponseTimeStatistics.P95 or ResponseTimeStatistics.P99 && args.LoadBalancerId is not null
            && args.Layer == LoadBalancerLayers.Application)
            Log.Warn($"AzureServiceMonitoring \"{name}\": Azure metric alerts have no percentiles, so the {alerts.ResponseTimeStatistic} response-time alert " +
                "uses the Maximum, which also fires on a single slow request; set alerts.responseTimeStatistic to average if that is too noisy", this);

        // AlertSpec allows windows up to one day, so a window always exists.
        var window = AzureDurations.AlertWindowFor(alerts.PeriodSeconds * alerts.EvaluationPeriods)!.Value;
        var frequency = AzureDurations.AlertFrequencyFor(alerts.PeriodSeconds, window);
        var alertResources = new List<MetricAlert>();

        MetricAlert Alert(string role, string description, int severity, Input<string> scope, MetricAlertCriteriaArgs criteria)
        {
            var alert = new MetricAlertArgs
            {
                ResourceGroupName = resourceGroup,
                Description = description,
                Severity = severity,
                Scopes = { scope },
                Criterias = { criteria },
                Frequency = AzureDurations.Format(frequency),
                WindowSize = AzureDurations.Format(window),
                // Resolve the alert (and notify) when the metric recovers, like an AWS OK action.
                AutoMitigate = true,
                Enabled = true,
            };
            if (actionGroupId is not null)
                alert.Actions.Add(new MetricAlertActionArgs { ActionGroupId = actionGroupId });
            foreach (var (key, value) in args.Tags)
                alert.Tags.Add(key, value);
            var resource = new MetricAlert($"{name}-{role}", alert, child);
            alertResources.Add(resource);
            return resource;
        }

        if (args.LoadBalancerId is { } balancer)
        {
            var metricsNamespace = AzureMetricMapping.LoadBalancerMetricsNamespace(args.Layer);
            if (args.Layer == LoadBalancerLayers.Application)
            {
                Alert("unhealthy-backends", $"{name}: more than {alerts.UnhealthyHosts} unhealthy backends behind the Application Gateway; check the instances' health endpoint and logs",
                    1, balancer, new MetricAlertCriteriaArgs
                    {
                        MetricNamespace = metricsNamespace,
                        MetricName = "UnhealthyHostCount",
                        Aggregation = "Maximum",
                        Operator = "GreaterThan",
                        Threshold = alerts.UnhealthyHosts,
                    });

                // No division in metric alerts: the rate becomes a count of the typical traffic.
                var windowMinutes = window / 60.0;
                var errorCount = Math.Ceiling(alerts.ServerErrorRatePercent / 100 * args.TypicalRequestsPerMinute!.Value * windowMinutes);
                var errors = new MetricAlertCriteriaArgs
                {
                    MetricNamespace = metricsNamespace,
                    MetricName = "ResponseStatus",
                    Aggregation = "Total",
                    Operator = "GreaterThan",
                    Threshold = errorCount,
                };
                errors.Dimensions.Add(new MetricAlertCriteriaDimensionArgs { Name = "HttpStatusGroup", Operator = "Include", Values = { "5xx" } });
                Alert("server-errors", $"{name}: more than {Show(errorCount)} 5xx responses in {Show(windowMinutes)} min " +
                    $"({Show(alerts.ServerErrorRatePercent)} % of {args.TypicalRequestsPerMinute} requests per minute)", 1, balancer, errors);

                Alert("response-time", $"{name}: backend response time ({AzureMetricMapping.ResponseTimeAggregation(alerts.ResponseTimeStatistic)}) above {Show(alerts.ResponseTimeSeconds)} s",
                    2, balancer, new MetricAlertCriteriaArgs
                    {
                        MetricNamespace = metricsNamespace,
                        MetricName = "BackendLastByteResponseTime",
                        Aggregation = AzureMetricMapping.ResponseTimeAggregation(alerts.ResponseTimeStatistic),
                        Operator = "GreaterThan",
                        // The metric is in milliseconds.
                        Threshold = alerts.ResponseTimeSeconds * 1000,
                    });
            }
            else
                Alert("unhealthy-backends", $"{name}: a backend of the load balancer fails its health probe; check the instances' health endpoint and logs",
                    1, balancer, new MetricAlertCriteriaArgs
                    {
                        MetricNamespace = metricsNamespace,
                        // Health probe status: the percentage of backends answering the probe.
                        MetricName = "DipAvailability",
                        Aggregation = "Average",
                        Operator = "LessThan",
                        Threshold = 100,
                    });
        }

        if (args.AutoscaleSettingId is { } autoscale && args.ScaleSetMaxSize is { } maxSize && alerts.AtMaxCapacity)
            Alert("at-max-capacity", $"{name}: the scale set has run at its maximum size of {maxSize}; demand may exceed capacity, raise scaling.maxSize",
                2, autoscale, new MetricAlertCriteriaArgs
                {
                    MetricNamespace = AzureMetricMapping.AutoscaleNamespace,
                    MetricName = "ObservedCapacity",
                    // The minimum over the window reaching the maximum means the set was full all of it.
                    Aggregation = "Minimum",
                    Operator = "GreaterThanOrEqual",
                    Threshold = maxSize,
                });

        var dashboard = new PortalDashboard($"{name}-dashboard", DashboardFor(args, name), child);

        ActionGroupId = actionGroupId?.ToOutput() ?? Output.Create("");
        _alertIds = Output.All(alertResources.Select(alert => alert.Id));
        DashboardId = dashboard.Id;
        AlertIds = _alertIds.Apply(value => new StringList(value));
        RegisterOutputs();
    }

    private static PortalDashboardArgs DashboardFor(AzureServiceMonitoringArgs args, string name)
    {
        var hasBalancer = args.LoadBalancerId is not null;
        var hasScaleSet = args.ScaleSetId is not null;
        var hasAutoscale = args.AutoscaleSettingId is not null;
        var subjects = Output.Tuple(
                args.LoadBalancerId?.ToOutput() ?? Output.Create(""),
                args.ScaleSetId?.ToOutput() ?? Output.Create(""),
                args.AutoscaleSettingId?.ToOutput() ?? Output.Create(""))
            .Apply(ids => new AzureDashboardSubjects(
                hasBalancer ? ids.Item1 : null,
                hasScaleSet ? ids.Item2 : null,
                hasAutoscale ? ids.Item3 : null));
        var dashboard = new PortalDashboardArgs
        {
            Name = args.DashboardName ?? name,
            ResourceGroupName = args.ResourceGroupName!,
            Location = args.Location,
            DashboardProperties = Output.JsonSerialize(subjects.Apply(s => AzureDashboardBody.For(s, args.Layer, args.Alerts))),
        };
        foreach (var (key, value) in args.Tags)
            dashboard.Tags.Add(key, value);
        return dashboard;
    }

    private static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
