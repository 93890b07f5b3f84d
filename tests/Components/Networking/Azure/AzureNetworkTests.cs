using Infra.Components.Networking.Azure;
using Infra.Tests.Harness;
using Xunit;

namespace Infra.Tests.Components.Networking.Azure;

[Collection(Infra.Tests.Sdk.EngineCollection.Name)]
public sealed class AzureNetworkTests
{
    private const string ResourceGroupType = "azure:core/resourceGroup:ResourceGroup";
    private const string VirtualNetworkType = "azure:network/virtualNetwork:VirtualNetwork";
    private const string SubnetType = "azure:network/subnet:Subnet";
    private const string SecurityGroupType = "azure:network/networkSecurityGroup:NetworkSecurityGroup";
    private const string SecurityRuleType = "azure:network/networkSecurityRule:NetworkSecurityRule";
    private const string SecurityGroupAssociationType = "azure:network/subnetNetworkSecurityGroupAssociation:SubnetNetworkSecurityGroupAssociation";
    private const string PublicIpType = "azure:network/publicIp:PublicIp";
    private const string NatGatewayType = "azure:network/natGateway:NatGateway";
    private const string NatIpAssociationType = "azure:network/natGatewayPublicIpAssociation:NatGatewayPublicIpAssociation";
    private const string NatSubnetAssociationType = "azure:network/subnetNatGatewayAssociation:SubnetNatGatewayAssociation";

    private static AzureNetworkArgs EastUs() => new() { Location = "eastus" };

    private static Task<TestRun> BuildAsync(AzureNetworkArgs args, bool preview = false)
        => PulumiTest.RunAsync(() => new AzureNetwork("net", args), preview);

    private static Task<string> RefusalAsync(AzureNetworkArgs args) => PulumiTest.FailureAsync(() => new AzureNetwork("net", args));

    private static string Id(string module, string name) => $"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/{module}/{name}";

    // ---- shape -------------------------------------------------------------------------------

    [Fact]
    public async Task Default_network_creates_a_group_a_vnet_two_subnets_two_firewalls_and_a_nat_gateway()
    {
        var run = await BuildAsync(EastUs());

        Assert.Equal(1, run.Count(AzureNetwork.TypeToken));
        Assert.Equal(1, run.Count(ResourceGroupType));
        Assert.Equal(1, run.Count(VirtualNetworkType));
        Assert.Equal(2, run.Count(SubnetType));
        Assert.Equal(2, run.Count(SecurityGroupType));
        Assert.Equal(2, run.Count(SecurityRuleType));
        Assert.Equal(2, run.Count(SecurityGroupAssociationType));
        Assert.Equal(1, run.Count(PublicIpType));
        Assert.Equal(1, run.Count(NatGatewayType));
        Assert.Equal(1, run.Count(NatIpAssociationType));
        Assert.Equal(1, run.Count(NatSubnetAssociationType));
        Assert.Equal(14, run.Resources.Count(r => r.Package == "azure"));
    }

    [Fact]
    public async Task Children_are_named_by_role_and_parented_to_the_network()
    {
        var run = await BuildAsync(EastUs());

        string[] expected =
        [
            "net-rg", "net-vnet", "net-gateway", "net-backend", "net-gateway-nsg", "net-backend-nsg",
            "net-gateway-allow-gateway-manager", "net-gateway-allow-azure-load-balancer",
            "net-gateway-nsg-association", "net-backend-nsg-association",
            "net-nat-ip", "net-nat", "net-nat-ip-association", "net-backend-nat-association",
        ];
        var children = run.Resources.Where(r => r.Package == "azure").ToList();
        Assert.Equal(expected.Order(), children.Select(r => r.Name).Order());
        Assert.All(children, r =>
        {
            Assert.Equal(AzureNetwork.TypeToken, r.ParentType);
            Assert.Equal("net", r.ParentName);
        });
    }

    [Fact]
    public async Task Resource_group_is_created_in_the_location_and_everything_goes_into_it()
    {
        var args = EastUs();
        args.Tags = new() { ["team"] = "web" };

        var run = await BuildAsync(args);

        var group = run.Single(ResourceGroupType, "net-rg");
        Assert.Equal("eastus", group.Input("location"));
        Assert.All(run.Resources.Where(r => r.Package == "azure" && r.Inputs.ContainsKey("resourceGroupName")),
            r => Assert.Equal("net-rg", r.Input("resourceGroupName")));
        Assert.All(run.Resources.Where(r => r.Package == "azure" && r.Inputs.ContainsKey("location")),
            r => Assert.Equal("eastus", r.Input("location")));
        foreach (var tagged in new[] { ResourceGroupType, VirtualNetworkType, SecurityGroupType, PublicIpType, NatGatewayType })
            Assert.All(run.OfType(tagged), r => Assert.Equal("web", r.Input("tags.team")));
    }

    [Fact]
    public async Task An_existing_resource_group_is_used_and_none_is_created()
    {
        var args = EastUs();
        args.ResourceGroupName = "shared-rg";

        var run = await BuildAsync(args);

        Assert.Equal(0, run.Count(ResourceGroupType));
        Assert.Equal("shared-rg", run.Single(VirtualNetworkType, "net-vnet").Input("resourceGroupName"));
        var network = run.Object<AzureNetwork>("net");
        Assert.Equal("shared-rg", await TestRun.ValueAsync(network.ResourceGroupName));
    }

    [Fact]
    public async Task Subnets_split_the_address_space_and_the_backend_has_no_default_outbound_access()
    {
        var run = await BuildAsync(EastUs());

        Assert.Equal(new object?[] { "10.0.0.0/16" }, run.Single(VirtualNetworkType, "net-vnet").List("addressSpaces"));
        var gateway = run.Single(SubnetType, "net-gateway");
        var backend = run.Single(SubnetType, "net-backend");
        Assert.Equal(new object?[] { "10.0.0.0/24" }, gateway.List("addressPrefixes"));
        Assert.Equal(new object?[] { "10.0.128.0/17" }, backend.List("addressPrefixes"));
        Assert.Equal("net-vnet", gateway.Input("virtualNetworkName"));
        Assert.Equal("net-vnet", backend.Input("virtualNetworkName"));
        Assert.Equal(false, backend.Input("defaultOutboundAccessEnabled"));
    }

    [Fact]
    public async Task Each_subnet_gets_its_own_security_group()
    {
        var run = await BuildAsync(EastUs());

        var gateway = run.Single(SecurityGroupAssociationType, "net-gateway-nsg-association");
        Assert.Equal(Id("network", "net-gateway"), gateway.Input("subnetId"));
        Assert.Equal(Id("network", "net-gateway-nsg"), gateway.Input("networkSecurityGroupId"));
        var backend = run.Single(SecurityGroupAssociationType, "net-backend-nsg-association");
        Assert.Equal(Id("network", "net-backend"), backend.Input("subnetId"));
        Assert.Equal(Id("network", "net-backend-nsg"), backend.Input("networkSecurityGroupId"));
        Assert.All(run.OfType(SecurityGroupType), g => Assert.Empty(g.List("securityRules")));
    }

    [Fact]
    public async Task Gateway_firewall_admits_gateway_manager_on_65200_65535_and_the_azure_load_balancer()
    {
        var run = await BuildAsync(EastUs());

        var manager = run.Single(SecurityRuleType, "net-gateway-allow-gateway-manager");
        Assert.Equal("net-gateway-nsg", manager.Input("networkSecurityGroupName"));
        Assert.Equal(100.0, manager.Number("priority"));
        Assert.Equal("Inbound", manager.Input("direction"));
        Assert.Equal("Allow", manager.Input("access"));
        Assert.Equal("Tcp", manager.Input("protocol"));
        Assert.Equal("GatewayManager", manager.Input("sourceAddressPrefix"));
        Assert.Equal("65200-65535", manager.Input("destinationPortRange"));

        var probes = run.Single(SecurityRuleType, "net-gateway-allow-azure-load-balancer");
        Assert.Equal("net-gateway-nsg", probes.Input("networkSecurityGroupName"));
        Assert.Equal(110.0, probes.Number("priority"));
        Assert.Equal("AzureLoadBalancer", probes.Input("sourceAddressPrefix"));
        Assert.Equal("Inbound", probes.Input("direction"));
    }

    [Fact]
    public async Task No_rule_admits_the_internet_and_only_azure_infrastructure_tags_are_admitted()
    {
        var run = await BuildAsync(EastUs());

        Assert.All(run.OfType(SecurityRuleType), rule =>
        {
            Assert.Contains((string?)rule.Input("sourceAddressPrefix"), new[] { "GatewayManager", "AzureLoadBalancer" });
            Assert.DoesNotContain((string?)rule.Input("sourceAddressPrefix"), SecurityRules.Internet);
        });
        // The only rule that could reach an admin port comes from Azure's own probe address.
        var gatewayManager = run.Single(SecurityRuleType, "net-gateway-allow-gateway-manager");
        Assert.False(SecurityRules.Opens((string)gatewayManager.Input("destinationPortRange")!, 22));
        Assert.False(SecurityRules.Opens((string)gatewayManager.Input("destinationPortRange")!, 3389));
    }

    [Fact]
    public async Task Nat_gateway_is_zonal_in_the_first_zone_with_a_static_standard_ip_of_the_same_zone()
    {
        var run = await BuildAsync(EastUs());

        var address = run.Single(PublicIpType, "net-nat-ip");
        Assert.Equal("Static", address.Input("allocationMethod"));
        Assert.Equal("Standard", address.Input("sku"));
        Assert.Equal(new object?[] { "1" }, address.List("zones"));
        var nat = run.Single(NatGatewayType, "net-nat");
        Assert.Equal("Standard", nat.Input("skuName"));
        Assert.Equal(new object?[] { "1" }, nat.List("zones"));
        var ipAssociation = run.Single(NatIpAssociationType, "net-nat-ip-association");
        Assert.Equal(Id("network", "net-nat"), ipAssociation.Input("natGatewayId"));
        Assert.Equal(Id("network", "net-nat-ip"), ipAssociation.Input("publicIpAddressId"));
        var subnetAssociation = run.Single(NatSubnetAssociationType, "net-backend-nat-association");
        Assert.Equal(Id("network", "net-backend"), subnetAssociation.Input("subnetId"));
        Assert.Equal(Id("network", "net-nat"), subnetAssociation.Input("natGatewayId"));
    }

    [Fact]
    public async Task Zones_listed_in_another_order_put_the_nat_gateway_in_the_first()
    {
        var args = EastUs();
        args.Zones = ["2", "3"];

        var run = await BuildAsync(args);

        Assert.Equal(new object?[] { "2" }, run.Single(NatGatewayType, "net-nat").List("zones"));
        Assert.Equal(["2", "3"], run.Object<AzureNetwork>("net").ZonesInUse());
    }

    [Fact]
    public async Task A_zoneless_location_gets_no_zones_anywhere()
    {
        var run = await BuildAsync(new AzureNetworkArgs { Location = "westus" });

        Assert.Empty(run.Single(NatGatewayType, "net-nat").List("zones"));
        Assert.Empty(run.Single(PublicIpType, "net-nat-ip").List("zones"));
        Assert.Empty(run.Object<AzureNetwork>("net").ZonesInUse());
    }

    [Fact]
    public async Task Without_a_nat_gateway_no_egress_resources_are_created()
    {
        var args = EastUs();
        args.NatGateway = false;

        var run = await BuildAsync(args);

        Assert.Equal(0, run.Count(NatGatewayType));
        Assert.Equal(0, run.Count(PublicIpType));
        Assert.Equal(0, run.Count(NatIpAssociationType));
        Assert.Equal(0, run.Count(NatSubnetAssociationType));
    }

    [Fact]
    public async Task Outputs_name_the_subnets_their_ranges_and_the_security_groups()
    {
        var run = await BuildAsync(EastUs());

        var network = run.Object<AzureNetwork>("net");
        Assert.Equal("net-rg", await TestRun.ValueAsync(network.ResourceGroupName));
        Assert.Equal("eastus", await TestRun.ValueAsync(network.Location));
        Assert.Equal(Id("network", "net-vnet"), await TestRun.ValueAsync(network.VirtualNetworkId));
        Assert.Equal(Id("network", "net-gateway"), await TestRun.ValueAsync(network.GatewaySubnetId));
        Assert.Equal(Id("network", "net-backend"), await TestRun.ValueAsync(network.BackendSubnetId));
        Assert.Equal("10.0.0.0/24", await TestRun.ValueAsync(network.GatewaySubnetCidr));
        Assert.Equal("10.0.128.0/17", await TestRun.ValueAsync(network.BackendSubnetCidr));
        Assert.Equal("net-gateway-nsg", await TestRun.ValueAsync(network.GatewaySecurityGroupName));
        Assert.Equal("net-backend-nsg", await TestRun.ValueAsync(network.BackendSecurityGroupName));
        Assert.Equal("eastus", network.LocationName());
        Assert.Equal(["1", "2", "3"], network.ZonesInUse());
    }

    [Fact]
    public async Task Preview_completes()
    {
        var run = await BuildAsync(EastUs(), preview: true);

        Assert.Equal(14, run.Resources.Count(r => r.Package == "azure"));
    }

    // ---- refusals ----------------------------------------------------------------------------

    [Fact]
    public async Task An_unknown_location_is_refused_with_examples()
    {
        var error = await RefusalAsync(new AzureNetworkArgs { Location = "us-east-1" });

        Assert.Contains("AzureNetwork \"net\" has 1 problem", error, StringComparison.Ordinal);
        Assert.Contains("location = \"us-east-1\": not a public Azure location; use a name such as eastus", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_display_name_location_is_refused_with_the_programmatic_name()
    {
        var error = await RefusalAsync(new AzureNetworkArgs { Location = "East US" });

        Assert.Contains("location = \"East US\": write the programmatic name, eastus", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_location_is_refused()
    {
        var error = await RefusalAsync(new AzureNetworkArgs());

        Assert.Contains("location = \"\": name the Azure location, e.g. eastus or westeurope", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_zone_in_a_zoned_location_is_refused()
    {
        var args = EastUs();
        args.Zones = ["1"];

        var error = await RefusalAsync(args);

        Assert.Contains("zones = [\"1\"]: list at least 2 of the zones 1, 2, 3 of eastus", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zones_in_a_zoneless_location_are_refused()
    {
        var error = await RefusalAsync(new AzureNetworkArgs { Location = "westus", Zones = ["1", "2"] });

        Assert.Contains("zones = [\"1\",\"2\"]: westus has no availability zones; remove zones", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_and_repeated_zone_names_are_refused_each_by_position()
    {
        var args = EastUs();
        args.Zones = ["1", "eastus-2", "1"];

        var error = await RefusalAsync(args);

        Assert.Contains("zones[1] = \"eastus-2\": Azure names zones \"1\", \"2\" and \"3\"", error, StringComparison.Ordinal);
        Assert.Contains("zones[2] = \"1\": this zone is listed twice", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.0.0.0/8", "use a prefix from /16 to /24")]
    [InlineData("10.0.0.0/25", "use a prefix from /16 to /24")]
    [InlineData("10.0.1.0/16", "the address has host bits set; use the network address 10.0.0.0/16")]
    [InlineData("8.8.0.0/16", "use a private range (RFC 1918")]
    [InlineData("172.32.0.0/16", "use a private range (RFC 1918")]
    [InlineData("10.0.0/16", "write an IPv4 network such as 10.0.0.0/16")]
    [InlineData("10.0.0.0/016", "write an IPv4 network such as 10.0.0.0/16")]
    [InlineData("fd00::/16", "write an IPv4 network such as 10.0.0.0/16")]
    public async Task A_bad_address_space_is_refused_with_the_fix(string addressSpace, string fix)
    {
        var args = EastUs();
        args.AddressSpace = addressSpace;

        var error = await RefusalAsync(args);

        Assert.Contains($"addressSpace = \"{addressSpace}\": {fix}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_resource_group_name_is_refused()
    {
        var args = EastUs();
        args.ResourceGroupName = "bad/name.";

        var error = await RefusalAsync(args);

        Assert.Contains("resourceGroupName = \"bad/name.\": Azure resource group names are 1 to 90", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once_and_nothing_is_created()
    {
        var args = new AzureNetworkArgs { Location = "eastus", Zones = ["1"], AddressSpace = "8.8.8.0/24" };

        var error = await RefusalAsync(args);

        Assert.Contains("has 2 problems", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_are_keyed_under_the_callers_prefix()
    {
        var args = new AzureNetworkArgs { Location = "nowhere", AddressSpace = "10.0.0.0/8" };

        var keys = args.FindProblems("infra:sites[2].network").Select(p => p.Key).ToList();

        Assert.Equal(["infra:sites[2].network.location", "infra:sites[2].network.addressSpace"], keys);
    }

    [Fact]
    public void A_valid_network_has_no_problems()
        => Assert.Empty(new AzureNetworkArgs { Location = "westeurope", AddressSpace = "192.168.0.0/24" }.FindProblems("net"));
}

/// <summary>Reading of NSG port ranges, shared by the Azure firewall tests.</summary>
internal static class SecurityRules
{
    /// <summary>Source prefixes that mean "anybody on the internet".</summary>
    public static readonly string[] Internet = ["*", "Internet", "0.0.0.0/0", "any"];

    /// <summary>Whether a destination port range ("*", "443", "1000-2000") includes <paramref name="port"/>.</summary>
    public static bool Opens(string range, int port)
    {
        if (range == "*")
            return true;
        var bounds = range.Split('-').Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return port >= bounds[0] && port <= bounds[^1];
    }
}
