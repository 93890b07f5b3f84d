using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Infra.Components.Networking.Aws;

/// <summary>
/// Derives subnet ranges from the VPC's range. The VPC is cut into 16 equal slots (4 more prefix bits):
/// private subnets take slots 0 to 7 in zone order, public subnets slots 8 to 15. Slots are fixed per
/// zone position, so adding a zone adds subnets without re-addressing the existing ones.
/// </summary>
public static class AwsSubnetLayout
{
    /// <summary>Prefix bits added to the VPC's prefix for each subnet.</summary>
    public const int SubnetBits = 4;

    /// <summary>Most zones the layout has slots for.</summary>
    public const int MaxZones = 8;

    /// <summary>Largest VPC AWS allows (/16) and smallest that still gives /28 subnets (/24).</summary>
    public const int MinVpcPrefix = 16, MaxVpcPrefix = 28 - SubnetBits;

    /// <summary>The private and public subnet ranges, one of each per zone, in zone order.</summary>
    /// <param name="vpcCidr">An IPv4 network such as 10.0.0.0/16 (prefix 16 to 24, no host bits set).</param>
    /// <param name="zoneCount">Number of availability zones, 1 to <see cref="MaxZones"/>.</param>
    public static (IReadOnlyList<string> Private, IReadOnlyList<string> Public) Split(string vpcCidr, int zoneCount)
    {
        if (TryParse(vpcCidr) is not (var network, var prefix) || prefix is < MinVpcPrefix or > MaxVpcPrefix || (network & HostMask(prefix)) != 0)
            throw new ArgumentException($"'{vpcCidr}' is not an IPv4 network with prefix /{MinVpcPrefix} to /{MaxVpcPrefix}", nameof(vpcCidr));
        ArgumentOutOfRangeException.ThrowIfLessThan(zoneCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(zoneCount, MaxZones);

        var subnetPrefix = prefix + SubnetBits;
        var slotSize = 1u << (32 - subnetPrefix);
        string Slot(int slot) => $"{Format(network + (uint)slot * slotSize)}/{subnetPrefix}";
        var zones = Enumerable.Range(0, zoneCount);
        return (zones.Select(Slot).ToList(), zones.Select(z => Slot(MaxZones + z)).ToList());
    }

    /// <summary>Why <paramref name="vpcCidr"/> cannot be split, or null when it can.</summary>
    public static string? WhyUnusable(string vpcCidr)
    {
        if (TryParse(vpcCidr) is not (var network, var prefix))
            return "write an IPv4 network such as 10.0.0.0/16";
        if (prefix is < MinVpcPrefix or > MaxVpcPrefix)
            return $"use a prefix from /{MinVpcPrefix} (AWS's largest VPC) to /{MaxVpcPrefix} (the smallest that leaves /28 subnets)";
        if ((network & HostMask(prefix)) != 0)
            return $"the address has host bits set; use the network address {Format(network & ~HostMask(prefix))}/{prefix}";
        return null;
    }

    private static (uint Network, int Prefix)? TryParse(string cidr)
    {
        var parts = cidr.Split('/');
        if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var address) || address.AddressFamily != AddressFamily.InterNetwork
            || parts[0].Count(c => c == '.') != 3
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix > 32)
            return null;
        var bytes = address.GetAddressBytes();
        return ((uint)bytes[0] << 24 | (uint)bytes[1] << 16 | (uint)bytes[2] << 8 | bytes[3], prefix);
    }

    private static uint HostMask(int prefix) => prefix == 0 ? uint.MaxValue : (1u << (32 - prefix)) - 1;

    private static string Format(uint address) => $"{address >> 24}.{(address >> 16) & 255}.{(address >> 8) & 255}.{address & 255}";
}
