using System.Collections.Immutable;
using System.Text;
using Infra.Components.Autoscaling;
using Infra.Components.Autoscaling.Aws;
using Infra.Tests.Harness;
using Pulumi;
using Xunit;

namespace Infra.Tests.Components.Autoscaling.Aws;

[Collection(Infra.Tests.Sdk.EngineCollection.Name)]
public sealed class AwsAutoscalingGroupTests
{
    private const string Component = "infra:autoscaling:AwsAutoscalingGroup";
    private const string LaunchTemplate = "aws:ec2/launchTemplate:LaunchTemplate";
    private const string Group = "aws:autoscaling/group:Group";
    private const string Policy = "aws:autoscaling/policy:Policy";
    private const string Alarm = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private const string Schedule = "aws:autoscaling/schedule:Schedule";
    private const string LoadBalancerSuffix = "app/web-alb/example000000000";
    private const string TargetGroupSuffix = "targetgroup/web-tg-api/example000000000";

    /// <summary>A group of 2 to 6 instances in two private subnets behind one target group, scaling on CPU.</summary>
    private static AwsAutoscalingGroupArgs WebArgs(Action<ScalingSpec>? scaling = null)
    {
        var spec = new ScalingSpec
        {
            MinSize = 2,
            MaxSize = 6,
            TargetTracking = { ["cpu"] = new TargetTrackingPolicySpec { Metric = ScalingMetrics.Cpu, TargetValue = 50 } },
        };
        scaling?.Invoke(spec);
        return new AwsAutoscalingGroupArgs
        {
            Scaling = spec,
            ImageId = "ami-0123456789abcdef0",
            InstanceType = "t3.small",
            SubnetIds = { "subnet-private-a", "subnet-private-b" },
            SecurityGroupIds = { "sg-instances" },
            TargetGroupArns = { "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web-tg-api/example000000000" },
        };
    }

    /// <summary>New York office hours: at least 5 instances on weekdays from 07:00, 1 from 19:00
    /// (below the group's minimum of 2, which wins).</summary>
    private static ForecastScheduleSpec OfficeHours(int raiseAheadMinutes = 10)
    {
        var schedule = new ForecastScheduleSpec { TimeZone = "America/New_York", RaiseAheadMinutes = raiseAheadMinutes };
        foreach (var day in new[] { "Mon", "Tue", "Wed", "Thu", "Fri" })
        {
            schedule.Entries.Add(new ForecastScheduleEntrySpec { Start = $"{day} 07:00", MinSize = 5 });
            schedule.Entries.Add(new ForecastScheduleEntrySpec { Start = $"{day} 19:00", MinSize = 1 });
        }
        return schedule;
    }

    private static AwsAutoscalingGroupArgs Forecasting(ForecastScheduleSpec schedule, string source = PredictiveScalingPolicy.Both)
        => WebArgs(s => s.Predictive = new PredictiveScalingPolicy { Source = source, Schedule = schedule });

    private static AwsAutoscalingGroupArgs WithLoadBalancer(AwsAutoscalingGroupArgs args)
    {
        args.LoadBalancerArnSuffix = LoadBalancerSuffix;
        args.TargetGroupArnSuffix = TargetGroupSuffix;
        return args;
    }

    /// <summary>The one scheduled action whose identity starts with the time-of-week <paramref name="key"/>.</summary>
    private static Infra.Plan.PlannedResource Action(TestRun run, string key)
        => Assert.Single(run.OfType(Schedule), s => s.Name.StartsWith($"web-schedule-{key}-min", StringComparison.Ordinal));

    private static Task<TestRun> Run(AwsAutoscalingGroupArgs args, bool preview = false)
        => PulumiTest.RunAsync(() => new AwsAutoscalingGroup("web", args), preview);

    private static Task<string> Failure(AwsAutoscalingGroupArgs args)
        => PulumiTest.FailureAsync(() => new AwsAutoscalingGroup("web", args));

    // ---- shape -------------------------------------------------------------------------------

    [Fact]
    public async Task Creates_a_launch_template_a_group_and_a_policy_per_target_tracking_key_all_parented_to_the_component()
    {
        var run = await Run(WebArgs());

        Assert.Equal(1, run.Count(Component));
        Assert.Equal(1, run.Count(LaunchTemplate));
        Assert.Equal(1, run.Count(Group));
        Assert.Equal(1, run.Count(Policy));
        Assert.Equal(0, run.Count(Alarm));
        foreach (var (type, name) in new[] { (LaunchTemplate, "web-lt"), (Group, "web-asg"), (Policy, "web-policy-cpu") })
        {
            var resource = run.Single(type, name);
            Assert.Equal(Component, resource.ParentType);
            Assert.Equal("web", resource.ParentName);
        }
    }

    [Fact]
    public async Task Component_outputs_name_the_group_and_the_launch_template()
    {
        var run = await Run(WebArgs());
        var component = run.Object<AwsAutoscalingGroup>("web");

        Assert.Equal("web-asg", await TestRun.ValueAsync(component.GroupName));
        Assert.Equal("arn:aws:autoscaling:us-east-1:000000000000:web-asg", await TestRun.ValueAsync(component.GroupArn));
        Assert.Equal("web-lt-id", await TestRun.ValueAsync(component.LaunchTemplateId));
    }

    [Fact]
    public async Task Construction_completes_in_preview()
    {
        var args = WithLoadBalancer(WebArgs(s =>
        {
            s.DesiredCapacity = 3;
            s.TargetTracking["requests"] = new TargetTrackingPolicySpec { Metric = ScalingMetrics.RequestsPerTarget, TargetValue = 1000 };
            s.StepScaling["burst"] = new StepScalingPolicySpec { Steps = { new ScalingStepSpec { LowerBound = 0, Adjustment = 2 } } };
            s.Predictive = new PredictiveScalingPolicy();
        }));

        var run = await Run(args, preview: true);

        Assert.Equal(4, run.Count(Policy));
        Assert.Equal(1, run.Count(Alarm));
        Assert.Equal(Component, run.Single(Group, "web-asg").ParentType);
    }

    // ---- launch template ---------------------------------------------------------------------

    [Fact]
    public async Task Launch_template_requires_imdsv2_tokens()
    {
        var template = (await Run(WebArgs())).Single(LaunchTemplate, "web-lt");

        Assert.Equal("required", template.Input("metadataOptions.httpTokens"));
        Assert.Equal("enabled", template.Input("metadataOptions.httpEndpoint"));
    }

    [Fact]
    public async Task Launch_template_encrypts_a_gp3_root_volume_of_the_requested_size()
    {
        var args = WebArgs();
        args.RootVolumeSizeGb = 40;
        var template = (await Run(args)).Single(LaunchTemplate, "web-lt");

        Assert.Single(template.List("blockDeviceMappings"));
        Assert.Equal("/dev/xvda", template.Input("blockDeviceMappings[0].deviceName"));
        Assert.Equal("true", template.Input("blockDeviceMappings[0].ebs.encrypted"));
        Assert.Equal("true", template.Input("blockDeviceMappings[0].ebs.deleteOnTermination"));
        Assert.Equal("gp3", template.Input("blockDeviceMappings[0].ebs.volumeType"));
        Assert.Equal(40, template.Number("blockDeviceMappings[0].ebs.volumeSize"));
    }

    [Fact]
    public async Task Launch_template_carries_the_image_type_security_groups_and_detailed_monitoring()
    {
        var template = (await Run(WebArgs())).Single(LaunchTemplate, "web-lt");

        Assert.Equal("ami-0123456789abcdef0", template.Input("imageId"));
        Assert.Equal("t3.small", template.Input("instanceType"));
        Assert.Equal(new object?[] { "sg-instances" }, template.List("vpcSecurityGroupIds"));
        Assert.Equal(true, template.Input("monitoring.enabled"));
        Assert.Equal(true, template.Input("updateDefaultVersion"));
    }

    [Fact]
    public async Task User_data_is_sent_base64_encoded_as_a_secret()
    {
        var args = WebArgs();
        args.UserData = "#!/bin/bash\necho héllo > /tmp/boot\n";
        var run = await Run(args);

        // The plan shows it as secret, never its text.
        Assert.Equal("[secret]", run.Single(LaunchTemplate, "web-lt").Input("userData"));
        // The mock engine answers with the inputs, so the output carries the encoded text.
        var userData = run.Object<Pulumi.Aws.Ec2.LaunchTemplate>("web-lt").UserData;
        Assert.Equal(args.UserData, Encoding.UTF8.GetString(Convert.FromBase64String((await TestRun.ValueAsync(userData))!)));
    }

    [Fact]
    public async Task Secret_user_data_is_encoded_and_stays_secret()
    {
        var args = WebArgs();
        args.SecretUserData = Output.CreateSecret("#!/bin/bash\necho secret\n");
        var run = await Run(args);

        // The mock engine answers with the inputs, so the output carries the encoded text.
        var userData = run.Object<Pulumi.Aws.Ec2.LaunchTemplate>("web-lt").UserData;
        Assert.Equal("#!/bin/bash\necho secret\n", Encoding.UTF8.GetString(Convert.FromBase64String((await TestRun.ValueAsync(userData))!)));
        Assert.Equal("[secret]", run.Single(LaunchTemplate, "web-lt").Input("userData"));
    }

    [Fact]
    public async Task Plain_and_secret_user_data_together_are_refused()
    {
        var args = WebArgs();
        args.UserData = "#!/bin/bash\n";
        args.SecretUserData = Output.CreateSecret("#!/bin/bash\n");

        Assert.Contains("secretUserData = \"(set)\": set userData or secretUserData, not both", await Failure(args));
    }

    [Fact]
    public async Task Launch_template_without_user_data_sends_none()
    {
        var template = (await Run(WebArgs())).Single(LaunchTemplate, "web-lt");

        Assert.Null(template.Input("userData"));
    }

    [Fact]
    public async Task Volumes_are_tagged_through_the_launch_template()
    {
        var args = WebArgs();
        args.Tags = new() { ["team"] = "payments" };
        var template = (await Run(args)).Single(LaunchTemplate, "web-lt");

        Assert.Equal("volume", template.Input("tagSpecifications[0].resourceType"));
        Assert.Equal("payments", template.Input("tagSpecifications[0].tags.team"));
        Assert.Equal("web", template.Input("tagSpecifications[0].tags.Name"));
    }

    // ---- group -------------------------------------------------------------------------------

    [Fact]
    public async Task Group_spans_the_private_subnets_and_registers_with_the_target_groups_under_elb_health()
    {
        var args = WebArgs();
        args.HealthCheck.GracePeriodSeconds = 240;
        var group = (await Run(args)).Single(Group, "web-asg");

        Assert.Equal(new object?[] { "subnet-private-a", "subnet-private-b" }, group.List("vpcZoneIdentifiers"));
        Assert.Equal(new object?[] { "arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web-tg-api/example000000000" }, group.List("targetGroupArns"));
        Assert.Equal("ELB", group.Input("healthCheckType"));
        Assert.Equal(240, group.Number("healthCheckGracePeriod"));
        Assert.Equal(2, group.Number("minSize"));
        Assert.Equal(6, group.Number("maxSize"));
        Assert.Equal(300, group.Number("defaultInstanceWarmup"));
    }

    [Fact]
    public async Task Group_without_target_groups_falls_back_to_ec2_status_checks()
    {
        var args = WebArgs();
        args.TargetGroupArns = new InputList<string>();
        var group = (await Run(args)).Single(Group, "web-asg");

        Assert.Equal("EC2", group.Input("healthCheckType"));
        Assert.Empty(group.List("targetGroupArns"));
    }

    [Fact]
    public async Task Group_leaves_desired_capacity_to_the_policies_by_default()
    {
        var group = (await Run(WebArgs())).Single(Group, "web-asg");

        Assert.False(group.Inputs.ContainsKey("desiredCapacity"));
    }

    [Fact]
    public async Task Desired_capacity_when_set_starts_the_group_and_is_then_ignored_by_later_deploys()
    {
        var args = WebArgs(s => s.DesiredCapacity = 4);
        var ignoredByResource = new Dictionary<string, List<string>>();
        // A transformation on the component sees each child's options, which the mock engine does not.
        var options = new ComponentResourceOptions
        {
            ResourceTransformations =
            {
                a =>
                {
                    lock (ignoredByResource)
                        ignoredByResource[a.Resource.GetResourceName()] = [.. a.Options.IgnoreChanges];
                    return null;
                },
            },
        };

        var run = await PulumiTest.RunAsync(() => new AwsAutoscalingGroup("web", args, options));

        Assert.Equal(4, run.Single(Group, "web-asg").Number("desiredCapacity"));
        Assert.Equal(new[] { "desiredCapacity" }, ignoredByResource["web-asg"]);
        Assert.Empty(ignoredByResource["web-lt"]);
    }

    [Fact]
    public async Task Group_ignores_nothing_when_desired_capacity_is_unset()
    {
        var ignored = new List<string> { "not recorded" };
        var options = new ComponentResourceOptions
        {
            ResourceTransformations =
            {
                a =>
                {
                    if (a.Resource.GetResourceName() == "web-asg")
                        ignored = [.. a.Options.IgnoreChanges];
                    return null;
                },
            },
        };

        await PulumiTest.RunAsync(() => new AwsAutoscalingGroup("web", WebArgs(), options));

        Assert.Empty(ignored);
    }

    [Fact]
    public async Task Group_launches_the_latest_template_version_and_replaces_instances_by_rolling_refresh()
    {
        var args = WebArgs();
        args.InstanceRefreshMinHealthyPercent = 75;
        var group = (await Run(args)).Single(Group, "web-asg");

        Assert.Equal("web-lt-id", group.Input("launchTemplate.id"));
        Assert.Equal("1", group.Input("launchTemplate.version"));
        Assert.Equal("Rolling", group.Input("instanceRefresh.strategy"));
        Assert.Equal(75, group.Number("instanceRefresh.preferences.minHealthyPercentage"));
    }

    [Fact]
    public async Task Group_collects_its_size_metrics_for_alarms_and_dashboards()
    {
        var group = (await Run(WebArgs())).Single(Group, "web-asg");

        Assert.Equal(
            new object?[]
            {
                "GroupMinSize", "GroupMaxSize", "GroupDesiredCapacity", "GroupInServiceInstances",
                "GroupPendingInstances", "GroupStandbyInstances", "GroupTerminatingInstances", "GroupTotalInstances",
            },
            group.List("enabledMetrics"));
    }

    [Fact]
    public async Task Tags_propagate_at_launch_and_a_name_tag_is_added()
    {
        var args = WebArgs();
        args.Tags = new() { ["team"] = "payments", ["env"] = "prod" };
        var group = (await Run(args)).Single(Group, "web-asg");

        var tags = group.List("tags").Cast<IReadOnlyDictionary<string, object?>>().ToDictionary(t => (string)t["key"]!);
        Assert.Equal(new[] { "Name", "env", "team" }, tags.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("web", tags["Name"]["value"]);
        Assert.Equal("payments", tags["team"]["value"]);
        Assert.All(tags.Values, t => Assert.Equal(true, t["propagateAtLaunch"]));
    }

    [Fact]
    public async Task A_given_name_tag_is_kept()
    {
        var args = WebArgs();
        args.Tags = new() { ["Name"] = "checkout-web" };
        var group = (await Run(args)).Single(Group, "web-asg");

        var tag = Assert.Single(group.List("tags"));
        Assert.Equal("checkout-web", ((IReadOnlyDictionary<string, object?>)tag!)["value"]);
    }

    // ---- target tracking ---------------------------------------------------------------------

    [Fact]
    public async Task Cpu_target_tracking_follows_the_group_average_cpu()
    {
        var policy = (await Run(WebArgs())).Single(Policy, "web-policy-cpu");

        Assert.Equal("web-asg", policy.Input("autoscalingGroupName"));
        Assert.Equal("TargetTrackingScaling", policy.Input("policyType"));
        Assert.Equal(50, policy.Number("targetTrackingConfiguration.targetValue"));
        Assert.Equal("ASGAverageCPUUtilization", policy.Input("targetTrackingConfiguration.predefinedMetricSpecification.predefinedMetricType"));
        Assert.Null(policy.Input("targetTrackingConfiguration.predefinedMetricSpecification.resourceLabel"));
        Assert.Equal(false, policy.Input("targetTrackingConfiguration.disableScaleIn"));
    }

    [Fact]
    public async Task Requests_per_target_tracking_labels_the_load_balancer_and_target_group()
    {
        var args = WithLoadBalancer(WebArgs(s => s.TargetTracking = new()
        {
            ["requests"] = new TargetTrackingPolicySpec { Metric = ScalingMetrics.RequestsPerTarget, TargetValue = 1000, DisableScaleIn = true },
        }));
        var policy = (await Run(args)).Single(Policy, "web-policy-requests");

        Assert.Equal("ALBRequestCountPerTarget", policy.Input("targetTrackingConfiguration.predefinedMetricSpecification.predefinedMetricType"));
        Assert.Equal($"{LoadBalancerSuffix}/{TargetGroupSuffix}", policy.Input("targetTrackingConfiguration.predefinedMetricSpecification.resourceLabel"));
        Assert.Equal(1000, policy.Number("targetTrackingConfiguration.targetValue"));
        Assert.Equal(true, policy.Input("targetTrackingConfiguration.disableScaleIn"));
    }

    [Fact]
    public async Task Custom_target_tracking_names_the_application_metric()
    {
        var args = WebArgs(s => s.TargetTracking = new()
        {
            ["queue"] = new TargetTrackingPolicySpec
            {
                Metric = ScalingMetrics.Custom,
                TargetValue = 20,
                CustomMetric = new CustomMetricSpec { Namespace = "Checkout", Name = "QueueDepthPerInstance", Statistic = "Average", Dimensions = { ["Queue"] = "orders" } },
            },
        });
        var policy = (await Run(args)).Single(Policy, "web-policy-queue");

        Assert.Null(policy.Input("targetTrackingConfiguration.predefinedMetricSpecification"));
        Assert.Equal("Checkout", policy.Input("targetTrackingConfiguration.customizedMetricSpecification.namespace"));
        Assert.Equal("QueueDepthPerInstance", policy.Input("targetTrackingConfiguration.customizedMetricSpecification.metricName"));
        Assert.Equal("Average", policy.Input("targetTrackingConfiguration.customizedMetricSpecification.statistic"));
        Assert.Equal("Queue", policy.Input("targetTrackingConfiguration.customizedMetricSpecification.metricDimensions[0].name"));
        Assert.Equal("orders", policy.Input("targetTrackingConfiguration.customizedMetricSpecification.metricDimensions[0].value"));
    }

    // ---- step scaling ------------------------------------------------------------------------

    private static StepScalingPolicySpec Burst() => new()
    {
        Metric = ScalingMetrics.Cpu,
        Comparison = StepScalingPolicySpec.Above,
        Threshold = 80,
        EvaluationPeriods = 2,
        PeriodSeconds = 60,
        Steps =
        {
            new ScalingStepSpec { LowerBound = 0, UpperBound = 10.5, Adjustment = 1 },
            new ScalingStepSpec { LowerBound = 10.5, Adjustment = 3 },
        },
    };

    [Fact]
    public async Task Step_scaling_policy_sends_its_steps_as_offsets_from_the_threshold()
    {
        var policy = (await Run(WebArgs(s => s.StepScaling["burst"] = Burst()))).Single(Policy, "web-policy-burst");

        Assert.Equal("StepScaling", policy.Input("policyType"));
        Assert.Equal("ChangeInCapacity", policy.Input("adjustmentType"));
        Assert.Equal("web-asg", policy.Input("autoscalingGroupName"));
        Assert.Equal(2, policy.List("stepAdjustments").Length);
        Assert.Equal("0", policy.Input("stepAdjustments[0].metricIntervalLowerBound"));
        Assert.Equal("10.5", policy.Input("stepAdjustments[0].metricIntervalUpperBound"));
        Assert.Equal(1, policy.Number("stepAdjustments[0].scalingAdjustment"));
        Assert.Equal("10.5", policy.Input("stepAdjustments[1].metricIntervalLowerBound"));
        Assert.Null(policy.Input("stepAdjustments[1].metricIntervalUpperBound"));
        Assert.Equal(3, policy.Number("stepAdjustments[1].scalingAdjustment"));
    }

    [Fact]
    public async Task Step_scaling_gets_its_own_cpu_alarm_wired_to_the_policy_arn()
    {
        var run = await Run(WebArgs(s => s.StepScaling["burst"] = Burst()));
        var alarm = run.Single(Alarm, "web-alarm-burst");

        Assert.Equal(Component, alarm.ParentType);
        Assert.Equal(new object?[] { "arn:aws:autoscaling:us-east-1:000000000000:web-policy-burst" }, alarm.List("alarmActions"));
        Assert.Equal("GreaterThanThreshold", alarm.Input("comparisonOperator"));
        Assert.Equal(80, alarm.Number("threshold"));
        Assert.Equal(2, alarm.Number("evaluationPeriods"));
        Assert.Equal(60, alarm.Number("period"));
        Assert.Equal("AWS/EC2", alarm.Input("namespace"));
        Assert.Equal("CPUUtilization", alarm.Input("metricName"));
        Assert.Equal("Average", alarm.Input("statistic"));
        Assert.Equal("web-asg", alarm.Input("dimensions.AutoScalingGroupName"));
        Assert.Equal("notBreaching", alarm.Input("treatMissingData"));
    }

    [Fact]
    public async Task Below_threshold_step_scaling_alarms_on_less_than_and_removes_instances()
    {
        var scaleIn = new StepScalingPolicySpec
        {
            Comparison = StepScalingPolicySpec.Below,
            Threshold = 20,
            Steps = { new ScalingStepSpec { UpperBound = 0, Adjustment = -1 } },
        };
        var run = await Run(WebArgs(s => s.StepScaling["calm"] = scaleIn));

        Assert.Equal("LessThanThreshold", run.Single(Alarm, "web-alarm-calm").Input("comparisonOperator"));
        var policy = run.Single(Policy, "web-policy-calm");
        Assert.Equal("0", policy.Input("stepAdjustments[0].metricIntervalUpperBound"));
        Assert.Null(policy.Input("stepAdjustments[0].metricIntervalLowerBound"));
        Assert.Equal(-1, policy.Number("stepAdjustments[0].scalingAdjustment"));
    }

    [Fact]
    public async Task Custom_step_scaling_alarm_watches_the_application_metric()
    {
        var queue = new StepScalingPolicySpec
        {
            Metric = ScalingMetrics.Custom,
            CustomMetric = new CustomMetricSpec { Namespace = "Checkout", Name = "QueueDepth", Statistic = "Maximum", Dimensions = { ["Queue"] = "orders" } },
            Threshold = 500,
            Steps = { new ScalingStepSpec { LowerBound = 0, Adjustment = 2 } },
        };
        var alarm = (await Run(WebArgs(s => s.StepScaling["queue"] = queue))).Single(Alarm, "web-alarm-queue");

        Assert.Equal("Checkout", alarm.Input("namespace"));
        Assert.Equal("QueueDepth", alarm.Input("metricName"));
        Assert.Equal("Maximum", alarm.Input("statistic"));
        Assert.Equal("orders", alarm.Input("dimensions.Queue"));
        Assert.Null(alarm.Input("dimensions.AutoScalingGroupName"));
    }

    // ---- predictive --------------------------------------------------------------------------

    [Fact]
    public async Task Native_predictive_scaling_forecasts_cpu_without_acting_by_default()
    {
        var run = await Run(WebArgs(s => s.Predictive = new PredictiveScalingPolicy()));
        var policy = run.Single(Policy, "web-predictive");

        Assert.Equal(Component, policy.ParentType);
        Assert.Equal("PredictiveScaling", policy.Input("policyType"));
        Assert.Equal("web-asg", policy.Input("autoscalingGroupName"));
        Assert.Equal("ForecastOnly", policy.Input("predictiveScalingConfiguration.mode"));
        Assert.Equal("300", policy.Input("predictiveScalingConfiguration.schedulingBufferTime"));
        Assert.Equal("HonorMaxCapacity", policy.Input("predictiveScalingConfiguration.maxCapacityBreachBehavior"));
        Assert.Null(policy.Input("predictiveScalingConfiguration.maxCapacityBuffer"));
        Assert.Equal(50, policy.Number("predictiveScalingConfiguration.metricSpecification.targetValue"));
        Assert.Equal("ASGCPUUtilization", policy.Input("predictiveScalingConfiguration.metricSpecification.predefinedMetricPairSpecification.predefinedMetricType"));
        Assert.Null(policy.Input("predictiveScalingConfiguration.metricSpecification.predefinedMetricPairSpecification.resourceLabel"));
    }

    [Fact]
    public async Task Predictive_scaling_on_requests_forecasts_and_scales_past_the_maximum_within_its_buffer()
    {
        var args = WithLoadBalancer(WebArgs(s => s.Predictive = new PredictiveScalingPolicy
        {
            Mode = PredictiveScalingPolicy.ForecastAndScale,
            Metric = ScalingMetrics.RequestsPerTarget,
            TargetValue = 1200,
            SchedulingBufferSeconds = 600,
            MaxCapacityBehavior = PredictiveScalingPolicy.IncreaseMaxCapacity,
            MaxCapacityBufferPercent = 10,
        }));
        var config = (await Run(args)).Single(Policy, "web-predictive");

        Assert.Equal("ForecastAndScale", config.Input("predictiveScalingConfiguration.mode"));
        Assert.Equal("600", config.Input("predictiveScalingConfiguration.schedulingBufferTime"));
        Assert.Equal("IncreaseMaxCapacity", config.Input("predictiveScalingConfiguration.maxCapacityBreachBehavior"));
        Assert.Equal("10", config.Input("predictiveScalingConfiguration.maxCapacityBuffer"));
        Assert.Equal(1200, config.Number("predictiveScalingConfiguration.metricSpecification.targetValue"));
        Assert.Equal("ALBRequestCount", config.Input("predictiveScalingConfiguration.metricSpecification.predefinedMetricPairSpecification.predefinedMetricType"));
        Assert.Equal($"{LoadBalancerSuffix}/{TargetGroupSuffix}",
            config.Input("predictiveScalingConfiguration.metricSpecification.predefinedMetricPairSpecification.resourceLabel"));
    }

    [Fact]
    public async Task Forecast_schedules_alone_create_no_native_predictive_policy()
    {
        var run = await Run(WebArgs(s => s.Predictive = new PredictiveScalingPolicy { Source = PredictiveScalingPolicy.Forecast, Schedule = OfficeHours() }));

        Assert.Null(run.Plan.Find(Policy, "web-predictive"));
        Assert.Equal(1, run.Count(Policy));
        Assert.Equal(2, run.Count(Schedule));
    }

    [Fact]
    public async Task Both_sources_still_create_the_native_predictive_policy()
    {
        var run = await Run(WebArgs(s => s.Predictive = new PredictiveScalingPolicy { Source = PredictiveScalingPolicy.Both, Schedule = OfficeHours() }));

        Assert.Equal("PredictiveScaling", run.Single(Policy, "web-predictive").Input("policyType"));
        Assert.Equal(2, run.Count(Schedule));
    }

    [Fact]
    public async Task An_ssm_parameter_image_reaches_the_launch_template_unchanged_for_ec2_to_resolve_per_region()
    {
        // EC2 resolves resolve:ssm:<parameter> in a launch template's ImageId at each launch, in the
        // template's region (EC2 API RequestLaunchTemplateData.ImageId).
        const string image = "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64";
        var args = WebArgs();
        args.ImageId = image;
        args.InstanceType = "m7g.large";

        var run = await Run(args);

        Assert.Equal(image, run.Single(LaunchTemplate, "web-lt").Input("imageId"));
    }

    // ---- forecast schedules ------------------------------------------------------------------

    [Fact]
    public async Task Forecast_schedule_becomes_one_scheduled_action_per_change_named_by_its_whole_entry()
    {
        var run = await Run(Forecasting(OfficeHours()));

        Assert.Collection(run.OfType(Schedule).Select(s => s.Name),
            name => Assert.Matches("^web-schedule-mon-fri-0650-min5-[0-9a-f]{8}$", name),
            name => Assert.Matches("^web-schedule-mon-fri-1900-min2-[0-9a-f]{8}$", name));
        foreach (var action in run.OfType(Schedule))
        {
            Assert.Equal(Component, action.ParentType);
            Assert.Equal("web-asg", action.Input("autoscalingGroupName"));
            Assert.Equal("America/New_York", action.Input("timeZone"));
            Assert.Null(action.Input("startTime"));
            // The AWS name is the same identity as the logical one.
            Assert.Equal($"forecast-{action.Name["web-schedule-".Length..]}", action.Input("scheduledActionName"));
        }
    }

    /// <summary>Mon 07:00 = 5, Tue 07:00 = <paramref name="tuesday"/>, evenings back to the floor: three actions.</summary>
    private static ForecastScheduleSpec ThreeChanges(int tuesday) => new()
    {
        TimeZone = "America/New_York",
        RaiseAheadMinutes = 0,
        Entries =
        {
            new() { Start = "Mon 07:00", MinSize = 5 },
            new() { Start = "Mon 19:00", MinSize = 2 },
            new() { Start = "Tue 07:00", MinSize = tuesday },
            new() { Start = "Tue 19:00", MinSize = 2 },
        },
    };

    [Fact]
    public async Task Changing_one_entrys_minimum_replaces_that_action_and_leaves_the_others_untouched()
    {
        // An update in place would re-send the start time AWS computed at creation, which is in the
        // past once the action has run ("Given start time is in the past", terraform-provider-aws
        // #38983, pulumi-aws #2473), so a changed entry must come with a new identity.
        var before = (await Run(Forecasting(ThreeChanges(tuesday: 4)))).OfType(Schedule).ToDictionary(s => s.Name);
        var after = (await Run(Forecasting(ThreeChanges(tuesday: 6)))).OfType(Schedule).ToDictionary(s => s.Name);

        var kept = before.Keys.Intersect(after.Keys).ToArray();
        Assert.Equal(2, kept.Length);
        Assert.All(kept, name => Assert.Equal(before[name].Inputs, after[name].Inputs));
        var removed = Assert.Single(before.Keys.Except(after.Keys));
        var added = Assert.Single(after.Keys.Except(before.Keys));
        Assert.StartsWith("web-schedule-tue-0700-min4-", removed);
        Assert.StartsWith("web-schedule-tue-0700-min6-", added);
        Assert.NotEqual(before[removed].Input("scheduledActionName"), after[added].Input("scheduledActionName"));
    }

    [Fact]
    public async Task Changing_what_every_action_restates_gives_every_action_a_new_identity()
    {
        var before = (await Run(Forecasting(ThreeChanges(tuesday: 4)))).OfType(Schedule).Select(s => s.Name).ToArray();
        var maxSize = (await Run(WebArgs(s =>
        {
            s.MaxSize = 8;
            s.Predictive = new PredictiveScalingPolicy { Source = PredictiveScalingPolicy.Both, Schedule = ThreeChanges(tuesday: 4) };
        }))).OfType(Schedule).Select(s => s.Name).ToArray();
        var zone = ThreeChanges(tuesday: 4);
        zone.TimeZone = "Europe/Berlin";
        var timeZone = (await Run(Forecasting(zone))).OfType(Schedule).Select(s => s.Name).ToArray();

        Assert.Equal(3, before.Length);
        Assert.Empty(before.Intersect(maxSize));
        Assert.Empty(before.Intersect(timeZone));
    }

    [Fact]
    public async Task Scheduled_actions_are_replaced_on_any_change_and_created_one_after_the_other()
    {
        var run = await Run(Forecasting(ThreeChanges(tuesday: 4)));
        var actions = run.OfType(Schedule);

        Assert.All(actions, a => Assert.Equal(["recurrence", "timeZone", "minSize", "maxSize", "desiredCapacity"], a.ReplaceOnChanges.ToArray()));
        // AWS rejects concurrent PutScheduledUpdateGroupAction calls on one group (TerraConstructs/base #127).
        Assert.Empty(actions[0].DependsOn);
        for (int i = 1; i < actions.Length; i++)
            Assert.Equal([actions[i - 1].Key], actions[i].DependsOn.ToArray());
    }

    [Fact]
    public async Task Raises_fire_ahead_of_the_predicted_load_and_decreases_on_time()
    {
        var run = await Run(Forecasting(OfficeHours(raiseAheadMinutes: 10)));

        Assert.Equal("50 6 * * 1-5", Action(run, "mon-fri-0650").Input("recurrence"));
        Assert.Equal("0 19 * * 1-5", Action(run, "mon-fri-1900").Input("recurrence"));
    }

    [Fact]
    public async Task Scheduled_actions_raise_only_the_minimum_never_below_the_group_minimum()
    {
        var run = await Run(Forecasting(OfficeHours()));
        var morning = Action(run, "mon-fri-0650");
        var evening = Action(run, "mon-fri-1900");

        Assert.Equal(5, morning.Number("minSize"));
        // The schedule asks for 1 in the evening; the group's own minimum of 2 is the floor.
        Assert.Equal(2, evening.Number("minSize"));
        Assert.All(run.OfType(Schedule), action =>
        {
            Assert.Equal(6, action.Number("maxSize"));
            // -1 leaves the desired capacity to the policies; unset would send 0.
            Assert.Equal(-1, action.Number("desiredCapacity"));
        });
    }

    [Fact]
    public async Task A_schedule_flat_at_the_group_minimum_needs_no_action_and_one_above_it_a_daily_one()
    {
        var atFloor = await Run(Forecasting(new ForecastScheduleSpec { Entries = { new() { Start = "Sun 00:00", MinSize = 2 } } }));
        var above = await Run(Forecasting(new ForecastScheduleSpec { Entries = { new() { Start = "Wed 12:00", MinSize = 4 } } }));

        Assert.Equal(0, atFloor.Count(Schedule));
        var daily = Assert.Single(above.OfType(Schedule));
        Assert.StartsWith("web-schedule-daily-0000-min4-", daily.Name);
        Assert.Equal(("0 0 * * *", "UTC", 4.0),
            (daily.Input("recurrence"), daily.Input("timeZone"), daily.Number("minSize")));
    }

    [Fact]
    public async Task Native_predictive_scaling_creates_no_scheduled_actions()
    {
        var run = await Run(WebArgs(s => s.Predictive = new PredictiveScalingPolicy()));

        Assert.Equal(0, run.Count(Schedule));
    }

    [Fact]
    public async Task Scheduled_actions_are_planned_in_preview()
    {
        var run = await Run(Forecasting(OfficeHours()), preview: true);

        Assert.Equal(2, run.Count(Schedule));
        Assert.Equal(5, Action(run, "mon-fri-0650").Number("minSize"));
    }

    [Fact]
    public async Task Forecast_sources_without_a_schedule_and_native_with_one_are_refused()
    {
        var missing = await Failure(WebArgs(s => s.Predictive = new PredictiveScalingPolicy { Source = PredictiveScalingPolicy.Forecast }));
        var ignored = await Failure(Forecasting(OfficeHours(), PredictiveScalingPolicy.Native));

        Assert.Contains("scaling.predictive.schedule = (not set): source forecast scales on a schedule computed from load history", missing);
        Assert.Contains("scaling.predictive.schedule = \"10 entries\": source native uses only the cloud's own forecast", ignored);
        Assert.Contains("use source both", ignored);
    }

    [Fact]
    public async Task Every_bad_schedule_setting_is_refused_at_once_under_its_key()
    {
        var schedule = new ForecastScheduleSpec
        {
            TimeZone = "Eastern Standard Time",
            RaiseAheadMinutes = 300,
            Entries =
            {
                new() { Start = "Mon 7am", MinSize = 3 },
                new() { Start = "Tue 08:00", MinSize = -1 },
                new() { Start = "tue 08:00", MinSize = 4 },
                new() { Start = "Fri 12:00", MinSize = 9 },
            },
        };

        var error = await Failure(Forecasting(schedule));

        Assert.Contains("has 6 problems", error);
        Assert.Contains("scaling.predictive.schedule.timeZone = \"Eastern Standard Time\": use an IANA time zone", error);
        Assert.Contains("scaling.predictive.schedule.raiseAheadMinutes = 300: use 0 to 240 minutes", error);
        Assert.Contains("scaling.predictive.schedule.entries[0].start = \"Mon 7am\": write a day and a 24-hour time of day", error);
        Assert.Contains("scaling.predictive.schedule.entries[1].minSize = -1: use 0 or more instances", error);
        Assert.Contains("scaling.predictive.schedule.entries[2].start = \"tue 08:00\": entries[1] starts at the same moment", error);
        Assert.Contains("scaling.predictive.schedule.entries[3].minSize = 9: the group never runs more than maxSize (6) instances", error);
    }

    [Fact]
    public async Task A_schedule_needing_more_scheduled_actions_than_aws_allows_is_refused_with_the_fix()
    {
        // A different minimum every half hour, shifted by one level each day: 4 minimums at each of
        // 48 times of day, 192 actions.
        var schedule = new ForecastScheduleSpec { TimeZone = "Europe/Berlin", RaiseAheadMinutes = 0 };
        string[] days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
        for (int day = 0; day < 7; day++)
            for (int slot = 0; slot < 48; slot++)
                schedule.Entries.Add(new() { Start = $"{days[day]} {slot / 2:00}:{slot % 2 * 30:00}", MinSize = 2 + (day + slot) % 4 });

        var error = await Failure(Forecasting(schedule));

        Assert.Contains("has 1 problem", error);
        Assert.Contains("scaling.predictive.schedule.entries = \"336 entries\": AWS allows 125 scheduled actions per Auto Scaling group and this schedule needs 192", error);
        Assert.Contains("larger hysteresisInstances or a coarser step", error);
    }

    [Fact]
    public void Schedule_problems_are_found_without_running_the_engine()
    {
        var problems = Forecasting(new ForecastScheduleSpec()).FindProblems().ToImmutableArray();

        var problem = Assert.Single(problems);
        Assert.Equal("scaling.predictive.schedule.entries", problem.Key);
    }

    // ---- refusals ----------------------------------------------------------------------------

    [Fact]
    public async Task Requests_per_target_tracking_without_a_load_balancer_is_refused_with_the_fix()
    {
        var error = await Failure(WebArgs(s => s.TargetTracking["requests"] =
            new TargetTrackingPolicySpec { Metric = ScalingMetrics.RequestsPerTarget, TargetValue = 1000 }));

        Assert.Contains("AwsAutoscalingGroup \"web\" has 1 problem", error);
        Assert.Contains("scaling.targetTracking.requests.metric = \"requests-per-target\"", error);
        Assert.Contains("ALBRequestCountPerTarget", error);
        Assert.Contains("set loadBalancerArnSuffix and targetGroupArnSuffix", error);
    }

    [Fact]
    public async Task Requests_per_target_tracking_with_only_the_load_balancer_suffix_is_refused()
    {
        var args = WebArgs(s => s.TargetTracking["requests"] =
            new TargetTrackingPolicySpec { Metric = ScalingMetrics.RequestsPerTarget, TargetValue = 1000 });
        args.LoadBalancerArnSuffix = LoadBalancerSuffix;

        var error = await Failure(args);

        Assert.Contains("scaling.targetTracking.requests.metric", error);
        Assert.Contains("targetGroupArnSuffix", error);
    }

    [Fact]
    public async Task Predictive_requests_without_a_load_balancer_is_refused_with_the_fix()
    {
        var error = await Failure(WebArgs(s => s.Predictive = new PredictiveScalingPolicy { Metric = ScalingMetrics.RequestsPerTarget, TargetValue = 1000 }));

        Assert.Contains("scaling.predictive.metric = \"requests-per-target\"", error);
        Assert.Contains("ALBRequestCount", error);
        Assert.Contains("or scale on cpu", error);
    }

    [Fact]
    public async Task Increasing_the_maximum_without_a_buffer_is_refused_because_aws_requires_one()
    {
        var error = await Failure(WebArgs(s => s.Predictive = new PredictiveScalingPolicy { MaxCapacityBehavior = PredictiveScalingPolicy.IncreaseMaxCapacity }));

        Assert.Contains("scaling.predictive.maxCapacityBufferPercent = (not set)", error);
        Assert.Contains("AWS requires a buffer with maxCapacityBehavior: increase", error);
    }

    [Fact]
    public async Task A_fractional_predictive_target_reaches_aws_unrounded()
    {
        var run = await Run(WebArgs(s => s.Predictive = new PredictiveScalingPolicy { TargetValue = 42.5 }));

        Assert.Equal(42.5, run.Single(Policy, "web-predictive").Number("predictiveScalingConfiguration.metricSpecification.targetValue"));
    }

    [Fact]
    public async Task Native_predictive_refusals_do_not_apply_when_only_forecast_schedules_are_used()
    {
        var run = await Run(WebArgs(s => s.Predictive = new PredictiveScalingPolicy
        {
            Source = PredictiveScalingPolicy.Forecast,
            Metric = ScalingMetrics.RequestsPerTarget,
            TargetValue = 42.5,
            Schedule = OfficeHours(),
        }));

        Assert.Equal(1, run.Count(Policy));
    }

    [Fact]
    public async Task A_key_used_by_both_target_tracking_and_step_scaling_is_refused()
    {
        var error = await Failure(WebArgs(s => s.StepScaling["cpu"] = Burst()));

        Assert.Contains("scaling.stepScaling.cpu = \"cpu\"", error);
        Assert.Contains("rename one", error);
    }

    [Fact]
    public async Task Above_threshold_steps_that_leave_a_gap_or_a_ceiling_are_refused()
    {
        var gappy = new StepScalingPolicySpec
        {
            Steps =
            {
                new ScalingStepSpec { LowerBound = 5, UpperBound = 10, Adjustment = 1 },
                new ScalingStepSpec { LowerBound = 10, UpperBound = 20, Adjustment = 2 },
            },
        };
        var error = await Failure(WebArgs(s => s.StepScaling["burst"] = gappy));

        Assert.Contains("has 2 problems", error);
        Assert.Contains("scaling.stepScaling.burst.steps[0].lowerBound = 5: AWS would find no step for breaches just past the threshold", error);
        Assert.Contains("scaling.stepScaling.burst.steps[1].upperBound = 20: AWS needs the last step of an above-threshold alarm open-ended", error);
    }

    [Fact]
    public async Task Below_threshold_steps_that_leave_a_gap_or_a_floor_are_refused()
    {
        var gappy = new StepScalingPolicySpec
        {
            Comparison = StepScalingPolicySpec.Below,
            Threshold = 20,
            Steps = { new ScalingStepSpec { LowerBound = -15, UpperBound = -5, Adjustment = -1 } },
        };
        var error = await Failure(WebArgs(s => s.StepScaling["calm"] = gappy));

        Assert.Contains("scaling.stepScaling.calm.steps[0].lowerBound = -15: AWS needs the first step of a below-threshold alarm open-ended downwards", error);
        Assert.Contains("scaling.stepScaling.calm.steps[0].upperBound = -5: AWS would find no step for breaches just below the threshold", error);
    }

    [Fact]
    public async Task Instance_settings_aws_cannot_launch_are_all_refused_at_once()
    {
        var args = WebArgs();
        args.ImageId = null!;
        args.InstanceType = "large";
        args.UserData = new string('x', AwsAutoscalingGroupArgs.MaxUserDataBytes + 1);
        args.RootVolumeSizeGb = 0;
        args.RootDeviceName = "xvda";
        args.InstanceRefreshMinHealthyPercent = 120;
        args.Tags = new() { ["aws:owner"] = "me" };

        var error = await Failure(args);

        Assert.Contains("has 7 problems", error);
        Assert.Contains("imageId = (not set): pass the AMI id", error);
        Assert.Contains("instanceType = \"large\": use an EC2 instance type such as t3.small", error);
        Assert.Contains("userData = \"16385 bytes\": EC2 accepts at most 16384 bytes", error);
        Assert.Contains("rootVolumeSizeGb = 0: a gp3 volume holds 1 to 16384 GiB", error);
        Assert.Contains("rootDeviceName = \"xvda\": name the AMI's root device", error);
        Assert.Contains("instanceRefreshMinHealthyPercent = 120: use 0 to 100 percent", error);
        Assert.Contains("tags.aws:owner = \"me\": the aws: prefix is reserved", error);
    }

    [Fact]
    public async Task Too_many_tags_are_refused_counting_the_added_name_tag()
    {
        var args = WebArgs();
        args.Tags = Enumerable.Range(0, AwsAutoscalingGroupArgs.MaxTags).ToDictionary(i => $"tag{i}", i => "v");

        var error = await Failure(args);

        Assert.Contains("tags = 50: an Auto Scaling group carries at most 50 tags including Name", error);
    }

    [Fact]
    public async Task Problems_of_the_neutral_specs_are_reported_with_the_aws_ones_under_their_yaml_keys()
    {
        var args = WebArgs(s =>
        {
            s.MinSize = 5;
            s.MaxSize = 3;
            s.TargetTracking["requests"] = new TargetTrackingPolicySpec { Metric = ScalingMetrics.RequestsPerTarget, TargetValue = 1000 };
        });
        args.HealthCheck.TimeoutSeconds = 30;

        var error = await Failure(args);

        Assert.Contains("has 3 problems", error);
        Assert.Contains("scaling.maxSize = 3: must be at least minSize (5)", error);
        Assert.Contains("healthCheck.timeoutSeconds = 30: must be shorter than healthCheck.intervalSeconds (15)", error);
        Assert.Contains("scaling.targetTracking.requests.metric", error);
    }

    [Fact]
    public async Task Missing_specs_are_refused_instead_of_crashing()
    {
        var args = WebArgs();
        args.Scaling = null!;
        args.HealthCheck = null!;

        var error = await Failure(args);

        Assert.Contains("scaling = (not set)", error);
        Assert.Contains("healthCheck = (not set)", error);
    }

    [Fact]
    public async Task A_refused_spec_creates_no_resources_below_the_component()
    {
        var created = new List<string>();
        var options = new ComponentResourceOptions
        {
            ResourceTransformations = { a => { lock (created) created.Add(a.Resource.GetResourceName()); return null; } },
        };
        var args = WebArgs(s => s.TargetTracking["requests"] =
            new TargetTrackingPolicySpec { Metric = ScalingMetrics.RequestsPerTarget, TargetValue = 1000 });

        await PulumiTest.FailureAsync(() => new AwsAutoscalingGroup("web", args, options));

        // The component itself registers (its transformation sees it too), but nothing below it.
        Assert.Equal(new[] { "web" }, created);
    }

    [Fact]
    public void Problems_are_found_without_running_the_engine()
    {
        var problems = WebArgs(s => s.Predictive = new PredictiveScalingPolicy { MaxCapacityBehavior = PredictiveScalingPolicy.IncreaseMaxCapacity })
            .FindProblems().ToImmutableArray();

        var problem = Assert.Single(problems);
        Assert.Equal("scaling.predictive.maxCapacityBufferPercent", problem.Key);
        Assert.Null(problem.Value);
    }
}
