using Infra.Components.Naming;
using Infra.Components.Networking.Azure;
using Infra.Plan;
using Infra.Tests.Harness;
using Infra.Tests.Sdk;
using Xunit;

namespace Infra.Tests.Stacks;

/// <summary>Names fit every cloud's rules in every region and location, and no two stacks or sites
/// plan the same physical name.</summary>
[Collection(EngineCollection.Name)]
public sealed class NamingTests : IDisposable
{
    /// <summary>Every AWS region of the published list the repository keeps (components/Networking/Aws/AwsRegions.cs, with its source).</summary>
    public static TheoryData<string> AwsRegions => new(Infra.Components.Networking.Aws.AwsRegions.ZoneLetters.Keys.Order());

    public static TheoryData<string> AzureLocationNames => new(AzureLocations.WithZones.Concat(AzureLocations.WithoutZones).Order());

    // The longest names a team is likely to choose: a two-word service and a two-word pool.
    private const string Service = "checkout-frontend";
    private const string Pool = "storefront-web";

    private readonly string _root = Directory.CreateTempSubdirectory("infra-naming-").FullName;

    public NamingTests()
    {
        File.WriteAllText(Path.Combine(_root, "Pulumi.yaml"), "name: infra\nruntime: dotnet\nstackConfigDir: stacks\n");
        Directory.CreateDirectory(Path.Combine(_root, "stacks"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Task<StackPlan> PlanOf(string sites, string listenerCertificate = "")
    {
        File.WriteAllText(Path.Combine(_root, "stacks", "Pulumi.prod.yaml"), $$"""
            config:
              infra:environment: prod
              infra:sites:
            {{sites}}
              infra:service:
                name: {{Service}}
                loadBalancer:
                  public: true
                  allowedCidrs: [0.0.0.0/0]
                  listeners:
                    http: {protocol: http, port: 80}
                    https: {protocol: https, port: 443{{listenerCertificate}}}
                  pools:
                    {{Pool}}:
                      port: 8080
                      healthCheck: {path: /healthz, gracePeriodSeconds: 600}
                scaling:
                  minSize: 2
                  maxSize: 4
                  targetTracking:
                    cpu: {metric: cpu, targetValue: 50}
            """);
        return StackPlanner.PlanAsync(ProjectLayout.Find(_root), "prod");
    }

    [Theory]
    [MemberData(nameof(AwsRegions))]
    public async Task Every_aws_region_plans_names_that_fit_aws(string region)
    {
        var plan = await PlanOf($$"""
                - cloud: aws
                  region: {{region}}
                  certificateArn: arn:aws:acm:{{region}}:111122223333:certificate/example
                  imageId: resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64
                  network: {availabilityZones: [{{region}}{{Zones(region)[0]}}, {{region}}{{Zones(region)[1]}}]}
            """);

        var balancer = Assert.Single(plan.Resources, r => r.Type == "aws:lb/loadBalancer:LoadBalancer");
        var targetGroup = Assert.Single(plan.Resources, r => r.Type == "aws:lb/targetGroup:TargetGroup");
        Assert.True(NameRules.AwsLoadBalancer.Fits(balancer.Name), balancer.Name);
        Assert.True(NameRules.AwsTargetGroup.Fits(targetGroup.Name), targetGroup.Name);
        var dashboard = (string)Assert.Single(plan.Resources, r => r.Type == "aws:cloudwatch/dashboard:Dashboard").Inputs["dashboardName"]!;
        Assert.True(NameRules.CloudWatchDashboard.Fits(dashboard), dashboard);
        Assert.Contains("-prod-", dashboard, StringComparison.Ordinal);
    }

    private static string Zones(string region) => Infra.Components.Networking.Aws.AwsRegions.ZoneLetters[region];

    [Fact]
    public async Task A_region_whose_names_would_not_fit_takes_its_abbreviation_and_us_east_1_keeps_its_names()
    {
        var southeast = await PlanOf("""
                - cloud: aws
                  region: ap-southeast-1
                  certificateArn: arn:aws:acm:ap-southeast-1:111122223333:certificate/example
                  imageId: resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64
                  network: {availabilityZones: [ap-southeast-1a, ap-southeast-1b]}
            """);

        Assert.Contains(southeast.Resources, r => r.Type == "infra:loadbalancing:AwsLoadBalancer" && r.Name == $"{Service}-apse1");
        // The dashboard's name has room for the whole region, and the stack's name.
        Assert.Equal($"{Service}-prod-ap-southeast-1", Assert.Single(southeast.Resources, r => r.Type == "aws:cloudwatch/dashboard:Dashboard").Inputs["dashboardName"]);
    }

    [Theory]
    [MemberData(nameof(AzureLocationNames))]
    public async Task Every_azure_location_plans_names_that_fit_azure(string location)
    {
        var zones = AzureLocations.HasZones(location) ? "[\"1\", \"2\"]" : "[]";
        var plan = await PlanOf($$"""
                - cloud: azure
                  location: {{location}}
                  certificateId: https://web-prod-certs.vault.azure.net/secrets/www
                  identityId: /subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/appgw
                  sshPublicKey: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKey ops@example.com
                  typicalRequestsPerMinute: 60
                  alertEmails: [oncall@example.com]
                  network: {zones: {{zones}}}
            """);

        var label = (string)Assert.Single(plan.Resources, r => r.Type == "azure:network/publicIp:PublicIp" && r.Inputs.ContainsKey("domainNameLabel")).Inputs["domainNameLabel"]!;
        Assert.True(NameRules.AzureDnsLabel.Fits(label), label);
        Assert.Contains(plan.Resources, r => r.Type == "azure:core/resourceGroup:ResourceGroup" && NameRules.AzureResourceGroup.Fits(r.Name));
        Assert.True(((string)Assert.Single(plan.Resources, r => r.Type == "azure:monitoring/actionGroup:ActionGroup").Inputs["shortName"]!).Length <= 12);
    }

    [Fact]
    public async Task No_two_stacks_or_sites_plan_the_same_explicit_physical_name()
    {
        var names = new List<(string Stack, string Scope, string Name)>();
        foreach (var stack in StackPlans.Names)
        {
            var plan = await StackPlans.Of(stack);
            // Unique per account and region (checked here across regions too, which is stricter).
            names.AddRange(plan.Resources.Where(r => r.Type == "aws:cloudwatch/dashboard:Dashboard")
                .Select(r => (stack, "dashboard", (string)r.Inputs["dashboardName"]!)));
            // Unique per hosted zone, name and set identifier.
            names.AddRange(plan.Resources.Where(r => r.Type == "aws:route53/record:Record")
                .Select(r => (stack, $"record in {r.Inputs["zoneId"]}", $"{r.Inputs["name"]}/{r.Inputs.GetValueOrDefault("setIdentifier")}")));
            // Unique per cluster, namespace and kind (checked across clusters too, which is stricter).
            names.AddRange(plan.Resources.Where(r => r.Type.StartsWith("kubernetes:", StringComparison.Ordinal) && r.Input("metadata.name") is string)
                .Select(r => (stack, $"{r.Type} in {r.Input("metadata.namespace")}", (string)r.Input("metadata.name")!)));
        }

        var repeated = names.GroupBy(n => (n.Scope, n.Name))
            .Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(n => n.Stack))}").ToList();
        Assert.Empty(repeated);
        Assert.Contains(names, n => n.Scope == "dashboard");
    }
}
