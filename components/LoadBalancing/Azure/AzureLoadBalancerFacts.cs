namespace Infra.Components.LoadBalancing.Azure;

/// <summary>Plain facts about an <see cref="AzureLoadBalancer"/> that C# callers need at plan time (e.g. a
/// scale set deciding which backend-pool property its NIC takes).</summary>
/// <param name="IsApplicationGateway">True for an Application Gateway v2 (attach instances through
/// <c>ApplicationGatewayBackendAddressPoolIds</c>), false for a Standard Load Balancer
/// (<c>LoadBalancerBackendAddressPoolIds</c>, with the pool's probe as the scale set's health probe).</param>
/// <param name="PoolPorts">Traffic port of each pool, by pool key.</param>
/// <param name="IsPublic">Whether clients reach it from the internet through a public IP.</param>
public sealed record AzureLoadBalancerFacts(bool IsApplicationGateway, IReadOnlyDictionary<string, int> PoolPorts, bool IsPublic);
