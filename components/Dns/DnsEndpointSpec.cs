using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Infra.Components.Common;
using Infra.Components.HealthChecks;
using Infra.Components.LoadBalancing;
using Pulumi;

namespace Infra.Components.Dns;

/// <summary>
/// One place DNS can send clients to: an AWS load balancer, an Azure endpoint, a Kubernetes ingress or
/// any host. Which settings it needs follows from <see cref="Kind"/>; its position in
/// <see cref="FailoverDnsSpec.Endpoints"/> is its failover priority.
/// </summary>
public sealed partial class DnsEndpointSpec : ResourceArgs
{
    /// <summary>Stable key of the endpoint: it names the endpoint's resources, its Route 53 set
    /// identifier and Traffic Manager endpoint, and what <c>drill --fail</c> takes.</summary>
    /// <remarks>Default: none; required, lower-case letters, digits and dashes, at most 32 characters.</remarks>
    [Input("name")] public string Name { get; set; } = "";

    /// <summary>One of <see cref="DnsEndpointKinds"/>.</summary>
    /// <remarks>Default: none; required.</remarks>
    [Input("kind")] public string Kind { get; set; } = "";

    /// <summary>DNS name of an AWS load balancer (<c>AwsLoadBalancer.DnsName</c>).</summary>
    /// <remarks>Default: none; required for kind aws-load-balancer, unset for the others.</remarks>
    [Input("dnsName")] public Input<string>? DnsName { get; set; }

    /// <summary>Route 53 hosted zone of <see cref="DnsName"/> (<c>AwsLoadBalancer.ZoneId</c>), which an
    /// alias record needs.</summary>
    /// <remarks>Default: none; required for kind aws-load-balancer, unset for the others.</remarks>
    [Input("zoneId")] public Input<string>? ZoneId { get; set; }

    /// <summary>Azure resource id of the endpoint's target (a public IP, an App Service), which Traffic
    /// Manager monitors as an Azure endpoint.</summary>
    /// <remarks>Default: none. Kind azure-endpoint only; Route 53 cannot resolve a resource id, so with
    /// dnsHost route53 give <see cref="Hostname"/> or <see cref="IpAddress"/> as well.</remarks>
    [Input("resourceId")] public Input<string>? ResourceId { get; set; }

    /// <summary>Hostname DNS points at with a CNAME: an Azure FQDN, the hostname an ingress controller
    /// publishes, any server's name.</summary>
    /// <remarks>Default: none; one of this and <see cref="IpAddress"/> is needed for every kind but aws-load-balancer.</remarks>
    [Input("hostname")] public Input<string>? Hostname { get; set; }

    /// <summary>IPv4 address DNS answers with in an A record. Plain, so that the record type is known
    /// when the stack is planned.</summary>
    /// <remarks>Default: none; the alternative to <see cref="Hostname"/>.</remarks>
    [Input("ipAddress")] public string? IpAddress { get; set; }

    /// <summary>Where the endpoint serves from, in the DNS host's terms: an AWS region (us-east-1) for
    /// Route 53 latency routing, an Azure region (eastus) for Traffic Manager performance routing.</summary>
    /// <remarks>Default: none; required with routing "latency" (Azure endpoints given by resource id
    /// under Traffic Manager take their resource's region).</remarks>
    [Input("region")] public string? Region { get; set; }

    /// <summary>Share of traffic with routing "weighted", 0 to 1000; 0 takes traffic only when no
    /// endpoint with a weight above 0 is healthy.</summary>
    /// <remarks>Default: 1 (equal shares).</remarks>
    [Input("weight")] public int Weight { get; set; } = 1;

    /// <summary>How DNS checks this endpoint.</summary>
    /// <remarks>Default: the spec's <see cref="FailoverDnsSpec.HealthCheck"/>.</remarks>
    [Input("healthCheck")] public HealthCheckSpec? HealthCheck { get; set; }

    /// <summary>The cloud-neutral spec of the load balancer behind this endpoint, so that the DNS check
    /// can be compared with the ports and health path it serves.</summary>
    /// <remarks>Default: none; the DNS check is then not compared with a load balancer.</remarks>
    [Input("loadBalancer")] public LoadBalancerSpec? LoadBalancer { get; set; }

    // Not public: every public property of an args class is part of the package schema.
    internal bool HasIpAddress => IpAddress is not null;

    /// <summary>Every problem in this endpoint, keyed under <paramref name="at"/>.</summary>
    /// <param name="at">Key of the endpoint, e.g. <c>spec.endpoints[1]</c>.</param>
    /// <param name="routing">The spec's routing policy, which decides whether a region is needed.</param>
    public IEnumerable<SpecProblem> FindProblems(string at, string routing) => FindProblems(at, routing, checkTargets: true);

    /// <summary>Every problem in this endpoint, keyed under <paramref name="at"/>; its targets (DNS name,
    /// hostname, resource id) only when <paramref name="checkTargets"/> (false while the resources that
    /// make them do not exist yet).</summary>
    public IEnumerable<SpecProblem> FindProblems(string at, string routing, bool checkTargets)
    {
        if (string.IsNullOrEmpty(Name) || !EndpointName().IsMatch(Name))
            yield return new($"{at}.name", Name, "use 1 to 32 lower-case letters, digits and dashes, e.g. use1 or azure-weu; it names resources and set identifiers");

        if (!DnsEndpointKinds.All.Contains(Kind))
            yield return new($"{at}.kind", Kind, $"use one of {string.Join(", ", DnsEndpointKinds.All)}");
        else if (checkTargets)
            foreach (var problem in FindTargetProblems(at))
                yield return problem;

        if (IpAddress is not null && !IsIpv4(IpAddress))
            yield return new($"{at}.ipAddress", IpAddress, "write an IPv4 address such as 203.0.113.10 (failover records here are A records), or give a hostname instead");
        if (Weight is < 0 or > 1000)
            yield return new($"{at}.weight", Weight, "use a weight between 0 and 1000");
        if (routing == DnsRoutingPolicies.Latency && string.IsNullOrWhiteSpace(Region) && !(Kind == DnsEndpointKinds.AzureEndpoint && ResourceId is not null))
            yield return new($"{at}.region", Region, "latency routing sends each client to the nearest region; set the region the endpoint serves from, e.g. us-east-1");
        if (HealthCheck is not null)
            foreach (var problem in HealthCheck.FindProblems($"{at}.healthCheck"))
                yield return problem;
    }

    private IEnumerable<SpecProblem> FindTargetProblems(string at)
    {
        if (Kind == DnsEndpointKinds.AwsLoadBalancer)
        {
            if (DnsName is null)
                yield return new($"{at}.dnsName", null, "an aws-load-balancer endpoint needs the load balancer's DNS name (AwsLoadBalancer.DnsName)");
            if (ZoneId is null)
                yield return new($"{at}.zoneId", null, "an aws-load-balancer endpoint needs the load balancer's hosted zone id (AwsLoadBalancer.ZoneId) for the alias record");
            foreach (var (key, set) in new[] { ("hostname", Hostname is not null), ("ipAddress", IpAddress is not null), ("resourceId", ResourceId is not null) })
                if (set)
                    yield return new($"{at}.{key}", "(set)", "an aws-load-balancer endpoint is reached by its dnsName; remove this, or use kind host");
            yield break;
        }

        foreach (var (key, set) in new[] { ("dnsName", DnsName is not null), ("zoneId", ZoneId is not null) })
            if (set)
                yield return new($"{at}.{key}", "(set)", $"only an aws-load-balancer endpoint takes {key}; use hostname for a {Kind} endpoint");
        if (Hostname is not null && IpAddress is not null)
            yield return new($"{at}.ipAddress", IpAddress, "give a hostname or an IP address, not both: DNS answers with one record type per name");
        if (ResourceId is not null && Kind != DnsEndpointKinds.AzureEndpoint)
            yield return new($"{at}.resourceId", "(set)", $"only an azure-endpoint takes a resource id; use hostname or ipAddress for a {Kind} endpoint");
        if (Hostname is null && IpAddress is null && ResourceId is null)
            yield return new($"{at}.hostname", null, Kind == DnsEndpointKinds.AzureEndpoint
                ? "an azure-endpoint needs its resource id (Traffic Manager), its FQDN or its IP address"
                : $"a {Kind} endpoint needs a hostname or an IP address");
    }

    private static bool IsIpv4(string text)
        => IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetwork
           && text.Count(c => c == '.') == 3;

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$")]
    private static partial Regex EndpointName();
}
