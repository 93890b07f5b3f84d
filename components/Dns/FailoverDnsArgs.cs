using Infra.Components.Common;
using Infra.Components.Dns.Aws;
using Infra.Components.Dns.Azure;
using Infra.Components.HealthChecks;
using Pulumi;

namespace Infra.Components.Dns;

/// <summary>Settings of a <see cref="FailoverDns"/>: the cloud-neutral spec plus what the DNS host needs.</summary>
public sealed class FailoverDnsArgs : ResourceArgs
{
    /// <summary>The name, its endpoints in failover order, the checks, the DNS host.</summary>
    /// <remarks>Default: a spec with no name or endpoints, which is refused until both are set.</remarks>
    [Input("spec")] public FailoverDnsSpec Spec { get; set; } = new();

    /// <summary>SNS topic that receives the health-check alarms (with dnsHost route53) and their
    /// recovery; the same topic as the service's other alarms. Route 53 health-check metrics exist
    /// only in us-east-1, where the alarms are made, so the topic should be there too.</summary>
    /// <remarks>Default: none; alarms then only change state in the console.</remarks>
    [Input("alarmTopicArn")] public Input<string>? AlarmTopicArn { get; set; }

    /// <summary>Resource group of the Traffic Manager profile (dnsHost traffic-manager).</summary>
    /// <remarks>Default: none; required with traffic-manager.</remarks>
    [Input("resourceGroupName")] public Input<string>? ResourceGroupName { get; set; }

    /// <summary>Label of the Traffic Manager profile under trafficmanager.net, unique across Azure.</summary>
    /// <remarks>Default: the record name with dots turned into dashes (www.example.com → www-example-com).</remarks>
    [Input("relativeName")] public string? RelativeName { get; set; }

    /// <summary>Tags put on every resource the component creates.</summary>
    /// <remarks>Default: none beyond the provider's default tags.</remarks>
    [Input("tags")] public Dictionary<string, string> Tags { get; set; } = [];

    /// <summary>The Traffic Manager label actually used: <see cref="RelativeName"/> or the derived one.</summary>
    public string EffectiveRelativeName()
        => RelativeName ?? (Spec?.RecordName ?? "").TrimEnd('.').Replace('.', '-').ToLowerInvariant();

    /// <summary>
    /// Every problem: the spec's own, then what the DNS host refuses although the spec allows it (a
    /// key already reported is not reported again), then checks that disagree with the load balancers
    /// behind them or with the target RTO.
    /// </summary>
    public IEnumerable<SpecProblem> FindProblems() => FindProblems(FailoverDnsSources.OfArgs);

    /// <summary>Every problem, keyed where <paramref name="keys"/> places each part (see <see cref="FindProblems()"/>).</summary>
    public IEnumerable<SpecProblem> FindProblems(FailoverDnsSources keys)
    {
        if (Spec is null)
            return [new(keys.Spec, null, "set spec: the record name, its endpoints and how to check them")];
        var problems = Spec.FindProblems(keys).ToList();
        // With an unknown host, routing or empty entries nothing below has a meaning; the spec says why.
        if (!DnsHosts.All.Contains(Spec.DnsHost) || !DnsRoutingPolicies.All.Contains(Spec.Routing)
            || Spec.Endpoints is null || Spec.Endpoints.Any(e => e is null) || Spec.HealthCheck is null)
            return problems;

        var reported = problems.Select(p => p.Key).ToHashSet();
        var host = Spec.DnsHost == DnsHosts.Route53 ? Route53FailoverDns.FindProblems(this, keys) : TrafficManagerFailoverDns.FindProblems(this, keys);
        problems.AddRange(host.Where(p => !reported.Contains(p.Key)).ToList());
        problems.AddRange(HealthCheckConsistency.FindProblems(Layers(keys)).Where(p => !problems.Contains(p)).ToList());
        return problems;
    }

    /// <summary>The DNS layer of the stack's health checks: each endpoint's check, the TTL of its
    /// answer, the load balancer behind it and the target RTO, for <see cref="HealthCheckConsistency"/>.</summary>
    public HealthCheckLayers Layers() => Layers(FailoverDnsSources.OfArgs);

    /// <summary>The DNS layer of the stack's health checks, keyed where <paramref name="keys"/> places each part.</summary>
    public HealthCheckLayers Layers(FailoverDnsSources keys) => new()
    {
        Dns = [.. Spec.Endpoints.Select((endpoint, i) =>
        {
            var (check, at) = Spec.CheckOf(i, keys);
            return new DnsCheckLayer(endpoint.Name, check, at, TtlOf(endpoint), endpoint.LoadBalancer, keys.LoadBalancer(i));
        })],
        TargetRtoSeconds = Spec.TargetRtoSeconds,
        TargetRtoAt = keys.Of("targetRtoSeconds"),
    };

    /// <summary>Seconds resolvers cache the answer naming <paramref name="endpoint"/> with this host.</summary>
    public int TtlOf(DnsEndpointSpec endpoint)
        => Spec.DnsHost == DnsHosts.Route53 ? Route53Records.TtlOf(Spec, endpoint) : Spec.TtlSeconds;
}
