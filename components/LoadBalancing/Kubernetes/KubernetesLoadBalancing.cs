using Infra.Components.Common;
using Infra.Components.HealthChecks.Kubernetes;

namespace Infra.Components.LoadBalancing.Kubernetes;

/// <summary>
/// What Kubernetes (Gateway API or Ingress at the edge, optionally Istio inside) cannot do with a
/// cloud-neutral <see cref="LoadBalancerSpec"/>, for the component and for the program, which calls it
/// with the stack file's keys.
/// </summary>
public static class KubernetesLoadBalancing
{
    /// <summary>Ranges that admit every client, the only ones an edge without a standard source-range
    /// field can honour.</summary>
    public static readonly IReadOnlyList<string> AnyClient = ["0.0.0.0/0", "::/0"];

    /// <summary>Every problem of <paramref name="spec"/> on Kubernetes with <paramref name="mesh"/> and
    /// <paramref name="edge"/>, keyed under <paramref name="at"/>. The spec's own problems
    /// (<see cref="LoadBalancerSpec.FindProblems"/>) are not repeated; unknown mesh or edge values are
    /// the caller's to report, and nothing is reported for them here.</summary>
    public static IEnumerable<SpecProblem> FindKubernetesProblems(LoadBalancerSpec spec, string at, string mesh, string edge)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!ServiceMeshes.All.Contains(mesh) || !EdgeKinds.All.Contains(edge))
            yield break;
        if (spec.Layer == LoadBalancerLayers.Network)
        {
            yield return new($"{at}.layer", spec.Layer,
                "this component serves HTTP through Gateway API or an Ingress; TCP needs TCPRoute, which is only in Gateway API's " +
                "experimental channel; use layer application");
            yield break;
        }

        var withMesh = mesh == ServiceMeshes.Istio;
        const string useMesh = "or set mesh istio";
        var noMeshField = "Gateway API's standard channel has no field for it (HTTPRoute retries are experimental, GEP-1731)";

        if (LoadBalancingAlgorithms.All.Contains(spec.Algorithm) && KubernetesAlgorithmMapping.For(spec.Algorithm, mesh).Refusal is { } refusal)
            yield return new($"{at}.algorithm", spec.Algorithm, refusal);
        if (spec.Algorithm == LoadBalancingAlgorithms.Weighted && edge == EdgeKinds.Ingress)
            yield return new($"{at}.algorithm", spec.Algorithm,
                "a networking.k8s.io/v1 Ingress routes a path to one Service and has no weights; use edge gateway-api (HTTPRoute backendRefs weights)");

        var cidrs = spec.AllowedCidrs ?? [];
        for (var i = 0; i < cidrs.Count; i++)
            if (!AnyClient.Contains(cidrs[i]))
                yield return new($"{at}.allowedCidrs[{i}]", cidrs[i],
                    "Gateway API and Ingress have no standard source-range field, so this range would not be enforced; restrict clients on the " +
                    "gateway's own Service (loadBalancerSourceRanges) or with an Istio AuthorizationPolicy, and list 0.0.0.0/0 here");

        foreach (var (key, listener) in spec.Listeners ?? [])
        {
            if (listener is null)
                continue;
            var listenerAt = $"{at}.listeners.{key}";
            if (listener.TlsPolicy is not null)
                yield return new($"{listenerAt}.tlsPolicy", listener.TlsPolicy,
                    "TLS versions and ciphers are the gateway's or ingress controller's settings (no standard Kubernetes field); remove tlsPolicy and " +
                    "configure TLS 1.2+ on the controller");
            if (edge == EdgeKinds.Ingress && listener.Protocol == ListenerProtocols.Http)
                yield return new($"{listenerAt}.protocol", listener.Protocol,
                    "a networking.k8s.io/v1 Ingress has no standard HTTP-to-HTTPS redirect (each controller uses its own annotation, and nothing here " +
                    "depends on one); remove the http listener and let the controller redirect, or use edge gateway-api");
            else if (edge == EdgeKinds.Ingress && listener.Port != 443)
                yield return new($"{listenerAt}.port", listener.Port,
                    "an Ingress is served on the ingress controller's own ports; use 443, or edge gateway-api for other ports");
            if (edge == EdgeKinds.GatewayApi && listener.Protocol == ListenerProtocols.Http && listener.RedirectToHttps && !HasHttpsOn443(spec))
                yield return new($"{listenerAt}.redirectToHttps", true,
                    "the redirect sends clients to https on port 443, where no https listener listens; add one or set redirectToHttps false");
        }
        if (edge == EdgeKinds.Ingress && (spec.Listeners ?? []).Values.Count(l => l?.Protocol == ListenerProtocols.Https) > 1)
            yield return new($"{at}.listeners", spec.Listeners!.Keys.ToList(), "an Ingress has one TLS entry point (443); keep one https listener");

        foreach (var (key, pool) in spec.Pools ?? [])
        {
            if (pool is null)
                continue;
            var poolAt = $"{at}.pools.{key}";
            if (pool.Protocol == ListenerProtocols.Https)
                yield return new($"{poolAt}.protocol", pool.Protocol,
                    "TLS from the gateway to pods needs BackendTLSPolicy, which this component does not create; use http (with mesh istio, " +
                    "pod-to-pod traffic is encrypted by mutual TLS)");
            if (pool.HealthCheck is not null)
                foreach (var problem in KubernetesProbes.FindKubernetesProblems(pool.HealthCheck, $"{poolAt}.healthCheck"))
                    yield return problem;
            if (pool.SlowStartSeconds != 0 && !withMesh)
                yield return new($"{poolAt}.slowStartSeconds", pool.SlowStartSeconds, $"a Service has no slow start; set 0, {useMesh} (warmupDurationSecs)");
            else if (pool.SlowStartSeconds != 0 && spec.Algorithm == LoadBalancingAlgorithms.Random)
                yield return new($"{poolAt}.slowStartSeconds", pool.SlowStartSeconds,
                    "Istio warms up new endpoints only with ROUND_ROBIN and LEAST_REQUEST; set 0, or use round-robin or least-connections");
        }

        if (spec.Stickiness is { } stickiness)
        {
            if (!withMesh)
                yield return new($"{at}.stickiness", stickiness.Mode,
                    "cookie session persistence is only in Gateway API's experimental channel (GEP-1619); remove stickiness, or set mesh istio (consistentHash.httpCookie)");
            else if (spec.Algorithm == LoadBalancingAlgorithms.Weighted)
                yield return new($"{at}.stickiness", stickiness.Mode,
                    "Istio picks the weighted subset per request before hashing the cookie, so a client would move between pools; remove stickiness or use one pool");
            else if (spec.Algorithm != LoadBalancingAlgorithms.RoundRobin)
                yield return new($"{at}.algorithm", spec.Algorithm,
                    "with stickiness Istio hashes the cookie (consistentHash) instead of a simple algorithm; use round-robin or remove stickiness");
        }

        if (spec.RequestTimeoutSeconds is not null && edge == EdgeKinds.Ingress)
            yield return new($"{at}.requestTimeoutSeconds", spec.RequestTimeoutSeconds,
                "a networking.k8s.io/v1 Ingress has no timeout field (controllers use their own annotations); remove it or use edge gateway-api (HTTPRoute timeouts)");
        if (spec.Retries is { Attempts: > 0 } && !withMesh)
            yield return new($"{at}.retries", spec.Retries.Attempts, $"{noMeshField}; remove retries, {useMesh} (VirtualService retries)");
        if (spec.OutlierDetection is not null && !withMesh)
            yield return new($"{at}.outlierDetection", "(set)",
                $"Gateway API and the Service have no passive health checks; remove outlierDetection, {useMesh} (DestinationRule outlierDetection)");
        if (spec.ConnectionPool is not null && !withMesh)
            yield return new($"{at}.connectionPool", "(set)",
                $"Gateway API and the Service have no connection limits; remove connectionPool, {useMesh} (DestinationRule connectionPool)");
    }

    private static bool HasHttpsOn443(LoadBalancerSpec spec)
        => (spec.Listeners ?? []).Values.Any(l => l is { Protocol: ListenerProtocols.Https, Port: 443 });
}
