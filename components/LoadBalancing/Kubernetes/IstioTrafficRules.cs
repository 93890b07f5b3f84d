using System.Globalization;

namespace Infra.Components.LoadBalancing.Kubernetes;

/// <summary>
/// The one translation of a <see cref="LoadBalancerSpec"/> into Istio <c>networking.istio.io/v1</c>
/// DestinationRule and VirtualService specs (istio.io/latest/docs/reference/config/networking/):
/// the algorithm, stickiness, slow start, outlier detection and connection pool go into the
/// DestinationRule's traffic policy; subset weights, retries and the request timeout into the
/// VirtualService. The specs are plain dictionaries, as the CRDs spell them.
/// </summary>
public static class IstioTrafficRules
{
    /// <summary>Label that tells pods of different pools apart (a DestinationRule subset selects it).</summary>
    public const string PoolLabel = "infra/pool";

    /// <summary>The DestinationRule spec for <paramref name="host"/>; with <paramref name="subsetsByPool"/>,
    /// one subset per pool key, each with that pool's own policy (its slow start).</summary>
    public static Dictionary<string, object> DestinationRule(LoadBalancerSpec spec, string host, string sessionCookie, BackendPoolSpec? pool, bool subsetsByPool)
        => DestinationRule(spec, host, sessionCookie, pool, subsetsByPool, []);

    /// <summary>The DestinationRule spec, with <paramref name="localityFailover"/> as the mesh's locality
    /// failover (which Istio applies only with outlier detection, validated before).</summary>
    public static Dictionary<string, object> DestinationRule(LoadBalancerSpec spec, string host, string sessionCookie, BackendPoolSpec? pool, bool subsetsByPool,
        IReadOnlyList<LocalityFailoverArgs> localityFailover)
    {
        var rule = new Dictionary<string, object>
        {
            ["host"] = host,
            ["trafficPolicy"] = TrafficPolicy(spec, pool, sessionCookie, localityFailover),
        };
        if (subsetsByPool)
            rule["subsets"] = spec.Pools.Select(p => (object)new Dictionary<string, object>
            {
                ["name"] = p.Key,
                ["labels"] = new Dictionary<string, object> { [PoolLabel] = p.Key },
                ["trafficPolicy"] = TrafficPolicy(spec, p.Value, sessionCookie, localityFailover),
            }).ToList();
        return rule;
    }

    /// <summary>The traffic policy of one pool (or, with <paramref name="pool"/> null, of the host).</summary>
    public static Dictionary<string, object> TrafficPolicy(LoadBalancerSpec spec, BackendPoolSpec? pool, string sessionCookie)
        => TrafficPolicy(spec, pool, sessionCookie, []);

    /// <summary>The traffic policy, with <paramref name="localityFailover"/> as its locality failover.</summary>
    public static Dictionary<string, object> TrafficPolicy(LoadBalancerSpec spec, BackendPoolSpec? pool, string sessionCookie,
        IReadOnlyList<LocalityFailoverArgs> localityFailover)
    {
        var loadBalancer = new Dictionary<string, object>();
        if (spec.Stickiness is { } stickiness)
            // Istio hashes the cookie and issues it when absent (a ttl is set), so a client stays on one pod.
            loadBalancer["consistentHash"] = new Dictionary<string, object>
            {
                ["httpCookie"] = new Dictionary<string, object>
                {
                    ["name"] = stickiness.Mode == StickinessSpec.ApplicationCookie ? stickiness.CookieName! : sessionCookie,
                    ["ttl"] = Duration(stickiness.DurationSeconds),
                },
            };
        else
            loadBalancer["simple"] = KubernetesAlgorithmMapping.WithIstio(spec.Algorithm).IstioSimple!;
        if (pool is { SlowStartSeconds: > 0 })
            loadBalancer["warmupDurationSecs"] = Duration(pool.SlowStartSeconds);
        if (localityFailover.Count > 0)
            loadBalancer["localityLbSetting"] = new Dictionary<string, object>
            {
                ["enabled"] = true,
                ["failover"] = localityFailover.Select(f => (object)new Dictionary<string, object> { ["from"] = f.From, ["to"] = f.To }).ToList(),
            };

        var http = new Dictionary<string, object> { ["idleTimeout"] = Duration(spec.IdleTimeoutSeconds) };
        var tcp = new Dictionary<string, object>();
        if (spec.ConnectionPool is { } limits)
        {
            if (limits.MaxConnections is { } connections)
                tcp["maxConnections"] = connections;
            if (limits.MaxPendingRequests is { } pending)
                http["http1MaxPendingRequests"] = pending;
            if (limits.MaxRequestsPerConnection is { } perConnection)
                http["maxRequestsPerConnection"] = perConnection;
        }
        var connectionPool = new Dictionary<string, object> { ["http"] = http };
        if (tcp.Count > 0)
            connectionPool["tcp"] = tcp;

        var policy = new Dictionary<string, object>
        {
            ["loadBalancer"] = loadBalancer,
            ["connectionPool"] = connectionPool,
        };
        if (spec.OutlierDetection is { } outliers)
            policy["outlierDetection"] = new Dictionary<string, object>
            {
                ["consecutive5xxErrors"] = outliers.Consecutive5xxErrors,
                ["interval"] = Duration(outliers.IntervalSeconds),
                ["baseEjectionTime"] = Duration(outliers.BaseEjectionSeconds),
                ["maxEjectionPercent"] = outliers.MaxEjectionPercent,
            };
        return policy;
    }

    /// <summary>The VirtualService spec for <paramref name="host"/> on <paramref name="port"/>: one
    /// route to the host (weighted: to each pool's subset), with retries and the request timeout.</summary>
    public static Dictionary<string, object> VirtualService(LoadBalancerSpec spec, string host, int port, bool weighted)
    {
        var destinations = weighted
            ? Percentages(spec.Pools.Select(p => (p.Key, p.Value.Weight))).Select(share => (object)new Dictionary<string, object>
            {
                ["destination"] = new Dictionary<string, object>
                {
                    ["host"] = host,
                    ["subset"] = share.Key,
                    ["port"] = new Dictionary<string, object> { ["number"] = port },
                },
                ["weight"] = share.Percent,
            }).ToList()
            : [new Dictionary<string, object> { ["destination"] = new Dictionary<string, object> { ["host"] = host, ["port"] = new Dictionary<string, object> { ["number"] = port } } }];

        var route = new Dictionary<string, object>
        {
            ["route"] = destinations,
            // Istio retries twice by default; the neutral default is no retries, so say 0 when none are asked for.
            ["retries"] = Retries(spec.Retries),
        };
        if (spec.RequestTimeoutSeconds is { } timeout)
            route["timeout"] = Duration(timeout);
        return new Dictionary<string, object>
        {
            ["hosts"] = new List<object> { host },
            ["http"] = new List<object> { route },
        };
    }

    /// <summary>The Istio retry policy; attempts 0 when <paramref name="retries"/> asks for none.</summary>
    public static Dictionary<string, object> Retries(RetryPolicySpec? retries)
    {
        if (retries is not { Attempts: > 0 })
            return new Dictionary<string, object> { ["attempts"] = 0 };
        var policy = new Dictionary<string, object>
        {
            ["attempts"] = retries.Attempts,
            ["retryOn"] = string.Join(",", retries.RetryOn.Select(RetryOn)),
        };
        if (retries.PerTryTimeoutSeconds is { } perTry)
            policy["perTryTimeout"] = Duration(perTry);
        return policy;
    }

    /// <summary>The Envoy <c>retryOn</c> spelling of a <see cref="RetryConditions"/> value.</summary>
    public static string RetryOn(string condition) => condition switch
    {
        RetryConditions.ConnectFailure => "connect-failure",
        RetryConditions.RefusedStream => "refused-stream",
        RetryConditions.Reset => "reset",
        RetryConditions.GatewayError => "gateway-error",
        RetryConditions.ServerError => "5xx",
        // Istio's retryOn takes bare status codes besides Envoy's policy names.
        RetryConditions.Conflict => "409",
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition,
            $"validate the spec first; Istio retries on {string.Join(", ", RetryConditions.All)}"),
    };

    /// <summary>A protobuf duration as Istio reads it, e.g. "2.5s".</summary>
    public static string Duration(double seconds) => seconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";

    /// <summary>Weights as whole percentages summing to 100 (largest remainder), as VirtualService
    /// route weights must.</summary>
    public static IReadOnlyList<(string Key, int Percent)> Percentages(IEnumerable<(string Key, int Weight)> weights)
    {
        var list = weights.ToList();
        var total = list.Sum(w => w.Weight);
        if (total == 0)
            return list.Select(w => (w.Key, 0)).ToList();
        var exact = list.Select(w => (w.Key, Share: w.Weight * 100.0 / total)).ToList();
        var floors = exact.Select(e => (e.Key, Percent: (int)Math.Floor(e.Share), Remainder: e.Share - Math.Floor(e.Share))).ToList();
        var missing = 100 - floors.Sum(f => f.Percent);
        var bump = floors.Select((f, i) => (f, i)).OrderByDescending(x => x.f.Remainder).ThenBy(x => x.i).Take(missing).Select(x => x.i).ToHashSet();
        return floors.Select((f, i) => (f.Key, f.Percent + (bump.Contains(i) ? 1 : 0))).ToList();
    }
}
