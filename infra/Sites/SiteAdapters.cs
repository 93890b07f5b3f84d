using Infra.Settings;
using Infra.Sites.Aws;
using Infra.Sites.Azure;
using Infra.Sites.Kubernetes;

namespace Infra.Sites;

/// <summary>The adapter of each cloud a site can name.</summary>
public static class SiteAdapters
{
    private static readonly IReadOnlyDictionary<string, SiteAdapter> ByCloud =
        new SiteAdapter[] { new AwsSiteAdapter(), new AzureSiteAdapter(), new KubernetesSiteAdapter() }.ToDictionary(a => a.Cloud);

    /// <summary>The adapter that builds <paramref name="site"/>.</summary>
    public static SiteAdapter For(SiteSettings site)
        => site.Cloud is { } cloud && ByCloud.TryGetValue(cloud, out var adapter)
            ? adapter
            : throw new InvalidOperationException($"no adapter for cloud '{site.Cloud}'; the site reader refuses it first");
}
