using System.Text.Json;
using Infra.Components.Common;

namespace Infra.Settings;

/// <summary>
/// Reads a stack's sites: the list under <c>infra:sites</c>, each entry typed by its <c>cloud</c>, or the
/// legacy <c>infra:regions</c>, whose entries are AWS sites written without it. Problems are keyed as
/// written (<c>infra:sites[1].cloud</c>, <c>infra:regions[0].network.cidrBlock</c>).
/// </summary>
public static class SiteReader
{
    /// <summary>The current key.</summary>
    public const string SitesKey = "sites";

    /// <summary>The key of stack files written before sites existed: a list of AWS regions.</summary>
    public const string LegacyRegionsKey = "regions";

    /// <summary>The sites of the stack and the key they are written under (<c>infra:sites</c> or
    /// <c>infra:regions</c>); null sites when they could not be read (the problems say why).</summary>
    public static (IReadOnlyList<SiteSettings>? Sites, string At) Read(ConfigReader reader, Pulumi.Config config)
    {
        var hasSites = config.Get(SitesKey) is not null;
        var hasRegions = config.Get(LegacyRegionsKey) is not null;
        if (hasSites && hasRegions)
        {
            reader.Problems.Add(new SpecProblem(reader.Key(LegacyRegionsKey), "(set)",
                $"{reader.Key(SitesKey)} replaces {reader.Key(LegacyRegionsKey)}; move its entries into {reader.Key(SitesKey)} with cloud: aws and remove it"));
            return (null, reader.Key(SitesKey));
        }
        var key = hasRegions ? LegacyRegionsKey : SitesKey;
        var at = reader.Key(key);
        var entries = reader.Object<List<JsonElement>>(key, required: true,
            "list the sites to run in, each with its cloud and network, e.g. [{cloud: aws, region: us-east-1, network: {availabilityZones: [us-east-1a, us-east-1b]}}]");
        if (entries is null)
            return (null, at);

        var sites = new List<SiteSettings>();
        var readable = true;
        for (var i = 0; i < entries.Count; i++)
        {
            var site = ReadSite(reader, entries[i], $"{at}[{i}]", legacy: hasRegions);
            if (site is null)
                readable = false;
            else
                sites.Add(site);
        }
        return (readable ? sites : null, at);
    }

    private static SiteSettings? ReadSite(ConfigReader reader, JsonElement entry, string at, bool legacy)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            reader.Problems.Add(new SpecProblem(at, entry.ValueKind == JsonValueKind.Null ? null : entry.GetRawText(),
                "describe the site as a mapping, e.g. {cloud: aws, region: us-east-1, network: {...}}"));
            return null;
        }
        string? cloud = entry.TryGetProperty("cloud", out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;
        if (cloud is null && legacy)
            cloud = SiteClouds.Aws;
        SiteSettings? site = cloud switch
        {
            SiteClouds.Aws => reader.Element<AwsSiteSettings>(entry, at),
            SiteClouds.Azure => reader.Element<AzureSiteSettings>(entry, at),
            SiteClouds.Kubernetes => reader.Element<KubernetesSiteSettings>(entry, at),
            _ => null,
        };
        if (site is null && !SiteClouds.All.Contains(cloud))
            reader.Problems.Add(new SpecProblem($"{at}.cloud", cloud,
                $"name the site's cloud: one of {string.Join(", ", SiteClouds.All)}"));
        if (site is not null)
            site.Cloud = cloud;
        return site;
    }
}
