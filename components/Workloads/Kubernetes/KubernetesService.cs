using System.Collections.Immutable;
using Infra.Components.Autoscaling.Kubernetes;
using Infra.Components.Common;
using Infra.Components.HealthChecks.Kubernetes;
using Infra.Components.LoadBalancing;
using Infra.Components.LoadBalancing.Kubernetes;
using Infra.Components.Monitoring.Kubernetes;
using Pulumi;
using Pulumi.Kubernetes.Types.Inputs.Apps.V1;
using Pulumi.Kubernetes.Types.Inputs.Core.V1;
using Pulumi.Kubernetes.Types.Inputs.Meta.V1;
using Pulumi.Kubernetes.Types.Inputs.Networking.V1;
using Pulumi.Kubernetes.Types.Inputs.Policy.V1;
using K8s = Pulumi.Kubernetes;

namespace Infra.Components.Workloads.Kubernetes;

/// <summary>
/// A web service on an existing Kubernetes cluster, built from the cloud-neutral specs: per backend
/// pool a hardened Deployment (probes from the pool's health check, non-root, read-only root
/// filesystem, no privilege escalation, no capabilities, RuntimeDefault seccomp, spread across zones,
/// replicas left to the autoscaler), its PodDisruptionBudget and autoscaler (HPA or KEDA); a Service
/// (and one per pool when weighted); a ServiceAccount without an API token; a NetworkPolicy that
/// admits only the edge (and named client namespaces) on the pool ports; the edge (Gateway API
/// HTTPRoute, with a Gateway when none is named, or an Ingress); with Istio a DestinationRule and a
/// VirtualService; and, when asked, a PrometheusRule with the four alerts.
/// </summary>
public sealed class KubernetesService : ComponentResource
{
    /// <summary>Type token of this component.</summary>
    public const string TypeToken = "infra:workloads:KubernetesService";

    /// <summary>Port every Service of the component listens on; it forwards to the pods' "http" port.</summary>
    public const int ServicePort = 80;

    /// <summary>Name of the container port traffic and probes use.</summary>
    public const string PortName = "http";

    /// <summary>Label every object and pod carries with the component's name.</summary>
    public const string NameLabel = "app.kubernetes.io/name";

    /// <summary>Name of the Service that fronts every pool.</summary>
    [Output("serviceName")] public Output<string> ServiceName { get; private set; }

    /// <summary>Cluster DNS name of that Service, e.g. web.shop.svc.cluster.local (the mesh host).</summary>
    [Output("serviceHost")] public Output<string> ServiceHost { get; private set; }

    /// <summary>Namespace of every object.</summary>
    [Output("namespace")] public Output<string> Namespace { get; private set; }

    /// <summary>Deployment name of each pool, by pool key.</summary>
    [Output("deploymentNames")] public Output<StringMap> DeploymentNames { get; private set; }

    private Output<ImmutableDictionary<string, string>> _deploymentNames = null!;

    /// <summary><see cref="DeploymentNames"/> as an immutable dictionary, for C# callers.</summary>
    /// <remarks>A method, not a property: every public property of a component is part of the package schema
    /// (see <see cref="StringMap"/>).</remarks>
    public Output<ImmutableDictionary<string, string>> DeploymentNamesByPool() => _deploymentNames;

    /// <summary>Host names the edge answers for (as given; empty means any).</summary>
    [Output("hostnames")] public Output<StringList> Hostnames { get; private set; }

    private Output<ImmutableArray<string>> _hostnames = null!;

    /// <summary><see cref="Hostnames"/> as an immutable array, for C# callers.</summary>
    /// <remarks>A method, not a property: every public property of a component is part of the package schema
    /// (see <see cref="StringList"/>).</remarks>
    public Output<ImmutableArray<string>> HostnamesArray() => _hostnames;

    /// <summary>Validates <paramref name="args"/>, reporting every problem at once, then creates the
    /// service's objects as children of this component (through the provider in
    /// <paramref name="options"/>, if any).</summary>
    public KubernetesService(string name, KubernetesServiceArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        InvalidSpecException.ThrowIfAny($"KubernetesService \"{name}\"", args.FindProblems(name));
        var child = new CustomResourceOptions { Parent = this };
        // What clients reach keeps the spec's deletion protection (Kubernetes objects have none of their own).
        var guarded = new CustomResourceOptions { Parent = this, Protect = args.LoadBalancer.DeletionProtection };
        var spec = args.LoadBalancer;
        var ns = args.Namespace;
        var withMesh = args.Mesh == ServiceMeshes.Istio;
        var weighted = KubernetesAlgorithmMapping.For(spec.Algorithm, args.Mesh).Weighted;
        var host = $"{name}.{ns}.svc.cluster.local";

        var account = new K8s.Core.V1.ServiceAccount($"{name}-serviceaccount", new K8s.Types.Inputs.Core.V1.ServiceAccountArgs
        {
            Metadata = Metadata(name, ns, name),
            // The service does not call the Kubernetes API; a mounted token would only help an attacker.
            AutomountServiceAccountToken = false,
        }, child);

        var deployments = new Dictionary<string, string>();
        foreach (var (key, pool) in spec.Pools)
        {
            var objectName = $"{name}-{key}";
            deployments[key] = objectName;
            var podLabels = PoolLabels(name, key, withMesh);
            _ = new K8s.Apps.V1.Deployment($"{name}-deployment-{key}", new K8s.Types.Inputs.Apps.V1.DeploymentArgs
            {
                Metadata = Metadata(objectName, ns, name),
                Spec = new DeploymentSpecArgs
                {
                    // Unset when an autoscaler owns the count, so a deploy never resets it.
                    Replicas = args.Autoscaled ? null : (Input<int>)(args.Scaling.DesiredCapacity ?? args.Scaling.MinSize),
                    Selector = new LabelSelectorArgs { MatchLabels = Selector(name, key) },
                    Strategy = new DeploymentStrategyArgs
                    {
                        Type = "RollingUpdate",
                        RollingUpdate = new RollingUpdateDeploymentArgs
                        {
                            MaxUnavailable = KubernetesServiceArgs.CountOrPercentValue(args.RollingUpdateMaxUnavailable),
                            MaxSurge = KubernetesServiceArgs.CountOrPercentValue(args.RollingUpdateMaxSurge),
                        },
                    },
                    Template = new PodTemplateSpecArgs
                    {
                        Metadata = new ObjectMetaArgs { Labels = podLabels },
                        Spec = PodSpec(name, key, pool, args, account),
                    },
                },
            }, child);

            if (args.Scaling.MaxSize > 1)
                _ = new K8s.Policy.V1.PodDisruptionBudget($"{name}-pdb-{key}", new K8s.Types.Inputs.Policy.V1.PodDisruptionBudgetArgs
                {
                    Metadata = Metadata(objectName, ns, name),
                    Spec = new PodDisruptionBudgetSpecArgs
                    {
                        // One pod at a time may be evicted by drains; never blocks a drain at one replica.
                        MaxUnavailable = 1,
                        Selector = new LabelSelectorArgs { MatchLabels = Selector(name, key) },
                        // Crash-looping pods never count towards the budget, so they must not block drains either.
                        UnhealthyPodEvictionPolicy = "AlwaysAllow",
                    },
                }, child);

            var scaleDown = new ScaleDownBehavior(args.ScaleDownStabilizationSeconds, args.ScaleDownMaxPercentPerMinute);
            if (args.Autoscaler == Autoscalers.Hpa)
                _ = new K8s.Autoscaling.V2.HorizontalPodAutoscaler($"{name}-hpa-{key}", new K8s.Types.Inputs.Autoscaling.V2.HorizontalPodAutoscalerArgs
                {
                    Metadata = Metadata(objectName, ns, name),
                    Spec = KubernetesScaling.HorizontalPodAutoscaler(args.Scaling, objectName, scaleDown),
                }, child);
            else if (args.Autoscaler == Autoscalers.Keda)
                _ = new K8s.ApiExtensions.CustomResource($"{name}-scaledobject-{key}", new ScaledObjectArgs
                {
                    Metadata = Metadata(objectName, ns, name),
                    Spec = KubernetesScaling.ScaledObject(args.Scaling, objectName, scaleDown),
                }, child);
        }

        var front = new K8s.Core.V1.Service($"{name}-service", ServiceArgs(name, ns, name, Selector(name, null)), guarded);
        // Gateway API weights Services, not label subsets, so each weighted pool gets its own.
        foreach (var key in weighted ? spec.Pools.Keys.ToList() : [])
            _ = new K8s.Core.V1.Service($"{name}-service-{key}", ServiceArgs($"{name}-{key}", ns, name, Selector(name, key)), guarded);

        _ = new K8s.Networking.V1.NetworkPolicy($"{name}-networkpolicy", new K8s.Types.Inputs.Networking.V1.NetworkPolicyArgs
        {
            Metadata = Metadata(name, ns, name),
            Spec = NetworkPolicySpec(name, args),
        }, child);

        if (args.Edge == EdgeKinds.GatewayApi)
        {
            var gatewayName = args.GatewayName ?? name;
            var gatewayNamespace = args.EffectiveGatewayNamespace;
            if (args.GatewayName is null)
                _ = new K8s.ApiExtensions.CustomResource($"{name}-gateway", new GatewayArgs
                {
                    Metadata = Metadata(name, ns, name),
                    Spec = GatewayApiRoutes.Gateway(spec, args.GatewayClassName!, args.Hostnames),
                }, guarded);
            var backends = weighted
                ? spec.Pools.Select(p => ((Input<string>)$"{name}-{p.Key}", ServicePort, (int?)p.Value.Weight))
                : [((Input<string>)name, ServicePort, (int?)null)];
            _ = new K8s.ApiExtensions.CustomResource($"{name}-route", new HttpRouteArgs
            {
                Metadata = Metadata(name, ns, name),
                Spec = GatewayApiRoutes.ForwardingRoute(spec, gatewayName, gatewayNamespace, args.Hostnames, backends),
            }, new CustomResourceOptions { Parent = this, Protect = spec.DeletionProtection, DependsOn = { front } });
            foreach (var (key, _) in spec.Listeners.Where(l => !l.Value.Forwards))
                _ = new K8s.ApiExtensions.CustomResource($"{name}-redirect-{key}", new HttpRouteArgs
                {
                    Metadata = Metadata($"{name}-redirect-{key}", ns, name),
                    Spec = GatewayApiRoutes.RedirectRoute(gatewayName, gatewayNamespace, key, args.Hostnames),
                }, child);
        }
        else
            _ = new K8s.Networking.V1.Ingress($"{name}-ingress", new K8s.Types.Inputs.Networking.V1.IngressArgs
            {
                Metadata = Metadata(name, ns, name),
                Spec = IngressSpec(name, spec, args),
            }, guarded);

        if (withMesh)
        {
            _ = new K8s.ApiExtensions.CustomResource($"{name}-destinationrule", new DestinationRuleArgs
            {
                Metadata = Metadata(name, ns, name),
                Spec = IstioTrafficRules.DestinationRule(spec, host, $"{name}-session", weighted ? null : spec.Pools.Values.Single(), weighted, args.LocalityFailover),
            }, child);
            // The gateway sends weighted traffic to the pool Services; they get the same policy.
            foreach (var (key, pool) in weighted ? spec.Pools : [])
                _ = new K8s.ApiExtensions.CustomResource($"{name}-destinationrule-{key}", new DestinationRuleArgs
                {
                    Metadata = Metadata($"{name}-{key}", ns, name),
                    Spec = IstioTrafficRules.DestinationRule(spec, $"{name}-{key}.{ns}.svc.cluster.local", $"{name}-session", pool, false, args.LocalityFailover),
                }, child);
            _ = new K8s.ApiExtensions.CustomResource($"{name}-virtualservice", new VirtualServiceArgs
            {
                Metadata = Metadata(name, ns, name),
                Spec = IstioTrafficRules.VirtualService(spec, host, ServicePort, weighted),
            }, child);
        }

        if (args.PrometheusRules)
        {
            if (!withMesh)
                Log.Warn($"KubernetesService \"{name}\": without a mesh there are no standard request metrics, so the PrometheusRule has no " +
                         "server-error or response-time alert; set mesh istio for them.", this);
            var autoscalers = args.Autoscaler switch
            {
                Autoscalers.Hpa => deployments.Values.ToList(),
                // KEDA names the HPA it creates keda-hpa-<ScaledObject name>.
                Autoscalers.Keda => deployments.Values.Select(d => $"keda-hpa-{d}").ToList(),
                _ => [],
            };
            _ = new K8s.ApiExtensions.CustomResource($"{name}-alerts", new PrometheusRuleArgs
            {
                Metadata = Metadata(name, ns, name),
                Spec = PrometheusAlertRules.Spec(args.Alerts, new PrometheusAlertTarget(name, ns, name, deployments.Values.ToList(), autoscalers, withMesh)),
            }, child);
        }

        ServiceName = front.Metadata.Apply(m => m.Name ?? name);
        ServiceHost = Output.Create(host);
        Namespace = Output.Create(ns);
        _deploymentNames = Output.Create(deployments.ToImmutableDictionary());
        _hostnames = Output.Create(args.Hostnames.ToImmutableArray());
        DeploymentNames = _deploymentNames.Apply(value => new StringMap(value));
        Hostnames = _hostnames.Apply(value => new StringList(value));
        RegisterOutputs();
    }

    private static ObjectMetaArgs Metadata(string objectName, string ns, string component) => new()
    {
        Name = objectName,
        Namespace = ns,
        Labels = { { NameLabel, component }, { "app.kubernetes.io/managed-by", "pulumi" } },
    };

    private static Dictionary<string, string> Selector(string name, string? pool)
        => pool is null
            ? new() { [NameLabel] = name }
            : new() { [NameLabel] = name, [IstioTrafficRules.PoolLabel] = pool };

    private static Dictionary<string, string> PoolLabels(string name, string pool, bool withMesh)
    {
        var labels = Selector(name, pool);
        if (withMesh)
            labels["sidecar.istio.io/inject"] = "true";
        return labels;
    }

    private static PodSpecArgs PodSpec(string name, string key, BackendPoolSpec pool, KubernetesServiceArgs args, K8s.Core.V1.ServiceAccount account)
    {
        var check = pool.HealthCheck;
        var spread = args.ZoneSpreadRequired ? "DoNotSchedule" : "ScheduleAnyway";
        return new PodSpecArgs
        {
            ServiceAccountName = account.Metadata.Apply(m => m.Name),
            AutomountServiceAccountToken = false,
            // In-flight requests may finish as long as the pool's connection draining allows.
            TerminationGracePeriodSeconds = pool.DeregistrationDelaySeconds,
            SecurityContext = new PodSecurityContextArgs
            {
                RunAsNonRoot = true,
                RunAsUser = args.RunAsUser,
                SeccompProfile = new SeccompProfileArgs { Type = "RuntimeDefault" },
            },
            TopologySpreadConstraints =
            {
                new TopologySpreadConstraintArgs
                {
                    MaxSkew = 1,
                    TopologyKey = args.ZoneTopologyKey,
                    WhenUnsatisfiable = spread,
                    LabelSelector = new LabelSelectorArgs { MatchLabels = Selector(name, key) },
                },
                // Also across nodes, preferred only: one node's loss should not take most pods.
                new TopologySpreadConstraintArgs
                {
                    MaxSkew = 1,
                    TopologyKey = "kubernetes.io/hostname",
                    WhenUnsatisfiable = "ScheduleAnyway",
                    LabelSelector = new LabelSelectorArgs { MatchLabels = Selector(name, key) },
                },
            },
            Containers =
            {
                new ContainerArgs
                {
                    Name = "app",
                    Image = args.Image,
                    Ports = { new ContainerPortArgs { Name = PortName, ContainerPortValue = pool.Port, Protocol = "TCP" } },
                    Resources = new ResourceRequirementsArgs
                    {
                        Requests = { { "cpu", args.Resources.CpuRequest }, { "memory", args.Resources.MemoryRequest } },
                        Limits = { { "cpu", args.Resources.CpuLimit }, { "memory", args.Resources.MemoryLimit } },
                    },
                    ReadinessProbe = KubernetesProbes.Readiness(check, pool.Port),
                    LivenessProbe = KubernetesProbes.Liveness(check, pool.Port),
                    StartupProbe = KubernetesProbes.Startup(check, pool.Port) is { } startup ? (Input<ProbeArgs>)startup : null,
                    SecurityContext = new SecurityContextArgs
                    {
                        RunAsNonRoot = true,
                        ReadOnlyRootFilesystem = true,
                        AllowPrivilegeEscalation = false,
                        Privileged = false,
                        Capabilities = new CapabilitiesArgs { Drop = { "ALL" } },
                        SeccompProfile = new SeccompProfileArgs { Type = "RuntimeDefault" },
                    },
                    // The root filesystem is read-only; most runtimes still need a scratch /tmp.
                    VolumeMounts = { new VolumeMountArgs { Name = "tmp", MountPath = "/tmp" } },
                },
            },
            Volumes = { new VolumeArgs { Name = "tmp", EmptyDir = new EmptyDirVolumeSourceArgs { SizeLimit = "64Mi" } } },
        };
    }

    private static K8s.Types.Inputs.Core.V1.ServiceArgs ServiceArgs(string objectName, string ns, string component, Dictionary<string, string> selector) => new()
    {
        Metadata = Metadata(objectName, ns, component),
        Spec = new ServiceSpecArgs
        {
            Type = "ClusterIP",
            Selector = selector,
            // appProtocol lets Istio and gateways speak HTTP without guessing from the port name.
            Ports = { new ServicePortArgs { Name = PortName, Port = ServicePort, TargetPort = PortName, Protocol = "TCP", AppProtocol = "http" } },
        },
    };

    private static NetworkPolicySpecArgs NetworkPolicySpec(string name, KubernetesServiceArgs args)
    {
        var ports = args.LoadBalancer.BackendPorts
            .Concat(args.LoadBalancer.Pools.Values.Select(p => p.HealthCheck.Port).OfType<int>())
            .Distinct().Order()
            .Select(port => new NetworkPolicyPortArgs { Protocol = "TCP", Port = port })
            .ToList();
        var peers = new[] { args.EffectiveEdgeNamespace }.Concat(args.ClientNamespaces).Distinct()
            .Select(ns => new NetworkPolicyPeerArgs { NamespaceSelector = NamespaceSelector(ns) })
            .ToList();
        var spec = new NetworkPolicySpecArgs
        {
            PodSelector = new LabelSelectorArgs { MatchLabels = Selector(name, null) },
            // Egress stays open: the service's own dependencies are not known here.
            PolicyTypes = { "Ingress" },
            Ingress = { new NetworkPolicyIngressRuleArgs { From = peers, Ports = ports } },
        };
        if (args.MetricsNamespace is { } metrics)
            spec.Ingress.Add(new NetworkPolicyIngressRuleArgs
            {
                From = { new NetworkPolicyPeerArgs { NamespaceSelector = NamespaceSelector(metrics) } },
                // Istio's merged Prometheus endpoint of the sidecar (istio-agent).
                Ports = { new NetworkPolicyPortArgs { Protocol = "TCP", Port = 15020 } },
            });
        return spec;
    }

    // Kubernetes labels every namespace with its own name (since 1.21).
    private static LabelSelectorArgs NamespaceSelector(string ns)
        => new() { MatchLabels = { { "kubernetes.io/metadata.name", ns } } };

    private static IngressSpecArgs IngressSpec(string name, LoadBalancerSpec spec, KubernetesServiceArgs args)
    {
        var backend = new IngressBackendArgs
        {
            Service = new IngressServiceBackendArgs { Name = name, Port = new ServiceBackendPortArgs { Number = ServicePort } },
        };
        var paths = new HTTPIngressRuleValueArgs { Paths = { new HTTPIngressPathArgs { Path = "/", PathType = "Prefix", Backend = backend } } };
        var ingress = new IngressSpecArgs { IngressClassName = args.IngressClassName! };
        if (args.Hostnames.Count == 0)
            ingress.Rules.Add(new IngressRuleArgs { Http = paths });
        foreach (var hostname in args.Hostnames)
            ingress.Rules.Add(new IngressRuleArgs { Host = hostname, Http = paths });
        foreach (var listener in spec.Listeners.Values.Where(l => l.Protocol == ListenerProtocols.Https))
            ingress.Tls.Add(new IngressTLSArgs { Hosts = args.Hostnames, SecretName = listener.CertificateId! });
        return ingress;
    }
}
