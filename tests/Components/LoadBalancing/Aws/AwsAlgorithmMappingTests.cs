using Infra.Components.LoadBalancing;
using Infra.Components.LoadBalancing.Aws;
using Xunit;

namespace Infra.Tests.Components.LoadBalancing.Aws;

public sealed class AwsAlgorithmMappingTests
{
    [Theory]
    [InlineData(LoadBalancingAlgorithms.RoundRobin, "round_robin", false)]
    [InlineData(LoadBalancingAlgorithms.LeastConnections, "least_outstanding_requests", false)]
    [InlineData(LoadBalancingAlgorithms.Random, "weighted_random", false)]
    [InlineData(LoadBalancingAlgorithms.Weighted, "round_robin", true)]
    public void The_alb_maps_each_classic_algorithm(string algorithm, string targetGroupAlgorithm, bool weightedForward)
    {
        var choice = AwsAlgorithmMapping.For(LoadBalancerLayers.Application, algorithm);

        Assert.Equal(new AwsAlgorithmChoice(targetGroupAlgorithm, weightedForward, null), choice);
    }

    [Fact]
    public void The_nlb_maps_only_flow_hash_and_leaves_the_setting_unset()
        => Assert.Equal(new AwsAlgorithmChoice(null, false, null), AwsAlgorithmMapping.For(LoadBalancerLayers.Network, LoadBalancingAlgorithms.FlowHash));

    [Fact]
    public void Every_algorithm_is_mapped_or_refused_on_both_load_balancers_never_dropped()
    {
        foreach (var layer in LoadBalancerLayers.All)
            foreach (var algorithm in LoadBalancingAlgorithms.All)
            {
                var choice = AwsAlgorithmMapping.For(layer, algorithm);
                if (choice.IsRefused)
                {
                    Assert.Null(choice.TargetGroupAlgorithm);
                    Assert.Contains(algorithm, choice.Refusal);
                    Assert.Contains(layer == LoadBalancerLayers.Network ? "use flow-hash" : "use round-robin", choice.Refusal);
                }
                else
                    Assert.True(layer == LoadBalancerLayers.Application || algorithm == LoadBalancingAlgorithms.FlowHash);
            }
    }

    [Theory]
    [InlineData("ELBSecurityPolicy-TLS13-1-2-2021-06", true)]
    [InlineData("ELBSecurityPolicy-TLS13-1-3-2021-06", true)]
    [InlineData("ELBSecurityPolicy-TLS13-1-2-Res-2021-06", true)]
    [InlineData("ELBSecurityPolicy-TLS-1-2-Ext-2018-06", true)]
    [InlineData("ELBSecurityPolicy-FS-1-2-Res-2020-10", true)]
    [InlineData("ELBSecurityPolicy-2016-08", false)]
    [InlineData("ELBSecurityPolicy-TLS13-1-1-2021-06", false)]
    [InlineData("ELBSecurityPolicy-TLS13-1-0-2021-06", false)]
    [InlineData("ELBSecurityPolicy-TLS-1-1-2017-01", false)]
    public void Tls_policies_are_judged_by_the_lowest_protocol_in_their_name(string policy, bool tls12OrNewer)
        => Assert.Equal(tls12OrNewer, AwsTlsPolicies.IsTls12OrNewer(policy));

    [Fact]
    public void The_default_tls_policy_is_tls12_or_newer() => Assert.True(AwsTlsPolicies.IsTls12OrNewer(AwsTlsPolicies.Default));
}
