using Infra.Components.Dns;
using Infra.Settings;
using Infra.Sites;
using Infra.Sites.Aws;
using Pulumi;

namespace Infra;

/// <summary>Composes a stack from its settings: for each site, its cloud's adapter builds network, load
/// balancer, instance group and monitoring; then failover DNS goes in front of the sites.</summary>
public static class ServiceStack
{
    /// <summary>Creates the stack's resources; returns the stack outputs.</summary>
    public static IDictionary<string, object?> Build(StackSettings settings)
    {
        var outputs = new Dictionary<string, object?> { ["environment"] = settings.Environment };
        var built = new List<BuiltSite>();
        foreach (var site in settings.Sites)
        {
            var made = SiteAdapters.For(site).Build(settings, site);
            built.Add(made);
            foreach (var (key, value) in made.Outputs)
                outputs[$"{site.Key}:{key}"] = value;
        }

        if (settings.Failover is { } failover)
        {
            var args = FailoverDesign.Args(settings, [.. built.Select(b => b.Edge)], ResourceGroupOf(built));
            // DNS is global; it is an edge resource, protected like the load balancers.
            var dns = new FailoverDns($"{settings.Service.Name}-edge", args,
                new ComponentResourceOptions { Provider = DnsProvider(settings, failover, built), Protect = settings.Protect ? true : null });
            outputs["url"] = Output.Format($"https://{dns.Fqdn}");
        }
        return outputs;
    }

    /// <summary>
    /// The provider DNS goes through: for Route 53, the AWS site in us-east-1 (where Route 53 publishes
    /// health-check metrics, so its alarms must be made there), else a provider of its own in
    /// us-east-1; for Traffic Manager, the first Azure site's.
    /// </summary>
    private static ProviderResource DnsProvider(StackSettings settings, FailoverDnsSpec failover, IReadOnlyList<BuiltSite> built)
    {
        if (failover.DnsHost == DnsHosts.TrafficManager)
            return built.First(b => b.Site.Cloud == SiteClouds.Azure).Provider;
        return built.FirstOrDefault(b => b.Site is AwsSiteSettings { Region: "us-east-1" })?.Provider
               ?? AwsProviders.Create(settings, "aws-dns", "us-east-1");
    }

    /// <summary>The resource group a Traffic Manager profile goes in: the first Azure site's.</summary>
    private static Input<string>? ResourceGroupOf(IReadOnlyList<BuiltSite> built)
        => built.FirstOrDefault(b => b.Site.Cloud == SiteClouds.Azure)?.ResourceGroupName;
}
