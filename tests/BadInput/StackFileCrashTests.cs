using Infra.Tests.Sdk;
using Xunit;
using static Infra.Tests.BadInput.MutatedStacks;

namespace Infra.Tests.BadInput;

/// <summary>Each stack-file input that once crashed the plan (issue 12, "Crashes seen") is now a keyed
/// problem, or a one-line error naming the file and line.</summary>
[Collection(EngineCollection.Name)]
public sealed class StackFileCrashTests
{
    [Fact]
    public async Task A_null_in_the_regions_list_is_a_keyed_problem()
    {
        var outcome = await PlanAsync("dev", Edit("dev", "  infra:sites:\n", "  infra:sites:\n    - null\n"));
        Assert.Contains("describe the site as a mapping", outcome.Problem("infra:sites[0]").Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_null_in_allowed_cidrs_is_a_keyed_problem()
    {
        var outcome = await PlanAsync("dev", Edit("dev", "allowedCidrs: [0.0.0.0/0]", "allowedCidrs: [0.0.0.0/0, null]"));
        Assert.Contains("empty list entry", outcome.Problem("infra:service.loadBalancer.allowedCidrs[1]").Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_null_cidr_block_is_a_keyed_problem()
    {
        var outcome = await PlanAsync("dev", Edit("dev", "cidrBlock: 10.10.0.0/16", "cidrBlock: null"));
        Assert.Equal(["infra:sites[0].network.cidrBlock"], outcome.Keys);
        Assert.Null(outcome.Problem("infra:sites[0].network.cidrBlock").Value);
    }

    [Fact]
    public async Task Null_availability_zones_are_a_keyed_problem()
    {
        var outcome = await PlanAsync("dev", Edit("dev", "[us-east-1a, us-east-1b]", "null"));
        Assert.Contains("give it one, or remove the key", outcome.Problem("infra:sites[0].network.availabilityZones").Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".nan", "not a finite number")]
    [InlineData(".inf", "not a finite number")]
    [InlineData("-.inf", "not a finite number")]
    [InlineData("1e400", "too large")]
    public async Task Numbers_json_cannot_hold_are_keyed_problems(string number, string fix)
    {
        var outcome = await PlanAsync("dev", Edit("dev", "targetValue: 60", $"targetValue: {number}"));
        var problem = outcome.Problem("infra:service.scaling.targetTracking.cpu.targetValue");
        Assert.Equal(number, problem.Value);
        Assert.Contains(fix, problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recursive_alias_is_a_keyed_problem()
    {
        var outcome = await PlanAsync("dev", Edit("dev", "  infra:environment: dev\n", "  infra:environment: dev\n  infra:loop: &l [*l]\n"));
        Assert.Contains("refers to a value that contains it", outcome.Problem("infra:loop[0]").Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aliases_that_expand_into_billions_of_values_are_refused()
    {
        var laughs = "  infra:a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n" + string.Concat(Enumerable.Range(1, 8)
            .Select(i => $"  infra:a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n"));
        var outcome = await PlanAsync("dev", Edit("dev", "  infra:environment: dev\n", "  infra:environment: dev\n" + laughs));
        Assert.Contains(outcome.Refusal!.Problems, p => p.Fix.Contains("too many values", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_complex_key_is_a_keyed_problem()
    {
        var outcome = await PlanAsync("dev", Edit("dev", "      pools:\n", "      pools:\n        ? [a, b]\n        : c\n"));
        Assert.Contains("keys are plain text", outcome.Problem("infra:service.loadBalancer.pools").Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complex_top_level_key_is_a_one_line_error_with_its_line()
    {
        var outcome = await PlanAsync("dev", Edit("dev", "  infra:environment: dev\n", "  infra:environment: dev\n  ? [a, b]\n  : c\n"));
        Assert.Matches(@"^Pulumi\.dev\.yaml:\d+: a config key must be plain text", outcome.FileError!.Message);
    }

    [Theory]
    [InlineData(1001)]
    [InlineData(100_000)]
    public async Task Nesting_deeper_than_any_setting_is_refused_with_its_line(int depth)
    {
        var deep = "  infra:deep: " + new string('[', depth) + new string(']', depth) + "\n";
        var outcome = await PlanAsync("dev", Edit("dev", "  infra:environment: dev\n", "  infra:environment: dev\n" + deep));
        Assert.Matches(@"^Pulumi\.dev\.yaml:\d+: lists and mappings nest more than 64 levels", outcome.FileError!.Message);
        Assert.DoesNotContain('\n', outcome.FileError.Message);
    }

    [Fact]
    public async Task A_second_yaml_document_is_refused_not_ignored()
    {
        var outcome = await PlanAsync("dev", Text("dev") + "---\nconfig:\n  infra:protect: true\n");
        Assert.Matches(@"^Pulumi\.dev\.yaml:\d+: a second YAML document", outcome.FileError!.Message);
    }

    [Fact]
    public async Task A_number_that_underflows_to_zero_is_refused()
    {
        var outcome = await PlanAsync("dev", Edit("dev", "minSize: 1", "minSize: 5e-1000"));
        Assert.Contains("would read as 0", outcome.Problem("infra:service.scaling.minSize").Fix, StringComparison.Ordinal);
    }
}
