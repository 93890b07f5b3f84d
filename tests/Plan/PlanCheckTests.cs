using Infra.Plan;
using Infra.Tests.Harness;
using Infra.Tests.Sdk;
using Xunit;

namespace Infra.Tests.Plan;

/// <summary><c>plan</c> reports the guardrails; <c>plan --check</c> fails on unwaived violations; waivers come from the stack file.</summary>
[Collection(EngineCollection.Name)]
public sealed class PlanCheckTests
{
    private static async Task<(int Code, string Out, string Err)> RunAsync(ProjectLayout layout, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await PlanCommand.RunAsync(args, stdout, stderr, layout);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A layout whose stacks folder holds <paramref name="name"/>: the staging stack file with <paramref name="edit"/> applied.</summary>
    private static ProjectLayout StagingVariant(string name, Func<string, string> edit)
    {
        var folder = Directory.CreateTempSubdirectory("plan-check-").FullName;
        var staging = File.ReadAllText(RepoPaths.Layout.StackFile("staging"));
        File.WriteAllText(Path.Combine(folder, $"Pulumi.{name}.yaml"), edit(staging));
        return RepoPaths.Layout with { StacksDirectory = folder };
    }

    private static string WithoutLogs(string yaml) => yaml.Replace("      accessLogs: true", "      accessLogs: false", StringComparison.Ordinal);

    [Fact]
    public async Task Plan_prints_the_guardrails_after_the_tree_and_check_passes_a_clean_stack()
    {
        var (code, output, error) = await RunAsync(RepoPaths.Layout, "--stack", "dev", "--check");

        Assert.True(code == 0, error);
        Assert.Contains("Guardrails: 19 rules, no violation.", output, StringComparison.Ordinal);
        Assert.True(output.IndexOf("Resources:", StringComparison.Ordinal) < output.IndexOf("Guardrails:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_exits_3_on_an_unwaived_violation_and_names_rule_resource_message_and_fix()
    {
        var layout = StagingVariant("staging", WithoutLogs);

        var (plain, output, _) = await RunAsync(layout, "--stack", "staging");
        var (code, _, _) = await RunAsync(layout, "--stack", "staging", "--check");
        var (jsonCode, _, jsonError) = await RunAsync(layout, "--stack", "staging", "--json", "--check");

        Assert.Equal(0, plain);
        Assert.Equal(PlanCommand.GuardrailViolationsExitCode, code);
        Assert.Equal(4, jsonCode);
        Assert.Contains("INFRA-LOG-001  aws:lb/loadBalancer:LoadBalancer::web-us-east-1-alb: writes no access logs in staging", output, StringComparison.Ordinal);
        Assert.Contains("fix: set accessLogs: true in infra:service.loadBalancer", output, StringComparison.Ordinal);
        Assert.Contains("INFRA-LOG-001", jsonError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_waiver_with_a_reason_passes_the_check_and_is_shown()
    {
        var layout = StagingVariant("staging", yaml => WithoutLogs(yaml).Replace("  infra:environment: staging\n",
            "  infra:environment: staging\n  infra:waivers:\n    INFRA-LOG-001: \"staging replays synthetic traffic only\"\n", StringComparison.Ordinal));

        var (code, output, error) = await RunAsync(layout, "--stack", "staging", "--check");

        Assert.True(code == 0, error + output);
        Assert.Contains("waived INFRA-LOG-001 (Access logs on every load balancer in staging and prod): \"staging replays synthetic traffic only\" (1 violation set aside)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_waiver_without_a_reason_or_of_an_unknown_rule_fails_the_plan_with_keyed_problems()
    {
        var layout = StagingVariant("staging", yaml => yaml.Replace("  infra:environment: staging\n",
            "  infra:environment: staging\n  infra:waivers:\n    INFRA-LOG-001: \"\"\n    INFRA-LGO-001: typo\n", StringComparison.Ordinal));

        var (code, _, error) = await RunAsync(layout, "--stack", "staging");

        Assert.Equal(1, code);
        Assert.Contains("infra:waivers.INFRA-LOG-001 = \"\": write why the rule does not apply", error, StringComparison.Ordinal);
        Assert.Contains("infra:waivers.INFRA-LGO-001 = \"typo\": not a guardrail rule", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staging_and_prod_plan_access_log_buckets_for_the_elb_accounts_of_their_regions()
    {
        var prod = await StackPlanner.PlanAsync(RepoPaths.Layout, "prod");

        var policies = prod.Resources.Where(r => r.Type == "aws:s3/bucketPolicy:BucketPolicy").ToDictionary(r => r.Name, r => (string)r.Inputs["policy"]!);
        Assert.Contains("arn:aws:iam::127311923021:root", policies["web-us-east-1-access-logs-policy"], StringComparison.Ordinal);
        Assert.Contains("arn:aws:iam::797873946194:root", policies["web-us-west-2-access-logs-policy"], StringComparison.Ordinal);
        var alb = prod.Find("aws:lb/loadBalancer:LoadBalancer", "web-us-east-1-alb")!;
        var logs = (IReadOnlyDictionary<string, object?>)alb.Inputs["accessLogs"]!;
        Assert.Equal(true, logs["enabled"]);
        Assert.StartsWith("web-prod-us-east-1-lb-logs-", (string)logs["bucket"]!, StringComparison.Ordinal);
        Assert.True(prod.Find("infra:monitoring:AwsAccessLogBucket", "web-us-east-1-access-logs")!.Protect);
        // The Azure site's gateway logs to a storage account of its own, so prod waives nothing.
        Assert.Empty(prod.Waivers);
        var setting = Assert.Single(prod.Resources, r => r.Type == "azure:monitoring/diagnosticSetting:DiagnosticSetting");
        Assert.Equal(Infra.Plan.RecordingMocks.IdOf("azure:network/applicationGateway:ApplicationGateway", "web-eastus-agw"), setting.Inputs["targetResourceId"]);
    }
}
