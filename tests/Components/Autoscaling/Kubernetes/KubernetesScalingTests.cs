using Infra.Components.Autoscaling;
using Infra.Components.Autoscaling.Kubernetes;
using Infra.Components.Workloads.Kubernetes;
using Infra.Tests.Harness;
using Xunit;
using static Infra.Tests.Components.Workloads.Kubernetes.KubernetesSpecs;

namespace Infra.Tests.Components.Autoscaling.Kubernetes;

[Collection(Infra.Tests.Sdk.EngineCollection.Name)]
public sealed class KubernetesScalingTests
{
    private static Task<TestRun> BuildAsync(KubernetesServiceArgs args) => PulumiTest.RunAsync(() => new KubernetesService("web", args));

    private static Task<string> RefusalAsync(KubernetesServiceArgs args) => PulumiTest.FailureAsync(() => new KubernetesService("web", args));

    private static KubernetesServiceArgs KedaArgs()
    {
        var args = Args();
        args.Autoscaler = Autoscalers.Keda;
        args.Scaling.Predictive = new PredictiveScalingPolicy
        {
            Source = PredictiveScalingPolicy.Forecast,
            Schedule = new ForecastScheduleSpec
            {
                TimeZone = "Europe/Berlin",
                RaiseAheadMinutes = 10,
                Entries = [new() { Start = "Mon 08:00", MinSize = 5 }, new() { Start = "Mon 18:00", MinSize = 2 }],
            },
        };
        return args;
    }

    [Fact]
    public async Task Hpa_targets_the_deployment_on_cpu_with_a_behaviour_block()
    {
        var run = await BuildAsync(Args());

        var hpa = run.Single(Hpa, "web-hpa-web");
        Assert.Equal("Deployment", hpa.Input("spec.scaleTargetRef.kind"));
        Assert.Equal("web-web", hpa.Input("spec.scaleTargetRef.name"));
        Assert.Equal(2.0, hpa.Number("spec.minReplicas"));
        Assert.Equal(6.0, hpa.Number("spec.maxReplicas"));
        Assert.Equal("Resource", hpa.Input("spec.metrics[0].type"));
        Assert.Equal("cpu", hpa.Input("spec.metrics[0].resource.name"));
        Assert.Equal("Utilization", hpa.Input("spec.metrics[0].resource.target.type"));
        Assert.Equal(60.0, hpa.Number("spec.metrics[0].resource.target.averageUtilization"));
        Assert.Equal(300.0, hpa.Number("spec.behavior.scaleDown.stabilizationWindowSeconds"));
        Assert.Equal("Percent", hpa.Input("spec.behavior.scaleDown.policies[0].type"));
        Assert.Equal(50.0, hpa.Number("spec.behavior.scaleDown.policies[0].value"));
        Assert.Equal(60.0, hpa.Number("spec.behavior.scaleDown.policies[0].periodSeconds"));
        Assert.Null(hpa.Input("spec.behavior.scaleDown.selectPolicy"));
        Assert.Equal("Max", hpa.Input("spec.behavior.scaleUp.selectPolicy"));
        Assert.Equal(0, run.Count(ScaledObject));
    }

    [Fact]
    public async Task Custom_metric_becomes_a_pods_metric_and_disabled_scale_in_disables_scale_down()
    {
        var args = Args();
        args.Scaling.TargetTracking = new()
        {
            ["queue"] = new TargetTrackingPolicySpec
            {
                Metric = ScalingMetrics.Custom,
                TargetValue = 30,
                DisableScaleIn = true,
                CustomMetric = new CustomMetricSpec { Namespace = "shop", Name = "queue_depth", Dimensions = { ["queue"] = "orders" } },
            },
        };

        var run = await BuildAsync(args);

        var hpa = run.Single(Hpa, "web-hpa-web");
        Assert.Equal("Pods", hpa.Input("spec.metrics[0].type"));
        Assert.Equal("queue_depth", hpa.Input("spec.metrics[0].pods.metric.name"));
        Assert.Equal("orders", hpa.Map("spec.metrics[0].pods.metric.selector.matchLabels").At("queue"));
        Assert.Equal("AverageValue", hpa.Input("spec.metrics[0].pods.target.type"));
        Assert.Equal("30", hpa.Input("spec.metrics[0].pods.target.averageValue"));
        Assert.Equal("Disabled", hpa.Input("spec.behavior.scaleDown.selectPolicy"));
    }

    [Fact]
    public async Task Keda_scaled_object_carries_a_cpu_trigger_and_the_forecast_cron_triggers()
    {
        var run = await BuildAsync(KedaArgs());

        Assert.Equal(0, run.Count(Hpa));
        var scaled = run.Single(ScaledObject, "web-scaledobject-web");
        Assert.Equal("keda.sh/v1alpha1", scaled.Input("apiVersion"));
        Assert.Equal("web-web", scaled.Input("spec.scaleTargetRef.name"));
        Assert.Equal(2.0, scaled.Number("spec.minReplicaCount"));
        Assert.Equal(6.0, scaled.Number("spec.maxReplicaCount"));
        Assert.Equal(300.0, scaled.Number("spec.advanced.horizontalPodAutoscalerConfig.behavior.scaleDown.stabilizationWindowSeconds"));
        var triggers = scaled.List("spec.triggers").Cast<IReadOnlyDictionary<string, object?>>().ToList();
        var cpu = triggers.Single(t => Equals(t.At("type"), "cpu"));
        Assert.Equal("Utilization", cpu.At("metricType"));
        Assert.Equal("60", cpu.MapAt("metadata").At("value"));
        var cron = triggers.Single(t => Equals(t.At("type"), "cron")).MapAt("metadata");
        Assert.Equal("Europe/Berlin", cron.At("timezone"));
        Assert.Equal("50 7 * * 1", cron.At("start")); // raised 10 minutes ahead of Mon 08:00
        Assert.Equal("0 18 * * 1", cron.At("end"));
        Assert.Equal("5", cron.At("desiredReplicas"));
        Assert.Null(run.Single(Deployment, "web-deployment-web").Input("spec.replicas"));
    }

    [Fact]
    public async Task Hpa_with_a_forecast_schedule_is_refused_so_hpa_and_keda_never_both_own_a_deployment()
    {
        var args = KedaArgs();
        args.Autoscaler = Autoscalers.Hpa;

        var error = await RefusalAsync(args);

        Assert.Contains("scaling.predictive = \"forecast\": a HorizontalPodAutoscaler has no schedule, and a KEDA ScaledObject beside it would fight it over the replicas; use autoscaler keda", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_neither_autoscaler_can_do_is_refused_with_its_key()
    {
        var args = Args();
        args.Scaling = new ScalingSpec
        {
            MinSize = 0,
            MaxSize = 4,
            DesiredCapacity = 2,
            TargetTracking = { ["rpm"] = new TargetTrackingPolicySpec { Metric = ScalingMetrics.RequestsPerTarget, TargetValue = 1000 } },
            StepScaling = { ["burst"] = new StepScalingPolicySpec { Steps = [new ScalingStepSpec { LowerBound = 0, Adjustment = 2 }] } },
            Predictive = new PredictiveScalingPolicy(),
        };

        var error = await RefusalAsync(args);

        Assert.Contains("scaling.desiredCapacity = 2: the Deployment's replicas stay unset so deploys never fight a HorizontalPodAutoscaler", error, StringComparison.Ordinal);
        Assert.Contains("scaling.stepScaling.burst = \"burst\": a HorizontalPodAutoscaler scales in proportion to the metric", error, StringComparison.Ordinal);
        Assert.Contains("scaling.targetTracking.rpm.metric = \"requests-per-target\": Kubernetes has no built-in request metric per pod", error, StringComparison.Ordinal);
        Assert.Contains("scaling.predictive.source = \"native\": Kubernetes has no native predictive scaling; use source forecast", error, StringComparison.Ordinal);
        Assert.Contains("scaling.minSize = 0: a HorizontalPodAutoscaler scales to zero only behind the alpha HPAScaleToZero feature gate", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Program_check_keys_scaling_problems_under_the_stack_prefix()
    {
        var spec = new ScalingSpec { MinSize = 2, MaxSize = 4, TargetTracking = { ["cpu"] = new() } };

        var problems = KubernetesScaling.FindKubernetesProblems(spec, "infra:service.scaling", Autoscalers.None).ToList();

        Assert.Equal(["infra:service.scaling.maxSize", "infra:service.scaling.targetTracking"], problems.Select(p => p.Key));
        Assert.Contains("without an autoscaler the Deployment runs a fixed count", problems[0].Fix, StringComparison.Ordinal);
        Assert.Contains("without an autoscaler no policy acts", problems[1].Fix, StringComparison.Ordinal);
        Assert.Empty(KubernetesScaling.FindKubernetesProblems(spec, "infra:service.scaling", Autoscalers.Keda));
    }
}
