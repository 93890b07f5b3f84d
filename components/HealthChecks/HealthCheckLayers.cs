namespace Infra.Components.HealthChecks;

/// <summary>
/// The health checks of one stack, layer by layer: what DNS checks (and the load balancers behind
/// it), the probes of the platform the backends run on, and how fast failover must be.
/// </summary>
public sealed class HealthCheckLayers
{
    /// <summary>Each DNS endpoint's check, with the load balancer behind it when known.</summary>
    public IReadOnlyList<DnsCheckLayer> Dns { get; init; } = [];

    /// <summary>Platform probes (Kubernetes readiness and liveness, instance checks) by their key,
    /// e.g. <c>kubernetes.readinessProbe</c>.</summary>
    public IReadOnlyDictionary<string, HealthCheckSpec> Probes { get; init; } = new Dictionary<string, HealthCheckSpec>();

    /// <summary>Longest time, in seconds, clients may be sent to a failed backend; null when none is set.</summary>
    public int? TargetRtoSeconds { get; init; }

    /// <summary>Key of <see cref="TargetRtoSeconds"/>, for messages.</summary>
    public string TargetRtoAt { get; init; } = "targetRtoSeconds";
}
