using System.Globalization;

namespace Infra.Components.Monitoring.Kubernetes;

/// <summary>
/// The one translation of an <see cref="AlertSpec"/> into a prometheus-operator PrometheusRule spec
/// with the four alerts every cloud has: server-error rate and response time (from Istio's standard
/// request metrics, so only with the mesh), unavailable pods and an autoscaler at its maximum (from
/// kube-state-metrics). Windows are <c>periodSeconds</c>; an alert fires after
/// <c>periodSeconds × evaluationPeriods</c> of breach (<c>for</c>).
/// </summary>
public static class PrometheusAlertRules
{
    /// <summary>The alert names, as they appear in Alertmanager.</summary>
    public const string ServerErrors = "ServerErrorRateHigh", ResponseTime = "ResponseTimeHigh",
        UnavailablePods = "PodsUnavailable", AtMaxReplicas = "AtMaxReplicas";

    /// <summary>The PrometheusRule spec (<c>groups</c>) for <paramref name="target"/>.</summary>
    public static Dictionary<string, object> Spec(AlertSpec alerts, PrometheusAlertTarget target)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(target);
        var window = $"{alerts.PeriodSeconds}s";
        var hold = $"{alerts.PeriodSeconds * alerts.EvaluationPeriods}s";
        var rules = new List<object>();
        if (target.WithMesh)
        {
            var requests = $"reporter=\"destination\",destination_service_namespace=\"{target.Namespace}\",destination_service_name=\"{target.Service}\"";
            rules.Add(Rule(ServerErrors, hold, "critical",
                $"sum(rate(istio_requests_total{{{requests},response_code=~\"5..\"}}[{window}])) / sum(rate(istio_requests_total{{{requests}}}[{window}])) * 100 > {Number(alerts.ServerErrorRatePercent)}",
                $"More than {Number(alerts.ServerErrorRatePercent)} % of requests to {target.Service} fail with 5xx."));
            // Istio reports durations in milliseconds.
            var thresholdMs = Number(alerts.ResponseTimeSeconds * 1000);
            var latency = alerts.ResponseTimeStatistic switch
            {
                ResponseTimeStatistics.P95 => Quantile(0.95, requests, window),
                ResponseTimeStatistics.P99 => Quantile(0.99, requests, window),
                ResponseTimeStatistics.Average =>
                    $"sum(rate(istio_request_duration_milliseconds_sum{{{requests}}}[{window}])) / sum(rate(istio_request_duration_milliseconds_count{{{requests}}}[{window}]))",
                _ => throw new ArgumentOutOfRangeException(nameof(alerts), alerts.ResponseTimeStatistic, "validate the spec first"),
            };
            rules.Add(Rule(ResponseTime, hold, "warning", $"{latency} > {thresholdMs}",
                $"The {alerts.ResponseTimeStatistic} response time of {target.Service} is above {Number(alerts.ResponseTimeSeconds)} s."));
        }

        var deployments = string.Join("|", target.Deployments);
        rules.Add(Rule(UnavailablePods, hold, "critical",
            $"max by (deployment) (kube_deployment_status_replicas_unavailable{{namespace=\"{target.Namespace}\",deployment=~\"{deployments}\"}}) > {alerts.UnhealthyHosts}",
            $"More than {alerts.UnhealthyHosts} pods of a deployment of {target.Name} are unavailable."));
        if (alerts.AtMaxCapacity && target.Autoscalers.Count > 0)
        {
            var hpas = $"namespace=\"{target.Namespace}\",horizontalpodautoscaler=~\"{string.Join("|", target.Autoscalers)}\"";
            rules.Add(Rule(AtMaxReplicas, hold, "warning",
                $"max by (horizontalpodautoscaler) (kube_horizontalpodautoscaler_status_current_replicas{{{hpas}}}) >= " +
                $"max by (horizontalpodautoscaler) (kube_horizontalpodautoscaler_spec_max_replicas{{{hpas}}})",
                $"An autoscaler of {target.Name} has run at its maximum replicas; demand may exceed what it can add."));
        }
        return new Dictionary<string, object>
        {
            ["groups"] = new List<object>
            {
                new Dictionary<string, object> { ["name"] = $"{target.Name}.alerts", ["rules"] = rules },
            },
        };
    }

    private static string Quantile(double quantile, string requests, string window)
        => $"histogram_quantile({Number(quantile)}, sum by (le) (rate(istio_request_duration_milliseconds_bucket{{{requests}}}[{window}])))";

    private static Dictionary<string, object> Rule(string alert, string hold, string severity, string expression, string summary) => new()
    {
        ["alert"] = alert,
        ["expr"] = expression,
        ["for"] = hold,
        ["labels"] = new Dictionary<string, object> { ["severity"] = severity },
        ["annotations"] = new Dictionary<string, object> { ["summary"] = summary },
    };

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
