using Pulumi;
using Pulumi.Aws.Vpc;

namespace Infra.Components.LoadBalancing.Aws;

/// <summary>
/// The load balancer's firewall: clients in only on listener ports and only from the allowed ranges;
/// out only to the pools' traffic and health-check ports, and only inside the VPC. Nothing else, in
/// particular no all-protocol rule to 0.0.0.0/0.
/// </summary>
public static class AwsSecurityRules
{
    /// <summary>IP protocol of every rule: listeners and pools all speak TCP.</summary>
    public const string Tcp = "tcp";

    /// <summary>One rule per listener and allowed range. An internal load balancer that lists no ranges
    /// admits the VPC's own range rather than nobody or everybody.</summary>
    public static IReadOnlyList<AwsIngressRule> Ingress(LoadBalancerSpec spec)
    {
        IReadOnlyList<string?> ranges = spec.AllowedCidrs.Count > 0 || spec.Public ? [.. spec.AllowedCidrs] : [null];
        return spec.Listeners
            .OrderBy(l => l.Value.Port)
            .SelectMany(l => ranges.Select(cidr => new AwsIngressRule(l.Key, l.Value.Port, cidr)))
            .ToList();
    }

    /// <summary>Ports the load balancer must reach its targets on: every pool's traffic port, plus each
    /// health check's own port where it differs.</summary>
    public static IReadOnlyList<int> EgressPorts(LoadBalancerSpec spec)
        => spec.Pools.Values
            .SelectMany(p => p.HealthCheck?.Port is { } check ? new[] { p.Port, check } : new[] { p.Port })
            .Distinct()
            .Order()
            .ToList();

    /// <summary>The ingress rule resource's arguments for <paramref name="rule"/>.</summary>
    public static SecurityGroupIngressRuleArgs ToArgs(AwsIngressRule rule, Input<string> securityGroupId, Input<string> vpcCidrBlock,
        IReadOnlyDictionary<string, string> tags) => new()
        {
            SecurityGroupId = securityGroupId,
            IpProtocol = Tcp,
            FromPort = rule.Port,
            ToPort = rule.Port,
            CidrIpv4 = rule.Cidr is { } cidr ? cidr : vpcCidrBlock,
            Description = $"clients to listener {rule.ListenerKey}",
            Tags = tags.ToDictionary(),
        };

    /// <summary>The egress rule resource's arguments for traffic to <paramref name="port"/> inside the VPC.</summary>
    public static SecurityGroupEgressRuleArgs EgressArgs(int port, Input<string> securityGroupId, Input<string> vpcCidrBlock,
        IReadOnlyDictionary<string, string> tags) => new()
        {
            SecurityGroupId = securityGroupId,
            IpProtocol = Tcp,
            FromPort = port,
            ToPort = port,
            CidrIpv4 = vpcCidrBlock,
            Description = $"load balancer to pool port {port}",
            Tags = tags.ToDictionary(),
        };
}
