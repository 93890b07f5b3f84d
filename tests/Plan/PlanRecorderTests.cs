using Infra.Plan;
using Infra.Tests.Harness;
using Infra.Tests.Sdk;
using Pulumi;
using Xunit;

namespace Infra.Tests.Plan;

[Collection(EngineCollection.Name)]
public sealed class PlanRecorderTests
{
    private sealed class Group : ComponentResource
    {
        public Group(string name) : base("infra:test:Group", name) => RegisterOutputs();
    }

    private static IDictionary<string, object?> Program()
    {
        var group = new Group("web");
        var vpc = new Pulumi.Aws.Ec2.Vpc("web-vpc", new Pulumi.Aws.Ec2.VpcArgs { CidrBlock = "10.0.0.0/16" },
            new CustomResourceOptions { Parent = group });
        _ = new Pulumi.Aws.Ec2.Subnet("web-subnet", new Pulumi.Aws.Ec2.SubnetArgs { VpcId = vpc.Id, CidrBlock = "10.0.1.0/24" },
            new CustomResourceOptions { Parent = vpc });
        return new Dictionary<string, object?> { ["vpcId"] = vpc.Id, ["password"] = Output.CreateSecret("hunter2") };
    }

    [Fact]
    public async Task Plan_records_parents_from_the_resource_tree_not_from_mock_urns()
    {
        var run = await PulumiTest.RunAsync(Program);

        Assert.Null(run.Single("infra:test:Group", "web").Parent);
        Assert.Equal("infra:test:Group::web", run.Single("aws:ec2/vpc:Vpc", "web-vpc").Parent);
        Assert.Equal("aws:ec2/vpc:Vpc::web-vpc", run.Single("aws:ec2/subnet:Subnet", "web-subnet").Parent);
        Assert.Equal(["infra:test:Group", "aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet"], run.Resources.Select(r => r.Type));
    }

    [Fact]
    public async Task Plan_shows_inputs_as_the_engine_receives_them()
    {
        var run = await PulumiTest.RunAsync(Program);
        var subnet = run.Single("aws:ec2/subnet:Subnet", "web-subnet");

        Assert.Equal("web-vpc-id", subnet.Inputs["vpcId"]);
        Assert.Equal("10.0.1.0/24", subnet.Input("cidrBlock"));
        Assert.True(subnet.Custom);
        Assert.False(run.Single("infra:test:Group", "web").Custom);
    }

    [Fact]
    public async Task Stack_outputs_are_resolved_and_secrets_masked()
    {
        var run = await PulumiTest.RunAsync(Program);
        Assert.Equal("web-vpc-id", run.Plan.Outputs["vpcId"]);
        Assert.Equal("[secret]", run.Plan.Outputs["password"]);
    }

    [Fact]
    public async Task In_preview_outputs_of_new_resources_are_unknown()
    {
        var run = await PulumiTest.RunAsync(Program, preview: true);
        // The mocks return an id, but ids are known in preview too; computed outputs missing from state are not.
        Assert.Equal("web-vpc-id", run.Plan.Outputs["vpcId"]);
        Assert.Equal(3, run.Resources.Length);
    }

    [Fact]
    public async Task Plan_json_round_trips()
    {
        var plan = (await PulumiTest.RunAsync(Program)).Plan;
        var read = PlanJson.Read(PlanJson.Write(plan));

        Assert.Equal(plan.Resources.Select(r => r.Key), read.Resources.Select(r => r.Key));
        Assert.True(PlanDiff.Between(plan, read).IsEmpty);
        Assert.Equal(plan.Outputs.Keys, read.Outputs.Keys);
    }

    [Fact]
    public async Task Diff_lists_added_removed_and_changed_inputs()
    {
        var before = (await PulumiTest.RunAsync(Program)).Plan;
        var after = (await PulumiTest.RunAsync(() =>
        {
            var vpc = new Pulumi.Aws.Ec2.Vpc("web-vpc", new Pulumi.Aws.Ec2.VpcArgs { CidrBlock = "10.1.0.0/16" },
                new CustomResourceOptions { Parent = new Group("web") });
            _ = new Pulumi.Aws.Ec2.InternetGateway("web-igw", new Pulumi.Aws.Ec2.InternetGatewayArgs { VpcId = vpc.Id });
        })).Plan;

        var diff = PlanDiff.Between(before, after);

        Assert.Equal(["aws:ec2/internetGateway:InternetGateway::web-igw"], diff.Added.Select(r => r.Key));
        Assert.Equal(["aws:ec2/subnet:Subnet::web-subnet"], diff.Removed.Select(r => r.Key));
        var (_, changed, changes) = Assert.Single(diff.Changed);
        Assert.Equal("aws:ec2/vpc:Vpc::web-vpc", changed.Key);
        var change = Assert.Single(changes);
        Assert.Equal(("cidrBlock", "10.0.0.0/16", "10.1.0.0/16"), (change.Path, change.Before, change.After));
        Assert.Contains("1 to add, 1 to change, 1 to delete.", diff.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_program_reports_its_own_message()
    {
        var text = await PulumiTest.FailureAsync(() => throw new RunException("stack 'x' has 1 problem"));
        Assert.Equal("stack 'x' has 1 problem", text);
    }
}
