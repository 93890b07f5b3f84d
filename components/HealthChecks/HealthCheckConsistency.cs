using Infra.Components.Common;
using Infra.Components.LoadBalancing;

namespace Infra.Components.HealthChecks;

/// <summary>
/// Rejects health checks whose layers disagree in a way that breaks failover: DNS checking a port or
/// path the load balancer does not serve, a connect check that passes with every backend down, any
/// layer noticing a failure slower than the target RTO, a check that times out no sooner than the
/// next one starts. Pure, so a stack can run it on its whole composition before creating anything.
/// </summary>
public static class HealthCheckConsistency
{
    /// <summary>Every problem between the layers of <paramref name="layers"/>, each keyed where the fix goes.</summary>
    public static IEnumerable<SpecProblem> FindProblems(HealthCheckLayers layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        return FindAll(layers).Distinct();
    }

    /// <summary>The port a check probes: its own, else the protocol's usual one (none for TCP).</summary>
    public static int? PortOf(HealthCheckSpec check) => check.Port ?? check.Protocol switch
    {
        HealthCheckProtocols.Https => 443,
        HealthCheckProtocols.Http => 80,
        _ => null,
    };

    private static IEnumerable<SpecProblem> FindAll(HealthCheckLayers layers)
    {
        var rto = layers.TargetRtoSeconds;
        foreach (var dns in layers.Dns)
        {
            foreach (var problem in Timing(dns.Check, dns.CheckAt))
                yield return problem;
            var failover = dns.Check.DetectionSeconds() + dns.TtlSeconds;
            if (rto is { } target && failover > target)
                yield return new($"{dns.CheckAt}.intervalSeconds", dns.Check.IntervalSeconds,
                    $"failing over from endpoint {dns.Endpoint} takes up to {dns.Check.IntervalSeconds} s × {dns.Check.UnhealthyThreshold} failures + " +
                    $"{dns.TtlSeconds} s TTL = {failover} s, more than {layers.TargetRtoAt} ({target} s); check every 10 s, " +
                    "fail after fewer checks, lower the TTL, or raise the target");
            if (dns.LoadBalancer is { } balancer)
                foreach (var problem in AgainstLoadBalancer(dns, balancer, dns.LoadBalancerAt ?? $"loadBalancers.{dns.Endpoint}", rto, layers.TargetRtoAt))
                    yield return problem;
        }

        foreach (var (at, probe) in layers.Probes)
        {
            foreach (var problem in Timing(probe, at))
                yield return problem;
            if (rto is { } target && probe.DetectionSeconds() > target)
                yield return SlowerThanRto(probe, at, target, layers.TargetRtoAt, "a failed backend keeps its traffic");
        }
    }

    private static IEnumerable<SpecProblem> AgainstLoadBalancer(DnsCheckLayer dns, LoadBalancerSpec balancer, string balancerAt, int? rto, string rtoAt)
    {
        var check = dns.Check;
        // The load balancer's own validation reports missing listeners or pools; here they are just empty.
        var listeners = balancer.Listeners ?? [];
        var pools = balancer.Pools ?? [];
        var poolPaths = pools.Values
            .Select(pool => pool?.HealthCheck?.EffectivePath)
            .OfType<string>()
            .Distinct()
            .ToList();

        if (check.Protocol == HealthCheckProtocols.Tcp && balancer.Layer == LoadBalancerLayers.Application)
        {
            yield return new($"{dns.CheckAt}.protocol", check.Protocol,
                "a TCP connect to an application load balancer succeeds even when every backend behind it is down, so DNS would never fail over; " +
                $"use https on the pools' health path ({(poolPaths.Count > 0 ? poolPaths[0] : "/healthz")})");
        }
        else if (check.Protocol is HealthCheckProtocols.Http or HealthCheckProtocols.Https && PortOf(check) is { } port)
        {
            var listener = listeners.Values.FirstOrDefault(l => l?.Port == port);
            if (listener is null)
                yield return new($"{dns.CheckAt}.port", port,
                    $"the load balancer at {balancerAt} listens on {string.Join(", ", listeners.Values.Where(l => l is not null).Select(l => l.Port).Order())}, not {port}; " +
                    "check a port it serves (https on 443)");
            else if (!listener.Forwards)
                yield return new($"{dns.CheckAt}.protocol", check.Protocol,
                    $"port {port} only redirects to HTTPS, so the check would test the redirect, not the backends; use https on 443");
            else if (balancer.Layer == LoadBalancerLayers.Application && listener.Protocol != check.Protocol)
                yield return new($"{dns.CheckAt}.protocol", check.Protocol,
                    $"the load balancer speaks {listener.Protocol} on port {port}; use {listener.Protocol}");

            if (poolPaths.Count > 0 && check.EffectivePath is { } path && !poolPaths.Contains(path))
                yield return new($"{dns.CheckAt}.path", path,
                    $"the backends behind {balancerAt} answer health checks on {string.Join(", ", poolPaths)}; checking {path} tests a path they may not serve, " +
                    $"so DNS could fail over from a healthy endpoint or keep a broken one; use {poolPaths[0]}");
        }

        foreach (var (key, pool) in pools)
        {
            if (pool?.HealthCheck is not { } poolCheck)
                continue;
            var at = $"{balancerAt}.pools.{key}.healthCheck";
            foreach (var problem in Timing(poolCheck, at))
                yield return problem;
            if (rto is { } target && poolCheck.DetectionSeconds() > target)
                yield return SlowerThanRto(poolCheck, at, target, rtoAt, "the load balancer keeps sending traffic to a failed backend");
        }
    }

    private static IEnumerable<SpecProblem> Timing(HealthCheckSpec check, string at)
    {
        // A check still waiting when the next one is due overlaps it, and failures are counted late.
        if (check.TimeoutSeconds >= check.IntervalSeconds)
            yield return new($"{at}.timeoutSeconds", check.TimeoutSeconds,
                $"must be shorter than {at}.intervalSeconds ({check.IntervalSeconds}); lower it or raise the interval");
    }

    private static SpecProblem SlowerThanRto(HealthCheckSpec check, string at, int target, string rtoAt, string consequence)
        => new($"{at}.intervalSeconds", check.IntervalSeconds,
            $"{consequence} for up to {check.IntervalSeconds} s × {check.UnhealthyThreshold} failures = {check.DetectionSeconds()} s, " +
            $"more than {rtoAt} ({target} s); check more often or fail after fewer checks");
}
