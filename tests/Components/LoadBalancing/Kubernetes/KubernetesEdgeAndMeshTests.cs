using System.Collections.Immutable;
using Infra.Components.LoadBalancing;
using Infra.Components.LoadBalancing.Kubernetes;
using Infra.Components.Workloads.Kubernetes;
using Infra.Tests.Harness;
using Xunit;
using static Infra.Tests.Components.Workloads.Kubernetes.KubernetesSpecs;

namespace Infra.Tests.Components.LoadBalancing.Kubernetes;

[Collection(Infra.Tests.Sdk.EngineCollection.Name)]
public sealed class KubernetesEdgeAndMeshTests
{
    private static Task<TestRun> BuildAsync(KubernetesServiceArgs args) => PulumiTest.RunAsync(() => new KubernetesService("web", args));

    private static Task<string> RefusalAsync(KubernetesServiceArgs args) => PulumiTest.FailureAsync(() => new KubernetesService("web", args));

    private static IReadOnlyList<IReadOnlyDictionary<string, object?>> Maps(object? list)
        => ((ImmutableArray<object?>)list!).Cast<IReadOnlyDictionary<string, object?>>().ToList();

    // ---- Gateway API ------------------------------------------------------------------------

    [Fact]
    public async Task Created_gateway_terminates_tls_with_the_listener_secret_and_admits_only_same_namespace_routes()
    {
        var run = await BuildAsync(Args());

        var gateway = run.Single(Gateway, "web-gateway");
        Assert.Equal("gateway.networking.k8s.io/v1", gateway.Input("apiVersion"));
        Assert.Equal("istio", gateway.Input("spec.gatewayClassName"));
        var listeners = Maps(gateway.Input("spec.listeners"));
        var https = listeners.Single(l => Equals(l.At("name"), "https"));
        Assert.Equal(443.0, https.At("port"));
        Assert.Equal("HTTPS", https.At("protocol"));
        Assert.Equal("www.example.com", https.At("hostname"));
        Assert.Equal("Terminate", https.MapAt("tls").At("mode"));
        Assert.Equal(TlsSecret, Maps(https.MapAt("tls").At("certificateRefs")).Single().At("name"));
        Assert.All(listeners, l => Assert.Equal("Same", l.MapAt("allowedRoutes").MapAt("namespaces").At("from")));
    }

    [Fact]
    public async Task Route_forwards_from_the_https_listener_and_http_only_redirects()
    {
        var spec = HttpsService();
        spec.RequestTimeoutSeconds = 30;

        var run = await BuildAsync(Args(spec));

        var route = run.Single(HttpRoute, "web-route");
        var parent = Maps(route.Input("spec.parentRefs")).Single();
        Assert.Equal("web", parent.At("name"));
        Assert.Equal("shop", parent.At("namespace"));
        Assert.Equal("https", parent.At("sectionName"));
        Assert.Equal(new object?[] { "www.example.com" }, route.List("spec.hostnames"));
        var rule = Maps(route.Input("spec.rules")).Single();
        Assert.Equal("30s", rule.MapAt("timeouts").At("request"));
        var backend = Maps(rule.At("backendRefs")).Single();
        Assert.Equal("web", backend.At("name"));
        Assert.Equal(80.0, backend.At("port"));
        Assert.Null(backend.At("weight"));

        var redirect = run.Single(HttpRoute, "web-redirect-http");
        Assert.Equal("http", Maps(redirect.Input("spec.parentRefs")).Single().At("sectionName"));
        var filter = Maps(Maps(redirect.Input("spec.rules")).Single().At("filters")).Single();
        Assert.Equal("RequestRedirect", filter.At("type"));
        Assert.Equal("https", filter.MapAt("requestRedirect").At("scheme"));
        Assert.Equal(301.0, filter.MapAt("requestRedirect").At("statusCode"));
        Assert.Null(Maps(redirect.Input("spec.rules")).Single().At("backendRefs"));
    }

    [Fact]
    public async Task Named_gateway_is_used_and_none_is_created()
    {
        var args = Args();
        args.GatewayClassName = null;
        args.GatewayName = "public";
        args.GatewayNamespace = "edge";

        var run = await BuildAsync(args);

        Assert.Equal(0, run.Count(Gateway));
        var parent = Maps(run.Single(HttpRoute, "web-route").Input("spec.parentRefs")).Single();
        Assert.Equal("public", parent.At("name"));
        Assert.Equal("edge", parent.At("namespace"));
        // The gateway's proxies are admitted, from the gateway's namespace.
        var from = Maps(run.Single(NetworkPolicy, "web-networkpolicy").Input("spec.ingress[0].from")).Single();
        Assert.Equal("edge", from.MapAt("namespaceSelector").MapAt("matchLabels").At("kubernetes.io/metadata.name"));
    }

    [Fact]
    public async Task Weighted_without_a_mesh_splits_by_backend_weights_over_a_service_per_pool()
    {
        var run = await BuildAsync(Args(BlueGreen()));

        var backends = Maps(Maps(run.Single(HttpRoute, "web-route").Input("spec.rules")).Single().At("backendRefs"));
        Assert.Equal(new object?[] { "web-blue", "web-green" }, backends.Select(b => b.At("name")));
        Assert.Equal(new object?[] { 90.0, 10.0 }, backends.Select(b => b.At("weight")));
        Assert.Equal("blue", run.Single(Service, "web-service-blue").Map("spec.selector").At("infra/pool"));
        Assert.Equal(3, run.Count(Service));
        Assert.Equal(0, run.Count(DestinationRule));
    }

    [Fact]
    public async Task Ingress_edge_uses_the_named_class_and_the_tls_secret()
    {
        var spec = HttpsService();
        spec.Listeners.Remove("http");
        var args = Args(spec);
        args.Edge = EdgeKinds.Ingress;
        args.GatewayClassName = null;
        args.IngressClassName = "contour";
        args.EdgeNamespace = "projectcontour";

        var run = await BuildAsync(args);

        Assert.Equal(0, run.Count(HttpRoute));
        var ingress = run.Single(Ingress, "web-ingress");
        Assert.Equal("contour", ingress.Input("spec.ingressClassName"));
        Assert.Equal(TlsSecret, ingress.Input("spec.tls[0].secretName"));
        Assert.Equal("www.example.com", ingress.Input("spec.rules[0].host"));
        Assert.Equal("Prefix", ingress.Input("spec.rules[0].http.paths[0].pathType"));
        Assert.Equal("web", ingress.Input("spec.rules[0].http.paths[0].backend.service.name"));
        Assert.Null(ingress.Map("metadata").At("annotations"));
        Assert.True(ingress.Protect);
    }

    [Fact]
    public async Task Ingress_edge_is_refused_without_a_class_and_with_what_an_ingress_cannot_do()
    {
        var spec = HttpsService();
        spec.RequestTimeoutSeconds = 10;
        var args = Args(spec);
        args.Edge = EdgeKinds.Ingress;
        args.GatewayClassName = null;

        var error = await RefusalAsync(args);

        Assert.Contains("ingressClassName = (not set): name the cluster's IngressClass; nothing defaults to ingress-nginx, whose community controller was retired in March 2026", error, StringComparison.Ordinal);
        Assert.Contains("edgeNamespace = (not set): name the ingress controller's namespace", error, StringComparison.Ordinal);
        Assert.Contains("loadBalancer.listeners.http.protocol = \"http\": a networking.k8s.io/v1 Ingress has no standard HTTP-to-HTTPS redirect", error, StringComparison.Ordinal);
        Assert.Contains("loadBalancer.requestTimeoutSeconds = 10: a networking.k8s.io/v1 Ingress has no timeout field", error, StringComparison.Ordinal);
    }

    // ---- algorithms -------------------------------------------------------------------------

    [Theory]
    [InlineData(LoadBalancingAlgorithms.RoundRobin, "ROUND_ROBIN")]
    [InlineData(LoadBalancingAlgorithms.LeastConnections, "LEAST_REQUEST")]
    [InlineData(LoadBalancingAlgorithms.Random, "RANDOM")]
    public async Task Istio_destination_rule_maps_the_algorithm(string algorithm, string simple)
    {
        var spec = HttpsService();
        spec.Algorithm = algorithm;

        var run = await BuildAsync(MeshArgs(spec));

        var rule = run.Single(DestinationRule, "web-destinationrule");
        Assert.Equal("networking.istio.io/v1", rule.Input("apiVersion"));
        Assert.Equal("web.shop.svc.cluster.local", rule.Input("spec.host"));
        Assert.Equal(simple, rule.Input("spec.trafficPolicy.loadBalancer.simple"));
        Assert.Equal("60s", rule.Input("spec.trafficPolicy.connectionPool.http.idleTimeout"));
        Assert.Null(rule.Input("spec.subsets"));
    }

    [Fact]
    public async Task Istio_weighted_splits_by_subsets_and_route_weights_summing_to_100()
    {
        var spec = BlueGreen();
        spec.Pools["blue"].Weight = 2;
        spec.Pools["green"].Weight = 1;

        var run = await BuildAsync(MeshArgs(spec));

        var rule = run.Single(DestinationRule, "web-destinationrule");
        Assert.Equal("ROUND_ROBIN", rule.Input("spec.trafficPolicy.loadBalancer.simple"));
        var subsets = Maps(rule.Input("spec.subsets"));
        Assert.Equal(new object?[] { "blue", "green" }, subsets.Select(s => s.At("name")));
        Assert.Equal("green", subsets[1].MapAt("labels").At("infra/pool"));
        var routes = Maps(run.Single(VirtualService, "web-virtualservice").Input("spec.http[0].route"));
        Assert.Equal(new object?[] { "blue", "green" }, routes.Select(r => r.MapAt("destination").At("subset")));
        Assert.Equal(new object?[] { 67.0, 33.0 }, routes.Select(r => r.At("weight")));
        Assert.Equal("web-blue.shop.svc.cluster.local", run.Single(DestinationRule, "web-destinationrule-blue").Input("spec.host"));
    }

    [Theory]
    [InlineData(LoadBalancingAlgorithms.LeastConnections)]
    [InlineData(LoadBalancingAlgorithms.Random)]
    public async Task Without_a_mesh_least_connections_and_random_are_refused_with_the_alternative(string algorithm)
    {
        var spec = HttpsService();
        spec.Algorithm = algorithm;

        var error = await RefusalAsync(Args(spec));

        Assert.Contains($"loadBalancer.algorithm = \"{algorithm}\": Gateway API's standard channel and the Kubernetes Service have no field that selects {algorithm}", error, StringComparison.Ordinal);
        Assert.Contains("or mesh istio for least-connections and random", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flow_hash_is_refused_with_or_without_the_mesh()
    {
        var spec = HttpsService();
        spec.Algorithm = LoadBalancingAlgorithms.FlowHash;

        Assert.Contains("loadBalancer.algorithm = \"flow-hash\": Gateway API's standard channel", await RefusalAsync(Args(spec)), StringComparison.Ordinal);
        Assert.Contains("not on each connection's addresses and ports, so it cannot do flow-hash; use round-robin", await RefusalAsync(MeshArgs(spec)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Network_layer_is_refused()
    {
        var error = await RefusalAsync(Args(TestSpecs.InternalTcpService()));

        Assert.Contains("loadBalancer.layer = \"network\": this component serves HTTP through Gateway API or an Ingress", error, StringComparison.Ordinal);
    }

    // ---- resilience -------------------------------------------------------------------------

    [Fact]
    public async Task Istio_gets_retries_timeout_outlier_detection_and_connection_limits()
    {
        var spec = HttpsService();
        spec.RequestTimeoutSeconds = 15;
        spec.Retries = new RetryPolicySpec
        {
            Attempts = 3,
            PerTryTimeoutSeconds = 2.5,
            RetryOn = [RetryConditions.ConnectFailure, RetryConditions.GatewayError, RetryConditions.ServerError, RetryConditions.Conflict],
        };
        spec.OutlierDetection = new OutlierDetectionSpec { Consecutive5xxErrors = 7, IntervalSeconds = 5, BaseEjectionSeconds = 60, MaxEjectionPercent = 34 };
        spec.ConnectionPool = new ConnectionPoolSpec { MaxConnections = 100, MaxPendingRequests = 50, MaxRequestsPerConnection = 10 };

        var run = await BuildAsync(MeshArgs(spec));

        var http = run.Single(VirtualService, "web-virtualservice").Map("spec.http[0]");
        Assert.Equal("15s", http.At("timeout"));
        Assert.Equal(3.0, http.MapAt("retries").At("attempts"));
        Assert.Equal("2.5s", http.MapAt("retries").At("perTryTimeout"));
        Assert.Equal("connect-failure,gateway-error,5xx,409", http.MapAt("retries").At("retryOn"));
        Assert.Equal(new object?[] { "web.shop.svc.cluster.local" }, run.Single(VirtualService, "web-virtualservice").List("spec.hosts"));
        var policy = run.Single(DestinationRule, "web-destinationrule").Map("spec.trafficPolicy");
        Assert.Equal(7.0, policy.MapAt("outlierDetection").At("consecutive5xxErrors"));
        Assert.Equal("5s", policy.MapAt("outlierDetection").At("interval"));
        Assert.Equal("60s", policy.MapAt("outlierDetection").At("baseEjectionTime"));
        Assert.Equal(34.0, policy.MapAt("outlierDetection").At("maxEjectionPercent"));
        Assert.Equal(100.0, policy.MapAt("connectionPool").MapAt("tcp").At("maxConnections"));
        Assert.Equal(50.0, policy.MapAt("connectionPool").MapAt("http").At("http1MaxPendingRequests"));
        Assert.Equal(10.0, policy.MapAt("connectionPool").MapAt("http").At("maxRequestsPerConnection"));
    }

    [Fact]
    public async Task Without_a_retry_policy_istio_is_told_not_to_retry()
    {
        var run = await BuildAsync(MeshArgs());

        var retries = run.Single(VirtualService, "web-virtualservice").Map("spec.http[0].retries");
        Assert.Equal(0.0, retries.At("attempts"));
        Assert.Null(retries.At("retryOn"));
    }

    [Fact]
    public async Task Stickiness_and_slow_start_map_to_a_hashed_cookie_and_warm_up_with_istio()
    {
        var spec = HttpsService();
        spec.Stickiness = new StickinessSpec { DurationSeconds = 3600 };
        spec.Pools["web"].SlowStartSeconds = 60;

        var run = await BuildAsync(MeshArgs(spec));

        var loadBalancer = run.Single(DestinationRule, "web-destinationrule").Map("spec.trafficPolicy.loadBalancer");
        Assert.Null(loadBalancer.At("simple"));
        Assert.Equal("web-session", loadBalancer.MapAt("consistentHash").MapAt("httpCookie").At("name"));
        Assert.Equal("3600s", loadBalancer.MapAt("consistentHash").MapAt("httpCookie").At("ttl"));
        Assert.Equal("60s", loadBalancer.At("warmupDurationSecs"));
    }

    [Fact]
    public async Task Resilience_settings_without_a_mesh_are_refused_with_the_alternative()
    {
        var spec = HttpsService();
        spec.Retries = new RetryPolicySpec();
        spec.OutlierDetection = new OutlierDetectionSpec();
        spec.ConnectionPool = new ConnectionPoolSpec { MaxConnections = 10 };
        spec.Stickiness = new StickinessSpec();
        spec.Pools["web"].SlowStartSeconds = 60;
        spec.AllowedCidrs = ["203.0.113.0/24"];
        spec.Listeners["https"].TlsPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06";

        var error = await RefusalAsync(Args(spec));

        Assert.Contains("has 7 problems", error, StringComparison.Ordinal);
        Assert.Contains("loadBalancer.retries = 2: Gateway API's standard channel has no field for it (HTTPRoute retries are experimental, GEP-1731); remove retries, or set mesh istio", error, StringComparison.Ordinal);
        Assert.Contains("loadBalancer.outlierDetection = \"(set)\": Gateway API and the Service have no passive health checks", error, StringComparison.Ordinal);
        Assert.Contains("loadBalancer.connectionPool = \"(set)\": Gateway API and the Service have no connection limits", error, StringComparison.Ordinal);
        Assert.Contains("loadBalancer.stickiness = \"lb-cookie\": cookie session persistence is only in Gateway API's experimental channel", error, StringComparison.Ordinal);
        Assert.Contains("loadBalancer.pools.web.slowStartSeconds = 60: a Service has no slow start", error, StringComparison.Ordinal);
        Assert.Contains("loadBalancer.allowedCidrs[0] = \"203.0.113.0/24\": Gateway API and Ingress have no standard source-range field", error, StringComparison.Ordinal);
        Assert.Contains("loadBalancer.listeners.https.tlsPolicy = \"ELBSecurityPolicy-TLS13-1-2-2021-06\": TLS versions and ciphers are the gateway's", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Neutral_resilience_specs_report_their_own_problems_under_the_key_prefix()
    {
        var spec = HttpsService();
        spec.RequestTimeoutSeconds = 5;
        spec.Retries = new RetryPolicySpec { Attempts = 11, PerTryTimeoutSeconds = 6, RetryOn = ["5xx", RetryConditions.Reset, RetryConditions.Reset] };
        spec.OutlierDetection = new OutlierDetectionSpec { MaxEjectionPercent = 0 };
        spec.ConnectionPool = new ConnectionPoolSpec();

        var keys = spec.FindProblems("infra:service.loadBalancer").Select(p => p.Key).ToList();

        Assert.Equal(
            [
                "infra:service.loadBalancer.retries.attempts", "infra:service.loadBalancer.retries.retryOn[0]", "infra:service.loadBalancer.retries.retryOn[2]",
                "infra:service.loadBalancer.retries.perTryTimeoutSeconds", "infra:service.loadBalancer.outlierDetection.maxEjectionPercent",
                "infra:service.loadBalancer.connectionPool",
            ], keys);
    }

    [Fact]
    public void Program_checks_key_problems_under_the_stack_files_prefix()
    {
        var spec = HttpsService();
        spec.Algorithm = LoadBalancingAlgorithms.Random;

        var problem = Assert.Single(KubernetesLoadBalancing.FindKubernetesProblems(spec, "infra:service.loadBalancer", ServiceMeshes.None, EdgeKinds.GatewayApi));

        Assert.Equal("infra:service.loadBalancer.algorithm", problem.Key);
        Assert.Empty(KubernetesLoadBalancing.FindKubernetesProblems(spec, "infra:service.loadBalancer", ServiceMeshes.Istio, EdgeKinds.GatewayApi));
    }
    // ---- locality failover -------------------------------------------------------------------

    [Fact]
    public async Task Locality_failover_with_the_mesh_and_outlier_detection_becomes_the_destination_rules_locality_setting()
    {
        var args = MeshArgs();
        args.LoadBalancer.OutlierDetection = new OutlierDetectionSpec();
        args.LocalityFailover = [new LocalityFailoverArgs { From = "eu-west-1", To = "eu-central-1" }];

        var run = await BuildAsync(args);

        var rule = run.Single("kubernetes:networking.istio.io/v1:DestinationRule", "web-destinationrule");
        Assert.Equal(true, rule.Input("spec.trafficPolicy.loadBalancer.localityLbSetting.enabled"));
        var failover = Maps(rule.Input("spec.trafficPolicy.loadBalancer.localityLbSetting.failover"));
        Assert.Equal(("eu-west-1", "eu-central-1"), (failover[0]["from"], failover[0]["to"]));
    }

    [Fact]
    public async Task Locality_failover_without_outlier_detection_or_the_mesh_is_refused_with_the_reason()
    {
        var withoutOutliers = MeshArgs();
        withoutOutliers.LocalityFailover = [new LocalityFailoverArgs { From = "eu-west-1", To = "eu-west-1" }];
        var withoutMesh = Args();
        withoutMesh.LocalityFailover = [new LocalityFailoverArgs { From = "eu-west-1", To = "eu-central-1" }];

        var outliers = await RefusalAsync(withoutOutliers);
        var mesh = await RefusalAsync(withoutMesh);

        Assert.Contains("localityFailover = 1: Istio fails a locality over only when outlier detection ejects its pods", outliers);
        Assert.Contains("localityFailover[0].to = \"eu-west-1\": a region cannot fail over to itself", outliers);
        Assert.Contains("localityFailover = 1: locality failover is the mesh's; set mesh istio", mesh);
    }
}
