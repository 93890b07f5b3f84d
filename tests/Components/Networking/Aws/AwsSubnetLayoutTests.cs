using System.Net;
using Infra.Components.Networking.Aws;
using Xunit;

namespace Infra.Tests.Components.Networking.Aws;

public sealed class AwsSubnetLayoutTests
{
    [Fact]
    public void A_16_bit_vpc_over_two_zones_gets_private_slots_first_and_public_from_the_middle()
    {
        var (privateCidrs, publicCidrs) = AwsSubnetLayout.Split("10.0.0.0/16", 2);

        Assert.Equal(["10.0.0.0/20", "10.0.16.0/20"], privateCidrs);
        Assert.Equal(["10.0.128.0/20", "10.0.144.0/20"], publicCidrs);
    }

    [Fact]
    public void The_smallest_vpc_still_gives_slash_28_subnets()
    {
        var (privateCidrs, publicCidrs) = AwsSubnetLayout.Split("192.168.7.0/24", 8);

        Assert.Equal("192.168.7.112/28", privateCidrs[^1]);
        Assert.Equal("192.168.7.128/28", publicCidrs[0]);
        Assert.Equal("192.168.7.240/28", publicCidrs[^1]);
    }

    [Fact]
    public void Adding_a_zone_keeps_every_existing_subnet_range()
    {
        var two = AwsSubnetLayout.Split("10.20.0.0/16", 2);
        var three = AwsSubnetLayout.Split("10.20.0.0/16", 3);

        Assert.Equal(two.Private, three.Private.Take(2));
        Assert.Equal(two.Public, three.Public.Take(2));
    }

    [Fact]
    public void Generated_vpcs_split_into_disjoint_subnets_inside_the_vpc_of_four_more_prefix_bits()
    {
        var random = new Random(20240601);
        for (var run = 0; run < 500; run++)
        {
            var prefix = random.Next(AwsSubnetLayout.MinVpcPrefix, AwsSubnetLayout.MaxVpcPrefix + 1);
            var network = (uint)random.NextInt64(0, 1L << 32) & ~((1u << (32 - prefix)) - 1);
            var vpc = $"{new IPAddress(BitConverter.GetBytes(network).Reverse().ToArray())}/{prefix}";
            var zones = random.Next(1, AwsSubnetLayout.MaxZones + 1);

            var (privateCidrs, publicCidrs) = AwsSubnetLayout.Split(vpc, zones);

            var all = privateCidrs.Concat(publicCidrs).Select(Parse).ToList();
            Assert.Equal(2 * zones, all.Count);
            Assert.All(all, s =>
            {
                Assert.Equal(prefix + AwsSubnetLayout.SubnetBits, s.Prefix);
                Assert.True(s.Start >= network && s.End <= network + ((1UL << (32 - prefix)) - 1), $"{vpc}: subnet outside the VPC");
            });
            var ordered = all.OrderBy(s => s.Start).ToList();
            for (var i = 1; i < ordered.Count; i++)
                Assert.True(ordered[i].Start > ordered[i - 1].End, $"{vpc}: subnets overlap");
            var again = AwsSubnetLayout.Split(vpc, zones);
            Assert.Equal(privateCidrs, again.Private);
            Assert.Equal(publicCidrs, again.Public);
        }
    }

    [Theory]
    [InlineData("10.0.0.0/15")]
    [InlineData("10.0.0.0/25")]
    [InlineData("10.0.0.1/16")]
    [InlineData("2001:db8::/56")]
    [InlineData("10.0.0/16")]
    public void Unusable_ranges_are_explained_and_refused(string vpc)
    {
        Assert.NotNull(AwsSubnetLayout.WhyUnusable(vpc));
        Assert.Throws<ArgumentException>(() => AwsSubnetLayout.Split(vpc, 2));
    }

    [Fact]
    public void Zone_counts_outside_the_slots_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AwsSubnetLayout.Split("10.0.0.0/16", 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => AwsSubnetLayout.Split("10.0.0.0/16", AwsSubnetLayout.MaxZones + 1));
    }

    private static (uint Start, ulong End, int Prefix) Parse(string cidr)
    {
        var parts = cidr.Split('/');
        var bytes = IPAddress.Parse(parts[0]).GetAddressBytes();
        var start = (uint)bytes[0] << 24 | (uint)bytes[1] << 16 | (uint)bytes[2] << 8 | bytes[3];
        var prefix = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        return (start, start + ((1UL << (32 - prefix)) - 1), prefix);
    }
}
