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
        // Gateway API routes on an http listener only redirect.
        var routes = OfType(plan, "kubernetes:gateway.networking.k8s.io/v1:HTTPRoute").ToList();
        bool OnSection(PlannedResource route, string section) => Blocks(route, "spec.parentRefs").Any(p => Equals(p.GetValueOrDefault("sectionName"), section));
        Assert.All(routes.Where(r => OnSection(r, "http")), r =>
            Assert.All(Blocks(r, "spec.rules"), rule => Assert.False(rule.ContainsKey("backendRefs"), r.Key)));

        // Every stack serves HTTPS on some cloud.
        Assert.True(listeners.Any(l => Equals(l.Inputs["protocol"], "HTTPS"))
                    || OfType(plan, AppGateway).Any(g => g.List("httpListeners").OfType<IReadOnlyDictionary<string, object?>>().Any(l => Equals(l["protocol"], "Https")))
                    || routes.Any(r => OnSection(r, "https")));
    }

    // ---- Kubernetes ------------------------------------------------------------------------------

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_container_is_probed_limited_and_unprivileged(string stack)
    {
        var plan = await StackPlans.Of(stack);

        var containers = OfType(plan, "kubernetes:apps/v1:Deployment").SelectMany(d => Blocks(d, "spec.template.spec.containers")).ToList();
        Assert.All(containers, c =>
        {
            Assert.True(c.ContainsKey("readinessProbe") && c.ContainsKey("livenessProbe"));
            var limits = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(c["resources"])["limits"]);
            Assert.True(limits.ContainsKey("cpu") && limits.ContainsKey("memory"));
            var security = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(c["securityContext"]);
            Assert.Equal((false, false, true), (security["privileged"], security["allowPrivilegeEscalation"], security["runAsNonRoot"]));
        });
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_kubernetes_workload_has_a_disruption_budget_and_a_network_policy(string stack)
    {
        var plan = await StackPlans.Of(stack);

        var deployments = OfType(plan, "kubernetes:apps/v1:Deployment").ToList();
        Assert.Equal(deployments.Count, OfType(plan, "kubernetes:policy/v1:PodDisruptionBudget").Count());
        Assert.Equal(deployments.Select(d => d.Parent).Distinct().Count(), OfType(plan, "kubernetes:networking.k8s.io/v1:NetworkPolicy").Count());
    }

    // ---- Azure -----------------------------------------------------------------------------------

    private const string AppGateway = "azure:network/applicationGateway:ApplicationGateway";
    private const string ScaleSet = "azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet";

    private static IEnumerable<IReadOnlyDictionary<string, object?>> Blocks(PlannedResource resource, string path)
        => resource.List(path).OfType<IReadOnlyDictionary<string, object?>>();

    private static readonly string[] Internet = ["*", "Internet", "0.0.0.0/0", "::/0"];

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task No_network_security_rule_opens_an_admin_port_or_every_port_to_the_internet(string stack)
    {
        var plan = await StackPlans.Of(stack);

        var open = OfType(plan, "azure:network/networkSecurityRule:NetworkSecurityRule")
            .Where(r => Equals(r.Inputs["direction"], "Inbound") && Equals(r.Inputs["access"], "Allow") && Internet.Contains(r.Inputs["sourceAddressPrefix"]))
            .ToList();
        Assert.All(open, r => Assert.DoesNotContain(r.Inputs["destinationPortRange"], new object[] { "*", "22", "3389" }));
        // The only ports the internet reaches are the listeners' (80 and 443 here).
        var listenerPorts = OfType(plan, AppGateway).SelectMany(g => Blocks(g, "frontendPorts")).Select(p => Convert.ToInt32(p["port"], System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.All(open, r => Assert.Contains((string)r.Inputs["destinationPortRange"]!, listenerPorts));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Application_gateways_use_a_tls12_policy_and_http_listeners_only_redirect(string stack)
    {
        var plan = await StackPlans.Of(stack);

        Assert.All(OfType(plan, AppGateway), gateway =>
        {
            Assert.Equal("AppGwSslPolicy20220101S", gateway.Input("sslPolicy.policyName"));
            var http = Blocks(gateway, "httpListeners").Where(l => Equals(l["protocol"], "Http")).Select(l => l["name"]).ToHashSet();
            var rules = Blocks(gateway, "requestRoutingRules").Where(r => http.Contains(r["httpListenerName"])).ToList();
            Assert.Equal(http.Count, rules.Count);
            Assert.All(rules, r => Assert.True(r.ContainsKey("redirectConfigurationName") && !r.ContainsKey("backendAddressPoolName")));
        });
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_application_gateway_pool_is_probed(string stack)
    {
        var plan = await StackPlans.Of(stack);

        Assert.All(OfType(plan, AppGateway), gateway =>
        {
            var probes = Blocks(gateway, "probes").Select(p => p["name"]).ToHashSet();
            Assert.All(Blocks(gateway, "backendHttpSettings"), s => Assert.Contains(s["probeName"], probes));
        });
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Azure_gateways_and_scale_sets_span_at_least_two_zones(string stack)
    {
        var plan = await StackPlans.Of(stack);

        Assert.All(OfType(plan, AppGateway).Concat(OfType(plan, ScaleSet)), r => Assert.True(r.List("zones").Count() >= 2, r.Key));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Scale_sets_take_no_password_login_encrypt_at_host_and_repair_themselves(string stack)
    {
        var plan = await StackPlans.Of(stack);

        Assert.All(OfType(plan, ScaleSet), set =>
        {
            Assert.Equal(true, set.Inputs["disablePasswordAuthentication"]);
            Assert.Equal(true, set.Inputs["encryptionAtHostEnabled"]);
            Assert.False(set.Inputs.ContainsKey("adminPassword"));
            Assert.Equal(true, set.Input("automaticInstanceRepair.enabled"));
            Assert.Equal("Rolling", set.Inputs["upgradeMode"]);
        });
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
