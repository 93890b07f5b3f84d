using System.Collections.Immutable;
using Infra.Plan;
using Infra.Tests.Harness;
using Infra.Tests.Sdk;
using Infra.Tests.Stacks;
using Xunit;

namespace Infra.Tests.Guardrails;

/// <summary>
/// Policies every stack must keep, checked over the planned resources of each stack file (in place of
/// a policy pack, and without cloud credentials).
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class GuardrailTests
{
    public static TheoryData<string> Stacks => new(StackPlans.Names);

    private static IEnumerable<PlannedResource> OfType(StackPlan plan, string type) => plan.Resources.Where(r => r.Type == type);

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task The_open_internet_reaches_only_public_listener_ports(string stack)
    {
        var plan = await StackPlans.Of(stack);
        var listenerPorts = OfType(plan, "aws:lb/listener:Listener").Select(l => l.Number("port")).ToHashSet();

        var openRules = OfType(plan, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")
            .Where(r => Equals(r.Inputs.GetValueOrDefault("cidrIpv4"), "0.0.0.0/0")).ToList();
        Assert.All(openRules, r => Assert.Contains(r.Number("fromPort"), listenerPorts));
        Assert.All(openRules, r => Assert.Equal(r.Number("fromPort"), r.Number("toPort")));

        var inlineOpen = OfType(plan, "aws:ec2/securityGroup:SecurityGroup")
            .SelectMany(g => g.List("ingress").OfType<IReadOnlyDictionary<string, object?>>())
            .Where(i => i.TryGetValue("cidrBlocks", out var c) && c is ImmutableArray<object?> cidrs && cidrs.Contains("0.0.0.0/0"));
        Assert.Empty(inlineOpen);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task No_security_group_allows_all_protocols_out(string stack)
    {
        var plan = await StackPlans.Of(stack);

        Assert.DoesNotContain(OfType(plan, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule"), r => Equals(r.Inputs.GetValueOrDefault("ipProtocol"), "-1"));
        Assert.DoesNotContain(OfType(plan, "aws:ec2/securityGroup:SecurityGroup").SelectMany(g => g.List("egress").OfType<IReadOnlyDictionary<string, object?>>()),
            e => Equals(e.GetValueOrDefault("protocol"), "-1"));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Https_listeners_use_a_tls13_policy_and_http_only_redirects(string stack)
    {
        var plan = await StackPlans.Of(stack);
        var listeners = OfType(plan, "aws:lb/listener:Listener").ToList();

        Assert.All(listeners.Where(l => Equals(l.Inputs["protocol"], "HTTPS")),
            l => Assert.StartsWith("ELBSecurityPolicy-TLS13-", (string)l.Inputs["sslPolicy"]!, StringComparison.Ordinal));
        Assert.All(listeners.Where(l => Equals(l.Inputs["protocol"], "HTTP")),
            l => Assert.Equal("redirect", l.Input("defaultActions[0].type")));
        Assert.Contains(listeners, l => Equals(l.Inputs["protocol"], "HTTPS"));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_target_group_checks_health(string stack)
    {
        var plan = await StackPlans.Of(stack);

        Assert.All(OfType(plan, "aws:lb/targetGroup:TargetGroup"), tg =>
        {
            Assert.Equal(true, tg.Input("healthCheck.enabled"));
            Assert.StartsWith("/", (string)tg.Input("healthCheck.path")!, StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Instances_require_imdsv2_and_encrypt_their_disks(string stack)
    {
        var plan = await StackPlans.Of(stack);

        Assert.All(OfType(plan, "aws:ec2/launchTemplate:LaunchTemplate"), lt =>
        {
            Assert.Equal("required", lt.Input("metadataOptions.httpTokens"));
            Assert.All(lt.List("blockDeviceMappings").OfType<IReadOnlyDictionary<string, object?>>(),
                m => Assert.Contains(((IReadOnlyDictionary<string, object?>)m["ebs"]!)["encrypted"], new object[] { true, "true" }));
        });
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task No_group_pins_its_desired_capacity_unless_deploys_ignore_it(string stack)
    {
        var plan = await StackPlans.Of(stack);

        Assert.All(OfType(plan, "aws:autoscaling/group:Group"),
            g => Assert.True(!g.Inputs.ContainsKey("desiredCapacity") || g.IgnoreChanges.Contains("desiredCapacity"), g.Key));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Scheduled_actions_leave_desired_capacity_to_the_policies_and_stay_within_their_group(string stack)
    {
        var plan = await StackPlans.Of(stack);
        var groups = OfType(plan, "aws:autoscaling/group:Group").ToDictionary(g => g.Parent!);

        Assert.All(OfType(plan, "aws:autoscaling/schedule:Schedule"), action =>
        {
            var group = groups[action.Parent!];
            // -1 leaves the desired capacity alone; an unset one would be sent as 0.
            Assert.Equal(-1, action.Number("desiredCapacity"));
            Assert.InRange(action.Number("minSize")!.Value, group.Number("minSize")!.Value, group.Number("maxSize")!.Value);
            Assert.Equal(group.Number("maxSize"), action.Number("maxSize"));
        });
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_aws_resource_goes_through_an_explicit_regional_provider(string stack)
    {
        var plan = await StackPlans.Of(stack);

        Assert.All(plan.Resources.Where(r => r.Custom && r.Package == "aws"),
            r => Assert.Contains("pulumi:providers:aws::aws-", r.Provider, StringComparison.Ordinal));
    }
}
