using Infra.Plan;
using Infra.Tests.Sdk;
using Pulumi;
using Xunit;

namespace Infra.Tests.Stacks;

/// <summary>Bad stack files fail at plan time, before anything is created, with every problem at once,
/// each naming the key as written in the stack file, the value and the fix.</summary>
[Collection(EngineCollection.Name)]
public sealed class StackSettingsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("infra-stack-").FullName;

    public StackSettingsTests()
    {
        File.WriteAllText(Path.Combine(_root, "Pulumi.yaml"), "name: infra\nruntime: dotnet\nstackConfigDir: stacks\n");
        Directory.CreateDirectory(Path.Combine(_root, "stacks"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private const string ValidService = """
          infra:service:
            name: web
            imageId: ami-0123456789abcdef0
            loadBalancer:
              public: true
              allowedCidrs: [0.0.0.0/0]
              listeners:
                https: {protocol: https, port: 443, certificateId: "arn:aws:acm:us-east-1:1:certificate/x"}
              pools:
                web: {port: 8080}
            scaling:
              minSize: 2
              maxSize: 4
              targetTracking:
                cpu: {metric: cpu, targetValue: 50}
        """;

    private const string ValidRegions = """
          infra:regions:
            - region: us-east-1
              network: {availabilityZones: [us-east-1a, us-east-1b]}
        """;

    private async Task<string> FailureOf(string config)
    {
        File.WriteAllText(Path.Combine(_root, "stacks", "Pulumi.t.yaml"), "config:\n" + config + "\n");
        var layout = ProjectLayout.Find(_root);
        var e = await Assert.ThrowsAsync<Infra.Components.Common.InvalidSpecException>(() => StackPlanner.PlanAsync(layout, "t"));
        return e.Message;
    }

    private async Task<StackPlan> PlanOf(string config)
    {
        File.WriteAllText(Path.Combine(_root, "stacks", "Pulumi.t.yaml"), "config:\n" + config + "\n");
        return await StackPlanner.PlanAsync(ProjectLayout.Find(_root), "t");
    }

    [Fact]
    public async Task A_valid_minimal_stack_plans()
    {
        var plan = await PlanOf("  infra:environment: dev\n" + ValidRegions + "\n" + ValidService);
        Assert.Single(plan.Resources, r => r.Type == "aws:lb/loadBalancer:LoadBalancer");
    }

    [Fact]
    public async Task Missing_keys_are_all_reported_at_once()
    {
        var message = await FailureOf("  aws:region: us-east-1\n");

        Assert.StartsWith("Stack 't' has 3 problems:", message, StringComparison.Ordinal);
        Assert.Contains("infra:environment = (not set): set it to one of dev, staging, prod", message, StringComparison.Ordinal);
        Assert.Contains("infra:regions = (not set): list the AWS regions", message, StringComparison.Ordinal);
        Assert.Contains("infra:service = (not set): describe the service", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_environment_names_the_allowed_ones()
    {
        var message = await FailureOf("  infra:environment: qa\n" + ValidRegions + "\n" + ValidService);
        Assert.Contains("infra:environment = \"qa\": use one of dev, staging, prod", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_key_is_refused_not_ignored()
    {
        var message = await FailureOf("  infra:environment: dev\n" + ValidRegions + "\n" + ValidService.Replace("imageId:", "imageID:", StringComparison.Ordinal));
        Assert.Contains("infra:service.imageID = \"(unknown key)\": not a setting here; check the spelling. Settings here: alarmTopicArn, alerts, imageId,", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_names_its_path()
    {
        var message = await FailureOf("  infra:environment: dev\n" + ValidRegions + "\n" + ValidService.Replace("{port: 8080}", "{port: eighty}", StringComparison.Ordinal));
        Assert.Contains("infra:service.loadBalancer.pools.web.port = \"eighty\": use a whole number", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spec_and_aws_problems_are_keyed_as_in_the_stack_file()
    {
        var service = ValidService
            .Replace("{port: 8080}", "{port: 8080, healthCheck: {intervalSeconds: 10, timeoutSeconds: 10}}", StringComparison.Ordinal)
            .Replace("maxSize: 4", "maxSize: 1", StringComparison.Ordinal);
        var regions = ValidRegions.Replace("[us-east-1a, us-east-1b]", "[us-east-1a]", StringComparison.Ordinal);

        var message = await FailureOf("  infra:environment: prod\n" + regions + "\n" + service);

        Assert.Contains("infra:service.loadBalancer.pools.web.healthCheck.timeoutSeconds = 10: must be shorter than", message, StringComparison.Ordinal);
        Assert.Contains("infra:service.scaling.maxSize = 1: must be at least minSize (2)", message, StringComparison.Ordinal);
        Assert.Contains("infra:regions[0].network.availabilityZones", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_algorithm_the_backend_cannot_run_is_refused_with_the_alternative()
    {
        var service = ValidService.Replace("public: true", "public: true\n      algorithm: least-connections\n      layer: network", StringComparison.Ordinal)
            .Replace("{protocol: https, port: 443,", "{protocol: tls, port: 443,", StringComparison.Ordinal)
            .Replace("{port: 8080}", "{port: 8080, protocol: tcp}", StringComparison.Ordinal);

        var message = await FailureOf("  infra:environment: dev\n" + ValidRegions + "\n" + service);

        Assert.Contains("infra:service.loadBalancer.algorithm = \"least-connections\":", message, StringComparison.Ordinal);
        Assert.Contains("flow-hash", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secure_values_in_a_stack_file_read_as_a_placeholder_and_are_never_printed()
    {
        var plan = await PlanOf("  infra:environment: dev\n" + ValidRegions + "\n" +
                                ValidService.Replace("imageId: ami-0123456789abcdef0", "imageId: ami-0123456789abcdef0\n    userData:\n      secure: AAABADECRYPTME", StringComparison.Ordinal));
        var template = Assert.Single(plan.Resources, r => r.Type == "aws:ec2/launchTemplate:LaunchTemplate");
        var userData = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String((string)template.Inputs["userData"]!));
        Assert.Equal("[secret]", userData);
        Assert.DoesNotContain("AAABADECRYPTME", Infra.Plan.PlanJson.Write(plan), StringComparison.Ordinal);
    }
}
