using Infra.Components.Common;
using Pulumi;

namespace Infra.Components.Autoscaling.Azure;

/// <summary>A Marketplace image the scale set's instances boot from (publisher, offer, SKU, version).</summary>
public sealed class AzureImageSpec : ResourceArgs
{
    /// <summary>Image publisher.</summary>
    /// <remarks>Default: "Canonical".</remarks>
    [Input("publisher")] public string Publisher { get; set; } = "Canonical";

    /// <summary>Image offer.</summary>
    /// <remarks>Default: "0001-com-ubuntu-server-jammy" (Ubuntu 22.04 LTS).</remarks>
    [Input("offer")] public string Offer { get; set; } = "0001-com-ubuntu-server-jammy";

    /// <summary>Image SKU.</summary>
    /// <remarks>Default: "22_04-lts-gen2" (generation 2 VMs).</remarks>
    [Input("sku")] public string Sku { get; set; } = "22_04-lts-gen2";

    /// <summary>Image version, or "latest" for the newest when an instance is created.</summary>
    /// <remarks>Default: "latest".</remarks>
    [Input("version")] public string Version { get; set; } = "latest";

    /// <summary>Every problem in this image reference, keyed under <paramref name="at"/>.</summary>
    public IEnumerable<SpecProblem> FindProblems(string at)
    {
        if (string.IsNullOrWhiteSpace(Publisher))
            yield return new($"{at}.publisher", Publisher, "name the image publisher, e.g. Canonical");
        if (string.IsNullOrWhiteSpace(Offer))
            yield return new($"{at}.offer", Offer, "name the image offer, e.g. 0001-com-ubuntu-server-jammy");
        if (string.IsNullOrWhiteSpace(Sku))
            yield return new($"{at}.sku", Sku, "name the image SKU, e.g. 22_04-lts-gen2");
        if (string.IsNullOrWhiteSpace(Version))
            yield return new($"{at}.version", Version, "use latest or a version such as 22.04.202401010");
    }
}
