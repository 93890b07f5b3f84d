using System.Text.Json;
using Infra.Components.Autoscaling;
using Infra.Components.Autoscaling.Aws;
using Infra.Components.HealthChecks;
using Infra.Components.LoadBalancing;
using Infra.Components.LoadBalancing.Aws;
using Infra.Components.Monitoring.Aws;
using Infra.Components.Networking.Aws;
using Infra.Tests.Harness;
using Pulumi;
using Pulumi.Aws.Ec2;
using Pulumi.Aws.Ec2.Inputs;
using Xunit;

namespace Infra.Tests.Examples;

/// <summary>
/// The example: a public HTTPS service on AWS. A network across two zones, an internet-facing
/// ALB (HTTP redirected to HTTPS), an Auto Scaling group in the private subnets that tracks CPU and
/// forecasts with native predictive scaling, alarms to an on-call topic and one dashboard.
/// </summary>
[Collection(Infra.Tests.Sdk.EngineCollection.Name)]
public sealed class PublicHttpsServiceTests
{
    private const string CertificateArn = "arn:aws:acm:us-east-1:000000000000:certificate/0d1e2f3a-shop";
    private const string OnCallTopicArn = "arn:aws:sns:us-east-1:000000000000:shop-oncall";
    private const int AppPort = 8080;
    private const int MaxInstances = 10;

    private const string Network = "infra:networking:AwsNetwork";
    private const string Balancer = "infra:loadbalancing:AwsLoadBalancer";
    private const string Scaling = "infra:autoscaling:AwsAutoscalingGroup";
    private const string Monitoring = "infra:monitoring:AwsServiceMonitoring";

    // Mock ARNs and suffixes follow RecordingMocks: the resource name, a fixed id.
    private const string AlbSuffix = "app/shop-alb/example000000000";
    private const string TargetGroupSuffix = "targetgroup/shop-tg-web/example000000000";
    private const string TargetGroupArn = "arn:aws:elasticloadbalancing:us-east-1:000000000000:" + TargetGroupSuffix;

    /// <summary>The composition, as a program would write it.</summary>
    private static IDictionary<string, object?> PublicHttpsService()
    {
        var network = new AwsNetwork("shop", new AwsNetworkArgs { AvailabilityZones = ["us-east-1a", "us-east-1b"] });

        // One health check drives the target group and the group's grace period, so they agree.
        var health = new HealthCheckSpec { Path = "/healthz", GracePeriodSeconds = 180 };
        var loadBalancer = new AwsLoadBalancer("shop", new AwsLoadBalancerArgs
        {
            Spec = new LoadBalancerSpec
            {
                Public = true,
                AllowedCidrs = ["0.0.0.0/0"],
                Listeners =
                {
                    ["http"] = new ListenerSpec { Protocol = ListenerProtocols.Http, Port = 80 },
                    ["https"] = new ListenerSpec { Protocol = ListenerProtocols.Https, Port = 443, CertificateId = CertificateArn },
                },
                Pools = { ["web"] = new BackendPoolSpec { Port = AppPort, HealthCheck = health } },
            },
            VpcId = network.VpcId,
            VpcCidrBlock = network.VpcCidrBlock,
            SubnetIds = network.PublicSubnetIdsArray(),
        });
        var web = loadBalancer.TargetGroupsByPool()["web"];

        // Instances take traffic only from the load balancer and reach out only over HTTPS.
        var instances = new SecurityGroup("shop-instances", new SecurityGroupArgs
        {
            VpcId = network.VpcId,
            Description = "shop instances: app port from the load balancer, HTTPS out",
            Ingress = { new SecurityGroupIngressArgs { Protocol = "tcp", FromPort = AppPort, ToPort = AppPort, SecurityGroups = { loadBalancer.SecurityGroupId } } },
            Egress = { new SecurityGroupEgressArgs { Protocol = "tcp", FromPort = 443, ToPort = 443, CidrBlocks = { "0.0.0.0/0" } } },
        });

        var scaling = new ScalingSpec
        {
            MinSize = 2,
            MaxSize = MaxInstances,
            TargetTracking = { ["cpu"] = new TargetTrackingPolicySpec { Metric = ScalingMetrics.Cpu, TargetValue = 50 } },
            Predictive = new PredictiveScalingPolicy { Metric = ScalingMetrics.Cpu, TargetValue = 50 },
        };
        var group = new AwsAutoscalingGroup("shop", new AwsAutoscalingGroupArgs
        {
            Scaling = scaling,
            HealthCheck = health,
            ImageId = "ami-0123456789abcdef0",
            InstanceType = "t3.small",
            UserData = "#!/bin/bash\nsystemctl start shop\n",
            SubnetIds = network.PrivateSubnetIdsArray(),
            SecurityGroupIds = { instances.Id },
            TargetGroupArns = { web.Arn },
            LoadBalancerArnSuffix = loadBalancer.ArnSuffix,
            TargetGroupArnSuffix = web.ArnSuffix,
            Tags = new() { ["service"] = "shop" },
        });

        var monitoring = new AwsServiceMonitoring("shop", new AwsServiceMonitoringArgs
        {
            LoadBalancerArnSuffix = loadBalancer.ArnSuffix,
            TargetGroupArnSuffixes = { ["web"] = web.ArnSuffix },
            AutoscalingGroupName = group.GroupName,
            AutoscalingGroupMaxSize = scaling.MaxSize,
            AlarmTopicArn = OnCallTopicArn,
        });

        return new Dictionary<string, object?>
        {
            ["url"] = Output.Format($"https://{loadBalancer.DnsName}"),
            ["dashboard"] = monitoring.DashboardName,
        };
    }

    private static Task<TestRun> Plan(bool preview = false) => PulumiTest.RunAsync(PublicHttpsService, preview);

    [Fact]
    public async Task The_four_components_sit_at_the_top_of_the_tree()
    {
        var run = await Plan();

        var components = run.Resources.Where(r => !r.Custom && r.Package == "infra").ToArray();
        Assert.Equal(new[] { Scaling, Balancer, Monitoring, Network }, components.Select(c => c.Type).Order(StringComparer.Ordinal));
        Assert.All(components, c => Assert.Null(c.Parent));
        Assert.All(components, c => Assert.Equal("shop", c.Name));
    }

    [Fact]
    public async Task Every_aws_resource_but_the_instance_security_group_belongs_to_a_component()
    {
        var run = await Plan();

        var orphans = run.Resources.Where(r => r.Custom && r.Package == "aws" && r.Parent is null).Select(r => r.Key);
        Assert.Equal(new[] { "aws:ec2/securityGroup:SecurityGroup::shop-instances" }, orphans);
    }

    [Fact]
    public async Task Each_component_owns_the_resource_types_of_its_concern()
    {
        var run = await Plan();

        Dictionary<string, int> Children(string componentType) => run.Resources
            .Where(r => r.ParentType == componentType)
            .GroupBy(r => r.Type)
            .ToDictionary(g => g.Key, g => g.Count());

        var scaling = Children(Scaling);
        Assert.Equal(new Dictionary<string, int>
        {
            ["aws:ec2/launchTemplate:LaunchTemplate"] = 1,
            ["aws:autoscaling/group:Group"] = 1,
            ["aws:autoscaling/policy:Policy"] = 2,
        }, scaling);

        var monitoring = Children(Monitoring);
        Assert.Equal(new Dictionary<string, int>
        {
            ["aws:cloudwatch/metricAlarm:MetricAlarm"] = 4,
            ["aws:cloudwatch/dashboard:Dashboard"] = 1,
        }, monitoring);

        var balancer = Children(Balancer);
        Assert.Equal(1, balancer["aws:lb/loadBalancer:LoadBalancer"]);
        Assert.Equal(1, balancer["aws:lb/targetGroup:TargetGroup"]);
        Assert.Equal(2, balancer["aws:lb/listener:Listener"]);
        Assert.Equal(1, balancer["aws:ec2/securityGroup:SecurityGroup"]);

        var network = Children(Network);
        Assert.Equal(1, network["aws:ec2/vpc:Vpc"]);
        Assert.Equal(4, network["aws:ec2/subnet:Subnet"]);
        Assert.Equal(1, network["aws:ec2/internetGateway:InternetGateway"]);
        Assert.Equal(2, network["aws:ec2/natGateway:NatGateway"]);
    }

    [Fact]
    public async Task The_group_runs_in_the_private_subnets_behind_the_target_group_with_its_health_check()
    {
        var run = await Plan();
        var group = run.Single("aws:autoscaling/group:Group", "shop-asg");

        Assert.Equal(new object?[] { "shop-private-us-east-1a-id", "shop-private-us-east-1b-id" }, group.List("vpcZoneIdentifiers"));
        Assert.Equal(new object?[] { TargetGroupArn }, group.List("targetGroupArns"));
        Assert.Equal("ELB", group.Input("healthCheckType"));
        Assert.Equal(180, group.Number("healthCheckGracePeriod"));
        Assert.Equal(2, group.Number("minSize"));
        Assert.Equal(MaxInstances, group.Number("maxSize"));
        Assert.False(group.Inputs.ContainsKey("desiredCapacity"));

        var targetGroup = run.Single("aws:lb/targetGroup:TargetGroup", "shop-tg-web");
        Assert.Equal("/healthz", targetGroup.Input("healthCheck.path"));
        Assert.Equal(new object?[] { "shop-instances-id" }, run.Single("aws:ec2/launchTemplate:LaunchTemplate", "shop-lt").List("vpcSecurityGroupIds"));
    }

    [Fact]
    public async Task The_load_balancer_faces_the_internet_from_the_public_subnets()
    {
        var run = await Plan();
        var alb = run.Single("aws:lb/loadBalancer:LoadBalancer", "shop-alb");

        Assert.Equal(false, alb.Input("internal"));
        Assert.Equal(new object?[] { "shop-public-us-east-1a-id", "shop-public-us-east-1b-id" }, alb.List("subnets"));
        Assert.Equal("https://shop-alb-example.us-east-1.elb.amazonaws.com", run.Plan.Outputs["url"]);
    }

    [Fact]
    public async Task Instances_admit_only_the_load_balancer_on_the_app_port()
    {
        var run = await Plan();
        var instances = run.Single("aws:ec2/securityGroup:SecurityGroup", "shop-instances");

        var ingress = Assert.Single(instances.List("ingress"));
        var rule = (IReadOnlyDictionary<string, object?>)ingress!;
        Assert.Equal((double)AppPort, rule["fromPort"]);
        Assert.Equal(new object?[] { "shop-sg-id" }, (IEnumerable<object?>)rule["securityGroups"]!);
        Assert.False(rule.ContainsKey("cidrBlocks") && ((IEnumerable<object?>)rule["cidrBlocks"]!).Any());
    }

    [Fact]
    public async Task Cpu_target_tracking_and_forecast_only_predictive_scaling_act_on_the_group()
    {
        var run = await Plan();

        var cpu = run.Single("aws:autoscaling/policy:Policy", "shop-policy-cpu");
        Assert.Equal("shop-asg", cpu.Input("autoscalingGroupName"));
        Assert.Equal("ASGAverageCPUUtilization", cpu.Input("targetTrackingConfiguration.predefinedMetricSpecification.predefinedMetricType"));
        Assert.Equal(50, cpu.Number("targetTrackingConfiguration.targetValue"));

        var predictive = run.Single("aws:autoscaling/policy:Policy", "shop-predictive");
        Assert.Equal("shop-asg", predictive.Input("autoscalingGroupName"));
        Assert.Equal("PredictiveScaling", predictive.Input("policyType"));
        Assert.Equal("ForecastOnly", predictive.Input("predictiveScalingConfiguration.mode"));
        Assert.Equal("ASGCPUUtilization", predictive.Input("predictiveScalingConfiguration.metricSpecification.predefinedMetricPairSpecification.predefinedMetricType"));
    }

    [Fact]
    public async Task Alarms_watch_the_real_load_balancer_target_group_and_group_and_page_on_call()
    {
        var run = await Plan();
        const string alarm = "aws:cloudwatch/metricAlarm:MetricAlarm";

        var unhealthy = run.Single(alarm, "shop-unhealthy-hosts-web");
        Assert.Equal(TargetGroupSuffix, unhealthy.Input("dimensions.TargetGroup"));
        Assert.Equal(AlbSuffix, unhealthy.Input("dimensions.LoadBalancer"));
        Assert.Equal(AlbSuffix, run.Single(alarm, "shop-response-time").Input("dimensions.LoadBalancer"));
        Assert.Equal(AlbSuffix, run.Single(alarm, "shop-server-errors").Input("metricQueries[0].metric.dimensions.LoadBalancer"));
        var full = run.Single(alarm, "shop-at-max-capacity");
        Assert.Equal("shop-asg", full.Input("dimensions.AutoScalingGroupName"));
        Assert.Equal(MaxInstances, full.Number("threshold"));
        Assert.All(run.OfType(alarm), a => Assert.Equal(new object?[] { OnCallTopicArn }, a.List("alarmActions")));
    }

    [Fact]
    public async Task One_dashboard_shows_the_service_by_its_real_identifiers()
    {
        var run = await Plan();
        var dashboard = run.Single("aws:cloudwatch/dashboard:Dashboard", "shop-dashboard");

        var body = JsonDocument.Parse((string)dashboard.Input("dashboardBody")!).RootElement;
        var metrics = body.GetProperty("widgets").EnumerateArray()
            .Where(w => w.GetProperty("type").GetString() == "metric")
            .SelectMany(w => w.GetProperty("properties").GetProperty("metrics").EnumerateArray())
            .SelectMany(m => m.EnumerateArray().Select(part => part.GetString()))
            .ToHashSet();
        Assert.Contains(AlbSuffix, metrics);
        Assert.Contains(TargetGroupSuffix, metrics);
        Assert.Contains("shop-asg", metrics);
        Assert.Equal("shop", run.Plan.Outputs["dashboard"]);
    }

    [Fact]
    public async Task The_service_plans_in_preview_too()
    {
        var run = await Plan(preview: true);

        Assert.Equal(4, run.Resources.Count(r => !r.Custom && r.Package == "infra"));
        Assert.Equal(1, run.Count("aws:autoscaling/group:Group"));
        Assert.Equal(1, run.Count("aws:cloudwatch/dashboard:Dashboard"));
    }
}
