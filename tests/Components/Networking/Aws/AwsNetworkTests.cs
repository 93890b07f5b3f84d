using Infra.Components.Networking.Aws;
using Infra.Tests.Harness;
using Xunit;

namespace Infra.Tests.Components.Networking.Aws;

[Collection(Infra.Tests.Sdk.EngineCollection.Name)]
public sealed class AwsNetworkTests
{
    private const string VpcType = "aws:ec2/vpc:Vpc";
    private const string SubnetType = "aws:ec2/subnet:Subnet";
    private const string InternetGatewayType = "aws:ec2/internetGateway:InternetGateway";
    private const string EipType = "aws:ec2/eip:Eip";
    private const string NatGatewayType = "aws:ec2/natGateway:NatGateway";
    private const string RouteTableType = "aws:ec2/routeTable:RouteTable";
    private const string AssociationType = "aws:ec2/routeTableAssociation:RouteTableAssociation";

    private static AwsNetworkArgs TwoZones(string natGateways = AwsNatGatewayModes.PerZone) => new()
    {
        AvailabilityZones = ["us-east-1a", "us-east-1b"],
        NatGateways = natGateways,
    };

    private static Task<TestRun> BuildAsync(AwsNetworkArgs args, bool preview = false)
        => PulumiTest.RunAsync(() => new AwsNetwork("net", args), preview);

    private static Task<string> RefusalAsync(AwsNetworkArgs args) => PulumiTest.FailureAsync(() => new AwsNetwork("net", args));

    [Fact]
    public async Task Two_zones_with_a_nat_gateway_per_zone_create_the_expected_resources()
    {
        var run = await BuildAsync(TwoZones());

        Assert.Equal(1, run.Count(AwsNetwork.TypeToken));
        Assert.Equal(1, run.Count(VpcType));
        Assert.Equal(4, run.Count(SubnetType));
        Assert.Equal(1, run.Count(InternetGatewayType));
        Assert.Equal(2, run.Count(EipType));
        Assert.Equal(2, run.Count(NatGatewayType));
        Assert.Equal(3, run.Count(RouteTableType));
        Assert.Equal(4, run.Count(AssociationType));
        Assert.Equal(17, run.Resources.Count(r => r.Package == "aws"));
    }

    [Fact]
    public async Task Children_are_named_by_role_and_zone_and_parented_to_the_network()
    {
        var run = await BuildAsync(TwoZones());

        string[] expected =
        [
            "net-vpc", "net-igw", "net-public-rt",
            "net-public-us-east-1a", "net-public-us-east-1b", "net-private-us-east-1a", "net-private-us-east-1b",
            "net-public-rta-us-east-1a", "net-public-rta-us-east-1b", "net-private-rta-us-east-1a", "net-private-rta-us-east-1b",
            "net-nat-eip-us-east-1a", "net-nat-eip-us-east-1b", "net-nat-us-east-1a", "net-nat-us-east-1b",
            "net-private-rt-us-east-1a", "net-private-rt-us-east-1b",
        ];
        var children = run.Resources.Where(r => r.Package == "aws").ToList();
        Assert.Equal(expected.Order(), children.Select(r => r.Name).Order());
        Assert.All(children, r =>
        {
            Assert.Equal(AwsNetwork.TypeToken, r.ParentType);
            Assert.Equal("net", r.ParentName);
        });
    }

    [Fact]
    public async Task Vpc_takes_the_range_resolves_dns_and_is_tagged_with_its_name()
    {
        var args = TwoZones();
        args.Tags = new() { ["team"] = "web" };

        var run = await BuildAsync(args);

        var vpc = run.Single(VpcType, "net-vpc");
        Assert.Equal("10.0.0.0/16", vpc.Input("cidrBlock"));
        Assert.Equal(true, vpc.Input("enableDnsSupport"));
        Assert.Equal(true, vpc.Input("enableDnsHostnames"));
        Assert.Equal("net-vpc", vpc.Input("tags.Name"));
        Assert.All(run.Resources.Where(r => r.Package == "aws" && r.Type != AssociationType),
            r => Assert.Equal("web", r.Input("tags.team")));
    }

    [Fact]
    public async Task Subnets_take_fixed_slots_of_the_vpc_range_in_zone_order()
    {
        var run = await BuildAsync(TwoZones());

        string Cidr(string name) => (string)run.Single(SubnetType, name).Input("cidrBlock")!;
        Assert.Equal("10.0.0.0/20", Cidr("net-private-us-east-1a"));
        Assert.Equal("10.0.16.0/20", Cidr("net-private-us-east-1b"));
        Assert.Equal("10.0.128.0/20", Cidr("net-public-us-east-1a"));
        Assert.Equal("10.0.144.0/20", Cidr("net-public-us-east-1b"));
        Assert.All(run.OfType(SubnetType), s =>
        {
            Assert.Equal("net-vpc-id", s.Input("vpcId"));
            Assert.Equal(false, s.Input("mapPublicIpOnLaunch"));
            Assert.EndsWith((string)s.Input("availabilityZone")!, s.Name, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Public_subnets_route_everything_through_the_internet_gateway()
    {
        var run = await BuildAsync(TwoZones());

        var table = run.Single(RouteTableType, "net-public-rt");
        Assert.Single(table.List("routes"));
        Assert.Equal("0.0.0.0/0", table.Input("routes[0].cidrBlock"));
        Assert.Equal("net-igw-id", table.Input("routes[0].gatewayId"));
        Assert.Null(table.Input("routes[0].natGatewayId"));
        Assert.Equal("net-vpc-id", run.Single(InternetGatewayType, "net-igw").Input("vpcId"));
        foreach (var zone in new[] { "us-east-1a", "us-east-1b" })
        {
            var association = run.Single(AssociationType, $"net-public-rta-{zone}");
            Assert.Equal($"net-public-{zone}-id", association.Input("subnetId"));
            Assert.Equal("net-public-rt-id", association.Input("routeTableId"));
        }
    }

    [Fact]
    public async Task Each_nat_gateway_sits_in_its_zones_public_subnet_with_its_own_elastic_ip()
    {
        var run = await BuildAsync(TwoZones());

        foreach (var zone in new[] { "us-east-1a", "us-east-1b" })
        {
            var nat = run.Single(NatGatewayType, $"net-nat-{zone}");
            Assert.Equal($"net-public-{zone}-id", nat.Input("subnetId"));
            Assert.Equal($"eipalloc-net-nat-eip-{zone}", nat.Input("allocationId"));
            Assert.Equal("public", nat.Input("connectivityType"));
            Assert.Equal("vpc", run.Single(EipType, $"net-nat-eip-{zone}").Input("domain"));
        }
    }

    [Fact]
    public async Task Each_private_subnet_routes_out_through_its_own_zones_nat_gateway()
    {
        var run = await BuildAsync(TwoZones());

        foreach (var zone in new[] { "us-east-1a", "us-east-1b" })
        {
            var table = run.Single(RouteTableType, $"net-private-rt-{zone}");
            Assert.Single(table.List("routes"));
            Assert.Equal("0.0.0.0/0", table.Input("routes[0].cidrBlock"));
            Assert.Equal($"net-nat-{zone}-id", table.Input("routes[0].natGatewayId"));
            Assert.Null(table.Input("routes[0].gatewayId"));
            var association = run.Single(AssociationType, $"net-private-rta-{zone}");
            Assert.Equal($"net-private-{zone}-id", association.Input("subnetId"));
            Assert.Equal($"net-private-rt-{zone}-id", association.Input("routeTableId"));
        }
    }

    [Fact]
    public async Task Single_nat_mode_shares_the_first_zones_gateway_between_every_private_route_table()
    {
        var run = await BuildAsync(TwoZones(AwsNatGatewayModes.Single));

        var nat = Assert.Single(run.OfType(NatGatewayType));
        Assert.Equal("net-nat-us-east-1a", nat.Name);
        Assert.Single(run.OfType(EipType));
        Assert.Equal(3, run.Count(RouteTableType));
        Assert.All(new[] { "us-east-1a", "us-east-1b" }, zone =>
            Assert.Equal("net-nat-us-east-1a-id", run.Single(RouteTableType, $"net-private-rt-{zone}").Input("routes[0].natGatewayId")));
    }

    [Fact]
    public async Task Three_zones_get_three_subnets_of_each_kind()
    {
        var args = TwoZones();
        args.AvailabilityZones.Add("us-east-1c");
        args.CidrBlock = "172.16.0.0/20";

        var run = await BuildAsync(args);

        Assert.Equal(6, run.Count(SubnetType));
        Assert.Equal(3, run.Count(NatGatewayType));
        Assert.Equal("172.16.2.0/24", run.Single(SubnetType, "net-private-us-east-1c").Input("cidrBlock"));
        Assert.Equal("172.16.10.0/24", run.Single(SubnetType, "net-public-us-east-1c").Input("cidrBlock"));
    }

    [Fact]
    public async Task Outputs_list_the_vpc_and_its_subnets_in_zone_order()
    {
        var run = await BuildAsync(TwoZones());
        var network = run.Object<AwsNetwork>("net");

        Assert.Equal("net-vpc-id", await TestRun.ValueAsync(network.VpcId));
        Assert.Equal("10.0.0.0/16", await TestRun.ValueAsync(network.VpcCidrBlock));
        Assert.Equal(new[] { "net-public-us-east-1a-id", "net-public-us-east-1b-id" }, (await TestRun.ValueAsync(network.PublicSubnetIdsArray())).ToArray());
        Assert.Equal(new[] { "net-private-us-east-1a-id", "net-private-us-east-1b-id" }, (await TestRun.ValueAsync(network.PrivateSubnetIdsArray())).ToArray());
        var outputs = Assert.Single(run.Mocks.RegisteredOutputs, o => o.Key.EndsWith("::net", StringComparison.Ordinal)).Value;
        Assert.Equal(["privateSubnetIds", "publicSubnetIds", "vpcCidrBlock", "vpcId"], outputs.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Construction_completes_in_preview()
    {
        var run = await BuildAsync(TwoZones(), preview: true);

        Assert.Equal(4, run.Count(SubnetType));
        Assert.Equal(2, run.Count(NatGatewayType));
    }

    [Fact]
    public async Task One_zone_is_refused_because_losing_it_would_stop_the_service()
    {
        var error = await RefusalAsync(new AwsNetworkArgs { AvailabilityZones = ["us-east-1a"] });

        Assert.Contains("AwsNetwork \"net\" has 1 problem", error);
        Assert.Contains("availabilityZones = [\"us-east-1a\"]: list 2 to 8 zones so that losing one zone leaves the service running", error);
    }

    [Fact]
    public async Task Zone_listed_twice_is_refused()
    {
        var error = await RefusalAsync(new AwsNetworkArgs { AvailabilityZones = ["us-east-1a", "us-east-1b", "us-east-1a"] });

        Assert.Contains("availabilityZones[2] = \"us-east-1a\": this zone is listed twice; list each zone once", error);
    }

    [Fact]
    public async Task Blank_zone_name_is_refused()
    {
        var error = await RefusalAsync(new AwsNetworkArgs { AvailabilityZones = ["us-east-1a", " "] });

        Assert.Contains("availabilityZones[1] = \" \": name the zone, e.g. us-east-1a", error);
    }

    [Fact]
    public async Task Range_that_is_not_an_ipv4_network_is_refused()
    {
        var args = TwoZones();
        args.CidrBlock = "10.0.0.0";

        var error = await RefusalAsync(args);

        Assert.Contains("cidrBlock = \"10.0.0.0\": write an IPv4 network such as 10.0.0.0/16", error);
    }

    [Fact]
    public async Task Range_larger_than_aws_allows_or_too_small_to_split_is_refused()
    {
        var large = TwoZones();
        large.CidrBlock = "10.0.0.0/8";
        var small = TwoZones();
        small.CidrBlock = "10.0.0.0/26";

        Assert.Contains("cidrBlock = \"10.0.0.0/8\": use a prefix from /16 (AWS's largest VPC) to /24", await RefusalAsync(large));
        Assert.Contains("cidrBlock = \"10.0.0.0/26\": use a prefix from /16", await RefusalAsync(small));
    }

    [Fact]
    public async Task Range_with_host_bits_set_is_refused_with_the_network_address()
    {
        var args = TwoZones();
        args.CidrBlock = "10.0.1.0/16";

        var error = await RefusalAsync(args);

        Assert.Contains("cidrBlock = \"10.0.1.0/16\": the address has host bits set; use the network address 10.0.0.0/16", error);
    }

    [Fact]
    public async Task Unknown_nat_gateway_mode_is_refused_with_the_choices()
    {
        var error = await RefusalAsync(TwoZones("none"));

        Assert.Contains("natGateways = \"none\": use one of per-zone, single", error);
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once()
    {
        var error = await RefusalAsync(new AwsNetworkArgs { CidrBlock = "banana", AvailabilityZones = [], NatGateways = "many" });

        Assert.StartsWith("AwsNetwork \"net\" has 3 problems:", error);
        Assert.Contains("cidrBlock = \"banana\"", error);
        Assert.Contains("availabilityZones = []", error);
        Assert.Contains("natGateways = \"many\"", error);
    }
}
