using System.Text.RegularExpressions;
using Infra.Components.Autoscaling;
using Infra.Components.Autoscaling.Kubernetes;
using Infra.Components.Common;
using Infra.Components.LoadBalancing;
using Infra.Components.LoadBalancing.Kubernetes;
using Infra.Components.Monitoring;
using Pulumi;

namespace Infra.Components.Workloads.Kubernetes;

/// <summary>
/// Settings of a <see cref="KubernetesService"/>: the cloud-neutral load-balancer, scaling and alert
/// specs plus where and how the service runs on an existing cluster. An explicit
/// <c>Pulumi.Kubernetes.Provider</c> goes in the component's options (<c>Providers</c>), never here.
/// </summary>
public sealed partial class KubernetesServiceArgs : ResourceArgs
{
    /// <summary>Listeners, pools (one Deployment each, probed by the pool's health check), algorithm,
    /// retries, timeouts, outlier detection.</summary>
    /// <remarks>Default: no listeners or pools, which is refused until both are added.</remarks>
    [Input("loadBalancer")] public LoadBalancerSpec LoadBalancer { get; set; } = new();

    /// <summary>Replica range and policies, applied to each pool's Deployment.</summary>
    /// <remarks>Default: 2 to 6 replicas and no policy (refused while the sizes differ).</remarks>
    [Input("scaling")] public ScalingSpec Scaling { get; set; } = new();

    /// <summary>Alert thresholds, read when <see cref="PrometheusRules"/> is on.</summary>
    /// <remarks>Default: 5 % server errors, p95 1 s, any unavailable pod, at max replicas, 3 × 60 s.</remarks>
    [Input("alerts")] public AlertSpec Alerts { get; set; } = new();

    /// <summary>Existing namespace the objects are created in. Required.</summary>
    [Input("namespace")] public string Namespace { get; set; } = "";

    /// <summary>Container image, pinned by tag or digest (e.g. "registry.example.com/web:1.4.2"). Required.</summary>
    [Input("image")] public string Image { get; set; } = "";

    /// <summary>One of <see cref="ServiceMeshes"/>.</summary>
    /// <remarks>Default: "none".</remarks>
    [Input("mesh")] public string Mesh { get; set; } = ServiceMeshes.None;

    /// <summary>One of <see cref="EdgeKinds"/>.</summary>
    /// <remarks>Default: "gateway-api".</remarks>
    [Input("edge")] public string Edge { get; set; } = EdgeKinds.GatewayApi;

    /// <summary>Existing Gateway the routes attach to; its listeners must be named like the spec's
    /// listener keys (e.g. https, http) and admit routes from <see cref="Namespace"/>.</summary>
    /// <remarks>Default: none; the component creates a Gateway of <see cref="GatewayClassName"/>.</remarks>
    [Input("gatewayName")] public string? GatewayName { get; set; }

    /// <summary>Namespace of <see cref="GatewayName"/>.</summary>
    /// <remarks>Default: <see cref="Namespace"/>.</remarks>
    [Input("gatewayNamespace")] public string? GatewayNamespace { get; set; }

    /// <summary>GatewayClass of the Gateway the component creates when no <see cref="GatewayName"/> is given.</summary>
    /// <remarks>Default: none; required then (nothing is assumed about the cluster's gateway controller).</remarks>
    [Input("gatewayClassName")] public string? GatewayClassName { get; set; }

    /// <summary>IngressClass of the Ingress (edge "ingress").</summary>
    /// <remarks>Default: none; required with edge ingress. Nothing defaults to ingress-nginx, whose
    /// community controller was retired in March 2026.</remarks>
    [Input("ingressClassName")] public string? IngressClassName { get; set; }

    /// <summary>Namespace of the pods that carry edge traffic to the service (the gateway's proxies or
    /// the ingress controller); the NetworkPolicy admits it on the pool ports.</summary>
    /// <remarks>Default: <see cref="GatewayNamespace"/> (or <see cref="Namespace"/>, where a created
    /// Gateway's proxies usually run); required with edge ingress.</remarks>
    [Input("edgeNamespace")] public string? EdgeNamespace { get; set; }

    /// <summary>Further namespaces whose pods may call the service on the pool ports (e.g. in-mesh clients).</summary>
    /// <remarks>Default: none.</remarks>
    [Input("clientNamespaces")] public List<string> ClientNamespaces { get; set; } = [];

    /// <summary>Namespace of the Prometheus that scrapes the Istio sidecars' merged metrics (port 15020).</summary>
    /// <remarks>Default: none; without it the NetworkPolicy blocks the scrape.</remarks>
    [Input("metricsNamespace")] public string? MetricsNamespace { get; set; }

    /// <summary>Host names the routes answer for (HTTPRoute hostnames, Ingress rules and TLS hosts).</summary>
    /// <remarks>Default: none, so every host name reaching the listeners.</remarks>
    [Input("hostnames")] public List<string> Hostnames { get; set; } = [];

    /// <summary>Regions whose traffic the mesh moves to another region when none of their pods is healthy
    /// (Istio locality failover; needs mesh istio and the load balancer's outlierDetection, which Istio
    /// uses to find unhealthy pods).</summary>
    /// <remarks>Default: none; the mesh keeps traffic where it is (locality failover off).</remarks>
    [Input("localityFailover")] public List<LocalityFailoverArgs> LocalityFailover { get; set; } = [];

    /// <summary>One of <see cref="Autoscalers"/>: exactly one owner of the replica count.</summary>
    /// <remarks>Default: "hpa".</remarks>
    [Input("autoscaler")] public string Autoscaler { get; set; } = Autoscalers.Hpa;

    /// <summary>Seconds of lower recommendations before pods are removed.</summary>
    /// <remarks>Default: 300 (the HPA's own).</remarks>
    [Input("scaleDownStabilizationSeconds")] public int ScaleDownStabilizationSeconds { get; set; } = 300;

    /// <summary>Most of the pods removed per minute, in percent.</summary>
    /// <remarks>Default: 50.</remarks>
    [Input("scaleDownMaxPercentPerMinute")] public int ScaleDownMaxPercentPerMinute { get; set; } = 50;

    /// <summary>Create a PrometheusRule with the alerts; the cluster must run the prometheus-operator.</summary>
    /// <remarks>Default: false.</remarks>
    [Input("prometheusRules")] public bool PrometheusRules { get; set; }

    /// <summary>Node label whose values are the zones pods spread across.</summary>
    /// <remarks>Default: "topology.kubernetes.io/zone".</remarks>
    [Input("zoneTopologyKey")] public string ZoneTopologyKey { get; set; } = "topology.kubernetes.io/zone";

    /// <summary>Refuse to schedule a pod that would skew zones by more than one (DoNotSchedule) instead
    /// of preferring balance (ScheduleAnyway), which keeps scaling up when a zone is full.</summary>
    /// <remarks>Default: false.</remarks>
    [Input("zoneSpreadRequired")] public bool ZoneSpreadRequired { get; set; }

    /// <summary>Requests and limits of the container.</summary>
    /// <remarks>Default: 250m CPU and 256Mi requested, 1 CPU and 512Mi at most.</remarks>
    [Input("resources")] public ContainerResourcesArgs Resources { get; set; } = new();

    /// <summary>Pods that may be unavailable during a rolling update: a count ("0") or a percentage ("25%").</summary>
    /// <remarks>Default: "0", so capacity never drops during a deploy.</remarks>
    [Input("rollingUpdateMaxUnavailable")] public string RollingUpdateMaxUnavailable { get; set; } = "0";

    /// <summary>Extra pods a rolling update may start: a count or a percentage.</summary>
    /// <remarks>Default: "25%".</remarks>
    [Input("rollingUpdateMaxSurge")] public string RollingUpdateMaxSurge { get; set; } = "25%";

    /// <summary>User id the container runs as; needed when the image's USER is a name, since
    /// runAsNonRoot can only verify numeric users.</summary>
    /// <remarks>Default: the image's USER (which must be numeric and not 0).</remarks>
    [Input("runAsUser")] public int? RunAsUser { get; set; }

    /// <summary>Namespace of a created Gateway, or of the named one.</summary>
    internal string EffectiveGatewayNamespace => GatewayNamespace ?? Namespace;

    /// <summary>Namespace admitted for edge traffic.</summary>
    internal string EffectiveEdgeNamespace => EdgeNamespace ?? EffectiveGatewayNamespace;

    /// <summary>Whether an autoscaler owns the replica count.</summary>
    internal bool Autoscaled => Autoscaler is Autoscalers.Hpa or Autoscalers.Keda;

    /// <summary>Every problem in these settings; <paramref name="componentName"/> names the objects.</summary>
    public IEnumerable<SpecProblem> FindProblems(string componentName) => FindProblems(componentName, key => key);

    /// <summary>Every problem in these settings, each keyed from <paramref name="at"/>(argument name), e.g.
    /// <c>at("loadBalancer")</c> for the load balancer spec: a program whose arguments come from several
    /// places (a stack's service description and its site) says where each is written.
    /// <c>at("name")</c> keys a problem of <paramref name="componentName"/>.</summary>
    public IEnumerable<SpecProblem> FindProblems(string componentName, Func<string, string> at)
    {
        ArgumentNullException.ThrowIfNull(at);
        var problems = new List<SpecProblem>();
        if (!DnsLabel().IsMatch(componentName ?? "") || componentName!.Length > 63)
            problems.Add(new(at("name"), componentName, "name the component with a lower-case DNS label (a-z, 0-9, '-', starting with a letter); it names the Kubernetes objects"));
        foreach (var (key, value) in new[] { ("mesh", Mesh, ServiceMeshes.All), ("edge", Edge, EdgeKinds.All), ("autoscaler", Autoscaler, Autoscalers.All) }
                     .Where(c => !c.Item3.Contains(c.Item2)).Select(c => (c.Item1, c.Item2)))
            problems.Add(new(at(key), value, $"use one of {string.Join(", ", key == "mesh" ? ServiceMeshes.All : key == "edge" ? EdgeKinds.All : Autoscalers.All)}"));

        if (LoadBalancer is null)
            problems.Add(new(at("loadBalancer"), null, "describe the listeners and pools"));
        else
        {
            var own = LoadBalancer.FindProblems(at("loadBalancer")).ToList();
            var reported = own.Select(p => p.Key).ToHashSet();
            problems.AddRange(own);
            problems.AddRange(KubernetesLoadBalancing.FindKubernetesProblems(LoadBalancer, at("loadBalancer"), Mesh, Edge).Where(p => !reported.Contains(p.Key)));
            foreach (var key in (LoadBalancer.Pools ?? []).Keys.Concat((LoadBalancer.Listeners ?? []).Keys))
                if (!DnsLabel().IsMatch(key) || $"{componentName}-{key}".Length > 63)
                    problems.Add(new($"{at("loadBalancer")}.{((LoadBalancer.Pools ?? []).ContainsKey(key) ? "pools" : "listeners")}.{key}", key,
                        "keys name Kubernetes objects and listeners: use a lower-case DNS label, with the component name at most 63 characters"));
        }

        if (Scaling is null)
            problems.Add(new(at("scaling"), null, "set scaling (minSize, maxSize and a policy)"));
        else
        {
            var own = Scaling.FindProblems(at("scaling")).ToList();
            var reported = own.Select(p => p.Key).ToHashSet();
            problems.AddRange(own);
            problems.AddRange(KubernetesScaling.FindKubernetesProblems(Scaling, at("scaling"), Autoscaler).Where(p => !reported.Contains(p.Key)));
        }

        if (PrometheusRules && Alerts is null)
            problems.Add(new(at("alerts"), null, "set alerts, or turn prometheusRules off"));
        else if (PrometheusRules)
            problems.AddRange(Alerts!.FindProblems(at("alerts")));

        if (!DnsLabel().IsMatch(Namespace ?? ""))
            problems.Add(new(at("namespace"), Namespace, "name the existing namespace to deploy into (a lower-case DNS label)"));
        if (string.IsNullOrWhiteSpace(Image))
            problems.Add(new(at("image"), Image, "name the container image, pinned by tag or digest"));
        else if (Image.EndsWith(":latest", StringComparison.Ordinal) || !Image.Contains(':', StringComparison.Ordinal) && !Image.Contains('@', StringComparison.Ordinal))
            problems.Add(new(at("image"), Image, "pin the image by tag or digest (e.g. web:1.4.2 or web@sha256:...), so that a restart runs what was deployed"));

        if (Edge == EdgeKinds.GatewayApi)
        {
            if (GatewayName is null && string.IsNullOrWhiteSpace(GatewayClassName))
                problems.Add(new(at("gatewayClassName"), GatewayClassName, "name the GatewayClass for the Gateway this component creates, or name an existing Gateway (gatewayName)"));
            if (GatewayName is not null && GatewayClassName is not null)
                problems.Add(new(at("gatewayClassName"), GatewayClassName, "an existing Gateway already has its class; remove gatewayClassName or gatewayName"));
            if (GatewayName is null && GatewayNamespace is not null && GatewayNamespace != Namespace)
                problems.Add(new(at("gatewayNamespace"), GatewayNamespace, "a created Gateway lives beside its routes (allowedRoutes: Same); remove gatewayNamespace or name an existing Gateway"));
            if (IngressClassName is not null)
                problems.Add(new(at("ingressClassName"), IngressClassName, "only edge ingress reads an ingress class; remove it or set edge ingress"));
        }
        else if (Edge == EdgeKinds.Ingress)
        {
            if (string.IsNullOrWhiteSpace(IngressClassName))
                problems.Add(new(at("ingressClassName"), IngressClassName,
                    "name the cluster's IngressClass; nothing defaults to ingress-nginx, whose community controller was retired in March 2026"));
            if (GatewayName is not null || GatewayNamespace is not null || GatewayClassName is not null)
                problems.Add(new(at("gatewayName"), GatewayName ?? GatewayNamespace ?? GatewayClassName, "edge ingress uses no Gateway; remove the gateway settings or set edge gateway-api"));
            if (EdgeNamespace is null)
                problems.Add(new(at("edgeNamespace"), null, "name the ingress controller's namespace; the NetworkPolicy admits only it on the pool ports"));
        }
        foreach (var (key, value) in new[] { ("gatewayNamespace", GatewayNamespace), ("edgeNamespace", EdgeNamespace), ("metricsNamespace", MetricsNamespace) })
            if (value is not null && !DnsLabel().IsMatch(value))
                problems.Add(new(at(key), value, "use a namespace name (a lower-case DNS label)"));
        var clients = ClientNamespaces ?? [];
        for (var i = 0; i < clients.Count; i++)
            if (!DnsLabel().IsMatch(clients[i] ?? ""))
                problems.Add(new($"{at("clientNamespaces")}[{i}]", clients[i], "use a namespace name (a lower-case DNS label)"));
        if (MetricsNamespace is not null && Mesh != ServiceMeshes.Istio)
            problems.Add(new(at("metricsNamespace"), MetricsNamespace, "only Istio sidecars serve metrics on 15020; remove it or set mesh istio"));
        var failover = LocalityFailover ?? [];
        if (failover.Count > 0 && Mesh != ServiceMeshes.Istio)
            problems.Add(new(at("localityFailover"), failover.Count, "locality failover is the mesh's; set mesh istio or remove localityFailover"));
        else if (failover.Count > 0 && LoadBalancer?.OutlierDetection is null)
            problems.Add(new(at("localityFailover"), failover.Count,
                "Istio fails a locality over only when outlier detection ejects its pods; set infra:service.loadBalancer.outlierDetection (e.g. consecutive5xxErrors: 5)"));
        for (var i = 0; i < failover.Count; i++)
        {
            if (failover[i] is not { } step || !DnsLabel().IsMatch(step.From ?? "") || !DnsLabel().IsMatch(step.To ?? ""))
                problems.Add(new($"{at("localityFailover")}[{i}]", failover[i] is null ? null : $"{failover[i].From} -> {failover[i].To}",
                    "give from and to as the nodes' region labels, e.g. {from: eu-west-1, to: eu-central-1}"));
            else if (step.From == step.To)
                problems.Add(new($"{at("localityFailover")}[{i}].to", step.To, "a region cannot fail over to itself; name another region"));
            else if (failover.Take(i).Any(f => f?.From == step.From))
                problems.Add(new($"{at("localityFailover")}[{i}].from", step.From, "this region already fails over; list each region once"));
        }

        var hostnames = Hostnames ?? [];
        for (var i = 0; i < hostnames.Count; i++)
            if (!HostnamePattern().IsMatch(hostnames[i] ?? ""))
                problems.Add(new($"{at("hostnames")}[{i}]", hostnames[i], "write a DNS name such as www.example.com (a leading *. for a wildcard)"));

        if (ScaleDownStabilizationSeconds is < 0 or > 3600)
            problems.Add(new(at("scaleDownStabilizationSeconds"), ScaleDownStabilizationSeconds, "use 0 to 3600 seconds"));
        if (ScaleDownMaxPercentPerMinute is < 1 or > 100)
            problems.Add(new(at("scaleDownMaxPercentPerMinute"), ScaleDownMaxPercentPerMinute, "use 1 to 100 percent"));
        if (string.IsNullOrWhiteSpace(ZoneTopologyKey))
            problems.Add(new(at("zoneTopologyKey"), ZoneTopologyKey, "name the node label of zones, e.g. topology.kubernetes.io/zone"));
        if (Resources is null)
            problems.Add(new(at("resources"), null, "set requests and limits; every container needs them"));
        else
            problems.AddRange(Resources.FindProblems(at("resources")));
        foreach (var (key, value) in new[] { ("rollingUpdateMaxUnavailable", RollingUpdateMaxUnavailable), ("rollingUpdateMaxSurge", RollingUpdateMaxSurge) })
            if (!CountOrPercent().IsMatch(value ?? ""))
                problems.Add(new(at(key), value, "write a pod count such as \"1\" or a percentage such as \"25%\""));
        if (IsZero(RollingUpdateMaxUnavailable) && IsZero(RollingUpdateMaxSurge))
            problems.Add(new(at("rollingUpdateMaxSurge"), RollingUpdateMaxSurge, "with maxUnavailable 0 a rolling update needs room for a new pod; use e.g. \"25%\""));
        if (RunAsUser is < 1)
            problems.Add(new(at("runAsUser"), RunAsUser, "user 0 is root; use a non-zero user id, e.g. 10001"));
        return problems;
    }

    /// <summary>A count ("1") as an int, a percentage ("25%") as text, as Kubernetes' int-or-string reads them.</summary>
    internal static InputUnion<int, string> CountOrPercentValue(string value)
        => int.TryParse(value, out var count) ? count : value;

    private static bool IsZero(string? value) => value is "0" or "0%";

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex(@"^(\*\.)?([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z]{2,63}$")]
    private static partial Regex HostnamePattern();

    [GeneratedRegex(@"^\d+%?$")]
    private static partial Regex CountOrPercent();
}
