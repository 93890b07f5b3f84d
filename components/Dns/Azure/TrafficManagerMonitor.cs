using Infra.Components.Common;
using Infra.Components.HealthChecks;
using Pulumi;
using Pulumi.Azure.Network.Inputs;

namespace Infra.Components.Dns.Azure;

/// <summary>
/// The one translation of a <see cref="HealthCheckSpec"/> into a Traffic Manager monitor config, with
/// the limits Azure adds to the cloud-neutral ones.
/// </summary>
/// <remarks>
/// Traffic Manager marks an endpoint degraded after more consecutive failures than it tolerates, so
/// <see cref="HealthCheckSpec.UnhealthyThreshold"/> N becomes N − 1 tolerated failures; it has no
/// healthy threshold (one success restores an endpoint).
/// </remarks>
public static class TrafficManagerMonitor
{
    /// <summary>Seconds between probes Traffic Manager offers: standard (30) and fast (10).</summary>
    public static readonly IReadOnlyList<int> ProbeIntervals = [10, 30];

    /// <summary>Shortest probe timeout Traffic Manager accepts, in seconds.</summary>
    public const int MinTimeoutSeconds = 5;

    /// <summary>Longest probe timeout Traffic Manager accepts at a probe interval of <paramref name="intervalSeconds"/>.</summary>
    public static int MaxTimeoutSeconds(int intervalSeconds) => intervalSeconds == 10 ? 9 : 10;

    /// <summary>What Traffic Manager refuses in <paramref name="check"/> although the neutral spec allows it.</summary>
    /// <param name="check">The check to translate.</param>
    /// <param name="at">Key of the check, e.g. <c>spec.healthCheck</c>.</param>
    public static IEnumerable<SpecProblem> FindProblems(HealthCheckSpec check, string at)
    {
        if (!ProbeIntervals.Contains(check.IntervalSeconds))
            yield return new($"{at}.intervalSeconds", check.IntervalSeconds,
                $"Traffic Manager probes every 10 or 30 seconds only; use {(check.IntervalSeconds <= 20 ? 10 : 30)}");
        else if (check.TimeoutSeconds < MinTimeoutSeconds || check.TimeoutSeconds > MaxTimeoutSeconds(check.IntervalSeconds))
            yield return new($"{at}.timeoutSeconds", check.TimeoutSeconds,
                $"Traffic Manager waits {MinTimeoutSeconds} to {MaxTimeoutSeconds(check.IntervalSeconds)} seconds for a probe every {check.IntervalSeconds} s; " +
                $"use {Math.Clamp(check.TimeoutSeconds, MinTimeoutSeconds, MaxTimeoutSeconds(check.IntervalSeconds))}");
        if (check.Protocol == HealthCheckProtocols.Tcp && check.Port is null)
            yield return new($"{at}.port", null, "a Traffic Manager TCP probe connects to a port it must be told; set the port, e.g. 443");
    }

    /// <summary>The Traffic Manager spelling of a <see cref="HealthCheckProtocols"/> value (upper case).</summary>
    public static string Protocol(string protocol) => protocol switch
    {
        HealthCheckProtocols.Http => "HTTP",
        HealthCheckProtocols.Https => "HTTPS",
        HealthCheckProtocols.Tcp => "TCP",
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "validate the spec before translating it"),
    };

    /// <summary>The spec's status codes as Traffic Manager ranges: "200-299,301" becomes 200-299 and 301-301.</summary>
    public static IReadOnlyList<string> StatusCodeRanges(HealthCheckSpec check)
        => [.. check.StatusCodeRanges().Select(r => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r.Lowest}-{r.Highest}"))];

    /// <summary>The monitor config for <paramref name="check"/> (assumes it has no problems).</summary>
    public static TrafficManagerProfileMonitorConfigArgs ToArgs(HealthCheckSpec check)
    {
        var monitor = new TrafficManagerProfileMonitorConfigArgs
        {
            Protocol = Protocol(check.Protocol),
            Port = HealthCheckConsistency.PortOf(check)!.Value,
            // Azure requires a path for HTTP(S) probes and rejects one for TCP.
            Path = check.EffectivePath is { } path ? (Input<string>)path : null,
            IntervalInSeconds = check.IntervalSeconds,
            TimeoutInSeconds = check.TimeoutSeconds,
            ToleratedNumberOfFailures = check.UnhealthyThreshold - 1,
        };
        if (check.Protocol != HealthCheckProtocols.Tcp)
            foreach (var range in StatusCodeRanges(check))
                monitor.ExpectedStatusCodeRanges.Add(range);
        return monitor;
    }
}
