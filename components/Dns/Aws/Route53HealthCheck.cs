using System.Globalization;
using Infra.Components.Common;
using Infra.Components.HealthChecks;
using Pulumi;
using Pulumi.Aws.Route53;

namespace Infra.Components.Dns.Aws;

/// <summary>
/// The one translation of a <see cref="HealthCheckSpec"/> into a Route 53 health check, with the
/// limits Route 53 adds to the cloud-neutral ones. Every endpoint's check goes through it.
/// </summary>
/// <remarks>
/// Route 53 fixes what the spec cannot set: a check times out after 4 s to connect plus 2 s to the
/// first byte, counts every 2xx and 3xx answer healthy, and uses one failure threshold for going
/// unhealthy and for recovering (so <see cref="HealthCheckSpec.HealthyThreshold"/> has no effect).
/// </remarks>
public static class Route53HealthCheck
{
    /// <summary>Seconds between checks Route 53 offers: standard (30) and fast (10).</summary>
    public static readonly IReadOnlyList<int> RequestIntervals = [10, 30];

    /// <summary>Regions Route 53 health checkers run in.</summary>
    public static readonly IReadOnlyList<string> CheckerRegions =
        ["us-east-1", "us-west-1", "us-west-2", "eu-west-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1"];

    /// <summary>Fewest checker regions Route 53 accepts when regions are listed.</summary>
    public const int MinCheckerRegions = 3;

    /// <summary>Lowest and highest status codes Route 53 counts healthy.</summary>
    public const int LowestHealthyStatus = 200, HighestHealthyStatus = 399;

    /// <summary>What Route 53 refuses in <paramref name="check"/> although the neutral spec allows it.</summary>
    /// <param name="check">The check to translate.</param>
    /// <param name="at">Key of the check, e.g. <c>spec.healthCheck</c>.</param>
    public static IEnumerable<SpecProblem> FindProblems(HealthCheckSpec check, string at)
    {
        if (!RequestIntervals.Contains(check.IntervalSeconds))
            yield return new($"{at}.intervalSeconds", check.IntervalSeconds,
                $"Route 53 checks every 10 or 30 seconds only; use {Nearest(check.IntervalSeconds)}");
        if (check.Protocol == HealthCheckProtocols.Tcp && check.Port is null)
            yield return new($"{at}.port", null, "a Route 53 TCP check connects to a port it must be told; set the port, e.g. 443");
        if (check.Protocol != HealthCheckProtocols.Tcp && check.StatusCodeRanges() is { Count: > 0 } ranges
            && (ranges.Min(r => r.Lowest) < LowestHealthyStatus || ranges.Max(r => r.Highest) > HighestHealthyStatus))
            yield return new($"{at}.expectedStatusCodes", check.ExpectedStatusCodes,
                $"Route 53 counts 2xx and 3xx answers healthy and nothing else; use codes within {LowestHealthyStatus}-{HighestHealthyStatus}, e.g. \"200-299\"");
    }

    /// <summary>What Route 53 refuses in a list of checker regions.</summary>
    public static IEnumerable<SpecProblem> FindRegionProblems(IReadOnlyList<string> regions, string at)
    {
        if (regions.Count is > 0 and < MinCheckerRegions)
            yield return new(at, regions, $"Route 53 needs at least {MinCheckerRegions} checker regions; add more, or list none to use all of them");
        for (var i = 0; i < regions.Count; i++)
            if (!CheckerRegions.Contains(regions[i]))
                yield return new($"{at}[{i}]", regions[i], $"Route 53 runs checkers in {string.Join(", ", CheckerRegions)}; use one of them");
    }

    /// <summary>The Route 53 type for a <see cref="HealthCheckProtocols"/> value.</summary>
    public static string Type(string protocol) => protocol switch
    {
        HealthCheckProtocols.Http => "HTTP",
        HealthCheckProtocols.Https => "HTTPS",
        HealthCheckProtocols.Tcp => "TCP",
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "validate the spec before translating it"),
    };

    /// <summary>
    /// The health check of endpoint <paramref name="endpoint"/> (assumes the spec has no problems):
    /// it probes the endpoint itself, never the failover name, whose answer moves with failover.
    /// </summary>
    public static HealthCheckArgs ToArgs(HealthCheckSpec check, DnsEndpointSpec endpoint, FailoverDnsSpec spec, IReadOnlyDictionary<string, string> tags)
    {
        var fqdn = endpoint.IpAddress is null ? endpoint.DnsName ?? endpoint.Hostname : null;
        var args = new HealthCheckArgs
        {
            Type = Type(check.Protocol),
            Fqdn = fqdn,
            IpAddress = endpoint.IpAddress is { } ip ? (Input<string>)ip : null,
            Port = HealthCheckConsistency.PortOf(check) is { } port ? (Input<int>)port : null,
            ResourcePath = check.EffectivePath is { } path ? (Input<string>)path : null,
            RequestInterval = check.IntervalSeconds,
            FailureThreshold = check.UnhealthyThreshold,
            MeasureLatency = spec.MeasureLatency,
            // Without SNI a load balancer serving several certificates answers with its default one,
            // and the TLS handshake, not the application, would decide the check.
            EnableSni = check.Protocol == HealthCheckProtocols.Https && fqdn is not null,
            Tags = { { "Name", $"{spec.RecordName} {endpoint.Name}" } },
        };
        foreach (var region in spec.CheckerRegions)
            args.Regions.Add(region);
        foreach (var (key, value) in tags)
            args.Tags[key] = value;
        return args;
    }

    private static int Nearest(int seconds) => seconds <= 20 ? 10 : 30;
}
