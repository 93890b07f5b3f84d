using Infra.Components.Common;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;

namespace Infra.Components.HealthChecks.Kubernetes;

/// <summary>
/// The one translation of a <see cref="HealthCheckSpec"/> into the kubelet's readiness, liveness and
/// startup probes, so that pods are judged by the same check as the load balancers and DNS of the
/// other clouds. Readiness mirrors the spec (traffic stops after <c>unhealthyThreshold</c> failures);
/// liveness restarts a container only after twice as many failures, once readiness has long taken it
/// out of rotation; startup covers <c>gracePeriodSeconds</c> so slow boots are not restarted.
/// </summary>
public static class KubernetesProbes
{
    /// <summary>Highest HTTP status the kubelet counts as success: it accepts 200 to 399 and cannot be
    /// told otherwise (Kubernetes docs, "Configure Liveness, Readiness and Startup Probes").</summary>
    public const int HighestSuccessStatus = 399;

    /// <summary>
    /// What the kubelet cannot do although the neutral spec allows it, keyed under <paramref name="at"/>.
    /// </summary>
    /// <param name="check">The check to translate.</param>
    /// <param name="at">Key of the check, e.g. <c>spec.pools.web.healthCheck</c>.</param>
    public static IEnumerable<SpecProblem> FindKubernetesProblems(HealthCheckSpec check, string at)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (check.Protocol == HealthCheckProtocols.Tcp)
            yield break;
        // A probe expecting 4xx or 5xx would never pass, since the kubelet fails every status of 400 or more.
        if (check.StatusCodeRanges().Any(r => r.Highest > HighestSuccessStatus))
            yield return new($"{at}.expectedStatusCodes", check.ExpectedStatusCodes,
                $"the kubelet counts only 200 to {HighestSuccessStatus} as healthy and cannot be told otherwise; use codes within 200-399, e.g. \"200-299\"");
    }

    /// <summary>Readiness: whether the pod receives traffic, exactly as the spec says.</summary>
    /// <param name="check">A check without problems.</param>
    /// <param name="trafficPort">The container port traffic is sent to (used when the check names none).</param>
    public static ProbeArgs Readiness(HealthCheckSpec check, int trafficPort)
    {
        var probe = Base(check, trafficPort);
        probe.SuccessThreshold = check.HealthyThreshold;
        probe.FailureThreshold = check.UnhealthyThreshold;
        return probe;
    }

    /// <summary>Liveness: restart the container after twice the spec's failures. The kubelet requires
    /// successThreshold 1 for liveness and startup probes.</summary>
    public static ProbeArgs Liveness(HealthCheckSpec check, int trafficPort)
    {
        var probe = Base(check, trafficPort);
        probe.SuccessThreshold = 1;
        probe.FailureThreshold = check.UnhealthyThreshold * 2;
        return probe;
    }

    /// <summary>Startup: liveness and readiness wait until this passes once; it may fail for the grace
    /// period (rounded up to whole intervals). None when the grace period is 0.</summary>
    public static ProbeArgs? Startup(HealthCheckSpec check, int trafficPort)
    {
        if (check.GracePeriodSeconds <= 0)
            return null;
        var probe = Base(check, trafficPort);
        probe.SuccessThreshold = 1;
        probe.FailureThreshold = StartupFailureThreshold(check);
        return probe;
    }

    /// <summary>Failed startup checks allowed: the grace period in whole intervals, at least 1.</summary>
    public static int StartupFailureThreshold(HealthCheckSpec check)
        => Math.Max(1, (check.GracePeriodSeconds + check.IntervalSeconds - 1) / check.IntervalSeconds);

    private static ProbeArgs Base(HealthCheckSpec check, int trafficPort)
    {
        var port = check.Port ?? trafficPort;
        return new ProbeArgs
        {
            HttpGet = check.Protocol == HealthCheckProtocols.Tcp ? null : (Input<HTTPGetActionArgs>)new HTTPGetActionArgs
            {
                Path = check.EffectivePath!,
                Port = port,
                // The kubelet does not verify the certificate of an HTTPS probe.
                Scheme = Scheme(check.Protocol),
            },
            TcpSocket = check.Protocol == HealthCheckProtocols.Tcp ? (Input<TCPSocketActionArgs>)new TCPSocketActionArgs { Port = port } : null,
            PeriodSeconds = check.IntervalSeconds,
            TimeoutSeconds = check.TimeoutSeconds,
        };
    }

    private static string Scheme(string protocol) => protocol switch
    {
        HealthCheckProtocols.Http => "HTTP",
        HealthCheckProtocols.Https => "HTTPS",
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "validate the spec before translating it"),
    };
}
