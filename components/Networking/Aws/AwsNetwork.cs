using System.Collections.Immutable;
using Infra.Components.Common;
using Pulumi;
using Pulumi.Aws.Ec2;
using Pulumi.Aws.Ec2.Inputs;

namespace Infra.Components.Networking.Aws;

/// <summary>
/// A VPC spread over two or more availability zones: per zone a public subnet (load balancers, NAT
/// gateways) routed through the internet gateway and a private subnet (instances) routed through a
/// NAT gateway, either its zone's own or one shared.
/// </summary>
public sealed class AwsNetwork : ComponentResource
{
    /// <summary>Type token of this component.</summary>
    public const string TypeToken = "infra:networking:AwsNetwork";

    /// <summary>Destination of the default routes.</summary>
    public const string Anywhere = "0.0.0.0/0";

    /// <summary>Id of the VPC.</summary>
    [Output("vpcId")] public Output<string> VpcId { get; private set; }

    /// <summary>IPv4 range of the VPC; load balancers limit their egress to it.</summary>
    [Output("vpcCidrBlock")] public Output<string> VpcCidrBlock { get; private set; }

    /// <summary>Ids of the public subnets, in zone order: where internet-facing load balancers go.</summary>
    [Output("publicSubnetIds")] public Output<StringList> PublicSubnetIds { get; private set; }

    private Output<ImmutableArray<string>> _publicSubnetIds = null!;

    /// <summary><see cref="PublicSubnetIds"/> as an immutable array, for C# callers.</summary>
    /// <remarks>A method, not a property: every public property of a component is part of the package schema
    /// (see <see cref="StringList"/>).</remarks>
    public Output<ImmutableArray<string>> PublicSubnetIdsArray() => _publicSubnetIds;

    /// <summary>Ids of the private subnets, in zone order: where instances and internal load balancers go.</summary>
    [Output("privateSubnetIds")] public Output<StringList> PrivateSubnetIds { get; private set; }

    private Output<ImmutableArray<string>> _privateSubnetIds = null!;

    /// <summary><see cref="PrivateSubnetIds"/> as an immutable array, for C# callers.</summary>
    /// <remarks>A method, not a property: every public property of a component is part of the package schema
    /// (see <see cref="StringList"/>).</remarks>
    public Output<ImmutableArray<string>> PrivateSubnetIdsArray() => _privateSubnetIds;

    /// <summary>Validates <paramref name="args"/>, reporting every problem at once, then creates the
    /// network's resources as children of this component.</summary>
    public AwsNetwork(string name, AwsNetworkArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        InvalidSpecException.ThrowIfAny($"AwsNetwork \"{name}\"", args.FindProblems());
        var child = new CustomResourceOptions { Parent = this };
        var zones = args.AvailabilityZones;
        var (privateCidrs, publicCidrs) = AwsSubnetLayout.Split(args.CidrBlock, zones.Count);
        InputMap<string> Tags(string resourceName) => new Dictionary<string, string>(args.Tags) { ["Name"] = resourceName };

        var vpc = new Pulumi.Aws.Ec2.Vpc($"{name}-vpc", new VpcArgs
        {
            CidrBlock = args.CidrBlock,
            // Both are needed for instances to resolve AWS service endpoints by name inside the VPC.
            EnableDnsSupport = true,
            EnableDnsHostnames = true,
            Tags = Tags($"{name}-vpc"),
        }, child);
        var internetGateway = new InternetGateway($"{name}-igw", new InternetGatewayArgs
        {
            VpcId = vpc.Id,
            Tags = Tags($"{name}-igw"),
        }, child);

        var publicRoutes = new RouteTable($"{name}-public-rt", new RouteTableArgs
        {
            VpcId = vpc.Id,
            Routes = { new RouteTableRouteArgs { CidrBlock = Anywhere, GatewayId = internetGateway.Id } },
            Tags = Tags($"{name}-public-rt"),
        }, child);

        var publicSubnets = new List<Subnet>();
        var privateSubnets = new List<Subnet>();
        var natGateways = new List<NatGateway>();
        for (var i = 0; i < zones.Count; i++)
        {
            var zone = zones[i];
            var publicSubnet = new Subnet($"{name}-public-{zone}", new SubnetArgs
            {
                VpcId = vpc.Id,
                AvailabilityZone = zone,
                CidrBlock = publicCidrs[i],
                // Only load balancers and NAT gateways live here, and they get their own addresses.
                MapPublicIpOnLaunch = false,
                Tags = Tags($"{name}-public-{zone}"),
            }, child);
            _ = new RouteTableAssociation($"{name}-public-rta-{zone}", new RouteTableAssociationArgs
            {
                SubnetId = publicSubnet.Id,
                RouteTableId = publicRoutes.Id,
            }, child);
            publicSubnets.Add(publicSubnet);

            if (i == 0 || args.NatGateways == AwsNatGatewayModes.PerZone)
            {
                // The first zone's gateway is the shared one in single mode, so switching modes keeps it.
                var address = new Eip($"{name}-nat-eip-{zone}", new EipArgs
                {
                    Domain = "vpc",
                    Tags = Tags($"{name}-nat-eip-{zone}"),
                }, new CustomResourceOptions { Parent = this, DependsOn = { internetGateway } });
                natGateways.Add(new NatGateway($"{name}-nat-{zone}", new NatGatewayArgs
                {
                    SubnetId = publicSubnet.Id,
                    AllocationId = address.AllocationId,
                    ConnectivityType = "public",
                    Tags = Tags($"{name}-nat-{zone}"),
                }, new CustomResourceOptions { Parent = this, DependsOn = { internetGateway } }));
            }
        }

        for (var i = 0; i < zones.Count; i++)
        {
            var zone = zones[i];
            var privateSubnet = new Subnet($"{name}-private-{zone}", new SubnetArgs
            {
                VpcId = vpc.Id,
                AvailabilityZone = zone,
                CidrBlock = privateCidrs[i],
                MapPublicIpOnLaunch = false,
                Tags = Tags($"{name}-private-{zone}"),
            }, child);
            // One route table per zone even with a shared gateway, so that changing the mode only
            // changes routes and never re-associates subnets.
            var privateRoutes = new RouteTable($"{name}-private-rt-{zone}", new RouteTableArgs
            {
                VpcId = vpc.Id,
                Routes = { new RouteTableRouteArgs { CidrBlock = Anywhere, NatGatewayId = natGateways[natGateways.Count == 1 ? 0 : i].Id } },
                Tags = Tags($"{name}-private-rt-{zone}"),
            }, child);
            _ = new RouteTableAssociation($"{name}-private-rta-{zone}", new RouteTableAssociationArgs
            {
                SubnetId = privateSubnet.Id,
                RouteTableId = privateRoutes.Id,
            }, child);
            privateSubnets.Add(privateSubnet);
        }

        VpcId = vpc.Id;
        VpcCidrBlock = vpc.CidrBlock;
        _publicSubnetIds = Output.All(publicSubnets.Select(s => s.Id));
        _privateSubnetIds = Output.All(privateSubnets.Select(s => s.Id));
        PublicSubnetIds = _publicSubnetIds.Apply(value => new StringList(value));
        PrivateSubnetIds = _privateSubnetIds.Apply(value => new StringList(value));
        RegisterOutputs();
    }
}
