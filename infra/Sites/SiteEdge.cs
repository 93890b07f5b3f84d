using Pulumi;

namespace Infra.Sites;

/// <summary>
/// What a site's edge offers DNS: the names and ids that failover records and Traffic Manager
/// endpoints point at. Each cloud fills the ones it has (AWS: DNS name and hosted zone of its load
/// balancer; Azure: the public IP's FQDN and resource id).
/// </summary>
/// <param name="DnsName">DNS name of an AWS load balancer.</param>
/// <param name="ZoneId">Route 53 hosted zone of <paramref name="DnsName"/>.</param>
/// <param name="Hostname">A hostname DNS points at with a CNAME.</param>
/// <param name="ResourceId">An Azure resource id Traffic Manager can monitor.</param>
public sealed record SiteEdge(Input<string>? DnsName, Input<string>? ZoneId, Input<string>? Hostname, Input<string>? ResourceId)
{
    /// <summary>The edge of a site that is not created yet: no values, and validation checks the site's
    /// endpoint by its kind alone (<see cref="Infra.Components.Dns.FailoverDnsSources"/>), never with invented ones.</summary>
    public static SiteEdge NotCreatedYet { get; } = new(null, null, null, null);
}
