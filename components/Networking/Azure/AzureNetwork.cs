using Infra.Components.Common;
using Pulumi;
using Pulumi.Azure.Core;
using Pulumi.Azure.Network;

namespace Infra.Components.Networking.Azure;

/// <summary>
/// An Azure virtual network for one service: a dedicated gateway subnet (Application Gateway v2 or a
/// Standard Load Balancer's private frontend) and a backend subnet (scale set), each behind its own
/// network security group, and, by default, a NAT gateway that gives the backend subnet its egress.
/// Load balancers add their listener and pool rules to the two security groups; this component opens
/// only what Application Gateway v2 itself requires, and never an admin port.
/// </summary>
public sealed class AzureNetwork : ComponentResource
{
    /// <summary>Type token of this component.</summary>
    public const string TypeToken = "infra:networking:AzureNetwork";

    /// <summary>Ports Azure's GatewayManager service uses to manage Application Gateway v2 instances
    /// (Azure docs, "Application Gateway infrastructure configuration", Network security groups: "allow
    /// incoming Internet traffic on TCP ports 65200-65535 for the v2 SKU with the destination subnet as
    /// Any and source as GatewayManager service tag"). Azure protects them with its own certificates.</summary>
    public const string GatewayManagerPorts = "65200-65535";

    /// <summary>Priorities of the gateway subnet's own rules; load balancers use 1000 and above.</summary>
    public const int GatewayManagerPriority = 100, AzureLoadBalancerPriority = 110;

    /// <summary>Name of the resource group everything is in.</summary>
    [Output("resourceGroupName")] public Output<string> ResourceGroupName { get; private set; }

    /// <summary>Azure location of the network.</summary>
    [Output("location")] public Output<string> Location { get; private set; }

    /// <summary>Id of the virtual network.</summary>
    [Output("virtualNetworkId")] public Output<string> VirtualNetworkId { get; private set; }

    /// <summary>Id of the gateway subnet: where an Application Gateway or an internal load balancer's frontend goes.</summary>
    [Output("gatewaySubnetId")] public Output<string> GatewaySubnetId { get; private set; }

    /// <summary>Id of the backend subnet: where the scale set's instances go.</summary>
    [Output("backendSubnetId")] public Output<string> BackendSubnetId { get; private set; }

    /// <summary>IPv4 range of the gateway subnet; backend rules admit the Application Gateway from it.</summary>
    [Output("gatewaySubnetCidr")] public Output<string> GatewaySubnetCidr { get; private set; }

    /// <summary>IPv4 range of the backend subnet.</summary>
    [Output("backendSubnetCidr")] public Output<string> BackendSubnetCidr { get; private set; }

    /// <summary>Name of the gateway subnet's network security group; load balancers add their listener rules to it.</summary>
    [Output("gatewaySecurityGroupName")] public Output<string> GatewaySecurityGroupName { get; private set; }

    /// <summary>Name of the backend subnet's network security group; load balancers add their pool rules to it.</summary>
    [Output("backendSecurityGroupName")] public Output<string> BackendSecurityGroupName { get; private set; }

    private readonly string _location;
    private readonly IReadOnlyList<string> _zones;

    /// <summary>The location as a plain value, for C# callers that pass it on as a plain setting (load balancer, scale set).</summary>
    /// <remarks>A method rather than a property: every public property of a component is package schema.</remarks>
    public string LocationName() => _location;

    /// <summary>The zones in use as plain values (the args' zones or the location's default), for C# callers
    /// that build zonal resources on this network.</summary>
    public IReadOnlyList<string> ZonesInUse() => _zones;

    /// <summary>Validates <paramref name="args"/>, reporting every problem at once, then creates the
    /// network's resources as children of this component.</summary>
    public AzureNetwork(string name, AzureNetworkArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        InvalidSpecException.ThrowIfAny($"AzureNetwork \"{name}\"", args.FindProblems(""));
        var child = new CustomResourceOptions { Parent = this };
        _location = args.Location;
        _zones = args.EffectiveZones.ToList();
        var (gatewayCidr, backendCidr) = AzureSubnetLayout.Split(args.AddressSpace);
        InputMap<string> Tags() => args.Tags.ToDictionary();

        Input<string> resourceGroupName = args.ResourceGroupName is { } existing
            ? existing
            : new ResourceGroup($"{name}-rg", new ResourceGroupArgs { Location = args.Location, Tags = Tags() }, child).Name;

        var network = new VirtualNetwork($"{name}-vnet", new VirtualNetworkArgs
        {
            ResourceGroupName = resourceGroupName,
            Location = args.Location,
            AddressSpaces = { args.AddressSpace },
            Tags = Tags(),
        }, child);

        var gatewaySubnet = new Subnet($"{name}-gateway", new SubnetArgs
        {
            ResourceGroupName = resourceGroupName,
            VirtualNetworkName = network.Name,
            AddressPrefixes = { gatewayCidr },
        }, child);
        var backendSubnet = new Subnet($"{name}-backend", new SubnetArgs
        {
            ResourceGroupName = resourceGroupName,
            VirtualNetworkName = network.Name,
            AddressPrefixes = { backendCidr },
            // Egress only through what is declared (the NAT gateway or a load balancer outbound rule),
            // never through Azure's implicit default outbound address, which Azure is retiring.
            DefaultOutboundAccessEnabled = false,
        }, child);

        // Rules are separate NetworkSecurityRule resources, never inline: load balancers add theirs to the
        // same groups, and Azure's provider fights over a group that mixes both styles.
        var gatewayFirewall = new NetworkSecurityGroup($"{name}-gateway-nsg", new NetworkSecurityGroupArgs
        {
            ResourceGroupName = resourceGroupName,
            Location = args.Location,
            Tags = Tags(),
        }, child);
        var backendFirewall = new NetworkSecurityGroup($"{name}-backend-nsg", new NetworkSecurityGroupArgs
        {
            ResourceGroupName = resourceGroupName,
            Location = args.Location,
            Tags = Tags(),
        }, child);

        // What Application Gateway v2 needs on its subnet (Azure docs, "Application Gateway infrastructure
        // configuration", Network security groups): GatewayManager in on 65200-65535, and the Azure load
        // balancer's probes in. Neither admits clients; listener rules come from the load balancer.
        _ = new NetworkSecurityRule($"{name}-gateway-allow-gateway-manager", new NetworkSecurityRuleArgs
        {
            ResourceGroupName = resourceGroupName,
            NetworkSecurityGroupName = gatewayFirewall.Name,
            Priority = GatewayManagerPriority,
            Direction = "Inbound",
            Access = "Allow",
            Protocol = "Tcp",
            SourceAddressPrefix = "GatewayManager",
            SourcePortRange = "*",
            DestinationAddressPrefix = "*",
            DestinationPortRange = GatewayManagerPorts,
            Description = "Application Gateway v2 infrastructure (GatewayManager service tag)",
        }, child);
        _ = new NetworkSecurityRule($"{name}-gateway-allow-azure-load-balancer", new NetworkSecurityRuleArgs
        {
            ResourceGroupName = resourceGroupName,
            NetworkSecurityGroupName = gatewayFirewall.Name,
            Priority = AzureLoadBalancerPriority,
            Direction = "Inbound",
            Access = "Allow",
            Protocol = "*",
            SourceAddressPrefix = "AzureLoadBalancer",
            SourcePortRange = "*",
            DestinationAddressPrefix = "*",
            DestinationPortRange = "*",
            Description = "Azure infrastructure load balancer (health probes of Application Gateway v2)",
        }, child);

        _ = new SubnetNetworkSecurityGroupAssociation($"{name}-gateway-nsg-association", new SubnetNetworkSecurityGroupAssociationArgs
        {
            SubnetId = gatewaySubnet.Id,
            NetworkSecurityGroupId = gatewayFirewall.Id,
        }, child);
        _ = new SubnetNetworkSecurityGroupAssociation($"{name}-backend-nsg-association", new SubnetNetworkSecurityGroupAssociationArgs
        {
            SubnetId = backendSubnet.Id,
            NetworkSecurityGroupId = backendFirewall.Id,
        }, child);

        if (args.NatGateway)
        {
            // A Standard NAT gateway is zonal ("a specific zone" or "no zone"), and a zonal one needs its
            // public IPs in the same zone (Azure docs, "NAT gateway and availability zones"). It goes into
            // the first listed zone; zoneless locations get no zone at all.
            InputList<string> NatZones() => _zones.Count > 0 ? new InputList<string> { _zones[0] } : new InputList<string>();
            var address = new PublicIp($"{name}-nat-ip", new PublicIpArgs
            {
                ResourceGroupName = resourceGroupName,
                Location = args.Location,
                AllocationMethod = "Static",
                Sku = "Standard",
                Zones = NatZones(),
                Tags = Tags(),
            }, child);
            var natGateway = new NatGateway($"{name}-nat", new NatGatewayArgs
            {
                ResourceGroupName = resourceGroupName,
                Location = args.Location,
                SkuName = "Standard",
                Zones = NatZones(),
                Tags = Tags(),
            }, child);
            _ = new NatGatewayPublicIpAssociation($"{name}-nat-ip-association", new NatGatewayPublicIpAssociationArgs
            {
                NatGatewayId = natGateway.Id,
                PublicIpAddressId = address.Id,
            }, child);
            _ = new SubnetNatGatewayAssociation($"{name}-backend-nat-association", new SubnetNatGatewayAssociationArgs
            {
                SubnetId = backendSubnet.Id,
                NatGatewayId = natGateway.Id,
            }, child);
        }

        ResourceGroupName = resourceGroupName.ToOutput();
        Location = Output.Create(args.Location);
        VirtualNetworkId = network.Id;
        GatewaySubnetId = gatewaySubnet.Id;
        BackendSubnetId = backendSubnet.Id;
        GatewaySubnetCidr = Output.Create(gatewayCidr);
        BackendSubnetCidr = Output.Create(backendCidr);
        GatewaySecurityGroupName = gatewayFirewall.Name;
        BackendSecurityGroupName = backendFirewall.Name;
        RegisterOutputs();
    }
}
