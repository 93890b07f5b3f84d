using Pulumi;
using Pulumi.Aws.Route53;
using Pulumi.Aws.Route53.Inputs;

namespace Infra.Components.Dns.Aws;

/// <summary>
/// How each endpoint of a <see cref="FailoverDnsSpec"/> becomes a Route 53 record: an alias for an
/// AWS load balancer, an A record for an IP address, a CNAME for a hostname, with the routing policy,
/// set identifier and health check of the set.
/// </summary>
public static class Route53Records
{
    /// <summary>An alias A record to an AWS load balancer.</summary>
    public const string Alias = "alias";

    /// <summary>A CNAME record naming the endpoint.</summary>
    public const string Cname = "CNAME";

    /// <summary>An A record holding the endpoint's address.</summary>
    public const string Address = "A";

    /// <summary>TTL of the answers behind an alias to an Elastic Load Balancing load balancer, which
    /// an alias record carries instead of its own.</summary>
    public const int LoadBalancerAliasTtlSeconds = 60;

    /// <summary>
    /// Whether the set must be CNAMEs: Route 53 keeps one record type per name in a set, and a CNAME
    /// cannot share its name with an A record, so one endpoint reached by hostname makes every
    /// record a CNAME, load balancers included.
    /// </summary>
    public static bool UsesCnames(FailoverDnsSpec spec)
        => spec.Endpoints.Any(e => e is not null && e.Kind != DnsEndpointKinds.AwsLoadBalancer && !e.HasIpAddress);

    /// <summary>One of <see cref="Alias"/>, <see cref="Cname"/> and <see cref="Address"/> for <paramref name="endpoint"/>.</summary>
    public static string StyleOf(FailoverDnsSpec spec, DnsEndpointSpec endpoint)
        => UsesCnames(spec) ? Cname : endpoint.Kind == DnsEndpointKinds.AwsLoadBalancer ? Alias : Address;

    /// <summary>Seconds resolvers cache the answer naming <paramref name="endpoint"/>.</summary>
    public static int TtlOf(FailoverDnsSpec spec, DnsEndpointSpec endpoint)
        => StyleOf(spec, endpoint) == Alias ? LoadBalancerAliasTtlSeconds : spec.TtlSeconds;

    /// <summary>The failover role of the endpoint at <paramref name="index"/>: PRIMARY first, SECONDARY second.</summary>
    public static string FailoverType(int index) => index == 0 ? "PRIMARY" : "SECONDARY";

    /// <summary>The record of the endpoint at <paramref name="index"/> (assumes the spec has no problems).</summary>
    public static RecordArgs ToArgs(FailoverDnsSpec spec, int index, Input<string> healthCheckId)
    {
        var endpoint = spec.Endpoints[index];
        var record = new RecordArgs
        {
            ZoneId = spec.ZoneId!,
            Name = spec.RecordName,
            // Every routing policy needs a set identifier; the endpoint name keeps it stable when
            // endpoints are reordered.
            SetIdentifier = endpoint.Name,
            // On an alias as well: the check probes the service path, while EvaluateTargetHealth only
            // knows whether the load balancer has healthy targets.
            HealthCheckId = healthCheckId,
        };
        switch (StyleOf(spec, endpoint))
        {
            case Alias:
                record.Type = RecordType.A;
                record.Aliases.Add(new RecordAliasArgs { Name = endpoint.DnsName!, ZoneId = endpoint.ZoneId!, EvaluateTargetHealth = true });
                break;
            case Cname:
                record.Type = RecordType.CNAME;
                record.Records.Add(endpoint.DnsName ?? endpoint.Hostname!);
                record.Ttl = spec.TtlSeconds;
                break;
            default:
                record.Type = RecordType.A;
                record.Records.Add(endpoint.IpAddress!);
                record.Ttl = spec.TtlSeconds;
                break;
        }
        switch (spec.Routing)
        {
            case DnsRoutingPolicies.Failover:
                record.FailoverRoutingPolicies.Add(new RecordFailoverRoutingPolicyArgs { Type = FailoverType(index) });
                break;
            case DnsRoutingPolicies.Weighted:
                record.WeightedRoutingPolicies.Add(new RecordWeightedRoutingPolicyArgs { Weight = endpoint.Weight });
                break;
            case DnsRoutingPolicies.Latency:
                record.LatencyRoutingPolicies.Add(new RecordLatencyRoutingPolicyArgs { Region = endpoint.Region! });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(spec), spec.Routing, "validate the spec before translating it");
        }
        return record;
    }
}
