namespace Infra.Components.Monitoring.Kubernetes;

/// <summary>What <see cref="PrometheusAlertRules"/> watch.</summary>
/// <param name="Name">Component name, for the rule group name.</param>
/// <param name="Namespace">Namespace of the workload.</param>
/// <param name="Service">Service whose requests Istio reports (destination_service_name).</param>
/// <param name="Deployments">Deployment names (one per pool).</param>
/// <param name="Autoscalers">HorizontalPodAutoscaler names (KEDA's are keda-hpa-&lt;ScaledObject&gt;); empty without an autoscaler.</param>
/// <param name="WithMesh">Whether Istio's request metrics exist.</param>
public sealed record PrometheusAlertTarget(string Name, string Namespace, string Service, IReadOnlyList<string> Deployments,
    IReadOnlyList<string> Autoscalers, bool WithMesh);
