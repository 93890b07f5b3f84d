using System.Globalization;
using Infra.Components.Common;
using Pulumi;
using Pulumi.Azure.Lb;
using Pulumi.Azure.Network.Inputs;

namespace Infra.Components.HealthChecks.Azure;

/// <summary>
/// The one translation of a <see cref="HealthCheckSpec"/> into Azure health probes: an Application
/// Gateway v2 custom probe (layer "application") or a Standard Load Balancer probe (layer "network"),
/// with the limits each adds to the cloud-neutral ones.
/// </summary>
/// <remarks>
/// What does not map, by design and documented in components/LoadBalancing/Azure/README.md: neither
/// probe has a healthy threshold (App Gateway takes a backend back after one good probe; the load
/// balancer uses one threshold for both directions), the load balancer probe has no timeout of its own
/// and no status-code match (only 200 counts), and <c>gracePeriodSeconds</c> belongs to the scale set.
/// </remarks>
public static class AzureProbeSettings
{
    /// <summary>Shortest and longest App Gateway probe interval and timeout, in seconds (terraform-provider-azurerm
    /// <c>application_gateway</c> docs, <c>probe</c> block: "1 second to a maximum of 86,400 seconds").</summary>
    public const int MinGatewaySeconds = 1, MaxGatewaySeconds = 86400;

    /// <summary>Most consecutive failures an App Gateway probe counts (azurerm docs: "from 1 to 20").</summary>
    public const int MaxGatewayUnhealthyThreshold = 20;

    /// <summary>Highest status code an App Gateway probe may accept as healthy (Azure docs, "Application Gateway
    /// health probes overview", custom probe match: codes 200 to 499).</summary>
    public const int MaxGatewayStatusCode = 499;

    /// <summary>Shortest load balancer probe interval, in seconds (azurerm <c>lb_probe</c> docs: minimum 5).</summary>
    public const int MinLoadBalancerIntervalSeconds = 5;

    /// <summary>Fewest seconds interval × number of probes may give on a load balancer probe (azurerm
    /// <c>lb_probe</c> docs: "NumberOfProbes multiplied by intervalInSeconds value must be greater or equal to 10").</summary>
    public const int MinLoadBalancerDetectionSeconds = 10;

    /// <summary>Most consecutive results a load balancer probe threshold counts (azurerm docs: 1 to 100).</summary>
    public const int MaxLoadBalancerThreshold = 100;

    /// <summary>The only status an HTTP(S) load balancer probe accepts as healthy (Azure docs, "Azure Load
    /// Balancer health probes": an HTTP 200 response).</summary>
    public const int LoadBalancerHealthyStatus = 200;

    /// <summary>What Azure refuses although the neutral spec allows it, keyed under <paramref name="at"/>.</summary>
    /// <param name="check">The check to translate.</param>
    /// <param name="at">Key of the check, e.g. <c>spec.pools.web.healthCheck</c>.</param>
    /// <param name="applicationGateway">True for an App Gateway probe, false for a Standard Load Balancer one.</param>
    public static IEnumerable<SpecProblem> FindProblems(HealthCheckSpec check, string at, bool applicationGateway)
    {
        if (applicationGateway)
        {
            const string backend = "an Azure Application Gateway";
            // App Gateway probes are HTTP(S) requests; a TCP connect probe exists only for its TCP/TLS proxy listeners.
            if (check.Protocol == HealthCheckProtocols.Tcp)
                yield return new($"{at}.protocol", check.Protocol,
                    $"{backend} probes HTTP pools over HTTP or HTTPS only; use http (nearest to a connect check: any path that answers)");
            else if (check.StatusCodeRanges().Select(r => r.Highest).DefaultIfEmpty().Max() is > MaxGatewayStatusCode and var highest)
                yield return new($"{at}.expectedStatusCodes", check.ExpectedStatusCodes,
                    $"{backend} accepts healthy codes 200 to {MaxGatewayStatusCode} only ({highest} is above); use e.g. \"200-399\"");
            if (check.IntervalSeconds is < MinGatewaySeconds or > MaxGatewaySeconds)
                yield return new($"{at}.intervalSeconds", check.IntervalSeconds, $"{backend} probes every {MinGatewaySeconds} to {MaxGatewaySeconds} seconds");
            if (check.TimeoutSeconds is < MinGatewaySeconds or > MaxGatewaySeconds)
                yield return new($"{at}.timeoutSeconds", check.TimeoutSeconds, $"{backend} waits {MinGatewaySeconds} to {MaxGatewaySeconds} seconds for a probe");
            if (check.UnhealthyThreshold > MaxGatewayUnhealthyThreshold)
                yield return new($"{at}.unhealthyThreshold", check.UnhealthyThreshold, $"{backend} counts 1 to {MaxGatewayUnhealthyThreshold} failures");
            yield break;
        }

        const string balancer = "an Azure Standard Load Balancer";
        if (check.IntervalSeconds * check.UnhealthyThreshold < MinLoadBalancerDetectionSeconds)
            yield return new($"{at}.unhealthyThreshold", check.UnhealthyThreshold,
                $"{balancer} needs interval × failures of at least {MinLoadBalancerDetectionSeconds} seconds " +
                $"({check.IntervalSeconds} × {check.UnhealthyThreshold} is less); use {(MinLoadBalancerDetectionSeconds + check.IntervalSeconds - 1) / check.IntervalSeconds} failures or a longer interval");
        if (check.Protocol != HealthCheckProtocols.Tcp && !check.Accepts(LoadBalancerHealthyStatus))
            yield return new($"{at}.expectedStatusCodes", check.ExpectedStatusCodes,
                $"{balancer} counts only HTTP 200 as healthy; include 200 (e.g. \"200\") or use a tcp check");
    }

    /// <summary>The App Gateway custom probe named <paramref name="probeName"/> for <paramref name="check"/>
    /// (assumes it has no problems). The host header is the backend's address, as the backend settings send it.</summary>
    public static ApplicationGatewayProbeArgs ForApplicationGateway(HealthCheckSpec check, string probeName)
    {
        var probe = new ApplicationGatewayProbeArgs
        {
            Name = probeName,
            Protocol = Protocol(check.Protocol),
            Path = check.EffectivePath!,
            Interval = check.IntervalSeconds,
            Timeout = check.TimeoutSeconds,
            UnhealthyThreshold = check.UnhealthyThreshold,
            // Unset means "the backend settings' port", which is the pool's traffic port.
            Port = check.Port is { } port ? (Input<int>)port : null,
            PickHostNameFromBackendHttpSettings = true,
        };
        var match = new ApplicationGatewayProbeMatchArgs();
        foreach (var codes in StatusCodes(check.ExpectedStatusCodes))
            match.StatusCodes.Add(codes);
        probe.Match = match;
        return probe;
    }

    /// <summary>The Standard Load Balancer probe for <paramref name="check"/> of a pool on
    /// <paramref name="trafficPort"/> (assumes it has no problems).</summary>
    public static ProbeArgs ForLoadBalancer(HealthCheckSpec check, int trafficPort, Input<string> loadBalancerId) => new()
    {
        LoadbalancerId = loadBalancerId,
        Protocol = Protocol(check.Protocol),
        Port = check.Port ?? trafficPort,
        // A TCP probe sends no request; Azure rejects a path on it.
        RequestPath = check.EffectivePath is { } path ? (Input<string>)path : null,
        IntervalInSeconds = check.IntervalSeconds,
        // The load balancer has one threshold for marking a backend down and up again; the failure count is the one that matters for failover.
        ProbeThreshold = check.UnhealthyThreshold,
        NumberOfProbes = check.UnhealthyThreshold,
    };

    /// <summary>The Azure spelling of a <see cref="HealthCheckProtocols"/> value (both probe kinds use Pascal case).</summary>
    public static string Protocol(string protocol) => protocol switch
    {
        HealthCheckProtocols.Http => "Http",
        HealthCheckProtocols.Https => "Https",
        HealthCheckProtocols.Tcp => "Tcp",
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "validate the spec before translating it"),
    };

    /// <summary>The spec's comma-separated codes and ranges as App Gateway's list (<c>"200-299,304"</c> → <c>["200-299", "304"]</c>).</summary>
    public static IReadOnlyList<string> StatusCodes(string codes) => codes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

}
