using System.Collections.Immutable;
using System.Text;
using Infra.Guardrails;
using Infra.Plan;
using Infra.Tests.Harness;
using Infra.Tests.Sdk;
using Infra.Tests.Stacks;
using Xunit;
using static Infra.Tests.Guardrails.PlanMutations;

namespace Infra.Tests.Guardrails;

/// <summary>
/// The guardrail rules (infra/Guardrails) over the plans of every stack file, and each rule on a plan that
/// breaks it and one that keeps it; plus policies that are properties of this program rather than rules.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class GuardrailTests
{
    public static TheoryData<string> Stacks => new(StackPlans.Names);

    private static IEnumerable<PlannedResource> OfType(StackPlan plan, string type) => plan.Resources.Where(r => r.Type == type);

    private const string AppGateway = "azure:network/applicationGateway:ApplicationGateway";
    private const string ScaleSet = "azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet";
    private const string SecurityRule = "azure:network/networkSecurityRule:NetworkSecurityRule";

    /// <summary>The waivers the stack files write, and nothing else, set violations aside.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> ExpectedWaivers = new Dictionary<string, string[]>
    {
        ["azure-dev"] = [],
        ["dev"] = [],
        ["k8s-staging"] = [],
        ["staging"] = [],
        ["prod"] = [],
    };

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_stack_keeps_every_guardrail_or_waives_it_with_a_reason(string stack)
    {
        var plan = await StackPlans.Of(stack);
        var report = GuardrailReport.Of(plan);

        Assert.True(report.Passes, report.Render());
        Assert.Equal(ExpectedWaivers[stack], report.Waivers.Keys);
        Assert.All(report.Waivers.Values, reason => Assert.False(string.IsNullOrWhiteSpace(reason)));
    }

    private static async Task<ImmutableArray<GuardrailViolation>> ViolationsOf(StackPlan plan, string ruleId)
    {
        await Task.CompletedTask;
        var rule = GuardrailRules.Find(ruleId) ?? throw new ArgumentException($"no rule {ruleId}");
        return [.. rule.Check(new GuardrailPlan(plan))];
    }

    /// <summary>A change that breaks one rule, on a stack whose plan keeps it.</summary>
    public sealed record Breach(string RuleId, string Stack, Func<StackPlan, StackPlan> Break, string Resource, string Message)
    {
        public override string ToString() => $"{RuleId} on {Stack}: {Message}";
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    public static TheoryData<Breach> Breaches => new(BreachList);

    private static readonly Breach[] BreachList =
    [
        new("INFRA-NET-001", "dev", p => p.Set("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "fromPort", 22.0, "https").Set("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "toPort", 22.0, "https"),
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule::web-us-east-1-ingress-https-0-0-0-0-0", "admits 0.0.0.0/0 on port 22"),
        new("INFRA-NET-001", "dev", p => p.Set("aws:ec2/securityGroup:SecurityGroup", "ingress[0].cidrBlocks", List("0.0.0.0/0"), "instances"),
            "aws:ec2/securityGroup:SecurityGroup::web-us-east-1-instances", "an inline ingress admits 0.0.0.0/0 on port 8080"),
        new("INFRA-NET-001", "azure-dev", p => p.Set(SecurityRule, "destinationPortRange", "3389", "listener-https"),
            "azure:network/networkSecurityRule:NetworkSecurityRule::web-westeurope-nsg-listener-https", "admits 0.0.0.0/0 on port 3389"),
        new("INFRA-NET-002", "dev", p => p.Set("aws:ec2/securityGroup:SecurityGroup", "ingress[0].cidrBlocks", List("10.0.0.0/8"), "instances"),
            "aws:ec2/securityGroup:SecurityGroup::web-us-east-1-instances", "instances admit 10.0.0.0/8 directly"),
        new("INFRA-NET-002", "azure-dev", p => p.Set(SecurityRule, "sourceAddressPrefix", "10.0.0.0/8", "pool-web"),
            "azure:network/networkSecurityRule:NetworkSecurityRule::web-westeurope-nsg-pool-web", "admits 10.0.0.0/8; only the Application Gateway's subnet"),
        new("INFRA-TLS-001", "dev", p => p.Set("aws:lb/listener:Listener", "sslPolicy", "ELBSecurityPolicy-2016-08", "https"),
            "aws:lb/listener:Listener::web-us-east-1-listener-https", "sslPolicy ELBSecurityPolicy-2016-08 accepts TLS below 1.2"),
        new("INFRA-TLS-001", "dev", p => p.Set("aws:lb/listener:Listener", "sslPolicy", null, "https"),
            "aws:lb/listener:Listener::web-us-east-1-listener-https", "sslPolicy is unset"),
        new("INFRA-TLS-001", "azure-dev", p => p.Set(AppGateway, "sslPolicy.policyName", "AppGwSslPolicy20170401"),
            "azure:network/applicationGateway:ApplicationGateway::web-westeurope-agw", "accepts TLS below 1.2"),
        new("INFRA-TLS-002", "dev", p => p.Set("aws:lb/listener:Listener", "defaultActions[0].type", "forward", "http"),
            "aws:lb/listener:Listener::web-us-east-1-listener-http", "serves plain HTTP"),
        new("INFRA-TLS-002", "azure-dev", p => p.Change(AppGateway, g => g.With("requestRoutingRules", List([.. GuardrailPlan.Blocks(g.Inputs, "requestRoutingRules")
                .Select(r => Equals(r["httpListenerName"], "listener-http")
                    ? (object)r.ToImmutableSortedDictionary().Remove("redirectConfigurationName").SetItem("backendAddressPoolName", "pool-web")
                    : r)]))),
            "azure:network/applicationGateway:ApplicationGateway::web-westeurope-agw", "on HTTP listener listener-http serves plain HTTP"),
        new("INFRA-LOG-001", "staging", p => p.Set("aws:lb/loadBalancer:LoadBalancer", "accessLogs", null),
            "aws:lb/loadBalancer:LoadBalancer::web-us-east-1-alb", "writes no access logs in staging"),
        new("INFRA-PROT-001", "prod", p => p.Set("aws:lb/loadBalancer:LoadBalancer", "enableDeletionProtection", false, "us-west-2"),
            "aws:lb/loadBalancer:LoadBalancer::web-us-west-2-alb", "has no deletion protection in prod"),
        new("INFRA-PROT-001", "prod", p => p.Change("aws:route53/record:Record", r => r with { Protect = false }, "us-east-1"),
            "aws:route53/record:Record::web-edge-record-us-east-1", "is not protected (Protect) in prod"),
        new("INFRA-HA-001", "dev", p => p.Change("aws:lb/loadBalancer:LoadBalancer", b => b.With("subnets", List(GuardrailPlan.Strings(b.Inputs, "subnets").First()))),
            "aws:lb/loadBalancer:LoadBalancer::web-us-east-1-alb", "spans 1 zone"),
        new("INFRA-HA-001", "azure-dev", p => p.Set(ScaleSet, "zones", List("1")),
            "azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet::web-westeurope-vmss", "spans 1 zone"),
        new("INFRA-HC-001", "dev", p => p.Set("aws:lb/targetGroup:TargetGroup", "healthCheck.enabled", false),
            "aws:lb/targetGroup:TargetGroup::web-us-east-1-tg-web", "has no health check"),
        new("INFRA-HC-001", "azure-dev", p => p.Set(AppGateway, "backendHttpSettings[0].probeName", "nosuch"),
            "azure:network/applicationGateway:ApplicationGateway::web-westeurope-agw", "use no probe"),
        new("INFRA-VM-001", "dev", p => p.Set("aws:ec2/launchTemplate:LaunchTemplate", "metadataOptions.httpTokens", "optional"),
            "aws:ec2/launchTemplate:LaunchTemplate::web-us-east-1-lt", "httpTokens is optional"),
        new("INFRA-VM-002", "dev", p => p.Set("aws:ec2/launchTemplate:LaunchTemplate", "blockDeviceMappings[0].ebs.encrypted", "false"),
            "aws:ec2/launchTemplate:LaunchTemplate::web-us-east-1-lt", "volume /dev/xvda is not encrypted"),
        new("INFRA-VM-002", "azure-dev", p => p.Set(ScaleSet, "encryptionAtHostEnabled", false),
            "azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet::web-westeurope-vmss", "encryptionAtHostEnabled is off"),
        new("INFRA-VM-003", "azure-dev", p => p.Set(ScaleSet, "disablePasswordAuthentication", false),
            "azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet::web-westeurope-vmss", "allows password login"),
        new("INFRA-SEC-001", "dev", p => p.Set("aws:ec2/launchTemplate:LaunchTemplate", "userData", Base64("#!/bin/sh\nexport DB_PASSWORD=hunter2hunter2\n")),
            "aws:ec2/launchTemplate:LaunchTemplate::web-us-east-1-lt", "userData embeds a credential"),
        new("INFRA-SEC-001", "azure-dev", p => p.Set(ScaleSet, "adminPassword", "Winter2024!"),
            "azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet::web-westeurope-vmss", "adminPassword holds a secret in plain text"),
        new("INFRA-ENV-001", "dev", p => p with { Outputs = p.Outputs.SetItem("environment", "prod") },
            "stack dev", "stack 'dev' declares environment prod"),
        new("INFRA-ENV-001", "dev", p => p.Set("aws:lb/loadBalancer:LoadBalancer", "tags.environment", "staging"),
            "aws:lb/loadBalancer:LoadBalancer::web-us-east-1-alb", "is tagged environment=staging in a dev stack"),
        new("INFRA-TAG-001", "dev", p => p.Set("pulumi:providers:aws", "defaultTags", null),
            "aws:ec2/vpc:Vpc::web-us-east-1-vpc", "lacks the tags environment, service"),
        new("INFRA-TAG-001", "azure-dev", p => p.Set(AppGateway, "tags", null),
            "azure:network/applicationGateway:ApplicationGateway::web-westeurope-agw", "lacks the tags environment, service"),
    ];

    [Theory]
    [MemberData(nameof(Breaches))]
    public async Task Each_rule_keeps_the_stack_plan_and_refuses_the_breach(Breach breach)
    {
        var plan = await StackPlans.Of(breach.Stack);
        Assert.Empty(await ViolationsOf(plan, breach.RuleId));

        var violations = await ViolationsOf(breach.Break(plan), breach.RuleId);

        var violation = Assert.Single(violations, v => v.Resource == breach.Resource && v.Message.Contains(breach.Message, StringComparison.Ordinal));
        Assert.Equal(breach.RuleId, violation.RuleId);
        Assert.Equal(GuardrailRules.Find(breach.RuleId)!.Fix, violation.Fix);
    }

    [Fact]
    public void Every_rule_is_breached_by_some_test_and_ids_are_unique()
    {
        var tested = BreachList.Select(b => b.RuleId).Concat(KubernetesRuleIds).ToHashSet();
        Assert.All(GuardrailRules.All, r => Assert.Contains(r.Id, tested));
        Assert.Equal(GuardrailRules.All.Length, GuardrailRules.All.Select(r => r.Id).Distinct().Count());
        Assert.All(GuardrailRules.All, r => Assert.Matches("^INFRA-[A-Z0-9]+-[0-9]{3}$", r.Id));
    }

    [Fact]
    public async Task Access_logs_are_not_required_in_dev_and_a_secret_shown_as_secret_passes()
    {
        var dev = await StackPlans.Of("dev");
        Assert.Empty(await ViolationsOf(dev.Set("aws:lb/loadBalancer:LoadBalancer", "accessLogs", null), "INFRA-LOG-001"));
        Assert.Empty(await ViolationsOf(dev.Set("aws:ec2/launchTemplate:LaunchTemplate", "userData", Base64("export DB_PASSWORD=[secret]\n")), "INFRA-SEC-001"));
        var azure = await StackPlans.Of("azure-dev");
        Assert.Empty(await ViolationsOf(azure.Set(ScaleSet, "adminPassword", StackConfigFile.SecretPlaceholder), "INFRA-SEC-001"));
    }

    [Fact]
    public void Taggable_types_come_from_the_provider_sdks()
    {
        Assert.True(TaggableTypes.IsTaggable("aws:lb/loadBalancer:LoadBalancer"));
        Assert.True(TaggableTypes.IsTaggable("aws:autoscaling/group:Group"));
        Assert.True(TaggableTypes.IsTaggable("azure:network/applicationGateway:ApplicationGateway"));
        Assert.False(TaggableTypes.IsTaggable("aws:ec2/routeTableAssociation:RouteTableAssociation"));
        Assert.False(TaggableTypes.IsTaggable("aws:s3/bucketPolicy:BucketPolicy"));
    }

    // ---- waivers -------------------------------------------------------------------------------

    [Fact]
    public async Task A_waiver_sets_the_rules_violations_aside_and_the_report_shows_its_reason()
    {
        var plan = (await StackPlans.Of("staging")).Set("aws:lb/loadBalancer:LoadBalancer", "accessLogs", null);
        Assert.False(GuardrailReport.Of(plan).Passes);

        var report = GuardrailReport.Of(plan, new Dictionary<string, string> { ["INFRA-LOG-001"] = "logs go to the CDN instead" });

        Assert.True(report.Passes);
        var (violation, reason) = Assert.Single(report.Waived);
        Assert.Equal("INFRA-LOG-001", violation.RuleId);
        Assert.Equal("logs go to the CDN instead", reason);
        Assert.Contains("waived INFRA-LOG-001 (Access logs on every load balancer in staging and prod): \"logs go to the CDN instead\" (1 violation set aside)", report.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void Waivers_without_a_reason_or_of_unknown_rules_are_keyed_problems()
    {
        var problems = GuardrailWaivers.FindProblems(new Dictionary<string, string?>
        {
            ["INFRA-LOG-001"] = " ",
            ["INFRA-NOPE-001"] = "because",
            ["INFRA-TLS-001"] = "a real reason",
        }, "infra:waivers").ToList();

        Assert.Equal(["infra:waivers.INFRA-LOG-001", "infra:waivers.INFRA-NOPE-001"], problems.Select(p => p.Key));
        Assert.Contains("a waiver needs a reason", problems[0].Fix, StringComparison.Ordinal);
        Assert.Contains("not a guardrail rule", problems[1].Fix, StringComparison.Ordinal);
        Assert.Contains("INFRA-NET-001", problems[1].Fix, StringComparison.Ordinal);
    }

    // ---- Kubernetes ----------------------------------------------------------------------------

    private static readonly string[] KubernetesRuleIds = [.. KubernetesRules.All.Select(r => r.Id)];

    private static PlannedResource K8s(string type, string name, ImmutableSortedDictionary<string, object?> inputs)
        => new(type, name, null, inputs, "", Custom: true);

    private static StackPlan KubernetesPlan(bool safe)
    {
        var labels = Map(("app", "web"));
        var container = safe
            ? Map(("name", "web"), ("image", "web:1"),
                ("readinessProbe", Map(("httpGet", Map(("path", "/healthz"), ("port", 8080.0))))),
                ("livenessProbe", Map(("httpGet", Map(("path", "/healthz"), ("port", 8080.0))))),
                ("resources", Map(("limits", Map(("cpu", "500m"), ("memory", "256Mi"))))),
                ("securityContext", Map(("allowPrivilegeEscalation", false), ("runAsNonRoot", true))))
            : Map(("name", "web"), ("image", "web:1"), ("securityContext", Map(("privileged", true))));
        var deployment = K8s("kubernetes:apps/v1:Deployment", "web", Map(
            ("metadata", Map(("namespace", "web"))),
            ("spec", Map(("replicas", 3.0), ("selector", Map(("matchLabels", labels))),
                ("template", Map(("metadata", Map(("labels", labels))), ("spec", Map(("containers", List(container))))))))));
        var extra = safe
            ? new[]
            {
                K8s("kubernetes:policy/v1:PodDisruptionBudget", "web", Map(("metadata", Map(("namespace", "web"))), ("spec", Map(("maxUnavailable", 1.0), ("selector", Map(("matchLabels", labels))))))),
                K8s("kubernetes:networking.k8s.io/v1:NetworkPolicy", "web", Map(("metadata", Map(("namespace", "web"))), ("spec", Map(("podSelector", Map(("matchLabels", labels))))))),
            }
            : [];
        return new StackPlan("infra", "dev", [deployment, .. extra], ImmutableSortedDictionary<string, object?>.Empty.Add("environment", "dev"));
    }

    [Fact]
    public async Task Kubernetes_rules_refuse_an_unprobed_privileged_unlimited_unbudgeted_unpoliced_deployment()
    {
        var bad = KubernetesPlan(safe: false);
        foreach (var id in KubernetesRuleIds)
            Assert.NotEmpty(await ViolationsOf(bad, id));
        var messages = KubernetesRules.All.SelectMany(r => r.Check(new GuardrailPlan(bad))).Select(v => v.Message).ToList();
        Assert.Contains("container web has no readinessProbe", messages);
        Assert.Contains("container web is privileged", messages);
        Assert.Contains("container web has no memory limit", messages);
        Assert.Contains("runs 3 replicas without a PodDisruptionBudget", messages);
        Assert.Contains("no NetworkPolicy in namespace web selects its pods", messages);

        var good = KubernetesPlan(safe: true);
        foreach (var id in KubernetesRuleIds)
            Assert.Empty(await ViolationsOf(good, id));
    }

    // ---- policies of this program (not rules) ---------------------------------------------------

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
