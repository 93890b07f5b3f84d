using System.Globalization;
using Pulumi;
using Pulumi.Azure.Network;

namespace Infra.Components.LoadBalancing.Azure;

/// <summary>
/// The rules a load balancer adds to the network's security groups: clients in only on what they must
/// reach and only from <c>spec.allowedCidrs</c>; the backends reachable only from the gateway subnet
/// (Application Gateway) or, for a Standard Load Balancer, which keeps client addresses, from the
/// allowed ranges plus Azure's probe address. Nothing else, in particular no admin port.
/// </summary>
public static class AzureSecurityRules
{
    /// <summary>Placeholder source meaning "the gateway subnet's range" (known only as an output).</summary>
    public const string GatewaySubnet = "(gateway subnet)";

    /// <summary>Service tag of the virtual network's own ranges: who may reach an internal load balancer that lists none.</summary>
    public const string VirtualNetwork = "VirtualNetwork";

    /// <summary>Service tag of Azure's health-probe source (168.63.129.16).</summary>
    public const string AzureLoadBalancer = "AzureLoadBalancer";

    /// <summary>Offset of the probe rules from the client rules on a Standard Load Balancer's backend group.</summary>
    public const int ProbeRuleOffset = 100;

    /// <summary>Every rule for <paramref name="spec"/> (assumes no problems), in priority order per group.</summary>
    public static IReadOnlyList<AzureSecurityRule> For(LoadBalancerSpec spec, int priorityBase)
    {
        IReadOnlyList<string> clients = spec.AllowedCidrs.Count > 0 ? [.. spec.AllowedCidrs] : [VirtualNetwork];
        var pools = spec.Pools.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var rules = new List<AzureSecurityRule>();
        if (spec.Layer == LoadBalancerLayers.Network)
        {
            // A Standard Load Balancer rewrites only the destination: the backend's NSG sees the client's
            // address and the backend port (Azure docs, "Azure Load Balancer components", and "Network security
            // groups" with Standard Load Balancer: traffic must be explicitly allowed to the backend instances).
            for (var i = 0; i < pools.Count; i++)
            {
                var (key, pool) = pools[i];
                rules.Add(new($"clients-{key}", false, priorityBase + i, clients, [pool.Port], $"clients to pool {key}"));
                rules.Add(new($"probes-{key}", false, priorityBase + ProbeRuleOffset + i, [AzureLoadBalancer],
                    [pool.HealthCheck?.Port ?? pool.Port], $"health probes of pool {key}"));
            }
            return rules;
        }

        var listeners = spec.Listeners.OrderBy(l => l.Value.Port).ToList();
        for (var i = 0; i < listeners.Count; i++)
        {
            var (key, listener) = listeners[i];
            rules.Add(new($"listener-{key}", true, priorityBase + i, clients, [listener.Port], $"clients to listener {key}"));
        }
        for (var i = 0; i < pools.Count; i++)
        {
            var (key, pool) = pools[i];
            IReadOnlyList<int> ports = pool.HealthCheck?.Port is { } check && check != pool.Port ? [pool.Port, check] : [pool.Port];
            rules.Add(new($"pool-{key}", false, priorityBase + i, [GatewaySubnet], ports, $"application gateway to pool {key}"));
        }
        return rules;
    }

    /// <summary>The NSG rule resource's arguments for <paramref name="rule"/>.</summary>
    public static NetworkSecurityRuleArgs ToArgs(AzureSecurityRule rule, Input<string> resourceGroupName, Input<string> securityGroupName,
        Input<string>? gatewaySubnetCidr)
    {
        var args = new NetworkSecurityRuleArgs
        {
            ResourceGroupName = resourceGroupName,
            NetworkSecurityGroupName = securityGroupName,
            Priority = rule.Priority,
            Direction = "Inbound",
            Access = "Allow",
            Protocol = "Tcp",
            SourcePortRange = "*",
            // The group guards one subnet only, so "any destination" means that subnet's addresses.
            DestinationAddressPrefix = "*",
            Description = rule.Description,
        };
        // Service tags go only in the singular prefix; several CIDRs in the plural list.
        if (rule.Sources is [var single])
            args.SourceAddressPrefix = single == GatewaySubnet ? gatewaySubnetCidr! : single;
        else
            args.SourceAddressPrefixes = rule.Sources.ToList();
        if (rule.Ports is [var port])
            args.DestinationPortRange = port.ToString(CultureInfo.InvariantCulture);
        else
            args.DestinationPortRanges = rule.Ports.Select(p => p.ToString(CultureInfo.InvariantCulture)).ToList();
        return args;
    }
}
