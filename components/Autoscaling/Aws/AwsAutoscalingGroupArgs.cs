using System.Text;
using System.Text.RegularExpressions;
using Infra.Components.Autoscaling.Forecasting;
using Infra.Components.Common;
using Infra.Components.HealthChecks;
using Pulumi;

namespace Infra.Components.Autoscaling.Aws;

/// <summary>
/// Settings of an <see cref="AwsAutoscalingGroup"/>: the cloud-neutral scaling and health-check specs
/// plus the instance settings and the ids of the network and load balancer it joins.
/// </summary>
public sealed partial class AwsAutoscalingGroupArgs : ResourceArgs
{
    /// <summary>Largest user data EC2 accepts, in bytes before base64 encoding.</summary>
    public const int MaxUserDataBytes = 16 * 1024;

    /// <summary>Most scaling policies an Auto Scaling group may have (EC2 Auto Scaling quota "Scaling
    /// policies per Auto Scaling group", 50; EC2 Auto Scaling User Guide, "Quotas for Amazon EC2 Auto Scaling").</summary>
    public const int MaxScalingPolicies = 50;

    /// <summary>Longest span a CloudWatch alarm may evaluate, periods × period, in seconds (PutMetricAlarm:
    /// "EvaluationPeriods multiplied by Period cannot be more than 86,400 seconds" for periods of a minute or more).</summary>
    public const int MaxAlarmEvaluationSeconds = 86400;

    /// <summary>Most tags an Auto Scaling group may carry.</summary>
    public const int MaxTags = 50;

    /// <summary>How many instances run and which policies change that.</summary>
    /// <remarks>Default: 2 to 6 instances, no policy (which the spec refuses while the sizes differ).</remarks>
    [Input("scaling")] public ScalingSpec Scaling { get; set; } = new();

    /// <summary>The check the load balancer runs; the group takes its grace period from it.</summary>
    /// <remarks>Default: HTTP GET /healthz every 15 s with a 300 s grace period.</remarks>
    [Input("healthCheck")] public HealthCheckSpec HealthCheck { get; set; } = new();

    /// <summary>EC2 instance type, e.g. "t3.small".</summary>
    /// <remarks>Default: "t3.micro".</remarks>
    [Input("instanceType")] public string InstanceType { get; set; } = "t3.micro";

    /// <summary>AMI the instances boot from, e.g. the id returned by <c>aws.ec2.getAmi</c>, or a Systems
    /// Manager parameter as <c>resolve:ssm:/aws/service/...</c>, which the launch template passes to EC2
    /// unchanged and EC2 resolves in the group's region at each launch (EC2 API
    /// RequestLaunchTemplateData.ImageId). Required.</summary>
    [Input("imageId", required: true)] public Input<string> ImageId { get; set; } = null!;

    /// <summary>Boot script as plain text; the component base64-encodes it as EC2 expects.</summary>
    /// <remarks>Default: none.</remarks>
    [Input("userData")] public string? UserData { get; set; }

    /// <summary>Boot script already held as a secret output (e.g. from <c>Config.RequireSecret</c>), for
    /// when the plain text is not at hand; encoded like <see cref="UserData"/> but not size-checked
    /// here, so check it where it is read. The launch template takes either as a secret.</summary>
    /// <remarks>Default: none.</remarks>
    [Input("secretUserData")] public Input<string>? SecretUserData { get; set; }

    /// <summary>Size of the encrypted gp3 root volume in GiB.</summary>
    /// <remarks>Default: 20.</remarks>
    [Input("rootVolumeSizeGb")] public int RootVolumeSizeGb { get; set; } = 20;

    /// <summary>Device name of the AMI's root volume, which the encrypted volume replaces.</summary>
    /// <remarks>Default: "/dev/xvda" (Amazon Linux); Ubuntu AMIs use "/dev/sda1".</remarks>
    [Input("rootDeviceName")] public string RootDeviceName { get; set; } = "/dev/xvda";

    /// <summary>Collect instance metrics every minute instead of every five, so policies react sooner.</summary>
    /// <remarks>Default: true (billed per instance by CloudWatch).</remarks>
    [Input("detailedMonitoring")] public bool DetailedMonitoring { get; set; } = true;

    /// <summary>Private subnets the instances launch in, ideally one per availability zone. Required.</summary>
    [Input("subnetIds", required: true)]
    public InputList<string> SubnetIds
    {
        get => _subnetIds ??= new InputList<string>();
        set => _subnetIds = value;
    }
    private InputList<string>? _subnetIds;

    /// <summary>Security groups of the instances.</summary>
    /// <remarks>Default: none, so the VPC's default group applies; pass one that admits the load balancer.</remarks>
    [Input("securityGroupIds")]
    public InputList<string> SecurityGroupIds
    {
        get => _securityGroupIds ??= new InputList<string>();
        set => _securityGroupIds = value;
    }
    private InputList<string>? _securityGroupIds;

    /// <summary>Target groups the instances register with.</summary>
    /// <remarks>Default: none; the group then judges health by EC2 status checks only.</remarks>
    [Input("targetGroupArns")]
    public InputList<string> TargetGroupArns
    {
        get => _targetGroupArns ??= new InputList<string>();
        set => _targetGroupArns = value;
    }
    private InputList<string>? _targetGroupArns;

    /// <summary>ARN suffix of the load balancer in front (e.g. <c>AwsLoadBalancer.ArnSuffix</c>), for
    /// policies that scale on requests per target.</summary>
    /// <remarks>Default: none; request-based policies are then refused.</remarks>
    [Input("loadBalancerArnSuffix")] public Input<string>? LoadBalancerArnSuffix { get; set; }

    /// <summary>ARN suffix of the target group whose requests request-based policies count.</summary>
    /// <remarks>Default: none; request-based policies are then refused.</remarks>
    [Input("targetGroupArnSuffix")] public Input<string>? TargetGroupArnSuffix { get; set; }

    /// <summary>Share of capacity, in percent, that must stay healthy while an instance refresh
    /// replaces instances after a launch template change.</summary>
    /// <remarks>Default: 90.</remarks>
    [Input("instanceRefreshMinHealthyPercent")] public int InstanceRefreshMinHealthyPercent { get; set; } = 90;

    /// <summary>Tags for the group, propagated to every instance it launches and to their volumes.</summary>
    /// <remarks>Default: none; a "Name" tag with the component's name is added unless given.</remarks>
    [Input("tags")] public Dictionary<string, string> Tags { get; set; } = [];

    /// <summary>Whether request-based policies have what the ALB metric needs.</summary>
    internal bool KnowsLoadBalancer => LoadBalancerArnSuffix is not null && TargetGroupArnSuffix is not null;

    /// <summary>Every problem in these settings, including what AWS cannot do with the specs.</summary>
    public IEnumerable<SpecProblem> FindProblems()
    {
        if (Scaling is null)
            yield return new("scaling", null, "set scaling (minSize, maxSize and at least one policy)");
        else
        {
            foreach (var problem in Scaling.FindProblems("scaling"))
                yield return problem;
            foreach (var problem in FindAwsProblems(Scaling, "scaling", KnowsLoadBalancer))
                yield return problem;
        }

        if (HealthCheck is null)
            yield return new("healthCheck", null, "set healthCheck; its defaults give HTTP GET /healthz with a 300 s grace period");
        else
            foreach (var problem in HealthCheck.FindProblems("healthCheck"))
                yield return problem;

        if (ImageId is null)
            yield return new("imageId", null, "pass the AMI id the instances boot from, e.g. from aws.ec2.getAmi");
        foreach (var problem in FindInstanceTypeProblems(InstanceType, "instanceType"))
            yield return problem;
        foreach (var problem in FindUserDataProblems(UserData, "userData"))
            yield return problem;
        if (UserData is not null && SecretUserData is not null)
            yield return new("secretUserData", "(set)", "set userData or secretUserData, not both: an instance boots from one script");
        if (RootVolumeSizeGb is < 1 or > 16384)
            yield return new("rootVolumeSizeGb", RootVolumeSizeGb, "a gp3 volume holds 1 to 16384 GiB; use at least the AMI's snapshot size");
        if (RootDeviceName is null || !RootDeviceName.StartsWith("/dev/", StringComparison.Ordinal))
            yield return new("rootDeviceName", RootDeviceName, "name the AMI's root device, e.g. /dev/xvda (Amazon Linux) or /dev/sda1 (Ubuntu)");
        if (InstanceRefreshMinHealthyPercent is < 0 or > 100)
            yield return new("instanceRefreshMinHealthyPercent", InstanceRefreshMinHealthyPercent, "use 0 to 100 percent (90 keeps most capacity serving)");

        var tags = Tags ?? [];
        if (tags.Count + (tags.ContainsKey("Name") ? 0 : 1) > MaxTags)
            yield return new("tags", tags.Count, $"an Auto Scaling group carries at most {MaxTags} tags including Name; drop some or move them to provider default tags");
        foreach (var key in tags.Keys.Where(k => k.StartsWith("aws:", StringComparison.OrdinalIgnoreCase)))
            yield return new($"tags.{key}", tags[key], "the aws: prefix is reserved for AWS; rename the tag");
    }

    /// <summary>Problems of an EC2 instance type name, keyed <paramref name="at"/>.</summary>
    public static IEnumerable<SpecProblem> FindInstanceTypeProblems(string? instanceType, string at)
    {
        if (instanceType is null || !InstanceTypeName().IsMatch(instanceType))
            yield return new(at, instanceType, "use an EC2 instance type such as t3.small or m7g.large");
    }

    /// <summary>Problems of a boot script, keyed <paramref name="at"/>.</summary>
    public static IEnumerable<SpecProblem> FindUserDataProblems(string? userData, string at)
    {
        if (userData is not null && Encoding.UTF8.GetByteCount(userData) > MaxUserDataBytes)
            yield return new(at, $"{Encoding.UTF8.GetByteCount(userData)} bytes",
                $"EC2 accepts at most {MaxUserDataBytes} bytes of user data; fetch larger scripts from S3 in a short bootstrap");
    }

    /// <summary>
    /// What the neutral <paramref name="scaling"/> spec allows but AWS Auto Scaling cannot do, keyed under
    /// <paramref name="at"/> (the spec's own key). <paramref name="knowsLoadBalancer"/> says whether the
    /// group will be given the load balancer and target group that request-based policies count.
    /// Needs nothing but the spec, so a program can run it before any resource exists.
    /// </summary>
    public static IEnumerable<SpecProblem> FindAwsProblems(ScalingSpec scaling, string at, bool knowsLoadBalancer)
    {
        if (scaling is null)
            yield break;
        foreach (var problem in FindAwsScalingProblems(scaling, at, knowsLoadBalancer))
            yield return problem;
        foreach (var problem in FindScheduleProblems(scaling, at))
            yield return problem;
    }

    private static IEnumerable<SpecProblem> FindAwsScalingProblems(ScalingSpec scaling, string scalingAt, bool knowsLoadBalancer)
    {
        const string needsLoadBalancer = "set loadBalancerArnSuffix and targetGroupArnSuffix (AwsLoadBalancer.ArnSuffix and the pool's target group suffix) or scale on cpu";
        foreach (var (key, policy) in scaling.TargetTracking)
            if (policy?.Metric == ScalingMetrics.RequestsPerTarget && !knowsLoadBalancer)
                yield return new($"{scalingAt}.targetTracking.{key}.metric", policy.Metric,
                    $"AWS counts requests per target (ALBRequestCountPerTarget) for one load balancer and target group; {needsLoadBalancer}");

        // Target-tracking and step policies become siblings named "<name>-policy-<key>".
        foreach (var key in scaling.StepScaling.Keys.Where(scaling.TargetTracking.ContainsKey))
            yield return new($"{scalingAt}.stepScaling.{key}", key,
                $"{scalingAt}.targetTracking already has a policy keyed \"{key}\" and both become AWS scaling policies named by key; rename one");

        foreach (var (key, policy) in scaling.StepScaling.Where(p => p.Value is not null))
            foreach (var problem in FindStepProblems($"{scalingAt}.stepScaling.{key}", policy))
                yield return problem;

        var policies = scaling.TargetTracking.Count + scaling.StepScaling.Count + (scaling.Predictive is { UsesNative: true } ? 1 : 0);
        if (policies > MaxScalingPolicies)
            yield return new($"{scalingAt}.targetTracking", $"{policies} policies",
                $"an Auto Scaling group has at most {MaxScalingPolicies} scaling policies (target tracking, step and predictive together; EC2 Auto Scaling quota); merge policies");

        if (scaling.Predictive is { UsesNative: true } predictive)
        {
            var at = $"{scalingAt}.predictive";
            if (predictive.Metric == ScalingMetrics.RequestsPerTarget && !knowsLoadBalancer)
                yield return new($"{at}.metric", predictive.Metric,
                    $"AWS forecasts requests (the ALBRequestCount metric pair) for one load balancer and target group; {needsLoadBalancer}");
            if (predictive.MaxCapacityBehavior == PredictiveScalingPolicy.IncreaseMaxCapacity && predictive.MaxCapacityBufferPercent is null)
                yield return new($"{at}.maxCapacityBufferPercent", null,
                    "AWS requires a buffer with maxCapacityBehavior: increase; set 0 (up to the forecast) to 100 percent above it");
        }
    }

    /// <summary>AWS limits the scheduled actions of one group; a schedule needs one per distinct time
    /// of day and minimum. Counted only once the schedule itself is valid.</summary>
    private static IEnumerable<SpecProblem> FindScheduleProblems(ScalingSpec scaling, string scalingAt)
    {
        if (scaling.Predictive is not { UsesForecast: true, Schedule: { } schedule } || scaling.MinSize < 0
            || schedule.FindProblems("schedule").Any())
            yield break;
        int actions = AwsScalingMapping.ScheduledActions(schedule, scaling.MinSize).Count;
        if (actions > AwsScheduledCapacity.MaxActionsPerGroup)
            yield return new($"{scalingAt}.predictive.schedule.entries", $"{schedule.Entries.Count} entries",
                $"AWS allows {AwsScheduledCapacity.MaxActionsPerGroup} scheduled actions per Auto Scaling group and this schedule needs {actions} (one per time of day and minimum); " +
                "merge entries, e.g. plan with a larger hysteresisInstances or a coarser step");
    }

    /// <summary>
    /// AWS runs the step whose interval holds (metric − threshold) and fails when none does, so the
    /// steps must cover every breaching value: from the threshold up to +∞ for "above" alarms, from
    /// −∞ up to the threshold for "below" ones. Bounds are signed offsets from the threshold.
    /// </summary>
    private static IEnumerable<SpecProblem> FindStepProblems(string at, StepScalingPolicySpec policy)
    {
        if (policy.EvaluationPeriods >= 1 && policy.PeriodSeconds >= 60
            && (long)policy.EvaluationPeriods * policy.PeriodSeconds > MaxAlarmEvaluationSeconds)
            yield return new($"{at}.evaluationPeriods", policy.EvaluationPeriods,
                $"CloudWatch evaluates an alarm over at most {MaxAlarmEvaluationSeconds} seconds (one day), and {policy.EvaluationPeriods} × {policy.PeriodSeconds} s is more; use at most {MaxAlarmEvaluationSeconds / policy.PeriodSeconds} periods");
        if (policy.Steps.Count == 0)
            yield break;
        var first = policy.Steps[0];
        var last = policy.Steps[^1];
        var lastIndex = policy.Steps.Count - 1;
        if (policy.Comparison == StepScalingPolicySpec.Above)
        {
            if (first.LowerBound is > 0)
                yield return new($"{at}.steps[0].lowerBound", first.LowerBound,
                    "AWS would find no step for breaches just past the threshold; start the first step at 0 or leave its lower bound unset");
            if (last.UpperBound is not null)
                yield return new($"{at}.steps[{lastIndex}].upperBound", last.UpperBound,
                    "AWS needs the last step of an above-threshold alarm open-ended; remove its upper bound");
        }
        else if (policy.Comparison == StepScalingPolicySpec.Below)
        {
            if (first.LowerBound is not null)
                yield return new($"{at}.steps[0].lowerBound", first.LowerBound,
                    "AWS needs the first step of a below-threshold alarm open-ended downwards; remove its lower bound");
            if (last.UpperBound is < 0)
                yield return new($"{at}.steps[{lastIndex}].upperBound", last.UpperBound,
                    "AWS would find no step for breaches just below the threshold; end the last step at 0 or leave its upper bound unset");
        }
    }

    [GeneratedRegex(@"^[a-z][a-z0-9-]*\.[a-z0-9-]+$")]
    private static partial Regex InstanceTypeName();
}
