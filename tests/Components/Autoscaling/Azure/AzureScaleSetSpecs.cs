using Infra.Components.Autoscaling;
using Infra.Components.Autoscaling.Azure;

namespace Infra.Tests.Components.Autoscaling.Azure;

/// <summary>Fixtures for the Azure scale set tests.</summary>
internal static class AzureScaleSetSpecs
{
    public const string ResourceGroup = "rg-web";
    public const string SubnetId = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Network/virtualNetworks/vnet/subnets/backend";
    public const string GatewayPoolId = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Network/applicationGateways/agw/backendAddressPools/web";
    public const string LoadBalancerPoolId = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Network/loadBalancers/lb/backendAddressPools/web";
    public const string ProbeId = "/subscriptions/0000/resourceGroups/rg-web/providers/Microsoft.Network/loadBalancers/lb/probes/http";
    public const string SshKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKeyForTests ops@example.com";

    /// <summary>2 to 6 instances in three zones behind an Application Gateway pool, scaling on CPU
    /// at 50 %, with a 10-minute repair grace period.</summary>
    public static AzureScaleSetArgs Web(Action<ScalingSpec>? scaling = null)
    {
        var spec = new ScalingSpec
        {
            MinSize = 2,
            MaxSize = 6,
            TargetTracking = { ["cpu"] = new TargetTrackingPolicySpec { Metric = ScalingMetrics.Cpu, TargetValue = 50 } },
        };
        scaling?.Invoke(spec);
        var args = new AzureScaleSetArgs
        {
            Scaling = spec,
            ResourceGroupName = ResourceGroup,
            Location = "westeurope",
            Zones = ["1", "2", "3"],
            SubnetId = SubnetId,
            SshPublicKey = SshKey,
            ApplicationGatewayBackendAddressPoolIds = { GatewayPoolId },
        };
        args.HealthCheck.GracePeriodSeconds = 600;
        return args;
    }

    /// <summary>New York office hours: at least 5 instances on weekdays from 07:00, 1 from 19:00
    /// (below the set's minimum of 2, which wins).</summary>
    public static ForecastScheduleSpec OfficeHours(int raiseAheadMinutes = 10)
    {
        var schedule = new ForecastScheduleSpec { TimeZone = "America/New_York", RaiseAheadMinutes = raiseAheadMinutes };
        foreach (var day in new[] { "Mon", "Tue", "Wed", "Thu", "Fri" })
        {
            schedule.Entries.Add(new ForecastScheduleEntrySpec { Start = $"{day} 07:00", MinSize = 5 });
            schedule.Entries.Add(new ForecastScheduleEntrySpec { Start = $"{day} 19:00", MinSize = 1 });
        }
        return schedule;
    }
}
