namespace Infra.Components.LoadBalancing.Kubernetes;

/// <summary>
/// The one place where cloud-neutral <see cref="LoadBalancingAlgorithms"/> become Kubernetes
/// settings: one switch per mesh choice, whose default arm refuses with the nearest supported choice.
/// See README.md beside this file for the table.
/// </summary>
public static class KubernetesAlgorithmMapping
{
    /// <summary>Istio simple load balancer: each endpoint in turn.</summary>
    public const string IstioRoundRobin = "ROUND_ROBIN";

    /// <summary>Istio simple load balancer: the endpoint with fewer active requests, of two picked at
    /// random (Envoy's power-of-two-choices least request).</summary>
    public const string IstioLeastRequest = "LEAST_REQUEST";

    /// <summary>Istio simple load balancer: a random endpoint.</summary>
    public const string IstioRandom = "RANDOM";

    /// <summary>The choice for <paramref name="algorithm"/> under <paramref name="mesh"/>.</summary>
    public static KubernetesAlgorithmChoice For(string algorithm, string mesh)
        => mesh == ServiceMeshes.Istio ? WithIstio(algorithm) : WithoutMesh(algorithm);

    /// <summary>With Istio: DestinationRule <c>trafficPolicy.loadBalancer.simple</c>.</summary>
    public static KubernetesAlgorithmChoice WithIstio(string algorithm) => algorithm switch
    {
        LoadBalancingAlgorithms.RoundRobin => new(IstioRoundRobin, false, null),
        LoadBalancingAlgorithms.LeastConnections => new(IstioLeastRequest, false, null),
        LoadBalancingAlgorithms.Random => new(IstioRandom, false, null),
        // Weights apply between subsets (VirtualService) and between Services (HTTPRoute); inside a
        // pool endpoints take turns, as on AWS.
        LoadBalancingAlgorithms.Weighted => new(IstioRoundRobin, true, null),
        // Istio's consistentHash hashes a header, a cookie, a query parameter or the source IP, never
        // the connection's addresses and ports, so it would pin every client behind one NAT to one
        // pod: a different behaviour, not a flow hash.
        _ => new(null, false,
            $"Istio balances by ROUND_ROBIN, LEAST_REQUEST or RANDOM and its consistent hash keys on a header, cookie or " +
            $"source IP, not on each connection's addresses and ports, so it cannot do {algorithm}; use round-robin, " +
            "or stickiness (lb-cookie) to keep a client on one pod"),
    };

    /// <summary>Without a mesh: what Gateway API's standard channel and the Service can do.</summary>
    public static KubernetesAlgorithmChoice WithoutMesh(string algorithm) => algorithm switch
    {
        // The Service (kube-proxy) spreads connections over ready endpoints, and gateways spread
        // requests over the Service's endpoints; neither takes a setting.
        LoadBalancingAlgorithms.RoundRobin => new(null, false, null),
        LoadBalancingAlgorithms.Weighted => new(null, true, null),
        _ => new(null, false,
            $"Gateway API's standard channel and the Kubernetes Service have no field that selects {algorithm} " +
            "(each gateway picks its own algorithm); use round-robin, or mesh istio for least-connections and random"),
    };
}
