using System.Text.Json;
using Infra.Components.LoadBalancing;
using Infra.Components.Monitoring;
using Infra.Components.Monitoring.Azure;
using Infra.Tests.Harness;
using Xunit;
using static Infra.Tests.Components.Monitoring.Azure.AzureServiceMonitoringSpecs;

namespace Infra.Tests.Components.Monitoring.Azure;

[Collection(Infra.Tests.Sdk.EngineCollection.Name)]
public sealed class AzureServiceMonitoringTests
{
    private const string Component = "infra:monitoring:AzureServiceMonitoring";
    private const string Alert = "azure:monitoring/metricAlert:MetricAlert";
    private const string ActionGroup = "azure:monitoring/actionGroup:ActionGroup";
    private const string Dashboard = "azure:portal/portalDashboard:PortalDashboard";
    private const string ActionGroupIdOfMock = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/monitoring/web-actions";

    private static Task<TestRun> Run(AzureServiceMonitoringArgs args, bool preview = false)
        => PulumiTest.RunAsync(() => new AzureServiceMonitoring("web", args), preview);

    private static Task<string> Failure(AzureServiceMonitoringArgs args, string name = "web")
        => PulumiTest.FailureAsync(() => new AzureServiceMonitoring(name, args));

    private static JsonElement DashboardJson(TestRun run)
        => JsonDocument.Parse(Assert.IsType<string>(run.Single(Dashboard, "web-dashboard").Input("dashboardProperties"))).RootElement;

    private static List<(string Metric, string Namespace, string ResourceId, int Aggregation)> Tiles(JsonElement dashboard)
        => dashboard.GetProperty("lenses").GetProperty("0").GetProperty("parts").EnumerateObject()
            .SelectMany(part => part.Value.GetProperty("metadata").GetProperty("inputs")[0].GetProperty("value").GetProperty("chart").GetProperty("metrics").EnumerateArray())
            .Select(m => (m.GetProperty("name").GetString()!, m.GetProperty("namespace").GetString()!,
                m.GetProperty("resourceMetadata").GetProperty("id").GetString()!, m.GetProperty("aggregationType").GetInt32()))
            .ToList();

    // ---- shape -------------------------------------------------------------------------------

    [Fact]
    public async Task Application_layer_gets_an_action_group_four_alerts_and_a_dashboard_parented_to_the_component()
    {
        var run = await Run(Web());

        Assert.Equal(1, run.Count(ActionGroup));
        Assert.Equal(4, run.Count(Alert));
        Assert.Equal(1, run.Count(Dashboard));
        foreach (var (type, name) in new[]
                 {
                     (ActionGroup, "web-actions"), (Alert, "web-unhealthy-backends"), (Alert, "web-server-errors"),
                     (Alert, "web-response-time"), (Alert, "web-at-max-capacity"), (Dashboard, "web-dashboard"),
                 })
        {
            var resource = run.Single(type, name);
            Assert.Equal(Component, resource.ParentType);
            Assert.Equal("web", resource.ParentName);
        }
    }

    [Fact]
    public async Task Outputs_give_the_action_group_every_alert_and_the_dashboard()
    {
        var run = await Run(Web());
        var component = run.Object<AzureServiceMonitoring>("web");

        Assert.Equal(ActionGroupIdOfMock, await TestRun.ValueAsync(component.ActionGroupId));
        var ids = await TestRun.ValueAsync(component.AlertIdsArray());
        Assert.Equal(4, ids.Length);
        Assert.All(ids, id => Assert.StartsWith("/subscriptions/", id));
        Assert.EndsWith("/web-dashboard", await TestRun.ValueAsync(component.DashboardId));
    }

    [Fact]
    public async Task Construction_completes_in_preview()
    {
        var run = await Run(Web(), preview: true);

        Assert.Equal(4, run.Count(Alert));
        Assert.Equal(Component, run.Single(Dashboard, "web-dashboard").ParentType);
    }

    // ---- action group ------------------------------------------------------------------------

    [Fact]
    public async Task The_action_group_emails_each_address_under_a_short_name_of_at_most_12_characters()
    {
        var args = Web();
        args.AlertEmails = ["oncall@example.com", "team@example.com"];
        var run = await PulumiTest.RunAsync(() => new AzureServiceMonitoring("checkout-service-prod", args));
        var group = run.Single(ActionGroup, "checkout-service-prod-actions");

        Assert.Equal("checkoutserv", group.Input("shortName"));
        Assert.Equal(2, group.List("emailReceivers").Length);
        Assert.Equal("email-0", group.Input("emailReceivers[0].name"));
        Assert.Equal("oncall@example.com", group.Input("emailReceivers[0].emailAddress"));
        Assert.Equal(true, group.Input("emailReceivers[0].useCommonAlertSchema"));
        Assert.Equal("team@example.com", group.Input("emailReceivers[1].emailAddress"));
    }

    [Fact]
    public async Task Every_alert_notifies_the_action_group()
    {
        var run = await Run(Web());

        Assert.All(run.OfType(Alert), alert => Assert.Equal(ActionGroupIdOfMock, alert.Input("actions[0].actionGroupId")));
    }

    [Fact]
    public async Task An_existing_action_group_is_used_instead_of_creating_one()
    {
        var args = Web();
        args.AlertEmails = [];
        const string Existing = "/subscriptions/0000/resourceGroups/ops/providers/Microsoft.Insights/actionGroups/oncall";
        args.ActionGroupId = Existing;
        var run = await Run(args);

        Assert.Equal(0, run.Count(ActionGroup));
        Assert.All(run.OfType(Alert), alert => Assert.Equal(Existing, alert.Input("actions[0].actionGroupId")));
        Assert.Equal(Existing, await TestRun.ValueAsync(run.Object<AzureServiceMonitoring>("web").ActionGroupId));
    }

    [Fact]
    public async Task Without_recipients_alerts_notify_nobody_and_the_action_group_output_is_empty()
    {
        var args = Web();
        args.AlertEmails = [];
        var run = await Run(args);

        Assert.Equal(0, run.Count(ActionGroup));
        Assert.All(run.OfType(Alert), alert => Assert.Empty(alert.List("actions")));
        Assert.Equal("", await TestRun.ValueAsync(run.Object<AzureServiceMonitoring>("web").ActionGroupId));
    }

    // ---- alerts ------------------------------------------------------------------------------

    [Fact]
    public async Task Unhealthy_backends_alert_on_the_gateways_unhealthy_host_count()
    {
        var args = Web();
        args.Alerts.UnhealthyHosts = 1;
        var alert = (await Run(args)).Single(Alert, "web-unhealthy-backends");

        Assert.Equal(new object?[] { GatewayId }, alert.List("scopes"));
        Assert.Equal("Microsoft.Network/applicationGateways", alert.Input("criterias[0].metricNamespace"));
        Assert.Equal("UnhealthyHostCount", alert.Input("criterias[0].metricName"));
        Assert.Equal("Maximum", alert.Input("criterias[0].aggregation"));
        Assert.Equal("GreaterThan", alert.Input("criterias[0].operator"));
        Assert.Equal(1, alert.Number("criterias[0].threshold"));
        Assert.Equal(1, alert.Number("severity"));
        Assert.Equal(true, alert.Input("autoMitigate"));
        Assert.Equal("rg-web", alert.Input("resourceGroupName"));
    }

    [Fact]
    public async Task Default_three_one_minute_periods_evaluate_every_minute_over_the_next_allowed_window_of_five_minutes()
    {
        var run = await Run(Web());

        Assert.All(run.OfType(Alert), alert =>
        {
            Assert.Equal("PT1M", alert.Input("frequency"));
            Assert.Equal("PT5M", alert.Input("windowSize"));
        });
    }

    [Theory]
    [InlineData(300, 3, "PT5M", "PT15M")]
    [InlineData(600, 6, "PT5M", "PT1H")]
    [InlineData(3600, 6, "PT1H", "PT6H")]
    [InlineData(7200, 12, "PT1H", "P1D")]
    public async Task Periods_map_to_the_longest_allowed_frequency_within_the_period_and_the_shortest_window_that_holds_them(
        int periodSeconds, int evaluationPeriods, string frequency, string window)
    {
        var args = Web();
        args.Alerts.PeriodSeconds = periodSeconds;
        args.Alerts.EvaluationPeriods = evaluationPeriods;
        var alert = (await Run(args)).Single(Alert, "web-unhealthy-backends");

        Assert.Equal(frequency, alert.Input("frequency"));
        Assert.Equal(window, alert.Input("windowSize"));
    }

    [Fact]
    public async Task Server_errors_alert_on_the_5xx_count_the_rate_allows_of_typical_traffic_over_the_window()
    {
        var args = Web();
        args.Alerts.ServerErrorRatePercent = 2;
        var alert = (await Run(args)).Single(Alert, "web-server-errors");

        Assert.Equal("ResponseStatus", alert.Input("criterias[0].metricName"));
        Assert.Equal("Total", alert.Input("criterias[0].aggregation"));
        Assert.Equal("GreaterThan", alert.Input("criterias[0].operator"));
        // 2 % of 600 requests a minute over a 5-minute window.
        Assert.Equal(60, alert.Number("criterias[0].threshold"));
        Assert.Equal("HttpStatusGroup", alert.Input("criterias[0].dimensions[0].name"));
        Assert.Equal("Include", alert.Input("criterias[0].dimensions[0].operator"));
        Assert.Equal(new object?[] { "5xx" }, alert.List("criterias[0].dimensions[0].values"));
        Assert.Contains("600 requests per minute", Assert.IsType<string>(alert.Input("description")));
    }

    [Theory]
    [InlineData(ResponseTimeStatistics.P95, "Maximum")]
    [InlineData(ResponseTimeStatistics.P99, "Maximum")]
    [InlineData(ResponseTimeStatistics.Average, "Average")]
    public async Task Response_time_alerts_on_backend_last_byte_time_in_milliseconds_with_percentiles_as_maximum(string statistic, string aggregation)
    {
        var args = Web();
        args.Alerts.ResponseTimeStatistic = statistic;
        args.Alerts.ResponseTimeSeconds = 0.5;
        var alert = (await Run(args)).Single(Alert, "web-response-time");

        Assert.Equal("BackendLastByteResponseTime", alert.Input("criterias[0].metricName"));
        Assert.Equal(aggregation, alert.Input("criterias[0].aggregation"));
        Assert.Equal(500, alert.Number("criterias[0].threshold"));
        Assert.Equal(2, alert.Number("severity"));
    }

    [Fact]
    public async Task At_max_capacity_alerts_when_observed_capacity_stays_at_the_maximum()
    {
        var alert = (await Run(Web())).Single(Alert, "web-at-max-capacity");

        Assert.Equal(new object?[] { AutoscaleId }, alert.List("scopes"));
        Assert.Equal("microsoft.insights/autoscalesettings", alert.Input("criterias[0].metricNamespace"));
        Assert.Equal("ObservedCapacity", alert.Input("criterias[0].metricName"));
        Assert.Equal("Minimum", alert.Input("criterias[0].aggregation"));
        Assert.Equal("GreaterThanOrEqual", alert.Input("criterias[0].operator"));
        Assert.Equal(6, alert.Number("criterias[0].threshold"));
    }

    [Fact]
    public async Task At_max_capacity_can_be_turned_off()
    {
        var args = Web();
        args.Alerts.AtMaxCapacity = false;
        var run = await Run(args);

        Assert.Equal(3, run.Count(Alert));
        Assert.Null(run.Plan.Find(Alert, "web-at-max-capacity"));
    }

    [Fact]
    public async Task Network_layer_gets_a_probe_health_alert_and_no_http_alerts()
    {
        var run = await Run(Web(LoadBalancerLayers.Network));

        Assert.Equal(2, run.Count(Alert));
        var alert = run.Single(Alert, "web-unhealthy-backends");
        Assert.Equal(new object?[] { LoadBalancerId }, alert.List("scopes"));
        Assert.Equal("Microsoft.Network/loadBalancers", alert.Input("criterias[0].metricNamespace"));
        Assert.Equal("DipAvailability", alert.Input("criterias[0].metricName"));
        Assert.Equal("Average", alert.Input("criterias[0].aggregation"));
        Assert.Equal("LessThan", alert.Input("criterias[0].operator"));
        Assert.Equal(100, alert.Number("criterias[0].threshold"));
        Assert.Null(run.Plan.Find(Alert, "web-server-errors"));
        Assert.Null(run.Plan.Find(Alert, "web-response-time"));
    }

    [Fact]
    public async Task Tags_reach_the_action_group_alerts_and_dashboard()
    {
        var args = Web();
        args.Tags = new() { ["team"] = "payments" };
        var run = await Run(args);

        Assert.Equal("payments", run.Single(ActionGroup, "web-actions").Input("tags.team"));
        Assert.All(run.OfType(Alert), alert => Assert.Equal("payments", alert.Input("tags.team")));
        Assert.Equal("payments", run.Single(Dashboard, "web-dashboard").Input("tags.team"));
    }

    // ---- dashboard ---------------------------------------------------------------------------

    [Fact]
    public async Task Dashboard_is_named_and_charts_the_metrics_the_alerts_watch()
    {
        var run = await Run(Web());
        var dashboard = run.Single(Dashboard, "web-dashboard");
        var tiles = Tiles(DashboardJson(run));

        Assert.Equal("web", dashboard.Input("name"));
        Assert.Equal("westeurope", dashboard.Input("location"));
        Assert.Equal("rg-web", dashboard.Input("resourceGroupName"));
        Assert.Equal(
            ["TotalRequests", "ResponseStatus", "BackendLastByteResponseTime", "HealthyHostCount", "UnhealthyHostCount", "Percentage CPU", "ObservedCapacity"],
            tiles.Select(t => t.Metric));
        Assert.Contains(("UnhealthyHostCount", "microsoft.network/applicationgateways", GatewayId, 3), tiles);
        Assert.Contains(("BackendLastByteResponseTime", "microsoft.network/applicationgateways", GatewayId, 3), tiles);
        Assert.Contains(("Percentage CPU", "microsoft.compute/virtualmachinescalesets", ScaleSetId, 4), tiles);
        Assert.Contains(("ObservedCapacity", "microsoft.insights/autoscalesettings", AutoscaleId, 3), tiles);
    }

    [Fact]
    public async Task Dashboard_tiles_are_metric_charts_laid_out_two_per_row()
    {
        var parts = DashboardJson(await Run(Web())).GetProperty("lenses").GetProperty("0").GetProperty("parts");

        Assert.Equal(5, parts.EnumerateObject().Count());
        Assert.Equal("Extension/HubsExtension/PartType/MonitorChartPart", parts.GetProperty("0").GetProperty("metadata").GetProperty("type").GetString());
        Assert.Equal(6, parts.GetProperty("1").GetProperty("position").GetProperty("x").GetInt32());
        Assert.Equal(4, parts.GetProperty("2").GetProperty("position").GetProperty("y").GetInt32());
    }

    [Fact]
    public async Task Network_dashboard_charts_probe_health_and_a_custom_name_is_used()
    {
        var args = Web(LoadBalancerLayers.Network);
        args.DashboardName = "web-network-prod";
        var run = await Run(args);

        Assert.Equal("web-network-prod", run.Single(Dashboard, "web-dashboard").Input("name"));
        Assert.Equal(["DipAvailability", "VipAvailability", "Percentage CPU", "ObservedCapacity"], Tiles(DashboardJson(run)).Select(t => t.Metric));
    }

    // ---- refusals ----------------------------------------------------------------------------

    [Fact]
    public async Task Wiring_problems_are_refused_all_at_once()
    {
        var args = Web();
        args.ResourceGroupName = null;
        args.Location = " ";
        args.TypicalRequestsPerMinute = null;
        args.ScaleSetMaxSize = null;
        args.ActionGroupId = "/subscriptions/0000/actionGroups/oncall";
        args.AlertEmails = ["oncall@example.com", "not-an-address", "ONCALL@example.com"];
        args.DashboardName = "web dashboard!";

        var error = await Failure(args);

        Assert.Contains("AzureServiceMonitoring \"web\" has 8 problems", error);
        Assert.Contains("resourceGroupName = (not set): pass the resource group", error);
        Assert.Contains("location = \" \": name the Azure region", error);
        Assert.Contains("scaleSetMaxSize = (not set): the at-max-capacity alert compares with the set's maximum", error);
        Assert.Contains("typicalRequestsPerMinute = (not set): Azure metric alerts cannot divide 5xx responses by requests", error);
        Assert.Contains("actionGroupId = \"(set)\": alertEmails would create a second action group; pass either alertEmails or actionGroupId", error);
        Assert.Contains("alertEmails = \"not-an-address\": list e-mail addresses", error);
        Assert.Contains("alertEmails = [\"oncall@example.com\",\"not-an-address\",\"ONCALL@example.com\"]: list each address once", error);
        Assert.Contains("dashboardName = \"web dashboard!\": Azure dashboard names hold 1 to 160 letters, digits and '-'", error);
    }

    [Fact]
    public async Task Nothing_to_monitor_and_a_size_without_a_setting_are_refused()
    {
        var args = new AzureServiceMonitoringArgs { ResourceGroupName = "rg", Location = "westeurope", ScaleSetMaxSize = 6 };

        var error = await Failure(args);

        Assert.Contains("has 2 problems", error);
        Assert.Contains("loadBalancerId = (not set): nothing to monitor", error);
        Assert.Contains("autoscaleSettingId = (not set): a maximum size without an autoscale setting watches nothing", error);
    }

    [Fact]
    public async Task A_name_without_letters_or_digits_cannot_give_an_action_group_short_name()
    {
        var args = Web();
        args.DashboardName = "web";

        var error = await Failure(args, name: "---");

        Assert.Contains("alertEmails = [\"oncall@example.com\"]: the action group's short name comes from the component's letters and digits (at most 12)", error);
    }

    [Fact]
    public async Task A_host_count_on_a_standard_load_balancer_is_refused_because_it_reports_a_percentage()
    {
        var args = Web(LoadBalancerLayers.Network);
        args.Alerts.UnhealthyHosts = 2;

        var error = await Failure(args);

        Assert.Contains("has 1 problem", error);
        Assert.Contains("alerts.unhealthyHosts = 2: a Standard Load Balancer reports backend health as a percentage (DipAvailability)", error);
    }

    [Fact]
    public async Task Neutral_alert_problems_come_through_under_alerts()
    {
        var args = Web();
        args.Alerts.PeriodSeconds = 90;

        Assert.Contains("alerts.periodSeconds = 90: use 60 or a multiple of 60", await Failure(args));
    }

    [Fact]
    public void FindAzureProblems_keys_problems_under_the_given_prefix()
    {
        var problems = AzureServiceMonitoringArgs.FindAzureProblems(new AlertSpec { UnhealthyHosts = 1 }, LoadBalancerLayers.Network, "infra:service.alerts").ToList();

        Assert.Equal(["infra:service.alerts.unhealthyHosts"], problems.Select(p => p.Key));
        Assert.Empty(AzureServiceMonitoringArgs.FindAzureProblems(new AlertSpec { UnhealthyHosts = 1 }, LoadBalancerLayers.Application, "alerts"));
    }
}
