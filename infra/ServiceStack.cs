using Infra.Components.Autoscaling.Aws;
using Infra.Components.Dns;
using Infra.Components.LoadBalancing.Aws;
using Infra.Components.Monitoring.Aws;
using Infra.Components.Networking.Aws;
using Infra.Settings;
using Pulumi;
using Pulumi.Aws.Ec2;
using Pulumi.Aws.Ec2.Inputs;

namespace Infra;

/// <summary>Composes the components of one stack from its settings: in every region a network, a load
/// balancer, an instance group and its monitoring.</summary>
public static class ServiceStack
{
    /// <summary>Creates the stack's resources; returns the stack outputs.</summary>
    public static IDictionary<string, object?> Build(StackSettings settings)
    {
        var outputs = new Dictionary<string, object?> { ["environment"] = settings.Environment };
        var regions = new List<Region>();
        foreach (var region in settings.Regions)
        {
            var regional = BuildRegion(settings, region);
            regions.Add(regional);
            outputs[$"{region.Region}:url"] = Output.Format($"https://{regional.LoadBalancer.DnsName}");
            outputs[$"{region.Region}:dashboard"] = regional.Monitoring.DashboardName;
        }

        if (settings.Failover is not null)
        {
            var balancers = settings.Regions.Zip(regions, (r, made) => (r, made.LoadBalancer.DnsName, made.LoadBalancer.ZoneId)).ToList();
            // DNS is global; it goes through the primary region's provider, and is an edge resource.
            var dns = new FailoverDns($"{settings.Service.Name}-edge", ServiceDesign.FailoverDns(settings,
                    balancers.Select(b => (b.r, (Input<string>)b.DnsName, (Input<string>)b.ZoneId)).ToList()),
                new ComponentResourceOptions { Provider = regions[0].Provider, Protect = settings.Protect ? true : null });
            outputs["url"] = Output.Format($"https://{dns.Fqdn}");
        }
        return outputs;
    }

    /// <summary>What one region runs.</summary>
    public sealed record Region(Pulumi.Aws.Provider Provider, AwsNetwork Network, AwsLoadBalancer LoadBalancer, AwsAutoscalingGroup Group, AwsServiceMonitoring Monitoring);

    private static Region BuildRegion(StackSettings settings, RegionSettings region)
    {
        var service = settings.Service;
        var name = ServiceDesign.RegionalName(service, region);

        // One explicit provider per region, so region and default tags are visible in the plan and
        // never come from ambient credentials.
        var provider = new Pulumi.Aws.Provider($"aws-{region.Region}", new Pulumi.Aws.ProviderArgs
        {
            Region = region.Region!,
            DefaultTags = new Pulumi.Aws.Inputs.ProviderDefaultTagsArgs
            {
                Tags = { { "environment", settings.Environment }, { "service", service.Name }, { "managed-by", "infra" } },
            },
        });
        var inRegion = new ComponentResourceOptions { Provider = provider };
        // Edge resources (the load balancer) are protected where the stack asks for it (prod).
        var edge = new ComponentResourceOptions { Provider = provider, Protect = settings.Protect ? true : null };

        var network = new AwsNetwork(name, region.Network!, inRegion);
        var balancer = new AwsLoadBalancer(name, ServiceDesign.LoadBalancer(settings, region, network.VpcId, network.VpcCidrBlock, network.PublicSubnetIds), edge);

        // Instances take traffic only from the load balancer on the pool ports, and reach out only over HTTPS.
        var ports = service.LoadBalancer!.Pools.Values.Select(p => p.Port).Distinct().Order().ToList();
        var instances = new SecurityGroup($"{name}-instances", new SecurityGroupArgs
        {
            VpcId = network.VpcId,
            Description = $"{name} instances: pool ports from the load balancer, HTTPS out",
            Ingress = ports.Select(port => new SecurityGroupIngressArgs
            {
                Protocol = "tcp",
                FromPort = port,
                ToPort = port,
                SecurityGroups = { balancer.SecurityGroupId },
                Description = "from the load balancer",
            }).ToList(),
            Egress = { new SecurityGroupEgressArgs { Protocol = "tcp", FromPort = 443, ToPort = 443, CidrBlocks = { "0.0.0.0/0" }, Description = "HTTPS to package mirrors and AWS APIs" } },
        }, new CustomResourceOptions { Provider = provider });

        var firstPool = ServiceDesign.FirstPool(service);
        var targetGroup = balancer.TargetGroupsByPool()[firstPool];
        var group = new AwsAutoscalingGroup(name, ServiceDesign.AutoscalingGroup(settings,
            network.PrivateSubnetIds, instances.Id,
            balancer.TargetGroupsByPool().Values.Select(t => t.Arn).ToList(),
            balancer.ArnSuffix, targetGroup.ArnSuffix), inRegion);

        var monitoring = new AwsServiceMonitoring(name, ServiceDesign.Monitoring(settings, balancer.ArnSuffix,
            balancer.TargetGroupsByPool().ToDictionary(t => t.Key, t => (Input<string>)t.Value.ArnSuffix), group.GroupName), inRegion);

        return new Region(provider, network, balancer, group, monitoring);
    }
}
