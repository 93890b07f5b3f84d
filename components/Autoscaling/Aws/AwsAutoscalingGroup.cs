using System.Globalization;
using System.Text;
using Infra.Components.Common;
using Pulumi;
using Pulumi.Aws.AutoScaling;
using Pulumi.Aws.AutoScaling.Inputs;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Ec2;
using Pulumi.Aws.Ec2.Inputs;

namespace Infra.Components.Autoscaling.Aws;

/// <summary>
/// An EC2 Auto Scaling group behind a load balancer: a launch template (IMDSv2 only, encrypted root
/// volume), the group across private subnets with ELB health and rolling instance refresh, and the
/// scaling policies of a <see cref="ScalingSpec"/> (target tracking, step scaling with its alarms,
/// native predictive scaling) and the scheduled actions that follow its forecast schedule.
/// </summary>
public sealed class AwsAutoscalingGroup : ComponentResource
{
    /// <summary>Name of the Auto Scaling group, for CloudWatch dimensions and scheduled actions.</summary>
    [Output("groupName")] public Output<string> GroupName { get; private set; }

    /// <summary>ARN of the Auto Scaling group.</summary>
    [Output("groupArn")] public Output<string> GroupArn { get; private set; }

    /// <summary>Id of the launch template the group launches from.</summary>
    [Output("launchTemplateId")] public Output<string> LaunchTemplateId { get; private set; }

    /// <summary>Validates <paramref name="args"/> and creates the group, its launch template and its policies.</summary>
    public AwsAutoscalingGroup(string name, AwsAutoscalingGroupArgs args, ComponentResourceOptions? options = null)
        : base("infra:autoscaling:AwsAutoscalingGroup", name, options)
    {
        InvalidSpecException.ThrowIfAny($"AwsAutoscalingGroup \"{name}\"", args.FindProblems());
        var child = new CustomResourceOptions { Parent = this };
        var scaling = args.Scaling;

        var template = new LaunchTemplate($"{name}-lt", LaunchTemplateFor(name, args), child);
        var group = CreateGroup(name, args, template);

        foreach (var (key, policy) in scaling.TargetTracking)
            _ = new Policy($"{name}-policy-{key}", new PolicyArgs
            {
                AutoscalingGroupName = group.Name,
                PolicyType = "TargetTrackingScaling",
                TargetTrackingConfiguration = TargetTrackingFor(policy, args),
            }, child);

        foreach (var (key, policy) in scaling.StepScaling)
            CreateStepScaling(name, key, policy, group, child);

        if (scaling.Predictive is { UsesNative: true } predictive)
        {
            _ = new Policy($"{name}-predictive", new PolicyArgs
            {
                AutoscalingGroupName = group.Name,
                PolicyType = "PredictiveScaling",
                PredictiveScalingConfiguration = PredictiveFor(predictive, args),
            }, child);
            if (predictive.Source == PredictiveScalingPolicy.Native && predictive.Mode == PredictiveScalingPolicy.ForecastOnly
                && scaling.TargetTracking.Count == 0 && scaling.StepScaling.Count == 0 && scaling.MinSize != scaling.MaxSize)
                Log.Warn($"AwsAutoscalingGroup \"{name}\": predictive scaling is forecast-only and no demand policy exists, " +
                    $"so the group stays at {scaling.MinSize} instances; add a target-tracking policy or switch to forecast-and-scale once the forecast is trusted", this);
        }

        if (scaling.Predictive is { UsesForecast: true, Schedule: { } schedule })
        {
            CreateSchedules(name, schedule, scaling, group);
            if (scaling.Predictive.Source == PredictiveScalingPolicy.Forecast && scaling.TargetTracking.Count == 0 && scaling.StepScaling.Count == 0)
                Log.Warn($"AwsAutoscalingGroup \"{name}\": only the forecast schedule changes capacity, so load the forecast missed finds no more than the scheduled minimum; " +
                    "add a target-tracking policy to meet it", this);
        }

        GroupName = group.Name;
        GroupArn = group.Arn;
        LaunchTemplateId = template.Id;
        RegisterOutputs();
    }

    private static LaunchTemplateArgs LaunchTemplateFor(string name, AwsAutoscalingGroupArgs args)
    {
        var template = new LaunchTemplateArgs
        {
            ImageId = args.ImageId,
            InstanceType = args.InstanceType,
            VpcSecurityGroupIds = args.SecurityGroupIds,
            // IMDSv2 only: session tokens stop SSRF bugs in the application from reading instance credentials.
            MetadataOptions = new LaunchTemplateMetadataOptionsArgs
            {
                HttpEndpoint = "enabled",
                HttpTokens = "required",
            },
            BlockDeviceMappings =
            {
                new LaunchTemplateBlockDeviceMappingArgs
                {
                    DeviceName = args.RootDeviceName,
                    Ebs = new LaunchTemplateBlockDeviceMappingEbsArgs
                    {
                        VolumeType = "gp3",
                        VolumeSize = args.RootVolumeSizeGb,
                        // The provider takes these booleans as strings.
                        Encrypted = "true",
                        DeleteOnTermination = "true",
                    },
                },
            },
            Monitoring = new LaunchTemplateMonitoringArgs { Enabled = args.DetailedMonitoring },
            // Group tags reach instances only; volumes get theirs from the template.
            TagSpecifications =
            {
                new LaunchTemplateTagSpecificationArgs { ResourceType = "volume", Tags = TagsFor(name, args) },
            },
            UpdateDefaultVersion = true,
        };
        // Boot scripts often carry bootstrap credentials, and Pulumi keeps inputs in the stack's
        // state: a secret is encrypted there and never printed.
        if (args.UserData is { } script)
            template.UserData = Output.CreateSecret(Base64(script));
        else if (args.SecretUserData is { } secret)
            template.UserData = Output.CreateSecret(secret.ToOutput().Apply(Base64));
        return template;
    }

    private static string Base64(string script) => Convert.ToBase64String(Encoding.UTF8.GetBytes(script));

    private Group CreateGroup(string name, AwsAutoscalingGroupArgs args, LaunchTemplate template)
    {
        var scaling = args.Scaling;
        var group = new GroupArgs
        {
            MinSize = scaling.MinSize,
            MaxSize = scaling.MaxSize,
            VpcZoneIdentifiers = args.SubnetIds,
            TargetGroupArns = args.TargetGroupArns,
            HealthCheckType = args.TargetGroupArns.ToOutput().Apply(AwsScalingMapping.HealthCheckType),
            HealthCheckGracePeriod = args.HealthCheck.GracePeriodSeconds,
            DefaultInstanceWarmup = scaling.InstanceWarmupSeconds,
            // A numbered version (not "$Latest") makes every template change an update of the group,
            // which starts the instance refresh below.
            LaunchTemplate = new GroupLaunchTemplateArgs
            {
                Id = template.Id,
                Version = template.LatestVersion.Apply(version => version.ToString(CultureInfo.InvariantCulture)),
            },
            InstanceRefresh = new GroupInstanceRefreshArgs
            {
                Strategy = "Rolling",
                Preferences = new GroupInstanceRefreshPreferencesArgs
                {
                    MinHealthyPercentage = args.InstanceRefreshMinHealthyPercent,
                },
            },
            EnabledMetrics = AwsScalingMapping.GroupMetrics,
        };
        foreach (var (key, value) in TagsFor(name, args))
            group.Tags.Add(new GroupTagArgs { Key = key, Value = value, PropagateAtLaunch = true });

        var options = new CustomResourceOptions { Parent = this };
        if (scaling.DesiredCapacity is { } desired)
        {
            group.DesiredCapacity = desired;
            // Without this every deploy would reset the group to the spec's number, undoing the policies (aws-cdk#5215).
            options.IgnoreChanges = ["desiredCapacity"];
            Log.Warn($"AwsAutoscalingGroup \"{name}\": scaling.desiredCapacity = {desired} sets only the first deploy's size; " +
                "later deploys ignore changes to it so they never fight the scaling policies. Remove it to start at minSize.", this);
        }
        return new Group($"{name}-asg", group, options);
    }

    private static Dictionary<string, string> TagsFor(string name, AwsAutoscalingGroupArgs args)
    {
        var tags = new Dictionary<string, string>(args.Tags ?? []);
        tags.TryAdd("Name", name);
        return tags;
    }

    private static PolicyTargetTrackingConfigurationArgs TargetTrackingFor(TargetTrackingPolicySpec policy, AwsAutoscalingGroupArgs args)
    {
        var config = new PolicyTargetTrackingConfigurationArgs
        {
            TargetValue = policy.TargetValue,
            DisableScaleIn = policy.DisableScaleIn,
        };
        if (AwsScalingMapping.TargetTrackingMetric(policy.Metric) is { } predefined)
        {
            var metric = new PolicyTargetTrackingConfigurationPredefinedMetricSpecificationArgs { PredefinedMetricType = predefined };
            if (policy.Metric == ScalingMetrics.RequestsPerTarget)
                metric.ResourceLabel = ResourceLabel(args);
            config.PredefinedMetricSpecification = metric;
        }
        else
        {
            var custom = policy.CustomMetric!;
            var metric = new PolicyTargetTrackingConfigurationCustomizedMetricSpecificationArgs
            {
                Namespace = custom.Namespace,
                MetricName = custom.Name,
                Statistic = custom.Statistic,
            };
            foreach (var (dimension, value) in custom.Dimensions)
                metric.MetricDimensions.Add(new PolicyTargetTrackingConfigurationCustomizedMetricSpecificationMetricDimensionArgs { Name = dimension, Value = value });
            config.CustomizedMetricSpecification = metric;
        }
        return config;
    }

    private void CreateStepScaling(string name, string key, StepScalingPolicySpec spec, Group group, CustomResourceOptions child)
    {
        var policyArgs = new PolicyArgs
        {
            AutoscalingGroupName = group.Name,
            PolicyType = "StepScaling",
            AdjustmentType = "ChangeInCapacity",
        };
        foreach (var step in spec.Steps)
        {
            var adjustment = new PolicyStepAdjustmentArgs { ScalingAdjustment = step.Adjustment };
            // Bounds are offsets from the alarm threshold, which the provider takes as text.
            if (step.LowerBound is { } lower)
                adjustment.MetricIntervalLowerBound = lower.ToString(CultureInfo.InvariantCulture);
            if (step.UpperBound is { } upper)
                adjustment.MetricIntervalUpperBound = upper.ToString(CultureInfo.InvariantCulture);
            policyArgs.StepAdjustments.Add(adjustment);
        }
        var policy = new Policy($"{name}-policy-{key}", policyArgs, child);

        var alarm = new MetricAlarmArgs
        {
            AlarmDescription = $"Step scaling \"{key}\" of {name}: {spec.Metric} {spec.Comparison} {spec.Threshold.ToString(CultureInfo.InvariantCulture)}",
            ComparisonOperator = AwsScalingMapping.StepComparison(spec.Comparison),
            Threshold = spec.Threshold,
            EvaluationPeriods = spec.EvaluationPeriods,
            Period = spec.PeriodSeconds,
            AlarmActions = { policy.Arn },
            // A step policy keeps acting while its alarm stays in ALARM; a gap in the data
            // (e.g. no instances) must neither hold it there nor trigger it.
            TreatMissingData = "notBreaching",
        };
        if (spec.Metric == ScalingMetrics.Custom)
        {
            var custom = spec.CustomMetric!;
            alarm.Namespace = custom.Namespace;
            alarm.MetricName = custom.Name;
            alarm.Statistic = custom.Statistic;
            foreach (var (dimension, value) in custom.Dimensions)
                alarm.Dimensions.Add(dimension, value);
        }
        else
        {
            var (metricNamespace, metricName, statistic) = AwsScalingMapping.StepMetric(spec.Metric);
            alarm.Namespace = metricNamespace;
            alarm.MetricName = metricName;
            alarm.Statistic = statistic;
            alarm.Dimensions.Add("AutoScalingGroupName", group.Name);
        }
        _ = new MetricAlarm($"{name}-alarm-{key}", alarm, child);
    }

    /// <summary>
    /// One scheduled action per change of the forecast schedule. Each action sets only the group's
    /// minimum (raised ahead of the predicted load, never below the group's own minimum): the maximum
    /// is restated as the group's, and the desired capacity is left to the policies.
    /// </summary>
    /// <remarks>
    /// A scheduled action is never updated in place. The provider keeps the start time AWS computed
    /// when the action was created and re-sends it with every update; once the action has run that
    /// time is in the past and AWS refuses the update with "Given start time is in the past"
    /// (terraform-provider-aws #38983, pulumi-aws #2473). So the logical name and the
    /// scheduledActionName carry the whole entry (<see cref="AwsScalingMapping.ScheduledActionIdentity"/>):
    /// a changed entry is a new action, created fresh (AWS computes a new start time) before the old
    /// one is deleted, and the unchanged entries keep their identity and are not touched. The names
    /// differ, so create-before-delete never overwrites the new action with the old one's name.
    /// ReplaceOnChanges restates this for the engine should an input ever change under the same name.
    /// The actions of one group are created one after the other (a DependsOn chain): AWS rejects
    /// concurrent PutScheduledUpdateGroupAction calls on one group (AlreadyExists / ResourceContention,
    /// TerraConstructs/base #127, where -parallelism=1 fixed it; terraform-provider-aws #6717).
    /// </remarks>
    private void CreateSchedules(string name, ForecastScheduleSpec schedule, ScalingSpec scaling, Group group)
    {
        // -1 means "leave unchanged". Unset is not the same: the provider sends every size that is
        // not -1 and reads an unset one as 0 (terraform-provider-aws
        // internal/service/autoscaling/schedule.go, resourceSchedulePut), so an unset desired
        // capacity would ask AWS for 0 instances at every action.
        const int leaveDesiredUnchanged = -1;
        Schedule? previous = null;
        foreach (var action in AwsScalingMapping.ScheduledActions(schedule, scaling.MinSize))
        {
            var identity = AwsScalingMapping.ScheduledActionIdentity(action, scaling.MaxSize, leaveDesiredUnchanged);
            var options = new CustomResourceOptions
            {
                Parent = this,
                ReplaceOnChanges = { "recurrence", "timeZone", "minSize", "maxSize", "desiredCapacity" },
            };
            if (previous is not null)
                options.DependsOn.Add(previous);
            previous = new Schedule($"{name}-schedule-{identity}", new ScheduleArgs
            {
                AutoscalingGroupName = group.Name,
                ScheduledActionName = $"forecast-{identity}",
                Recurrence = action.Recurrence,
                TimeZone = action.TimeZone,
                MinSize = action.MinSize,
                MaxSize = scaling.MaxSize,
                DesiredCapacity = leaveDesiredUnchanged,
            }, options);
        }
    }

    private static PolicyPredictiveScalingConfigurationArgs PredictiveFor(PredictiveScalingPolicy predictive, AwsAutoscalingGroupArgs args)
    {
        var pair = new PolicyPredictiveScalingConfigurationMetricSpecificationPredefinedMetricPairSpecificationArgs
        {
            PredefinedMetricType = AwsScalingMapping.PredictiveMetricPair(predictive.Metric),
        };
        if (predictive.Metric == ScalingMetrics.RequestsPerTarget)
            pair.ResourceLabel = ResourceLabel(args);

        var config = new PolicyPredictiveScalingConfigurationArgs
        {
            Mode = AwsScalingMapping.PredictiveMode(predictive.Mode),
            SchedulingBufferTime = predictive.SchedulingBufferSeconds.ToString(CultureInfo.InvariantCulture),
            MaxCapacityBreachBehavior = AwsScalingMapping.MaxCapacityBreachBehavior(predictive.MaxCapacityBehavior),
            MetricSpecification = new PolicyPredictiveScalingConfigurationMetricSpecificationArgs
            {
                TargetValue = predictive.TargetValue,
                PredefinedMetricPairSpecification = pair,
            },
        };
        if (predictive.MaxCapacityBufferPercent is { } buffer)
            config.MaxCapacityBuffer = buffer.ToString(CultureInfo.InvariantCulture);
        return config;
    }

    /// <summary>The ALB metrics' resource label: <c>app/&lt;lb&gt;/&lt;id&gt;/targetgroup/&lt;tg&gt;/&lt;id&gt;</c>.</summary>
    private static Output<string> ResourceLabel(AwsAutoscalingGroupArgs args)
    {
        Output<string> loadBalancer = args.LoadBalancerArnSuffix!;
        Output<string> targetGroup = args.TargetGroupArnSuffix!;
        return Output.Format($"{loadBalancer}/{targetGroup}");
    }
}
