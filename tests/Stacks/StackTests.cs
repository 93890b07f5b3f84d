using Infra.Plan;
using Infra.Tests.Harness;
using Infra.Tests.Sdk;
using Xunit;

namespace Infra.Tests.Stacks;

/// <summary>What each environment's stack file plans, and the guarantees prod must keep.</summary>
[Collection(EngineCollection.Name)]
public sealed class StackTests
{
    private const string Nat = "aws:ec2/natGateway:NatGateway";
    private const string Subnet = "aws:ec2/subnet:Subnet";
    private const string LoadBalancer = "aws:lb/loadBalancer:LoadBalancer";
    private const string Group = "aws:autoscaling/group:Group";
    private const string Policy = "aws:autoscaling/policy:Policy";
    private const string BalancerComponent = "infra:loadbalancing:AwsLoadBalancer";
    private const string Schedule = "aws:autoscaling/schedule:Schedule";

    private static int Count(StackPlan plan, string type) => plan.Resources.Count(r => r.Type == type);

    [Fact]
    public void Dev_staging_and_prod_have_stack_files()
        => Assert.Equal(["azure-dev", "dev", "k8s-staging", "prod", "staging"], StackPlans.Names);

    [Theory]
    //           stack      regions NATs subnets LBs groups policies alarms
    [InlineData("dev", 1, 1, 4, 1, 1, 1, 4)]
    [InlineData("staging", 1, 2, 4, 1, 1, 2, 4)]
    [InlineData("prod", 2, 6, 12, 2, 2, 4, 12)]
    public async Task Each_stack_plans_its_resources_per_type(
        string stack, int regions, int nats, int subnets, int loadBalancers, int groups, int policies, int alarms)
    {
        var plan = await StackPlans.Of(stack);

        Assert.Equal(regions, Count(plan, "pulumi:providers:aws"));
        Assert.Equal(nats, Count(plan, Nat));
        Assert.Equal(subnets, Count(plan, Subnet));
        Assert.Equal(loadBalancers, Count(plan, LoadBalancer));
        Assert.Equal(groups, Count(plan, Group));
        Assert.Equal(policies, Count(plan, Policy));
        Assert.Equal(alarms, Count(plan, "aws:cloudwatch/metricAlarm:MetricAlarm"));
        Assert.Equal(regions, Count(plan, "aws:cloudwatch/dashboard:Dashboard"));
    }

    [Fact]
    public async Task Prod_runs_in_two_regions_each_across_three_zones()
    {
        var plan = await StackPlans.Of("prod");

        var regions = plan.Resources.Where(r => r.Type == "pulumi:providers:aws").Select(r => r.Inputs["region"]).ToList();
        Assert.Equal(["us-east-1", "us-west-2"], regions);
        var zonesPerVpc = plan.Resources.Where(r => r.Type == Subnet).GroupBy(r => r.Inputs["vpcId"]).Select(g => g.Select(s => s.Inputs["availabilityZone"]).Distinct().Count());
        Assert.All(zonesPerVpc, zones => Assert.Equal(3, zones));

        // ACM certificates are regional: each region's HTTPS listener uses that region's certificate.
        var https = plan.Resources.Where(r => r.Type == "aws:lb/listener:Listener" && Equals(r.Inputs["protocol"], "HTTPS"))
            .ToDictionary(r => r.Name, r => (string)r.Inputs["certificateArn"]!);
        Assert.StartsWith("arn:aws:acm:us-east-1:", https["web-us-east-1-listener-https"], StringComparison.Ordinal);
        Assert.StartsWith("arn:aws:acm:us-west-2:", https["web-us-west-2-listener-https"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prod_load_balancers_have_deletion_protection_and_are_protected()
    {
        var plan = await StackPlans.Of("prod");

        Assert.All(plan.Resources.Where(r => r.Type == LoadBalancer), lb => Assert.Equal(true, lb.Inputs["enableDeletionProtection"]));
        Assert.All(plan.Resources.Where(r => r.Type == BalancerComponent), c => Assert.True(c.Protect));
        // Protect reaches every child of the load balancer component.
        Assert.All(plan.Resources.Where(r => r.Parent?.StartsWith(BalancerComponent, StringComparison.Ordinal) == true), r => Assert.True(r.Protect, r.Key));
    }

    [Fact]
    public async Task Prod_keeps_at_least_two_instances_and_acts_on_its_forecast()
    {
        var plan = await StackPlans.Of("prod");

        Assert.All(plan.Resources.Where(r => r.Type == Group), g => Assert.True(g.Number("minSize") >= 2));
        var predictive = plan.Resources.Where(r => r.Type == Policy && Equals(r.Inputs["policyType"], "PredictiveScaling")).ToList();
        Assert.Equal(2, predictive.Count);
        Assert.All(predictive, p => Assert.Equal("ForecastAndScale", p.Input("predictiveScalingConfiguration.mode")));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    public async Task Stacks_without_a_forecast_plan_no_scheduled_actions(string stack)
    {
        var plan = await StackPlans.Of(stack);

        Assert.Equal(0, Count(plan, Schedule));
    }

    [Fact]
    public async Task Prod_groups_in_both_regions_follow_the_same_weekly_schedule_planned_from_the_nasa_trace()
    {
        var plan = await StackPlans.Of("prod");
        var byRegion = plan.Resources.Where(r => r.Type == Schedule)
            .GroupBy(r => r.Parent!)
            .ToDictionary(g => g.Key, g => g.ToDictionary(s => s.Name[(s.Name.IndexOf("-schedule-", StringComparison.Ordinal) + "-schedule-".Length)..]));

        Assert.Equal(["infra:autoscaling:AwsAutoscalingGroup::web-us-east-1", "infra:autoscaling:AwsAutoscalingGroup::web-us-west-2"], byRegion.Keys.Order());
        var east = byRegion["infra:autoscaling:AwsAutoscalingGroup::web-us-east-1"];
        var west = byRegion["infra:autoscaling:AwsAutoscalingGroup::web-us-west-2"];
        // A weekly plan at a one-hour step: a few changes a day, well inside AWS's 125 actions.
        Assert.InRange(east.Count, 10, 125);
        Assert.Equal(east.Keys.Order(), west.Keys.Order());
        foreach (var (key, action) in east)
        {
            Assert.Equal($"forecast-{key}", action.Input("scheduledActionName"));
            Assert.Matches(@"^\d{1,2} \d{1,2} \* \* [0-6,*-]+$", (string)action.Input("recurrence")!);
            Assert.Equal("America/New_York", action.Input("timeZone"));
            Assert.InRange(action.Number("minSize")!.Value, 3, 12);
            Assert.Equal(12, action.Number("maxSize"));
            Assert.Equal(-1, action.Number("desiredCapacity"));
            Assert.Equal((action.Input("recurrence"), action.Number("minSize")), (west[key].Input("recurrence"), west[key].Number("minSize")));
        }
    }

    [Fact]
    public async Task Prod_schedule_raises_capacity_ahead_of_weekday_daytime_load_and_returns_towards_the_floor_at_night()
    {
        var plan = await StackPlans.Of("prod");
        var actions = plan.Resources.Where(r => r.Type == Schedule && r.Parent!.EndsWith("web-us-east-1", StringComparison.Ordinal))
            .Select(a => ((string)a.Input("recurrence")!, (int)a.Number("minSize")!.Value))
            .ToList();
        var week = ScheduledWeek.MinimumsOf(actions, groupMinSize: 3);
        int At(DayOfWeek day, int hour) => week[(int)day * 1440 + hour * 60];

        for (var day = DayOfWeek.Monday; day <= DayOfWeek.Friday; day++)
            Assert.True(At(day, 13) >= At(day, 4) + 4, $"{day}: {At(day, 13)} instances at 13:00, {At(day, 4)} at 04:00");
        Assert.InRange(week.Max(), 10, 12);
        Assert.InRange(week.Min(), 3, 4);
        // Raises on the hourly plan act ten minutes ahead (raiseAheadMinutes), decreases on the hour.
        Assert.Contains(actions, a => a.Item1.StartsWith("50 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Prod_fails_over_from_us_east_1_to_us_west_2_then_to_azure_through_a_chained_name()
    {
        var plan = await StackPlans.Of("prod");

        var records = plan.Resources.Where(r => r.Type == "aws:route53/record:Record").ToDictionary(r => r.Name);
        // Route 53 answers one primary and one secondary per name: www's secondary continues at fallback-1.www.
        Assert.Equal(("www.example.com", "PRIMARY", "us-east-1"), Failover(records["web-edge-record-us-east-1"]));
        Assert.Equal(("www.example.com", "SECONDARY", "us-east-1-fallback"), Failover(records["web-edge-chain-record-1"]));
        Assert.Equal(["fallback-1.www.example.com"], records["web-edge-chain-record-1"].List("records").Cast<string>());
        Assert.Equal(("fallback-1.www.example.com", "PRIMARY", "us-west-2"), Failover(records["web-edge-record-us-west-2"]));
        Assert.Equal(("fallback-1.www.example.com", "SECONDARY", "eastus"), Failover(records["web-edge-record-eastus"]));
        // The Azure endpoint is the Application Gateway's public IP name, so the set is CNAMEs.
        Assert.All(records.Values, r => Assert.Equal("CNAME", r.Inputs["type"]));
        Assert.EndsWith(".eastus.cloudapp.azure.com", (string)records["web-edge-record-eastus"].List("records")[0]!, StringComparison.Ordinal);
        Assert.All(records.Values, r => Assert.True(r.Protect));

        // The drill reads the same plan: each step fails over within 30 s to notice + 60 s TTL.
        var drill = Assert.Single(Infra.Drill.FailoverDrill.Run(plan));
        Assert.Equal(["us-east-1", "us-west-2", "eastus"], drill.Target.Endpoints.Select(e => e.Name));
        Assert.Empty(drill.AvoidableOutages);
        var primaryDown = drill.Scenario("us-east-1");
        Assert.Equal(new[] { "us-west-2" }, primaryDown.Serving.ToArray());
        Assert.Equal(90, primaryDown.FailoverSeconds);
        var awsDown = drill.Scenario("us-east-1", "us-west-2");
        Assert.Equal(new[] { "eastus" }, awsDown.Serving.ToArray());
        Assert.Equal(90, awsDown.FailoverSeconds);
    }

    private static (object?, object?, object?) Failover(PlannedResource record)
        => (record.Inputs["name"], record.Input("failoverRoutingPolicies[0].type"), record.Inputs["setIdentifier"]);

    [Fact]
    public async Task Prod_spans_aws_and_azure_and_its_azure_site_is_built_like_its_aws_ones()
    {
        var plan = await StackPlans.Of("prod");

        Assert.Contains(plan.Resources, r => r.Type.StartsWith("aws:", StringComparison.Ordinal));
        Assert.Single(plan.Resources, r => r.Type == "azure:network/applicationGateway:ApplicationGateway");
        var set = Assert.Single(plan.Resources, r => r.Type == "azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet");
        Assert.Equal(3.0, set.Number("instances"));
        Assert.Equal(["1", "2", "3"], set.List("zones").Cast<string>());
        var autoscale = Assert.Single(plan.Resources, r => r.Type == "azure:monitoring/autoscaleSetting:AutoscaleSetting");
        Assert.Equal((3.0, 12.0), (autoscale.Number("profiles[0].capacity.minimum"), autoscale.Number("profiles[0].capacity.maximum")));
        // The same forecast the AWS groups follow becomes recurring profiles, and native prediction acts on it.
        Assert.True(autoscale.List("profiles").Count() > 1);
        Assert.Equal("Enabled", autoscale.Input("predictive.scaleMode"));
        Assert.Equal(4, plan.Resources.Count(r => r.Type == "azure:monitoring/metricAlert:MetricAlert"));
        // Edge resources are protected on Azure as on AWS.
        Assert.True(Assert.Single(plan.Resources, r => r.Type == "infra:loadbalancing:AzureLoadBalancer").Protect);
    }

    [Fact]
    public async Task The_azure_only_stack_plans_a_gateway_a_scale_set_and_its_alerts_and_nothing_on_aws()
    {
        var plan = await StackPlans.Of("azure-dev");

        Assert.DoesNotContain(plan.Resources, r => r.Type.StartsWith("aws:", StringComparison.Ordinal) || r.Type == "pulumi:providers:aws");
        Assert.Single(plan.Resources, r => r.Type == "pulumi:providers:azure");
        var gateway = Assert.Single(plan.Resources, r => r.Type == "azure:network/applicationGateway:ApplicationGateway");
        Assert.Equal(["1", "2"], gateway.List("zones").Cast<string>());
        var set = Assert.Single(plan.Resources, r => r.Type == "azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet");
        Assert.Equal(("Standard_B1ms", 1.0), (set.Inputs["sku"], set.Number("instances")));
        Assert.DoesNotContain(plan.Resources, r => r.Protect);
        Assert.Equal(["environment", "westeurope:dashboard", "westeurope:url"], plan.Outputs.Keys.Order());
    }

    [Fact]
    public async Task The_kubernetes_stack_runs_each_cluster_behind_istio_rules_and_keda_following_the_forecast()
    {
        var plan = await StackPlans.Of("k8s-staging");

        Assert.Equal(["staging-eu", "staging-us"], plan.Resources.Where(r => r.Type == "pulumi:providers:kubernetes").Select(r => r.Inputs["context"]));
        var rule = plan.Resources.Single(r => r.Name == "web-staging-eu-destinationrule");
        Assert.Equal("LEAST_REQUEST", rule.Input("spec.trafficPolicy.loadBalancer.simple"));
        Assert.Equal((5.0, "30s"), (rule.Number("spec.trafficPolicy.outlierDetection.consecutive5xxErrors"), rule.Input("spec.trafficPolicy.outlierDetection.baseEjectionTime")));
        Assert.Equal((true, "eu-west-1", "eu-central-1"), (rule.Input("spec.trafficPolicy.loadBalancer.localityLbSetting.enabled"),
            rule.Input("spec.trafficPolicy.loadBalancer.localityLbSetting.failover[0].from"), rule.Input("spec.trafficPolicy.loadBalancer.localityLbSetting.failover[0].to")));
        Assert.Null(plan.Resources.Single(r => r.Name == "web-staging-us-destinationrule").Input("spec.trafficPolicy.loadBalancer.localityLbSetting"));
        var routes = plan.Resources.Single(r => r.Name == "web-staging-eu-virtualservice");
        Assert.Equal((2.0, "10s", "connect-failure,refused-stream,reset"),
            (routes.Number("spec.http[0].retries.attempts"), routes.Input("spec.http[0].retries.perTryTimeout"), routes.Input("spec.http[0].retries.retryOn")));
        Assert.Equal("30s", routes.Input("spec.http[0].timeout"));

        // KEDA owns the replicas: cron triggers from the forecast planned from the NASA trace, plus CPU.
        Assert.DoesNotContain(plan.Resources, r => r.Type == "kubernetes:autoscaling/v2:HorizontalPodAutoscaler");
        var scaled = plan.Resources.Single(r => r.Name == "web-staging-eu-scaledobject-web");
        var triggers = scaled.List("spec.triggers").OfType<IReadOnlyDictionary<string, object?>>().ToList();
        Assert.Equal("cpu", triggers[0]["type"]);
        Assert.True(triggers.Count(t => Equals(t["type"], "cron")) >= 5);
        var deployment = plan.Resources.Single(r => r.Name == "web-staging-eu-deployment-web");
        Assert.Null(deployment.Input("spec.replicas"));
        Assert.Equal("/healthz", deployment.Input("spec.template.spec.containers[0].readinessProbe.httpGet.path"));

        // DNS fails over from one cluster's gateway to the other's.
        var drill = Assert.Single(Infra.Drill.FailoverDrill.Run(plan));
        Assert.Equal(new[] { "staging-us" }, drill.Scenario("staging-eu").Serving.ToArray());
    }

    [Fact]
    public async Task Dev_is_cheaper_than_prod()
    {
        var dev = await StackPlans.Of("dev");
        var prod = await StackPlans.Of("prod");

        Assert.True(Count(dev, Nat) < Count(prod, Nat));
        var devInstances = dev.Resources.Where(r => r.Type == Group).Sum(g => g.Number("minSize"));
        var prodInstances = prod.Resources.Where(r => r.Type == Group).Sum(g => g.Number("minSize"));
        Assert.True(devInstances < prodInstances, $"dev runs {devInstances} instances at least, prod {prodInstances}");
        Assert.All(dev.Resources.Where(r => r.Type == LoadBalancer), lb => Assert.Equal(false, lb.Inputs["enableDeletionProtection"]));
        Assert.DoesNotContain(dev.Resources, r => r.Protect);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public async Task A_second_plan_of_the_same_stack_is_identical(string stack)
    {
        var first = await StackPlans.Of(stack);
        var second = await StackPlanner.PlanAsync(RepoPaths.Layout, stack);
        Assert.True(PlanDiff.Between(first, second).IsEmpty, PlanDiff.Between(first, second).Render());
    }
}
