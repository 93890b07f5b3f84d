using Infra.Components.LoadBalancing;

namespace Infra.Components.HealthChecks;

/// <summary>
/// How DNS checks one endpoint, and what stands behind it, as <see cref="HealthCheckConsistency"/>
/// compares them.
/// </summary>
/// <param name="Endpoint">Name of the endpoint, for messages.</param>
/// <param name="Check">The check DNS runs against the endpoint.</param>
/// <param name="CheckAt">Key of <paramref name="Check"/>, e.g. <c>spec.healthCheck</c>.</param>
/// <param name="TtlSeconds">Seconds resolvers cache an answer naming this endpoint.</param>
/// <param name="LoadBalancer">Spec of the load balancer behind the endpoint, when known.</param>
/// <param name="LoadBalancerAt">Key of <paramref name="LoadBalancer"/>, e.g. <c>spec.endpoints[0].loadBalancer</c>.</param>
public sealed record DnsCheckLayer(
    string Endpoint,
    HealthCheckSpec Check,
    string CheckAt,
    int TtlSeconds,
    LoadBalancerSpec? LoadBalancer = null,
    string? LoadBalancerAt = null);
