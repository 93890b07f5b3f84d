using Infra.Components.Naming;
using Infra.Settings;

namespace Infra.Sites;

/// <summary>
/// The names a site's components and explicit physical names get, built from what makes them unique:
/// the service, the stack (for names a cloud account shares between stacks) and the site. Shared by
/// every adapter so that names read the same on every cloud.
/// </summary>
public static class SiteNames
{
    /// <summary>
    /// The name of a site's components: <c>&lt;service&gt;-&lt;site&gt;</c> (e.g. web-us-east-1, the name
    /// every existing stack has, so nothing is renamed), or, when the names the cloud derives from it
    /// would not fit as they are (<paramref name="fitsReadably"/>) and the site has no name of its own,
    /// <c>&lt;service&gt;-&lt;abbreviated region&gt;</c> (web-apse1). Names still too long are fitted
    /// with a short hash by the components.
    /// </summary>
    public static string ComponentName(StackSettings stack, SiteSettings site, Func<string, bool> fitsReadably, string? abbreviation)
    {
        var full = $"{stack.Service.Name}-{site.Key}";
        if (fitsReadably(full) || site.Name is not null || abbreviation is null)
            return full;
        return $"{stack.Service.Name}-{abbreviation}";
    }

    /// <summary>
    /// An explicit physical name that the cloud keeps unique per account and region only (a CloudWatch
    /// dashboard): <c>&lt;service&gt;-&lt;stack&gt;-&lt;site&gt;</c>, so that two stacks in one account
    /// never write (or destroy) each other's, fitted to <paramref name="rule"/>.
    /// </summary>
    public static string PerStack(StackSettings stack, SiteSettings site, NameRule rule, string? abbreviation = null)
    {
        var full = $"{stack.Service.Name}-{stack.StackName}-{site.Key}";
        return abbreviation is null || site.Name is not null
            ? NameFitting.Fit(rule, full)
            : NameFitting.Fit(rule, full, $"{stack.Service.Name}-{stack.StackName}-{abbreviation}");
    }
}
