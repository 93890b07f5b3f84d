using Infra.Components.LoadBalancing;
using Infra.Components.Monitoring.Azure;

namespace Infra.Tests.Components.Monitoring.Azure;

/// <summary>Fixtures for the Azure monitoring tests.</summary>
internal static class AzureServiceMonitoringSpecs
{
    public const string GatewayId = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Network/applicationGateways/agw";
    public const string LoadBalancerId = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Network/loadBalancers/lb";
    public const string ScaleSetId = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Compute/virtualMachineScaleSets/web-vmss";
    public const string AutoscaleId = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Insights/autoscaleSettings/web-autoscale";

    /// <summary>An Application Gateway service with a scale set of at most 6, 600 requests a minute,
    /// alerts e-mailed to on-call.</summary>
    public static AzureServiceMonitoringArgs Web(string layer = LoadBalancerLayers.Application) => new()
    {
        Layer = layer,
        ResourceGroupName = "rg-web",
        Location = "westeurope",
        LoadBalancerId = layer == LoadBalancerLayers.Application ? GatewayId : LoadBalancerId,
        ScaleSetId = ScaleSetId,
        AutoscaleSettingId = AutoscaleId,
        ScaleSetMaxSize = 6,
        TypicalRequestsPerMinute = layer == LoadBalancerLayers.Application ? 600 : null,
        AlertEmails = ["oncall@example.com"],
    };
}
