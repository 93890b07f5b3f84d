namespace Infra.Components.LoadBalancing.Aws;

/// <summary>
/// The one place where cloud-neutral <see cref="LoadBalancingAlgorithms"/> become Elastic Load
/// Balancing settings: one switch per load balancer type, whose default arm refuses with the nearest
/// supported choice. See README.md beside this file for the table.
/// </summary>
public static class AwsAlgorithmMapping
{
    /// <summary>Target-group algorithm: each target in turn (the AWS default).</summary>
    public const string RoundRobin = "round_robin";

    /// <summary>Target-group algorithm: the target with the fewest in-flight requests.</summary>
    public const string LeastOutstandingRequests = "least_outstanding_requests";

    /// <summary>Target-group algorithm: a random target, optionally steered away from anomalous ones.</summary>
    public const string WeightedRandom = "weighted_random";

    /// <summary>Anomaly mitigation switched on (only valid with <see cref="WeightedRandom"/>).</summary>
    public const string AnomalyMitigationOn = "on";

    /// <summary>Anomaly mitigation switched off.</summary>
    public const string AnomalyMitigationOff = "off";

    /// <summary>The choice for <paramref name="algorithm"/> on a load balancer of <paramref name="layer"/>.</summary>
    public static AwsAlgorithmChoice For(string layer, string algorithm)
        => layer == LoadBalancerLayers.Network ? ForNetworkLoadBalancer(algorithm) : ForApplicationLoadBalancer(algorithm);

    /// <summary>The choice for <paramref name="algorithm"/> on an Application Load Balancer.</summary>
    public static AwsAlgorithmChoice ForApplicationLoadBalancer(string algorithm) => algorithm switch
    {
        LoadBalancingAlgorithms.RoundRobin => new(RoundRobin, false, null),
        LoadBalancingAlgorithms.LeastConnections => new(LeastOutstandingRequests, false, null),
        LoadBalancingAlgorithms.Random => new(WeightedRandom, false, null),
        // Weights apply between target groups at the listener; inside each group AWS's default turn-taking stays.
        LoadBalancingAlgorithms.Weighted => new(RoundRobin, true, null),
        _ => new(null, false,
            $"an AWS Application Load Balancer picks a target per request by round_robin, least_outstanding_requests " +
            $"or weighted_random and cannot use {algorithm}; use round-robin (nearest), or layer network (NLB) for {algorithm}"),
    };

    /// <summary>The choice for <paramref name="algorithm"/> on a Network Load Balancer.</summary>
    public static AwsAlgorithmChoice ForNetworkLoadBalancer(string algorithm) => algorithm switch
    {
        // The NLB has no algorithm attribute: leaving the target group's setting unset is the flow hash.
        LoadBalancingAlgorithms.FlowHash => new(null, false, null),
        _ => new(null, false,
            $"an AWS Network Load Balancer has no algorithm setting: it hashes each flow (protocol, source and " +
            $"destination address and port) to one target; use flow-hash, or layer application (ALB) for {algorithm}"),
    };
}
