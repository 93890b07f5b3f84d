using Infra.Components.Common;
using Infra.Components.Dns;
using Infra.Components.LoadBalancing;
using Infra.Settings;

namespace Infra.Sites;

/// <summary>
/// How one cloud runs a site of the service. The cloud-neutral description (load balancer, scaling,
/// alerts, forecast) is validated once by <see cref="StackValidation"/>; an adapter adds only what its
/// cloud refuses in that description and in its own site settings, then builds the site's network,
/// load balancer, instance group and monitoring.
/// </summary>
public abstract class SiteAdapter
{
    /// <summary>The cloud this adapter builds, one of <see cref="SiteClouds"/>.</summary>
    public abstract string Cloud { get; }

    /// <summary>What this cloud refuses in the neutral description, keyed under <c>infra:service</c>;
    /// asked once per stack that has a site on this cloud.</summary>
    public abstract IEnumerable<SpecProblem> FindServiceProblems(StackSettings stack);

    /// <summary>Every problem of one site's settings, keyed under <paramref name="at"/> (e.g. <c>infra:sites[1]</c>).</summary>
    public abstract IEnumerable<SpecProblem> FindSiteProblems(StackSettings stack, SiteSettings site, string at);

    /// <summary>The load balancer spec as the site runs it: the service's, with whatever the site's own
    /// settings fill in (e.g. its regional certificate). Default: the service's.</summary>
    public virtual LoadBalancerSpec? LoadBalancerOf(StackSettings stack, SiteSettings site) => stack.Service.LoadBalancer;

    /// <summary>The failover endpoint the site offers DNS, pointing at <paramref name="edge"/>.</summary>
    public abstract DnsEndpointSpec FailoverEndpoint(StackSettings stack, SiteSettings site, SiteEdge edge);

    /// <summary>Creates the site's resources (validated settings only).</summary>
    public abstract BuiltSite Build(StackSettings stack, SiteSettings site);
}
