using System.Net;
using System.Net.Sockets;
using Infra.Components.Common;
using Infra.Components.HealthChecks.Aws;
using Pulumi;

namespace Infra.Components.LoadBalancing.Aws;

/// <summary>Settings of an <see cref="AwsLoadBalancer"/>: the cloud-neutral spec plus where it lives in AWS.</summary>
public sealed class AwsLoadBalancerArgs : ResourceArgs
{
    /// <summary>Most target groups one weighted forward action may split traffic between (ELB quota).</summary>
    public const int MaxWeightedTargetGroups = 5;

    /// <summary>Most listeners one load balancer may have (ELB quota "Listeners per load balancer", 50 for
    /// Application and Network Load Balancers; AWS General Reference, "Elastic Load Balancing endpoints and quotas").</summary>
    public const int MaxListeners = 50;

    /// <summary>Most inbound rules a security group may have (VPC quota "Inbound or outbound rules per
    /// security group", default 60; Amazon VPC User Guide, "Amazon VPC quotas").</summary>
    public const int MaxIngressRules = 60;

    /// <summary>Longest health-check path ELB accepts (ELB API CreateTargetGroup: HealthCheckPath, 1 to 1024 characters).</summary>
    public const int MaxHealthCheckPathLength = 1024;

    /// <summary>Target groups per Application Load Balancer: 100 (same quotas page); each pool is one.</summary>
    public const int MaxTargetGroups = 100;

    /// <summary>Shortest and longest TCP idle timeout a Network Load Balancer listener accepts, in seconds.</summary>
    public const int MinNetworkIdleTimeoutSeconds = 60, MaxNetworkIdleTimeoutSeconds = 6000;

    private InputList<string>? _subnetIds;

    /// <summary>What to build: layer, listeners, pools, algorithm, who may connect.</summary>
    /// <remarks>Default: an internal application load balancer with no listeners or pools, which is
    /// refused until both are added.</remarks>
    [Input("spec")] public LoadBalancerSpec Spec { get; set; } = new();

    /// <summary>VPC of the target groups and the security group, e.g. <c>AwsNetwork.VpcId</c>.</summary>
    /// <remarks>Default: none; required.</remarks>
    [Input("vpcId")] public Input<string>? VpcId { get; set; }

    /// <summary>CIDR block of that VPC. The security group sends traffic only to the pools' ports inside
    /// it, and an internal load balancer without <c>spec.allowedCidrs</c> admits clients from it.</summary>
    /// <remarks>Default: none; required.</remarks>
    [Input("vpcCidrBlock")] public Input<string>? VpcCidrBlock { get; set; }

    /// <summary>Subnets the load balancer's nodes sit in, one per availability zone: public subnets for a
    /// public load balancer, private ones for an internal one.</summary>
    /// <remarks>Default: none; AWS requires at least two zones for an ALB.</remarks>
    [Input("subnetIds")]
    public InputList<string> SubnetIds
    {
        get => _subnetIds ??= new InputList<string>();
        set => _subnetIds = value;
    }

    /// <summary>S3 bucket that receives access logs, under the prefix of the component's name.</summary>
    /// <remarks>Default: no access logs. A network load balancer writes them only for TLS listeners.</remarks>
    [Input("accessLogsBucket")] public Input<string>? AccessLogsBucket { get; set; }

    /// <summary>Tags put on every AWS resource the component creates.</summary>
    /// <remarks>Default: none beyond the provider's default tags.</remarks>
    [Input("tags")] public Dictionary<string, string> Tags { get; set; } = [];

    /// <summary>Whether this is an Application Load Balancer (false: a Network Load Balancer).</summary>
    internal bool IsApplication => Spec.Layer != LoadBalancerLayers.Network;

    /// <summary>What the AWS backend does for the spec's algorithm.</summary>
    internal AwsAlgorithmChoice Algorithm => AwsAlgorithmMapping.For(Spec.Layer, Spec.Algorithm);

    /// <summary>
    /// Every problem: the spec's own, then what AWS refuses although the spec allows it (a key the
    /// spec already reports is not reported again), then the wiring this component needs.
    /// </summary>
    public IEnumerable<SpecProblem> FindProblems()
    {
        var problems = Spec.FindProblems("spec").ToList();
        // With an unknown layer nothing below has a meaning; the spec already names the fix.
        if (!LoadBalancerLayers.All.Contains(Spec.Layer))
            return problems;
        var reported = problems.Select(p => p.Key).ToHashSet();
        return problems.Concat(FindAwsProblems(Spec, "spec").Where(p => !reported.Contains(p.Key))).Concat(FindWiringProblems());
    }

    private IEnumerable<SpecProblem> FindWiringProblems()
    {
        if (VpcId is null)
            yield return new("vpcId", null, "name the VPC of the target groups, e.g. an AwsNetwork's vpcId");
        if (VpcCidrBlock is null)
            yield return new("vpcCidrBlock", null,
                "the security group lets the load balancer reach its pools only inside the VPC; pass the VPC's CIDR block (AwsNetwork.vpcCidrBlock)");
        if (!IsApplication && AccessLogsBucket is not null && Spec.Listeners.Values.All(l => l.Protocol != ListenerProtocols.Tls))
            yield return new("accessLogsBucket", "(a bucket)", "an AWS Network Load Balancer writes access logs only for TLS listeners; add a tls listener or remove accessLogsBucket");
    }

    /// <summary>
    /// What Elastic Load Balancing refuses in <paramref name="spec"/> although the cloud-neutral spec
    /// allows it, keyed under <paramref name="at"/> (the spec's own key, e.g. <c>infra:service.loadBalancer</c>).
    /// Needs nothing but the spec, so a program can run it before any resource exists.
    /// </summary>
    public static IEnumerable<SpecProblem> FindAwsProblems(LoadBalancerSpec spec, string at)
    {
        if (spec is null || !LoadBalancerLayers.All.Contains(spec.Layer))
            yield break;
        var isApplication = spec.Layer != LoadBalancerLayers.Network;
        var backend = isApplication ? "an AWS Application Load Balancer" : "an AWS Network Load Balancer";
        var algorithm = AwsAlgorithmMapping.For(spec.Layer, spec.Algorithm);

        if (algorithm.Refusal is { } refusal)
            yield return new($"{at}.algorithm", spec.Algorithm, refusal);
        if (spec.AccessLogs && !isApplication && spec.Listeners.Values.All(l => l.Protocol != ListenerProtocols.Tls))
            yield return new($"{at}.accessLogs", true, "an AWS Network Load Balancer writes access logs only for TLS listeners; add a tls listener or turn accessLogs off");
        if (spec.Pools.Count > MaxTargetGroups)
            yield return new($"{at}.pools", $"{spec.Pools.Count} pools",
                $"{backend} routes to at most {MaxTargetGroups} target groups, one per pool (an Elastic Load Balancing quota); merge pools");
        if (algorithm.WeightedForward && spec.Pools.Count > MaxWeightedTargetGroups)
            yield return new($"{at}.pools", spec.Pools.Keys.ToList(),
                $"{backend} splits traffic between at most {MaxWeightedTargetGroups} target groups; merge pools");

        if (spec.Listeners.Count > MaxListeners)
            yield return new($"{at}.listeners", $"{spec.Listeners.Count} listeners",
                $"{backend} has at most {MaxListeners} listeners (ELB quota); merge listeners or split the service across load balancers");
        // One inbound rule per listener and allowed range, all in the load balancer's security group.
        var ingressRules = spec.Listeners.Count * Math.Max(1, spec.AllowedCidrs.Count);
        if (ingressRules > MaxIngressRules)
            yield return new($"{at}.allowedCidrs", $"{spec.AllowedCidrs.Count} ranges × {spec.Listeners.Count} listeners",
                $"this needs {ingressRules} inbound rules and a security group holds {MaxIngressRules} (VPC quota); list fewer, wider ranges or use fewer listeners");
        foreach (var (key, pool) in spec.Pools)
            if (pool?.HealthCheck?.Path is { Length: > MaxHealthCheckPathLength } path)
                yield return new($"{at}.pools.{key}.healthCheck.path", $"{path.Length} characters",
                    $"ELB accepts health-check paths of at most {MaxHealthCheckPathLength} characters; use a short path such as /healthz");

        for (var i = 0; i < spec.AllowedCidrs.Count; i++)
            if (IsIpv6Cidr(spec.AllowedCidrs[i]))
                yield return new($"{at}.allowedCidrs[{i}]", spec.AllowedCidrs[i],
                    $"this load balancer has IPv4 addresses only, so an IPv6 range admits nobody; remove it");
            // Each range becomes a rule resource named after it, so a repeat would collide.
            else if (spec.AllowedCidrs.IndexOf(spec.AllowedCidrs[i]) < i)
                yield return new($"{at}.allowedCidrs[{i}]", spec.AllowedCidrs[i], "this range is listed twice; list each range once");

        var httpsOn443 = spec.Listeners.Values.Any(l => l is not null && l.Protocol == ListenerProtocols.Https && l.Port == 443);
        foreach (var (key, listener) in spec.Listeners)
        {
            if (listener is null)
                continue;
            var listenerAt = $"{at}.listeners.{key}";
            if (listener.TlsPolicy is { } policy && !AwsTlsPolicies.IsElbPolicy(policy))
                yield return new($"{listenerAt}.tlsPolicy", policy, $"{backend} takes ELB security policy names; use {AwsTlsPolicies.Default}");
            else if (listener.TlsPolicy is { } weak && !AwsTlsPolicies.IsTls12OrNewer(weak))
                yield return new($"{listenerAt}.tlsPolicy", weak, $"this policy still accepts TLS below 1.2; use {AwsTlsPolicies.Default} or another TLS 1.2+ policy");
            if (listener.Protocol == ListenerProtocols.Http && listener.RedirectToHttps && !httpsOn443)
                yield return new($"{listenerAt}.redirectToHttps", true,
                    "the redirect sends clients to https on port 443, where no https listener listens; add one or set redirectToHttps false");
        }

        foreach (var (key, pool) in spec.Pools)
        {
            if (pool is null)
                continue;
            var poolAt = $"{at}.pools.{key}";
            if (pool.HealthCheck is not null)
                foreach (var problem in AwsTargetGroupHealthCheck.FindProblems(pool.HealthCheck, $"{poolAt}.healthCheck", isApplication))
                    yield return problem;
            if (pool.SlowStartSeconds != 0 && !isApplication)
                yield return new($"{poolAt}.slowStartSeconds", pool.SlowStartSeconds, $"{backend} has no slow start; set 0, or use layer application");
            else if (pool.SlowStartSeconds != 0 && algorithm.IsWeightedRandom)
                yield return new($"{poolAt}.slowStartSeconds", pool.SlowStartSeconds,
                    $"{backend} cannot ramp up new targets with weighted_random (algorithm random); set 0, or use round-robin");
        }

        if (spec.Stickiness is { } stickiness)
        {
            // The load balancer's own cookies carry these prefixes; AWS rejects them as application cookie names.
            if (stickiness.CookieName is { } cookie && ReservedCookiePrefixes.Any(p => cookie.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
                yield return new($"{at}.stickiness.cookieName", cookie, $"{backend} reserves cookie names starting AWSALB, AWSALBAPP and AWSALBTG; rename the cookie");
            if (!isApplication && UsesTls(spec))
                yield return new($"{at}.stickiness", stickiness.Mode,
                    $"{backend} keeps no sticky sessions on TLS listeners or TLS pools; remove stickiness, or use tcp listeners and pools");
        }

        // The resilience settings a mesh maps (see LoadBalancing/Kubernetes) have no Elastic Load
        // Balancing counterpart; refusing them keeps a stack from believing it has them.
        if (spec.Retries is not null)
            yield return new($"{at}.retries", "(set)",
                $"{backend} never retries a request (a failed target answers the client with 502/503/504); remove retries and retry in the client, or run the site on Kubernetes with mesh istio");
        if (spec.OutlierDetection is not null)
            yield return new($"{at}.outlierDetection", "(set)",
                $"{backend} takes targets out only by their health check; remove outlierDetection, or use algorithm random with anomalyMitigation (ALB automatic target weights)");
        if (spec.ConnectionPool is not null)
            yield return new($"{at}.connectionPool", "(set)",
                $"{backend} has no per-target connection or request limits; remove connectionPool");
        if (spec.RequestTimeoutSeconds is not null)
            yield return new($"{at}.requestTimeoutSeconds", spec.RequestTimeoutSeconds,
                $"{backend} has no per-request timeout, only idleTimeoutSeconds for idle connections; remove requestTimeoutSeconds and set idleTimeoutSeconds");

        if (!isApplication && spec.IdleTimeoutSeconds < MinNetworkIdleTimeoutSeconds)
            yield return new($"{at}.idleTimeoutSeconds", spec.IdleTimeoutSeconds,
                $"{backend} keeps idle TCP flows {MinNetworkIdleTimeoutSeconds} to {MaxNetworkIdleTimeoutSeconds} seconds; use {MinNetworkIdleTimeoutSeconds} or more");
    }

    private static readonly string[] ReservedCookiePrefixes = ["AWSALB"];

    private static bool UsesTls(LoadBalancerSpec spec) => spec.Listeners.Values.Any(l => l?.Protocol == ListenerProtocols.Tls)
                                                          || spec.Pools.Values.Any(p => p?.Protocol == ListenerProtocols.Tls);

    private static bool IsIpv6Cidr(string cidr)
    {
        var slash = cidr.IndexOf('/');
        return slash > 0 && IPAddress.TryParse(cidr[..slash], out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;
    }
}
