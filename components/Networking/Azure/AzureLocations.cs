using Infra.Components.Common;

namespace Infra.Components.Networking.Azure;

/// <summary>
/// The public Azure locations (programmatic names, as <c>az account list-locations</c> prints them) and
/// which of them have availability zones. Source: Azure docs, "Azure regions with availability zone
/// support" (learn.microsoft.com/azure/reliability/regions-list) and "List of Azure regions", as read in
/// 2025. Sovereign clouds (US Government, China) are separate environments and are not listed. A region
/// that gains zones later is added here; until then it is treated as zoneless, which Azure accepts.
/// </summary>
public static class AzureLocations
{
    /// <summary>Zone names Azure uses in every zoned region.</summary>
    public static readonly IReadOnlyList<string> ZoneNames = ["1", "2", "3"];

    /// <summary>Fewest zones a zoned deployment spreads over, so that losing one zone leaves it running.</summary>
    public const int MinZones = 2;

    /// <summary>Locations with availability zones.</summary>
    public static readonly IReadOnlySet<string> WithZones = new SortedSet<string>(StringComparer.Ordinal)
    {
        // Americas
        "brazilsouth", "canadacentral", "centralus", "chilecentral", "eastus", "eastus2", "mexicocentral",
        "southcentralus", "westus2", "westus3",
        // Europe
        "austriaeast", "belgiumcentral", "denmarkeast", "francecentral", "germanywestcentral", "italynorth",
        "northeurope", "norwayeast", "polandcentral", "spaincentral", "swedencentral", "switzerlandnorth",
        "uksouth", "westeurope",
        // Middle East and Africa
        "israelcentral", "qatarcentral", "uaenorth", "southafricanorth",
        // Asia Pacific
        "australiaeast", "centralindia", "eastasia", "indonesiacentral", "japaneast", "japanwest", "koreacentral",
        "malaysiawest", "newzealandnorth", "southeastasia",
    };

    /// <summary>Locations without availability zones.</summary>
    public static readonly IReadOnlySet<string> WithoutZones = new SortedSet<string>(StringComparer.Ordinal)
    {
        "australiacentral", "australiacentral2", "australiasoutheast", "brazilsoutheast", "canadaeast",
        "francesouth", "germanynorth", "jioindiacentral", "jioindiawest", "koreasouth", "northcentralus",
        "norwaywest", "southafricawest", "southindia", "swedensouth", "switzerlandwest", "uaecentral", "ukwest",
        "westcentralus", "westindia", "westus",
    };

    /// <summary>Whether <paramref name="location"/> is a known public Azure location.</summary>
    public static bool IsKnown(string? location) => location is not null && (WithZones.Contains(location) || WithoutZones.Contains(location));

    /// <summary>Whether <paramref name="location"/> has availability zones.</summary>
    public static bool HasZones(string location) => WithZones.Contains(location);

    /// <summary>The zones a deployment in <paramref name="location"/> uses when it names none: all three where
    /// the location has zones, none elsewhere.</summary>
    public static IReadOnlyList<string> DefaultZones(string location) => HasZones(location) ? ZoneNames : [];

    /// <summary>Problems with <paramref name="location"/>, keyed <paramref name="at"/>.</summary>
    public static IEnumerable<SpecProblem> FindLocationProblems(string? location, string at)
    {
        if (string.IsNullOrEmpty(location))
            yield return new(at, location, "name the Azure location, e.g. eastus or westeurope");
        else if (!IsKnown(location))
            yield return new(at, location,
                IsKnown(location.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant())
                    ? $"write the programmatic name, {location.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()}"
                    : "not a public Azure location; use a name such as eastus, westeurope or southeastasia (az account list-locations)");
    }

    /// <summary>Problems with <paramref name="zones"/> in <paramref name="location"/> (a known location), keyed
    /// <paramref name="at"/>: zoned locations need at least <see cref="MinZones"/> distinct zones of 1, 2, 3;
    /// zoneless ones none.</summary>
    public static IEnumerable<SpecProblem> FindZoneProblems(string location, IReadOnlyList<string> zones, string at)
    {
        if (!HasZones(location))
        {
            if (zones.Count > 0)
                yield return new(at, zones, $"{location} has no availability zones; remove zones (resources there are regional)");
            yield break;
        }
        if (zones.Count < MinZones)
            yield return new(at, zones,
                $"list at least {MinZones} of the zones 1, 2, 3 of {location} so that losing one zone leaves the service running, e.g. [\"1\", \"2\", \"3\"]");
        for (var i = 0; i < zones.Count; i++)
        {
            if (!ZoneNames.Contains(zones[i]))
                yield return new($"{at}[{i}]", zones[i], "Azure names zones \"1\", \"2\" and \"3\"; use one of them");
            else if (IndexOf(zones, zones[i]) < i)
                yield return new($"{at}[{i}]", zones[i], "this zone is listed twice; list each zone once");
        }
    }

    private static int IndexOf(IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i] == value)
                return i;
        return -1;
    }
}
