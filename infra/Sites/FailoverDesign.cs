using Infra.Components.Common;
using Infra.Components.Dns;
using Infra.Settings;
using Pulumi;

namespace Infra.Sites;

/// <summary>
/// The stack's failover DNS: its endpoints are the sites in list order (whatever their cloud), then
/// the endpoints <c>infra:failover</c> lists. Validated with each endpoint keyed where it is written:
/// a site's under <c>infra:sites[i]</c>, a listed one under <c>infra:failover.endpoints[j]</c>.
/// </summary>
public static class FailoverDesign
{
    private const string FailoverAt = "infra:failover";

    /// <summary>Every problem of the stack's failover, before any site exists.</summary>
    public static IEnumerable<SpecProblem> FindProblems(StackSettings stack)
    {
        var problems = new List<SpecProblem>();
        if (stack.Failover!.DnsHost == DnsHosts.TrafficManager && HostResourceGroup(stack) is null)
            problems.Add(new SpecProblem($"{FailoverAt}.dnsHost", stack.Failover.DnsHost,
                "Traffic Manager keeps its profile in an Azure resource group, which the stack's first Azure site provides; add an Azure site or use dnsHost route53"));
        // The sites' edges and the profile's resource group (the first Azure site's) are made by
        // resources that do not exist yet: their endpoints are checked by what their kind implies.
        var args = Args(stack, [.. stack.Sites.Select(_ => SiteEdge.NotCreatedYet)], resourceGroupName: null);
        problems.AddRange(args.FindProblems(Sources(stack, pending: true)));
        return problems;
    }

    /// <summary>The args of the failover DNS over the sites whose edges are <paramref name="edges"/>.</summary>
    public static FailoverDnsArgs Args(StackSettings stack, IReadOnlyList<SiteEdge> edges, Input<string>? resourceGroupName)
    {
        var spec = stack.Failover!;
        var sites = stack.Sites.Select((site, i) => SiteAdapters.For(site).FailoverEndpoint(stack, site, edges[i]));
        return new FailoverDnsArgs
        {
            Spec = new FailoverDnsSpec
            {
                RecordName = spec.RecordName,
                ZoneId = spec.ZoneId,
                TtlSeconds = spec.TtlSeconds,
                Routing = spec.Routing,
                DnsHost = spec.DnsHost,
                Endpoints = [.. sites, .. spec.Endpoints],
                HealthCheck = spec.HealthCheck,
                CheckerRegions = spec.CheckerRegions,
                MeasureLatency = spec.MeasureLatency,
                MinHealthyEndpoints = spec.MinHealthyEndpoints,
                TargetRtoSeconds = spec.TargetRtoSeconds,
            },
            AlarmTopicArn = spec.DnsHost == DnsHosts.Route53 && DnsAlarmTopic(stack) is { } topic ? (Input<string>)topic : null,
            ResourceGroupName = spec.DnsHost == DnsHosts.TrafficManager ? resourceGroupName : null,
            Tags = stack.ServiceTags(),
        };
    }

    /// <summary>
    /// The topic of the DNS health-check alarms: Route 53 publishes its health-check metrics only in
    /// us-east-1, where the alarms are therefore made, and an alarm notifies only topics of its region;
    /// so the topic of the stack's us-east-1 site, if it has one.
    /// </summary>
    public static string? DnsAlarmTopic(StackSettings stack)
        => stack.Sites.OfType<AwsSiteSettings>().Where(s => s.Region == "us-east-1")
            .Select(s => s.AlarmTopicArn ?? stack.Service.AlarmTopicArn)
            .FirstOrDefault(t => t is not null);

    /// <summary>The site whose resource group holds a Traffic Manager profile: the first Azure site.</summary>
    public static SiteSettings? HostResourceGroup(StackSettings stack) => stack.Sites.FirstOrDefault(s => s.Cloud == SiteClouds.Azure);

    private static FailoverDnsSources Sources(StackSettings stack, bool pending)
    {
        var sites = stack.Sites.Count;
        return new FailoverDnsSources(FailoverAt,
            endpoint: i => i < sites ? $"{stack.SitesAt}[{i}]" : $"{FailoverAt}.endpoints[{i - sites}]",
            loadBalancer: i => i < sites ? "infra:service.loadBalancer" : $"{FailoverAt}.endpoints[{i - sites}].loadBalancer",
            argument: name => name switch
            {
                "alarmTopicArn" => "infra:service.alarmTopicArn",
                "relativeName" => $"{FailoverAt}.recordName",
                _ => name,
            },
            targetsPending: i => pending && i < sites,
            argumentPending: name => pending && name == "resourceGroupName");
    }
}
