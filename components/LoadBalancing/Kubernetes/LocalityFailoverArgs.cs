using Pulumi;

namespace Infra.Components.LoadBalancing.Kubernetes;

/// <summary>
/// Where the mesh sends a region's traffic when none of the region's pods is healthy: Istio's
/// locality failover (<c>DestinationRule.trafficPolicy.loadBalancer.localityLbSetting.failover</c>),
/// for a cluster whose nodes span regions (their <c>topology.kubernetes.io/region</c> labels).
/// </summary>
public sealed class LocalityFailoverArgs : ResourceArgs
{
    /// <summary>The region whose traffic fails over, as its nodes' region label, e.g. "eu-west-1".</summary>
    /// <remarks>Default: none; required.</remarks>
    [Input("from")] public string From { get; set; } = "";

    /// <summary>The region that takes it, e.g. "eu-central-1".</summary>
    /// <remarks>Default: none; required.</remarks>
    [Input("to")] public string To { get; set; } = "";
}
