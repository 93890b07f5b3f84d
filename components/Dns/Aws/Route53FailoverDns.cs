using System.Text.RegularExpressions;
using Infra.Components.Common;
using Pulumi;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Route53;

namespace Infra.Components.Dns.Aws;

/// <summary>
/// <see cref="FailoverDns"/> with its name in Route 53: one health check, record and alarm per
/// endpoint, and optionally a calculated check for "at least N endpoints healthy".
/// </summary>
internal static partial class Route53FailoverDns
{
    /// <summary>Most weight Route 53 gives one record.</summary>
    public const int MaxWeight = 255;

    /// <summary>What Route 53 refuses in <paramref name="args"/> although the neutral spec allows it.</summary>
    public static IEnumerable<SpecProblem> FindProblems(FailoverDnsArgs args, FailoverDnsSources keys)
    {
        var spec = args.Spec;
        var endpoints = spec.Endpoints.Where(e => e is not null).ToList();

        if (spec.ZoneId is null)
            yield return new(keys.Of("zoneId"), null, "Route 53 keeps the records in a hosted zone; pass its id (Route53.Zone.ZoneId)");
        // More than two endpoints fail over through a chain of record sets (see Route53Records.TierName).
        if (spec.Routing == DnsRoutingPolicies.Failover && endpoints.Count > 2 && spec.RecordName.StartsWith("*.", StringComparison.Ordinal))
            yield return new(keys.Of("recordName"), spec.RecordName,
                "Route 53 failover takes one primary and one secondary per name, so a third endpoint is reached through fallback-1.<recordName>, which a wildcard cannot have; name a host, or keep two endpoints");
        else if (spec.Routing == DnsRoutingPolicies.Failover && endpoints.Count > 2
                 && Route53Records.TierName(spec.RecordName, endpoints.Count - 2).Length > 253)
            yield return new(keys.Of("recordName"), spec.RecordName,
                $"the fallback names of a {endpoints.Count}-endpoint failover chain (fallback-N.<recordName>) exceed DNS's 253 characters; shorten the record name");

        // An endpoint that is neither a load balancer nor an address is a hostname (or, still to be made, will be).
        var hostnameEndpoint = endpoints.FirstOrDefault(e => e.Kind != DnsEndpointKinds.AwsLoadBalancer && !e.HasIpAddress);
        for (var i = 0; i < spec.Endpoints.Count; i++)
        {
            var endpoint = spec.Endpoints[i];
            if (endpoint is null)
                continue;
            var at = keys.Endpoint(i);
            if (!keys.TargetsPending(i) && endpoint.Kind == DnsEndpointKinds.AzureEndpoint && endpoint.ResourceId is not null && endpoint.Hostname is null && endpoint.IpAddress is null)
                yield return new($"{at}.hostname", null, "Route 53 cannot resolve an Azure resource id; give the endpoint's FQDN (hostname) or IP address as well");
            if (endpoint.HasIpAddress && hostnameEndpoint is not null)
                yield return new($"{at}.ipAddress", endpoint.IpAddress,
                    $"Route 53 keeps one record type per name, and endpoint {hostnameEndpoint.Name} is a hostname (a CNAME, which shares its name with nothing); " +
                    "give this endpoint a hostname, or the others IP addresses");
            if (spec.Routing == DnsRoutingPolicies.Weighted && endpoint.Weight > MaxWeight)
                yield return new($"{at}.weight", endpoint.Weight, $"Route 53 weights run 0 to {MaxWeight}; scale every weight down in proportion");
            if (spec.Routing == DnsRoutingPolicies.Latency && endpoint.Region is null)
                // The neutral spec lets an Azure endpoint take its resource's region; a record cannot.
                yield return new($"{at}.region", null, "Route 53 latency routing needs every record's AWS region; set the AWS region nearest the endpoint");
            else if (spec.Routing == DnsRoutingPolicies.Latency && endpoint.Region is { } region && !AwsRegion().IsMatch(region))
                yield return new($"{at}.region", region,
                    "Route 53 latency routing takes an AWS region; use the AWS region nearest the endpoint (e.g. us-east-1 for Azure's eastus)");
        }

        foreach (var (check, at) in spec.DistinctChecks(keys))
            foreach (var problem in Route53HealthCheck.FindProblems(check, at))
                yield return problem;
        foreach (var problem in Route53HealthCheck.FindRegionProblems(spec.CheckerRegions ?? [], keys.Of("checkerRegions")))
            yield return problem;
    }

    /// <summary>Creates the checks, records and alarms as children of <paramref name="component"/>.</summary>
    public static Route53FailoverResources Create(string name, FailoverDnsArgs args, Resource component)
    {
        var spec = args.Spec;
        var child = new CustomResourceOptions { Parent = component };
        if (Route53Records.UsesCnames(spec) && spec.Endpoints.Any(e => e.Kind == DnsEndpointKinds.AwsLoadBalancer))
            Log.Warn($"FailoverDns \"{name}\": another endpoint is a hostname, so the AWS load balancers are CNAME records too (Route 53 keeps one type " +
                     "per name) and their health checks alone decide failover; EvaluateTargetHealth needs alias records.", component);

        var checks = new List<KeyValuePair<string, HealthCheck>>();
        var records = new List<Record>();
        var alarms = new List<MetricAlarm>();
        for (var i = 0; i < spec.Endpoints.Count; i++)
        {
            var endpoint = spec.Endpoints[i];
            var (check, _) = spec.CheckOf(i, "spec");
            var healthCheck = new HealthCheck($"{name}-check-{endpoint.Name}", Route53HealthCheck.ToArgs(check, endpoint, spec, args.Tags), child);
            checks.Add(KeyValuePair.Create(endpoint.Name, healthCheck));
            records.Add(new Record($"{name}-record-{endpoint.Name}", Route53Records.ToArgs(spec, i, healthCheck.Id), child));
            // Route 53 answers one primary and one secondary per name; a longer failover list continues
            // in the next tier's name, which the secondary of this tier points at.
            if (Route53Records.LinksToNextTier(spec, i))
                records.Add(new Record($"{name}-chain-record-{i + 1}", Route53Records.LinkToNextTier(spec, i), child));
            alarms.Add(new MetricAlarm($"{name}-alarm-{endpoint.Name}", Route53HealthAlarm.ToArgs(
                $"{name}: the DNS health check of endpoint {endpoint.Name} of {spec.RecordName} fails; Route 53 answers with another endpoint while one is healthy",
                healthCheck.Id, args.AlarmTopicArn, args.Tags), child));
        }

        HealthCheck? quorum = null;
        if (spec.MinHealthyEndpoints is { } minimum)
        {
            var quorumArgs = new HealthCheckArgs
            {
                Type = "CALCULATED",
                ChildHealthThreshold = minimum,
                Tags = { { "Name", $"{spec.RecordName} at least {minimum} healthy" } },
            };
            foreach (var (_, check) in checks)
                quorumArgs.ChildHealthchecks.Add(check.Id);
            foreach (var (key, value) in args.Tags)
                quorumArgs.Tags[key] = value;
            // The role comes before the suffix so that no endpoint name can collide with these.
            quorum = new HealthCheck($"{name}-quorum-check", quorumArgs, child);
            alarms.Add(new MetricAlarm($"{name}-quorum-alarm", Route53HealthAlarm.ToArgs(
                $"{name}: fewer than {minimum} endpoints of {spec.RecordName} are healthy", quorum.Id, args.AlarmTopicArn, args.Tags), child));
        }
        return new Route53FailoverResources(checks, records, alarms, quorum);
    }

    [GeneratedRegex(@"^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$")]
    private static partial Regex AwsRegion();
}
