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

    /// <summary>Prefix of the names that continue a failover list beyond two endpoints.</summary>
    public const string TierPrefix = "fallback-";

    /// <summary>
    /// The name that holds tier <paramref name="tier"/> of a failover chain: the record name itself for
    /// tier 0, <c>fallback-&lt;tier&gt;.&lt;recordName&gt;</c> after it. Route 53 answers a failover set
    /// with one PRIMARY and one SECONDARY record, so with endpoints e0..en the tier-k set holds ek as
    /// PRIMARY and, as SECONDARY, a record pointing at tier k+1 (the last tier holds the last two
    /// endpoints): each step fails over to the rest of the list in order, as Route 53's documentation
    /// on complex failover configurations builds it from records that point at record sets.
    /// </summary>
    public static string TierName(string recordName, int tier) => tier == 0 ? recordName : $"{TierPrefix}{tier}.{recordName}";

    /// <summary>The tier that holds endpoint <paramref name="index"/> of a failover list of
    /// <paramref name="count"/> endpoints.</summary>
    public static int TierOf(int index, int count) => count <= 2 ? 0 : Math.Min(index, count - 2);

    /// <summary>Whether the secondary of endpoint <paramref name="index"/>'s tier is a link to the next tier.</summary>
    public static bool LinksToNextTier(FailoverDnsSpec spec, int index)
        => spec.Routing == DnsRoutingPolicies.Failover && index < spec.Endpoints.Count - 2;

    /// <summary>The failover role of endpoint <paramref name="index"/> of <paramref name="count"/>: PRIMARY
    /// in its own tier, SECONDARY for the last endpoint (which shares the last tier).</summary>
    public static string FailoverType(int index, int count) => index < Math.Max(count - 1, 1) ? "PRIMARY" : "SECONDARY";

    /// <summary>
    /// The SECONDARY record of endpoint <paramref name="index"/>'s tier, which sends resolvers on to the
    /// next tier when the endpoint is unhealthy: an alias to that name with EvaluateTargetHealth (healthy
    /// while any endpoint behind it is), or a CNAME when the set is CNAMEs. It carries no check of its own.
    /// </summary>
    public static RecordArgs LinkToNextTier(FailoverDnsSpec spec, int index)
    {
        var next = TierName(spec.RecordName, index + 1);
        var record = new RecordArgs
        {
            ZoneId = spec.ZoneId!,
            Name = TierName(spec.RecordName, index),
            // Not an endpoint name, so it cannot collide with the tier's primary.
            SetIdentifier = $"{spec.Endpoints[index].Name}-fallback",
        };
        if (UsesCnames(spec))
        {
            record.Type = RecordType.CNAME;
            record.Records.Add(next);
            record.Ttl = spec.TtlSeconds;
        }
        else
        {
            record.Type = RecordType.A;
            record.Aliases.Add(new RecordAliasArgs { Name = next, ZoneId = spec.ZoneId!, EvaluateTargetHealth = true });
        }
        record.FailoverRoutingPolicies.Add(new RecordFailoverRoutingPolicyArgs { Type = "SECONDARY" });
        return record;
    }

    /// <summary>The record of the endpoint at <paramref name="index"/> (assumes the spec has no problems).</summary>
    public static RecordArgs ToArgs(FailoverDnsSpec spec, int index, Input<string> healthCheckId)
    {
        var endpoint = spec.Endpoints[index];
        var count = spec.Endpoints.Count;
        var failover = spec.Routing == DnsRoutingPolicies.Failover;
        var record = new RecordArgs
        {
            ZoneId = spec.ZoneId!,
            Name = failover ? TierName(spec.RecordName, TierOf(index, count)) : spec.RecordName,
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
                record.FailoverRoutingPolicies.Add(new RecordFailoverRoutingPolicyArgs { Type = FailoverType(index, count) });
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
