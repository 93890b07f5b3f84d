using Infra.Plan;
using Infra.Tests.Harness;
using Infra.Tests.Sdk;
using Xunit;

namespace Infra.Tests.Plan;

/// <summary>The README's main job: planning the dev stack from its stack file.</summary>
[Collection(EngineCollection.Name)]
public sealed class PlanCommandTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await PlanCommand.RunAsync(args, stdout, stderr, RepoPaths.Layout);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Plan_of_dev_prints_the_tree_and_counts()
    {
        var (code, output, error) = await RunAsync("--stack", "dev");

        Assert.True(code == 0, error);
        Assert.StartsWith("Plan for stack 'dev' of project 'infra':", output, StringComparison.Ordinal);
        Assert.Contains("pulumi:providers:aws  aws-us-east-1", output, StringComparison.Ordinal);
        Assert.Contains("Resources: 32 to create (aws 32), 4 components, 1 provider.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_json_and_out_file_hold_the_same_plan()
    {
        var file = Path.GetTempFileName();
        try
        {
            var (code, output, _) = await RunAsync("--stack", "dev", "--json", "--out", file);
            Assert.Equal(0, code);
            var printed = PlanJson.Read(output);
            var saved = PlanJson.Read(await File.ReadAllTextAsync(file));
            Assert.True(PlanDiff.Between(printed, saved).IsEmpty);
            Assert.Equal("dev", saved.Stack);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Plan_against_an_identical_saved_plan_shows_no_change()
    {
        var file = Path.GetTempFileName();
        try
        {
            await RunAsync("--stack", "dev", "--out", file);
            var (code, output, _) = await RunAsync("--stack", "dev", "--against", file);
            Assert.Equal(0, code);
            Assert.Equal("0 to add, 0 to change, 0 to delete." + Environment.NewLine, output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Unknown_stack_names_the_stacks_that_exist()
    {
        var (code, _, error) = await RunAsync("--stack", "nosuch");
        Assert.Equal(1, code);
        Assert.Contains("Pulumi.nosuch.yaml", error, StringComparison.Ordinal);
        Assert.Contains("Stacks: azure-dev, dev, k8s-staging, prod, staging", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_stack_option_prints_usage()
    {
        var (code, _, error) = await RunAsync();
        Assert.Equal(2, code);
        Assert.Contains("--stack is required", error, StringComparison.Ordinal);
    }
}
