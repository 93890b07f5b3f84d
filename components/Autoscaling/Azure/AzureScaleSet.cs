using System.Text;
using Infra.Components.Common;
using Infra.Components.HealthChecks.Azure;
using Pulumi;
using Pulumi.Azure.Compute;
using Pulumi.Azure.Compute.Inputs;
using Pulumi.Azure.Monitoring;
using Pulumi.Azure.Monitoring.Inputs;

namespace Infra.Components.Autoscaling.Azure;

/// <summary>
/// A Linux VM scale set behind an Application Gateway or a Standard Load Balancer: instances across
/// availability zones with SSH-key login only, encryption at host, managed boot diagnostics, rolling
/// upgrades and automatic instance repair judged by a load balancer probe or the Application Health
/// extension; and an Azure Monitor autoscale setting running the <see cref="ScalingSpec"/>'s
/// policies, native predictive autoscale and the recurring profiles of its forecast schedule.
/// </summary>
/// <remarks>
/// Encryption at host needs the subscription feature <c>Microsoft.Compute/EncryptionAtHost</c>
/// registered once (<c>az feature register --namespace Microsoft.Compute --name EncryptionAtHost</c>);
/// without it Azure refuses to create the set.
/// </remarks>
public sealed class AzureScaleSet : ComponentResource
{
    /// <summary>Resource id of the scale set, e.g. for monitoring scopes.</summary>
    [Output("scaleSetId")] public Output<string> ScaleSetId { get; private set; }

    /// <summary>Name of the scale set.</summary>
    [Output("scaleSetName")] public Output<string> ScaleSetName { get; private set; }

    /// <summary>Resource id of the autoscale setting, whose ObservedCapacity metric the at-max alert reads.</summary>
    [Output("autoscaleSettingId")] public Output<string> AutoscaleSettingId { get; private set; }

    /// <summary>Validates <paramref name="args"/> and creates the scale set and its autoscale setting.</summary>
    public AzureScaleSet(string name, AzureScaleSetArgs args, ComponentResourceOptions? options = null)
        : base("infra:autoscaling:AzureScaleSet", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        InvalidSpecException.ThrowIfAny($"AzureScaleSet \"{name}\"", args.FindProblems());
        var scaling = args.Scaling;

        if (scaling.DesiredCapacity is { } desired)
            Log.Warn($"AzureScaleSet \"{name}\": scaling.desiredCapacity = {desired} sets only the first deploy's size; " +
                "later deploys ignore it so they never fight autoscale. Remove it to start at minSize.", this);

        var scaleSet = new LinuxVirtualMachineScaleSet($"{name}-vmss", ScaleSetFor(args), new CustomResourceOptions
        {
            Parent = this,
            // Autoscale owns the instance count; resetting it on every deploy would undo its work
            // (STYLE.md smells: "a desired capacity that every deploy resets", aws-cdk#5215).
            IgnoreChanges = ["instances"],
        });

        var autoscale = new AutoscaleSetting($"{name}-autoscale", AutoscaleFor(name, args, scaleSet.Id), new CustomResourceOptions { Parent = this });

        ScaleSetId = scaleSet.Id;
        ScaleSetName = scaleSet.Name;
        AutoscaleSettingId = autoscale.Id;
        RegisterOutputs();
    }

    private static LinuxVirtualMachineScaleSetArgs ScaleSetFor(AzureScaleSetArgs args)
    {
        var scaling = args.Scaling;
        var ipConfiguration = new LinuxVirtualMachineScaleSetNetworkInterfaceIpConfigurationArgs
        {
            Name = "internal",
            Primary = true,
            SubnetId = args.SubnetId!,
            ApplicationGatewayBackendAddressPoolIds = args.ApplicationGatewayBackendAddressPoolIds,
            LoadBalancerBackendAddressPoolIds = args.LoadBalancerBackendAddressPoolIds,
        };
        var scaleSet = new LinuxVirtualMachineScaleSetArgs
        {
            ResourceGroupName = args.ResourceGroupName!,
            Location = args.Location,
            Sku = args.VmSize,
            Instances = scaling.DesiredCapacity ?? scaling.MinSize,
            AdminUsername = args.AdminUsername,
            // Password login is always off: keys only (Secure defaults, STYLE.md).
            DisablePasswordAuthentication = true,
            AdminSshKeys =
            {
                new LinuxVirtualMachineScaleSetAdminSshKeyArgs { Username = args.AdminUsername, PublicKey = args.SshPublicKey! },
            },
            SourceImageReference = new LinuxVirtualMachineScaleSetSourceImageReferenceArgs
            {
                Publisher = args.Image.Publisher,
                Offer = args.Image.Offer,
                Sku = args.Image.Sku,
                Version = args.Image.Version,
            },
            OsDisk = new LinuxVirtualMachineScaleSetOsDiskArgs
            {
                Caching = "ReadWrite",
                StorageAccountType = args.OsDiskType,
            },
            // Temp disk and caches are encrypted on the host too, not only the managed disks at rest.
            EncryptionAtHostEnabled = true,
            // No storage account URI: Azure keeps the boot diagnostics in managed storage.
            BootDiagnostics = new LinuxVirtualMachineScaleSetBootDiagnosticsArgs(),
            NetworkInterfaces =
            {
                new LinuxVirtualMachineScaleSetNetworkInterfaceArgs
                {
                    Name = "primary",
                    Primary = true,
                    IpConfigurations = { ipConfiguration },
                },
            },
            UpgradeMode = "Rolling",
            RollingUpgradePolicy = new LinuxVirtualMachineScaleSetRollingUpgradePolicyArgs
            {
                MaxBatchInstancePercent = args.RollingUpgradeMaxBatchPercent,
                MaxUnhealthyInstancePercent = args.RollingUpgradeMaxBatchPercent,
                MaxUnhealthyUpgradedInstancePercent = args.RollingUpgradeMaxBatchPercent,
                PauseTimeBetweenBatches = AzureDurations.For(AzureDurations.RollingUpgradePause, args.RollingUpgradePauseSeconds),
            },
            AutomaticInstanceRepair = new LinuxVirtualMachineScaleSetAutomaticInstanceRepairArgs
            {
                Enabled = true,
                Action = "Replace",
                GracePeriod = AzureDurations.For(AzureDurations.RepairGracePeriod, args.HealthCheck.GracePeriodSeconds),
            },
        };
        foreach (var zone in args.Zones)
            scaleSet.Zones.Add(zone);
        if (args.Zones.Count > 1)
            scaleSet.ZoneBalance = true;
        if (scaling.MaxSize > AzureScaleSetArgs.SinglePlacementGroupMaxInstances)
            scaleSet.SinglePlacementGroup = false;
        if (args.HealthProbeId is { } probe)
            scaleSet.HealthProbeId = probe;
        else
            // Inline, not a separate VirtualMachineScaleSetExtension: the provider checks at create
            // time that a Rolling set has a probe or a health extension in its own model
            // (terraform-provider-azurerm linux_virtual_machine_scale_set_resource.go).
            scaleSet.Extensions.Add(AzureApplicationHealthExtension.For(args.HealthCheck));
        // Boot scripts often carry bootstrap credentials, and Pulumi keeps inputs in the stack's
        // state: a secret is encrypted there and never printed.
        if (args.UserData is { } script)
            scaleSet.CustomData = Output.CreateSecret(Convert.ToBase64String(Encoding.UTF8.GetBytes(script)));
        else if (args.SecretUserData is { } secret)
            scaleSet.CustomData = Output.CreateSecret(secret.ToOutput().Apply(text => Convert.ToBase64String(Encoding.UTF8.GetBytes(text))));
        foreach (var (key, value) in args.Tags)
            scaleSet.Tags.Add(key, value);
        return scaleSet;
    }

    private static AutoscaleSettingArgs AutoscaleFor(string name, AzureScaleSetArgs args, Output<string> scaleSetId)
    {
        var scaling = args.Scaling;
        var setting = new AutoscaleSettingArgs
        {
            Name = $"{name}-autoscale",
            ResourceGroupName = args.ResourceGroupName!,
            Location = args.Location,
            TargetResourceId = scaleSetId,
            Enabled = true,
        };

        var defaultProfile = new AutoscaleSettingProfileArgs
        {
            Name = "default",
            Capacity = new AutoscaleSettingProfileCapacityArgs
            {
                Default = scaling.MinSize,
                Minimum = scaling.MinSize,
                Maximum = scaling.MaxSize,
            },
        };
        foreach (var rule in AzureScalingMapping.Rules(scaling, scaleSetId))
            defaultProfile.Rules.Add(rule);
        setting.Profiles.Add(defaultProfile);

        if (scaling.Predictive is { UsesForecast: true, Schedule: { } schedule })
            foreach (var profile in AzureScalingMapping.RecurrenceProfiles(schedule, scaling.MinSize))
            {
                var recurrence = new AutoscaleSettingProfileRecurrenceArgs
                {
                    Hours = profile.Hour,
                    Minutes = profile.Minute,
                    Timezone = profile.TimeZone,
                };
                foreach (var day in profile.Days)
                    recurrence.Days.Add(day);
                // Each recurring profile holds from its start until the next one starts, with the
                // same demand rules so load the forecast missed is still met.
                var recurring = new AutoscaleSettingProfileArgs
                {
                    Name = $"forecast-{profile.Key}",
                    Capacity = new AutoscaleSettingProfileCapacityArgs
                    {
                        Default = profile.MinimumCapacity,
                        Minimum = profile.MinimumCapacity,
                        Maximum = scaling.MaxSize,
                    },
                    Recurrence = recurrence,
                };
                foreach (var rule in AzureScalingMapping.Rules(scaling, scaleSetId))
                    recurring.Rules.Add(rule);
                setting.Profiles.Add(recurring);
            }

        if (scaling.Predictive is { UsesNative: true } predictive)
            setting.Predictive = new AutoscaleSettingPredictiveArgs
            {
                ScaleMode = AzureScalingMapping.PredictiveMode(predictive.Mode),
                LookAheadTime = AzureDurations.For(AzureDurations.LookAheadTime, predictive.SchedulingBufferSeconds),
            };

        foreach (var (key, value) in args.Tags)
            setting.Tags.Add(key, value);
        return setting;
    }
}
