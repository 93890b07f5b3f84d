using Infra.Components.Autoscaling.Kubernetes;
using Infra.Components.Monitoring;
using Infra.Components.Monitoring.Kubernetes;
using Infra.Components.Workloads.Kubernetes;
using Infra.Tests.Harness;
using Xunit;
using static Infra.Tests.Components.Workloads.Kubernetes.KubernetesSpecs;

namespace Infra.Tests.Components.Monitoring.Kubernetes;

[Collection(Infra.Tests.Sdk.EngineCollection.Name)]
public sealed class PrometheusAlertRulesTests
{
    private static async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> RulesAsync(KubernetesServiceArgs args)
    {
        args.PrometheusRules = true;
        var run = await PulumiTest.RunAsync(() => new KubernetesService("web", args));
        var rule = run.Single(PrometheusRule, "web-alerts");
        Assert.Equal("monitoring.coreos.com/v1", rule.Input("apiVersion"));
        Assert.Equal("web.alerts", rule.Input("spec.groups[0].name"));
        return rule.List("spec.groups[0].rules").Cast<IReadOnlyDictionary<string, object?>>().ToList();
    }

    [Fact]
    public async Task With_the_mesh_the_rule_holds_the_four_alerts()
    {
        var args = MeshArgs();
        args.Alerts = new AlertSpec { ServerErrorRatePercent = 2, ResponseTimeSeconds = 0.5, PeriodSeconds = 120, EvaluationPeriods = 2 };

        var rules = await RulesAsync(args);

        Assert.Equal(
            new object?[] { PrometheusAlertRules.ServerErrors, PrometheusAlertRules.ResponseTime, PrometheusAlertRules.UnavailablePods, PrometheusAlertRules.AtMaxReplicas },
            rules.Select(r => r.At("alert")));
        Assert.All(rules, r => Assert.Equal("240s", r.At("for")));
        var errors = (string)rules[0].At("expr")!;
        Assert.Contains("istio_requests_total{reporter=\"destination\",destination_service_namespace=\"shop\",destination_service_name=\"web\",response_code=~\"5..\"}[120s]", errors, StringComparison.Ordinal);
        Assert.EndsWith("* 100 > 2", errors, StringComparison.Ordinal);
        Assert.StartsWith("histogram_quantile(0.95, ", (string)rules[1].At("expr")!, StringComparison.Ordinal);
        Assert.EndsWith("> 500", (string)rules[1].At("expr")!, StringComparison.Ordinal);
        Assert.Contains("kube_deployment_status_replicas_unavailable{namespace=\"shop\",deployment=~\"web-web\"}) > 0", (string)rules[2].At("expr")!, StringComparison.Ordinal);
        Assert.Contains("horizontalpodautoscaler=~\"web-web\"", (string)rules[3].At("expr")!, StringComparison.Ordinal);
        Assert.Equal("critical", rules[0].MapAt("labels").At("severity"));
    }

    [Fact]
    public async Task Keda_autoscalers_are_watched_by_the_hpa_keda_creates()
    {
        var args = MeshArgs();
        args.Autoscaler = Autoscalers.Keda;

        var rules = await RulesAsync(args);

        Assert.Contains("horizontalpodautoscaler=~\"keda-hpa-web-web\"", (string)rules.Single(r => Equals(r.At("alert"), PrometheusAlertRules.AtMaxReplicas)).At("expr")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_mesh_only_the_pod_alerts_exist()
    {
        var rules = await RulesAsync(Args());

        Assert.Equal(new object?[] { PrometheusAlertRules.UnavailablePods, PrometheusAlertRules.AtMaxReplicas }, rules.Select(r => r.At("alert")));
    }

    [Fact]
    public async Task Average_statistic_divides_sum_by_count_and_no_rule_exists_unless_asked()
    {
        var args = MeshArgs();
        args.Alerts = new AlertSpec { ResponseTimeStatistic = ResponseTimeStatistics.Average };
        var rules = await RulesAsync(args);
        Assert.StartsWith("sum(rate(istio_request_duration_milliseconds_sum", (string)rules[1].At("expr")!, StringComparison.Ordinal);

        var run = await PulumiTest.RunAsync(() => new KubernetesService("web", MeshArgs()));
        Assert.Equal(0, run.Count(PrometheusRule));
    }
}
