using Infra.Components.Dns;
using Infra.Drill;
using Infra.Plan;
using Infra.Tests.Harness;
using Pulumi.Aws.Route53;
using Pulumi.Aws.Route53.Inputs;
using Xunit;
using static Infra.Tests.Components.Dns.FailoverDnsSpecs;

namespace Infra.Tests.Drill;

[Collection(Infra.Tests.Sdk.EngineCollection.Name)]
public sealed class FailoverDrillTests
{
    private static async Task<StackPlan> Plan(FailoverDnsArgs args)
        => (await PulumiTest.RunAsync(() => new FailoverDns("edge", args))).Plan;

    private static async Task<DrillResult> Drill(FailoverDnsArgs args, params string[] down)
        => Assert.Single(FailoverDrill.Run(await Plan(args), down.Length > 0 ? down : null));

    /// <summary>Runs <c>drill</c> on a stack whose program is <paramref name="program"/>.</summary>
    private static async Task<(int Exit, string Out, string Err)> Command(Action program, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await DrillCommand.RunAsync(["--stack", "dev", .. args], stdout, stderr, RepoPaths.Layout, () =>
        {
            program();
            return new Dictionary<string, object?>();
        });
        return (exit, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString());
    }

    // ---- (a) prod-like: two AWS regions in Route 53 ----------------------------------------------------

    [Fact]
    public async Task The_drill_reads_both_regions_from_the_planned_records_and_checks()
    {
        var target = Assert.Single(FailoverDrill.Targets(await Plan(TwoAwsRegions())));

        Assert.Equal(RecordName, target.Name);
        Assert.Equal($"Route 53 failover records (A) in zone {ZoneId}", target.Host);
        Assert.Equal(["use1", "usw2"], target.Endpoints.Select(e => e.Name));
        Assert.Equal(["primary", "secondary"], target.Endpoints.Select(e => e.Role));
        Assert.All(target.Endpoints, e =>
        {
            Assert.Equal("HTTPS :443 /healthz every 10 s × 3", e.Check);
            Assert.Equal(30, e.DetectionSeconds);
            Assert.Equal(60, e.TtlSeconds);
            Assert.True(e.Monitored);
        });
        Assert.Equal($"{EastDnsName} (alias)", target.Endpoints[0].Target);
    }

    [Fact]
    public async Task Primary_down_fails_over_to_the_other_region_in_detection_plus_ttl()
    {
        var scenario = (await Drill(TwoAwsRegions())).Scenario("use1");

        Assert.Equal<string>(["usw2"], scenario.Answers);
        Assert.Equal<string>(["usw2"], scenario.Serving);
        Assert.Equal<string>(["use1"], scenario.Moved);
        Assert.Equal(90, scenario.FailoverSeconds);
        Assert.False(scenario.FailOpen);
    }

    [Fact]
    public async Task Secondary_down_leaves_clients_on_the_primary()
    {
        var scenario = (await Drill(TwoAwsRegions())).Scenario("usw2");

        Assert.Equal<string>(["use1"], scenario.Answers);
        Assert.Equal<string>(["use1"], scenario.Serving);
        Assert.Empty(scenario.Moved);
        Assert.Null(scenario.FailoverSeconds);
    }

    [Fact]
    public async Task Both_down_fails_open_to_the_primary_and_nothing_answers()
    {
        var result = await Drill(TwoAwsRegions());
        var scenario = result.Scenario("use1", "usw2");

        Assert.Equal<string>(["use1"], scenario.Answers);
        Assert.True(scenario.FailOpen);
        Assert.True(scenario.NothingAnswers);
        Assert.Null(scenario.FailoverSeconds);
        // Every endpoint is down: an outage, but not one the configuration could avoid.
        Assert.Empty(result.AvoidableOutages);
        Assert.Equal(4, result.Scenarios.Length);
    }

    [Fact]
    public async Task Drill_command_prints_every_combination_for_the_two_region_stack()
    {
        var (exit, output, error) = await Command(() => _ = new FailoverDns("edge", TwoAwsRegions()));

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Equal(
            """
            Failover drill of stack 'dev'

            www.example.com: Route 53 failover records (A) in zone Z0123456789EXAMPLE
              endpoint  role       target                                                   health check                        notices in  TTL
              use1      primary    web-use1-1234567890.us-east-1.elb.amazonaws.com (alias)  HTTPS :443 /healthz every 10 s × 3  30 s        60 s
              usw2      secondary  web-usw2-0987654321.us-west-2.elb.amazonaws.com (alias)  HTTPS :443 /healthz every 10 s × 3  30 s        60 s

              down        DNS answers       serving  fail over in
              (none)      use1              use1     -
              use1        usw2              usw2     90 s (30 s to notice + 60 s TTL)
              usw2        use1              use1     - (clients unaffected)
              use1, usw2  use1 (fail-open)  nothing  -  << nothing answers: every endpoint is down

            1 DNS name, 4 scenarios: 1 with every endpoint down, 0 where an endpoint is up but clients are sent to a down one.

            """, output);
    }

    // ---- (b) cross-cloud: AWS to an Azure endpoint given as a host -------------------------------------

    [Fact]
    public async Task Aws_to_azure_in_route53_fails_over_to_the_azure_host_in_a_minute()
    {
        var result = await Drill(AwsToAzure());

        Assert.Equal(["use1", "azure-weu"], result.Target.Endpoints.Select(e => e.Name));
        Assert.Equal($"{AzureHostname} (CNAME)", result.Target.Endpoints[1].Target);
        var primaryDown = result.Scenario("use1");
        Assert.Equal<string>(["azure-weu"], primaryDown.Serving);
        Assert.Equal(60, primaryDown.FailoverSeconds);
        Assert.Equal<string>(["use1"], result.Scenario("azure-weu").Serving);
        Assert.True(result.Scenario("use1", "azure-weu").NothingAnswers);
    }

    [Fact]
    public async Task Drill_command_prints_the_cross_cloud_stack_with_only_the_primary_down()
    {
        var (exit, output, _) = await Command(() => _ = new FailoverDns("edge", AwsToAzure()), "--fail", "use1");

        Assert.Equal(0, exit);
        Assert.Equal(
            """
            Failover drill of stack 'dev'

            www.example.com: Route 53 failover records (CNAME) in zone Z0123456789EXAMPLE
              endpoint   role       target                                                   health check                        notices in  TTL
              use1       primary    web-use1-1234567890.us-east-1.elb.amazonaws.com (CNAME)  HTTPS :443 /healthz every 10 s × 3  30 s        30 s
              azure-weu  secondary  web-weu.westeurope.cloudapp.azure.com (CNAME)            HTTPS :443 /healthz every 10 s × 3  30 s        30 s

              down    DNS answers  serving    fail over in
              (none)  use1         use1       -
              use1    azure-weu    azure-weu  60 s (30 s to notice + 30 s TTL)

            1 DNS name, 2 scenarios: 0 with every endpoint down, 0 where an endpoint is up but clients are sent to a down one.

            """, output);
    }

    [Fact]
    public async Task Aws_to_azure_in_traffic_manager_fails_over_by_priority_with_azures_failure_count()
    {
        var result = await Drill(AwsToAzureInTrafficManager());

        Assert.Equal("web-example.trafficmanager.net", result.Target.Name);
        Assert.Equal(["priority 1", "priority 2"], result.Target.Endpoints.Select(e => e.Role));
        // Two tolerated failures: degraded on the third, 10 s apart.
        Assert.All(result.Target.Endpoints, e => Assert.Equal(30, e.DetectionSeconds));
        Assert.Equal<string>(["azure-weu"], result.Scenario("use1").Serving);
        Assert.Equal(60, result.Scenario("use1").FailoverSeconds);
        Assert.Equal<string>(["use1"], result.Scenario("azure-weu").Serving);
        var both = result.Scenario("use1", "azure-weu");
        Assert.True(both.FailOpen);
        Assert.True(both.NothingAnswers);
    }

    [Fact]
    public async Task Drill_command_prints_the_traffic_manager_variant()
    {
        var (exit, output, _) = await Command(() => _ = new FailoverDns("edge", AwsToAzureInTrafficManager()));

        Assert.Equal(0, exit);
        Assert.Contains("web-example.trafficmanager.net: Traffic Manager profile edge-profile (Priority routing)", output);
        Assert.Contains("  use1       priority 1  web-use1-1234567890.us-east-1.elb.amazonaws.com (external)  HTTPS :443 /healthz every 10 s × 3  30 s        30 s", output);
        Assert.Contains("  use1             azure-weu         azure-weu  60 s (30 s to notice + 30 s TTL)", output);
        Assert.Contains("  use1, azure-weu  use1 (fail-open)  nothing    -  << nothing answers: every endpoint is down", output);
    }

    // ---- active-active ---------------------------------------------------------------------------------

    [Fact]
    public async Task Weighted_endpoints_share_traffic_and_a_zero_weight_reserve_answers_only_when_they_are_down()
    {
        var args = AwsToAzure();
        args.Spec.Routing = DnsRoutingPolicies.Weighted;
        args.Spec.Endpoints.Insert(1, West());
        args.Spec.Endpoints[2].Weight = 0;

        var result = await Drill(args);

        Assert.Equal<string>(["use1", "usw2"], result.Scenario().Answers);
        Assert.Equal<string>(["usw2"], result.Scenario("use1").Serving);
        // Every record is a CNAME (the Azure host is one) with the spec's 30 s TTL.
        Assert.Equal(60, result.Scenario("use1").FailoverSeconds);
        Assert.Equal<string>(["azure-weu"], result.Scenario("use1", "usw2").Serving);
        Assert.Equal(8, result.Scenarios.Length);
    }

    // ---- a plan the drill catches out ---------------------------------------------------------------------

    /// <summary>Failover records written by hand, the primary without a health check.</summary>
    private static void UncheckedPrimary()
    {
        _ = new Pulumi.Aws.Route53.Record("primary", new RecordArgs
        {
            ZoneId = ZoneId,
            Name = RecordName,
            Type = RecordType.CNAME,
            Ttl = 60,
            SetIdentifier = "east",
            Records = { EastDnsName },
            FailoverRoutingPolicies = { new RecordFailoverRoutingPolicyArgs { Type = "PRIMARY" } },
        });
        var check = new HealthCheck("west-check", new HealthCheckArgs { Type = "HTTPS", Fqdn = WestDnsName, ResourcePath = "/healthz" });
        _ = new Pulumi.Aws.Route53.Record("secondary", new RecordArgs
        {
            ZoneId = ZoneId,
            Name = RecordName,
            Type = RecordType.CNAME,
            Ttl = 60,
            SetIdentifier = "west",
            HealthCheckId = check.Id,
            Records = { WestDnsName },
            FailoverRoutingPolicies = { new RecordFailoverRoutingPolicyArgs { Type = "SECONDARY" } },
        });
    }

    [Fact]
    public async Task A_primary_without_a_health_check_never_fails_over_and_is_flagged()
    {
        var (exit, output, _) = await Command(UncheckedPrimary);

        Assert.Equal(DrillCommand.AvoidableOutageExitCode, exit);
        Assert.Contains("  east      primary    web-use1-1234567890.us-east-1.elb.amazonaws.com (CNAME)  none                           ?           60 s", output);
        // Route 53's defaults for a check that sets neither: every 30 s, 3 failures.
        Assert.Contains("  west      secondary  web-usw2-0987654321.us-west-2.elb.amazonaws.com (CNAME)  HTTPS /healthz every 30 s × 3  90 s        60 s", output);
        Assert.Contains("  east        east         nothing  never: DNS cannot see east down (no health check)  << NOTHING ANSWERS although west is up", output);
        Assert.Contains("1 where an endpoint is up but clients are sent to a down one.", output);
    }

    // ---- the command's edges ------------------------------------------------------------------------------

    [Fact]
    public async Task Failing_an_unknown_endpoint_is_a_usage_error_listing_the_endpoints()
    {
        var (exit, output, error) = await Command(() => _ = new FailoverDns("edge", TwoAwsRegions()), "--fail", "use1,euw1");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("drill: no endpoint named euw1 in stack 'dev'; endpoints: use1, usw2", error);
    }

    [Fact]
    public async Task A_stack_without_failover_dns_is_reported()
    {
        var (exit, _, error) = await Command(() => { });

        Assert.Equal(1, exit);
        Assert.Contains("drill: stack 'dev' plans no DNS name that fails over", error);
    }

    [Fact]
    public async Task A_stack_that_cannot_be_planned_reports_its_problems()
    {
        var args = TwoAwsRegions();
        args.Spec.HealthCheck.IntervalSeconds = 15;

        var (exit, _, error) = await Command(() => _ = new FailoverDns("edge", args));

        Assert.Equal(1, exit);
        Assert.Contains("drill: stack 'dev' cannot be planned:", error);
        Assert.Contains("spec.healthCheck.intervalSeconds = 15", error);
    }

    [Fact]
    public async Task Missing_stack_is_a_usage_error()
    {
        var stderr = new StringWriter();

        var exit = await DrillCommand.RunAsync(["--fail", "use1"], new StringWriter(), stderr, RepoPaths.Layout);

        Assert.Equal(2, exit);
        Assert.Contains("drill: --stack is required", stderr.ToString());
    }
}
