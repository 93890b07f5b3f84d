using System.Collections.Immutable;
using Infra.Components.Common;
using Pulumi;
using Pulumi.Aws.Ec2;
using Pulumi.Aws.LB;
using Pulumi.Aws.LB.Inputs;
using Pulumi.Aws.Vpc;

namespace Infra.Components.LoadBalancing.Aws;

/// <summary>
/// An AWS Application Load Balancer (layer "application") or Network Load Balancer (layer "network")
/// built from a cloud-neutral <see cref="LoadBalancerSpec"/>: a target group per backend pool with the
/// mapped algorithm and health check, a listener per spec listener (HTTP redirects to HTTPS by
/// default), and a security group that admits only the listener ports from the allowed ranges and
/// reaches only the pools' ports inside the VPC.
/// </summary>
public sealed class AwsLoadBalancer : ComponentResource
{
    /// <summary>Type token of this component.</summary>
    public const string TypeToken = "infra:loadbalancing:AwsLoadBalancer";

    /// <summary>The name clients resolve; DNS records alias it.</summary>
    [Output("dnsName")] public Output<string> DnsName { get; private set; }

    /// <summary>Hosted zone of <see cref="DnsName"/>, for Route 53 alias records.</summary>
    [Output("zoneId")] public Output<string> ZoneId { get; private set; }

    /// <summary>ARN of the load balancer.</summary>
    [Output("arn")] public Output<string> Arn { get; private set; }

    /// <summary>The <c>app/…</c> or <c>net/…</c> part of the ARN: the CloudWatch <c>LoadBalancer</c>
    /// dimension and the first half of an ALBRequestCountPerTarget resource label.</summary>
    [Output("arnSuffix")] public Output<string> ArnSuffix { get; private set; }

    /// <summary>ARN of each pool's target group, by pool key; autoscaling groups attach to these.</summary>
    [Output("targetGroupArns")] public Output<StringMap> TargetGroupArns { get; private set; }

    private Output<ImmutableDictionary<string, string>> _targetGroupArns = null!;

    /// <summary><see cref="TargetGroupArns"/> as an immutable dictionary, for C# callers.</summary>
    /// <remarks>A method, not a property: every public property of a component is part of the package schema
    /// (see <see cref="StringMap"/>).</remarks>
    public Output<ImmutableDictionary<string, string>> TargetGroupArnsByPool() => _targetGroupArns;

    /// <summary>ARN suffix of each pool's target group, by pool key: the CloudWatch <c>TargetGroup</c>
    /// dimension and the second half of an ALBRequestCountPerTarget resource label.</summary>
    [Output("targetGroupArnSuffixes")] public Output<StringMap> TargetGroupArnSuffixes { get; private set; }

    private Output<ImmutableDictionary<string, string>> _targetGroupArnSuffixes = null!;

    /// <summary><see cref="TargetGroupArnSuffixes"/> as an immutable dictionary, for C# callers.</summary>
    /// <remarks>A method, not a property: every public property of a component is part of the package schema
    /// (see <see cref="StringMap"/>).</remarks>
    public Output<ImmutableDictionary<string, string>> TargetGroupArnSuffixesByPool() => _targetGroupArnSuffixes;

    /// <summary>The load balancer's security group; targets admit traffic from it.</summary>
    [Output("securityGroupId")] public Output<string> SecurityGroupId { get; private set; }

    private readonly IReadOnlyDictionary<string, TargetGroup> _targetGroups;

    /// <summary>The target group of each pool, by pool key, for C# callers that need a pool's ARN or
    /// ARN suffix as a known-key value at plan time (alarms, scaling policies).</summary>
    /// <remarks>A method rather than a property: every public property of a component is part of the
    /// package schema that other languages get, and resource objects cannot cross that boundary.</remarks>
    public IReadOnlyDictionary<string, TargetGroup> TargetGroupsByPool() => _targetGroups;

    /// <summary>Validates <paramref name="args"/>, reporting every problem at once, then creates the
    /// load balancer's resources as children of this component.</summary>
    public AwsLoadBalancer(string name, AwsLoadBalancerArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        InvalidSpecException.ThrowIfAny($"AwsLoadBalancer \"{name}\"",
            args.FindProblems().Concat(AwsResourceNames.FindProblems(name, args)));
        var spec = args.Spec;
        var child = new CustomResourceOptions { Parent = this };
        var vpcCidrBlock = args.VpcCidrBlock!;

        // NLBs take security groups too (since 2023, only when created with one); without one the
        // allowed ranges would silently admit everybody.
        var firewall = new SecurityGroup($"{name}-sg", new SecurityGroupArgs
        {
            VpcId = args.VpcId!,
            Description = $"Load balancer {name}: listener ports in, pool ports out",
            Tags = args.Tags.ToDictionary(),
        }, child);
        foreach (var rule in AwsSecurityRules.Ingress(spec))
            _ = new SecurityGroupIngressRule($"{name}-ingress-{rule.Key}",
                AwsSecurityRules.ToArgs(rule, firewall.Id, vpcCidrBlock, args.Tags), child);
        foreach (var port in AwsSecurityRules.EgressPorts(spec))
            _ = new SecurityGroupEgressRule($"{name}-egress-{port}",
                AwsSecurityRules.EgressArgs(port, firewall.Id, vpcCidrBlock, args.Tags), child);

        var loadBalancer = new LoadBalancer(AwsResourceNames.LoadBalancer(name, args.IsApplication), new LoadBalancerArgs
        {
            LoadBalancerType = args.IsApplication ? "application" : "network",
            Internal = !spec.Public,
            Subnets = args.SubnetIds,
            SecurityGroups = { firewall.Id },
            EnableDeletionProtection = spec.DeletionProtection,
            // Both are ALB-only attributes; the NLB's idle timeout lives on its TCP listeners.
            IdleTimeout = args.IsApplication ? (Input<int>)spec.IdleTimeoutSeconds : null,
            DropInvalidHeaderFields = args.IsApplication ? (Input<bool>)true : null,
            AccessLogs = args.AccessLogsBucket is { } bucket
                ? (Input<LoadBalancerAccessLogsArgs>)new LoadBalancerAccessLogsArgs { Bucket = bucket, Enabled = true, Prefix = name }
                : null,
            Tags = args.Tags.ToDictionary(),
        }, child);

        var targetGroups = _targetGroups = spec.Pools.ToDictionary(
            pool => pool.Key,
            pool => new TargetGroup(AwsResourceNames.TargetGroup(name, pool.Key), AwsTargetGroups.For(pool.Value, args), child));

        // Each listener gets its own action object; the arguments are serialised per resource.
        ListenerDefaultActionArgs Forward() => args.Algorithm.WeightedForward
            ? AwsListenerActions.WeightedForward(spec.Pools.Select(p => (targetGroups[p.Key], p.Value.Weight)), spec.Stickiness)
            // Without the weighted algorithm the spec allows exactly one pool.
            : AwsListenerActions.Forward(targetGroups.Values.Single());
        foreach (var (key, listener) in spec.Listeners)
        {
            if (!listener.Forwards)
                Log.Warn($"Listener \"{key}\" of AwsLoadBalancer \"{name}\" serves plain HTTP (redirectToHttps is false).", this);
            _ = new Listener($"{name}-listener-{key}", ListenerArgsFor(listener, loadBalancer, Forward, args), child);
        }
        if (!args.IsApplication && spec.Listeners.Values.Any(l => l.Protocol == ListenerProtocols.Tls))
            Log.Warn($"AwsLoadBalancer \"{name}\": AWS fixes the idle timeout of NLB TLS listeners at 350 seconds; " +
                     $"spec.idleTimeoutSeconds ({spec.IdleTimeoutSeconds}) applies to its TCP listeners only.", this);

        DnsName = loadBalancer.DnsName;
        ZoneId = loadBalancer.ZoneId;
        Arn = loadBalancer.Arn;
        ArnSuffix = loadBalancer.ArnSuffix;
        _targetGroupArns = ByPoolKey(targetGroups, tg => tg.Arn);
        _targetGroupArnSuffixes = ByPoolKey(targetGroups, tg => tg.ArnSuffix);
        SecurityGroupId = firewall.Id;
        TargetGroupArns = _targetGroupArns.Apply(value => new StringMap(value));
        TargetGroupArnSuffixes = _targetGroupArnSuffixes.Apply(value => new StringMap(value));
        RegisterOutputs();
    }

    private static ListenerArgs ListenerArgsFor(ListenerSpec listener, LoadBalancer loadBalancer,
        Func<ListenerDefaultActionArgs> forward, AwsLoadBalancerArgs args)
    {
        var terminatesTls = listener.Protocol is ListenerProtocols.Https or ListenerProtocols.Tls;
        return new ListenerArgs
        {
            LoadBalancerArn = loadBalancer.Arn,
            Port = listener.Port,
            Protocol = AwsProtocols.For(listener.Protocol),
            CertificateArn = terminatesTls ? listener.CertificateId : null,
            SslPolicy = terminatesTls ? (Input<string>)(listener.TlsPolicy ?? AwsTlsPolicies.Default) : null,
            TcpIdleTimeoutSeconds = listener.Protocol == ListenerProtocols.Tcp ? (Input<int>)args.Spec.IdleTimeoutSeconds : null,
            DefaultActions = { listener.Forwards ? forward() : AwsListenerActions.RedirectToHttps() },
            Tags = args.Tags.ToDictionary(),
        };
    }

    private static Output<ImmutableDictionary<string, string>> ByPoolKey(
        IReadOnlyDictionary<string, TargetGroup> targetGroups, Func<TargetGroup, Output<string>> select)
        => Output.All(targetGroups.Select(tg => select(tg.Value).Apply(value => KeyValuePair.Create(tg.Key, value))))
            .Apply(pairs => pairs.ToImmutableDictionary());
}
