namespace Infra.Settings;

/// <summary>The clouds a site can run on, as the <c>cloud</c> key of an <c>infra:sites</c> entry names them.</summary>
public static class SiteClouds
{
    /// <summary>Amazon Web Services: a region with a VPC, load balancer, Auto Scaling group and alarms.</summary>
    public const string Aws = "aws";

    /// <summary>Microsoft Azure: a location with a virtual network, Application Gateway or Load Balancer,
    /// VM scale set and metric alerts.</summary>
    public const string Azure = "azure";

    /// <summary>An existing Kubernetes cluster: Deployments behind Gateway API routes or an Ingress,
    /// optionally with Istio rules, scaled by an HPA or KEDA.</summary>
    public const string Kubernetes = "kubernetes";

    /// <summary>Every cloud, for messages.</summary>
    public static readonly IReadOnlyList<string> All = [Aws, Azure, Kubernetes];
}
