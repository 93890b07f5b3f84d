namespace Infra.Components.LoadBalancing.Azure;

/// <summary>
/// The one place where cloud-neutral <see cref="LoadBalancingAlgorithms"/> and stickiness modes become
/// Azure settings: one switch per backend (Application Gateway v2, Standard Load Balancer), whose
/// default arm refuses with the nearest supported choice. See README.md beside this file for the table.
/// </summary>
public static class AzureAlgorithmMapping
{
    /// <summary>Standard Load Balancer distribution: a hash of the 5-tuple (source and destination address
    /// and port, protocol), so each flow stays on one backend (Azure docs, "Azure Load Balancer distribution modes").</summary>
    public const string FiveTupleHash = "Default";

    /// <summary>Standard Load Balancer distribution: a hash of the source and destination address only
    /// (session affinity by client IP).</summary>
    public const string SourceIp = "SourceIP";

    /// <summary>App Gateway backend settings: the gateway's own affinity cookie on.</summary>
    public const string CookieAffinityOn = "Enabled";

    /// <summary>App Gateway backend settings: no affinity cookie.</summary>
    public const string CookieAffinityOff = "Disabled";

    /// <summary>The choice for <paramref name="algorithm"/> on a load balancer of <paramref name="layer"/>.</summary>
    public static AzureAlgorithmChoice For(string layer, string algorithm)
        => layer == LoadBalancerLayers.Network ? ForStandardLoadBalancer(algorithm) : ForApplicationGateway(algorithm);

    /// <summary>The choice for <paramref name="algorithm"/> on an Application Gateway v2.</summary>
    public static AzureAlgorithmChoice ForApplicationGateway(string algorithm) => algorithm switch
    {
        // App Gateway has no algorithm setting: it sends requests to the healthy backends in turn.
        LoadBalancingAlgorithms.RoundRobin => new(null, null),
        LoadBalancingAlgorithms.Random => new(null,
            "an Azure Application Gateway takes backends in turn and has no random mode; use layer network (Standard Load Balancer, " +
            "whose 5-tuple hash spreads flows effectively at random), or round-robin"),
        LoadBalancingAlgorithms.LeastConnections => new(null,
            "an Azure Application Gateway has no least-connections setting (nor has the Standard Load Balancer); use round-robin (nearest)"),
        LoadBalancingAlgorithms.Weighted => new(null,
            "an Azure Application Gateway cannot split traffic between pools by weight; use round-robin with one pool, and weight " +
            "between sites with Traffic Manager weighted routing (FailoverDns routing weighted) or Azure Front Door"),
        _ => new(null,
            $"an Azure Application Gateway routes each request to the next backend and cannot use {algorithm}; " +
            $"use round-robin (nearest), or layer network (Standard Load Balancer) for {algorithm}"),
    };

    /// <summary>The choice for <paramref name="algorithm"/> on a Standard Load Balancer.</summary>
    public static AzureAlgorithmChoice ForStandardLoadBalancer(string algorithm) => algorithm switch
    {
        LoadBalancingAlgorithms.FlowHash => new(FiveTupleHash, null),
        // Azure offers no uniform random pick; the 5-tuple hash is what spreads new flows across backends.
        LoadBalancingAlgorithms.Random => new(FiveTupleHash, null),
        LoadBalancingAlgorithms.LeastConnections => new(null,
            "an Azure Standard Load Balancer has no least-connections setting (nor has Application Gateway); use flow-hash, " +
            "or layer application with round-robin"),
        LoadBalancingAlgorithms.Weighted => new(null,
            "an Azure Standard Load Balancer cannot split traffic between pools by weight; use flow-hash with one pool, and weight " +
            "between sites with Traffic Manager weighted routing (FailoverDns routing weighted) or Azure Front Door"),
        _ => new(null,
            $"an Azure Standard Load Balancer hashes each flow (5-tuple) to a backend and cannot use {algorithm}; " +
            $"use flow-hash, or layer application (Application Gateway) for {algorithm}"),
    };

    /// <summary>The Standard Load Balancer rule's <c>LoadDistribution</c> for <paramref name="spec"/> (assumes no
    /// problems): source-ip stickiness pins a client by its address, otherwise the algorithm's hash.</summary>
    public static string LoadDistribution(LoadBalancerSpec spec)
        => spec.Stickiness?.Mode == StickinessSpec.SourceIp ? SourceIp : ForStandardLoadBalancer(spec.Algorithm).LoadDistribution!;

    /// <summary>The App Gateway backend settings' <c>CookieBasedAffinity</c> for <paramref name="spec"/>: lb-cookie
    /// stickiness turns the gateway's own affinity cookie on.</summary>
    public static string CookieAffinity(LoadBalancerSpec spec)
        => spec.Stickiness?.Mode == StickinessSpec.LoadBalancerCookie ? CookieAffinityOn : CookieAffinityOff;
}
