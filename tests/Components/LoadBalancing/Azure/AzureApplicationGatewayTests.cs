using Infra.Components.HealthChecks;
using Infra.Components.LoadBalancing;
using Infra.Components.LoadBalancing.Azure;
using Infra.Tests.Components.Networking.Azure;
using Infra.Tests.Harness;
using Xunit;
using static Infra.Tests.Components.LoadBalancing.Azure.AzureTestSpecs;

namespace Infra.Tests.Components.LoadBalancing.Azure;

/// <summary>AzureLoadBalancer with layer "application": an Application Gateway v2.</summary>
[Collection(Infra.Tests.Sdk.EngineCollection.Name)]
public sealed class AzureApplicationGatewayTests
{
    private const string GatewayType = "azure:network/applicationGateway:ApplicationGateway";
    private const string PublicIpType = "azure:network/publicIp:PublicIp";
    private const string RuleType = "azure:network/networkSecurityRule:NetworkSecurityRule";
    private const string RandomType = "random:index/randomString:RandomString";

    private static Task<TestRun> BuildAsync(LoadBalancerSpec spec, Action<AzureLoadBalancerArgs>? adjust = null, bool preview = false)
    {
        var args = Args(spec);
        adjust?.Invoke(args);
        return PulumiTest.RunAsync(() => new AzureLoadBalancer("web", args), preview);
    }

    private static Task<string> RefusalAsync(LoadBalancerSpec spec, Action<AzureLoadBalancerArgs>? adjust = null, string name = "web")
    {
        var args = Args(spec);
        adjust?.Invoke(args);
        return PulumiTest.FailureAsync(() => new AzureLoadBalancer(name, args));
    }

    private static LoadBalancerSpec With(Action<LoadBalancerSpec> change)
    {
        var spec = PublicHttpsService();
        change(spec);
        return spec;
    }

    // ---- shape -------------------------------------------------------------------------------

    [Fact]
    public async Task Public_https_service_creates_a_gateway_a_labelled_ip_its_suffix_and_three_rules()
    {
        var run = await BuildAsync(PublicHttpsService());

        Assert.Equal(1, run.Count(AzureLoadBalancer.TypeToken));
        Assert.Equal(1, run.Count(GatewayType));
        Assert.Equal(1, run.Count(PublicIpType));
        Assert.Equal(1, run.Count(RandomType));
        Assert.Equal(3, run.Count(RuleType));
        Assert.Equal(6, run.Resources.Count(r => r.Package is "azure" or "random"));
    }

    [Fact]
    public async Task Children_are_named_from_the_component_and_parented_to_it()
    {
        var run = await BuildAsync(PublicHttpsService());

        string[] expected = ["web-nsg-listener-http", "web-nsg-listener-https", "web-nsg-pool-web", "web-dns-suffix", "web-pip", "web-agw"];
        var children = run.Resources.Where(r => r.Package is "azure" or "random").ToList();
        Assert.Equal(expected.Order(), children.Select(r => r.Name).Order());
        Assert.All(children, r =>
        {
            Assert.Equal(AzureLoadBalancer.TypeToken, r.ParentType);
            Assert.Equal("web", r.ParentName);
        });
    }

    [Fact]
    public async Task Gateway_is_standard_v2_autoscaled_zone_redundant_in_the_gateway_subnet()
    {
        var run = await BuildAsync(PublicHttpsService(), args => args.Tags = new() { ["team"] = "web" });

        var gateway = run.Single(GatewayType, "web-agw");
        Assert.Equal("net-rg", gateway.Input("resourceGroupName"));
        Assert.Equal("eastus", gateway.Input("location"));
        Assert.Equal("Standard_v2", gateway.Input("sku.name"));
        Assert.Equal("Standard_v2", gateway.Input("sku.tier"));
        Assert.Null(gateway.Input("sku.capacity"));
        Assert.Equal(2.0, gateway.Number("autoscaleConfiguration.minCapacity"));
        Assert.Equal(10.0, gateway.Number("autoscaleConfiguration.maxCapacity"));
        Assert.Equal(new object?[] { "1", "2", "3" }, gateway.List("zones"));
        Assert.Equal(GatewaySubnetId, gateway.Input("gatewayIpConfigurations[0].subnetId"));
        Assert.Equal("public-frontend", gateway.Input("frontendIpConfigurations[0].name"));
        Assert.Equal(Id("network", "web-pip"), gateway.Input("frontendIpConfigurations[0].publicIpAddressId"));
        Assert.Equal("web", gateway.Input("tags.team"));
    }

    [Fact]
    public async Task Capacity_bounds_come_from_the_args()
    {
        var run = await BuildAsync(PublicHttpsService(), args => (args.MinCapacity, args.MaxCapacity) = (0, 4));

        var gateway = run.Single(GatewayType, "web-agw");
        Assert.Equal(0.0, gateway.Number("autoscaleConfiguration.minCapacity"));
        Assert.Equal(4.0, gateway.Number("autoscaleConfiguration.maxCapacity"));
    }

    [Fact]
    public async Task Public_ip_is_static_standard_zone_redundant_and_labelled_with_a_random_suffix()
    {
        var run = await BuildAsync(PublicHttpsService());

        var suffix = run.Single(RandomType, "web-dns-suffix");
        Assert.Equal(6.0, suffix.Number("length"));
        Assert.Equal(false, suffix.Input("special"));
        Assert.Equal(false, suffix.Input("upper"));
        Assert.Equal(true, suffix.Input("lower"));
        Assert.Equal(true, suffix.Input("numeric"));
        var ip = run.Single(PublicIpType, "web-pip");
        Assert.Equal("Static", ip.Input("allocationMethod"));
        Assert.Equal("Standard", ip.Input("sku"));
        Assert.Equal(new object?[] { "1", "2", "3" }, ip.List("zones"));
        // The mocks answer a RandomString with a value of the asked length and case.
        var label = Assert.IsType<string>(ip.Input("domainNameLabel"));
        Assert.Matches("^web-[a-z0-9]{6}$", label);
        var balancer = run.Object<AzureLoadBalancer>("web");
        Assert.Equal($"{label}.eastus.cloudapp.azure.com", await TestRun.ValueAsync(balancer.Fqdn));
    }

    [Fact]
    public async Task A_given_dns_label_is_used_and_no_suffix_is_made()
    {
        var run = await BuildAsync(PublicHttpsService(), args => args.DomainNameLabel = "shop-prod");

        Assert.Equal(0, run.Count(RandomType));
        Assert.Equal("shop-prod", run.Single(PublicIpType, "web-pip").Input("domainNameLabel"));
        Assert.Equal("shop-prod.eastus.cloudapp.azure.com", await TestRun.ValueAsync(run.Object<AzureLoadBalancer>("web").Fqdn));
    }

    [Fact]
    public async Task A_zoneless_location_gets_a_zoneless_gateway_and_ip()
    {
        var run = await BuildAsync(PublicHttpsService(), args => args.Location = "westus");

        Assert.Empty(run.Single(GatewayType, "web-agw").List("zones"));
        Assert.Empty(run.Single(PublicIpType, "web-pip").List("zones"));
    }

    // ---- listeners, TLS, redirect ------------------------------------------------------------

    [Fact]
    public async Task Https_listener_uses_the_key_vault_certificate_through_the_user_assigned_identity()
    {
        var run = await BuildAsync(PublicHttpsService());

        var gateway = run.Single(GatewayType, "web-agw");
        Assert.Equal("UserAssigned", gateway.Input("identity.type"));
        Assert.Equal(new object?[] { IdentityId }, gateway.List("identity.identityIds"));
        Assert.Single(gateway.List("sslCertificates"));
        Assert.Equal("cert-https", gateway.Input("sslCertificates[0].name"));
        Assert.Equal(CertificateSecretId, gateway.Input("sslCertificates[0].keyVaultSecretId"));
        Assert.Null(gateway.Input("sslCertificates[0].data"));
        var https = Block(gateway, "httpListeners", "listener-https");
        Assert.Equal("Https", https["protocol"]);
        Assert.Equal("cert-https", https["sslCertificateName"]);
        Assert.Equal("port-https", https["frontendPortName"]);
        Assert.Equal("public-frontend", https["frontendIpConfigurationName"]);
        Assert.Equal(443.0, Block(gateway, "frontendPorts", "port-https")["port"]);
        Assert.Equal(80.0, Block(gateway, "frontendPorts", "port-http")["port"]);
    }

    [Fact]
    public async Task Https_uses_the_strict_2022_tls_policy_by_default()
    {
        var run = await BuildAsync(PublicHttpsService());

        var gateway = run.Single(GatewayType, "web-agw");
        Assert.Equal("Predefined", gateway.Input("sslPolicy.policyType"));
        Assert.Equal("AppGwSslPolicy20220101S", gateway.Input("sslPolicy.policyName"));
    }

    [Fact]
    public async Task A_named_tls12_policy_is_used()
    {
        var run = await BuildAsync(With(s => s.Listeners["https"].TlsPolicy = "AppGwSslPolicy20220101"));

        Assert.Equal("AppGwSslPolicy20220101", run.Single(GatewayType, "web-agw").Input("sslPolicy.policyName"));
    }

    [Fact]
    public async Task Http_listener_redirects_permanently_to_the_https_listener_with_path_and_query()
    {
        var run = await BuildAsync(PublicHttpsService());

        var gateway = run.Single(GatewayType, "web-agw");
        Assert.Single(gateway.List("redirectConfigurations"));
        var redirect = Block(gateway, "redirectConfigurations", "redirect-http");
        Assert.Equal("Permanent", redirect["redirectType"]);
        Assert.Equal("listener-https", redirect["targetListenerName"]);
        Assert.Equal(true, redirect["includePath"]);
        Assert.Equal(true, redirect["includeQueryString"]);
        var rule = Block(gateway, "requestRoutingRules", "rule-http");
        Assert.Equal("Basic", rule["ruleType"]);
        Assert.Equal("listener-http", rule["httpListenerName"]);
        Assert.Equal("redirect-http", rule["redirectConfigurationName"]);
        Assert.False(rule.ContainsKey("backendAddressPoolName"));
        Assert.Equal("Http", Block(gateway, "httpListeners", "listener-http")["protocol"]);
    }

    [Fact]
    public async Task Https_rule_forwards_to_the_pool_and_rule_priorities_are_unique_in_port_order()
    {
        var run = await BuildAsync(PublicHttpsService());

        var gateway = run.Single(GatewayType, "web-agw");
        var rule = Block(gateway, "requestRoutingRules", "rule-https");
        Assert.Equal("pool-web", rule["backendAddressPoolName"]);
        Assert.Equal("settings-web", rule["backendHttpSettingsName"]);
        Assert.False(rule.ContainsKey("redirectConfigurationName"));
        Assert.Equal(10.0, Block(gateway, "requestRoutingRules", "rule-http")["priority"]);
        Assert.Equal(20.0, rule["priority"]);
    }

    [Fact]
    public async Task Http_without_redirect_forwards_plain_http()
    {
        var run = await BuildAsync(With(s => s.Listeners["http"].RedirectToHttps = false));

        var gateway = run.Single(GatewayType, "web-agw");
        Assert.Empty(gateway.List("redirectConfigurations"));
        Assert.Equal("pool-web", Block(gateway, "requestRoutingRules", "rule-http")["backendAddressPoolName"]);
    }

    // ---- pools, probes, stickiness ------------------------------------------------------------

    [Fact]
    public async Task Pool_gets_backend_settings_with_draining_request_timeout_and_its_probe()
    {
        var run = await BuildAsync(PublicHttpsService());

        var gateway = run.Single(GatewayType, "web-agw");
        Assert.Equal("pool-web", gateway.Input("backendAddressPools[0].name"));
        var settings = Block(gateway, "backendHttpSettings", "settings-web");
        Assert.Equal(8080.0, settings["port"]);
        Assert.Equal("Http", settings["protocol"]);
        Assert.Equal("Disabled", settings["cookieBasedAffinity"]);
        Assert.Equal(60.0, settings["requestTimeout"]);
        Assert.Equal("probe-web", settings["probeName"]);
        Assert.Equal(true, settings["pickHostNameFromBackendAddress"]);
        Assert.Equal(true, gateway.Input("backendHttpSettings[0].connectionDraining.enabled"));
        Assert.Equal(30.0, gateway.Number("backendHttpSettings[0].connectionDraining.drainTimeoutSec"));
    }

    [Fact]
    public async Task Probe_carries_the_health_check_of_the_pool()
    {
        var run = await BuildAsync(With(s => s.Pools["web"].HealthCheck = new HealthCheckSpec
        {
            Path = "/ready",
            IntervalSeconds = 10,
            TimeoutSeconds = 4,
            UnhealthyThreshold = 2,
            ExpectedStatusCodes = "200-299,304",
            Port = 9000,
        }));

        var gateway = run.Single(GatewayType, "web-agw");
        Assert.Equal("probe-web", gateway.Input("probes[0].name"));
        Assert.Equal("Http", gateway.Input("probes[0].protocol"));
        Assert.Equal("/ready", gateway.Input("probes[0].path"));
        Assert.Equal(10.0, gateway.Number("probes[0].interval"));
        Assert.Equal(4.0, gateway.Number("probes[0].timeout"));
        Assert.Equal(2.0, gateway.Number("probes[0].unhealthyThreshold"));
        Assert.Equal(9000.0, gateway.Number("probes[0].port"));
        Assert.Equal(true, gateway.Input("probes[0].pickHostNameFromBackendHttpSettings"));
        Assert.Equal(new object?[] { "200-299", "304" }, gateway.List("probes[0].match.statusCodes"));
    }

    [Fact]
    public async Task Lb_cookie_stickiness_turns_on_cookie_affinity()
    {
        var run = await BuildAsync(With(s => s.Stickiness = new StickinessSpec { Mode = StickinessSpec.LoadBalancerCookie }));

        Assert.Equal("Enabled", run.Single(GatewayType, "web-agw").Input("backendHttpSettings[0].cookieBasedAffinity"));
    }

    [Fact]
    public async Task No_draining_turns_connection_draining_off()
    {
        var run = await BuildAsync(With(s => s.Pools["web"].DeregistrationDelaySeconds = 0));

        var gateway = run.Single(GatewayType, "web-agw");
        Assert.Equal(false, gateway.Input("backendHttpSettings[0].connectionDraining.enabled"));
        Assert.Equal(1.0, gateway.Number("backendHttpSettings[0].connectionDraining.drainTimeoutSec"));
    }

    // ---- security rules -----------------------------------------------------------------------

    [Fact]
    public async Task Listener_ports_are_admitted_into_the_gateway_subnet_only_from_the_allowed_ranges()
    {
        var run = await BuildAsync(PublicHttpsService("198.51.100.0/24"));

        var http = run.Single(RuleType, "web-nsg-listener-http");
        var https = run.Single(RuleType, "web-nsg-listener-https");
        foreach (var rule in new[] { http, https })
        {
            Assert.Equal("net-gateway-nsg", rule.Input("networkSecurityGroupName"));
            Assert.Equal("net-rg", rule.Input("resourceGroupName"));
            Assert.Equal("Inbound", rule.Input("direction"));
            Assert.Equal("Allow", rule.Input("access"));
            Assert.Equal("Tcp", rule.Input("protocol"));
            Assert.Equal("198.51.100.0/24", rule.Input("sourceAddressPrefix"));
        }
        Assert.Equal("80", http.Input("destinationPortRange"));
        Assert.Equal("443", https.Input("destinationPortRange"));
        Assert.Equal(1000.0, http.Number("priority"));
        Assert.Equal(1001.0, https.Number("priority"));
    }

    [Fact]
    public async Task Several_ranges_go_into_one_rule_per_listener()
    {
        var run = await BuildAsync(PublicHttpsService("198.51.100.0/24", "192.0.2.0/24"));

        var https = run.Single(RuleType, "web-nsg-listener-https");
        Assert.Null(https.Input("sourceAddressPrefix"));
        Assert.Equal(new object?[] { "198.51.100.0/24", "192.0.2.0/24" }, https.List("sourceAddressPrefixes"));
    }

    [Fact]
    public async Task Backends_admit_the_gateway_subnet_on_the_pool_port_and_the_probe_port()
    {
        var run = await BuildAsync(With(s => s.Pools["web"].HealthCheck = new HealthCheckSpec { Port = 9000 }));

        var pool = run.Single(RuleType, "web-nsg-pool-web");
        Assert.Equal("net-backend-nsg", pool.Input("networkSecurityGroupName"));
        Assert.Equal("10.0.0.0/24", pool.Input("sourceAddressPrefix"));
        Assert.Equal(new object?[] { "8080", "9000" }, pool.List("destinationPortRanges"));
        Assert.Equal(1000.0, pool.Number("priority"));
    }

    [Fact]
    public async Task Rule_priorities_start_at_the_given_base_and_are_unique_per_group()
    {
        var run = await BuildAsync(PublicHttpsService(), args => args.SecurityRulePriorityBase = 2000);

        Assert.Equal(new[] { 2000.0, 2001.0 }, run.OfType(RuleType).Where(r => Equals(r.Input("networkSecurityGroupName"), "net-gateway-nsg")).Select(r => r.Number("priority")!.Value).Order());
        Assert.All(run.OfType(RuleType).GroupBy(r => (string?)r.Input("networkSecurityGroupName")),
            g => Assert.Equal(g.Count(), g.Select(r => r.Number("priority")).Distinct().Count()));
    }

    [Fact]
    public async Task No_rule_opens_ssh_or_rdp_and_internet_sources_reach_only_listener_ports()
    {
        var run = await BuildAsync(PublicHttpsService());

        Assert.All(run.OfType(RuleType), rule =>
        {
            var ports = rule.Input("destinationPortRange") is string one ? [one] : rule.List("destinationPortRanges").Cast<string>().ToArray();
            Assert.DoesNotContain(ports, p => SecurityRules.Opens(p, 22) || SecurityRules.Opens(p, 3389));
            if (SecurityRules.Internet.Contains(rule.Input("sourceAddressPrefix")))
                Assert.All(ports, p => Assert.Contains(p, new[] { "80", "443" }));
        });
    }

    // ---- outputs -----------------------------------------------------------------------------

    [Fact]
    public async Task Outputs_name_the_gateway_its_nested_pool_ids_and_the_public_ip()
    {
        var run = await BuildAsync(PublicHttpsService());

        var balancer = run.Object<AzureLoadBalancer>("web");
        var gatewayId = Id("network", "web-agw");
        Assert.Equal(gatewayId, await TestRun.ValueAsync(balancer.LoadBalancerId));
        Assert.Equal(new Dictionary<string, string> { ["web"] = $"{gatewayId}/backendAddressPools/pool-web" },
            await TestRun.ValueAsync(balancer.BackendAddressPoolIdsByPool()));
        Assert.Empty(await TestRun.ValueAsync(balancer.HealthProbeIdsByPool()));
        Assert.Equal(Id("network", "web-pip"), await TestRun.ValueAsync(balancer.PublicIpId));
        Assert.Equal("203.0.113.20", await TestRun.ValueAsync(balancer.PublicIpAddress));
        Assert.True(balancer.Facts().IsApplicationGateway);
        Assert.Equal(8080, balancer.Facts().PoolPorts["web"]);
        Assert.True(balancer.Facts().IsPublic);
    }

    [Fact]
    public async Task Preview_completes()
    {
        var run = await BuildAsync(PublicHttpsService(), preview: true);

        Assert.Equal(1, run.Count(GatewayType));
        Assert.Equal(3, run.Count(RuleType));
    }

    // ---- refusals ----------------------------------------------------------------------------

    [Fact]
    public async Task Least_connections_is_refused_with_round_robin_as_the_alternative()
    {
        var error = await RefusalAsync(With(s => s.Algorithm = LoadBalancingAlgorithms.LeastConnections));

        Assert.Contains("spec.algorithm = \"least-connections\": an Azure Application Gateway has no least-connections setting", error, StringComparison.Ordinal);
        Assert.Contains("use round-robin (nearest)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Weighted_is_refused_pointing_to_traffic_manager_or_front_door()
    {
        var spec = TestSpecs.BlueGreenService().WithCertificate(CertificateSecretId);

        var error = await RefusalAsync(spec);

        Assert.Contains("spec.algorithm = \"weighted\": an Azure Application Gateway cannot split traffic between pools by weight", error, StringComparison.Ordinal);
        Assert.Contains("Traffic Manager weighted routing", error, StringComparison.Ordinal);
        Assert.Contains("Azure Front Door", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Random_on_the_application_layer_is_refused_with_use_layer_network()
    {
        var error = await RefusalAsync(With(s => s.Algorithm = LoadBalancingAlgorithms.Random));

        Assert.Contains("spec.algorithm = \"random\": an Azure Application Gateway takes backends in turn and has no random mode; use layer network", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flow_hash_on_the_application_layer_is_refused_with_round_robin()
    {
        var error = await RefusalAsync(With(s => s.Algorithm = LoadBalancingAlgorithms.FlowHash));

        Assert.Contains("spec.algorithm = \"flow-hash\": an Azure Application Gateway routes each request to the next backend", error, StringComparison.Ordinal);
        Assert.Contains("use round-robin (nearest), or layer network", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ELBSecurityPolicy-TLS13-1-2-2021-06", "takes a predefined policy name")]
    [InlineData("AppGwSslPolicy20150501", "this policy still accepts TLS below 1.2; use AppGwSslPolicy20220101S")]
    [InlineData("AppGwSslPolicy20170401", "this policy still accepts TLS below 1.2; use AppGwSslPolicy20220101S")]
    public async Task A_tls_policy_that_is_not_a_tls12_app_gateway_policy_is_refused(string policy, string fix)
    {
        var error = await RefusalAsync(With(s => s.Listeners["https"].TlsPolicy = policy));

        Assert.Contains($"spec.listeners.https.tlsPolicy = \"{policy}\": ", error, StringComparison.Ordinal);
        Assert.Contains(fix, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_https_listeners_with_different_policies_are_refused()
    {
        var error = await RefusalAsync(With(s =>
        {
            s.Listeners["https"].TlsPolicy = "AppGwSslPolicy20220101";
            s.Listeners["admin"] = new ListenerSpec { Port = 8443, CertificateId = CertificateSecretId };
        }));

        Assert.Contains("spec.listeners.admin.tlsPolicy = (not set): an Azure Application Gateway applies one TLS policy to every listener; use AppGwSslPolicy20220101", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Https_without_an_identity_is_refused_with_the_fix()
    {
        var error = await RefusalAsync(PublicHttpsService(), args => args.IdentityId = null);

        Assert.Contains("identityId = (not set): Application Gateway reads the https listeners' Key Vault certificates as a user-assigned identity", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirect_without_an_https_listener_on_443_is_refused()
    {
        var error = await RefusalAsync(With(s => s.Listeners["https"].Port = 8443));

        Assert.Contains("spec.listeners.http.redirectToHttps = true: the redirect sends clients to the https listener on port 443", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_internal_application_gateway_is_refused_with_the_alternatives()
    {
        var error = await RefusalAsync(With(s => s.Public = false));

        Assert.Contains("spec.public = false: an Azure Application Gateway v2 needs a public frontend", error, StringComparison.Ordinal);
        Assert.Contains("or use layer network (internal Standard Load Balancer)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task App_cookie_stickiness_is_refused_with_lb_cookie()
    {
        var error = await RefusalAsync(With(s => s.Stickiness = new StickinessSpec { Mode = StickinessSpec.ApplicationCookie, CookieName = "SESSION" }));

        Assert.Contains("spec.stickiness.mode = \"app-cookie\": an Azure Application Gateway keeps sessions only with its own affinity cookie", error, StringComparison.Ordinal);
        Assert.Contains("use lb-cookie", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tcp_health_check_on_an_http_pool_is_refused()
    {
        var error = await RefusalAsync(With(s => s.Pools["web"].HealthCheck = new HealthCheckSpec { Protocol = HealthCheckProtocols.Tcp }));

        Assert.Contains("spec.pools.web.healthCheck.protocol = \"tcp\": an Azure Application Gateway probes HTTP pools over HTTP or HTTPS only; use http", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthy_codes_above_499_are_refused()
    {
        var error = await RefusalAsync(With(s => s.Pools["web"].HealthCheck = new HealthCheckSpec { ExpectedStatusCodes = "200-503" }));

        Assert.Contains("spec.pools.web.healthCheck.expectedStatusCodes = \"200-503\": an Azure Application Gateway accepts healthy codes 200 to 499 only", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slow_start_is_refused()
    {
        var error = await RefusalAsync(With(s => s.Pools["web"].SlowStartSeconds = 60));

        Assert.Contains("spec.pools.web.slowStartSeconds = 60: an Azure Application Gateway has no slow start; set 0", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ipv6_range_is_refused()
    {
        var error = await RefusalAsync(PublicHttpsService("2001:db8::/32"));

        Assert.Contains("spec.allowedCidrs[0] = \"2001:db8::/32\": an Azure Application Gateway built here has an IPv4 frontend only", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("us-east-1", "location = \"us-east-1\": not a public Azure location")]
    [InlineData("East US", "location = \"East US\": write the programmatic name, eastus")]
    public async Task A_bad_location_is_refused(string location, string message)
    {
        var error = await RefusalAsync(PublicHttpsService(), args => args.Location = location);

        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_few_zones_are_refused()
    {
        var error = await RefusalAsync(PublicHttpsService(), args => args.Zones = ["1"]);

        Assert.Contains("zones = [\"1\"]: list at least 2 of the zones 1, 2, 3 of eastus", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_wiring_is_refused_naming_the_network_output_to_pass()
    {
        var error = await RefusalAsync(PublicHttpsService(), args =>
        {
            args.ResourceGroupName = null;
            args.GatewaySubnetId = null;
            args.GatewaySecurityGroupName = null;
            args.BackendSecurityGroupName = null;
            args.GatewaySubnetCidr = null;
        });

        Assert.Contains("has 5 problems", error, StringComparison.Ordinal);
        Assert.Contains("resourceGroupName = (not set): name the resource group", error, StringComparison.Ordinal);
        Assert.Contains("gatewaySubnetId = (not set): an Application Gateway needs its dedicated subnet; pass AzureNetwork.gatewaySubnetId", error, StringComparison.Ordinal);
        Assert.Contains("gatewaySecurityGroupName = (not set)", error, StringComparison.Ordinal);
        Assert.Contains("backendSecurityGroupName = (not set)", error, StringComparison.Ordinal);
        Assert.Contains("gatewaySubnetCidr = (not set)", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Shop", "use 3 to 63 lower-case letters")]
    [InlineData("ab", "use 3 to 63 lower-case letters")]
    [InlineData("1shop", "use 3 to 63 lower-case letters")]
    [InlineData("shop-", "use 3 to 63 lower-case letters")]
    public async Task A_bad_dns_label_is_refused(string label, string fix)
    {
        var error = await RefusalAsync(PublicHttpsService(), args => args.DomainNameLabel = label);

        Assert.Contains($"domainNameLabel = \"{label}\": {fix}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_component_name_that_cannot_start_a_label_is_refused_when_no_label_is_given()
    {
        var error = await RefusalAsync(PublicHttpsService(), name: "Web_1");

        Assert.Contains("domainNameLabel = (not set): the default label \"Web_1-<6 random characters>\" breaks Azure's rule", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 10, "minCapacity = -1: use 0 to 125 instances")]
    [InlineData(2, 1, "maxCapacity = 1: use 2 to 125 instances")]
    [InlineData(5, 4, "maxCapacity = 4: must be at least minCapacity (5)")]
    public async Task Bad_capacity_bounds_are_refused(int min, int max, string message)
    {
        var error = await RefusalAsync(PublicHttpsService(), args => (args.MinCapacity, args.MaxCapacity) = (min, max));

        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_outbound_rule_on_an_application_gateway_is_refused()
    {
        var error = await RefusalAsync(PublicHttpsService(), args => args.OutboundRule = true);

        Assert.Contains("outboundRule = true: outbound rules exist only on a public Standard Load Balancer", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_problems_are_keyed_under_the_callers_prefix()
    {
        var spec = With(s =>
        {
            s.Algorithm = LoadBalancingAlgorithms.LeastConnections;
            s.Listeners["https"].TlsPolicy = "AppGwSslPolicy20150501";
        });

        var keys = AzureLoadBalancerArgs.FindAzureProblems(spec, "infra:service.loadBalancer").Select(p => p.Key).ToList();

        Assert.Equal(["infra:service.loadBalancer.algorithm", "infra:service.loadBalancer.listeners.https.tlsPolicy"], keys);
    }

    [Fact]
    public void A_key_the_spec_already_reports_is_not_repeated()
    {
        // The spec refuses an unknown algorithm itself; Azure's mapping would refuse it too.
        var args = Args(With(s => s.Algorithm = "fastest"));

        var problems = args.FindProblems("web").Where(p => p.Key == "spec.algorithm").ToList();

        Assert.Single(problems);
    }

    [Fact]
    public void The_public_https_fixture_has_no_azure_problems()
        => Assert.Empty(Args(PublicHttpsService()).FindProblems("web"));

    private static IReadOnlyDictionary<string, object?> Block(Infra.Plan.PlannedResource gateway, string list, string name)
        => gateway.List(list).OfType<IReadOnlyDictionary<string, object?>>().Single(b => Equals(b["name"], name));
}
