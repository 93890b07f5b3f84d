using Infra.Components.Networking.Azure;
using Xunit;

namespace Infra.Tests.Components.Networking.Azure;

public sealed class AzureSubnetLayoutTests
{
    [Theory]
    [InlineData("10.0.0.0/16", "10.0.0.0/24", "10.0.128.0/17")]
    [InlineData("10.1.0.0/20", "10.1.0.0/24", "10.1.8.0/21")]
    [InlineData("172.16.4.0/23", "172.16.4.0/24", "172.16.5.0/24")]
    [InlineData("192.168.7.0/24", "192.168.7.0/25", "192.168.7.128/25")]
    public void Space_is_halved_with_the_gateway_in_the_first_24_of_the_lower_half(string space, string gateway, string backend)
        => Assert.Equal((gateway, backend), AzureSubnetLayout.Split(space));

    [Fact]
    public void An_unusable_space_cannot_be_split()
        => Assert.Throws<ArgumentException>(() => AzureSubnetLayout.Split("10.0.0.1/16"));

    [Theory]
    [InlineData("10.0.0.0/16")]
    [InlineData("172.31.0.0/16")]
    [InlineData("192.168.0.0/16")]
    public void Private_canonical_spaces_are_usable(string space) => Assert.Null(AzureSubnetLayout.WhyUnusable(space));

    [Fact]
    public void Zoned_and_zoneless_locations_are_known_and_distinct()
    {
        Assert.Empty(AzureLocations.WithZones.Intersect(AzureLocations.WithoutZones));
        Assert.True(AzureLocations.HasZones("eastus"));
        Assert.False(AzureLocations.HasZones("westus"));
        Assert.Equal(["1", "2", "3"], AzureLocations.DefaultZones("westeurope"));
        Assert.Empty(AzureLocations.DefaultZones("northcentralus"));
        Assert.All(AzureLocations.WithZones.Concat(AzureLocations.WithoutZones), l => Assert.Matches("^[a-z0-9]+$", l));
    }
}
