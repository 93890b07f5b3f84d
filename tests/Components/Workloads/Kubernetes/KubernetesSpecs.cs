using Infra.Components.Autoscaling;
using Infra.Components.LoadBalancing;
using Infra.Components.LoadBalancing.Kubernetes;
using Infra.Components.Workloads.Kubernetes;
using Infra.Plan;
using Infra.Tests.Harness;

namespace Infra.Tests.Components.Workloads.Kubernetes;

/// <summary>Kubernetes fixtures: a valid service each test then bends, and readers of what the engine got.</summary>
public static class KubernetesSpecs
{
    /// <summary>Name of the TLS secret the HTTPS listener terminates with.</summary>
    public const string TlsSecret = "web-tls";

    /// <summary>Resource types the component creates.</summary>
    public const string Deployment = "kubernetes:apps/v1:Deployment", Service = "kubernetes:core/v1:Service",
        ServiceAccount = "kubernetes:core/v1:ServiceAccount", NetworkPolicy = "kubernetes:networking.k8s.io/v1:NetworkPolicy",
        Pdb = "kubernetes:policy/v1:PodDisruptionBudget", Hpa = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
        Ingress = "kubernetes:networking.k8s.io/v1:Ingress", Gateway = "kubernetes:gateway.networking.k8s.io/v1:Gateway",
        HttpRoute = "kubernetes:gateway.networking.k8s.io/v1:HTTPRoute", DestinationRule = "kubernetes:networking.istio.io/v1:DestinationRule",
        VirtualService = "kubernetes:networking.istio.io/v1:VirtualService", ScaledObject = "kubernetes:keda.sh/v1alpha1:ScaledObject",
        PrometheusRule = "kubernetes:monitoring.coreos.com/v1:PrometheusRule";

    /// <summary>HTTP on 80 redirecting to HTTPS on 443 (TLS secret web-tls), one pool "web" on 8080.</summary>
    public static LoadBalancerSpec HttpsService()
    {
        var spec = TestSpecs.PublicHttpsService();
        spec.Listeners["https"].CertificateId = TlsSecret;
        return spec;
    }

    /// <summary><see cref="HttpsService"/> split 90/10 between pools blue (8080) and green (8081).</summary>
    public static LoadBalancerSpec BlueGreen()
    {
        var spec = TestSpecs.BlueGreenService();
        spec.Listeners["https"].CertificateId = TlsSecret;
        return spec;
    }

    /// <summary>A service in namespace "shop" behind a created Gateway of class "istio", 2 to 6
    /// replicas on cpu 60 through an HPA, no mesh.</summary>
    public static KubernetesServiceArgs Args(LoadBalancerSpec? spec = null) => new()
    {
        LoadBalancer = spec ?? HttpsService(),
        Scaling = new ScalingSpec
        {
            MinSize = 2,
            MaxSize = 6,
            TargetTracking = { ["cpu"] = new TargetTrackingPolicySpec { Metric = ScalingMetrics.Cpu, TargetValue = 60 } },
        },
        Namespace = "shop",
        Image = "registry.example.com/web:1.4.2",
        GatewayClassName = "istio",
        Hostnames = ["www.example.com"],
    };

    /// <summary><see cref="Args"/> inside the Istio mesh.</summary>
    public static KubernetesServiceArgs MeshArgs(LoadBalancerSpec? spec = null)
    {
        var args = Args(spec);
        args.Mesh = ServiceMeshes.Istio;
        return args;
    }

    /// <summary>The nested map at <paramref name="path"/> of <paramref name="resource"/>'s inputs.</summary>
    public static IReadOnlyDictionary<string, object?> Map(this PlannedResource resource, string path)
        => resource.Input(path) as IReadOnlyDictionary<string, object?>
           ?? throw new Xunit.Sdk.XunitException($"{resource.Name} has no map at {path}");

    /// <summary>The value under <paramref name="key"/> of a recorded map (keys may contain dots).</summary>
    public static object? At(this IReadOnlyDictionary<string, object?> map, string key)
        => map.TryGetValue(key, out var value) ? value : null;

    /// <summary>The nested map under <paramref name="key"/>.</summary>
    public static IReadOnlyDictionary<string, object?> MapAt(this IReadOnlyDictionary<string, object?> map, string key)
        => map.At(key) as IReadOnlyDictionary<string, object?> ?? throw new Xunit.Sdk.XunitException($"no map under {key}");
}
