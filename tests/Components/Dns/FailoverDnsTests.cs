using Infra.Components.Dns;
using Infra.Components.HealthChecks;
using Infra.Tests.Harness;
using Xunit;
using static Infra.Tests.Components.Dns.FailoverDnsSpecs;

namespace Infra.Tests.Components.Dns;

[Collection(Infra.Tests.Sdk.EngineCollection.Name)]
public sealed class FailoverDnsTests
{
    private const string Component = "infra:dns:FailoverDns";
    private const string Record = "aws:route53/record:Record";
    private const string HealthCheck = "aws:route53/healthCheck:HealthCheck";
    private const string Alarm = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private const string Profile = "azure:network/trafficManagerProfile:TrafficManagerProfile";
    private const string AzureEndpoint = "azure:network/trafficManagerAzureEndpoint:TrafficManagerAzureEndpoint";
    private const string ExternalEndpoint = "azure:network/trafficManagerExternalEndpoint:TrafficManagerExternalEndpoint";

    private static Task<TestRun> Run(FailoverDnsArgs args, bool preview = false)
        => PulumiTest.RunAsync(() => new FailoverDns("edge", args), preview);

    private static Task<string> Failure(FailoverDnsArgs args)
        => PulumiTest.FailureAsync(() => new FailoverDns("edge", args));

    private static string[] Strings(Infra.Plan.PlannedResource resource, string path) => [.. resource.List(path).Select(v => Assert.IsType<string>(v))];

    private static IReadOnlyDictionary<string, object?> Map(object? value) => Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(value);

    // ---- Route 53: shape ------------------------------------------------------------------------

    [Fact]
    public async Task Two_aws_regions_get_a_check_a_record_and_an_alarm_each_plus_the_quorum_check_all_parented()
    {
        var run = await Run(TwoAwsRegions());

        Assert.Equal(1, run.Count(Component));
        Assert.Equal(["edge-check-use1", "edge-check-usw2", "edge-quorum-check"], run.OfType(HealthCheck).Select(r => r.Name));
        Assert.Equal(["edge-record-use1", "edge-record-usw2"], run.OfType(Record).Select(r => r.Name));
        Assert.Equal(["edge-alarm-use1", "edge-alarm-usw2", "edge-quorum-alarm"], run.OfType(Alarm).Select(r => r.Name));
        Assert.All(run.OfType(HealthCheck).AddRange(run.OfType(Record)).AddRange(run.OfType(Alarm)), r =>
        {
            Assert.Equal(Component, r.ParentType);
            Assert.Equal("edge", r.ParentName);
        });
        Assert.Equal(0, run.Count(Profile));
    }

    [Fact]
    public async Task Failover_records_are_primary_then_secondary_with_the_endpoint_names_as_set_identifiers()
    {
        var run = await Run(TwoAwsRegions());

        var primary = run.Single(Record, "edge-record-use1");
        var secondary = run.Single(Record, "edge-record-usw2");
        Assert.Equal("PRIMARY", primary.Input("failoverRoutingPolicies[0].type"));
        Assert.Equal("SECONDARY", secondary.Input("failoverRoutingPolicies[0].type"));
        Assert.Equal("use1", primary.Input("setIdentifier"));
        Assert.Equal("usw2", secondary.Input("setIdentifier"));
        Assert.All([primary, secondary], r =>
        {
            Assert.Equal(RecordName, r.Input("name"));
            Assert.Equal(ZoneId, r.Input("zoneId"));
            Assert.Single(r.List("failoverRoutingPolicies"));
            Assert.Empty(r.List("weightedRoutingPolicies"));
        });
    }

    [Fact]
    public async Task Aws_load_balancers_get_alias_a_records_that_evaluate_target_health_and_carry_no_ttl()
    {
        var run = await Run(TwoAwsRegions());

        foreach (var (record, dnsName, zoneId) in new[] { ("edge-record-use1", EastDnsName, EastZoneId), ("edge-record-usw2", WestDnsName, WestZoneId) })
        {
            var r = run.Single(Record, record);
            Assert.Equal("A", r.Input("type"));
            Assert.Equal(dnsName, r.Input("aliases[0].name"));
            Assert.Equal(zoneId, r.Input("aliases[0].zoneId"));
            Assert.Equal(true, r.Input("aliases[0].evaluateTargetHealth"));
            Assert.Null(r.Input("ttl"));
            Assert.Empty(r.List("records"));
        }
    }

    [Fact]
    public async Task Each_record_uses_the_id_of_its_own_endpoints_health_check()
    {
        var run = await Run(TwoAwsRegions());

        // RecordingMocks gives an AWS resource the id "<name>-id".
        Assert.Equal("edge-check-use1-id", run.Single(Record, "edge-record-use1").Input("healthCheckId"));
        Assert.Equal("edge-check-usw2-id", run.Single(Record, "edge-record-usw2").Input("healthCheckId"));
    }

    [Fact]
    public async Task Health_checks_probe_each_load_balancer_over_https_as_the_spec_says()
    {
        var run = await Run(TwoAwsRegions());

        foreach (var (check, fqdn) in new[] { ("edge-check-use1", EastDnsName), ("edge-check-usw2", WestDnsName) })
        {
            var hc = run.Single(HealthCheck, check);
            Assert.Equal("HTTPS", hc.Input("type"));
            Assert.Equal(fqdn, hc.Input("fqdn"));
            Assert.Equal(443, hc.Number("port"));
            Assert.Equal("/healthz", hc.Input("resourcePath"));
            Assert.Equal(10, hc.Number("requestInterval"));
            Assert.Equal(3, hc.Number("failureThreshold"));
            Assert.Equal(true, hc.Input("enableSni"));
            Assert.Equal(false, hc.Input("measureLatency"));
            Assert.Equal(["us-east-1", "us-west-2", "eu-west-1"], Strings(hc, "regions"));
            Assert.Null(hc.Input("ipAddress"));
        }
    }

    [Fact]
    public async Task Dns_checks_default_to_https_on_443_every_30_seconds()
    {
        var args = TwoAwsRegions();
        args.Spec.HealthCheck = new FailoverDnsSpec().HealthCheck;
        args.Spec.TargetRtoSeconds = null;

        var hc = (await Run(args)).Single(HealthCheck, "edge-check-use1");

        Assert.Equal("HTTPS", hc.Input("type"));
        Assert.Equal(443, hc.Number("port"));
        Assert.Equal("/healthz", hc.Input("resourcePath"));
        Assert.Equal(30, hc.Number("requestInterval"));
        Assert.Equal(3, hc.Number("failureThreshold"));
    }

    [Fact]
    public async Task An_endpoint_with_its_own_check_and_measured_latency_is_checked_its_own_way()
    {
        var args = TwoAwsRegions();
        args.Spec.MeasureLatency = true;
        args.Spec.Endpoints[1].HealthCheck = new HealthCheckSpec { Protocol = HealthCheckProtocols.Https, Path = "/healthz", IntervalSeconds = 30, UnhealthyThreshold = 1 };
        args.Spec.TargetRtoSeconds = null;

        var run = await Run(args);

        Assert.Equal(10, run.Single(HealthCheck, "edge-check-use1").Number("requestInterval"));
        Assert.Equal(30, run.Single(HealthCheck, "edge-check-usw2").Number("requestInterval"));
        Assert.Equal(1, run.Single(HealthCheck, "edge-check-usw2").Number("failureThreshold"));
        Assert.All(run.OfType(HealthCheck).Where(h => h.Name != "edge-quorum-check"), h => Assert.Equal(true, h.Input("measureLatency")));
    }

    [Fact]
    public async Task Quorum_check_is_calculated_from_every_endpoint_check_with_the_minimum_healthy()
    {
        var args = TwoAwsRegions();
        args.Spec.MinHealthyEndpoints = 2;

        var quorum = (await Run(args)).Single(HealthCheck, "edge-quorum-check");

        Assert.Equal("CALCULATED", quorum.Input("type"));
        Assert.Equal(["edge-check-use1-id", "edge-check-usw2-id"], Strings(quorum, "childHealthchecks"));
        Assert.Equal(2, quorum.Number("childHealthThreshold"));
    }

    [Fact]
    public async Task Without_a_minimum_there_is_no_calculated_check()
    {
        var args = TwoAwsRegions();
        args.Spec.MinHealthyEndpoints = null;

        var run = await Run(args);

        Assert.Equal(2, run.Count(HealthCheck));
        Assert.Equal(2, run.Count(Alarm));
    }

    // ---- Route 53: alarms -----------------------------------------------------------------------

    [Fact]
    public async Task Alarms_watch_each_checks_status_in_us_east_1_and_notify_the_topic()
    {
        var run = await Run(TwoAwsRegions());

        foreach (var (alarm, checkId) in new[] { ("edge-alarm-use1", "edge-check-use1-id"), ("edge-alarm-usw2", "edge-check-usw2-id"), ("edge-quorum-alarm", "edge-quorum-check-id") })
        {
            var a = run.Single(Alarm, alarm);
            Assert.Equal("us-east-1", a.Input("region"));
            Assert.Equal("AWS/Route53", a.Input("namespace"));
            Assert.Equal("HealthCheckStatus", a.Input("metricName"));
            Assert.Equal(checkId, a.Input("dimensions.HealthCheckId"));
            Assert.Equal("Minimum", a.Input("statistic"));
            Assert.Equal(60, a.Number("period"));
            Assert.Equal("LessThanThreshold", a.Input("comparisonOperator"));
            Assert.Equal(1, a.Number("threshold"));
            Assert.Equal("breaching", a.Input("treatMissingData"));
            Assert.Equal([TopicArn], Strings(a, "alarmActions"));
            Assert.Equal([TopicArn], Strings(a, "okActions"));
        }
    }

    [Fact]
    public async Task Without_a_topic_alarms_notify_nobody()
    {
        var args = TwoAwsRegions();
        args.AlarmTopicArn = null;

        var alarm = (await Run(args)).Single(Alarm, "edge-alarm-use1");

        Assert.Empty(alarm.List("alarmActions"));
        Assert.Empty(alarm.List("okActions"));
    }

    // ---- Route 53: cross-cloud, IPs, active-active --------------------------------------------------

    [Fact]
    public async Task Aws_to_azure_by_hostname_makes_every_record_a_cname_with_the_spec_ttl()
    {
        var run = await Run(AwsToAzure());

        var aws = run.Single(Record, "edge-record-use1");
        var azure = run.Single(Record, "edge-record-azure-weu");
        Assert.Equal("CNAME", aws.Input("type"));
        Assert.Equal([EastDnsName], Strings(aws, "records"));
        Assert.Empty(aws.List("aliases"));
        Assert.Equal("CNAME", azure.Input("type"));
        Assert.Equal([AzureHostname], Strings(azure, "records"));
        Assert.All([aws, azure], r => Assert.Equal(30, r.Number("ttl")));
        Assert.Equal("SECONDARY", azure.Input("failoverRoutingPolicies[0].type"));
        Assert.Equal("edge-check-azure-weu-id", azure.Input("healthCheckId"));
        Assert.Equal(AzureHostname, run.Single(HealthCheck, "edge-check-azure-weu").Input("fqdn"));
    }

    [Fact]
    public async Task A_load_balancer_and_an_ip_address_stay_an_alias_and_an_a_record()
    {
        var args = TwoAwsRegions();
        args.Spec.Endpoints[1] = new DnsEndpointSpec { Name = "dc1", Kind = DnsEndpointKinds.Host, IpAddress = "203.0.113.10" };

        var run = await Run(args);

        Assert.Equal(EastDnsName, run.Single(Record, "edge-record-use1").Input("aliases[0].name"));
        var host = run.Single(Record, "edge-record-dc1");
        Assert.Equal("A", host.Input("type"));
        Assert.Equal(["203.0.113.10"], Strings(host, "records"));
        Assert.Equal(60, host.Number("ttl"));
        var check = run.Single(HealthCheck, "edge-check-dc1");
        Assert.Equal("203.0.113.10", check.Input("ipAddress"));
        Assert.Null(check.Input("fqdn"));
        Assert.Equal(false, check.Input("enableSni"));
    }

    [Fact]
    public async Task Weighted_routing_gives_each_record_its_weight_and_no_failover_role()
    {
        var args = TwoAwsRegions();
        args.Spec.Routing = DnsRoutingPolicies.Weighted;
        args.Spec.Endpoints[0].Weight = 200;
        args.Spec.Endpoints[1].Weight = 55;

        var run = await Run(args);

        Assert.Equal(200, run.Single(Record, "edge-record-use1").Number("weightedRoutingPolicies[0].weight"));
        Assert.Equal(55, run.Single(Record, "edge-record-usw2").Number("weightedRoutingPolicies[0].weight"));
        Assert.All(run.OfType(Record), r => Assert.Empty(r.List("failoverRoutingPolicies")));
        Assert.Equal("usw2", run.Single(Record, "edge-record-usw2").Input("setIdentifier"));
    }

    [Fact]
    public async Task Latency_routing_gives_each_record_its_region()
    {
        var args = TwoAwsRegions();
        args.Spec.Routing = DnsRoutingPolicies.Latency;

        var run = await Run(args);

        Assert.Equal("us-east-1", run.Single(Record, "edge-record-use1").Input("latencyRoutingPolicies[0].region"));
        Assert.Equal("us-west-2", run.Single(Record, "edge-record-usw2").Input("latencyRoutingPolicies[0].region"));
    }

    // ---- Traffic Manager ---------------------------------------------------------------------------

    [Fact]
    public async Task Traffic_manager_gets_a_priority_profile_with_the_spec_monitor_and_ttl()
    {
        var run = await Run(AwsToAzureInTrafficManager());

        var profile = run.Single(Profile, "edge-profile");
        Assert.Equal(Component, profile.ParentType);
        Assert.Equal("rg-dns", profile.Input("resourceGroupName"));
        Assert.Equal("Priority", profile.Input("trafficRoutingMethod"));
        Assert.Equal("web-example", profile.Input("dnsConfig.relativeName"));
        Assert.Equal(30, profile.Number("dnsConfig.ttl"));
        var monitor = Map(profile.Input("monitorConfig"));
        Assert.Equal("HTTPS", monitor["protocol"]);
        Assert.Equal(443.0, monitor["port"]);
        Assert.Equal("/healthz", monitor["path"]);
        Assert.Equal(10.0, monitor["intervalInSeconds"]);
        Assert.Equal(5.0, monitor["timeoutInSeconds"]);
        // Unhealthy after 3 failures = 2 tolerated.
        Assert.Equal(2.0, monitor["toleratedNumberOfFailures"]);
        Assert.Equal(["200-299"], Strings(profile, "monitorConfig.expectedStatusCodeRanges"));
        Assert.Equal(0, run.Count(Record) + run.Count(HealthCheck) + run.Count(Alarm));
    }

    [Fact]
    public async Task Traffic_manager_endpoints_are_external_for_the_aws_load_balancer_and_the_azure_host_in_priority_order()
    {
        var run = await Run(AwsToAzureInTrafficManager());
        var profileId = Infra.Plan.RecordingMocks.IdOf(Profile, "edge-profile");

        var aws = run.Single(ExternalEndpoint, "edge-endpoint-use1");
        var azure = run.Single(ExternalEndpoint, "edge-endpoint-azure-weu");
        Assert.Equal(EastDnsName, aws.Input("target"));
        Assert.Equal(AzureHostname, azure.Input("target"));
        Assert.Equal(1, aws.Number("priority"));
        Assert.Equal(2, azure.Number("priority"));
        Assert.Equal("use1", aws.Input("name"));
        Assert.Equal("azure-weu", azure.Input("name"));
        Assert.All([aws, azure], e =>
        {
            Assert.Equal(profileId, e.Input("profileId"));
            Assert.Null(e.Input("weight"));
            Assert.Null(e.Input("endpointLocation"));
            Assert.Equal(Component, e.ParentType);
        });
        Assert.Equal(0, run.Count(AzureEndpoint));
    }

    [Fact]
    public async Task An_azure_endpoint_given_by_resource_id_becomes_a_traffic_manager_azure_endpoint()
    {
        var args = AwsToAzureInTrafficManager();
        args.Spec.Endpoints[1] = new DnsEndpointSpec { Name = "azure-weu", Kind = DnsEndpointKinds.AzureEndpoint, ResourceId = AzurePublicIpId };

        var run = await Run(args);

        var azure = run.Single(AzureEndpoint, "edge-endpoint-azure-weu");
        Assert.Equal(AzurePublicIpId, azure.Input("targetResourceId"));
        Assert.Equal(2, azure.Number("priority"));
        Assert.Equal(1, run.Count(ExternalEndpoint));
    }

    [Fact]
    public async Task Traffic_manager_weighted_and_performance_routing_carry_weights_and_locations()
    {
        var weighted = AwsToAzureInTrafficManager();
        weighted.Spec.Routing = DnsRoutingPolicies.Weighted;
        weighted.Spec.Endpoints[0].Weight = 3;
        var performance = AwsToAzureInTrafficManager();
        performance.Spec.Routing = DnsRoutingPolicies.Latency;
        performance.Spec.Endpoints[0].Region = "eastus";

        var w = await Run(weighted);
        var p = await Run(performance);

        Assert.Equal("Weighted", w.Single(Profile, "edge-profile").Input("trafficRoutingMethod"));
        Assert.Equal(3, w.Single(ExternalEndpoint, "edge-endpoint-use1").Number("weight"));
        Assert.Equal(1, w.Single(ExternalEndpoint, "edge-endpoint-azure-weu").Number("weight"));
        Assert.Null(w.Single(ExternalEndpoint, "edge-endpoint-use1").Input("priority"));
        Assert.Equal("Performance", p.Single(Profile, "edge-profile").Input("trafficRoutingMethod"));
        Assert.Equal("eastus", p.Single(ExternalEndpoint, "edge-endpoint-use1").Input("endpointLocation"));
        Assert.Equal("westeurope", p.Single(ExternalEndpoint, "edge-endpoint-azure-weu").Input("endpointLocation"));
    }

    [Fact]
    public async Task Relative_name_defaults_to_the_record_name_with_dashes()
    {
        var args = AwsToAzureInTrafficManager();
        args.RelativeName = null;

        var profile = (await Run(args)).Single(Profile, "edge-profile");

        Assert.Equal("www-example-com", profile.Input("dnsConfig.relativeName"));
    }

    // ---- outputs and preview -------------------------------------------------------------------------

    [Fact]
    public async Task Outputs_name_the_record_its_checks_and_alarms()
    {
        var run = await Run(TwoAwsRegions());
        var dns = run.Object<FailoverDns>("edge");

        Assert.Equal(RecordName, await TestRun.ValueAsync(dns.Fqdn));
        var ids = await TestRun.ValueAsync(dns.HealthCheckIdsByEndpoint());
        Assert.Equal("edge-check-use1-id", ids["use1"]);
        Assert.Equal("edge-check-usw2-id", ids["usw2"]);
        Assert.Equal(2, ids.Count);
        var alarms = await TestRun.ValueAsync(dns.AlarmArnsArray());
        Assert.Equal(3, alarms.Length);
        Assert.Contains("arn:aws:cloudwatch:us-east-1:000000000000:edge-quorum-alarm", alarms);
    }

    [Fact]
    public async Task Traffic_manager_outputs_the_profile_fqdn_and_no_checks()
    {
        var run = await Run(AwsToAzureInTrafficManager());
        var dns = run.Object<FailoverDns>("edge");

        Assert.Equal("edge-profile.trafficmanager.net", await TestRun.ValueAsync(dns.Fqdn));
        Assert.Empty(await TestRun.ValueAsync(dns.HealthCheckIdsByEndpoint()));
        Assert.Empty(await TestRun.ValueAsync(dns.AlarmArnsArray()));
    }

    [Fact]
    public async Task Construction_completes_in_preview()
    {
        var route53 = await Run(TwoAwsRegions(), preview: true);
        var trafficManager = await Run(AwsToAzureInTrafficManager(), preview: true);

        Assert.Equal(2, route53.Count(Record));
        Assert.Equal("PRIMARY", route53.Single(Record, "edge-record-use1").Input("failoverRoutingPolicies[0].type"));
        Assert.Equal(2, trafficManager.Count(ExternalEndpoint));
        Assert.Equal("Priority", trafficManager.Single(Profile, "edge-profile").Input("trafficRoutingMethod"));
    }

    // ---- rejections ------------------------------------------------------------------------------

    [Fact]
    public async Task A_route53_interval_other_than_10_or_30_is_refused_with_the_nearest()
    {
        var args = TwoAwsRegions();
        args.Spec.HealthCheck.IntervalSeconds = 15;

        var error = await Failure(args);

        Assert.Contains("FailoverDns \"edge\" has", error);
        Assert.Contains("spec.healthCheck.intervalSeconds = 15: Route 53 checks every 10 or 30 seconds only; use 10", error);
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once()
    {
        var args = TwoAwsRegions();
        args.Spec.ZoneId = null;
        args.Spec.TtlSeconds = -1;
        args.Spec.Endpoints[1].DnsName = null;
        args.Spec.CheckerRegions = ["us-east-1", "mars-north-1"];

        var error = await Failure(args);

        Assert.Contains("has 5 problems", error);
        Assert.Contains("spec.ttlSeconds = -1: use 0 to 86400 seconds", error);
        Assert.Contains("spec.endpoints[1].dnsName = (not set): an aws-load-balancer endpoint needs the load balancer's DNS name", error);
        Assert.Contains("spec.zoneId = (not set): Route 53 keeps the records in a hosted zone", error);
        Assert.Contains("spec.checkerRegions = [\"us-east-1\",\"mars-north-1\"]: Route 53 needs at least 3 checker regions", error);
        Assert.Contains("spec.checkerRegions[1] = \"mars-north-1\": Route 53 runs checkers in", error);
    }

    [Fact]
    public async Task Route53_failover_over_three_endpoints_chains_a_second_name_behind_the_secondary()
    {
        var args = TwoAwsRegions();
        args.Spec.Endpoints.Add(AzureByHostname());

        var run = await Run(args);

        // The Azure endpoint is a hostname, so every record of the chain is a CNAME (one type per name).
        var primary = run.Single(Record, "edge-record-use1");
        var link = run.Single(Record, "edge-chain-record-1");
        var second = run.Single(Record, "edge-record-usw2");
        var last = run.Single(Record, "edge-record-azure-weu");
        Assert.Equal((RecordName, "PRIMARY", "CNAME"), (primary.Input("name"), primary.Input("failoverRoutingPolicies[0].type"), primary.Input("type")));
        Assert.Equal((RecordName, "SECONDARY", "CNAME"), (link.Input("name"), link.Input("failoverRoutingPolicies[0].type"), link.Input("type")));
        Assert.Equal(["fallback-1." + RecordName], Strings(link, "records"));
        Assert.Equal("use1-fallback", link.Input("setIdentifier"));
        Assert.Null(link.Input("healthCheckId"));
        Assert.Equal(("fallback-1." + RecordName, "PRIMARY"), (second.Input("name"), second.Input("failoverRoutingPolicies[0].type")));
        Assert.Equal(("fallback-1." + RecordName, "SECONDARY"), (last.Input("name"), last.Input("failoverRoutingPolicies[0].type")));
        Assert.Equal([AzureHostname], Strings(last, "records"));
        // Every endpoint keeps its own check.
        Assert.Equal(["edge-check-azure-weu", "edge-check-use1", "edge-check-usw2", "edge-quorum-check"], run.OfType(HealthCheck).Select(r => r.Name).Order());
    }

    [Fact]
    public async Task A_chain_of_load_balancers_links_its_tiers_with_aliases_that_evaluate_target_health()
    {
        var args = TwoAwsRegions();
        var third = West();
        third.Name = "usw1";
        third.Region = "us-west-1";
        args.Spec.Endpoints.Add(third);

        var run = await Run(args);

        var link = run.Single(Record, "edge-chain-record-1");
        Assert.Equal(("A", "SECONDARY"), (link.Input("type"), link.Input("failoverRoutingPolicies[0].type")));
        Assert.Equal("fallback-1." + RecordName, link.Input("aliases[0].name"));
        Assert.Equal(ZoneId, link.Input("aliases[0].zoneId"));
        Assert.Equal(true, link.Input("aliases[0].evaluateTargetHealth"));
        Assert.Equal(("fallback-1." + RecordName, "SECONDARY"), (run.Single(Record, "edge-record-usw1").Input("name"), run.Single(Record, "edge-record-usw1").Input("failoverRoutingPolicies[0].type")));
    }

    [Fact]
    public async Task A_wildcard_name_cannot_chain_more_than_two_failover_endpoints()
    {
        var args = TwoAwsRegions();
        args.Spec.RecordName = "*.example.com";
        args.Spec.Endpoints.Add(AzureByHostname());

        var error = await Failure(args);

        Assert.Contains("spec.recordName = \"*.example.com\": Route 53 failover takes one primary and one secondary per name", error);
    }

    [Fact]
    public async Task An_ip_address_beside_a_hostname_is_refused_because_a_cname_shares_its_name_with_nothing()
    {
        var args = AwsToAzure();
        args.Spec.Endpoints[0] = new DnsEndpointSpec { Name = "dc1", Kind = DnsEndpointKinds.Host, IpAddress = "203.0.113.10" };

        var error = await Failure(args);

        Assert.Contains("spec.endpoints[0].ipAddress = \"203.0.113.10\": Route 53 keeps one record type per name, and endpoint azure-weu is a hostname", error);
    }

    [Fact]
    public async Task An_azure_resource_id_alone_is_refused_by_route53()
    {
        var args = AwsToAzure();
        args.Spec.Endpoints[1] = new DnsEndpointSpec { Name = "azure-weu", Kind = DnsEndpointKinds.AzureEndpoint, ResourceId = AzurePublicIpId };

        var error = await Failure(args);

        Assert.Contains("spec.endpoints[1].hostname = (not set): Route 53 cannot resolve an Azure resource id", error);
    }

    [Fact]
    public async Task Weights_are_refused_beyond_what_each_host_takes()
    {
        var route53 = TwoAwsRegions();
        route53.Spec.Routing = DnsRoutingPolicies.Weighted;
        route53.Spec.Endpoints[0].Weight = 300;
        var trafficManager = AwsToAzureInTrafficManager();
        trafficManager.Spec.Routing = DnsRoutingPolicies.Weighted;
        trafficManager.Spec.Endpoints[1].Weight = 0;

        Assert.Contains("spec.endpoints[0].weight = 300: Route 53 weights run 0 to 255", await Failure(route53));
        Assert.Contains("spec.endpoints[1].weight = 0: Traffic Manager weights run 1 to 1000", await Failure(trafficManager));
    }

    [Fact]
    public async Task Latency_routing_needs_regions_in_the_hosts_own_terms()
    {
        var missing = TwoAwsRegions();
        missing.Spec.Routing = DnsRoutingPolicies.Latency;
        missing.Spec.Endpoints[1].Region = null;
        var azureName = AwsToAzure();
        azureName.Spec.Routing = DnsRoutingPolicies.Latency;
        var awsName = AwsToAzureInTrafficManager();
        awsName.Spec.Routing = DnsRoutingPolicies.Latency;

        Assert.Contains("spec.endpoints[1].region = (not set): latency routing sends each client to the nearest region", await Failure(missing));
        Assert.Contains("spec.endpoints[1].region = \"westeurope\": Route 53 latency routing takes an AWS region", await Failure(azureName));
        Assert.Contains("spec.endpoints[0].region = \"us-east-1\": Traffic Manager locates endpoints by Azure region", await Failure(awsName));
    }

    [Fact]
    public async Task An_azure_endpoint_without_a_region_suits_traffic_manager_latency_routing_but_not_route53()
    {
        DnsEndpointSpec Azure() => new() { Name = "azure-weu", Kind = DnsEndpointKinds.AzureEndpoint, ResourceId = AzurePublicIpId, Hostname = AzureHostname };
        var route53 = AwsToAzure();
        route53.Spec.Routing = DnsRoutingPolicies.Latency;
        route53.Spec.Endpoints[1] = Azure();
        var trafficManager = AwsToAzureInTrafficManager();
        trafficManager.Spec.Routing = DnsRoutingPolicies.Latency;
        trafficManager.Spec.Endpoints[0].Region = "eastus";
        trafficManager.Spec.Endpoints[1] = Azure();

        var run = await Run(trafficManager);

        Assert.Contains("spec.endpoints[1].region = (not set): Route 53 latency routing needs every record's AWS region", await Failure(route53));
        Assert.Null(run.Single(AzureEndpoint, "edge-endpoint-azure-weu").Input("endpointLocation"));
        Assert.Equal("Performance", run.Single(Profile, "edge-profile").Input("trafficRoutingMethod"));
    }

    [Fact]
    public async Task Traffic_manager_refuses_what_only_route53_has()
    {
        var args = AwsToAzureInTrafficManager();
        args.Spec.ZoneId = ZoneId;
        args.Spec.CheckerRegions = ["us-east-1", "us-west-2", "eu-west-1"];
        args.Spec.MeasureLatency = true;
        args.Spec.MinHealthyEndpoints = 1;
        args.AlarmTopicArn = TopicArn;
        args.ResourceGroupName = null;

        var error = await Failure(args);

        Assert.Contains("has 6 problems", error);
        Assert.Contains("spec.zoneId = \"(set)\": Traffic Manager answers under trafficmanager.net", error);
        Assert.Contains("spec.checkerRegions = [\"us-east-1\",\"us-west-2\",\"eu-west-1\"]: Traffic Manager probes from Azure's own locations", error);
        Assert.Contains("spec.measureLatency = true: Traffic Manager does not record probe latency", error);
        Assert.Contains("spec.minHealthyEndpoints = 1: Traffic Manager has no calculated checks", error);
        Assert.Contains("alarmTopicArn = \"(set)\": Traffic Manager publishes no CloudWatch metrics", error);
        Assert.Contains("resourceGroupName = (not set): Traffic Manager profiles live in a resource group", error);
    }

    [Fact]
    public async Task Traffic_manager_refuses_endpoints_checked_differently_and_its_own_timeout_limits()
    {
        var args = AwsToAzureInTrafficManager();
        args.Spec.Endpoints[1].HealthCheck = new HealthCheckSpec { Protocol = HealthCheckProtocols.Https, Path = "/status", IntervalSeconds = 10 };
        args.Spec.HealthCheck.TimeoutSeconds = 9;
        args.Spec.HealthCheck.IntervalSeconds = 10;
        var slowProbe = AwsToAzureInTrafficManager();
        slowProbe.Spec.HealthCheck.TimeoutSeconds = 4;

        var error = await Failure(args);

        Assert.Contains("spec.endpoints[1].healthCheck = \"(differs)\": Traffic Manager monitors every endpoint of a profile with one check; make this check equal to spec.healthCheck", error);
        Assert.Contains("spec.healthCheck.timeoutSeconds = 4: Traffic Manager waits 5 to 9 seconds for a probe every 10 s; use 5", await Failure(slowProbe));
    }

    [Fact]
    public async Task Failover_slower_than_the_target_rto_is_refused_with_the_arithmetic()
    {
        var args = TwoAwsRegions();
        args.Spec.HealthCheck.IntervalSeconds = 30;

        var error = await Failure(args);

        Assert.Contains("spec.healthCheck.intervalSeconds = 30: failing over from endpoint use1 takes up to 30 s × 3 failures + 60 s TTL = 150 s, " +
                        "more than spec.targetRtoSeconds (120 s)", error);
    }

    [Fact]
    public async Task A_dns_check_of_a_path_the_load_balancer_does_not_serve_is_refused()
    {
        var args = TwoAwsRegions();
        args.Spec.HealthCheck.Path = "/status";

        var error = await Failure(args);

        Assert.Contains("spec.healthCheck.path = \"/status\": the backends behind spec.endpoints[0].loadBalancer answer health checks on /healthz", error);
        Assert.Contains("use /healthz", error);
    }

    [Fact]
    public async Task Endpoints_must_say_what_they_are_and_be_named_once()
    {
        var args = TwoAwsRegions();
        args.Spec.Endpoints[1].Name = "use1";
        args.Spec.Endpoints.Add(new DnsEndpointSpec { Name = "Bad_Name", Hostname = "example.net" });
        args.Spec.Routing = DnsRoutingPolicies.Weighted;

        var error = await Failure(args);

        Assert.Contains("spec.endpoints = \"use1\": endpoint name \"use1\" is used 2 times", error);
        Assert.Contains("spec.endpoints[2].name = \"Bad_Name\": use 1 to 32 lower-case letters", error);
        Assert.Contains("spec.endpoints[2].kind = \"\": use one of aws-load-balancer, azure-endpoint, kubernetes-ingress, host", error);
    }
}
