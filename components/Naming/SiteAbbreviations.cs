using System.Text.RegularExpressions;

namespace Infra.Components.Naming;

/// <summary>
/// Short, readable forms of AWS regions and Azure locations, for names that would not fit in full.
/// AWS: the prefix of the region's availability zone IDs (us-east-1 → use1, ap-southeast-1 → apse1),
/// which AWS itself uses ("Availability Zone IDs for your AWS resources", AWS RAM User Guide). Azure:
/// each word of the location abbreviated (west europe → weu, east us 2 → eus2, southeast asia → sea,
/// australia east → aue), the short forms commonly used with the Cloud Adoption Framework's naming
/// convention ("Define your naming convention": region as a component of a name).
/// </summary>
public static partial class SiteAbbreviations
{
    private static readonly IReadOnlyDictionary<string, string> Directions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["north"] = "n",
        ["south"] = "s",
        ["east"] = "e",
        ["west"] = "w",
        ["central"] = "c",
        ["northeast"] = "ne",
        ["northwest"] = "nw",
        ["southeast"] = "se",
        ["southwest"] = "sw",
    };

    // Countries and areas in Azure location names, as ISO 3166 codes where there is one.
    private static readonly IReadOnlyDictionary<string, string> Areas = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["us"] = "us",
        ["europe"] = "eu",
        ["asia"] = "a",
        ["australia"] = "au",
        ["uk"] = "uk",
        ["japan"] = "jp",
        ["canada"] = "ca",
        ["brazil"] = "br",
        ["germany"] = "de",
        ["sweden"] = "se",
        ["switzerland"] = "ch",
        ["france"] = "fr",
        ["korea"] = "kr",
        ["india"] = "in",
        ["jioindia"] = "jioin",
        ["uae"] = "ae",
        ["southafrica"] = "za",
        ["qatar"] = "qa",
        ["newzealand"] = "nz",
        ["mexico"] = "mx",
        ["chile"] = "cl",
        ["israel"] = "il",
        ["italy"] = "it",
        ["poland"] = "pl",
        ["spain"] = "es",
        ["norway"] = "no",
        ["austria"] = "at",
        ["belgium"] = "be",
        ["denmark"] = "dk",
        ["indonesia"] = "id",
        ["malaysia"] = "my",
        ["taiwan"] = "tw",
        ["greece"] = "gr",
        ["finland"] = "fi",
        ["saudiarabia"] = "sa",
    };

    /// <summary>The short form of an AWS region (e.g. "apse1"), or null when it is not shaped like one.</summary>
    public static string? ForAwsRegion(string region)
    {
        var match = AwsRegionShape().Match(region ?? "");
        if (!match.Success)
            return null;
        var words = match.Groups["words"].Value.Split('-');
        var parts = words.Select(w => Directions.TryGetValue(w, out var d) ? d : w == "gov" ? "g" : w == "iso" ? "i" : null).ToList();
        return parts.Any(p => p is null) ? null : match.Groups["area"].Value + string.Concat(parts) + match.Groups["number"].Value;
    }

    /// <summary>The short form of an Azure location (e.g. "weu"), or null when a word of it is unknown.</summary>
    public static string? ForAzureLocation(string location)
    {
        var rest = location ?? "";
        var digits = TrailingDigits().Match(rest).Value;
        rest = rest[..^digits.Length];
        var parts = new List<string>();
        while (rest.Length > 0)
        {
            // The longest known word first: "southafrica" before "south", "southeast" before "south".
            var word = Areas.Keys.Concat(Directions.Keys).Where(w => rest.StartsWith(w, StringComparison.Ordinal)).MaxBy(w => w.Length);
            if (word is null)
                return null;
            parts.Add(Areas.TryGetValue(word, out var area) ? area : Directions[word]);
            rest = rest[word.Length..];
        }
        return parts.Count == 0 ? null : string.Concat(parts) + digits;
    }

    [GeneratedRegex(@"^(?<area>[a-z]{2})-(?<words>[a-z]+(-[a-z]+)*)-(?<number>\d+)$")]
    private static partial Regex AwsRegionShape();

    [GeneratedRegex(@"\d*$")]
    private static partial Regex TrailingDigits();
}
