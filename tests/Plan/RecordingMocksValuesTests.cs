using Infra.Components.LoadBalancing.Aws;
using Infra.Plan;
using Infra.Tests.Harness;
using Infra.Tests.Components;
using Infra.Tests.Stacks;
using Xunit;

namespace Infra.Tests.Plan;

/// <summary>What the plan's mocks answer: real per-region facts where AWS publishes them, and
/// recognisably invented values everywhere else.</summary>
[Collection(Infra.Tests.Sdk.EngineCollection.Name)]
public sealed class RecordingMocksValuesTests
{
    [Theory]
    [InlineData("us-east-1", false, "Z35SXDOTRQ7X7K")]
    [InlineData("us-west-2", false, "Z1H1FL5HABSF5")]
    [InlineData("us-west-2", true, "Z18D5FSROUN65G")]
    [InlineData("eu-west-1", true, "Z2IFOLAFXWLO4F")]
    public async Task A_load_balancer_answers_with_the_published_elb_zone_of_its_region_and_type(string region, bool network, string zone)
    {
        // Route 53 aliases name this zone (AWS General Reference, "Elastic Load Balancing endpoints and quotas").
        AwsLoadBalancer? lb = null;
        await PulumiTest.RunAsync(() =>
        {
            var provider = new Pulumi.Aws.Provider("regional", new Pulumi.Aws.ProviderArgs { Region = region });
            var spec = network ? TestSpecs.InternalTcpService() : TestSpecs.PublicHttpsService("0.0.0.0/0");
            lb = new AwsLoadBalancer("web", TestSpecs.AwsLoadBalancer(spec), new Pulumi.ComponentResourceOptions { Provider = provider });
        });

        Assert.Equal(zone, await TestRun.ValueAsync(lb!.ZoneId));
    }

    [Fact]
    public void Application_and_network_load_balancers_have_different_zones()
    {
        Assert.Equal("Z35SXDOTRQ7X7K", AwsElbHostedZones.For("us-east-1", "application"));
        Assert.Equal("Z26RNL4JYFTOTI", AwsElbHostedZones.For("us-east-1", "network"));
        Assert.Equal("Z2IFOLAFXWLO4F", AwsElbHostedZones.For("eu-west-1", "network"));
        Assert.Null(AwsElbHostedZones.For("xx-nowhere-1", "application"));
        Assert.Equal(AwsElbHostedZones.Application.Keys, AwsElbHostedZones.Network.Keys);
    }

    [Fact]
    public async Task Invented_account_and_ids_are_recognisable_and_no_stack_plans_the_old_made_up_account()
    {
        foreach (var stack in StackPlans.Names)
        {
            var json = PlanJson.Write(await StackPlans.Of(stack));
            Assert.DoesNotContain("123456789012", json, StringComparison.Ordinal);
            Assert.DoesNotContain("50dc6c495c0c9188", json, StringComparison.Ordinal);
        }
        var prod = PlanJson.Write(await StackPlans.Of("prod"));
        Assert.Contains($":{RecordingMocks.Account}:", prod, StringComparison.Ordinal);
        Assert.Contains("-example.us-east-1.elb.amazonaws.com", prod, StringComparison.Ordinal);
    }
}
