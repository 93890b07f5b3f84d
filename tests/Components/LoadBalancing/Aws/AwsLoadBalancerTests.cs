using Infra.Components.HealthChecks;
using Infra.Components.LoadBalancing;
using Infra.Components.LoadBalancing.Aws;
using Infra.Tests.Harness;
using Xunit;

namespace Infra.Tests.Components.LoadBalancing.Aws;

[Collection(Infra.Tests.Sdk.EngineCollection.Name)]
public sealed class AwsLoadBalancerTests
{
    private const string LoadBalancerType = "aws:lb/loadBalancer:LoadBalancer";
    private const string TargetGroupType = "aws:lb/targetGroup:TargetGroup";
    private const string ListenerType = "aws:lb/listener:Listener";
    private const string SecurityGroupType = "aws:ec2/securityGroup:SecurityGroup";
    private const string IngressType = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private const string EgressType = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

    private static Task<TestRun> BuildAsync(LoadBalancerSpec spec, Action<AwsLoadBalancerArgs>? adjust = null, bool preview = false)
    {
        var args = TestSpecs.AwsLoadBalancer(spec);
        adjust?.Invoke(args);
        return PulumiTest.RunAsync(() => new AwsLoadBalancer("web", args), preview);
    }

    private static Task<string> RefusalAsync(LoadBalancerSpec spec, Action<AwsLoadBalancerArgs>? adjust = null, string name = "web")
    {
        var args = TestSpecs.AwsLoadBalancer(spec);
        adjust?.Invoke(args);
        return PulumiTest.FailureAsync(() => new AwsLoadBalancer(name, args));
    }

    private static LoadBalancerSpec WithAlgorithm(LoadBalancerSpec spec, string algorithm)
    {
        spec.Algorithm = algorithm;
        return spec;
    }

    private static LoadBalancerSpec NetworkService(string algorithm)
    {
        var spec = TestSpecs.InternalTcpService();
        spec.Algorithm = algorithm;
        if (algorithm == LoadBalancingAlgorithms.Weighted)
            spec.Pools["replica"] = new BackendPoolSpec
            {
                Protocol = ListenerProtocols.Tcp,
                Port = 5433,
                HealthCheck = new HealthCheckSpec { Protocol = HealthCheckProtocols.Tcp },
            };
        return spec;
    }

    // ---- shape -------------------------------------------------------------------------------

    [Fact]
    public async Task Public_https_alb_with_two_pools_creates_one_of_each_plus_a_target_group_per_pool()
    {
        var run = await BuildAsync(TestSpecs.BlueGreenService());

        Assert.Equal(1, run.Count(AwsLoadBalancer.TypeToken));
        Assert.Equal(1, run.Count(LoadBalancerType));
        Assert.Equal(2, run.Count(TargetGroupType));
        Assert.Equal(2, run.Count(ListenerType));
        Assert.Equal(1, run.Count(SecurityGroupType));
        Assert.Equal(2, run.Count(IngressType));
        Assert.Equal(2, run.Count(EgressType));
        Assert.Equal(10, run.Resources.Count(r => r.Package == "aws"));
    }

    [Fact]
    public async Task Children_are_named_from_the_component_and_parented_to_it()
    {
        var run = await BuildAsync(TestSpecs.BlueGreenService());

        string[] expected =
        [
            "web-sg", "web-ingress-http-0-0-0-0-0", "web-ingress-https-0-0-0-0-0", "web-egress-8080", "web-egress-8081",
            "web-alb", "web-tg-blue", "web-tg-green", "web-listener-http", "web-listener-https",
        ];
        var children = run.Resources.Where(r => r.Package == "aws").ToList();
        Assert.Equal(expected.Order(), children.Select(r => r.Name).Order());
        Assert.All(children, r =>
        {
            Assert.Equal(AwsLoadBalancer.TypeToken, r.ParentType);
            Assert.Equal("web", r.ParentName);
        });
    }

    [Fact]
    public async Task Alb_is_public_protected_from_deletion_and_drops_invalid_headers()
    {
        var run = await BuildAsync(TestSpecs.PublicHttpsService());

        var alb = run.Single(LoadBalancerType, "web-alb");
        Assert.Equal("application", alb.Input("loadBalancerType"));
        Assert.Equal(false, alb.Input("internal"));
        Assert.Equal(true, alb.Input("enableDeletionProtection"));
        Assert.Equal(true, alb.Input("dropInvalidHeaderFields"));
        Assert.Equal(60.0, alb.Number("idleTimeout"));
        Assert.Equal(new object?[] { "subnet-public-a", "subnet-public-b" }, alb.List("subnets"));
        Assert.Equal(new object?[] { "web-sg-id" }, alb.List("securityGroups"));
        Assert.Null(alb.Input("accessLogs"));
    }

    [Fact]
    public async Task Deletion_protection_turns_off_only_when_the_spec_says_so()
    {
        var spec = TestSpecs.PublicHttpsService();
        spec.DeletionProtection = false;

        var run = await BuildAsync(spec);

        Assert.Equal(false, run.Single(LoadBalancerType, "web-alb").Input("enableDeletionProtection"));
    }

    [Fact]
    public async Task Internal_spec_makes_an_internal_load_balancer()
    {
        var spec = TestSpecs.PublicHttpsService();
        spec.Public = false;

        var run = await BuildAsync(spec);

        Assert.Equal(true, run.Single(LoadBalancerType, "web-alb").Input("internal"));
    }

    [Fact]
    public async Task Access_logs_go_to_the_bucket_under_the_component_name()
    {
        var run = await BuildAsync(TestSpecs.PublicHttpsService(), args => args.AccessLogsBucket = "logs-bucket");

        var alb = run.Single(LoadBalancerType, "web-alb");
        Assert.Equal("logs-bucket", alb.Input("accessLogs.bucket"));
        Assert.Equal(true, alb.Input("accessLogs.enabled"));
        Assert.Equal("web", alb.Input("accessLogs.prefix"));
    }

    [Fact]
    public async Task Tags_reach_every_aws_resource()
    {
        var run = await BuildAsync(TestSpecs.BlueGreenService(), args => args.Tags = new() { ["team"] = "web" });

        Assert.All(run.Resources.Where(r => r.Package == "aws"), r => Assert.Equal("web", r.Input("tags.team")));
    }

    // ---- listeners ---------------------------------------------------------------------------

    [Fact]
    public async Task Http_listener_redirects_permanently_to_https_on_443()
    {
        var run = await BuildAsync(TestSpecs.PublicHttpsService());

        var http = run.Single(ListenerType, "web-listener-http");
        Assert.Equal("HTTP", http.Input("protocol"));
        Assert.Equal(80.0, http.Number("port"));
        Assert.Single(http.List("defaultActions"));
        Assert.Equal("redirect", http.Input("defaultActions[0].type"));
        Assert.Equal("HTTPS", http.Input("defaultActions[0].redirect.protocol"));
        Assert.Equal("443", http.Input("defaultActions[0].redirect.port"));
        Assert.Equal("HTTP_301", http.Input("defaultActions[0].redirect.statusCode"));
        Assert.Null(http.Input("sslPolicy"));
        Assert.Null(http.Input("certificateArn"));
    }

    [Fact]
    public async Task Https_listener_uses_the_certificate_and_a_tls13_policy_by_default()
    {
        var run = await BuildAsync(TestSpecs.PublicHttpsService());

        var https = run.Single(ListenerType, "web-listener-https");
        Assert.Equal("HTTPS", https.Input("protocol"));
        Assert.Equal(443.0, https.Number("port"));
        Assert.Equal(TestSpecs.CertificateArn, https.Input("certificateArn"));
        Assert.Equal("ELBSecurityPolicy-TLS13-1-2-2021-06", https.Input("sslPolicy"));
        Assert.Equal(AwsTlsPolicies.Default, https.Input("sslPolicy"));
        Assert.Equal("arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/web-alb/example000000000", https.Input("loadBalancerArn"));
    }

    [Fact]
    public async Task Https_listener_keeps_a_named_tls12_or_newer_policy()
    {
        var spec = TestSpecs.PublicHttpsService();
        spec.Listeners["https"].TlsPolicy = "ELBSecurityPolicy-TLS13-1-3-2021-06";

        var run = await BuildAsync(spec);

        Assert.Equal("ELBSecurityPolicy-TLS13-1-3-2021-06", run.Single(ListenerType, "web-listener-https").Input("sslPolicy"));
    }

    [Fact]
    public async Task Https_listener_forwards_to_the_single_pool()
    {
        var run = await BuildAsync(TestSpecs.PublicHttpsService());

        var https = run.Single(ListenerType, "web-listener-https");
        Assert.Equal("forward", https.Input("defaultActions[0].type"));
        Assert.Equal("arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web-tg-web/example000000000",
            https.Input("defaultActions[0].targetGroupArn"));
        Assert.Null(https.Input("defaultActions[0].forward"));
    }

    [Fact]
    public async Task Http_listener_forwards_plain_http_only_when_the_redirect_is_turned_off()
    {
        var spec = TestSpecs.PublicHttpsService();
        spec.Listeners["http"].RedirectToHttps = false;

        var run = await BuildAsync(spec);

        var http = run.Single(ListenerType, "web-listener-http");
        Assert.Equal("forward", http.Input("defaultActions[0].type"));
        Assert.Null(http.Input("defaultActions[0].redirect"));
    }

    // ---- algorithms on the ALB ----------------------------------------------------------------

    [Fact]
    public async Task Round_robin_on_an_alb_maps_to_round_robin_target_groups()
    {
        var run = await BuildAsync(WithAlgorithm(TestSpecs.PublicHttpsService(), LoadBalancingAlgorithms.RoundRobin));

        var group = run.Single(TargetGroupType, "web-tg-web");
        Assert.Equal("round_robin", group.Input("loadBalancingAlgorithmType"));
        Assert.Null(group.Input("loadBalancingAnomalyMitigation"));
    }

    [Fact]
    public async Task Least_connections_on_an_alb_maps_to_least_outstanding_requests()
    {
        var run = await BuildAsync(WithAlgorithm(TestSpecs.PublicHttpsService(), LoadBalancingAlgorithms.LeastConnections));

        var group = run.Single(TargetGroupType, "web-tg-web");
        Assert.Equal("least_outstanding_requests", group.Input("loadBalancingAlgorithmType"));
        Assert.Null(group.Input("loadBalancingAnomalyMitigation"));
    }

    [Fact]
    public async Task Random_on_an_alb_maps_to_weighted_random_with_anomaly_mitigation_off_by_default()
    {
        var run = await BuildAsync(WithAlgorithm(TestSpecs.PublicHttpsService(), LoadBalancingAlgorithms.Random));

        var group = run.Single(TargetGroupType, "web-tg-web");
        Assert.Equal("weighted_random", group.Input("loadBalancingAlgorithmType"));
        Assert.Equal("off", group.Input("loadBalancingAnomalyMitigation"));
    }

    [Fact]
    public async Task Random_with_anomaly_mitigation_turns_it_on()
    {
        var spec = WithAlgorithm(TestSpecs.PublicHttpsService(), LoadBalancingAlgorithms.Random);
        spec.AnomalyMitigation = true;

        var run = await BuildAsync(spec);

        Assert.Equal("on", run.Single(TargetGroupType, "web-tg-web").Input("loadBalancingAnomalyMitigation"));
    }

    [Fact]
    public async Task Weighted_on_an_alb_splits_each_forwarding_listener_between_target_groups_by_weight()
    {
        var run = await BuildAsync(TestSpecs.BlueGreenService());

        var https = run.Single(ListenerType, "web-listener-https");
        Assert.Equal("forward", https.Input("defaultActions[0].type"));
        Assert.Null(https.Input("defaultActions[0].targetGroupArn"));
        var groups = https.List("defaultActions[0].forward.targetGroups")
            .Cast<IReadOnlyDictionary<string, object?>>()
            .ToDictionary(g => (string)g["arn"]!, g => (double)g["weight"]!);
        Assert.Equal(new Dictionary<string, double>
        {
            ["arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web-tg-blue/example000000000"] = 90,
            ["arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web-tg-green/example000000000"] = 10,
        }, groups);
        Assert.Null(https.Input("defaultActions[0].forward.stickiness"));
        // Inside each group the targets still take turns.
        Assert.All(run.OfType(TargetGroupType), g => Assert.Equal("round_robin", g.Input("loadBalancingAlgorithmType")));
        // The HTTP listener still only redirects.
        Assert.Equal("redirect", run.Single(ListenerType, "web-listener-http").Input("defaultActions[0].type"));
    }

    [Fact]
    public async Task Weighted_forward_keeps_a_sticky_client_on_its_target_group_for_the_stickiness_duration()
    {
        var spec = TestSpecs.BlueGreenService();
        spec.Stickiness = new StickinessSpec { DurationSeconds = 3600 };

        var run = await BuildAsync(spec);

        var https = run.Single(ListenerType, "web-listener-https");
        Assert.Equal(true, https.Input("defaultActions[0].forward.stickiness.enabled"));
        Assert.Equal(3600.0, https.Number("defaultActions[0].forward.stickiness.duration"));
    }

    [Fact]
    public async Task Flow_hash_on_an_alb_is_refused_with_round_robin_as_the_nearest_choice()
    {
        var error = await RefusalAsync(WithAlgorithm(TestSpecs.PublicHttpsService(), LoadBalancingAlgorithms.FlowHash));

        Assert.Contains("AwsLoadBalancer \"web\" has 1 problem", error);
        Assert.Contains("spec.algorithm = \"flow-hash\": an AWS Application Load Balancer", error);
        Assert.Contains("use round-robin (nearest), or layer network (NLB) for flow-hash", error);
    }

    [Fact]
    public async Task Retries_outlier_detection_connection_limits_and_request_timeouts_are_refused_because_elb_has_none()
    {
        var spec = TestSpecs.PublicHttpsService();
        spec.Retries = new RetryPolicySpec { Attempts = 2 };
        spec.OutlierDetection = new OutlierDetectionSpec();
        spec.ConnectionPool = new ConnectionPoolSpec { MaxConnections = 100 };
        spec.RequestTimeoutSeconds = 30;

        var error = await RefusalAsync(spec);

        Assert.Contains("AwsLoadBalancer \"web\" has 4 problems", error);
        Assert.Contains("spec.retries = \"(set)\": an AWS Application Load Balancer never retries a request", error);
        Assert.Contains("spec.outlierDetection = \"(set)\": an AWS Application Load Balancer takes targets out only by their health check", error);
        Assert.Contains("spec.connectionPool = \"(set)\": an AWS Application Load Balancer has no per-target connection or request limits", error);
        Assert.Contains("spec.requestTimeoutSeconds = 30: an AWS Application Load Balancer has no per-request timeout", error);
    }

    // ---- algorithms on the NLB ----------------------------------------------------------------

    [Fact]
    public async Task Flow_hash_on_an_nlb_leaves_the_algorithm_to_aws_and_builds_tcp_resources()
    {
        var run = await BuildAsync(TestSpecs.InternalTcpService());

        var nlb = run.Single(LoadBalancerType, "web-nlb");
        Assert.Equal("network", nlb.Input("loadBalancerType"));
        Assert.Equal(true, nlb.Input("internal"));
        Assert.Equal(new object?[] { "web-sg-id" }, nlb.List("securityGroups"));
        Assert.Null(nlb.Input("dropInvalidHeaderFields"));
        Assert.Null(nlb.Input("idleTimeout"));
        var group = run.Single(TargetGroupType, "web-tg-db");
        Assert.Equal("TCP", group.Input("protocol"));
        Assert.Null(group.Input("loadBalancingAlgorithmType"));
        Assert.Null(group.Input("slowStart"));
        var listener = run.Single(ListenerType, "web-listener-postgres");
        Assert.Equal("TCP", listener.Input("protocol"));
        Assert.Equal(60.0, listener.Number("tcpIdleTimeoutSeconds"));
        Assert.Equal("forward", listener.Input("defaultActions[0].type"));
        Assert.Null(listener.Input("sslPolicy"));
    }

    [Theory]
    [InlineData(LoadBalancingAlgorithms.RoundRobin)]
    [InlineData(LoadBalancingAlgorithms.LeastConnections)]
    [InlineData(LoadBalancingAlgorithms.Random)]
    [InlineData(LoadBalancingAlgorithms.Weighted)]
    public async Task Each_classic_algorithm_on_an_nlb_is_refused_naming_flow_hash_and_the_alb(string algorithm)
    {
        var error = await RefusalAsync(NetworkService(algorithm));

        Assert.Contains("AwsLoadBalancer \"web\" has 1 problem", error);
        Assert.Contains($"spec.algorithm = \"{algorithm}\": an AWS Network Load Balancer has no algorithm setting", error);
        Assert.Contains($"use flow-hash, or layer application (ALB) for {algorithm}", error);
    }

    [Fact]
    public async Task Nlb_tls_listener_terminates_tls_with_the_default_policy()
    {
        var spec = TestSpecs.InternalTcpService();
        spec.Listeners["postgres"] = new ListenerSpec { Protocol = ListenerProtocols.Tls, Port = 5432, CertificateId = TestSpecs.CertificateArn };

        var run = await BuildAsync(spec);

        var listener = run.Single(ListenerType, "web-listener-postgres");
        Assert.Equal("TLS", listener.Input("protocol"));
        Assert.Equal(TestSpecs.CertificateArn, listener.Input("certificateArn"));
        Assert.Equal(AwsTlsPolicies.Default, listener.Input("sslPolicy"));
        // AWS fixes the idle timeout of TLS listeners; the component warns instead of sending it.
        Assert.Null(listener.Input("tcpIdleTimeoutSeconds"));
    }

    // ---- target groups -------------------------------------------------------------------------

    [Fact]
    public async Task Target_group_takes_its_port_protocol_vpc_and_draining_from_the_pool()
    {
        var spec = TestSpecs.PublicHttpsService();
        spec.Pools["web"].DeregistrationDelaySeconds = 45;
        spec.Pools["web"].SlowStartSeconds = 60;

        var run = await BuildAsync(spec);

        var group = run.Single(TargetGroupType, "web-tg-web");
        Assert.Equal(8080.0, group.Number("port"));
        Assert.Equal("HTTP", group.Input("protocol"));
        Assert.Equal("instance", group.Input("targetType"));
        Assert.Equal(TestSpecs.VpcId, group.Input("vpcId"));
        Assert.Equal(45.0, group.Number("deregistrationDelay"));
        Assert.Equal(60.0, group.Number("slowStart"));
        Assert.Null(group.Input("stickiness"));
    }

    [Fact]
    public async Task Health_check_is_translated_field_by_field_from_the_spec()
    {
        var spec = TestSpecs.PublicHttpsService();
        spec.Pools["web"].HealthCheck = new HealthCheckSpec
        {
            Protocol = HealthCheckProtocols.Https,
            Path = "/ready",
            IntervalSeconds = 10,
            TimeoutSeconds = 4,
            HealthyThreshold = 2,
            UnhealthyThreshold = 5,
            ExpectedStatusCodes = "200,204",
        };

        var run = await BuildAsync(spec);

        var group = run.Single(TargetGroupType, "web-tg-web");
        Assert.Equal(true, group.Input("healthCheck.enabled"));
        Assert.Equal("HTTPS", group.Input("healthCheck.protocol"));
        Assert.Equal("/ready", group.Input("healthCheck.path"));
        Assert.Equal("traffic-port", group.Input("healthCheck.port"));
        Assert.Equal("200,204", group.Input("healthCheck.matcher"));
        Assert.Equal(10.0, group.Number("healthCheck.interval"));
        Assert.Equal(4.0, group.Number("healthCheck.timeout"));
        Assert.Equal(2.0, group.Number("healthCheck.healthyThreshold"));
        Assert.Equal(5.0, group.Number("healthCheck.unhealthyThreshold"));
    }

    [Fact]
    public async Task Default_health_check_is_an_http_get_of_healthz_on_the_traffic_port()
    {
        var run = await BuildAsync(TestSpecs.PublicHttpsService());

        var group = run.Single(TargetGroupType, "web-tg-web");
        Assert.Equal("HTTP", group.Input("healthCheck.protocol"));
        Assert.Equal("/healthz", group.Input("healthCheck.path"));
        Assert.Equal("traffic-port", group.Input("healthCheck.port"));
        Assert.Equal("200-299", group.Input("healthCheck.matcher"));
        Assert.Equal(15.0, group.Number("healthCheck.interval"));
        Assert.Equal(5.0, group.Number("healthCheck.timeout"));
    }

    [Fact]
    public async Task Health_check_on_its_own_port_sends_the_port_as_text_and_opens_egress_to_it()
    {
        var spec = TestSpecs.PublicHttpsService();
        spec.Pools["web"].HealthCheck = new HealthCheckSpec { Port = 9090 };

        var run = await BuildAsync(spec);

        Assert.Equal("9090", run.Single(TargetGroupType, "web-tg-web").Input("healthCheck.port"));
        Assert.Equal([8080.0, 9090.0], run.OfType(EgressType).Select(r => r.Number("fromPort")!.Value).Order());
    }

    [Fact]
    public async Task Tcp_health_check_on_an_nlb_has_no_path_or_matcher()
    {
        var run = await BuildAsync(TestSpecs.InternalTcpService());

        var group = run.Single(TargetGroupType, "web-tg-db");
        Assert.Equal("TCP", group.Input("healthCheck.protocol"));
        Assert.Null(group.Input("healthCheck.path"));
        Assert.Null(group.Input("healthCheck.matcher"));
    }

    [Fact]
    public async Task Load_balancer_cookie_stickiness_maps_to_lb_cookie_with_its_duration()
    {
        var spec = TestSpecs.PublicHttpsService();
        spec.Stickiness = new StickinessSpec { Mode = StickinessSpec.LoadBalancerCookie, DurationSeconds = 600 };

        var run = await BuildAsync(spec);

        var group = run.Single(TargetGroupType, "web-tg-web");
        Assert.Equal("lb_cookie", group.Input("stickiness.type"));
        Assert.Equal(true, group.Input("stickiness.enabled"));
        Assert.Equal(600.0, group.Number("stickiness.cookieDuration"));
        Assert.Null(group.Input("stickiness.cookieName"));
    }

    [Fact]
    public async Task Application_cookie_stickiness_maps_to_app_cookie_with_the_cookie_name()
    {
        var spec = TestSpecs.PublicHttpsService();
        spec.Stickiness = new StickinessSpec { Mode = StickinessSpec.ApplicationCookie, CookieName = "SESSION" };

        var run = await BuildAsync(spec);

        var group = run.Single(TargetGroupType, "web-tg-web");
        Assert.Equal("app_cookie", group.Input("stickiness.type"));
        Assert.Equal("SESSION", group.Input("stickiness.cookieName"));
        Assert.Equal(86400.0, group.Number("stickiness.cookieDuration"));
    }

    [Fact]
    public async Task Source_ip_stickiness_on_an_nlb_maps_to_source_ip()
    {
        var spec = TestSpecs.InternalTcpService();
        spec.Stickiness = new StickinessSpec { Mode = StickinessSpec.SourceIp };

        var run = await BuildAsync(spec);

        var group = run.Single(TargetGroupType, "web-tg-db");
        Assert.Equal("source_ip", group.Input("stickiness.type"));
        Assert.Null(group.Input("stickiness.cookieDuration"));
    }

    // ---- security group ---------------------------------------------------------------------

    [Fact]
    public async Task Security_group_admits_only_listener_ports_from_allowed_cidrs()
    {
        var run = await BuildAsync(TestSpecs.PublicHttpsService("203.0.113.0/24", "198.51.100.0/24"));

        var rules = run.OfType(IngressType);
        Assert.Equal(4, rules.Length);
        Assert.All(rules, r =>
        {
            Assert.Equal("web-sg-id", r.Input("securityGroupId"));
            Assert.Equal("tcp", r.Input("ipProtocol"));
            Assert.Equal(r.Number("fromPort"), r.Number("toPort"));
            Assert.Null(r.Input("cidrIpv6"));
        });
        Assert.Equal(
            ["198.51.100.0/24:443", "198.51.100.0/24:80", "203.0.113.0/24:443", "203.0.113.0/24:80"],
            rules.Select(r => $"{r.Input("cidrIpv4")}:{r.Number("fromPort")}").Order());
        Assert.NotNull(run.Single(IngressType, "web-ingress-https-203-0-113-0-24"));
        // No rules inline: the rule resources are the only ones.
        var group = run.Single(SecurityGroupType, "web-sg");
        Assert.Empty(group.List("ingress"));
        Assert.Empty(group.List("egress"));
        Assert.Equal(TestSpecs.VpcId, group.Input("vpcId"));
    }

    [Fact]
    public async Task Security_group_reaches_only_the_pools_ports_inside_the_vpc()
    {
        var run = await BuildAsync(TestSpecs.BlueGreenService());

        var rules = run.OfType(EgressType);
        Assert.Equal([8080.0, 8081.0], rules.Select(r => r.Number("fromPort")!.Value).Order());
        Assert.All(rules, r =>
        {
            Assert.Equal("tcp", r.Input("ipProtocol"));
            Assert.Equal(TestSpecs.VpcCidrBlock, r.Input("cidrIpv4"));
            Assert.Equal(r.Number("fromPort"), r.Number("toPort"));
        });
        Assert.DoesNotContain(run.Resources, r => Equals(r.Input("ipProtocol"), "-1"));
        Assert.DoesNotContain(run.OfType(EgressType), r => Equals(r.Input("cidrIpv4"), "0.0.0.0/0"));
    }

    [Fact]
    public async Task Internal_load_balancer_without_allowed_cidrs_admits_only_the_vpc_range()
    {
        var run = await BuildAsync(TestSpecs.InternalTcpService());

        var rule = Assert.Single(run.OfType(IngressType));
        Assert.Equal("web-ingress-postgres-vpc", rule.Name);
        Assert.Equal(TestSpecs.VpcCidrBlock, rule.Input("cidrIpv4"));
        Assert.Equal(5432.0, rule.Number("fromPort"));
    }

    // ---- outputs and preview ----------------------------------------------------------------

    [Fact]
    public async Task Outputs_carry_the_glue_values_of_the_load_balancer_and_its_target_groups()
    {
        var run = await BuildAsync(TestSpecs.BlueGreenService());
        var lb = run.Object<AwsLoadBalancer>("web");

        Assert.Equal("web-alb-example.us-east-1.elb.amazonaws.com", await TestRun.ValueAsync(lb.DnsName));
        Assert.Equal("Z35SXDOTRQ7X7K", await TestRun.ValueAsync(lb.ZoneId));
        Assert.Equal("arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/app/web-alb/example000000000", await TestRun.ValueAsync(lb.Arn));
        Assert.Equal("app/web-alb/example000000000", await TestRun.ValueAsync(lb.ArnSuffix));
        Assert.Equal("web-sg-id", await TestRun.ValueAsync(lb.SecurityGroupId));
        var arns = await TestRun.ValueAsync(lb.TargetGroupArnsByPool());
        Assert.Equal(["blue", "green"], arns.Keys.Order());
        Assert.Equal("arn:aws:elasticloadbalancing:us-east-1:000000000000:targetgroup/web-tg-green/example000000000", arns["green"]);
        var suffixes = await TestRun.ValueAsync(lb.TargetGroupArnSuffixesByPool());
        Assert.Equal("targetgroup/web-tg-blue/example000000000", suffixes["blue"]);
        Assert.Equal("targetgroup/web-tg-blue/example000000000", await TestRun.ValueAsync(lb.TargetGroupsByPool()["blue"].ArnSuffix));
    }

    [Fact]
    public async Task Outputs_are_registered_on_the_component()
    {
        var run = await BuildAsync(TestSpecs.PublicHttpsService());

        var outputs = Assert.Single(run.Mocks.RegisteredOutputs, o => o.Key.EndsWith("::web", StringComparison.Ordinal)).Value;
        Assert.Equal(
            ["arn", "arnSuffix", "dnsName", "securityGroupId", "targetGroupArnSuffixes", "targetGroupArns", "zoneId"],
            outputs.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Construction_completes_in_preview()
    {
        var run = await BuildAsync(TestSpecs.BlueGreenService(), preview: true);

        Assert.Equal(1, run.Count(LoadBalancerType));
        Assert.Equal(2, run.Count(TargetGroupType));
        Assert.Equal(2, run.Count(ListenerType));
    }

    // ---- refusals ---------------------------------------------------------------------------

    [Fact]
    public async Task Health_check_thresholds_of_one_are_refused_because_aws_needs_two()
    {
        var spec = TestSpecs.PublicHttpsService();
        spec.Pools["web"].HealthCheck = new HealthCheckSpec { HealthyThreshold = 1, UnhealthyThreshold = 1 };

        var error = await RefusalAsync(spec);

        Assert.Contains("has 2 problems", error);
        Assert.Contains("spec.pools.web.healthCheck.healthyThreshold = 1: an AWS Application Load Balancer needs 2 to 10 consecutive successes; use 2", error);
        Assert.Contains("spec.pools.web.healthCheck.unhealthyThreshold = 1: an AWS Application Load Balancer needs 2 to 10 consecutive failures; use 2", error);
    }

    [Fact]
    public async Task Health_check_timeout_above_120_seconds_is_refused()
    {
        var spec = TestSpecs.PublicHttpsService();
        spec.Pools["web"].HealthCheck = new HealthCheckSpec { IntervalSeconds = 300, TimeoutSeconds = 150 };

        var error = await RefusalAsync(spec);

        Assert.Contains("spec.pools.web.healthCheck.timeoutSeconds = 150: an AWS Application Load Balancer waits at most 120 seconds for a check; use 120 or less", error);
    }

    [Fact]
    public async Task Tcp_health_check_on_an_alb_is_refused_with_http_as_the_alternative()
    {
        var spec = TestSpecs.PublicHttpsService();
        spec.Pools["web"].HealthCheck = new HealthCheckSpec { Protocol = HealthCheckProtocols.Tcp };

        var error = await RefusalAsync(spec);

        Assert.Contains("spec.pools.web.healthCheck.protocol = \"tcp\": an AWS Application Load Balancer checks targets over HTTP or HTTPS only; use http", error);
    }

    [Fact]
    public async Task Healthy_status_codes_above_499_are_refused_on_an_alb()
    {
        var spec = TestSpecs.PublicHttpsService();
        spec.Pools["web"].HealthCheck = new HealthCheckSpec { ExpectedStatusCodes = "200-503" };

        var error = await RefusalAsync(spec);

        Assert.Contains("spec.pools.web.healthCheck.expectedStatusCodes = \"200-503\": an AWS Application Load Balancer accepts healthy codes 200 to 499 only", error);
    }

    [Fact]
    public async Task Slow_start_on_an_nlb_is_refused()
    {
        var spec = TestSpecs.InternalTcpService();
        spec.Pools["db"].SlowStartSeconds = 60;

        var error = await RefusalAsync(spec);

        Assert.Contains("spec.pools.db.slowStartSeconds = 60: an AWS Network Load Balancer has no slow start; set 0, or use layer application", error);
    }

    [Fact]
    public async Task Slow_start_with_the_random_algorithm_is_refused()
    {
        var spec = WithAlgorithm(TestSpecs.PublicHttpsService(), LoadBalancingAlgorithms.Random);
        spec.Pools["web"].SlowStartSeconds = 60;

        var error = await RefusalAsync(spec);

        Assert.Contains("spec.pools.web.slowStartSeconds = 60: an AWS Application Load Balancer cannot ramp up new targets with weighted_random (algorithm random); set 0, or use round-robin", error);
    }

    [Fact]
    public async Task Weighted_split_over_more_than_five_pools_is_refused()
    {
        var spec = TestSpecs.BlueGreenService();
        foreach (var key in new[] { "c", "d", "e", "f" })
            spec.Pools[key] = new BackendPoolSpec { Port = 8080 };

        var error = await RefusalAsync(spec);

        Assert.Contains("spec.pools = [\"blue\",\"green\",\"c\",\"d\",\"e\",\"f\"]: an AWS Application Load Balancer splits traffic between at most 5 target groups; merge pools", error);
    }

    [Fact]
    public async Task Ipv6_client_range_is_refused_because_the_load_balancer_is_ipv4_only()
    {
        var error = await RefusalAsync(TestSpecs.PublicHttpsService("203.0.113.0/24", "2001:db8::/32"));

        Assert.Contains("spec.allowedCidrs[1] = \"2001:db8::/32\": this load balancer has IPv4 addresses only", error);
    }

    [Fact]
    public async Task Client_range_listed_twice_is_refused()
    {
        var error = await RefusalAsync(TestSpecs.PublicHttpsService("203.0.113.0/24", "203.0.113.0/24"));

        Assert.Contains("spec.allowedCidrs[1] = \"203.0.113.0/24\": this range is listed twice; list each range once", error);
    }

    [Fact]
    public async Task Tls_policy_accepting_tls_below_1_2_is_refused_with_the_default_as_fix()
    {
        var spec = TestSpecs.PublicHttpsService();
        spec.Listeners["https"].TlsPolicy = "ELBSecurityPolicy-2016-08";

        var error = await RefusalAsync(spec);

        Assert.Contains("spec.listeners.https.tlsPolicy = \"ELBSecurityPolicy-2016-08\": this policy still accepts TLS below 1.2; use ELBSecurityPolicy-TLS13-1-2-2021-06", error);
    }

    [Fact]
    public async Task Tls_policy_that_is_not_an_elb_policy_is_refused()
    {
        var spec = TestSpecs.PublicHttpsService();
        spec.Listeners["https"].TlsPolicy = "AppGwSslPolicy20220101";

        var error = await RefusalAsync(spec);

        Assert.Contains("spec.listeners.https.tlsPolicy = \"AppGwSslPolicy20220101\": an AWS Application Load Balancer takes ELB security policy names", error);
    }

    [Fact]
    public async Task Redirect_to_https_without_an_https_listener_on_443_is_refused()
    {
        var spec = TestSpecs.PublicHttpsService();
        spec.Listeners["https"].Port = 8443;

        var error = await RefusalAsync(spec);

        Assert.Contains("spec.listeners.http.redirectToHttps = true: the redirect sends clients to https on port 443, where no https listener listens; add one or set redirectToHttps false", error);
    }

    [Fact]
    public async Task Application_cookie_named_like_the_load_balancers_own_is_refused()
    {
        var spec = TestSpecs.PublicHttpsService();
        spec.Stickiness = new StickinessSpec { Mode = StickinessSpec.ApplicationCookie, CookieName = "AWSALBAPP-1" };

        var error = await RefusalAsync(spec);

        Assert.Contains("spec.stickiness.cookieName = \"AWSALBAPP-1\": an AWS Application Load Balancer reserves cookie names starting AWSALB", error);
    }

    [Fact]
    public async Task Stickiness_on_an_nlb_with_a_tls_listener_is_refused()
    {
        var spec = TestSpecs.InternalTcpService();
        spec.Listeners["postgres"] = new ListenerSpec { Protocol = ListenerProtocols.Tls, Port = 5432, CertificateId = TestSpecs.CertificateArn };
        spec.Stickiness = new StickinessSpec { Mode = StickinessSpec.SourceIp };

        var error = await RefusalAsync(spec);

        Assert.Contains("spec.stickiness = \"source-ip\": an AWS Network Load Balancer keeps no sticky sessions on TLS listeners or TLS pools", error);
    }

    [Fact]
    public async Task Idle_timeout_below_60_seconds_on_an_nlb_is_refused()
    {
        var spec = TestSpecs.InternalTcpService();
        spec.IdleTimeoutSeconds = 30;

        var error = await RefusalAsync(spec);

        Assert.Contains("spec.idleTimeoutSeconds = 30: an AWS Network Load Balancer keeps idle TCP flows 60 to 6000 seconds; use 60 or more", error);
    }

    [Fact]
    public async Task Access_logs_on_an_nlb_without_a_tls_listener_are_refused()
    {
        var error = await RefusalAsync(TestSpecs.InternalTcpService(), args => args.AccessLogsBucket = "logs-bucket");

        Assert.Contains("accessLogsBucket = \"(a bucket)\": an AWS Network Load Balancer writes access logs only for TLS listeners", error);
    }

    [Fact]
    public async Task Missing_vpc_id_and_vpc_range_are_refused()
    {
        var error = await RefusalAsync(TestSpecs.PublicHttpsService(), args =>
        {
            args.VpcId = null;
            args.VpcCidrBlock = null;
        });

        Assert.Contains("has 2 problems", error);
        Assert.Contains("vpcId = (not set): name the VPC of the target groups", error);
        Assert.Contains("vpcCidrBlock = (not set): the security group lets the load balancer reach its pools only inside the VPC", error);
    }

    [Fact]
    public async Task A_component_name_too_long_for_aws_auto_naming_is_fitted_with_a_stable_hash()
    {
        var run = await PulumiTest.RunAsync(() => new AwsLoadBalancer("a-rather-long-service-name", TestSpecs.AwsLoadBalancer(TestSpecs.PublicHttpsService())));

        var balancer = Assert.Single(run.OfType(LoadBalancerType));
        Assert.Equal(24, balancer.Name.Length);
        Assert.StartsWith("a-rather-long-ser-", balancer.Name, StringComparison.Ordinal);
        Assert.EndsWith(Infra.Components.Naming.NameFitting.Hash("a-rather-long-service-name-alb"), balancer.Name, StringComparison.Ordinal);
        Assert.All(run.OfType(TargetGroupType), tg => Assert.True(tg.Name.Length <= 24, tg.Name));
    }

    [Fact]
    public async Task Pool_key_aws_cannot_put_in_a_target_group_name_is_refused()
    {
        var spec = TestSpecs.PublicHttpsService();
        spec.Pools = new() { ["web_v2"] = new BackendPoolSpec() };

        var error = await RefusalAsync(spec);

        Assert.Contains("spec.pools.web_v2 = \"web_v2\": AWS target group names take letters, digits and inner hyphens only; rename the pool key", error);
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once_spec_and_aws_alike()
    {
        var spec = TestSpecs.InternalTcpService();
        spec.Algorithm = LoadBalancingAlgorithms.LeastConnections;
        spec.IdleTimeoutSeconds = 30;
        spec.Pools["db"].SlowStartSeconds = 60;
        spec.Pools["db"].Port = 0;

        var error = await RefusalAsync(spec, args => args.VpcId = null);

        Assert.StartsWith("AwsLoadBalancer \"web\" has 5 problems:", error);
        Assert.Contains("spec.pools.db.port = 0: use a port between 1 and 65535", error);
        Assert.Contains("vpcId = (not set)", error);
        Assert.Contains("spec.algorithm = \"least-connections\"", error);
        Assert.Contains("spec.pools.db.slowStartSeconds = 60", error);
        Assert.Contains("spec.idleTimeoutSeconds = 30", error);
    }

    [Fact]
    public async Task A_key_the_spec_already_reports_is_not_reported_twice()
    {
        var error = await RefusalAsync(WithAlgorithm(TestSpecs.PublicHttpsService(), "fastest"));

        Assert.Contains("has 1 problem", error);
        Assert.Contains("spec.algorithm = \"fastest\": use one of round-robin, least-connections, weighted, random, flow-hash", error);
    }
}
