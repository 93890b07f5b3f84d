using Infra.Components.Naming;
using Infra.Components.Networking.Azure;
using Xunit;

namespace Infra.Tests.Components.Naming;

public sealed class NameFittingTests
{
    [Fact]
    public void A_name_that_fits_is_kept_as_it_is()
        => Assert.Equal("web-us-east-1-tg-web", NameFitting.Fit(NameRules.AwsTargetGroup, "web-us-east-1-tg-web"));

    [Fact]
    public void The_first_readable_candidate_that_fits_is_taken()
        => Assert.Equal("web-apse1-tg-web", NameFitting.Fit(NameRules.AwsTargetGroup, "web-ap-southeast-1-tg-web", "web-apse1-tg-web"));

    [Fact]
    public void A_name_too_long_in_every_form_is_cut_and_ended_with_a_stable_hash_of_the_full_name()
    {
        var full = "checkout-frontend-ap-southeast-1-tg-storefront";
        var fitted = NameFitting.Fit(NameRules.AwsTargetGroup, full, "checkout-frontend-apse1-tg-storefront");

        Assert.Equal(NameRules.AwsTargetGroup.MaxGivenLength, fitted.Length);
        Assert.True(NameRules.AwsTargetGroup.Fits(fitted));
        Assert.StartsWith("checkout-frontend", fitted, StringComparison.Ordinal);
        Assert.EndsWith("-" + NameFitting.Hash(full), fitted, StringComparison.Ordinal);
        // The same inputs always give the same name; another full name gives another one.
        Assert.Equal(fitted, NameFitting.Fit(NameRules.AwsTargetGroup, full, "checkout-frontend-apse1-tg-storefront"));
        Assert.NotEqual(fitted, NameFitting.Fit(NameRules.AwsTargetGroup, full + "2", "checkout-frontend-apse1-tg-storefront"));
    }

    [Fact]
    public void A_storage_account_name_is_lower_case_letters_and_digits_only()
    {
        var fitted = NameFitting.Fit(NameRules.AzureStorageAccount, "web-prod-australiasoutheast-logs");

        Assert.Matches("^[a-z0-9]{3,24}$", fitted);
    }

    [Theory]
    [InlineData("us-east-1", "use1")]
    [InlineData("us-west-2", "usw2")]
    [InlineData("ap-southeast-1", "apse1")]
    [InlineData("ap-northeast-1", "apne1")]
    [InlineData("ap-south-2", "aps2")]
    [InlineData("eu-central-1", "euc1")]
    [InlineData("sa-east-1", "sae1")]
    [InlineData("me-central-1", "mec1")]
    [InlineData("af-south-1", "afs1")]
    [InlineData("ca-west-1", "caw1")]
    [InlineData("us-gov-west-1", "usgw1")]
    public void An_aws_region_abbreviates_as_its_availability_zone_ids_do(string region, string abbreviation)
        => Assert.Equal(abbreviation, SiteAbbreviations.ForAwsRegion(region));

    [Theory]
    [InlineData("westeurope", "weu")]
    [InlineData("northeurope", "neu")]
    [InlineData("eastus", "eus")]
    [InlineData("eastus2", "eus2")]
    [InlineData("southeastasia", "sea")]
    [InlineData("australiaeast", "aue")]
    [InlineData("uksouth", "uks")]
    [InlineData("southafricanorth", "zan")]
    [InlineData("northcentralus", "ncus")]
    public void An_azure_location_abbreviates_word_by_word(string location, string abbreviation)
        => Assert.Equal(abbreviation, SiteAbbreviations.ForAzureLocation(location));

    [Fact]
    public void Every_published_azure_location_has_its_own_abbreviation()
    {
        var locations = AzureLocations.WithZones.Concat(AzureLocations.WithoutZones).ToList();

        var abbreviations = locations.ToDictionary(l => l, SiteAbbreviations.ForAzureLocation);

        Assert.All(abbreviations, a => Assert.False(a.Value is null, $"{a.Key} has no abbreviation"));
        Assert.Equal(locations.Count, abbreviations.Values.Distinct().Count());
    }
}
