using Infra.Components.Autoscaling.Kubernetes;
using Infra.Components.LoadBalancing.Kubernetes;
using Infra.Components.Workloads.Kubernetes;

namespace Infra.Settings;

/// <summary>
/// An existing Kubernetes cluster the service runs on (<c>{cloud: kubernetes, cluster: ..., namespace: ...}</c>):
/// the same service description as a Deployment per pool behind Gateway API routes (or an Ingress), with
/// Istio rules when the cluster runs the mesh, and an HPA or KEDA autoscaler.
/// </summary>
public sealed class KubernetesSiteSettings : SiteSettings
{
    /// <summary>The cluster, by the kubeconfig context that reaches it (e.g. "staging-eu"). Required.</summary>
    public string? Cluster { get; set; }

    /// <inheritdoc />
    public override string? Where => Cluster;

    /// <summary>The existing namespace to deploy into. Required.</summary>
    public string? Namespace { get; set; }

    /// <summary>Container image, pinned by tag or digest. Required.</summary>
    public string? Image { get; set; }

    /// <summary>"none" or "istio" (the cluster runs Istio with sidecar injection in the namespace). Default: "none".</summary>
    public string Mesh { get; set; } = ServiceMeshes.None;

    /// <summary>"gateway-api" (an HTTPRoute on a Gateway) or "ingress" (a networking.k8s.io/v1 Ingress). Default: "gateway-api".</summary>
    public string Edge { get; set; } = EdgeKinds.GatewayApi;

    /// <summary>An existing Gateway the routes attach to. Default: the component creates one of <see cref="GatewayClassName"/>.</summary>
    public string? GatewayName { get; set; }

    /// <summary>Namespace of <see cref="GatewayName"/>. Default: the site's namespace.</summary>
    public string? GatewayNamespace { get; set; }

    /// <summary>GatewayClass of the Gateway the component creates. Required without <see cref="GatewayName"/> (edge gateway-api).</summary>
    public string? GatewayClassName { get; set; }

    /// <summary>IngressClass of the cluster's ingress controller (edge ingress); nothing defaults to ingress-nginx. Default: none.</summary>
    public string? IngressClassName { get; set; }

    /// <summary>Namespace of the ingress controller or gateway, which the NetworkPolicy admits. Default: the Gateway's namespace.</summary>
    public string? EdgeNamespace { get; set; }

    /// <summary>Namespaces of in-cluster clients the NetworkPolicy admits too. Default: none.</summary>
    public List<string> ClientNamespaces { get; set; } = [];

    /// <summary>Hostnames the routes answer for. Default: any.</summary>
    public List<string> Hostnames { get; set; } = [];

    /// <summary>For a cluster whose nodes span regions: where the mesh sends a region's traffic when none of
    /// its pods is healthy (Istio locality failover; needs mesh istio and outlierDetection). Default: none.</summary>
    public List<LocalityFailoverArgs> LocalityFailover { get; set; } = [];

    /// <summary>Name of the TLS secret (in the Gateway's namespace) the HTTPS listeners serve. Default:
    /// the certificateId written on the listener.</summary>
    public string? TlsSecretName { get; set; }

    /// <summary>The address the cluster's gateway publishes (its cloud load balancer's hostname), which
    /// failover DNS points at and checks. Required with infra:failover.</summary>
    public string? Hostname { get; set; }

    /// <summary>"hpa", "keda" (cron triggers from the forecast schedule plus cpu) or "none". Default: "hpa".</summary>
    public string Autoscaler { get; set; } = Autoscalers.Hpa;

    /// <summary>Create a PrometheusRule with the service's alerts (the cluster runs prometheus-operator). Default: false.</summary>
    public bool PrometheusRules { get; set; }

    /// <summary>Container requests and limits. Default: 250m/256Mi requested, 1/512Mi limit.</summary>
    public ContainerResourcesArgs Resources { get; set; } = new();
}
