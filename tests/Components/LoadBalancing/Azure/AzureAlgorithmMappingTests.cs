using Infra.Components.LoadBalancing;
using Infra.Components.LoadBalancing.Azure;
using Xunit;

namespace Infra.Tests.Components.LoadBalancing.Azure;

public sealed class AzureAlgorithmMappingTests
{
    [Theory]
    [InlineData(LoadBalancingAlgorithms.RoundRobin, null)]
    [InlineData(LoadBalancingAlgorithms.Random, "use layer network")]
    [InlineData(LoadBalancingAlgorithms.FlowHash, "use round-robin (nearest), or layer network")]
    [InlineData(LoadBalancingAlgorithms.LeastConnections, "use round-robin (nearest)")]
    [InlineData(LoadBalancingAlgorithms.Weighted, "Traffic Manager weighted routing")]
    [InlineData("fastest", "cannot use fastest")]
    public void Application_gateway_maps_round_robin_and_refuses_the_rest(string algorithm, string? refusalPart)
    {
        var choice = AzureAlgorithmMapping.For(LoadBalancerLayers.Application, algorithm);

        Assert.Null(choice.LoadDistribution);
        if (refusalPart is null)
            Assert.False(choice.IsRefused);
        else
            Assert.Contains(refusalPart, choice.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LoadBalancingAlgorithms.FlowHash, "Default", null)]
    [InlineData(LoadBalancingAlgorithms.Random, "Default", null)]
    [InlineData(LoadBalancingAlgorithms.RoundRobin, null, "use flow-hash, or layer application")]
    [InlineData(LoadBalancingAlgorithms.LeastConnections, null, "no least-connections setting")]
    [InlineData(LoadBalancingAlgorithms.Weighted, null, "Azure Front Door")]
    public void Standard_load_balancer_maps_hashes_and_refuses_the_rest(string algorithm, string? distribution, string? refusalPart)
    {
        var choice = AzureAlgorithmMapping.For(LoadBalancerLayers.Network, algorithm);

        Assert.Equal(distribution, choice.LoadDistribution);
        if (refusalPart is null)
            Assert.False(choice.IsRefused);
        else
            Assert.Contains(refusalPart, choice.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Stickiness_maps_to_source_ip_distribution_and_cookie_affinity()
    {
        var network = new LoadBalancerSpec { Layer = LoadBalancerLayers.Network, Algorithm = LoadBalancingAlgorithms.FlowHash };
        Assert.Equal("Default", AzureAlgorithmMapping.LoadDistribution(network));
        network.Stickiness = new StickinessSpec { Mode = StickinessSpec.SourceIp };
        Assert.Equal("SourceIP", AzureAlgorithmMapping.LoadDistribution(network));

        var application = new LoadBalancerSpec();
        Assert.Equal("Disabled", AzureAlgorithmMapping.CookieAffinity(application));
        application.Stickiness = new StickinessSpec { Mode = StickinessSpec.LoadBalancerCookie };
        Assert.Equal("Enabled", AzureAlgorithmMapping.CookieAffinity(application));
    }

    [Theory]
    [InlineData("AppGwSslPolicy20220101S", true, true)]
    [InlineData("AppGwSslPolicy20220101", true, true)]
    [InlineData("AppGwSslPolicy20170401S", true, true)]
    [InlineData("AppGwSslPolicy20170401", true, false)]
    [InlineData("AppGwSslPolicy20150501", true, false)]
    [InlineData("ELBSecurityPolicy-TLS13-1-2-2021-06", false, false)]
    public void Tls_policies_are_known_by_their_floor(string policy, bool predefined, bool tls12)
    {
        Assert.Equal(predefined, AzureTlsPolicies.IsPredefined(policy));
        Assert.Equal(tls12, AzureTlsPolicies.IsTls12OrNewer(policy));
    }

    [Theory]
    [InlineData("web-abc123", true)]
    [InlineData("a1b", true)]
    [InlineData("ab", false)]
    [InlineData("Web", false)]
    [InlineData("web_1", false)]
    [InlineData("9web", false)]
    [InlineData("web-", false)]
    public void Dns_labels_follow_azures_rule(string label, bool valid) => Assert.Equal(valid, AzureDnsLabels.IsValid(label));

    [Fact]
    public void A_label_of_64_characters_is_too_long() => Assert.False(AzureDnsLabels.IsValid(new string('a', 64)));
}
