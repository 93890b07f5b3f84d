using Infra.Components.Common;
using Infra.Components.Dns;
using Infra.Components.LoadBalancing;
using Infra.Components.Workloads.Kubernetes;
using Infra.Settings;
using Pulumi;

namespace Infra.Sites.Kubernetes;

/// <summary>
/// Runs a site on an existing Kubernetes cluster: an explicit provider for the cluster's kubeconfig
/// context and a <see cref="KubernetesService"/> (Deployments, Service, edge routes, mesh rules,
/// autoscaler, disruption budget, network policy, alert rules).
/// </summary>
public sealed class KubernetesSiteAdapter : SiteAdapter
{
    private const string ServiceAt = "infra:service";

    /// <inheritdoc />
    public override string Cloud => SiteClouds.Kubernetes;

    /// <inheritdoc />
    /// <remarks>What a cluster refuses in the description depends on the site's mesh, edge and autoscaler,
    /// so it is found per site (keyed in the service, reported once).</remarks>
    public override IEnumerable<SpecProblem> FindServiceProblems(StackSettings stack) => [];

    /// <inheritdoc />
    public override IEnumerable<SpecProblem> FindSiteProblems(StackSettings stack, SiteSettings site, string at)
    {
        var kubernetes = (KubernetesSiteSettings)site;
        if (string.IsNullOrWhiteSpace(kubernetes.Cluster))
            yield return new($"{at}.cluster", kubernetes.Cluster, "name the cluster by its kubeconfig context, e.g. staging-eu");
        if (stack.Failover is not null && string.IsNullOrWhiteSpace(kubernetes.Hostname))
            yield return new($"{at}.hostname", null,
                "failover DNS points at the address the cluster's gateway publishes; set hostname to its load balancer's name");
        if (stack.Service.LoadBalancer is null || stack.Service.Scaling is null)
            yield break;
        // The component's own validation, each argument keyed where the stack file writes it.
        foreach (var problem in Args(stack, kubernetes).FindProblems(ComponentName(stack, site), name => name switch
                 {
                     "loadBalancer" or "scaling" or "alerts" => $"{ServiceAt}.{name}",
                     "name" => site.Name is null ? $"{ServiceAt}.name" : $"{at}.name",
                     _ => $"{at}.{name}",
                 }))
            yield return problem;
    }

    /// <inheritdoc />
    /// <remarks>On Kubernetes a listener's certificate is a TLS secret: the site's, when it names one.</remarks>
    public override LoadBalancerSpec? LoadBalancerOf(StackSettings stack, SiteSettings site)
        => ((KubernetesSiteSettings)site).TlsSecretName is { } secret ? stack.Service.LoadBalancer?.WithCertificate(secret) : stack.Service.LoadBalancer;

    /// <inheritdoc />
    public override DnsEndpointSpec FailoverEndpoint(StackSettings stack, SiteSettings site, SiteEdge edge) => new()
    {
        Name = site.Key,
        Kind = DnsEndpointKinds.KubernetesIngress,
        Hostname = edge.Hostname,
        LoadBalancer = stack.Service.LoadBalancer,
    };

    /// <inheritdoc />
    public override BuiltSite Build(StackSettings stack, SiteSettings site)
    {
        var kubernetes = (KubernetesSiteSettings)site;
        // One provider per cluster, by context; a kubeconfig given as the secret infra:kubeconfig reaches
        // the provider as a secret and is never printed.
        var provider = new Pulumi.Kubernetes.Provider($"kubernetes-{site.Key}", new Pulumi.Kubernetes.ProviderArgs
        {
            Context = kubernetes.Cluster!,
            KubeConfig = stack.Kubeconfig is { } kubeconfig ? (Input<string>)kubeconfig : null,
        });
        var service = new KubernetesService(ComponentName(stack, site), Args(stack, kubernetes),
            new ComponentResourceOptions { Provider = provider, Protect = stack.Protect ? true : null });
        return new BuiltSite(site, provider, new SiteEdge(null, null, kubernetes.Hostname is { } edge ? (Input<string>)edge : null, null), new Dictionary<string, object?>
        {
            // The name clients use: the routes' first hostname, else the gateway's own address.
            ["url"] = (kubernetes.Hostnames.FirstOrDefault() ?? kubernetes.Hostname) is { } hostname ? $"https://{hostname}" : Output.Format($"https://{service.ServiceHost}"),
            ["service"] = service.ServiceHost,
        });
    }

    /// <summary>Name of the site's component, e.g. web-staging-eu.</summary>
    public static string ComponentName(StackSettings stack, SiteSettings site) => $"{stack.Service.Name}-{site.Key}";

    private KubernetesServiceArgs Args(StackSettings stack, KubernetesSiteSettings site) => new()
    {
        LoadBalancer = LoadBalancerOf(stack, site)!,
        Scaling = stack.ScalingWithSchedule()!,
        Alerts = stack.Service.Alerts,
        Namespace = site.Namespace ?? "",
        Image = site.Image ?? "",
        Mesh = site.Mesh,
        Edge = site.Edge,
        GatewayName = site.GatewayName,
        GatewayNamespace = site.GatewayNamespace,
        GatewayClassName = site.GatewayClassName,
        IngressClassName = site.IngressClassName,
        EdgeNamespace = site.EdgeNamespace,
        ClientNamespaces = site.ClientNamespaces,
        Hostnames = site.Hostnames,
        LocalityFailover = site.LocalityFailover,
        Autoscaler = site.Autoscaler,
        PrometheusRules = site.PrometheusRules,
        Resources = site.Resources,
    };
}
