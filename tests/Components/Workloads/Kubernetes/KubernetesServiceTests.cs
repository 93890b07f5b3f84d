using Infra.Components.Autoscaling.Kubernetes;
using Infra.Components.HealthChecks;
using Infra.Components.Workloads.Kubernetes;
using Infra.Tests.Harness;
using Xunit;
using static Infra.Tests.Components.Workloads.Kubernetes.KubernetesSpecs;

namespace Infra.Tests.Components.Workloads.Kubernetes;

[Collection(Infra.Tests.Sdk.EngineCollection.Name)]
public sealed class KubernetesServiceTests
{
    private static Task<TestRun> BuildAsync(KubernetesServiceArgs args, bool preview = false)
        => PulumiTest.RunAsync(() => new KubernetesService("web", args), preview);

    private static Task<string> RefusalAsync(KubernetesServiceArgs args)
        => PulumiTest.FailureAsync(() => new KubernetesService("web", args));

    [Fact]
    public async Task One_pool_service_creates_its_objects_named_from_the_component_and_parented_to_it()
    {
        var run = await BuildAsync(Args());

        string[] expected =
        [
            "web-serviceaccount", "web-deployment-web", "web-pdb-web", "web-hpa-web", "web-service", "web-networkpolicy",
            "web-gateway", "web-route", "web-redirect-http",
        ];
        var children = run.Resources.Where(r => r.Package == "kubernetes").ToList();
        Assert.Equal(expected.Order(), children.Select(r => r.Name).Order());
        Assert.All(children, r =>
        {
            Assert.Equal(KubernetesService.TypeToken, r.ParentType);
            Assert.Equal("web", r.ParentName);
            Assert.Equal("shop", r.Input("metadata.namespace"));
        });
        Assert.Equal("web-web", run.Single(Deployment, "web-deployment-web").Input("metadata.name"));
        Assert.Equal("web", run.Single(Service, "web-service").Input("metadata.name"));
    }

    [Fact]
    public async Task Pods_run_non_root_read_only_without_privilege_escalation_capabilities_or_api_token()
    {
        var run = await BuildAsync(Args());

        var pod = run.Single(Deployment, "web-deployment-web").Map("spec.template.spec");
        Assert.Equal(false, pod.At("automountServiceAccountToken"));
        Assert.Equal("web", pod.At("serviceAccountName"));
        Assert.Equal(true, pod.MapAt("securityContext").At("runAsNonRoot"));
        Assert.Equal("RuntimeDefault", pod.MapAt("securityContext").MapAt("seccompProfile").At("type"));
        var container = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(Assert.Single((System.Collections.Immutable.ImmutableArray<object?>)pod.At("containers")!));
        Assert.Equal("registry.example.com/web:1.4.2", container.At("image"));
        var security = container.MapAt("securityContext");
        Assert.Equal(true, security.At("runAsNonRoot"));
        Assert.Equal(true, security.At("readOnlyRootFilesystem"));
        Assert.Equal(false, security.At("allowPrivilegeEscalation"));
        Assert.Equal(false, security.At("privileged"));
        Assert.Equal(new object?[] { "ALL" }, (System.Collections.Immutable.ImmutableArray<object?>)security.MapAt("capabilities").At("drop")!);
        Assert.Equal("RuntimeDefault", security.MapAt("seccompProfile").At("type"));
        Assert.Equal("/tmp", run.Single(Deployment, "web-deployment-web").Input("spec.template.spec.containers[0].volumeMounts[0].mountPath"));
        Assert.Equal(false, run.Single(ServiceAccount, "web-serviceaccount").Input("automountServiceAccountToken"));
    }

    [Fact]
    public async Task Container_has_requests_and_limits_and_a_named_port()
    {
        var run = await BuildAsync(Args());

        var deployment = run.Single(Deployment, "web-deployment-web");
        var resources = deployment.Map("spec.template.spec.containers[0].resources");
        Assert.Equal("250m", resources.MapAt("requests").At("cpu"));
        Assert.Equal("256Mi", resources.MapAt("requests").At("memory"));
        Assert.Equal("1", resources.MapAt("limits").At("cpu"));
        Assert.Equal("512Mi", resources.MapAt("limits").At("memory"));
        Assert.Equal("http", deployment.Input("spec.template.spec.containers[0].ports[0].name"));
        Assert.Equal(8080.0, deployment.Number("spec.template.spec.containers[0].ports[0].containerPort"));
    }

    [Fact]
    public async Task Probes_follow_the_pools_health_check()
    {
        var spec = HttpsService();
        spec.Pools["web"].HealthCheck = new HealthCheckSpec
        {
            Path = "/ready",
            IntervalSeconds = 10,
            TimeoutSeconds = 3,
            HealthyThreshold = 2,
            UnhealthyThreshold = 3,
            GracePeriodSeconds = 95,
        };

        var run = await BuildAsync(Args(spec));

        var container = run.Single(Deployment, "web-deployment-web").Map("spec.template.spec.containers[0]");
        var readiness = container.MapAt("readinessProbe");
        Assert.Equal("/ready", readiness.MapAt("httpGet").At("path"));
        Assert.Equal(8080.0, readiness.MapAt("httpGet").At("port"));
        Assert.Equal("HTTP", readiness.MapAt("httpGet").At("scheme"));
        Assert.Equal(10.0, readiness.At("periodSeconds"));
        Assert.Equal(3.0, readiness.At("timeoutSeconds"));
        Assert.Equal(2.0, readiness.At("successThreshold"));
        Assert.Equal(3.0, readiness.At("failureThreshold"));
        var liveness = container.MapAt("livenessProbe");
        Assert.Equal(1.0, liveness.At("successThreshold"));
        Assert.Equal(6.0, liveness.At("failureThreshold"));
        var startup = container.MapAt("startupProbe");
        Assert.Equal(1.0, startup.At("successThreshold"));
        Assert.Equal(10.0, startup.At("failureThreshold")); // 95 s grace in 10 s intervals, rounded up
    }

    [Fact]
    public async Task Tcp_check_becomes_a_tcp_socket_probe_and_no_grace_period_means_no_startup_probe()
    {
        var spec = HttpsService();
        spec.Pools["web"].HealthCheck = new HealthCheckSpec { Protocol = HealthCheckProtocols.Tcp, Port = 9090, GracePeriodSeconds = 0 };

        var run = await BuildAsync(Args(spec));

        var container = run.Single(Deployment, "web-deployment-web").Map("spec.template.spec.containers[0]");
        Assert.Equal(9090.0, container.MapAt("readinessProbe").MapAt("tcpSocket").At("port"));
        Assert.Null(container.MapAt("readinessProbe").At("httpGet"));
        Assert.Null(container.At("startupProbe"));
        // The probe port is admitted too (kubelet traffic aside, a check port may serve the gateway's checks).
        var ports = run.Single(NetworkPolicy, "web-networkpolicy").List("spec.ingress[0].ports").Cast<IReadOnlyDictionary<string, object?>>();
        Assert.Equal(new double[] { 8080, 9090 }, ports.Select(p => (double)p.At("port")!));
    }

    [Fact]
    public async Task Replicas_stay_unset_when_an_autoscaler_owns_them_and_a_rolling_update_keeps_capacity()
    {
        var run = await BuildAsync(Args());

        var deployment = run.Single(Deployment, "web-deployment-web");
        Assert.Null(deployment.Input("spec.replicas"));
        Assert.Equal("RollingUpdate", deployment.Input("spec.strategy.type"));
        Assert.Equal(0.0, deployment.Number("spec.strategy.rollingUpdate.maxUnavailable"));
        Assert.Equal("25%", deployment.Input("spec.strategy.rollingUpdate.maxSurge"));
    }

    [Fact]
    public async Task Without_an_autoscaler_the_deployment_runs_the_fixed_count_and_no_hpa_exists()
    {
        var args = Args();
        args.Autoscaler = Autoscalers.None;
        args.Scaling = new() { MinSize = 3, MaxSize = 3 };

        var run = await BuildAsync(args);

        Assert.Equal(3.0, run.Single(Deployment, "web-deployment-web").Number("spec.replicas"));
        Assert.Equal(0, run.Count(Hpa));
        Assert.Equal(0, run.Count(ScaledObject));
    }

    [Fact]
    public async Task Pods_spread_across_zones_and_nodes()
    {
        var run = await BuildAsync(Args());

        var constraints = run.Single(Deployment, "web-deployment-web").List("spec.template.spec.topologySpreadConstraints")
            .Cast<IReadOnlyDictionary<string, object?>>().ToList();
        Assert.Equal(new object?[] { "topology.kubernetes.io/zone", "kubernetes.io/hostname" }, constraints.Select(c => c.At("topologyKey")));
        Assert.All(constraints, c =>
        {
            Assert.Equal(1.0, c.At("maxSkew"));
            Assert.Equal("ScheduleAnyway", c.At("whenUnsatisfiable"));
            Assert.Equal("web", c.MapAt("labelSelector").MapAt("matchLabels").At("app.kubernetes.io/name"));
        });
    }

    [Fact]
    public async Task Pdb_lets_one_pod_go_at_a_time_and_is_left_out_when_only_one_replica_is_possible()
    {
        var run = await BuildAsync(Args());
        var pdb = run.Single(Pdb, "web-pdb-web");
        Assert.Equal(1.0, pdb.Number("spec.maxUnavailable"));
        Assert.Equal("AlwaysAllow", pdb.Input("spec.unhealthyPodEvictionPolicy"));
        Assert.Equal("web", pdb.Map("spec.selector.matchLabels").At("infra/pool"));

        var single = Args();
        single.Autoscaler = Autoscalers.None;
        single.Scaling = new() { MinSize = 1, MaxSize = 1 };
        Assert.Equal(0, (await BuildAsync(single)).Count(Pdb));
    }

    [Fact]
    public async Task Network_policy_admits_only_the_edge_namespace_on_the_pool_port()
    {
        var args = Args();
        args.ClientNamespaces = ["billing"];

        var run = await BuildAsync(args);

        var policy = run.Single(NetworkPolicy, "web-networkpolicy");
        Assert.Equal(new object?[] { "Ingress" }, policy.List("spec.policyTypes"));
        Assert.Equal("web", policy.Map("spec.podSelector.matchLabels").At("app.kubernetes.io/name"));
        var rule = Assert.Single(policy.List("spec.ingress").Cast<IReadOnlyDictionary<string, object?>>());
        var from = ((System.Collections.Immutable.ImmutableArray<object?>)rule.At("from")!).Cast<IReadOnlyDictionary<string, object?>>();
        Assert.Equal(new object?[] { "shop", "billing" }, from.Select(p => p.MapAt("namespaceSelector").MapAt("matchLabels").At("kubernetes.io/metadata.name")));
        var port = Assert.Single(((System.Collections.Immutable.ImmutableArray<object?>)rule.At("ports")!).Cast<IReadOnlyDictionary<string, object?>>());
        Assert.Equal(8080.0, port.At("port"));
        Assert.Equal("TCP", port.At("protocol"));
    }

    [Fact]
    public async Task Service_is_cluster_internal_and_forwards_to_the_named_port()
    {
        var run = await BuildAsync(Args());

        var service = run.Single(Service, "web-service");
        Assert.Equal("ClusterIP", service.Input("spec.type"));
        Assert.Equal(80.0, service.Number("spec.ports[0].port"));
        Assert.Equal("http", service.Input("spec.ports[0].targetPort"));
        Assert.Equal("http", service.Input("spec.ports[0].appProtocol"));
        Assert.True(service.Protect);
    }

    [Fact]
    public async Task Outputs_name_the_service_its_host_and_the_deployments()
    {
        KubernetesService? component = null;
        await PulumiTest.RunAsync(() => component = new KubernetesService("web", BlueGreenArgs()));

        Assert.Equal("web", await TestRun.ValueAsync(component!.ServiceName));
        Assert.Equal("web.shop.svc.cluster.local", await TestRun.ValueAsync(component.ServiceHost));
        Assert.Equal("shop", await TestRun.ValueAsync(component.Namespace));
        var deployments = await TestRun.ValueAsync(component.DeploymentNamesByPool());
        Assert.Equal("web-blue", deployments["blue"]);
        Assert.Equal("web-green", deployments["green"]);
        Assert.Equal(new[] { "www.example.com" }, (await TestRun.ValueAsync(component.HostnamesArray())).ToArray());
    }

    [Fact]
    public async Task An_explicit_provider_in_the_options_reaches_every_object()
    {
        var run = await PulumiTest.RunAsync(() =>
        {
            var provider = new Pulumi.Kubernetes.Provider("cluster", new Pulumi.Kubernetes.ProviderArgs { Namespace = "shop" });
            _ = new KubernetesService("web", Args(), new Pulumi.ComponentResourceOptions { Providers = { provider } });
        });

        Assert.All(run.Resources.Where(r => r.Package == "kubernetes"), r => Assert.Contains("cluster", r.Provider, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Guardrails_hold_for_every_container_of_a_mesh_blue_green_service()
    {
        var args = BlueGreenArgs();
        args.Mesh = Infra.Components.LoadBalancing.Kubernetes.ServiceMeshes.Istio;

        var run = await BuildAsync(args);

        var deployments = run.OfType(Deployment);
        Assert.Equal(2, deployments.Length);
        foreach (var deployment in deployments)
        {
            foreach (var container in deployment.List("spec.template.spec.containers").Cast<IReadOnlyDictionary<string, object?>>())
            {
                Assert.NotNull(container.At("readinessProbe"));
                Assert.NotNull(container.At("livenessProbe"));
                Assert.NotEqual(true, container.MapAt("securityContext").At("privileged"));
                Assert.Equal(false, container.MapAt("securityContext").At("allowPrivilegeEscalation"));
                Assert.NotNull(container.MapAt("resources").MapAt("limits").At("cpu"));
                Assert.NotNull(container.MapAt("resources").MapAt("limits").At("memory"));
            }
            Assert.Equal("true", deployment.Map("spec.template.metadata.labels").At("sidecar.istio.io/inject"));
            var pool = deployment.Map("spec.selector.matchLabels").At("infra/pool");
            Assert.Contains(run.OfType(Pdb), pdb => Equals(pdb.Map("spec.selector.matchLabels").At("infra/pool"), pool));
        }
        Assert.Equal(1, run.Count(NetworkPolicy));
    }

    [Fact]
    public async Task Preview_completes()
    {
        var args = BlueGreenArgs();
        args.Mesh = Infra.Components.LoadBalancing.Kubernetes.ServiceMeshes.Istio;
        args.Autoscaler = Autoscalers.Keda;
        args.PrometheusRules = true;

        var run = await BuildAsync(args, preview: true);

        Assert.Equal(1, run.Count(KubernetesService.TypeToken));
        Assert.Equal(2, run.Count(Deployment));
    }

    [Fact]
    public async Task Workload_settings_are_refused_with_every_problem_at_once()
    {
        var args = Args();
        args.Namespace = "";
        args.Image = "web:latest";
        args.Mesh = "linkerd";
        args.Resources.CpuLimit = "lots";
        args.RollingUpdateMaxUnavailable = "0";
        args.RollingUpdateMaxSurge = "0";
        args.RunAsUser = 0;
        args.GatewayClassName = null;

        var error = await RefusalAsync(args);

        Assert.Contains("KubernetesService \"web\" has 7 problems", error, StringComparison.Ordinal);
        Assert.Contains("namespace = \"\": name the existing namespace to deploy into", error, StringComparison.Ordinal);
        Assert.Contains("image = \"web:latest\": pin the image by tag or digest", error, StringComparison.Ordinal);
        Assert.Contains("mesh = \"linkerd\": use one of none, istio", error, StringComparison.Ordinal);
        Assert.Contains("resources.cpuLimit = \"lots\": write a Kubernetes quantity", error, StringComparison.Ordinal);
        Assert.Contains("rollingUpdateMaxSurge = \"0\": with maxUnavailable 0 a rolling update needs room for a new pod", error, StringComparison.Ordinal);
        Assert.Contains("runAsUser = 0: user 0 is root", error, StringComparison.Ordinal);
        Assert.Contains("gatewayClassName = (not set): name the GatewayClass", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kubelet_cannot_expect_error_codes()
    {
        var spec = HttpsService();
        spec.Pools["web"].HealthCheck.ExpectedStatusCodes = "200,404";

        var error = await RefusalAsync(Args(spec));

        Assert.Contains("loadBalancer.pools.web.healthCheck.expectedStatusCodes = \"200,404\": the kubelet counts only 200 to 399 as healthy", error, StringComparison.Ordinal);
    }

    private static KubernetesServiceArgs BlueGreenArgs() => Args(BlueGreen());
}
