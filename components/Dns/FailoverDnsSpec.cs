using System.Text.RegularExpressions;
using Infra.Components.Common;
using Infra.Components.HealthChecks;
using Pulumi;

namespace Infra.Components.Dns;

/// <summary>
/// A name that keeps answering while an endpoint is down: which endpoints serve it (in failover
/// order), how DNS checks them, how fast clients must move, and which DNS service answers. The same
/// spec describes failover between AWS regions, between clouds, in Route 53 or in Traffic Manager.
/// </summary>
public sealed partial class FailoverDnsSpec : ResourceArgs
{
    /// <summary>Longest TTL accepted, in seconds (one day): a longer cache defeats failover.</summary>
    public const int MaxTtlSeconds = 86_400;

    /// <summary>The name clients resolve, e.g. <c>www.example.com</c>.</summary>
    /// <remarks>Default: none; required. With Route 53 it must lie inside the hosted zone and, when any
    /// endpoint is a hostname (a CNAME), must not be the zone apex.</remarks>
    [Input("recordName")] public string RecordName { get; set; } = "";

    /// <summary>Route 53 hosted zone that holds <see cref="RecordName"/> (<c>Route53.Zone.ZoneId</c>).</summary>
    /// <remarks>Default: none; required with dnsHost route53 and unset with traffic-manager, which
    /// answers under trafficmanager.net (point the vanity name at the component's fqdn output).</remarks>
    [Input("zoneId")] public Input<string>? ZoneId { get; set; }

    /// <summary>Seconds resolvers may cache an answer; part of every failover's duration.</summary>
    /// <remarks>Default: 60. Route 53 alias records to AWS load balancers carry the load balancer's own
    /// TTL (60 s) instead.</remarks>
    [Input("ttlSeconds")] public int TtlSeconds { get; set; } = 60;

    /// <summary>One of <see cref="DnsRoutingPolicies"/>.</summary>
    /// <remarks>Default: "failover" (the first healthy endpoint in list order takes all traffic).</remarks>
    [Input("routing")] public string Routing { get; set; } = DnsRoutingPolicies.Failover;

    /// <summary>One of <see cref="DnsHosts"/>.</summary>
    /// <remarks>Default: "route53".</remarks>
    [Input("dnsHost")] public string DnsHost { get; set; } = DnsHosts.Route53;

    /// <summary>The endpoints, first to last in failover priority.</summary>
    /// <remarks>Default: none; failover needs at least two.</remarks>
    [Input("endpoints")] public List<DnsEndpointSpec> Endpoints { get; set; } = [];

    /// <summary>How DNS checks every endpoint that sets no check of its own.</summary>
    /// <remarks>Default: HTTPS GET /healthz on port 443 every 30 s, unhealthy after 3 failures. DNS
    /// checkers probe every 10 or 30 seconds only.</remarks>
    [Input("healthCheck")]
    public HealthCheckSpec HealthCheck { get; set; } = new() { Protocol = HealthCheckProtocols.Https, IntervalSeconds = 30 };

    /// <summary>Regions the DNS health checkers probe from (Route 53: at least three of its checker
    /// regions, e.g. us-east-1, eu-west-1, ap-southeast-1).</summary>
    /// <remarks>Default: none; every checker region Route 53 offers.</remarks>
    [Input("checkerRegions")] public List<string> CheckerRegions { get; set; } = [];

    /// <summary>Have the checkers record the latency to each endpoint (Route 53 latency graphs).</summary>
    /// <remarks>Default: false. Cannot be changed after a check is created.</remarks>
    [Input("measureLatency")] public bool MeasureLatency { get; set; }

    /// <summary>Adds a calculated check that is healthy while at least this many endpoints are, with
    /// an alarm: the page for "the service is down everywhere".</summary>
    /// <remarks>Default: none; no calculated check.</remarks>
    [Input("minHealthyEndpoints")] public int? MinHealthyEndpoints { get; set; }

    /// <summary>Longest time, in seconds, clients may be sent to a failed endpoint; every endpoint's
    /// detection (interval × failures) plus the TTL must fit in it.</summary>
    /// <remarks>Default: none; failover time is not checked.</remarks>
    [Input("targetRtoSeconds")] public int? TargetRtoSeconds { get; set; }

    /// <summary>The check DNS runs against endpoint <paramref name="index"/> and the key it is set
    /// under: the endpoint's own, else the spec's.</summary>
    public (HealthCheckSpec Check, string At) CheckOf(int index, string at) => CheckOf(index, new FailoverDnsSources(at));

    /// <summary>The check DNS runs against endpoint <paramref name="index"/> and the key it is set
    /// under (placed by <paramref name="keys"/>): the endpoint's own, else the spec's.</summary>
    public (HealthCheckSpec Check, string At) CheckOf(int index, FailoverDnsSources keys)
        => Endpoints[index].HealthCheck is { } own
            ? (own, $"{keys.Endpoint(index)}.healthCheck")
            : (HealthCheck, keys.Of("healthCheck"));

    /// <summary>Each check DNS runs, once, under the key it is set at: endpoints that share the
    /// spec's check share its key. Empty entries and unset checks are skipped.</summary>
    public IEnumerable<(HealthCheckSpec Check, string At)> DistinctChecks(string at) => DistinctChecks(new FailoverDnsSources(at));

    /// <summary>Each check DNS runs, once, under the key <paramref name="keys"/> places it at.</summary>
    public IEnumerable<(HealthCheckSpec Check, string At)> DistinctChecks(FailoverDnsSources keys)
    {
        var seen = new HashSet<string>();
        for (var i = 0; i < Endpoints.Count; i++)
        {
            if (Endpoints[i] is null)
                continue;
            var (check, checkAt) = CheckOf(i, keys);
            if (check is not null && seen.Add(checkAt))
                yield return (check, checkAt);
        }
    }

    /// <summary>Every problem in this spec, keyed under <paramref name="at"/>.</summary>
    public IEnumerable<SpecProblem> FindProblems(string at) => FindProblems(new FailoverDnsSources(at));

    /// <summary>Every problem in this spec, keyed where <paramref name="keys"/> places each part.</summary>
    public IEnumerable<SpecProblem> FindProblems(FailoverDnsSources keys)
    {
        var at = keys.Spec;
        if (string.IsNullOrWhiteSpace(RecordName))
            yield return new($"{at}.recordName", RecordName, "set the name clients resolve, e.g. www.example.com");
        else if (RecordName.Length > 253 || !DnsName().IsMatch(RecordName))
            yield return new($"{at}.recordName", RecordName, "write a DNS name of dot-separated labels (letters, digits, dashes), e.g. www.example.com");
        if (TtlSeconds is < 0 or > MaxTtlSeconds)
            yield return new($"{at}.ttlSeconds", TtlSeconds, $"use 0 to {MaxTtlSeconds} seconds; 60 is typical for failover");
        if (!DnsRoutingPolicies.All.Contains(Routing))
            yield return new($"{at}.routing", Routing, $"use one of {string.Join(", ", DnsRoutingPolicies.All)}");
        if (!DnsHosts.All.Contains(DnsHost))
            yield return new($"{at}.dnsHost", DnsHost, $"use one of {string.Join(", ", DnsHosts.All)}");

        var endpoints = Endpoints ?? [];
        if (endpoints.Count == 0)
            yield return new($"{at}.endpoints", endpoints.Count, "list the endpoints in failover order; at least two");
        else if (endpoints.Count == 1 && Routing == DnsRoutingPolicies.Failover)
            yield return new($"{at}.endpoints", endpoints.Count, "failover needs somewhere to fail over to; add a second endpoint");
        for (var i = 0; i < endpoints.Count; i++)
        {
            if (endpoints[i] is null)
            {
                yield return new($"{at}.endpoints[{i}]", null, "remove the empty entry or describe the endpoint");
                continue;
            }
            foreach (var problem in endpoints[i].FindProblems(keys.Endpoint(i), Routing, checkTargets: !keys.TargetsPending(i)))
                yield return problem;
        }
        foreach (var repeated in endpoints.Where(e => e is not null).GroupBy(e => e.Name).Where(g => g.Count() > 1 && !string.IsNullOrEmpty(g.Key)))
            yield return new($"{at}.endpoints", repeated.Key, $"endpoint name \"{repeated.Key}\" is used {repeated.Count()} times; give each endpoint its own name");
        if (Routing == DnsRoutingPolicies.Weighted && endpoints.Count > 0 && endpoints.All(e => e is null || e.Weight == 0))
            yield return new($"{at}.endpoints", "every weight is 0", "give at least one endpoint a weight above 0");

        if (HealthCheck is null)
            yield return new($"{at}.healthCheck", null, "set the DNS health check; its defaults give HTTPS GET /healthz every 30 s");
        else
            foreach (var problem in HealthCheck.FindProblems($"{at}.healthCheck"))
                yield return problem;

        var regions = CheckerRegions ?? [];
        foreach (var repeated in regions.GroupBy(r => r).Where(g => g.Count() > 1))
            yield return new($"{at}.checkerRegions", repeated.Key, "this region is listed twice; list each checker region once");
        if (MinHealthyEndpoints is { } min && (min < 1 || min > endpoints.Count))
            yield return new($"{at}.minHealthyEndpoints", min, $"use 1 to the number of endpoints ({endpoints.Count})");
        if (TargetRtoSeconds is <= 0)
            yield return new($"{at}.targetRtoSeconds", TargetRtoSeconds, "use a time above 0 seconds, or leave it unset");
    }

    [GeneratedRegex(@"^(\*\.)?([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.?$")]
    private static partial Regex DnsName();
}
