using System.Text.RegularExpressions;
using Infra.Components.Common;
using Pulumi;

namespace Infra.Components.Monitoring.Azure;

/// <summary>Settings of an <see cref="AzureAccessLogStorage"/>.</summary>
public sealed partial class AzureAccessLogStorageArgs : ResourceArgs
{
    /// <summary>Characters of the storage account's name left for its prefix: Azure allows 24, and a
    /// random suffix of <see cref="SuffixLength"/> keeps the name globally unique.</summary>
    public const int MaxNamePrefixLength = 24 - SuffixLength;

    /// <summary>Random characters that end the storage account's name.</summary>
    public const int SuffixLength = 6;

    /// <summary>Resource group of the storage account, e.g. <c>AzureNetwork.resourceGroupName</c>.</summary>
    /// <remarks>Default: none; required.</remarks>
    [Input("resourceGroupName")] public Input<string>? ResourceGroupName { get; set; }

    /// <summary>Azure location of the storage account: the gateway's (diagnostic settings write only to
    /// storage in the same region as the resource).</summary>
    /// <remarks>Default: none; required.</remarks>
    [Input("location")] public string Location { get; set; } = "";

    /// <summary>Start of the storage account's name: lower-case letters and digits (Azure storage account
    /// names take nothing else), at most <see cref="MaxNamePrefixLength"/>.</summary>
    /// <remarks>Default: none; required.</remarks>
    [Input("namePrefix")] public string NamePrefix { get; set; } = "";

    /// <summary>Resource id of the Application Gateway whose access log is kept.</summary>
    /// <remarks>Default: none; required.</remarks>
    [Input("gatewayId")] public Input<string>? GatewayId { get; set; }

    /// <summary>Storage redundancy: "LRS", "ZRS", "GRS" ... (ZRS only where the location has zones).</summary>
    /// <remarks>Default: "ZRS", so a zone outage loses no logs.</remarks>
    [Input("replication")] public string Replication { get; set; } = "ZRS";

    /// <summary>Tags put on the storage account.</summary>
    /// <remarks>Default: none.</remarks>
    [Input("tags")] public Dictionary<string, string> Tags { get; set; } = [];

    /// <summary>Every problem in these settings.</summary>
    public IEnumerable<SpecProblem> FindProblems()
    {
        if (ResourceGroupName is null)
            yield return new("resourceGroupName", null, "pass the resource group the storage account goes in");
        if (string.IsNullOrWhiteSpace(Location))
            yield return new("location", Location, "name the gateway's Azure location");
        if (GatewayId is null)
            yield return new("gatewayId", null, "pass the Application Gateway's id (AzureLoadBalancer.loadBalancerId)");
        if (!NamePrefixShape().IsMatch(NamePrefix ?? ""))
            yield return new("namePrefix", NamePrefix, $"use 3 to {MaxNamePrefixLength} lower-case letters and digits (Azure storage account names take nothing else)");
        if (Replication is not ("LRS" or "ZRS" or "GRS" or "RAGRS" or "GZRS" or "RAGZRS"))
            yield return new("replication", Replication, "use LRS, ZRS, GRS, RAGRS, GZRS or RAGZRS");
    }

    [GeneratedRegex("^[a-z0-9]{3,18}$")]
    private static partial Regex NamePrefixShape();
}
