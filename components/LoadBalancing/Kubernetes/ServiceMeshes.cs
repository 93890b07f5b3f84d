namespace Infra.Components.LoadBalancing.Kubernetes;

/// <summary>Which service mesh, if any, carries a Kubernetes service's traffic.</summary>
public static class ServiceMeshes
{
    /// <summary>No mesh: the Service spreads connections; only what Gateway API's standard channel
    /// offers is available.</summary>
    public const string None = "none";

    /// <summary>Istio: DestinationRule and VirtualService carry the algorithm, retries, timeouts,
    /// outlier detection and connection limits.</summary>
    public const string Istio = "istio";

    /// <summary>Every mesh, for validation messages.</summary>
    public static readonly IReadOnlyList<string> All = [None, Istio];
}
