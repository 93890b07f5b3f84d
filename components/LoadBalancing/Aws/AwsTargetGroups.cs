using Infra.Components.HealthChecks.Aws;
using Pulumi;
using Pulumi.Aws.LB;
using Pulumi.Aws.LB.Inputs;

namespace Infra.Components.LoadBalancing.Aws;

/// <summary>Target-group settings for one backend pool.</summary>
public static class AwsTargetGroups
{
    /// <summary>Targets are registered as EC2 instances (by the autoscaling group).</summary>
    public const string InstanceTargets = "instance";

    /// <summary>The arguments of the target group for <paramref name="pool"/>; assumes the args have no problems.</summary>
    public static TargetGroupArgs For(BackendPoolSpec pool, AwsLoadBalancerArgs args)
    {
        var algorithm = args.Algorithm;
        return new TargetGroupArgs
        {
            VpcId = args.VpcId!,
            Port = pool.Port,
            Protocol = AwsProtocols.For(pool.Protocol),
            TargetType = InstanceTargets,
            LoadBalancingAlgorithmType = Optional(algorithm.TargetGroupAlgorithm),
            // AWS accepts the attribute only next to weighted_random; elsewhere it must stay unset.
            LoadBalancingAnomalyMitigation = algorithm.IsWeightedRandom
                ? Optional(args.Spec.AnomalyMitigation ? AwsAlgorithmMapping.AnomalyMitigationOn : AwsAlgorithmMapping.AnomalyMitigationOff)
                : null,
            HealthCheck = AwsTargetGroupHealthCheck.ToArgs(pool.HealthCheck),
            DeregistrationDelay = pool.DeregistrationDelaySeconds,
            // Network load balancers have no slow-start attribute; validation refuses a non-zero value there.
            SlowStart = args.IsApplication ? (Input<int>)pool.SlowStartSeconds : null,
            Stickiness = args.Spec.Stickiness is { } stickiness ? (Input<TargetGroupStickinessArgs>)Stickiness(stickiness) : null,
            Tags = args.Tags.ToDictionary(),
        };
    }

    /// <summary>The target-group stickiness for <paramref name="stickiness"/>.</summary>
    public static TargetGroupStickinessArgs Stickiness(StickinessSpec stickiness) => stickiness.Mode switch
    {
        StickinessSpec.LoadBalancerCookie => new() { Type = "lb_cookie", Enabled = true, CookieDuration = stickiness.DurationSeconds },
        StickinessSpec.ApplicationCookie => new()
        {
            Type = "app_cookie",
            Enabled = true,
            CookieName = stickiness.CookieName!,
            CookieDuration = stickiness.DurationSeconds,
        },
        // Source-IP stickiness has no cookie and so no duration: a client stays while its address does.
        StickinessSpec.SourceIp => new() { Type = "source_ip", Enabled = true },
        _ => throw new ArgumentOutOfRangeException(nameof(stickiness), stickiness.Mode, "validate the spec before translating it"),
    };

    private static Input<string>? Optional(string? value) => value is null ? null : (Input<string>)value;
}
