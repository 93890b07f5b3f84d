using Infra.Components.HealthChecks;
using Infra.Components.LoadBalancing;
using Infra.Components.LoadBalancing.Azure;
using Infra.Tests.Components.Networking.Azure;
using Infra.Tests.Harness;
using Xunit;
using static Infra.Tests.Components.LoadBalancing.Azure.AzureTestSpecs;

namespace Infra.Tests.Components.LoadBalancing.Azure;

/// <summary>AzureLoadBalancer with layer "network": a Standard Load Balancer.</summary>
[Collection(Infra.Tests.Sdk.EngineCollection.Name)]
public sealed class AzureStandardLoadBalancerTests
{
    private const string LoadBalancerType = "azure:lb/loadBalancer:LoadBalancer";
    private const string PoolType = "azure:lb/backendAddressPool:BackendAddressPool";
    private const string ProbeType = "azure:lb/probe:Probe";
    private const string RuleType = "azure:lb/rule:Rule";
    private const string OutboundRuleType = "azure:lb/outboundRule:OutboundRule";
    private const string PublicIpType = "azure:network/publicIp:PublicIp";
    private const string SecurityRuleType = "azure:network/networkSecurityRule:NetworkSecurityRule";
    private const string RandomType = "random:index/randomString:RandomString";

    private static Task<TestRun> BuildAsync(LoadBalancerSpec spec, Action<AzureLoadBalancerArgs>? adjust = null, bool preview = false)
    {
        var args = Args(spec);
        adjust?.Invoke(args);
        return PulumiTest.RunAsync(() => new AzureLoadBalancer("db", args), preview);
    }

    private static Task<string> RefusalAsync(LoadBalancerSpec spec, Action<AzureLoadBalancerArgs>? adjust = null)
    {
        var args = Args(spec);
        adjust?.Invoke(args);
        return PulumiTest.FailureAsync(() => new AzureLoadBalancer("db", args));
    }

    private static LoadBalancerSpec Public(Action<LoadBalancerSpec> change)
    {
        var spec = PublicTcpService();
        change(spec);
        return spec;
    }

    // ---- shape -------------------------------------------------------------------------------

    [Fact]
    public async Task Public_tcp_service_creates_a_standard_lb_with_a_pool_probe_rule_and_two_firewall_rules()
    {
        var run = await BuildAsync(PublicTcpService());

        Assert.Equal(1, run.Count(LoadBalancerType));
        Assert.Equal(1, run.Count(PoolType));
        Assert.Equal(1, run.Count(ProbeType));
        Assert.Equal(1, run.Count(RuleType));
        Assert.Equal(0, run.Count(OutboundRuleType));
        Assert.Equal(1, run.Count(PublicIpType));
        Assert.Equal(1, run.Count(RandomType));
        Assert.Equal(2, run.Count(SecurityRuleType));
        string[] expected = ["db-nsg-clients-app", "db-nsg-probes-app", "db-dns-suffix", "db-pip", "db-lb", "db-pool-app", "db-probe-app", "db-rule-tcp"];
        var children = run.Resources.Where(r => r.Package is "azure" or "random").ToList();
        Assert.Equal(expected.Order(), children.Select(r => r.Name).Order());
        Assert.All(children, r => Assert.Equal(AzureLoadBalancer.TypeToken, r.ParentType));
    }

    [Fact]
    public async Task Load_balancer_is_standard_with_its_frontend_on_the_zone_redundant_public_ip()
    {
        var run = await BuildAsync(PublicTcpService());

        var balancer = run.Single(LoadBalancerType, "db-lb");
        Assert.Equal("Standard", balancer.Input("sku"));
        Assert.Equal("net-rg", balancer.Input("resourceGroupName"));
        Assert.Equal("eastus", balancer.Input("location"));
        Assert.Equal("frontend", balancer.Input("frontendIpConfigurations[0].name"));
        Assert.Equal(Id("network", "db-pip"), balancer.Input("frontendIpConfigurations[0].publicIpAddressId"));
        Assert.Null(balancer.Input("frontendIpConfigurations[0].subnetId"));
        var ip = run.Single(PublicIpType, "db-pip");
        Assert.Equal("Standard", ip.Input("sku"));
        Assert.Equal("Static", ip.Input("allocationMethod"));
        Assert.Equal(new object?[] { "1", "2", "3" }, ip.List("zones"));
        Assert.Matches("^db-[a-z0-9]{6}$", Assert.IsType<string>(ip.Input("domainNameLabel")));
    }

    [Fact]
    public async Task Rule_forwards_the_listener_port_to_the_pool_port_by_5_tuple_hash_without_outbound_snat()
    {
        var run = await BuildAsync(PublicTcpService());

        var rule = run.Single(RuleType, "db-rule-tcp");
        Assert.Equal(Id("lb", "db-lb"), rule.Input("loadbalancerId"));
        Assert.Equal("frontend", rule.Input("frontendIpConfigurationName"));
        Assert.Equal("Tcp", rule.Input("protocol"));
        Assert.Equal(443.0, rule.Number("frontendPort"));
        Assert.Equal(8443.0, rule.Number("backendPort"));
        Assert.Equal(new object?[] { Id("lb", "db-pool-app") }, rule.List("backendAddressPoolIds"));
        Assert.Equal(Id("lb", "db-probe-app"), rule.Input("probeId"));
        Assert.Equal("Default", rule.Input("loadDistribution"));
        Assert.Equal(true, rule.Input("disableOutboundSnat"));
        Assert.Equal(4.0, rule.Number("idleTimeoutInMinutes"));
        Assert.Equal(true, rule.Input("tcpResetEnabled"));
    }

    [Fact]
    public async Task Random_also_maps_to_the_5_tuple_hash()
    {
        var run = await BuildAsync(Public(s => s.Algorithm = LoadBalancingAlgorithms.Random));

        Assert.Equal("Default", run.Single(RuleType, "db-rule-tcp").Input("loadDistribution"));
    }

    [Fact]
    public async Task Source_ip_stickiness_maps_to_source_ip_distribution()
    {
        var run = await BuildAsync(Public(s => s.Stickiness = new StickinessSpec { Mode = StickinessSpec.SourceIp }));

        Assert.Equal("SourceIP", run.Single(RuleType, "db-rule-tcp").Input("loadDistribution"));
    }

    [Fact]
    public async Task Idle_timeout_is_given_in_whole_minutes()
    {
        var run = await BuildAsync(Public(s => s.IdleTimeoutSeconds = 1800));

        Assert.Equal(30.0, run.Single(RuleType, "db-rule-tcp").Number("idleTimeoutInMinutes"));
    }

    [Fact]
    public async Task Http_probe_carries_the_path_interval_and_failure_count_on_the_pool_port()
    {
        var run = await BuildAsync(PublicTcpService());

        var probe = run.Single(ProbeType, "db-probe-app");
        Assert.Equal(Id("lb", "db-lb"), probe.Input("loadbalancerId"));
        Assert.Equal("Http", probe.Input("protocol"));
        Assert.Equal(8443.0, probe.Number("port"));
        Assert.Equal("/ready", probe.Input("requestPath"));
        Assert.Equal(15.0, probe.Number("intervalInSeconds"));
        Assert.Equal(3.0, probe.Number("probeThreshold"));
        Assert.Equal(3.0, probe.Number("numberOfProbes"));
    }

    [Fact]
    public async Task Tcp_probe_has_no_path_and_uses_its_own_port_when_given()
    {
        var spec = InternalTcpService();
        spec.Pools["db"].HealthCheck = new HealthCheckSpec { Protocol = HealthCheckProtocols.Tcp, Port = 5433 };

        var run = await BuildAsync(spec);

        var probe = run.Single(ProbeType, "db-probe-db");
        Assert.Equal("Tcp", probe.Input("protocol"));
        Assert.Null(probe.Input("requestPath"));
        Assert.Equal(5433.0, probe.Number("port"));
        Assert.Equal("5433", run.Single(SecurityRuleType, "db-nsg-probes-db").Input("destinationPortRange"));
    }

    [Fact]
    public async Task Backends_admit_the_allowed_ranges_on_the_pool_port_and_azure_probes_on_the_probe_port()
    {
        var run = await BuildAsync(PublicTcpService());

        var clients = run.Single(SecurityRuleType, "db-nsg-clients-app");
        Assert.Equal("net-backend-nsg", clients.Input("networkSecurityGroupName"));
        Assert.Equal("203.0.113.0/24", clients.Input("sourceAddressPrefix"));
        Assert.Equal("8443", clients.Input("destinationPortRange"));
        Assert.Equal(1000.0, clients.Number("priority"));
        var probes = run.Single(SecurityRuleType, "db-nsg-probes-app");
        Assert.Equal("net-backend-nsg", probes.Input("networkSecurityGroupName"));
        Assert.Equal("AzureLoadBalancer", probes.Input("sourceAddressPrefix"));
        Assert.Equal("8443", probes.Input("destinationPortRange"));
        Assert.Equal(1100.0, probes.Number("priority"));
        Assert.All(run.OfType(SecurityRuleType), r =>
        {
            Assert.Equal("Inbound", r.Input("direction"));
            Assert.Equal("Allow", r.Input("access"));
            Assert.False(SecurityRules.Opens((string)r.Input("destinationPortRange")!, 22));
            Assert.False(SecurityRules.Opens((string)r.Input("destinationPortRange")!, 3389));
        });
    }

    [Fact]
    public async Task Internal_service_gets_a_zone_redundant_private_frontend_in_the_gateway_subnet_and_no_public_ip()
    {
        var run = await BuildAsync(InternalTcpService());

        Assert.Equal(0, run.Count(PublicIpType));
        Assert.Equal(0, run.Count(RandomType));
        var balancer = run.Single(LoadBalancerType, "db-lb");
        Assert.Equal(GatewaySubnetId, balancer.Input("frontendIpConfigurations[0].subnetId"));
        Assert.Equal("Dynamic", balancer.Input("frontendIpConfigurations[0].privateIpAddressAllocation"));
        Assert.Equal(new object?[] { "1", "2", "3" }, balancer.List("frontendIpConfigurations[0].zones"));
        Assert.Null(balancer.Input("frontendIpConfigurations[0].publicIpAddressId"));
        // No allowed ranges: the virtual network's own ranges may connect.
        Assert.Equal("VirtualNetwork", run.Single(SecurityRuleType, "db-nsg-clients-db").Input("sourceAddressPrefix"));
        var component = run.Object<AzureLoadBalancer>("db");
        Assert.Equal("10.0.0.4", await TestRun.ValueAsync(component.Fqdn));
        Assert.Null(await TestRun.ValueAsync(component.PublicIpAddress));
        Assert.Null(await TestRun.ValueAsync(component.PublicIpId));
        Assert.False(component.Facts().IsPublic);
    }

    [Fact]
    public async Task An_outbound_rule_per_pool_is_added_only_when_asked()
    {
        var run = await BuildAsync(PublicTcpService(), args => args.OutboundRule = true);

        var outbound = run.Single(OutboundRuleType, "db-outbound-app");
        Assert.Equal(Id("lb", "db-lb"), outbound.Input("loadbalancerId"));
        Assert.Equal(Id("lb", "db-pool-app"), outbound.Input("backendAddressPoolId"));
        Assert.Equal("All", outbound.Input("protocol"));
        Assert.Equal("frontend", outbound.Input("frontendIpConfigurations[0].name"));
        Assert.Equal(true, run.Single(RuleType, "db-rule-tcp").Input("disableOutboundSnat"));
    }

    [Fact]
    public async Task Outputs_give_pool_and_probe_ids_by_pool_key()
    {
        var run = await BuildAsync(PublicTcpService());

        var component = run.Object<AzureLoadBalancer>("db");
        Assert.Equal(Id("lb", "db-lb"), await TestRun.ValueAsync(component.LoadBalancerId));
        Assert.Equal(new Dictionary<string, string> { ["app"] = Id("lb", "db-pool-app") }, await TestRun.ValueAsync(component.BackendAddressPoolIdsByPool()));
        Assert.Equal(new Dictionary<string, string> { ["app"] = Id("lb", "db-probe-app") }, await TestRun.ValueAsync(component.HealthProbeIdsByPool()));
        Assert.Matches(@"^db-[a-z0-9]{6}\.eastus\.cloudapp\.azure\.com$", await TestRun.ValueAsync(component.Fqdn));
        Assert.False(component.Facts().IsApplicationGateway);
        Assert.Equal(8443, component.Facts().PoolPorts["app"]);
    }

    [Fact]
    public async Task Network_layer_needs_no_gateway_security_group_or_cidr()
    {
        var run = await BuildAsync(PublicTcpService(), args =>
        {
            args.GatewaySecurityGroupName = null;
            args.GatewaySubnetCidr = null;
            args.GatewaySubnetId = null;
            args.IdentityId = null;
        });

        Assert.Equal(1, run.Count(LoadBalancerType));
    }

    [Fact]
    public async Task Preview_completes()
    {
        var run = await BuildAsync(InternalTcpService(), preview: true);

        Assert.Equal(1, run.Count(LoadBalancerType));
        Assert.Equal(1, run.Count(RuleType));
    }

    // ---- refusals ----------------------------------------------------------------------------

    [Fact]
    public async Task Round_robin_is_refused_with_flow_hash()
    {
        var error = await RefusalAsync(Public(s => s.Algorithm = LoadBalancingAlgorithms.RoundRobin));

        Assert.Contains("spec.algorithm = \"round-robin\": an Azure Standard Load Balancer hashes each flow (5-tuple) to a backend", error, StringComparison.Ordinal);
        Assert.Contains("use flow-hash, or layer application", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Least_connections_is_refused_with_the_alternative()
    {
        var error = await RefusalAsync(Public(s => s.Algorithm = LoadBalancingAlgorithms.LeastConnections));

        Assert.Contains("spec.algorithm = \"least-connections\": an Azure Standard Load Balancer has no least-connections setting", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Weighted_is_refused_pointing_to_traffic_manager()
    {
        var error = await RefusalAsync(Public(s =>
        {
            s.Algorithm = LoadBalancingAlgorithms.Weighted;
            s.Pools["canary"] = new BackendPoolSpec { Protocol = ListenerProtocols.Tcp, Port = 9443 };
        }));

        Assert.Contains("spec.algorithm = \"weighted\": an Azure Standard Load Balancer cannot split traffic between pools by weight", error, StringComparison.Ordinal);
        Assert.Contains("Traffic Manager weighted routing", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anomaly_mitigation_is_refused()
    {
        var error = await RefusalAsync(Public(s => (s.Algorithm, s.AnomalyMitigation) = (LoadBalancingAlgorithms.Random, true)));

        Assert.Contains("spec.anomalyMitigation = true: an Azure Standard Load Balancer has no anomaly mitigation", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tls_listeners_and_pools_are_refused()
    {
        var error = await RefusalAsync(Public(s =>
        {
            s.Listeners["tcp"] = new ListenerSpec { Protocol = ListenerProtocols.Tls, Port = 443, CertificateId = CertificateSecretId };
            s.Pools["app"].Protocol = ListenerProtocols.Tls;
        }));

        Assert.Contains("spec.listeners.tcp.protocol = \"tls\": an Azure Standard Load Balancer passes TCP through and cannot terminate TLS", error, StringComparison.Ordinal);
        Assert.Contains("spec.pools.app.protocol = \"tls\": an Azure Standard Load Balancer speaks no TLS to backends", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(60, "keeps idle TCP flows 4 to 100 minutes; use 240 to 6000 seconds")]
    [InlineData(250, "counts idle timeouts in whole minutes; use 240 or 300")]
    public async Task An_idle_timeout_azure_cannot_set_is_refused(int seconds, string fix)
    {
        var error = await RefusalAsync(Public(s => s.IdleTimeoutSeconds = seconds));

        Assert.Contains($"spec.idleTimeoutSeconds = {seconds}: an Azure Standard Load Balancer {fix}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_probe_that_would_detect_in_under_10_seconds_is_refused()
    {
        var error = await RefusalAsync(Public(s => s.Pools["app"].HealthCheck = new HealthCheckSpec { IntervalSeconds = 5, TimeoutSeconds = 2, UnhealthyThreshold = 1 }));

        Assert.Contains("spec.pools.app.healthCheck.unhealthyThreshold = 1: an Azure Standard Load Balancer needs interval × failures of at least 10 seconds", error, StringComparison.Ordinal);
        Assert.Contains("use 2 failures or a longer interval", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_http_probe_that_does_not_accept_200_is_refused()
    {
        var error = await RefusalAsync(Public(s => s.Pools["app"].HealthCheck = new HealthCheckSpec { ExpectedStatusCodes = "204" }));

        Assert.Contains("spec.pools.app.healthCheck.expectedStatusCodes = \"204\": an Azure Standard Load Balancer counts only HTTP 200 as healthy", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outbound_rule_on_an_internal_load_balancer_is_refused()
    {
        var error = await RefusalAsync(InternalTcpService(), args => args.OutboundRule = true);

        Assert.Contains("outboundRule = true: outbound rules exist only on a public Standard Load Balancer", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_internal_load_balancer_without_the_gateway_subnet_is_refused()
    {
        var error = await RefusalAsync(InternalTcpService(), args => args.GatewaySubnetId = null);

        Assert.Contains("gatewaySubnetId = (not set): an internal load balancer takes its private frontend address from the gateway subnet", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dns_label_on_an_internal_load_balancer_is_refused()
    {
        var error = await RefusalAsync(InternalTcpService(), args => args.DomainNameLabel = "db-internal");

        Assert.Contains("domainNameLabel = \"db-internal\": an internal load balancer has no public IP to label", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_priority_base_out_of_range_is_refused()
    {
        var error = await RefusalAsync(PublicTcpService(), args => args.SecurityRulePriorityBase = 100);

        Assert.Contains("securityRulePriorityBase = 100: use 200 to 3900", error, StringComparison.Ordinal);
    }
}
