using System.Net;
using Infra.Components.Common;
using Pulumi;

namespace Infra.Components.LoadBalancing;

/// <summary>
/// A cloud-neutral load balancer: who may reach it, which ports it listens on, which pools of
/// backends it sends traffic to and how it picks one. Each cloud adapter maps it to its own
/// resources and refuses what its backend cannot do.
/// </summary>
public sealed class LoadBalancerSpec : ResourceArgs
{
    /// <summary>One of <see cref="LoadBalancerLayers"/>. Default: "application".</summary>
    [Input("layer")] public string Layer { get; set; } = LoadBalancerLayers.Application;

    /// <summary>Reachable from the internet. Default: false (internal only); a public load balancer
    /// must also list <see cref="AllowedCidrs"/>.</summary>
    [Input("public")] public bool Public { get; set; }

    /// <summary>Client address ranges admitted on the listener ports. Default: none; "0.0.0.0/0" only
    /// when written down on purpose.</summary>
    [Input("allowedCidrs")] public List<string> AllowedCidrs { get; set; } = [];

    /// <summary>Listeners by a stable key (e.g. "https", "http"). Default: none; at least one is needed.</summary>
    [Input("listeners")] public Dictionary<string, ListenerSpec> Listeners { get; set; } = [];

    /// <summary>Backend pools by a stable key. Default: none; at least one is needed.</summary>
    [Input("pools")] public Dictionary<string, BackendPoolSpec> Pools { get; set; } = [];

    /// <summary>One of <see cref="LoadBalancingAlgorithms"/>. Default: "round-robin".</summary>
    [Input("algorithm")] public string Algorithm { get; set; } = LoadBalancingAlgorithms.RoundRobin;

    /// <summary>With the random algorithm, steer traffic away from backends that look unhealthy
    /// before their checks fail (AWS anomaly mitigation). Default: false.</summary>
    [Input("anomalyMitigation")] public bool AnomalyMitigation { get; set; }

    /// <summary>Sticky sessions. Default: none.</summary>
    [Input("stickiness")] public StickinessSpec? Stickiness { get; set; }

    /// <summary>Seconds an idle connection stays open. Default: 60.</summary>
    [Input("idleTimeoutSeconds")] public int IdleTimeoutSeconds { get; set; } = 60;

    /// <summary>Seconds a whole request may take, retries included, before the load balancer answers
    /// 504. Default: unset (the backend's own default; Istio and Gateway API: no timeout).</summary>
    [Input("requestTimeoutSeconds")] public int? RequestTimeoutSeconds { get; set; }

    /// <summary>Resending failed requests. Default: none (no retries; an adapter whose backend retries
    /// on its own turns that off).</summary>
    [Input("retries")] public RetryPolicySpec? Retries { get; set; }

    /// <summary>Ejecting backends that keep failing (passive health checks). Default: none.</summary>
    [Input("outlierDetection")] public OutlierDetectionSpec? OutlierDetection { get; set; }

    /// <summary>Connection and queue limits towards each pool (circuit breaking). Default: none.</summary>
    [Input("connectionPool")] public ConnectionPoolSpec? ConnectionPool { get; set; }

    /// <summary>Refuse deletion while this is on. Default: true; a stack turns it off visibly.</summary>
    [Input("deletionProtection")] public bool DeletionProtection { get; set; } = true;

    /// <summary>Write access logs (AWS: an encrypted S3 bucket the site adapter makes; Azure: a diagnostic
    /// setting to a storage account). Default: false; staging and prod turn it on (guardrail INFRA-LOG-001).</summary>
    [Input("accessLogs")] public bool AccessLogs { get; set; }

    /// <summary>Days access logs are kept. Default: 90.</summary>
    [Input("accessLogRetentionDays")] public int AccessLogRetentionDays { get; set; } = 90;

    /// <summary>Listeners that forward traffic to the pools.</summary>
    internal IEnumerable<KeyValuePair<string, ListenerSpec>> ForwardingListeners => Listeners.Where(l => l.Value.Forwards);

    /// <summary>The port every forwarding listener sends to (the pools' port, for security rules).</summary>
    internal IEnumerable<int> BackendPorts => Pools.Values.Select(p => p.Port).Distinct().Order();

    /// <summary>A copy whose HTTPS and TLS listeners use <paramref name="certificateId"/> (e.g. the
    /// certificate of one region, since ACM certificates are regional); every other setting is kept.</summary>
    public LoadBalancerSpec WithCertificate(Input<string> certificateId)
    {
        var copy = (LoadBalancerSpec)MemberwiseClone();
        copy.Listeners = Listeners.ToDictionary(
            l => l.Key,
            l => l.Value.Protocol is ListenerProtocols.Https or ListenerProtocols.Tls ? l.Value.WithCertificate(certificateId) : l.Value);
        return copy;
    }

    /// <summary>Every problem in this spec, keyed under <paramref name="at"/>.</summary>
    public IEnumerable<SpecProblem> FindProblems(string at)
    {
        if (!LoadBalancerLayers.All.Contains(Layer))
        {
            yield return new($"{at}.layer", Layer, $"use one of {string.Join(", ", LoadBalancerLayers.All)}");
            yield break;
        }

        if (Public && AllowedCidrs.Count == 0)
            yield return new($"{at}.allowedCidrs", AllowedCidrs,
                "a public load balancer would admit nobody; list client ranges (0.0.0.0/0 only on purpose)");
        for (var i = 0; i < AllowedCidrs.Count; i++)
            if (!IsCidr(AllowedCidrs[i]))
                yield return new($"{at}.allowedCidrs[{i}]", AllowedCidrs[i], "write an IPv4 or IPv6 CIDR such as 203.0.113.0/24");

        if (Listeners.Count == 0)
            yield return new($"{at}.listeners", Listeners.Keys, "add at least one listener, e.g. https on 443");
        foreach (var (key, listener) in Listeners)
            foreach (var problem in listener.FindProblems($"{at}.listeners.{key}", Layer))
                yield return problem;
        foreach (var group in Listeners.GroupBy(l => l.Value.Port).Where(g => g.Count() > 1))
            yield return new($"{at}.listeners", group.Select(l => l.Key).ToList(), $"port {group.Key} is used by more than one listener; give each its own port");
        if (Listeners.Count > 0 && !ForwardingListeners.Any())
            yield return new($"{at}.listeners", Listeners.Keys, "no listener forwards traffic; add an https listener");

        if (Pools.Count == 0)
            yield return new($"{at}.pools", Pools.Keys, "add at least one backend pool");
        foreach (var (key, pool) in Pools)
            foreach (var problem in pool.FindProblems($"{at}.pools.{key}", Layer))
                yield return problem;

        if (!LoadBalancingAlgorithms.All.Contains(Algorithm))
            yield return new($"{at}.algorithm", Algorithm, $"use one of {string.Join(", ", LoadBalancingAlgorithms.All)}");
        else if (Algorithm == LoadBalancingAlgorithms.Weighted)
        {
            if (Pools.Count < 2)
                yield return new($"{at}.algorithm", Algorithm, "weighted splits traffic between pools; add a second pool or use round-robin");
            if (Pools.Count > 0 && Pools.Values.All(p => p.Weight == 0))
                yield return new($"{at}.pools", Pools.Keys, "every pool has weight 0, so nothing would get traffic; give one a weight above 0");
        }
        else if (Pools.Count > 1)
            yield return new($"{at}.algorithm", Algorithm,
                "several pools need the weighted algorithm to decide their shares; use weighted or keep one pool");

        if (AnomalyMitigation && Algorithm != LoadBalancingAlgorithms.Random)
            yield return new($"{at}.anomalyMitigation", true, "anomaly mitigation only works with the random algorithm; remove it or use random");

        if (Stickiness is not null)
            foreach (var problem in Stickiness.FindProblems($"{at}.stickiness", Layer))
                yield return problem;

        if (AccessLogRetentionDays is < 1 or > 3650)
            yield return new($"{at}.accessLogRetentionDays", AccessLogRetentionDays, "keep access logs 1 to 3650 days");

        if (IdleTimeoutSeconds is < 1 or > 4000)
            yield return new($"{at}.idleTimeoutSeconds", IdleTimeoutSeconds, "use 1 to 4000 seconds");

        if (RequestTimeoutSeconds is < 1 or > 3600)
            yield return new($"{at}.requestTimeoutSeconds", RequestTimeoutSeconds, "use 1 to 3600 seconds, or leave it unset");
        if (Retries is not null)
            foreach (var problem in Retries.FindProblems($"{at}.retries"))
                yield return problem;
        if (Retries is { PerTryTimeoutSeconds: { } perTry } && RequestTimeoutSeconds is { } total and >= 1 && perTry > total)
            yield return new($"{at}.retries.perTryTimeoutSeconds", perTry,
                $"one attempt may not outlast the whole request ({at}.requestTimeoutSeconds = {total}); lower it or raise the request timeout");
        if (OutlierDetection is not null)
            foreach (var problem in OutlierDetection.FindProblems($"{at}.outlierDetection"))
                yield return problem;
        if (ConnectionPool is not null)
            foreach (var problem in ConnectionPool.FindProblems($"{at}.connectionPool"))
                yield return problem;
    }

    private static bool IsCidr(string text)
    {
        var slash = text.IndexOf('/');
        if (slash < 0 || !IPAddress.TryParse(text[..slash], out var address) || !int.TryParse(text[(slash + 1)..], out var bits))
            return false;
        var max = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? 128 : 32;
        return bits >= 0 && bits <= max;
    }
}
