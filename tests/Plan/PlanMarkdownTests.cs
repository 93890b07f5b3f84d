using System.Collections.Immutable;
using Infra.Plan;
using Xunit;

namespace Infra.Tests.Plan;

/// <summary><c>plan --against FILE --format markdown</c>: the pull-request comment of one stack.</summary>
public sealed class PlanMarkdownTests
{
    private const string Balancer = "infra:loadbalancing:AwsLoadBalancer::web";

    private static PlannedResource Resource(string type, string name, string? parent, params (string Key, object? Value)[] inputs)
        => new(type, name, parent, inputs.ToImmutableSortedDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal), "", !type.StartsWith("infra:", StringComparison.Ordinal));

    private static StackPlan Plan(params PlannedResource[] resources)
        => new("infra", "prod", [.. resources], ImmutableSortedDictionary<string, object?>.Empty);

    private static string Markdown()
    {
        var before = Plan(
            Resource("infra:loadbalancing:AwsLoadBalancer", "web", null),
            Resource("aws:lb/loadBalancer:LoadBalancer", "web-alb", Balancer, ("idleTimeout", 60.0)),
            Resource("aws:lb/targetGroup:TargetGroup", "web-tg-api", Balancer, ("port", 8080.0)),
            Resource("aws:route53/record:Record", "web-dns", null, ("ttl", 60.0)) with { Protect = true },
            Resource("azure:network/publicIp:PublicIp", "web-eastus-ip", null) with { Protect = true });
        var after = Plan(
            Resource("infra:loadbalancing:AwsLoadBalancer", "web", null),
            Resource("aws:lb/loadBalancer:LoadBalancer", "web-alb", Balancer, ("idleTimeout", 120.0)),
            Resource("aws:lb/targetGroup:TargetGroup", "web-tg-api", "infra:loadbalancing:AwsLoadBalancer::web2", ("port", 8080.0)),
            Resource("aws:route53/record:Record", "web-dns", null, ("ttl", 30.0)) with { Protect = true },
            Resource("kubernetes:apps/v1:Deployment", "web_api", null));
        return PlanMarkdown.Render("prod", PlanDiff.Between(before, after));
    }

    [Fact]
    public void The_comment_starts_with_its_stack_marker_and_the_totals()
    {
        var lines = Markdown().Split('\n');
        Assert.Equal("<!-- infra-plan:prod -->", lines[0]);
        Assert.Contains("**1 to replace, 2 to update, 1 to add, 1 to remove.**", lines);
    }

    [Fact]
    public void Protected_resources_touched_come_before_everything_else()
    {
        var text = Markdown();
        var warning = text.IndexOf("> **2 protected resources touched**", StringComparison.Ordinal);
        Assert.True(warning > 0 && warning < text.IndexOf("| Cloud |", StringComparison.Ordinal));
        Assert.Contains("> - changed: `aws:route53/record:Record` **web-dns**", text, StringComparison.Ordinal);
        Assert.Contains("> - removed: `azure:network/publicIp:PublicIp` **web-eastus-ip**", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_counts_each_cloud_and_component()
    {
        var lines = Markdown().Split('\n');
        Assert.Contains("| AWS | 1 | 2 | 0 | 0 |", lines);
        Assert.Contains("| Azure | 0 | 0 | 0 | 1 |", lines);
        Assert.Contains("| Kubernetes | 0 | 0 | 1 | 0 |", lines);
        Assert.Contains("| `infra:loadbalancing:AwsLoadBalancer` web | 0 | 1 | 0 | 0 |", lines);
        Assert.Contains("| `infra:loadbalancing:AwsLoadBalancer` web2 | 1 | 0 | 0 | 0 |", lines);
        Assert.Contains("| (stack) | 0 | 1 | 1 | 1 |", lines);
    }

    [Fact]
    public void Each_section_lists_its_resources_with_the_changed_properties()
    {
        var text = Markdown();
        Assert.Contains("<details open><summary>Replaced (1)</summary>", text, StringComparison.Ordinal);
        Assert.Contains("  - `(parent)`: `\"infra:loadbalancing:AwsLoadBalancer::web\"` → `\"infra:loadbalancing:AwsLoadBalancer::web2\"`", text, StringComparison.Ordinal);
        Assert.Contains("<details><summary>Updated (2)</summary>", text, StringComparison.Ordinal);
        Assert.Contains("- `aws:route53/record:Record` **web-dns** (protected)", text, StringComparison.Ordinal);
        Assert.Contains("  - `idleTimeout`: `60` → `120`", text, StringComparison.Ordinal);
        Assert.Contains("- `kubernetes:apps/v1:Deployment` **web\\_api**", text, StringComparison.Ordinal);
        Assert.Contains("<details open><summary>Removed (1)</summary>", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("Replaced (1)", StringComparison.Ordinal) < text.IndexOf("Updated (2)", StringComparison.Ordinal));
        Assert.True(text.IndexOf("Added (1)", StringComparison.Ordinal) < text.IndexOf("Removed (1)", StringComparison.Ordinal));
    }

    [Fact]
    public void No_change_says_so()
    {
        var plan = Plan(Resource("aws:s3/bucket:Bucket", "logs", null));
        var text = PlanMarkdown.Render("dev", PlanDiff.Between(plan, plan));
        Assert.Equal("<!-- infra-plan:dev -->\n### Offline plan of `dev` against the base branch\n\nNo changes: the same resources with the same inputs.\n", text.ReplaceLineEndings("\n"));
    }
}
