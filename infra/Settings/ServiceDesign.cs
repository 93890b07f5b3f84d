using System.Text.Json;
using Infra.Components.Autoscaling;
using Infra.Components.Autoscaling.Aws;
using Infra.Components.Common;
using Infra.Components.Dns;
using Infra.Components.LoadBalancing;
using Infra.Components.LoadBalancing.Aws;
using Infra.Components.Monitoring.Aws;
using Pulumi;

namespace Infra.Settings;

/// <summary>
/// Turns settings into component args, once, for both uses: validating a stack before anything is
/// created (with stand-in wiring, so the components' own AWS checks run too) and building it. Problems
/// come back keyed as in the stack file.
/// </summary>
public static class ServiceDesign
{
    /// <summary>Every problem in <paramref name="settings"/>: each region's network, and what each
    /// component would refuse, keyed as written in the stack file.</summary>
    public static IEnumerable<SpecProblem> FindProblems(StackSettings settings)
    {
        var problems = new List<SpecProblem>();
        var service = settings.Service;
        if (settings.Regions.Count == 0)
            problems.Add(new SpecProblem("infra:regions", "[]", "list at least one AWS region"));
        for (var i = 0; i < settings.Regions.Count; i++)
        {
            var region = settings.Regions[i];
            var at = $"infra:regions[{i}]";
            if (string.IsNullOrWhiteSpace(region.Region))
                problems.Add(new SpecProblem($"{at}.region", region.Region, "name the AWS region, e.g. us-east-1"));
            else if (settings.Regions.Take(i).Any(r => r.Region == region.Region))
                problems.Add(new SpecProblem($"{at}.region", region.Region, "this region is listed twice; list each region once"));
            if (region.Network is null)
                problems.Add(new SpecProblem($"{at}.network", null, "describe the region's network, at least its availabilityZones"));
            else
                problems.AddRange(Prefixed(region.Network.FindProblems(), ("", $"{at}.network.")));
        }

        if (service.LoadBalancer is null)
            problems.Add(new SpecProblem("infra:service.loadBalancer", null, "describe the load balancer: listeners, pools, who may connect"));
        if (service.Scaling is null)
            problems.Add(new SpecProblem("infra:service.scaling", null, "set minSize, maxSize and at least one scaling policy"));
        if (service.LoadBalancer is null || service.Scaling is null)
            return problems;

        // Stand-in wiring: the real values come from resources that do not exist yet.
        var regions = settings.Regions.Count == 0 ? [new RegionSettings()] : settings.Regions;
        foreach (var region in regions)
        {
            var balancer = LoadBalancer(settings, region, "vpc-0", "10.0.0.0/16", new InputList<string> { "subnet-0" });
            problems.AddRange(Prefixed(balancer.FindProblems(), ("spec.", "infra:service.loadBalancer."), ("", "infra:service.loadBalancer.")));
        }
        var group = AutoscalingGroup(settings, new InputList<string> { "subnet-0" }, "sg-0", new InputList<string> { "arn:tg" }, "app/lb/0", "targetgroup/tg/0");
        problems.AddRange(ForecastPointed(service, Prefixed(group.FindProblems(),
            ("healthCheck.", $"infra:service.loadBalancer.pools.{FirstPool(service)}.healthCheck."),
            ("", "infra:service."))));
        var monitoring = Monitoring(settings, "app/lb/0", new Dictionary<string, Input<string>> { [FirstPool(service)] = "targetgroup/tg/0" }, "asg-0");
        problems.AddRange(Prefixed(monitoring.FindProblems(service.Name), ("", "infra:service.")));

        if (settings.Failover is not null)
        {
            var standIns = settings.Regions.Select(r => (r, (Input<string>)"lb.example.com", (Input<string>)"Z0")).ToList();
            problems.AddRange(FailoverProblems(FailoverDns(settings, standIns).FindProblems(), settings.Regions.Count));
        }

        // The same problem found once per region is reported once.
        return problems.DistinctBy(p => (p.Key, p.Fix));
    }

    /// <summary>A stack file gets its schedule from <c>infra:service.forecast</c>, so a missing one
    /// points there; when the forecast block exists, its own problems already say why no schedule came.</summary>
    private static IEnumerable<SpecProblem> ForecastPointed(ServiceSettings service, IEnumerable<SpecProblem> problems)
    {
        const string schedule = "infra:service.scaling.predictive.schedule";
        foreach (var problem in problems)
        {
            if (problem.Key != schedule || problem.Value is not null)
                yield return problem;
            else if (service.Forecast is null)
                yield return new SpecProblem("infra:service.forecast", null,
                    $"scaling.predictive.source {service.Scaling?.Predictive?.Source} follows a schedule planned from load history; " +
                    "add a forecast block (history: a timestamp,value CSV, capacityPerInstance, timeZone) or use source native");
        }
    }

    /// <summary>Failover problems keyed as in the stack file: the first endpoints are the regions' load
    /// balancers (<c>infra:regions[i]</c>), the rest are <c>infra:failover.endpoints</c>.</summary>
    private static IEnumerable<SpecProblem> FailoverProblems(IEnumerable<SpecProblem> problems, int regions)
        => problems.Select(p =>
        {
            var match = System.Text.RegularExpressions.Regex.Match(p.Key, @"^spec\.endpoints\[(\d+)\](.*)$");
            if (!match.Success)
                return p with { Key = "infra:failover." + (p.Key.StartsWith("spec.", StringComparison.Ordinal) ? p.Key["spec.".Length..] : p.Key) };
            var index = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            return p with
            {
                Key = index < regions
                    ? $"infra:regions[{index}] (failover endpoint){match.Groups[2].Value}"
                    : $"infra:failover.endpoints[{index - regions}]{match.Groups[2].Value}",
            };
        });

    /// <summary>Failover DNS over the regions' load balancers (in region order), then the endpoints the
    /// stack file lists.</summary>
    public static FailoverDnsArgs FailoverDns(StackSettings settings,
        IReadOnlyList<(RegionSettings Region, Input<string> DnsName, Input<string> ZoneId)> balancers)
    {
        var spec = settings.Failover!;
        var regional = balancers.Select(b => new DnsEndpointSpec
        {
            Name = b.Region.Region ?? "",
            Kind = DnsEndpointKinds.AwsLoadBalancer,
            DnsName = b.DnsName,
            ZoneId = b.ZoneId,
            Region = b.Region.Region,
            // Lets the consistency check compare the DNS check with what the load balancer serves.
            LoadBalancer = settings.Service.LoadBalancer,
        });
        return new FailoverDnsArgs
        {
            Spec = new FailoverDnsSpec
            {
                RecordName = spec.RecordName,
                ZoneId = spec.ZoneId,
                TtlSeconds = spec.TtlSeconds,
                Routing = spec.Routing,
                DnsHost = spec.DnsHost,
                Endpoints = [.. regional, .. spec.Endpoints],
                HealthCheck = spec.HealthCheck,
                CheckerRegions = spec.CheckerRegions,
                MeasureLatency = spec.MeasureLatency,
                MinHealthyEndpoints = spec.MinHealthyEndpoints,
                TargetRtoSeconds = spec.TargetRtoSeconds,
            },
            AlarmTopicArn = settings.Service.AlarmTopicArn is { } topic ? (Input<string>)topic : null,
            Tags = ServiceTags(settings),
        };
    }

    private static IEnumerable<SpecProblem> Prefixed(IEnumerable<SpecProblem> problems, params (string From, string To)[] map)
        => problems.Select(p =>
        {
            var (from, to) = map.First(m => p.Key.StartsWith(m.From, StringComparison.Ordinal));
            return p with { Key = to + p.Key[from.Length..] };
        });

    /// <summary>Key of the pool whose health check also drives instance health.</summary>
    public static string FirstPool(ServiceSettings service) => service.LoadBalancer?.Pools.Keys.FirstOrDefault() ?? "web";

    /// <summary>Name of the service's resources in <paramref name="region"/>, e.g. web-us-east-1.</summary>
    public static string RegionalName(ServiceSettings service, RegionSettings region) => $"{service.Name}-{region.Region}";

    /// <summary>The load balancer of one region: the service's spec, with the region's certificate on HTTPS/TLS listeners.</summary>
    public static AwsLoadBalancerArgs LoadBalancer(StackSettings settings, RegionSettings region,
        Input<string> vpcId, Input<string> vpcCidrBlock, InputList<string> publicSubnetIds)
    {
        var spec = settings.Service.LoadBalancer!;
        // ACM certificates are regional: each region's listeners take that region's certificate.
        if (region.CertificateArn is { } certificate)
            spec = spec.WithCertificate(certificate);
        return new AwsLoadBalancerArgs
        {
            Spec = spec,
            VpcId = vpcId,
            VpcCidrBlock = vpcCidrBlock,
            SubnetIds = publicSubnetIds,
            Tags = ServiceTags(settings),
        };
    }

    /// <summary>The instance group of one region.</summary>
    public static AwsAutoscalingGroupArgs AutoscalingGroup(StackSettings settings, InputList<string> privateSubnetIds,
        Input<string> instanceSecurityGroupId, InputList<string> targetGroupArns, Input<string> loadBalancerArnSuffix, Input<string> targetGroupArnSuffix)
    {
        var service = settings.Service;
        return new AwsAutoscalingGroupArgs
        {
            Scaling = Scaling(settings),
            HealthCheck = service.LoadBalancer!.Pools.TryGetValue(FirstPool(service), out var pool) ? pool.HealthCheck : new(),
            ImageId = service.ImageId!,
            InstanceType = service.InstanceType,
            UserData = service.UserData,
            SubnetIds = privateSubnetIds,
            SecurityGroupIds = { instanceSecurityGroupId },
            TargetGroupArns = targetGroupArns,
            LoadBalancerArnSuffix = loadBalancerArnSuffix,
            TargetGroupArnSuffix = targetGroupArnSuffix,
            Tags = ServiceTags(settings),
        };
    }

    /// <summary>The scaling spec the groups get: the stack file's, with the schedule planned from the
    /// forecast block in its predictive policy.</summary>
    public static ScalingSpec Scaling(StackSettings settings)
    {
        var scaling = settings.Service.Scaling!;
        if (settings.ForecastSchedule is null || scaling.Predictive is null)
            return scaling;
        // A deep copy through the same JSON shape the stack file was read with, so the settings keep
        // saying what the stack file says and no property is forgotten by a hand-written copy.
        var copy = JsonSerializer.Deserialize<ScalingSpec>(JsonSerializer.Serialize(scaling, ConfigReader.JsonOptions), ConfigReader.JsonOptions)!;
        copy.Predictive!.Schedule = settings.ForecastSchedule;
        return copy;
    }

    /// <summary>Alarms and dashboard of one region.</summary>
    public static AwsServiceMonitoringArgs Monitoring(StackSettings settings, Input<string> loadBalancerArnSuffix,
        Dictionary<string, Input<string>> targetGroupArnSuffixes, Input<string> groupName)
    {
        var service = settings.Service;
        return new AwsServiceMonitoringArgs
        {
            Alerts = service.Alerts,
            Layer = service.LoadBalancer!.Layer,
            LoadBalancerArnSuffix = loadBalancerArnSuffix,
            TargetGroupArnSuffixes = targetGroupArnSuffixes,
            AutoscalingGroupName = groupName,
            AutoscalingGroupMaxSize = service.Scaling!.MaxSize,
            AlarmTopicArn = service.AlarmTopicArn is { } topic ? (Input<string>)topic : null,
        };
    }

    private static Dictionary<string, string> ServiceTags(StackSettings settings)
        => new() { ["service"] = settings.Service.Name };
}
