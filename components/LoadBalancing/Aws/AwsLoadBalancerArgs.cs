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
    /// Every problem: the spec's own, then what AWS refuses although the spec allows it. A key the
    /// spec already reports is not reported again by the AWS checks.
    /// </summary>
    public IEnumerable<SpecProblem> FindProblems()
    {
        var problems = Spec.FindProblems("spec").ToList();
        // With an unknown layer nothing below has a meaning; the spec already names the fix.
        if (!LoadBalancerLayers.All.Contains(Spec.Layer))
            return problems;
        var reported = problems.Select(p => p.Key).ToHashSet();
        return problems.Concat(FindAwsProblems().Where(p => !reported.Contains(p.Key)));
    }

    private IEnumerable<SpecProblem> FindAwsProblems()
    {
        var backend = IsApplication ? "an AWS Application Load Balancer" : "an AWS Network Load Balancer";

        if (VpcId is null)
            yield return new("vpcId", null, "name the VPC of the target groups, e.g. an AwsNetwork's vpcId");
        if (VpcCidrBlock is null)
            yield return new("vpcCidrBlock", null,
                "the security group lets the load balancer reach its pools only inside the VPC; pass the VPC's CIDR block (AwsNetwork.vpcCidrBlock)");

        if (Algorithm.Refusal is { } refusal)
            yield return new("spec.algorithm", Spec.Algorithm, refusal);
        if (Algorithm.WeightedForward && Spec.Pools.Count > MaxWeightedTargetGroups)
            yield return new("spec.pools", Spec.Pools.Keys.ToList(),
                $"{backend} splits traffic between at most {MaxWeightedTargetGroups} target groups; merge pools");

        for (var i = 0; i < Spec.AllowedCidrs.Count; i++)
            if (IsIpv6Cidr(Spec.AllowedCidrs[i]))
                yield return new($"spec.allowedCidrs[{i}]", Spec.AllowedCidrs[i],
                    $"this load balancer has IPv4 addresses only, so an IPv6 range admits nobody; remove it");
            // Each range becomes a rule resource named after it, so a repeat would collide.
            else if (Spec.AllowedCidrs.IndexOf(Spec.AllowedCidrs[i]) < i)
                yield return new($"spec.allowedCidrs[{i}]", Spec.AllowedCidrs[i], "this range is listed twice; list each range once");

        foreach (var (key, listener) in Spec.Listeners)
        {
            var at = $"spec.listeners.{key}";
            if (listener.TlsPolicy is { } policy && !AwsTlsPolicies.IsElbPolicy(policy))
                yield return new($"{at}.tlsPolicy", policy, $"{backend} takes ELB security policy names; use {AwsTlsPolicies.Default}");
            else if (listener.TlsPolicy is { } weak && !AwsTlsPolicies.IsTls12OrNewer(weak))
                yield return new($"{at}.tlsPolicy", weak, $"this policy still accepts TLS below 1.2; use {AwsTlsPolicies.Default} or another TLS 1.2+ policy");
            if (listener.Protocol == ListenerProtocols.Http && listener.RedirectToHttps && !HasHttpsOn443())
                yield return new($"{at}.redirectToHttps", true,
                    "the redirect sends clients to https on port 443, where no https listener listens; add one or set redirectToHttps false");
        }

        foreach (var (key, pool) in Spec.Pools)
        {
            var at = $"spec.pools.{key}";
            if (pool.HealthCheck is not null)
                foreach (var problem in AwsTargetGroupHealthCheck.FindProblems(pool.HealthCheck, $"{at}.healthCheck", IsApplication))
                    yield return problem;
            if (pool.SlowStartSeconds != 0 && !IsApplication)
                yield return new($"{at}.slowStartSeconds", pool.SlowStartSeconds, $"{backend} has no slow start; set 0, or use layer application");
            else if (pool.SlowStartSeconds != 0 && Algorithm.IsWeightedRandom)
                yield return new($"{at}.slowStartSeconds", pool.SlowStartSeconds,
                    $"{backend} cannot ramp up new targets with weighted_random (algorithm random); set 0, or use round-robin");
        }

        if (Spec.Stickiness is { } stickiness)
        {
            // The load balancer's own cookies carry these prefixes; AWS rejects them as application cookie names.
            if (stickiness.CookieName is { } cookie && ReservedCookiePrefixes.Any(p => cookie.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
                yield return new("spec.stickiness.cookieName", cookie, $"{backend} reserves cookie names starting AWSALB, AWSALBAPP and AWSALBTG; rename the cookie");
            if (!IsApplication && UsesTls())
                yield return new("spec.stickiness", stickiness.Mode,
                    $"{backend} keeps no sticky sessions on TLS listeners or TLS pools; remove stickiness, or use tcp listeners and pools");
        }

        if (!IsApplication && Spec.IdleTimeoutSeconds < MinNetworkIdleTimeoutSeconds)
            yield return new("spec.idleTimeoutSeconds", Spec.IdleTimeoutSeconds,
                $"{backend} keeps idle TCP flows {MinNetworkIdleTimeoutSeconds} to {MaxNetworkIdleTimeoutSeconds} seconds; use {MinNetworkIdleTimeoutSeconds} or more");

        if (!IsApplication && AccessLogsBucket is not null && Spec.Listeners.Values.All(l => l.Protocol != ListenerProtocols.Tls))
            yield return new("accessLogsBucket", "(a bucket)", $"{backend} writes access logs only for TLS listeners; add a tls listener or remove accessLogsBucket");
    }

    private static readonly string[] ReservedCookiePrefixes = ["AWSALB"];

    private bool HasHttpsOn443() => Spec.Listeners.Values.Any(l => l.Protocol == ListenerProtocols.Https && l.Port == 443);

    private bool UsesTls() => Spec.Listeners.Values.Any(l => l.Protocol == ListenerProtocols.Tls)
                              || Spec.Pools.Values.Any(p => p.Protocol == ListenerProtocols.Tls);

    private static bool IsIpv6Cidr(string cidr)
    {
        var slash = cidr.IndexOf('/');
        return slash > 0 && IPAddress.TryParse(cidr[..slash], out var address) && address.AddressFamily == AddressFamily.InterNetworkV6;
    }
}
