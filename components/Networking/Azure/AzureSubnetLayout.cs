using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Infra.Components.Networking.Azure;

/// <summary>
/// Derives the two subnet ranges of an <see cref="AzureNetwork"/> from its address space. The space is
/// halved: the upper half is the backend subnet (scale-set instances; the larger the better for
/// scale-out), and the gateway subnet is the first /24 of the lower half, or the whole lower half when
/// that is smaller than a /24. Application Gateway v2 needs a dedicated subnet and Microsoft recommends
/// a /24 for it (up to 125 instances plus 5 addresses Azure reserves; Azure docs, "Application Gateway
/// infrastructure configuration"), so a /23 or larger space gives it a full /24; a /24 space gives it a
/// /25 (123 usable addresses, ample for the autoscale maximum of 10 used here). The rest of the lower
/// half stays free for later subnets.
/// </summary>
public static class AzureSubnetLayout
{
    /// <summary>Largest and smallest address space accepted: /16 keeps plans readable, /24 still gives two /25 subnets.</summary>
    public const int MinPrefix = 16, MaxPrefix = 24;

    /// <summary>Prefix of the gateway subnet when the space allows it (Microsoft's recommendation for App Gateway v2).</summary>
    public const int GatewayPrefix = 24;

    /// <summary>The gateway and backend subnet ranges of <paramref name="addressSpace"/> (assumed usable; see <see cref="WhyUnusable"/>).</summary>
    public static (string Gateway, string Backend) Split(string addressSpace)
    {
        if (WhyUnusable(addressSpace) is not null || Parse(addressSpace) is not (var network, var prefix))
            throw new ArgumentException($"'{addressSpace}' cannot be split: {WhyUnusable(addressSpace)}", nameof(addressSpace));
        var half = prefix + 1;
        var halfSize = 1u << (32 - half);
        var gatewayPrefix = Math.Max(GatewayPrefix, half);
        return ($"{Format(network)}/{gatewayPrefix}", $"{Format(network + halfSize)}/{half}");
    }

    /// <summary>Why <paramref name="addressSpace"/> cannot be used, or null when it can: an IPv4 network in
    /// canonical form (no host bits), prefix /16 to /24, inside a private range (RFC 1918).</summary>
    public static string? WhyUnusable(string? addressSpace)
    {
        if (addressSpace is null || Parse(addressSpace) is not (var network, var prefix))
            return "write an IPv4 network such as 10.0.0.0/16";
        if (prefix is < MinPrefix or > MaxPrefix)
            return $"use a prefix from /{MinPrefix} to /{MaxPrefix} (a /24 still gives a gateway and a backend /25)";
        if ((network & HostMask(prefix)) != 0)
            return $"the address has host bits set; use the network address {Format(network & ~HostMask(prefix))}/{prefix}";
        if (!IsPrivate(network, prefix))
            return "use a private range (RFC 1918: inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16), e.g. 10.0.0.0/16";
        return null;
    }

    private static bool IsPrivate(uint network, int prefix)
        => Inside(network, prefix, 10u << 24, 8) || Inside(network, prefix, (172u << 24) | (16u << 16), 12) || Inside(network, prefix, (192u << 24) | (168u << 16), 16);

    private static bool Inside(uint network, int prefix, uint block, int blockPrefix)
        => prefix >= blockPrefix && (network & ~HostMask(blockPrefix)) == block;

    private static (uint Network, int Prefix)? Parse(string cidr)
    {
        var parts = cidr.Split('/');
        if (parts.Length != 2 || parts[0].Count(c => c == '.') != 3
            || !IPAddress.TryParse(parts[0], out var address) || address.AddressFamily != AddressFamily.InterNetwork
            // Canonical form: no leading zeros or signs in the prefix, and the address as IPAddress prints it.
            || address.ToString() != parts[0]
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix > 32
            || prefix.ToString(CultureInfo.InvariantCulture) != parts[1])
            return null;
        var bytes = address.GetAddressBytes();
        return ((uint)bytes[0] << 24 | (uint)bytes[1] << 16 | (uint)bytes[2] << 8 | bytes[3], prefix);
    }

    private static uint HostMask(int prefix) => prefix == 0 ? uint.MaxValue : (1u << (32 - prefix)) - 1;

    private static string Format(uint address) => $"{address >> 24}.{(address >> 16) & 255}.{(address >> 8) & 255}.{address & 255}";
}
