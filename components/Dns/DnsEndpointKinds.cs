namespace Infra.Components.Dns;

/// <summary>What a failover endpoint is, which decides the settings it needs and how DNS points at it.</summary>
public static class DnsEndpointKinds
{
    /// <summary>An AWS load balancer, given by its DNS name and hosted zone id (Route 53 aliases it).</summary>
    public const string AwsLoadBalancer = "aws-load-balancer";

    /// <summary>An Azure endpoint: a resource id (public IP, App Service) for Traffic Manager, or its FQDN or IP.</summary>
    public const string AzureEndpoint = "azure-endpoint";

    /// <summary>The hostname or IP address a Kubernetes ingress controller publishes.</summary>
    public const string KubernetesIngress = "kubernetes-ingress";

    /// <summary>Any other server, by hostname or IPv4 address.</summary>
    public const string Host = "host";

    /// <summary>Every kind, for validation messages.</summary>
    public static readonly IReadOnlyList<string> All = [AwsLoadBalancer, AzureEndpoint, KubernetesIngress, Host];
}
