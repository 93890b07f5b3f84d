using Infra.Components.Common;
using Infra.Components.HealthChecks;
using Infra.Components.LoadBalancing;
using Xunit;

namespace Infra.Tests.Components.HealthChecks;

public sealed class HealthCheckConsistencyTests
{
    /// <summary>A regional load balancer: HTTP on 80 redirecting to HTTPS on 443, one pool on 8080 checked on /healthz.</summary>
    private static LoadBalancerSpec RegionalLoadBalancer() => new()
    {
        Public = true,
        AllowedCidrs = ["0.0.0.0/0"],
        Listeners =
        {
            ["http"] = new ListenerSpec { Protocol = ListenerProtocols.Http, Port = 80 },
            ["https"] = new ListenerSpec { Protocol = ListenerProtocols.Https, Port = 443, CertificateId = "arn:aws:acm:us-east-1:123456789012:certificate/web" },
        },
        Pools = { ["web"] = new BackendPoolSpec { Port = 8080, HealthCheck = new HealthCheckSpec { Path = "/healthz", IntervalSeconds = 10, UnhealthyThreshold = 2 } } },
    };

    /// <summary>DNS checks HTTPS /healthz every 10 s, unhealthy after 3, in front of the regional load balancer.</summary>
    private static HealthCheckSpec DnsCheck() => new() { Protocol = HealthCheckProtocols.Https, Path = "/healthz", IntervalSeconds = 10, UnhealthyThreshold = 3 };

    private static DnsCheckLayer Endpoint(HealthCheckSpec check, int ttl = 60, LoadBalancerSpec? balancer = null, string name = "use1", string at = "dns.healthCheck")
        => new(name, check, at, ttl, balancer ?? RegionalLoadBalancer(), $"dns.endpoints.{name}.loadBalancer");

    private static List<SpecProblem> Problems(HealthCheckLayers layers) => [.. HealthCheckConsistency.FindProblems(layers)];

    private static SpecProblem Single(HealthCheckLayers layers, string key)
    {
        var problems = Problems(layers);
        return Assert.Single(problems, p => p.Key == key);
    }

    [Fact]
    public void A_dns_check_of_the_pools_path_on_the_https_listener_within_the_rto_is_consistent()
    {
        var layers = new HealthCheckLayers
        {
            Dns = [Endpoint(DnsCheck()), Endpoint(DnsCheck(), name: "usw2")],
            Probes = new Dictionary<string, HealthCheckSpec> { ["kubernetes.readinessProbe"] = new() { IntervalSeconds = 10, TimeoutSeconds = 2 } },
            TargetRtoSeconds = 90,
        };

        Assert.Empty(Problems(layers));
    }

    [Fact]
    public void A_dns_check_of_a_path_the_backends_do_not_serve_is_a_problem_naming_their_path()
    {
        var check = DnsCheck();
        check.Path = "/status";

        var problem = Single(new HealthCheckLayers { Dns = [Endpoint(check)] }, "dns.healthCheck.path");

        Assert.Equal("/status", problem.Value);
        Assert.Contains("answer health checks on /healthz", problem.Fix);
        Assert.EndsWith("use /healthz", problem.Fix);
    }

    [Fact]
    public void A_dns_check_of_a_port_without_a_listener_is_a_problem_listing_the_ports()
    {
        var check = DnsCheck();
        check.Port = 8443;

        var problem = Single(new HealthCheckLayers { Dns = [Endpoint(check)] }, "dns.healthCheck.port");

        Assert.Equal(8443, problem.Value);
        Assert.Contains("listens on 80, 443, not 8443", problem.Fix);
    }

    [Fact]
    public void An_http_dns_check_of_the_redirecting_listener_tests_the_redirect_not_the_backends()
    {
        var check = DnsCheck();
        check.Protocol = HealthCheckProtocols.Http;

        var problem = Single(new HealthCheckLayers { Dns = [Endpoint(check)] }, "dns.healthCheck.protocol");

        Assert.Contains("port 80 only redirects to HTTPS", problem.Fix);
    }

    [Fact]
    public void An_https_check_of_a_plain_http_listener_is_a_protocol_mismatch()
    {
        var balancer = RegionalLoadBalancer();
        balancer.Listeners["https"] = new ListenerSpec { Protocol = ListenerProtocols.Http, Port = 443, RedirectToHttps = false };

        var problem = Single(new HealthCheckLayers { Dns = [Endpoint(DnsCheck(), balancer: balancer)] }, "dns.healthCheck.protocol");

        Assert.Equal("the load balancer speaks http on port 443; use http", problem.Fix);
    }

    [Fact]
    public void A_tcp_dns_check_of_an_application_load_balancer_would_never_fail_over()
    {
        var check = new HealthCheckSpec { Protocol = HealthCheckProtocols.Tcp, Port = 443, IntervalSeconds = 10 };

        var problem = Single(new HealthCheckLayers { Dns = [Endpoint(check)] }, "dns.healthCheck.protocol");

        Assert.Contains("succeeds even when every backend behind it is down", problem.Fix);
        Assert.Contains("(/healthz)", problem.Fix);
    }

    [Fact]
    public void An_https_check_of_a_network_load_balancers_tls_listener_is_fine()
    {
        var balancer = new LoadBalancerSpec
        {
            Layer = LoadBalancerLayers.Network,
            Listeners = { ["tls"] = new ListenerSpec { Protocol = ListenerProtocols.Tls, Port = 443, CertificateId = "cert" } },
            Pools = { ["web"] = new BackendPoolSpec { Protocol = ListenerProtocols.Tcp, Port = 8443, HealthCheck = new HealthCheckSpec { Path = "/healthz" } } },
        };

        Assert.Empty(Problems(new HealthCheckLayers { Dns = [Endpoint(DnsCheck(), balancer: balancer)] }));
    }

    [Fact]
    public void Dns_failover_slower_than_the_rto_is_a_problem_showing_interval_failures_and_ttl()
    {
        var layers = new HealthCheckLayers { Dns = [Endpoint(DnsCheck(), ttl: 300)], TargetRtoSeconds = 120, TargetRtoAt = "dns.targetRtoSeconds" };

        var problem = Single(layers, "dns.healthCheck.intervalSeconds");

        Assert.Equal(10, problem.Value);
        Assert.StartsWith("failing over from endpoint use1 takes up to 10 s × 3 failures + 300 s TTL = 330 s, more than dns.targetRtoSeconds (120 s)", problem.Fix);
    }

    [Theory]
    [InlineData(10, 3, 60, 90, true)]
    [InlineData(10, 3, 60, 89, false)]
    [InlineData(30, 3, 60, 150, true)]
    [InlineData(30, 1, 0, 29, false)]
    [InlineData(30, 10, 0, 300, true)]
    public void Dns_failover_time_is_interval_times_failures_plus_ttl(int interval, int failures, int ttl, int rto, bool fits)
    {
        var check = new HealthCheckSpec { Protocol = HealthCheckProtocols.Https, IntervalSeconds = interval, UnhealthyThreshold = failures };
        var layers = new HealthCheckLayers { Dns = [new DnsCheckLayer("use1", check, "dns.healthCheck", ttl)], TargetRtoSeconds = rto };

        Assert.Equal(fits, Problems(layers).Count == 0);
    }

    [Fact]
    public void Without_a_target_rto_no_layer_is_too_slow()
    {
        var slow = new HealthCheckSpec { Protocol = HealthCheckProtocols.Https, IntervalSeconds = 300, TimeoutSeconds = 5, UnhealthyThreshold = 10 };

        Assert.Empty(Problems(new HealthCheckLayers
        {
            Dns = [new DnsCheckLayer("use1", slow, "dns.healthCheck", 86_400)],
            Probes = new Dictionary<string, HealthCheckSpec> { ["readiness"] = slow },
        }));
    }

    [Fact]
    public void A_probe_whose_timeout_reaches_its_interval_is_a_problem()
    {
        var layers = new HealthCheckLayers
        {
            Probes = new Dictionary<string, HealthCheckSpec> { ["kubernetes.livenessProbe"] = new() { IntervalSeconds = 10, TimeoutSeconds = 10 } },
        };

        var problem = Single(layers, "kubernetes.livenessProbe.timeoutSeconds");

        Assert.Equal(10, problem.Value);
        Assert.Equal("must be shorter than kubernetes.livenessProbe.intervalSeconds (10); lower it or raise the interval", problem.Fix);
    }

    [Fact]
    public void Probes_and_load_balancer_pools_slower_than_the_rto_are_problems_where_they_are_set()
    {
        var balancer = RegionalLoadBalancer();
        balancer.Pools["web"].HealthCheck = new HealthCheckSpec { Path = "/healthz", IntervalSeconds = 30, UnhealthyThreshold = 5 };
        var layers = new HealthCheckLayers
        {
            Dns = [Endpoint(DnsCheck(), balancer: balancer)],
            Probes = new Dictionary<string, HealthCheckSpec> { ["kubernetes.readinessProbe"] = new() { IntervalSeconds = 20, UnhealthyThreshold = 6 } },
            TargetRtoSeconds = 100,
        };

        var problems = Problems(layers);

        Assert.Equal(["dns.endpoints.use1.loadBalancer.pools.web.healthCheck.intervalSeconds", "kubernetes.readinessProbe.intervalSeconds"],
            problems.Select(p => p.Key));
        Assert.Contains("the load balancer keeps sending traffic to a failed backend for up to 30 s × 5 failures = 150 s, more than targetRtoSeconds (100 s)", problems[0].Fix);
        Assert.Contains("a failed backend keeps its traffic for up to 20 s × 6 failures = 120 s", problems[1].Fix);
    }

    [Fact]
    public void A_check_shared_by_several_endpoints_is_reported_once()
    {
        var check = DnsCheck();
        check.TimeoutSeconds = 10;

        var problems = Problems(new HealthCheckLayers { Dns = [Endpoint(check), Endpoint(check, name: "usw2")] });

        var problem = Assert.Single(problems);
        Assert.Equal("dns.healthCheck.timeoutSeconds", problem.Key);
    }
}
