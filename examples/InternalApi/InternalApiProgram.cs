using Infra.Components.Autoscaling;
using Infra.Components.Autoscaling.Aws;
using Infra.Components.HealthChecks;
using Infra.Components.LoadBalancing;
using Infra.Components.LoadBalancing.Aws;
using Pulumi;

namespace InternalApi;

/// <summary>An internal TCP API in an existing VPC: a network load balancer reachable only from the
/// VPC, and an instance group scaled on CPU, built from Infra's components.</summary>
public static class InternalApiProgram
{
    /// <summary>Creates the resources; returns the stack outputs.</summary>
    public static IDictionary<string, object?> Run()
    {
        var config = new Config();
        var vpcId = config.Require("vpcId");
        var vpcCidr = config.Require("vpcCidrBlock");
        var subnets = config.RequireObject<string[]>("subnetIds");

        // One health check for the target group and the group's grace period.
        var health = new HealthCheckSpec { Protocol = HealthCheckProtocols.Tcp, IntervalSeconds = 10, TimeoutSeconds = 5, GracePeriodSeconds = 120 };
        var balancer = new AwsLoadBalancer("api", new AwsLoadBalancerArgs
        {
            Spec = new LoadBalancerSpec
            {
                Layer = LoadBalancerLayers.Network,
                Algorithm = LoadBalancingAlgorithms.FlowHash,
                AllowedCidrs = [vpcCidr],
                Listeners = { ["tcp"] = new ListenerSpec { Protocol = ListenerProtocols.Tcp, Port = 7000 } },
                Pools = { ["api"] = new BackendPoolSpec { Protocol = ListenerProtocols.Tcp, Port = 7000, HealthCheck = health } },
            },
            VpcId = vpcId,
            VpcCidrBlock = vpcCidr,
            SubnetIds = subnets,
        });

        var group = new AwsAutoscalingGroup("api", new AwsAutoscalingGroupArgs
        {
            Scaling = new ScalingSpec
            {
                MinSize = 2,
                MaxSize = 8,
                TargetTracking = { ["cpu"] = new TargetTrackingPolicySpec { Metric = ScalingMetrics.Cpu, TargetValue = 55 } },
            },
            HealthCheck = health,
            ImageId = config.Require("imageId"),
            InstanceType = "c7g.large",
            SubnetIds = subnets,
            SecurityGroupIds = { balancer.SecurityGroupId },
            TargetGroupArns = { balancer.TargetGroupsByPool()["api"].Arn },
        });

        return new Dictionary<string, object?>
        {
            ["endpoint"] = Output.Format($"{balancer.DnsName}:7000"),
            ["group"] = group.GroupName,
        };
    }
}
