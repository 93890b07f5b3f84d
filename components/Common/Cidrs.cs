using System.Net;
using System.Net.Sockets;

namespace Infra.Components.Common;

/// <summary>CIDR ranges as written in specs: one canonical spelling per range, so that the same range is
/// never written two ways (rule names, duplicate checks and reviews compare text).</summary>
public static class Cidrs
{
    /// <summary>The canonical form of <paramref name="text"/> (network address, no leading zeros, IPv6
    /// compressed and lower case), or null when it is no CIDR.</summary>
    public static string? Canonical(string? text)
    {
        if (text is null)
            return null;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IPAddress.TryParse(text[..slash], out var address)
            || !int.TryParse(text[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bits))
            return null;
        var v6 = address.AddressFamily == AddressFamily.InterNetworkV6;
        // IPAddress.TryParse also takes "10.1" and "167772160"; a CIDR spells out four parts.
        if (!v6 && text[..slash].Count(c => c == '.') != 3)
            return null;
        if (bits > (v6 ? 128 : 32))
            return null;
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(bits - i * 8, 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }
        return $"{new IPAddress(bytes)}/{bits}";
    }

    /// <summary>The problem of <paramref name="text"/> when it is a CIDR written other than canonically
    /// (host bits set, leading zeros, an IPv6 spelling that is not the compressed one), keyed <paramref name="at"/>.</summary>
    public static IEnumerable<SpecProblem> FindCanonicalProblems(string? text, string at)
    {
        if (Canonical(text) is { } canonical && canonical != text)
            yield return new(at, text, $"write the range as {canonical}" +
                (canonical.Split('/')[0] != text!.Split('/')[0].TrimStart('0') ? " (the network address, host bits cleared)" : ""));
    }
}
