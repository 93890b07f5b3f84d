using System.Globalization;
using Infra.Components.Autoscaling.Forecasting;
using Infra.Components.Common;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Autoscaling.V2;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;

namespace Infra.Components.Autoscaling.Kubernetes;

/// <summary>
/// The one translation of a <see cref="ScalingSpec"/> into a HorizontalPodAutoscaler (autoscaling/v2)
/// or a KEDA ScaledObject, with what each cannot do. Both get the same behaviour block: scale down
/// after a stabilisation window by at most a share per minute, scale up fast.
/// </summary>
public static class KubernetesScaling
{
    /// <summary>Most pods and share added per minute when scaling up (the HPA's own defaults).</summary>
    public const int ScaleUpPodsPerMinute = 4, ScaleUpPercentPerMinute = 100;

    /// <summary>Every problem of <paramref name="spec"/> with <paramref name="autoscaler"/>, keyed under
    /// <paramref name="at"/>; the spec's own problems are not repeated, an unknown autoscaler is the
    /// caller's to report.</summary>
    public static IEnumerable<SpecProblem> FindKubernetesProblems(ScalingSpec spec, string at, string autoscaler)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var targetTracking = spec.TargetTracking ?? [];
        var stepScaling = spec.StepScaling ?? [];
        if (autoscaler == Autoscalers.None)
        {
            if (spec.MinSize != spec.MaxSize)
                yield return new($"{at}.maxSize", spec.MaxSize,
                    $"without an autoscaler the Deployment runs a fixed count; set maxSize to minSize ({spec.MinSize}) or use autoscaler hpa or keda");
            if (targetTracking.Count > 0 || stepScaling.Count > 0 || spec.Predictive is not null)
                yield return new($"{at}.targetTracking", targetTracking.Keys.Concat(stepScaling.Keys).ToList(),
                    "without an autoscaler no policy acts; remove the policies or use autoscaler hpa or keda");
            yield break;
        }
        if (autoscaler is not (Autoscalers.Hpa or Autoscalers.Keda))
            yield break;

        var which = autoscaler == Autoscalers.Hpa ? "a HorizontalPodAutoscaler" : "a KEDA ScaledObject";
        if (spec.DesiredCapacity is { } desired)
            yield return new($"{at}.desiredCapacity", desired,
                $"the Deployment's replicas stay unset so deploys never fight {which}, which starts at minSize; remove desiredCapacity");
        foreach (var key in stepScaling.Keys)
            yield return new($"{at}.stepScaling.{key}", key,
                $"{which} scales in proportion to the metric, not in alarm steps; express it as targetTracking (e.g. cpu at 60)");
        foreach (var (key, policy) in targetTracking)
        {
            if (policy is null)
                continue;
            var policyAt = $"{at}.targetTracking.{key}";
            if (policy.Metric == ScalingMetrics.RequestsPerTarget)
                yield return new($"{policyAt}.metric", policy.Metric,
                    "Kubernetes has no built-in request metric per pod; publish one through a custom-metrics adapter and use metric custom (hpa), or scale on cpu");
            else if (policy.Metric == ScalingMetrics.Custom && autoscaler == Autoscalers.Keda)
                yield return new($"{policyAt}.metric", policy.Metric,
                    "a KEDA trigger for a custom metric needs a scaler for its source (e.g. prometheus), which is not mapped; use autoscaler hpa for custom pods metrics, or cpu");
            else if (policy is { Metric: ScalingMetrics.Custom, CustomMetric: { } metric } && metric.Statistic != "Average")
                yield return new($"{policyAt}.customMetric.statistic", metric.Statistic,
                    "a HorizontalPodAutoscaler compares the average of a pods metric with the target; use Average");
        }
        var scaleInFlags = targetTracking.Values.Where(p => p is not null).Select(p => p.DisableScaleIn).Distinct().ToList();
        if (scaleInFlags.Count > 1)
            yield return new($"{at}.targetTracking", targetTracking.Keys.ToList(),
                $"{which} has one scale-down rule for all metrics; set disableScaleIn the same on every policy");

        if (spec.Predictive is { } predictive)
        {
            if (predictive.Source is PredictiveScalingPolicy.Native or PredictiveScalingPolicy.Both)
                yield return new($"{at}.predictive.source", predictive.Source,
                    "Kubernetes has no native predictive scaling; use source forecast (KEDA cron triggers from the forecast schedule)");
            else if (autoscaler == Autoscalers.Hpa && predictive.UsesForecast)
                yield return new($"{at}.predictive", predictive.Source,
                    "a HorizontalPodAutoscaler has no schedule, and a KEDA ScaledObject beside it would fight it over the replicas; use autoscaler keda, " +
                    "which follows the schedule with cron triggers and scales on cpu too");
        }

        if (spec.MinSize == 0 && autoscaler == Autoscalers.Hpa)
            yield return new($"{at}.minSize", 0,
                "a HorizontalPodAutoscaler scales to zero only behind the alpha HPAScaleToZero feature gate; use minSize 1, or autoscaler keda");
        else if (spec.MinSize == 0 && targetTracking.Values.Any(p => p?.Metric == ScalingMetrics.Cpu))
            yield return new($"{at}.minSize", 0,
                "KEDA cannot scale to zero on a cpu trigger (a stopped pod has no CPU to measure); use minSize 1, or drop the cpu policy");
    }

    /// <summary>The HPA spec for the Deployment named <paramref name="deploymentName"/> (spec without problems).</summary>
    public static HorizontalPodAutoscalerSpecArgs HorizontalPodAutoscaler(ScalingSpec spec, Input<string> deploymentName, ScaleDownBehavior scaleDown)
    {
        var args = new HorizontalPodAutoscalerSpecArgs
        {
            ScaleTargetRef = new CrossVersionObjectReferenceArgs { ApiVersion = "apps/v1", Kind = "Deployment", Name = deploymentName },
            MinReplicas = spec.MinSize,
            MaxReplicas = spec.MaxSize,
            Behavior = new HorizontalPodAutoscalerBehaviorArgs
            {
                ScaleDown = new HPAScalingRulesArgs
                {
                    StabilizationWindowSeconds = scaleDown.StabilizationSeconds,
                    Policies = { new HPAScalingPolicyArgs { Type = "Percent", Value = scaleDown.MaxPercentPerMinute, PeriodSeconds = 60 } },
                    SelectPolicy = ScaleInDisabled(spec) ? (Input<string>)"Disabled" : null,
                },
                ScaleUp = new HPAScalingRulesArgs
                {
                    StabilizationWindowSeconds = 0,
                    Policies =
                    {
                        new HPAScalingPolicyArgs { Type = "Pods", Value = ScaleUpPodsPerMinute, PeriodSeconds = 60 },
                        new HPAScalingPolicyArgs { Type = "Percent", Value = ScaleUpPercentPerMinute, PeriodSeconds = 60 },
                    },
                    SelectPolicy = "Max",
                },
            },
        };
        foreach (var policy in spec.TargetTracking.Values)
            args.Metrics.Add(policy.Metric == ScalingMetrics.Cpu
                ? new MetricSpecArgs
                {
                    Type = "Resource",
                    Resource = new ResourceMetricSourceArgs
                    {
                        Name = "cpu",
                        Target = new MetricTargetArgs { Type = "Utilization", AverageUtilization = (int)Math.Round(policy.TargetValue) },
                    },
                }
                : new MetricSpecArgs
                {
                    // Served by a custom-metrics adapter under the metric's name; the dimensions select its series.
                    Type = "Pods",
                    Pods = new PodsMetricSourceArgs
                    {
                        Metric = new MetricIdentifierArgs
                        {
                            Name = policy.CustomMetric!.Name,
                            Selector = policy.CustomMetric.Dimensions.Count == 0 ? null : (Input<LabelSelectorArgs>)new LabelSelectorArgs { MatchLabels = policy.CustomMetric.Dimensions },
                        },
                        Target = new MetricTargetArgs { Type = "AverageValue", AverageValue = Quantity(policy.TargetValue) },
                    },
                });
        return args;
    }

    /// <summary>The ScaledObject spec for <paramref name="deploymentName"/>: a cpu trigger per cpu
    /// policy and the forecast schedule's cron triggers (spec without problems).</summary>
    public static Dictionary<string, object> ScaledObject(ScalingSpec spec, Input<string> deploymentName, ScaleDownBehavior scaleDown)
    {
        var triggers = new List<object>();
        foreach (var (key, policy) in spec.TargetTracking)
            triggers.Add(new Dictionary<string, object>
            {
                ["type"] = "cpu",
                ["name"] = key,
                ["metricType"] = "Utilization",
                // KEDA trigger metadata values are strings.
                ["metadata"] = new Dictionary<string, object> { ["value"] = Quantity(Math.Round(policy.TargetValue)) },
            });
        foreach (var cron in CronTriggers(spec))
            triggers.Add(new Dictionary<string, object>
            {
                ["type"] = "cron",
                ["name"] = cron.Key,
                ["metadata"] = new Dictionary<string, object>
                {
                    ["timezone"] = cron.Timezone,
                    ["start"] = cron.Start,
                    ["end"] = cron.End,
                    ["desiredReplicas"] = cron.DesiredReplicas.ToString(CultureInfo.InvariantCulture),
                },
            });

        var scaleDownRules = new Dictionary<string, object>
        {
            ["stabilizationWindowSeconds"] = scaleDown.StabilizationSeconds,
            ["policies"] = new List<object>
            {
                new Dictionary<string, object> { ["type"] = "Percent", ["value"] = scaleDown.MaxPercentPerMinute, ["periodSeconds"] = 60 },
            },
        };
        if (ScaleInDisabled(spec))
            scaleDownRules["selectPolicy"] = "Disabled";
        return new Dictionary<string, object>
        {
            ["scaleTargetRef"] = new Dictionary<string, object> { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["name"] = deploymentName },
            ["minReplicaCount"] = spec.MinSize,
            ["maxReplicaCount"] = spec.MaxSize,
            ["advanced"] = new Dictionary<string, object>
            {
                ["horizontalPodAutoscalerConfig"] = new Dictionary<string, object>
                {
                    ["behavior"] = new Dictionary<string, object> { ["scaleDown"] = scaleDownRules },
                },
            },
            ["triggers"] = triggers,
        };
    }

    /// <summary>The cron triggers that follow the forecast schedule, raised ahead by its
    /// raiseAheadMinutes; none without a forecast schedule.</summary>
    public static IReadOnlyList<KedaCronTrigger> CronTriggers(ScalingSpec spec)
        => spec.Predictive is { UsesForecast: true, Schedule: { } schedule }
            ? KedaCronTrigger.FromSchedule(schedule.ToCapacitySchedule(), spec.MinSize, TimeSpan.FromMinutes(schedule.RaiseAheadMinutes))
            : [];

    private static bool ScaleInDisabled(ScalingSpec spec)
        => spec.TargetTracking.Count > 0 && spec.TargetTracking.Values.All(p => p.DisableScaleIn);

    private static string Quantity(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
