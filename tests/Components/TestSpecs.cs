using Infra.Components.HealthChecks;
using Infra.Components.LoadBalancing;
using Infra.Components.LoadBalancing.Aws;

namespace Infra.Tests.Components;

/// <summary>Specs the component tests start from, each a small valid service that a test then bends.</summary>
public static class TestSpecs
{
    /// <summary>ACM certificate of the HTTPS listeners.</summary>
    public const string CertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/0d1e2f3a-test";

    /// <summary>VPC the AWS components are placed in.</summary>
    public const string VpcId = "vpc-0123456789abcdef0";

    /// <summary>Range of <see cref="VpcId"/>.</summary>
    public const string VpcCidrBlock = "10.0.0.0/16";

    /// <summary>A public HTTPS service: HTTP on 80 redirecting to HTTPS on 443, one pool on 8080.</summary>
    public static LoadBalancerSpec PublicHttpsService(params string[] allowedCidrs) => new()
    {
        Layer = LoadBalancerLayers.Application,
        Public = true,
        AllowedCidrs = allowedCidrs.Length > 0 ? [.. allowedCidrs] : ["0.0.0.0/0"],
        Listeners =
        {
            ["http"] = new ListenerSpec { Protocol = ListenerProtocols.Http, Port = 80 },
            ["https"] = new ListenerSpec { Protocol = ListenerProtocols.Https, Port = 443, CertificateId = CertificateArn },
        },
        Pools = { ["web"] = new BackendPoolSpec { Port = 8080 } },
    };

    /// <summary><see cref="PublicHttpsService"/> split 90/10 between a blue pool on 8080 and a green one on 8081.</summary>
    public static LoadBalancerSpec BlueGreenService()
    {
        var spec = PublicHttpsService();
        spec.Algorithm = LoadBalancingAlgorithms.Weighted;
        spec.Pools = new()
        {
            ["blue"] = new BackendPoolSpec { Port = 8080, Weight = 90 },
            ["green"] = new BackendPoolSpec { Port = 8081, Weight = 10 },
        };
        return spec;
    }

    /// <summary>An internal TCP service behind a network load balancer: port 5432 to a pool on 5432,
    /// checked by TCP connect.</summary>
    public static LoadBalancerSpec InternalTcpService() => new()
    {
        Layer = LoadBalancerLayers.Network,
        Algorithm = LoadBalancingAlgorithms.FlowHash,
        Listeners = { ["postgres"] = new ListenerSpec { Protocol = ListenerProtocols.Tcp, Port = 5432 } },
        Pools =
        {
            ["db"] = new BackendPoolSpec
            {
                Protocol = ListenerProtocols.Tcp,
                Port = 5432,
                HealthCheck = new HealthCheckSpec { Protocol = HealthCheckProtocols.Tcp },
            },
        },
    };

    /// <summary>AWS load balancer args for <paramref name="spec"/> in <see cref="VpcId"/>.</summary>
    public static AwsLoadBalancerArgs AwsLoadBalancer(LoadBalancerSpec spec) => new()
    {
        Spec = spec,
        VpcId = VpcId,
        VpcCidrBlock = VpcCidrBlock,
        SubnetIds = { "subnet-public-a", "subnet-public-b" },
    };
}
