using Infra.Settings;
using Pulumi;

namespace Infra.Sites;

/// <summary>What building one site made: its provider, its edge for DNS and its stack outputs.</summary>
/// <param name="Site">The site's settings.</param>
/// <param name="Provider">The explicit provider its resources were created with.</param>
/// <param name="Edge">What DNS can point at.</param>
/// <param name="Outputs">Stack outputs by name (without the site prefix), e.g. url, dashboard.</param>
public sealed record BuiltSite(SiteSettings Site, ProviderResource Provider, SiteEdge Edge, IReadOnlyDictionary<string, object?> Outputs)
{
    /// <summary>The Azure resource group the site's resources are in (Azure sites only).</summary>
    public Input<string>? ResourceGroupName { get; init; }
}
