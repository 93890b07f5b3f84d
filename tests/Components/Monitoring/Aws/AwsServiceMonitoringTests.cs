using System.Text.Json;
using Infra.Components.LoadBalancing;
using Infra.Components.Monitoring;
using Infra.Components.Monitoring.Aws;
using Infra.Tests.Harness;
using Pulumi;
using Xunit;

namespace Infra.Tests.Components.Monitoring.Aws;

[Collection(Infra.Tests.Sdk.EngineCollection.Name)]
public sealed class AwsServiceMonitoringTests
{
    private const string Component = "infra:monitoring:AwsServiceMonitoring";
    private const string Alarm = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private const string Dashboard = "aws:cloudwatch/dashboard:Dashboard";
    private const string LoadBalancerSuffix = "app/web-alb/example000000000";
    private const string ApiTargetGroup = "targetgroup/web-tg-api/example000000000";
    private const string StaticTargetGroup = "targetgroup/web-tg-static/0a1b2c3d4e5f6a7b";
    private const string Topic = "arn:aws:sns:us-east-1:000000000000:oncall";

    /// <summary>A service behind one ALB with two pools and a group of at most 6 instances, alarms to on-call.</summary>
    private static AwsServiceMonitoringArgs ServiceArgs() => new()
    {
        LoadBalancerArnSuffix = LoadBalancerSuffix,
        TargetGroupArnSuffixes = { ["api"] = ApiTargetGroup, ["static"] = StaticTargetGroup },
        AutoscalingGroupName = "web-asg",
        AutoscalingGroupMaxSize = 6,
        AlarmTopicArn = Topic,
    };

    private static Task<TestRun> Run(AwsServiceMonitoringArgs args, bool preview = false)
        => PulumiTest.RunAsync(() => new AwsServiceMonitoring("web", args), preview);

    private static Task<string> Failure(AwsServiceMonitoringArgs args)
        => PulumiTest.FailureAsync(() => new AwsServiceMonitoring("web", args));

    private static JsonElement DashboardBody(TestRun run)
    {
        var body = Assert.IsType<string>(run.Single(Dashboard, "web-dashboard").Input("dashboardBody"));
        return JsonDocument.Parse(body).RootElement;
    }

    private static JsonElement[] Widgets(TestRun run) => [.. DashboardBody(run).GetProperty("widgets").EnumerateArray()];

    private static JsonElement Widget(TestRun run, string title)
        => Widgets(run).Single(w => w.GetProperty("properties").GetProperty("title").GetString() == title);

    private static string[][] Metrics(JsonElement widget)
        => [.. widget.GetProperty("properties").GetProperty("metrics").EnumerateArray()
            .Select(m => m.EnumerateArray().Select(part => part.GetString()!).ToArray())];

    // ---- shape -------------------------------------------------------------------------------

    [Fact]
    public async Task Creates_an_unhealthy_hosts_alarm_per_pool_error_rate_response_time_and_at_max_alarms_and_one_dashboard()
    {
        var run = await Run(ServiceArgs());

        Assert.Equal(1, run.Count(Component));
        Assert.Equal(5, run.Count(Alarm));
        Assert.Equal(1, run.Count(Dashboard));
        string[] names = ["web-unhealthy-hosts-api", "web-unhealthy-hosts-static", "web-server-errors", "web-response-time", "web-at-max-capacity"];
        Assert.Equal(names.Order(StringComparer.Ordinal), run.OfType(Alarm).Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.All(run.OfType(Alarm).Add(run.Single(Dashboard, "web-dashboard")), r => Assert.Equal(Component, r.ParentType));
    }

    [Fact]
    public async Task Component_outputs_the_dashboard_and_every_alarm_arn()
    {
        var run = await Run(ServiceArgs());
        var monitoring = run.Object<AwsServiceMonitoring>("web");

        Assert.Equal("web", await TestRun.ValueAsync(monitoring.DashboardName));
        var arns = await TestRun.ValueAsync(monitoring.AlarmArnsArray());
        Assert.Equal(5, arns.Length);
        Assert.Contains("arn:aws:cloudwatch:us-east-1:000000000000:web-server-errors", arns);
    }

    [Fact]
    public async Task Construction_completes_in_preview()
    {
        var run = await Run(ServiceArgs(), preview: true);

        Assert.Equal(5, run.Count(Alarm));
        Assert.Equal("web", run.Single(Dashboard, "web-dashboard").Input("dashboardName"));
    }

    // ---- alarms ------------------------------------------------------------------------------

    [Fact]
    public async Task Unhealthy_hosts_alarm_watches_each_target_group_on_its_load_balancer()
    {
        var run = await Run(ServiceArgs());

        foreach (var (key, suffix) in new[] { ("api", ApiTargetGroup), ("static", StaticTargetGroup) })
        {
            var alarm = run.Single(Alarm, $"web-unhealthy-hosts-{key}");
            Assert.Equal("AWS/ApplicationELB", alarm.Input("namespace"));
            Assert.Equal("UnHealthyHostCount", alarm.Input("metricName"));
            Assert.Equal("Maximum", alarm.Input("statistic"));
            Assert.Equal(suffix, alarm.Input("dimensions.TargetGroup"));
            Assert.Equal(LoadBalancerSuffix, alarm.Input("dimensions.LoadBalancer"));
            Assert.Equal("GreaterThanThreshold", alarm.Input("comparisonOperator"));
            Assert.Equal(0, alarm.Number("threshold"));
            Assert.Equal("notBreaching", alarm.Input("treatMissingData"));
        }
    }

    [Fact]
    public async Task Server_error_rate_adds_load_balancer_and_target_5xx_as_a_percentage_of_requests()
    {
        var alarm = (await Run(ServiceArgs())).Single(Alarm, "web-server-errors");

        Assert.Equal("GreaterThanThreshold", alarm.Input("comparisonOperator"));
        Assert.Equal(5, alarm.Number("threshold"));
        Assert.Equal("notBreaching", alarm.Input("treatMissingData"));
        Assert.Null(alarm.Input("metricName"));
        var queries = alarm.List("metricQueries").Cast<IReadOnlyDictionary<string, object?>>().ToDictionary(q => (string)q["id"]!);
        Assert.Equal(new[] { "elb5xx", "rate", "requests", "target5xx" }, queries.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, metricName) in new[] { ("requests", "RequestCount"), ("elb5xx", "HTTPCode_ELB_5XX_Count"), ("target5xx", "HTTPCode_Target_5XX_Count") })
        {
            var metric = (IReadOnlyDictionary<string, object?>)queries[id]["metric"]!;
            Assert.Equal(false, queries[id]["returnData"]);
            Assert.Equal(metricName, metric["metricName"]);
            Assert.Equal("AWS/ApplicationELB", metric["namespace"]);
            Assert.Equal("Sum", metric["stat"]);
            Assert.Equal(60.0, metric["period"]);
            Assert.Equal(LoadBalancerSuffix, ((IReadOnlyDictionary<string, object?>)metric["dimensions"]!)["LoadBalancer"]);
        }
        Assert.Equal(true, queries["rate"]["returnData"]);
        Assert.Equal("IF(requests > 0, 100 * (FILL(elb5xx, 0) + FILL(target5xx, 0)) / requests, 0)", queries["rate"]["expression"]);
    }

    [Fact]
    public async Task Response_time_alarm_watches_the_p95_by_default_and_holds_its_state_through_quiet_minutes()
    {
        var alarm = (await Run(ServiceArgs())).Single(Alarm, "web-response-time");

        Assert.Equal("TargetResponseTime", alarm.Input("metricName"));
        Assert.Equal(LoadBalancerSuffix, alarm.Input("dimensions.LoadBalancer"));
        Assert.Equal("p95", alarm.Input("extendedStatistic"));
        Assert.Null(alarm.Input("statistic"));
        Assert.Equal(1, alarm.Number("threshold"));
        Assert.Equal("ignore", alarm.Input("treatMissingData"));
    }

    [Fact]
    public async Task Average_response_time_uses_the_plain_statistic()
    {
        var args = ServiceArgs();
        args.Alerts.ResponseTimeStatistic = ResponseTimeStatistics.Average;
        args.Alerts.ResponseTimeSeconds = 0.25;
        var alarm = (await Run(args)).Single(Alarm, "web-response-time");

        Assert.Equal("Average", alarm.Input("statistic"));
        Assert.Null(alarm.Input("extendedStatistic"));
        Assert.Equal(0.25, alarm.Number("threshold"));
    }

    [Fact]
    public async Task At_max_capacity_alarm_fires_when_in_service_instances_stay_at_the_maximum()
    {
        var alarm = (await Run(ServiceArgs())).Single(Alarm, "web-at-max-capacity");

        Assert.Equal("AWS/AutoScaling", alarm.Input("namespace"));
        Assert.Equal("GroupInServiceInstances", alarm.Input("metricName"));
        Assert.Equal("web-asg", alarm.Input("dimensions.AutoScalingGroupName"));
        Assert.Equal("Minimum", alarm.Input("statistic"));
        Assert.Equal("GreaterThanOrEqualToThreshold", alarm.Input("comparisonOperator"));
        Assert.Equal(6, alarm.Number("threshold"));
        Assert.Equal("missing", alarm.Input("treatMissingData"));
    }

    [Fact]
    public async Task Every_alarm_and_its_recovery_go_to_the_topic()
    {
        var run = await Run(ServiceArgs());

        Assert.All(run.OfType(Alarm), alarm =>
        {
            Assert.Equal(new object?[] { Topic }, alarm.List("alarmActions"));
            Assert.Equal(new object?[] { Topic }, alarm.List("okActions"));
        });
    }

    [Fact]
    public async Task Without_a_topic_alarms_only_change_state()
    {
        var args = ServiceArgs();
        args.AlarmTopicArn = null;
        var run = await Run(args);

        Assert.All(run.OfType(Alarm), alarm =>
        {
            Assert.Empty(alarm.List("alarmActions"));
            Assert.Empty(alarm.List("okActions"));
        });
    }

    [Fact]
    public async Task Thresholds_and_windows_come_from_the_alert_spec()
    {
        var args = ServiceArgs();
        args.Alerts = new AlertSpec
        {
            ServerErrorRatePercent = 1.5,
            ResponseTimeSeconds = 2,
            ResponseTimeStatistic = ResponseTimeStatistics.P99,
            UnhealthyHosts = 1,
            PeriodSeconds = 300,
            EvaluationPeriods = 2,
        };
        var run = await Run(args);

        Assert.Equal(1.5, run.Single(Alarm, "web-server-errors").Number("threshold"));
        Assert.Equal(300.0, run.Single(Alarm, "web-server-errors").Input("metricQueries[0].metric.period"));
        Assert.Equal(2, run.Single(Alarm, "web-response-time").Number("threshold"));
        Assert.Equal("p99", run.Single(Alarm, "web-response-time").Input("extendedStatistic"));
        Assert.Equal(1, run.Single(Alarm, "web-unhealthy-hosts-api").Number("threshold"));
        Assert.All(run.OfType(Alarm), alarm => Assert.Equal(2, alarm.Number("evaluationPeriods")));
        Assert.All(run.OfType(Alarm).Where(a => a.Name != "web-server-errors"), alarm => Assert.Equal(300, alarm.Number("period")));
    }

    [Fact]
    public async Task At_max_capacity_alarm_can_be_turned_off()
    {
        var args = ServiceArgs();
        args.Alerts.AtMaxCapacity = false;
        args.AutoscalingGroupMaxSize = null;
        var run = await Run(args);

        Assert.Null(run.Plan.Find(Alarm, "web-at-max-capacity"));
        Assert.Equal(4, run.Count(Alarm));
    }

    [Fact]
    public async Task A_network_load_balancer_gets_host_health_alarms_but_no_http_alarms()
    {
        var args = ServiceArgs();
        args.Layer = LoadBalancerLayers.Network;
        var run = await Run(args);

        Assert.Equal("AWS/NetworkELB", run.Single(Alarm, "web-unhealthy-hosts-api").Input("namespace"));
        Assert.Null(run.Plan.Find(Alarm, "web-server-errors"));
        Assert.Null(run.Plan.Find(Alarm, "web-response-time"));
        Assert.Equal(3, run.Count(Alarm));
        Assert.DoesNotContain(Widgets(run), w => w.GetProperty("properties").GetProperty("title").GetString() == "Requests and server errors");
    }

    [Fact]
    public async Task A_group_without_a_load_balancer_gets_only_the_group_alarm_and_widgets()
    {
        var args = new AwsServiceMonitoringArgs { AutoscalingGroupName = "worker-asg", AutoscalingGroupMaxSize = 10 };
        var run = await Run(args);

        Assert.Equal("web-at-max-capacity", Assert.Single(run.OfType(Alarm)).Name);
        Assert.Equal(new[] { "Instances", "CPU utilisation (%)", "Alarms" },
            Widgets(run).Select(w => w.GetProperty("properties").GetProperty("title").GetString()));
    }

    // ---- dashboard ---------------------------------------------------------------------------

    [Fact]
    public async Task Dashboard_is_named_after_the_component_unless_named()
    {
        var args = ServiceArgs();
        var named = ServiceArgs();
        named.DashboardName = "checkout-prod";

        Assert.Equal("web", (await Run(args)).Single(Dashboard, "web-dashboard").Input("dashboardName"));
        Assert.Equal("checkout-prod", (await Run(named)).Single(Dashboard, "web-dashboard").Input("dashboardName"));
    }

    [Fact]
    public async Task Dashboard_shows_traffic_latency_pool_health_group_size_and_alarm_state()
    {
        var run = await Run(ServiceArgs());

        Assert.Equal(
            new[] { "Requests and server errors", "Target response time (s)", "Hosts in pool api", "Hosts in pool static", "Instances", "CPU utilisation (%)", "Alarms" },
            Widgets(run).Select(w => w.GetProperty("properties").GetProperty("title").GetString()));
        Assert.All(Widgets(run).Where(w => w.GetProperty("type").GetString() == "metric"),
            w => Assert.Equal("us-east-1", w.GetProperty("properties").GetProperty("region").GetString()));
    }

    [Fact]
    public async Task Dashboard_metrics_use_the_load_balancer_target_group_and_group_identifiers()
    {
        var run = await Run(ServiceArgs());

        Assert.Equal(
            new[]
            {
                new[] { "AWS/ApplicationELB", "RequestCount", "LoadBalancer", LoadBalancerSuffix },
                ["AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "LoadBalancer", LoadBalancerSuffix],
                ["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "LoadBalancer", LoadBalancerSuffix],
            },
            Metrics(Widget(run, "Requests and server errors")));
        Assert.Equal(
            new[]
            {
                new[] { "AWS/ApplicationELB", "HealthyHostCount", "TargetGroup", StaticTargetGroup, "LoadBalancer", LoadBalancerSuffix },
                ["AWS/ApplicationELB", "UnHealthyHostCount", "TargetGroup", StaticTargetGroup, "LoadBalancer", LoadBalancerSuffix],
            },
            Metrics(Widget(run, "Hosts in pool static")));
        Assert.Equal(
            new[] { "AWS/AutoScaling", "GroupInServiceInstances", "AutoScalingGroupName", "web-asg" },
            Metrics(Widget(run, "Instances"))[0]);
        Assert.Equal(
            new[] { "AWS/EC2", "CPUUtilization", "AutoScalingGroupName", "web-asg" },
            Assert.Single(Metrics(Widget(run, "CPU utilisation (%)"))));
    }

    [Fact]
    public async Task Response_time_widget_uses_the_alarm_statistic_and_marks_the_threshold()
    {
        var properties = Widget(await Run(ServiceArgs()), "Target response time (s)").GetProperty("properties");

        Assert.Equal("p95", properties.GetProperty("stat").GetString());
        Assert.Equal(1, properties.GetProperty("annotations").GetProperty("horizontal")[0].GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Alarm_widget_lists_every_alarm_of_the_service()
    {
        var run = await Run(ServiceArgs());

        var alarms = Widget(run, "Alarms").GetProperty("properties").GetProperty("alarms").EnumerateArray().Select(a => a.GetString()).ToArray();
        Assert.Equal(
            run.OfType(Alarm).Select(a => $"arn:aws:cloudwatch:us-east-1:000000000000:{a.Name}").Order(StringComparer.Ordinal),
            alarms.Order(StringComparer.Ordinal));
    }

    // ---- refusals ----------------------------------------------------------------------------

    [Fact]
    public async Task Target_groups_without_their_load_balancer_are_refused_with_the_fix()
    {
        var args = ServiceArgs();
        args.LoadBalancerArnSuffix = null;

        var error = await Failure(args);

        Assert.Contains("AwsServiceMonitoring \"web\" has 1 problem", error);
        Assert.Contains("loadBalancerArnSuffix = (not set): CloudWatch reports target-group health per load balancer and target group", error);
        Assert.Contains("AwsLoadBalancer.ArnSuffix", error);
    }

    [Fact]
    public async Task Monitoring_nothing_is_refused()
    {
        var error = await Failure(new AwsServiceMonitoringArgs());

        Assert.Contains("loadBalancerArnSuffix = (not set): nothing to monitor; set loadBalancerArnSuffix, autoscalingGroupName or both", error);
    }

    [Fact]
    public async Task A_group_without_its_maximum_size_is_refused_while_the_at_max_alarm_is_on()
    {
        var args = ServiceArgs();
        args.AutoscalingGroupMaxSize = null;

        var error = await Failure(args);

        Assert.Contains("autoscalingGroupMaxSize = (not set)", error);
        Assert.Contains("pass scaling.maxSize or turn alerts.atMaxCapacity off", error);
    }

    [Fact]
    public async Task A_maximum_size_without_a_group_is_refused()
    {
        var args = ServiceArgs();
        args.AutoscalingGroupName = null;

        var error = await Failure(args);

        Assert.Contains("autoscalingGroupName = (not set): a maximum size without a group watches nothing", error);
    }

    [Fact]
    public async Task Bad_layer_pool_key_and_dashboard_name_are_refused_together()
    {
        var args = ServiceArgs();
        args.Layer = "gateway";
        args.TargetGroupArnSuffixes["bad key"] = ApiTargetGroup;
        args.DashboardName = "checkout prod";

        var error = await Failure(args);

        Assert.Contains("has 3 problems", error);
        Assert.Contains("layer = \"gateway\": use one of application, network", error);
        Assert.Contains("targetGroupArnSuffixes.bad key = \"bad key\": use a key of letters, digits and dashes", error);
        Assert.Contains("dashboardName = \"checkout prod\": CloudWatch dashboard names hold 1 to 255 letters, digits, '-' and '_'", error);
    }

    [Fact]
    public async Task Alert_spec_problems_are_all_reported_under_alerts()
    {
        var args = ServiceArgs();
        args.Alerts = new AlertSpec
        {
            ServerErrorRatePercent = 0,
            ResponseTimeSeconds = -1,
            ResponseTimeStatistic = "median",
            UnhealthyHosts = -1,
            PeriodSeconds = 45,
            EvaluationPeriods = 0,
        };

        var error = await Failure(args);

        Assert.Contains("has 6 problems", error);
        Assert.Contains("alerts.serverErrorRatePercent = 0: use a percentage above 0 and up to 100", error);
        Assert.Contains("alerts.responseTimeSeconds = -1: use a time above 0 seconds", error);
        Assert.Contains("alerts.responseTimeStatistic = \"median\": use one of p95, p99, average", error);
        Assert.Contains("alerts.unhealthyHosts = -1", error);
        Assert.Contains("alerts.periodSeconds = 45: use 60 or a multiple of 60", error);
        Assert.Contains("alerts.evaluationPeriods = 0: use at least 1 period", error);
    }

    [Fact]
    public async Task An_evaluation_window_longer_than_a_day_is_refused()
    {
        var args = ServiceArgs();
        args.Alerts.PeriodSeconds = 3600;
        args.Alerts.EvaluationPeriods = 25;

        var error = await Failure(args);

        Assert.Contains("alerts.evaluationPeriods = 25: periodSeconds × evaluationPeriods (90000 s) exceeds one day", error);
    }

    [Fact]
    public async Task A_refused_spec_creates_no_alarms_or_dashboard()
    {
        var created = new List<string>();
        var options = new ComponentResourceOptions
        {
            ResourceTransformations = { a => { lock (created) created.Add(a.Resource.GetResourceName()); return null; } },
        };

        await PulumiTest.FailureAsync(() => new AwsServiceMonitoring("web", new AwsServiceMonitoringArgs(), options));

        Assert.Equal(new[] { "web" }, created);
    }

    [Fact]
    public void Alert_spec_defaults_pass_validation()
    {
        Assert.Empty(new AlertSpec().FindProblems("alerts"));
    }
}
