namespace Infra.Components.LoadBalancing;

/// <summary>Which layer a load balancer works at.</summary>
public static class LoadBalancerLayers
{
    /// <summary>HTTP(S)-aware (AWS ALB, Azure Application Gateway, Kubernetes Ingress).</summary>
    public const string Application = "application";

    /// <summary>TCP/TLS connections (AWS NLB, Azure Load Balancer, Kubernetes Service).</summary>
    public const string Network = "network";

    /// <summary>Every layer, for validation messages.</summary>
    public static readonly IReadOnlyList<string> All = [Application, Network];
}
