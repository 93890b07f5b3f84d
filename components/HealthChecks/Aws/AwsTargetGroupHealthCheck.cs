using Infra.Components.Common;
using Pulumi;
using Pulumi.Aws.LB.Inputs;

namespace Infra.Components.HealthChecks.Aws;

/// <summary>
/// The one translation of a <see cref="HealthCheckSpec"/> into an Elastic Load Balancing target-group
/// health check, with the limits AWS adds to the cloud-neutral ones. Application and network load
/// balancers both use it, so their checks cannot drift apart.
/// </summary>
public static class AwsTargetGroupHealthCheck
{
    /// <summary>Health-check port meaning "the port the target receives traffic on".</summary>
    public const string TrafficPort = "traffic-port";

    /// <summary>Fewest and most consecutive results AWS accepts for either threshold.</summary>
    public const int MinThreshold = 2, MaxThreshold = 10;

    /// <summary>Longest check timeout AWS accepts, in seconds.</summary>
    public const int MaxTimeoutSeconds = 120;

    /// <summary>
    /// What AWS refuses although the neutral spec allows it, keyed under <paramref name="at"/>.
    /// Values the neutral spec already rejects are not reported twice.
    /// </summary>
    /// <param name="check">The check to translate.</param>
    /// <param name="at">Key of the check, e.g. <c>spec.pools.web.healthCheck</c>.</param>
    /// <param name="applicationLoadBalancer">True for an ALB target group, false for an NLB one.</param>
    public static IEnumerable<SpecProblem> FindProblems(HealthCheckSpec check, string at, bool applicationLoadBalancer)
    {
        var backend = applicationLoadBalancer ? "an AWS Application Load Balancer" : "an AWS Network Load Balancer";
        // The neutral range starts at 1 (Kubernetes probes and Azure allow it); ELB needs two in a row.
        if (check.HealthyThreshold == 1)
            yield return new($"{at}.healthyThreshold", 1, $"{backend} needs {MinThreshold} to {MaxThreshold} consecutive successes; use {MinThreshold}");
        if (check.UnhealthyThreshold == 1)
            yield return new($"{at}.unhealthyThreshold", 1, $"{backend} needs {MinThreshold} to {MaxThreshold} consecutive failures; use {MinThreshold}");
        if (check.TimeoutSeconds > MaxTimeoutSeconds && check.TimeoutSeconds < check.IntervalSeconds)
            yield return new($"{at}.timeoutSeconds", check.TimeoutSeconds, $"{backend} waits at most {MaxTimeoutSeconds} seconds for a check; use {MaxTimeoutSeconds} or less");

        if (!applicationLoadBalancer)
            yield break;
        // An ALB target group speaks HTTP to its targets, so its checks do too (ELB API: HealthCheckProtocol).
        if (check.Protocol == HealthCheckProtocols.Tcp)
            yield return new($"{at}.protocol", check.Protocol, $"{backend} checks targets over HTTP or HTTPS only; use http (nearest to a connect check: any path that answers)");
        else if (check.StatusCodeRanges().Select(r => r.Highest).DefaultIfEmpty().Max() is > 499 and var highest)
            yield return new($"{at}.expectedStatusCodes", check.ExpectedStatusCodes,
                $"{backend} accepts healthy codes 200 to 499 only ({highest} is above); use e.g. \"200-399\"");
    }

    /// <summary>The target-group health check for <paramref name="check"/> (assumes it has no problems).</summary>
    public static TargetGroupHealthCheckArgs ToArgs(HealthCheckSpec check) => new()
    {
        Enabled = true,
        Protocol = Protocol(check.Protocol),
        // Unset in the spec means "the traffic port", which AWS spells as a word, not a number.
        Port = check.Port is { } port ? port.ToString(System.Globalization.CultureInfo.InvariantCulture) : TrafficPort,
        Path = check.EffectivePath is { } path ? (Input<string>)path : null,
        // A TCP check has no response to match; AWS rejects a matcher on it.
        Matcher = check.Protocol == HealthCheckProtocols.Tcp ? null : (Input<string>)check.ExpectedStatusCodes,
        Interval = check.IntervalSeconds,
        Timeout = check.TimeoutSeconds,
        HealthyThreshold = check.HealthyThreshold,
        UnhealthyThreshold = check.UnhealthyThreshold,
    };

    /// <summary>The ELB spelling of a <see cref="HealthCheckProtocols"/> value.</summary>
    public static string Protocol(string protocol) => protocol switch
    {
        HealthCheckProtocols.Http => "HTTP",
        HealthCheckProtocols.Https => "HTTPS",
        HealthCheckProtocols.Tcp => "TCP",
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "validate the spec before translating it"),
    };

}
