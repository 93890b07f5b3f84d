using System.Collections.Immutable;
using Infra.Plan;
using static Infra.Guardrails.GuardrailPlan;

namespace Infra.Guardrails;

/// <summary>Who may reach what: the internet only the listener ports, instances only the load balancer.</summary>
public static class NetworkRules
{
    /// <summary>Sources that mean "anyone on the internet" (CIDRs and Azure's service tags / wildcard).</summary>
    public static readonly ImmutableHashSet<string> Internet = ["0.0.0.0/0", "::/0", "*", "Internet", "Any"];

    /// <summary>The only ports the internet may reach, and only where a listener serves them.</summary>
    public static readonly ImmutableHashSet<int> PublicPorts = [80, 443];

    /// <summary>INFRA-NET-001.</summary>
    public static readonly GuardrailRule NoOpenIngress = new(
        "INFRA-NET-001",
        "No ingress from 0.0.0.0/0 or ::/0 except to listener ports 80/443",
        "admit the internet only on the load balancer's HTTP/HTTPS listener ports (one port per rule); reach admin ports through a bastion or SSM, never from anywhere",
        OpenIngress);

    /// <summary>INFRA-NET-002.</summary>
    public static readonly GuardrailRule InstancesOnlyFromLoadBalancer = new(
        "INFRA-NET-002",
        "Instances take ingress only from the load balancer",
        "let the instances' security group (or backend NSG) admit only the load balancer's security group (or the gateway subnet) on the pool ports",
        InstanceIngress);

    private static IEnumerable<GuardrailFinding> OpenIngress(GuardrailPlan plan)
    {
        var listenerPorts = ListenerPorts(plan);
        string Allowed() => listenerPorts.Count == 0 ? "none (no listener)" : string.Join(", ", listenerPorts.Order());

        foreach (var rule in plan.OfType(PlannedTypes.AwsIngressRule))
        {
            var source = Text(rule.Inputs, "cidrIpv4") ?? Text(rule.Inputs, "cidrIpv6");
            if (source == null || !Internet.Contains(source))
                continue;
            if (!IsPublicPort(Number(rule.Inputs, "fromPort"), Number(rule.Inputs, "toPort"), Text(rule.Inputs, "ipProtocol"), listenerPorts))
                yield return new(rule, $"admits {source} on {PortText(rule.Inputs, "fromPort", "toPort", "ipProtocol")}; the internet may reach only listener ports {Allowed()}");
        }
        foreach (var rule in plan.OfType(PlannedTypes.AwsSecurityGroupRule).Where(r => Equals(r.Inputs.GetValueOrDefault("type"), "ingress")))
            foreach (var source in Strings(rule.Inputs, "cidrBlocks").Concat(Strings(rule.Inputs, "ipv6CidrBlocks")).Where(Internet.Contains))
                if (!IsPublicPort(Number(rule.Inputs, "fromPort"), Number(rule.Inputs, "toPort"), Text(rule.Inputs, "protocol"), listenerPorts))
                    yield return new(rule, $"admits {source} on {PortText(rule.Inputs, "fromPort", "toPort", "protocol")}; the internet may reach only listener ports {Allowed()}");
        foreach (var group in plan.OfType(PlannedTypes.AwsSecurityGroup))
            foreach (var ingress in Blocks(group.Inputs, "ingress"))
                foreach (var source in Strings(ingress, "cidrBlocks").Concat(Strings(ingress, "ipv6CidrBlocks")).Where(Internet.Contains))
                    if (!IsPublicPort(Number(ingress, "fromPort"), Number(ingress, "toPort"), Text(ingress, "protocol"), listenerPorts))
                        yield return new(group, $"an inline ingress admits {source} on {PortText(ingress, "fromPort", "toPort", "protocol")}; the internet may reach only listener ports {Allowed()}");

        foreach (var rule in plan.OfType(PlannedTypes.AzureSecurityRule))
        {
            if (!Equals(rule.Inputs.GetValueOrDefault("direction"), "Inbound") || !Equals(rule.Inputs.GetValueOrDefault("access"), "Allow"))
                continue;
            var sources = Strings(rule.Inputs, "sourceAddressPrefixes").Append(Text(rule.Inputs, "sourceAddressPrefix")).OfType<string>();
            var open = sources.FirstOrDefault(Internet.Contains);
            if (open == null)
                continue;
            var ranges = Strings(rule.Inputs, "destinationPortRanges").Append(Text(rule.Inputs, "destinationPortRange")).OfType<string>().ToList();
            foreach (var range in ranges.Where(r => !int.TryParse(r, out var port) || !PublicPorts.Contains(port) || !listenerPorts.Contains(port)))
                yield return new(rule, $"admits {open} on port {range}; the internet may reach only listener ports {Allowed()}");
        }
    }

    /// <summary>Ports the plan's public listeners serve (AWS listeners, Application Gateway frontend ports, Azure LB rules).</summary>
    private static ImmutableHashSet<int> ListenerPorts(GuardrailPlan plan)
        => plan.OfType(PlannedTypes.AwsListener).Select(l => Number(l.Inputs, "port"))
            .Concat(plan.OfType(PlannedTypes.AzureApplicationGateway).SelectMany(g => Blocks(g.Inputs, "frontendPorts")).Select(p => Number(p, "port")))
            .Concat(plan.OfType(PlannedTypes.AzureLoadBalancerRule).Select(r => Number(r.Inputs, "frontendPort")))
            .OfType<double>().Select(p => (int)p).ToImmutableHashSet();

    private static bool IsPublicPort(double? from, double? to, string? protocol, ImmutableHashSet<int> listenerPorts)
        => protocol is not ("-1" or "all") && from is { } f && to is { } t && f == t && PublicPorts.Contains((int)f) && listenerPorts.Contains((int)f);

    private static string PortText(IReadOnlyDictionary<string, object?> inputs, string from, string to, string protocol)
    {
        var p = Text(inputs, protocol);
        if (p is "-1" or "all")
            return "every protocol and port";
        var f = Number(inputs, from);
        var t = Number(inputs, to);
        return f == t ? $"port {f}" : $"ports {f}-{t}";
    }

    private static IEnumerable<GuardrailFinding> InstanceIngress(GuardrailPlan plan)
    {
        // AWS: the groups the launch templates put on instances may admit only the load balancers' groups.
        var balancerGroups = plan.OfType(PlannedTypes.AwsLoadBalancer).SelectMany(b => Strings(b.Inputs, "securityGroups")).ToImmutableHashSet();
        var instanceGroupIds = plan.OfType(PlannedTypes.AwsLaunchTemplate)
            .SelectMany(t => Strings(t.Inputs, "vpcSecurityGroupIds").Concat(Blocks(t.Inputs, "networkInterfaces").SelectMany(n => Strings(n, "securityGroups"))))
            .ToImmutableHashSet();
        foreach (var id in instanceGroupIds)
        {
            if (plan.ById(id) is not { Type: PlannedTypes.AwsSecurityGroup } group)
                continue;
            foreach (var ingress in Blocks(group.Inputs, "ingress"))
            {
                var cidrs = Strings(ingress, "cidrBlocks").Concat(Strings(ingress, "ipv6CidrBlocks")).Concat(Strings(ingress, "prefixListIds")).ToList();
                var groups = Strings(ingress, "securityGroups").ToList();
                if (cidrs.Count > 0)
                    yield return new(group, $"instances admit {string.Join(", ", cidrs)} directly; only the load balancer may reach them");
                foreach (var other in groups.Where(g => !balancerGroups.Contains(g)))
                    yield return new(group, $"instances admit security group {other}, which is not a load balancer's");
                if (IsTrue(ingress, "self"))
                    yield return new(group, "instances admit each other (self); only the load balancer may reach them");
            }
        }
        foreach (var rule in plan.OfType(PlannedTypes.AwsIngressRule).Where(r => instanceGroupIds.Contains(Text(r.Inputs, "securityGroupId") ?? "")))
            if (Text(rule.Inputs, "referencedSecurityGroupId") is not { } source || !balancerGroups.Contains(source))
                yield return new(rule, $"instances admit {Text(rule.Inputs, "cidrIpv4") ?? Text(rule.Inputs, "cidrIpv6") ?? Text(rule.Inputs, "referencedSecurityGroupId") ?? Text(rule.Inputs, "prefixListId") ?? "a source"}, not the load balancer's security group");
        foreach (var rule in plan.OfType(PlannedTypes.AwsSecurityGroupRule).Where(r => Equals(r.Inputs.GetValueOrDefault("type"), "ingress") && instanceGroupIds.Contains(Text(r.Inputs, "securityGroupId") ?? "")))
            if (Text(rule.Inputs, "sourceSecurityGroupId") is not { } source || !balancerGroups.Contains(source))
                yield return new(rule, "instances admit a source other than the load balancer's security group");

        // Azure, behind an Application Gateway: the backend subnet's NSG may admit only the gateway subnet
        // (and Azure's own load balancer probes). A Standard Load Balancer passes client addresses through
        // to the instances, so there the client ranges are the sources by design and are not checked here.
        var gatewaySubnets = plan.OfType(PlannedTypes.AzureApplicationGateway)
            .SelectMany(g => Blocks(g.Inputs, "gatewayIpConfigurations")).Select(c => plan.ById(Text(c, "subnetId")))
            .OfType<PlannedResource>().ToList();
        if (gatewaySubnets.Count == 0)
            yield break;
        var gatewayPrefixes = gatewaySubnets.SelectMany(s => Strings(s.Inputs, "addressPrefixes")).ToImmutableHashSet();
        foreach (var set in plan.OfType(PlannedTypes.AzureLinuxScaleSet).Concat(plan.OfType(PlannedTypes.AzureWindowsScaleSet)))
        {
            var subnetIds = Blocks(set.Inputs, "networkInterfaces").SelectMany(n => Blocks(n, "ipConfigurations"))
                .Where(c => Strings(c, "applicationGatewayBackendAddressPoolIds").Any()).Select(c => Text(c, "subnetId")).OfType<string>().ToImmutableHashSet();
            var groupNames = plan.OfType(PlannedTypes.AzureSubnetNsgAssociation)
                .Where(a => subnetIds.Contains(Text(a.Inputs, "subnetId") ?? ""))
                .Select(a => plan.ById(Text(a.Inputs, "networkSecurityGroupId"))?.Name).OfType<string>().ToImmutableHashSet();
            foreach (var rule in plan.OfType(PlannedTypes.AzureSecurityRule).Where(r => groupNames.Contains(Text(r.Inputs, "networkSecurityGroupName") ?? "")))
            {
                if (!Equals(rule.Inputs.GetValueOrDefault("direction"), "Inbound") || !Equals(rule.Inputs.GetValueOrDefault("access"), "Allow"))
                    continue;
                var sources = Strings(rule.Inputs, "sourceAddressPrefixes").Append(Text(rule.Inputs, "sourceAddressPrefix")).OfType<string>();
                foreach (var source in sources.Where(s => !gatewayPrefixes.Contains(s) && s != "AzureLoadBalancer"))
                    yield return new(rule, $"the backend subnet of {set.Name} admits {source}; only the Application Gateway's subnet ({string.Join(", ", gatewayPrefixes)}) may reach the instances");
            }
        }
    }
}
