using System.Text.RegularExpressions;
using Infra.Components.Common;
using Pulumi;
using Pulumi.Azure.Network;
using Pulumi.Azure.Network.Inputs;

namespace Infra.Components.Dns.Azure;

/// <summary>
/// <see cref="FailoverDns"/> with its name in Azure Traffic Manager: one profile whose routing method
/// and monitor come from the spec, an Azure endpoint per endpoint given by resource id and an external
/// endpoint per other endpoint (AWS load balancers, ingresses, hosts), prioritised in list order.
/// </summary>
internal static partial class TrafficManagerFailoverDns
{
    /// <summary>Most endpoints one profile takes.</summary>
    public const int MaxEndpoints = 200;

    /// <summary>Lowest and highest endpoint weight Traffic Manager accepts.</summary>
    public const int MinWeight = 1, MaxWeight = 1000;

    /// <summary>The Traffic Manager routing method for a <see cref="DnsRoutingPolicies"/> value.</summary>
    public static string RoutingMethod(string routing) => routing switch
    {
        DnsRoutingPolicies.Failover => "Priority",
        DnsRoutingPolicies.Weighted => "Weighted",
        DnsRoutingPolicies.Latency => "Performance",
        _ => throw new ArgumentOutOfRangeException(nameof(routing), routing, "validate the spec before translating it"),
    };

    /// <summary>What Traffic Manager refuses in <paramref name="args"/> although the neutral spec allows it.</summary>
    public static IEnumerable<SpecProblem> FindProblems(FailoverDnsArgs args, FailoverDnsSources keys)
    {
        const string backend = "Traffic Manager";
        var spec = args.Spec;

        if (spec.ZoneId is not null)
            yield return new(keys.Of("zoneId"), "(set)",
                $"{backend} answers under trafficmanager.net, not in a hosted zone; remove zoneId and point {spec.RecordName} at the component's fqdn with a CNAME");
        if (args.ResourceGroupName is null && !keys.ArgumentPending("resourceGroupName"))
            yield return new(keys.Argument("resourceGroupName"), null, $"{backend} profiles live in a resource group; pass its name");
        if (!RelativeName().IsMatch(args.EffectiveRelativeName()))
            yield return new(keys.Argument("relativeName"), args.EffectiveRelativeName(),
                $"{backend} names the profile <relativeName>.trafficmanager.net: 1 to 63 letters, digits and dashes, unique in Azure; set relativeName");
        if (args.AlarmTopicArn is not null)
            yield return new(keys.Argument("alarmTopicArn"), "(set)", $"{backend} publishes no CloudWatch metrics to alarm on; remove alarmTopicArn, or use dnsHost route53");
        if (spec.CheckerRegions is { Count: > 0 })
            yield return new(keys.Of("checkerRegions"), spec.CheckerRegions, $"{backend} probes from Azure's own locations and cannot be told which; remove checkerRegions");
        if (spec.MeasureLatency)
            yield return new(keys.Of("measureLatency"), true, $"{backend} does not record probe latency; remove measureLatency, or use dnsHost route53");
        if (spec.MinHealthyEndpoints is { } minimum)
            yield return new(keys.Of("minHealthyEndpoints"), minimum, $"{backend} has no calculated checks; remove minHealthyEndpoints, or use dnsHost route53");
        if (spec.Endpoints.Count > MaxEndpoints)
            yield return new(keys.Of("endpoints"), spec.Endpoints.Count, $"{backend} takes at most {MaxEndpoints} endpoints per profile; remove some");

        for (var i = 0; i < spec.Endpoints.Count; i++)
        {
            var endpoint = spec.Endpoints[i];
            if (endpoint is null)
                continue;
            var at = keys.Endpoint(i);
            if (spec.Routing == DnsRoutingPolicies.Weighted && endpoint.Weight == 0)
                yield return new($"{at}.weight", endpoint.Weight,
                    $"{backend} weights run {MinWeight} to {MaxWeight}, so an endpoint cannot be kept in reserve with 0; use 1, or remove the endpoint");
            if (spec.Routing == DnsRoutingPolicies.Latency && endpoint.ResourceId is null && endpoint.Region is { } region && AwsStyleRegion().IsMatch(region))
                yield return new($"{at}.region", region,
                    $"{backend} locates endpoints by Azure region; use the Azure region nearest the endpoint (e.g. eastus for us-east-1)");
        }

        // One monitor config per profile: endpoints cannot be checked differently.
        var checks = spec.DistinctChecks(keys).ToList();
        if (checks.Count == 0)
            yield break;
        var (shared, sharedAt) = checks[0];
        foreach (var (check, at) in checks.Skip(1).Where(c => !SameProbe(c.Check, shared)))
            yield return new(at, "(differs)", $"{backend} monitors every endpoint of a profile with one check; make this check equal to {sharedAt} or remove it");
        foreach (var problem in TrafficManagerMonitor.FindProblems(shared, sharedAt))
            yield return problem;
    }

    /// <summary>Creates the profile and its endpoints as children of <paramref name="component"/>.</summary>
    public static TrafficManagerResources Create(string name, FailoverDnsArgs args, Resource component)
    {
        var spec = args.Spec;
        var child = new CustomResourceOptions { Parent = component };
        var (check, _) = spec.CheckOf(0, "spec");
        var profileArgs = new TrafficManagerProfileArgs
        {
            ResourceGroupName = args.ResourceGroupName!,
            TrafficRoutingMethod = RoutingMethod(spec.Routing),
            DnsConfig = new TrafficManagerProfileDnsConfigArgs { RelativeName = args.EffectiveRelativeName(), Ttl = spec.TtlSeconds },
            MonitorConfig = TrafficManagerMonitor.ToArgs(check),
        };
        foreach (var (key, value) in args.Tags)
            profileArgs.Tags[key] = value;
        var profile = new TrafficManagerProfile($"{name}-profile", profileArgs, child);

        var endpoints = new List<CustomResource>();
        for (var i = 0; i < spec.Endpoints.Count; i++)
        {
            var endpoint = spec.Endpoints[i];
            // Priorities follow list order; Azure needs them unique, 1 highest.
            Input<int>? priority = spec.Routing == DnsRoutingPolicies.Failover ? i + 1 : null;
            Input<int>? weight = spec.Routing == DnsRoutingPolicies.Weighted ? endpoint.Weight : null;
            if (endpoint.ResourceId is { } resourceId)
                endpoints.Add(new TrafficManagerAzureEndpoint($"{name}-endpoint-{endpoint.Name}", new TrafficManagerAzureEndpointArgs
                {
                    Name = endpoint.Name,
                    ProfileId = profile.Id,
                    TargetResourceId = resourceId,
                    Priority = priority,
                    Weight = weight,
                }, child));
            else
                endpoints.Add(new TrafficManagerExternalEndpoint($"{name}-endpoint-{endpoint.Name}", new TrafficManagerExternalEndpointArgs
                {
                    Name = endpoint.Name,
                    ProfileId = profile.Id,
                    Target = endpoint.DnsName ?? endpoint.Hostname ?? endpoint.IpAddress!,
                    Priority = priority,
                    Weight = weight,
                    // Performance routing needs to know where an external endpoint is; Azure ones know.
                    EndpointLocation = spec.Routing == DnsRoutingPolicies.Latency && endpoint.Region is { } region ? (Input<string>)region : null,
                }, child));
        }
        return new TrafficManagerResources(profile, endpoints);
    }

    private static bool SameProbe(Infra.Components.HealthChecks.HealthCheckSpec a, Infra.Components.HealthChecks.HealthCheckSpec b)
        => a.Protocol == b.Protocol && a.Port == b.Port && a.EffectivePath == b.EffectivePath && a.IntervalSeconds == b.IntervalSeconds
           && a.TimeoutSeconds == b.TimeoutSeconds && a.UnhealthyThreshold == b.UnhealthyThreshold && a.ExpectedStatusCodes == b.ExpectedStatusCodes;

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex RelativeName();

    [GeneratedRegex(@"^[a-z]{2}-[a-z]+-\d$")]
    private static partial Regex AwsStyleRegion();
}
