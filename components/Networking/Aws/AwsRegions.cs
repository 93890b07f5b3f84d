using System.Collections.Frozen;
using Infra.Components.Common;

namespace Infra.Components.Networking.Aws;

/// <summary>
/// The AWS commercial, GovCloud and China regions and the letters of their Availability Zones.
/// </summary>
/// <remarks>
/// Source: AWS Global Infrastructure, "AWS Regions" and "AWS Availability Zones"
/// (https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html and
/// .../aws-availability-zones.html), and <c>aws ec2 describe-availability-zones --all-availability-zones</c>
/// per region. Zone letters map to physical zones per account (zone ids such as use1-az1 do not), so
/// every letter some account sees is listed; Local Zones and Wavelength Zones are not subnets' zones here.
/// A region AWS opens later is refused until it is added to this table.
/// </remarks>
public static class AwsRegions
{
    /// <summary>Zone letters by region name.</summary>
    public static readonly FrozenDictionary<string, string> ZoneLetters = new Dictionary<string, string>
    {
        ["us-east-1"] = "abcdef",
        ["us-east-2"] = "abc",
        ["us-west-1"] = "abc",
        ["us-west-2"] = "abcd",
        ["af-south-1"] = "abc",
        ["ap-east-1"] = "abc",
        ["ap-east-2"] = "abc",
        ["ap-south-1"] = "abc",
        ["ap-south-2"] = "abc",
        ["ap-southeast-1"] = "abc",
        ["ap-southeast-2"] = "abc",
        ["ap-southeast-3"] = "abc",
        ["ap-southeast-4"] = "abc",
        ["ap-southeast-5"] = "abc",
        ["ap-southeast-7"] = "abc",
        ["ap-northeast-1"] = "abcd",
        ["ap-northeast-2"] = "abcd",
        ["ap-northeast-3"] = "abc",
        ["ca-central-1"] = "abd",
        ["ca-west-1"] = "abc",
        ["eu-central-1"] = "abc",
        ["eu-central-2"] = "abc",
        ["eu-west-1"] = "abc",
        ["eu-west-2"] = "abc",
        ["eu-west-3"] = "abc",
        ["eu-south-1"] = "abc",
        ["eu-south-2"] = "abc",
        ["eu-north-1"] = "abc",
        ["il-central-1"] = "abc",
        ["me-south-1"] = "abc",
        ["me-central-1"] = "abc",
        ["mx-central-1"] = "abc",
        ["sa-east-1"] = "abc",
        ["us-gov-east-1"] = "abc",
        ["us-gov-west-1"] = "abc",
        ["cn-north-1"] = "abd",
        ["cn-northwest-1"] = "abc",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="region"/> is a region name.</summary>
    public static bool IsRegion(string? region) => region is not null && ZoneLetters.ContainsKey(region);

    /// <summary>The problem of <paramref name="region"/> as a region name, keyed <paramref name="at"/>: not a
    /// region (with the nearest ones), or a zone written where the region belongs.</summary>
    public static IEnumerable<SpecProblem> FindRegionProblems(string? region, string at)
    {
        if (string.IsNullOrWhiteSpace(region) || IsRegion(region))
            yield break;
        if (IsRegion(region[..^1]) && char.IsAsciiLetterLower(region[^1]))
            yield return new(at, region, $"this is an Availability Zone of {region[..^1]}; name the region, {region[..^1]}");
        else
            yield return new(at, region, $"not an AWS region; use one such as {string.Join(", ", Nearest(region))}");
    }

    /// <summary>Problems of <paramref name="zones"/> as the zones of <paramref name="region"/>, each keyed
    /// <c>{at}[i]</c>: a zone of another region, or a letter the region does not have.</summary>
    public static IEnumerable<SpecProblem> FindZoneProblems(string region, IReadOnlyList<string> zones, string at)
    {
        ArgumentNullException.ThrowIfNull(zones);
        if (!ZoneLetters.TryGetValue(region, out var letters))
            yield break;
        var valid = string.Join(", ", letters.Select(l => $"{region}{l}"));
        for (var i = 0; i < zones.Count; i++)
        {
            var zone = zones[i];
            if (string.IsNullOrWhiteSpace(zone))
                continue;
            var zoneRegion = zone[..^1];
            if (zoneRegion != region)
                yield return new($"{at}[{i}]", zone, IsRegion(zoneRegion)
                    ? $"this zone is in {zoneRegion}, but the network is in {region}; use zones of {region}: {valid}"
                    : $"not an Availability Zone of {region}; use {valid}");
            else if (!letters.Contains(zone[^1]))
                yield return new($"{at}[{i}]", zone, $"{region} has no zone {zone}; use {valid}");
        }
    }

    /// <summary>The three region names closest to <paramref name="text"/> by edit distance.</summary>
    private static IEnumerable<string> Nearest(string text)
        => ZoneLetters.Keys.OrderBy(r => Distance(r, text.Length > 40 ? text[..40] : text)).ThenBy(r => r, StringComparer.Ordinal).Take(3);

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }
        return row[b.Length];
    }
}
