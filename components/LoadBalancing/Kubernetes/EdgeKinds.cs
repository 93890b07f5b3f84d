namespace Infra.Components.LoadBalancing.Kubernetes;

/// <summary>How traffic from outside the cluster reaches a Kubernetes service.</summary>
public static class EdgeKinds
{
    /// <summary>Gateway API (<c>gateway.networking.k8s.io/v1</c>): an HTTPRoute attached to a Gateway
    /// the site names or the component creates.</summary>
    public const string GatewayApi = "gateway-api";

    /// <summary>A <c>networking.k8s.io/v1</c> Ingress of a named class, for clusters without Gateway
    /// API. Nothing defaults to or depends on ingress-nginx, whose community controller was retired
    /// in March 2026 (no more releases or security fixes).</summary>
    public const string Ingress = "ingress";

    /// <summary>Every edge, for validation messages.</summary>
    public static readonly IReadOnlyList<string> All = [GatewayApi, Ingress];
}
