using Infra.Tests.Sdk;
using Xunit;
using static Infra.Tests.BadInput.MutatedStacks;

namespace Infra.Tests.BadInput;

/// <summary>Each value once accepted although wrong (issue 12, "Accepted although wrong" and "Files the
/// program reads") is refused with its key as written in the stack file, the value and the fix.</summary>
[Collection(EngineCollection.Name)]
public sealed class AcceptedAlthoughWrongTests
{
    private static async Task<MutatedStacks.Outcome> RefusedAsync(string stack, string find, string replace)
    {
        var outcome = await PlanAsync(stack, Edit(stack, find, replace));
        Assert.True(outcome.Refusal is not null, $"accepted: {outcome}");
        return outcome;
    }

    [Theory]
    [InlineData("infra:protekt")]
    [InlineData("infra:servce")]
    public async Task Unknown_top_level_keys_are_refused_listing_the_known_ones(string key)
    {
        var outcome = await RefusedAsync("prod", "  infra:protect: true\n", $"  infra:protect: true\n  {key}: true\n");
        Assert.Equal([key], outcome.Keys);
        Assert.Contains("infra:environment, infra:sites, infra:regions, infra:service, infra:failover, infra:protect", outcome.Problem(key).Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_boolean_written_yes_does_not_hide_the_other_problems()
    {
        var yaml = Edit("dev", "public: true", "public: yes").Replace("minSize: 1", "minSize: 5", StringComparison.Ordinal)
            .Replace("  infra:environment: dev\n", "  infra:environment: dev\n  infra:protect: on\n", StringComparison.Ordinal);
        var outcome = await PlanAsync("dev", yaml);
        Assert.Equal("use true or false", outcome.Problem("infra:service.loadBalancer.public").Fix);
        Assert.Equal("write true or false", outcome.Problem("infra:protect").Fix);
        Assert.Contains("must be at least minSize", outcome.Problem("infra:service.scaling.maxSize").Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_image_id_is_refused()
    {
        var text = Text("prod");
        var line = "      imageId: resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64\n";
        var outcome = await PlanAsync("prod", text[..text.IndexOf(line, StringComparison.Ordinal)] + text[(text.IndexOf(line, StringComparison.Ordinal) + line.Length)..]);
        Assert.Null(outcome.Problem("infra:sites[0].imageId").Value);
    }

    [Fact]
    public async Task An_empty_image_id_is_refused()
    {
        var outcome = await RefusedAsync("dev", "imageId: resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64", "imageId: \"\"");
        Assert.Equal("", outcome.Problem("infra:service.imageId").Value);
    }

    [Fact]
    public async Task A_max_size_of_a_billion_is_refused()
    {
        var outcome = await RefusedAsync("dev", "maxSize: 3", "maxSize: 1e9");
        Assert.Contains("at most 1000 instances per site", outcome.Problem("infra:service.scaling.maxSize").Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Three_hundred_listeners_are_refused_citing_the_quota()
    {
        var many = string.Concat(Enumerable.Range(0, 300).Select(i => $"        l{i}: {{protocol: http, port: {10000 + i}, redirectToHttps: true}}\n"));
        var outcome = await RefusedAsync("dev", "      listeners:\n", "      listeners:\n" + many);
        Assert.Contains("at most 50 listeners", outcome.Problem("infra:service.loadBalancer.listeners").Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prod_with_fewer_than_two_instances_is_refused()
    {
        var outcome = await RefusedAsync("prod", "minSize: 3", "minSize: 0");
        Assert.Contains("prod keeps at least 2 instances", outcome.Problem("infra:service.scaling.minSize").Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prod", "infra:environment: prod", "infra:environment: dev", "prod")]
    [InlineData("azure-dev", "infra:environment: dev", "infra:environment: prod", "dev")]
    public async Task The_environment_must_be_the_stack_names(string stack, string find, string replace, string named)
    {
        var outcome = await RefusedAsync(stack, find, replace);
        Assert.Contains($"set infra:environment to {named}", outcome.Problem("infra:environment").Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("region: us-east-1\n      network", "region: mars-1\n      network", "infra:sites[0].region", "not an AWS region")]
    [InlineData("region: us-east-1\n      network", "region: us-east-1a\n      network", "infra:sites[0].region", "this is an Availability Zone of us-east-1")]
    [InlineData("[us-east-1a, us-east-1b]", "[us-east-1a, us-west-2b]", "infra:sites[0].network.availabilityZones[1]", "this zone is in us-west-2")]
    [InlineData("[us-east-1a, us-east-1b]", "[us-east-1a, us-east-1z]", "infra:sites[0].network.availabilityZones[1]", "us-east-1 has no zone us-east-1z")]
    public async Task Regions_and_zones_that_do_not_exist_here_are_refused(string find, string replace, string key, string fix)
    {
        var outcome = await RefusedAsync("dev", find, replace);
        Assert.Contains(fix, outcome.Problem(key).Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cidrBlock: 10.10.0.0/16", "cidrBlock: 10.10.0.1/16", "infra:sites[0].network.cidrBlock", "10.10.0.0/16")]
    [InlineData("cidrBlock: 10.10.0.0/16", "cidrBlock: 010.10.0.0/16", "infra:sites[0].network.cidrBlock", "write the range as 8.10.0.0/16")]
    [InlineData("allowedCidrs: [0.0.0.0/0]", "allowedCidrs: [203.0.113.7/24]", "infra:service.loadBalancer.allowedCidrs[0]", "write the range as 203.0.113.0/24")]
    [InlineData("allowedCidrs: [0.0.0.0/0]", "allowedCidrs: [\"2001:DB8:0:0::/32\"]", "infra:service.loadBalancer.allowedCidrs[0]", "write the range as 2001:db8::/32")]
    public async Task Cidrs_in_non_canonical_form_are_refused(string find, string replace, string key, string fix)
    {
        var outcome = await RefusedAsync("dev", find, replace);
        Assert.Contains(outcome.Refusal!.Problems, p => p.Key == key && p.Fix.Contains(fix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_azure_cidr_in_non_canonical_form_is_refused()
    {
        var outcome = await RefusedAsync("azure-dev", "addressSpace: 10.40.0.0/16", "addressSpace: 10.40.1.0/16");
        Assert.Contains(outcome.Refusal!.Problems, p => p.Key == "infra:sites[0].network.addressSpace" && p.Fix.Contains("10.40.0.0/16", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("name: web\n    imageId", "name: \"we\\u0007b\"\n    imageId", "infra:service.name", "control character U+0007")]
    [InlineData("name: web\n    imageId", "name: \"web\\tweb\"\n    imageId", "infra:service.name", "control character U+0009")]
    public async Task Control_characters_in_names_are_refused(string find, string replace, string key, string fix)
    {
        var outcome = await RefusedAsync("dev", find, replace);
        Assert.Contains(fix, outcome.Problem(key).Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ten_thousand_character_name_is_refused_without_echoing_it()
    {
        var outcome = await RefusedAsync("dev", "name: web\n    imageId", $"name: {new string('w', 10_000)}\n    imageId");
        var problem = outcome.Problem("infra:service.name");
        Assert.Contains("at most 2048 characters", problem.Fix, StringComparison.Ordinal);
        Assert.True(outcome.Refusal!.Message.Length < 1000, outcome.Refusal.Message);
    }

    [Theory]
    [InlineData(22)]
    [InlineData(3389)]
    [InlineData(5432)]
    public async Task A_listener_on_an_admin_port_open_to_the_internet_is_refused(int port)
    {
        var outcome = await RefusedAsync("dev", "http: {protocol: http, port: 80}", $"http: {{protocol: http, port: {port}}}");
        Assert.Contains("open to the whole internet", outcome.Problem("infra:service.loadBalancer.listeners.http.port").Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name: web_x\n    loadBalancer")]
    [InlineData("name: Web\n    loadBalancer")]
    public async Task Azure_names_are_refused_at_the_key_the_user_wrote_not_at_component_arguments(string name)
    {
        var outcome = await RefusedAsync("azure-dev", "name: web\n    loadBalancer", name);
        Assert.Equal(["infra:service.name"], outcome.Keys);
        Assert.DoesNotContain("dashboardName", outcome.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("domainNameLabel", outcome.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../../../../etc/passwd")]
    [InlineData("../shared/data/traces/../../../../etc/passwd")]
    public async Task A_history_outside_the_project_is_refused_unread(string path)
    {
        var outcome = await RefusedAsync("prod", "history: ../shared/data/traces/nasa_http_1995.csv", $"history: {path}");
        var problem = outcome.Problem("infra:service.forecast.history");
        Assert.StartsWith("a stack may read history only inside the project", problem.Fix, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", outcome.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_of_the_project_that_is_no_trace_is_not_echoed()
    {
        var outcome = await RefusedAsync("prod", "history: ../shared/data/traces/nasa_http_1995.csv", "history: README.md");
        var problem = outcome.Problem("infra:service.forecast.history");
        Assert.Matches("^line \\d+ is not a timestamp,value row", problem.Fix);
        Assert.DoesNotContain("Infra", problem.Fix, StringComparison.Ordinal);
    }
}
