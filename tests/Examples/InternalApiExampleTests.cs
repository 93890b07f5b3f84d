using Infra.Plan;
using Infra.Tests.Harness;
using InternalApi;
using Xunit;

namespace Infra.Tests.Examples;

/// <summary>examples/InternalApi, a separate Pulumi project consuming the components, planned with its
/// own stack file: the components work outside this repository's program.</summary>
[Collection(Infra.Tests.Sdk.EngineCollection.Name)]
public sealed class InternalApiExampleTests
{
    private static async Task<StackPlan> PlanAsync()
    {
        var folder = Path.Combine(RepoPaths.Root, "examples", "InternalApi");
        var config = StackConfigFile.Load(Path.Combine(folder, "Pulumi.example.yaml"), "internal-api");
        var run = await StackPlanner.WithConfigAsync(config, () => PlanRecorder.RunAsync("internal-api", "example", InternalApiProgram.Run, mocks: new RecordingMocks(config.Values["aws:region"])));
        return run.Plan;
    }

    [Fact]
    public async Task The_example_plans_an_internal_nlb_and_a_cpu_scaled_group_in_the_given_vpc()
    {
        var plan = await PlanAsync();

        var nlb = Assert.Single(plan.Resources, r => r.Type == "aws:lb/loadBalancer:LoadBalancer");
        Assert.Equal("network", nlb.Inputs["loadBalancerType"]);
        Assert.Equal(true, nlb.Inputs["internal"]);
        Assert.Equal(new object?[] { "subnet-0aaa1111", "subnet-0bbb2222" }, nlb.List("subnets"));

        var group = Assert.Single(plan.Resources, r => r.Type == "aws:autoscaling/group:Group");
        Assert.Equal(2.0, group.Number("minSize"));
        Assert.Equal("infra:autoscaling:AwsAutoscalingGroup", group.ParentType);

        // Only the VPC's own range reaches the listener.
        var ingress = plan.Resources.Where(r => r.Type == "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").ToList();
        Assert.NotEmpty(ingress);
        Assert.All(ingress, r => Assert.Equal("10.50.0.0/16", r.Inputs["cidrIpv4"]));
        var endpoint = Assert.IsType<string>(plan.Outputs["endpoint"]);
        Assert.EndsWith("-example.elb.eu-west-1.amazonaws.com:7000", endpoint, StringComparison.Ordinal);
    }
}
