namespace Infra.Components.LoadBalancing.Azure;

/// <summary>One inbound allow rule a load balancer adds to a subnet's network security group.</summary>
/// <param name="Key">Stable part of the rule's resource name (listener or pool key, never a position).</param>
/// <param name="OnGatewaySubnet">True for the gateway subnet's group, false for the backend subnet's.</param>
/// <param name="Priority">NSG priority, unique within the group and fixed by the spec's keys.</param>
/// <param name="Sources">Source prefixes: CIDRs, or one service tag (<c>VirtualNetwork</c>,
/// <c>AzureLoadBalancer</c>), or <see cref="AzureSecurityRules.GatewaySubnet"/> for the gateway subnet's range.</param>
/// <param name="Ports">Destination TCP ports.</param>
/// <param name="Description">What the rule is for.</param>
public sealed record AzureSecurityRule(string Key, bool OnGatewaySubnet, int Priority, IReadOnlyList<string> Sources, IReadOnlyList<int> Ports, string Description);
