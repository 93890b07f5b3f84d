using Infra.Components.Common;
using Pulumi;

namespace Infra.Components.Networking.Azure;

/// <summary>Settings of an <see cref="AzureNetwork"/>.</summary>
public sealed class AzureNetworkArgs : ResourceArgs
{
    /// <summary>Azure location of every resource, by programmatic name (e.g. "eastus"); see <see cref="AzureLocations"/>.</summary>
    /// <remarks>Default: none; required.</remarks>
    [Input("location")] public string Location { get; set; } = "";

    /// <summary>An existing resource group to put the network in.</summary>
    /// <remarks>Default: the component creates a resource group named after it (<c>&lt;name&gt;-rg</c>) in <see cref="Location"/>.</remarks>
    [Input("resourceGroupName")] public string? ResourceGroupName { get; set; }

    /// <summary>IPv4 range of the virtual network, split into a gateway and a backend subnet by
    /// <see cref="AzureSubnetLayout"/>.</summary>
    /// <remarks>Default: "10.0.0.0/16" (gateway 10.0.0.0/24, backend 10.0.128.0/17). A private range, prefix /16 to /24.</remarks>
    [Input("addressSpace")] public string AddressSpace { get; set; } = "10.0.0.0/16";

    /// <summary>Availability zones ("1", "2", "3") the network's zonal resources use; load balancers and scale
    /// sets built on the network take the same list.</summary>
    /// <remarks>Default: ["1", "2", "3"] where the location has zones, none where it has none. At least 2 in a
    /// zoned location; must stay empty in a zoneless one.</remarks>
    [Input("zones")] public List<string>? Zones { get; set; }

    /// <summary>Give the backend subnet its way out to the internet through a NAT gateway with one static
    /// Standard public IP. Azure is retiring default outbound access, so without it (or a load balancer
    /// outbound rule) instances cannot reach package mirrors.</summary>
    /// <remarks>Default: true. The Standard NAT gateway is zonal: in a zoned location it and its IP sit in
    /// the first zone listed, so losing that zone loses egress (not ingress).</remarks>
    [Input("natGateway")] public bool NatGateway { get; set; } = true;

    /// <summary>Tags put on every Azure resource the component creates that takes tags.</summary>
    /// <remarks>Default: none.</remarks>
    [Input("tags")] public Dictionary<string, string> Tags { get; set; } = [];

    /// <summary>The zones in use: <see cref="Zones"/>, or the location's default when unset.</summary>
    internal IReadOnlyList<string> EffectiveZones => Zones ?? AzureLocations.DefaultZones(Location);

    /// <summary>Every problem in these settings, keyed under <paramref name="at"/> (e.g. <c>infra:sites[2].network</c>;
    /// the component itself passes "", giving bare keys such as <c>addressSpace</c>).</summary>
    public IEnumerable<SpecProblem> FindProblems(string at) => FindProblems(at, Key(at, "location"));

    /// <summary>Every problem in these settings, keyed under <paramref name="at"/>, except that the location's
    /// are keyed <paramref name="locationAt"/>: where a caller writes the location itself (e.g. on a stack's site).</summary>
    public IEnumerable<SpecProblem> FindProblems(string at, string locationAt)
    {
        var locationProblems = AzureLocations.FindLocationProblems(Location, locationAt).ToList();
        foreach (var problem in locationProblems)
            yield return problem;
        // Zones only have a meaning in a known location.
        if (locationProblems.Count == 0)
            foreach (var problem in AzureLocations.FindZoneProblems(Location, EffectiveZones, Key(at, "zones")))
                yield return problem;

        if (ResourceGroupName is not null && !IsResourceGroupName(ResourceGroupName))
            yield return new(Key(at, "resourceGroupName"), ResourceGroupName,
                "Azure resource group names are 1 to 90 letters, digits, underscores, hyphens, periods or parentheses, not ending in a period; fix the name or leave it unset to create one");

        if (AzureSubnetLayout.WhyUnusable(AddressSpace) is { } fix)
            yield return new(Key(at, "addressSpace"), AddressSpace, fix);

        foreach (var (key, value) in Tags)
            if (key.Length > 512 || value?.Length > 256 || key.IndexOfAny(['<', '>', '%', '&', '\\', '?', '/']) >= 0)
                yield return new(Key(at, $"tags.{key}"), value,
                    "Azure tag names take at most 512 characters and none of < > % & \\ ? /, values at most 256 characters; rename or shorten the tag");
    }

    private static string Key(string at, string name) => at.Length == 0 ? name : $"{at}.{name}";

    // Azure docs, "Naming rules and restrictions for Azure resources" (Microsoft.Resources/resourcegroups).
    private static bool IsResourceGroupName(string name)
        => name.Length is >= 1 and <= 90 && !name.EndsWith('.')
           && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or '(' or ')');
}
